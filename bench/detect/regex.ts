// Regex benchmark: ns per test() of every SigmaHQ regex on real event values, our linear-time engine against V8's
// RegExp, then the pathological patterns (prints figures, asserts nothing). Usage (from the project root):
//   npm run build && npm run bench:regex -- [--runs 7] [--rules DIR]
// The texts are the distinct values of 20 to 300 characters in ../shared/sigma/regression/events (command lines,
// paths, registry keys of real Windows events); most do not match a given regex, as in production.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { loadRules } from '../../src/detect/sigma/loader.js';
import type { Selection } from '../../src/detect/sigma/rule.js';
import { Regex } from '../../src/detect/sigma/regex/engine.js';

interface Args {
  runs: number;
  rules: string;
}

function findShared(sub: string): string {
  for (const base of [process.cwd(), resolve(process.cwd(), '..')]) {
    const p = resolve(base, '../shared', sub);
    if (existsSync(p)) return p;
  }
  return `/work/shared/${sub}`;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 7, rules: findShared('sigma/rules') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') args.runs = Number(argv[++i]);
    else if (argv[i] === '--rules') args.rules = String(argv[++i]);
  }
  return args;
}

function filesWithRegex(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesWithRegex(path, into);
    else if (/\.ya?ml$/.test(name) && readFileSync(path, 'utf8').includes('|re')) into.push(path);
  }
  return into;
}

function collect(selection: Selection, into: Map<string, { source: string; flags: string }>): void {
  if (selection.kind === 'any') for (const s of selection.maps) collect(s, into);
  const items =
    selection.kind === 'map' ? selection.items : selection.kind === 'keywords' ? [selection.item] : [];
  for (const item of items)
    for (const v of item.values) if (v.type === 'regex') into.set(`${v.flags}/${v.source}`, v);
}

function eventValues(dir: string): string[] {
  const texts = new Set<string>();
  for (const name of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      for (const v of Object.values(JSON.parse(line) as Record<string, unknown>)) {
        if (typeof v === 'string' && v.length >= 20 && v.length <= 300) texts.add(v);
      }
    }
  }
  return [...texts];
}

type Test = (text: string) => boolean;

/** Repetitions of the texts that take about 5 ms. */
function calibrate(test: Test, texts: readonly string[]): number {
  let found = 0;
  for (const t of texts) if (test(t)) found++;
  const t0 = process.hrtime.bigint();
  for (const t of texts) if (test(t)) found++;
  const once = Math.max(1, Number(process.hrtime.bigint() - t0));
  return Math.max(1, Math.round(5e6 / once)) + (found < 0 ? 1 : 0);
}

function timeOnce(test: Test, texts: readonly string[], reps: number): number {
  let found = 0;
  const start = process.hrtime.bigint();
  for (let k = 0; k < reps; k++) for (const t of texts) if (test(t)) found++;
  const ns = Number(process.hrtime.bigint() - start) / (reps * texts.length);
  return found < 0 ? Infinity : ns;
}

/**
 * Best ns per test of each engine over `runs` rounds. The engines take turns within a round, so a burst of load
 * from other processes on this shared machine hits both rather than one.
 */
function nsPerTest(tests: Test[], texts: readonly string[], runs: number): number[] {
  const reps = tests.map((t) => calibrate(t, texts));
  const best = tests.map(() => Infinity);
  for (let r = 0; r < runs; r++) {
    tests.forEach(
      (test, i) => (best[i] = Math.min(best[i] as number, timeOnce(test, texts, reps[i] as number))),
    );
  }
  return best;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const fmt = (n: number, digits = 0): string => n.toFixed(digits).padStart(8);

function sigmaRegexes(args: Args): void {
  const { rules } = loadRules(filesWithRegex(args.rules));
  const found = new Map<string, { source: string; flags: string }>();
  for (const rule of rules) for (const s of rule.selections.values()) collect(s, found);
  const texts = eventValues(findShared('sigma/regression/events'));
  const avg = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  console.log(
    `${found.size} distinct regexes from ${rules.length} rules, ${texts.length} texts (mean ${avg.toFixed(0)} chars)`,
  );
  const t0 = process.hrtime.bigint();
  const compiled = [...found.values()].map(({ source, flags }) => ({
    source,
    flags,
    ours: new Regex(source, flags),
    v8: new RegExp(source, flags),
  }));
  const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    `compiling all ${compiled.length}: ${compileMs.toFixed(1)} ms (DFA states are built later, on use)`,
  );
  const rows = compiled.map((c) => {
    const [ours = 0, v8 = 0] = nsPerTest([(t) => c.ours.test(t), (t) => c.v8.test(t)], texts, args.runs);
    return { source: c.source, flags: c.flags, ours, v8, hits: texts.filter((t) => c.v8.test(t)).length };
  });
  const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const ratios = rows.map((r) => r.ours / r.v8);
  const geo = Math.exp(ratios.reduce((n, r) => n + Math.log(r), 0) / ratios.length);
  console.log('\nns per test (best of runs)       ours       V8');
  console.log(
    `median over regexes        ${fmt(median(rows.map((r) => r.ours)), 1)} ${fmt(median(rows.map((r) => r.v8)), 1)}`,
  );
  console.log(
    `mean over regexes          ${fmt(total((r) => r.ours) / rows.length, 1)} ${fmt(total((r) => r.v8) / rows.length, 1)}`,
  );
  console.log(`all regexes on one text    ${fmt(total((r) => r.ours))} ${fmt(total((r) => r.v8))}`);
  console.log(
    `ours / V8: geometric mean ${geo.toFixed(2)}, median ${median(ratios).toFixed(2)}, ` +
      `faster than V8 on ${ratios.filter((r) => r < 1).length} of ${ratios.length}`,
  );
  console.log('\nslowest ten against V8 (ns per test, ours / V8, texts matched):');
  for (const r of [...rows].sort((a, b) => b.ours / b.v8 - a.ours / a.v8).slice(0, 10)) {
    console.log(
      `${fmt(r.ours)} ${fmt(r.v8)}  x${(r.ours / r.v8).toFixed(1).padEnd(5)} ${String(r.hits).padStart(4)}  /${r.source.slice(0, 70)}/${r.flags}`,
    );
  }
}

/** Patterns that make backtracking engines take exponential time, and a text of n units that they do not match. */
const PATHOLOGICAL: [string, (n: number) => string][] = [
  ['(a+)+$', (n) => `${'a'.repeat(n)}!`],
  ['(a|aa)*b', (n) => 'a'.repeat(n)],
  ['(.*a){20}', (n) => `${'a'.repeat(19)}${'b'.repeat(n)}`],
  ['(x+x+)+y', (n) => 'x'.repeat(n)],
];

function pathological(): void {
  console.log(
    '\npathological patterns: ours over 100 KB (fresh engine, then cached), V8 for n = 16, 20, ... until a test takes 1 s',
  );
  for (const [source, text] of PATHOLOGICAL) {
    const big = text(100 * 1024);
    const re = new Regex(source, '');
    let start = process.hrtime.bigint();
    re.test(big);
    const first = Number(process.hrtime.bigint() - start) / 1e6;
    start = process.hrtime.bigint();
    re.test(big);
    const again = Number(process.hrtime.bigint() - start) / 1e6;
    const v8: string[] = [];
    const v8re = new RegExp(source);
    for (let n = 16; n <= 48; n += 4) {
      start = process.hrtime.bigint();
      v8re.test(text(n));
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      v8.push(`n=${n} ${ms < 1 ? ms.toFixed(2) : ms.toFixed(0)} ms`);
      if (ms > 1000) break;
    }
    console.log(
      `${source.padEnd(10)} ours ${first.toFixed(1)} ms, then ${again.toFixed(1)} ms (${re.steps} steps); V8: ${v8.join(', ')}`,
    );
  }
}

const args = parseArgs(process.argv.slice(2));
const [one, five, fifteen] = loadavg();
console.log(
  `node ${process.version}, one core, load average ${one?.toFixed(2)} ${five?.toFixed(2)} ${fifteen?.toFixed(2)}`,
);
sigmaRegexes(args);
pathological();
