// Parse benchmark: lines/s of normalize() on one core over the shared load corpus (prints figures, asserts nothing):
// by the clock, and per second of the process's CPU time (steadier on a shared machine).
// Usage (from the project root):
//   npm run bench:parse -- [--runs 3] [--data /tmp/perf] [--lines 200000]
// The corpus is generated with ../shared/tools/gen_data.py (200k lines) when fw-3164.log is missing. Besides the
// corpus files, it times each format of the mix on its own (the format parseText names), and the device fixtures
// (../shared/samples/logs and test/golden/cases), repeated to a measurable size.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tenantId } from '../../src/core/ids.js';
import type { RawMessage } from '../../src/core/raw-message.js';
import { normalize } from '../../src/normalize/normalize.js';
import { parseText } from '../../src/parsers/detect.js';

interface Args {
  runs: number;
  data: string;
  lines: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 3, data: process.env['PERF_DATA'] ?? '/tmp/perf', lines: 200_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--data') args.data = String(argv[++i]);
    else if (a === '--lines') args.lines = Number(argv[++i]);
  }
  return args;
}

function findGenerator(): string {
  for (const base of [process.cwd(), resolve(process.cwd(), '..')]) {
    const p = resolve(base, '../shared/tools/gen_data.py');
    if (existsSync(p)) return p;
  }
  return '/work/shared/tools/gen_data.py';
}

function ensureCorpus(args: Args): void {
  if (existsSync(join(args.data, 'fw-3164.log'))) return;
  console.log(`generating ${args.lines} lines into ${args.data} ...`);
  execFileSync('python3', [findGenerator(), String(args.lines)], {
    env: { ...process.env, PERF_DATA: args.data },
    stdio: 'inherit',
  });
}

function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function bench(name: string, messages: RawMessage[], runs: number): number {
  const ctx = { receivedAt: messages[0]?.receivedAt ?? Date.now(), timeZone: 'UTC' };
  // Warm-up so the JIT has compiled the hot paths before timing.
  for (let i = 0; i < Math.min(20_000, messages.length); i++) normalize(messages[i] as RawMessage, ctx);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let parseErrors = 0;
  for (let r = 0; r < runs; r++) {
    parseErrors = 0;
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    for (const m of messages) {
      const e = normalize(m, ctx);
      if (e.tags?.includes('parse_error')) parseErrors++;
    }
    const cpu = process.cpuUsage(cpu0);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    rates.push(messages.length / (ms / 1000));
    cpuRates.push(messages.length / ((cpu.user + cpu.system) / 1e6));
  }
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  // The best run is the least disturbed by other processes on a shared machine; the median is typical. Lines per
  // CPU second (the process's own CPU time, garbage collection included) hardly depend on what else runs.
  console.log(
    `${name.padEnd(26)} median ${fmt(median(rates)).padStart(9)}  best ${fmt(Math.max(...rates)).padStart(9)} lines/s ` +
      `cpu ${fmt(median(cpuRates)).padStart(9)} lines/cpu-s ` +
      `(${runs} runs of ${messages.length} lines, parse_error ${parseErrors})`,
  );
  return median(rates);
}

/** Lines grouped by the format parseText gives them ("rfc3164+kv+fortigate"; "unparsed" when none). */
function byFormat(lines: string[], receivedAt: number): Map<string, string[]> {
  const ctx = { receivedAt, timeZone: 'UTC' };
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    const format = parseText(line, ctx).record?.format ?? 'unparsed';
    let group = groups.get(format);
    if (!group) groups.set(format, (group = []));
    group.push(line);
  }
  return groups;
}

function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, accept);
    return accept(name) ? [path] : [];
  });
}

/** Raw lines of the device fixtures: Elastic's samples and our golden cases (JSON event files as one line each). */
function deviceLines(): string[] {
  const samples = resolve(findGenerator(), '../../samples/logs');
  const cases = resolve(import.meta.dirname, '../../../test/golden/cases');
  const lines: string[] = [];
  for (const file of filesUnder(samples, (n) => n.endsWith('.log') && !n.includes('STALE')))
    lines.push(...readLines(file));
  for (const file of filesUnder(cases, (n) => n.endsWith('.log'))) lines.push(...readLines(file));
  return lines.filter((l) => l.length > 0);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  ensureCorpus(args);
  const tenant = tenantId('bench');
  // receivedAt a few minutes after the corpus's log time, like a live feed.
  const receivedAt = Date.UTC(2025, 10, 28, 18, 0, 0);
  const raw = (text: string): RawMessage => ({ tenant, input: 'syslog', receivedAt, text });
  console.log(`node ${process.version}, normalize() on one core`);
  for (const file of ['fw-3164.log', 'fw-5424.log', 'ecs.ndjson']) {
    const lines = readLines(join(args.data, file)).slice(0, args.lines);
    bench(file, lines.map(raw), args.runs);
  }
  // HTTP inputs hand over already-decoded objects: only flattening is measured here.
  const objects = readLines(join(args.data, 'ecs.ndjson'))
    .slice(0, args.lines)
    .map((l): RawMessage => ({
      tenant,
      input: 'http',
      receivedAt,
      text: l,
      object: JSON.parse(l) as Record<string, unknown>,
    }));
  bench('ecs.ndjson (raw.object)', objects, args.runs);

  console.log('\nthe mix (fw-3164.log) by format, each format on its own:');
  const mix = readLines(join(args.data, 'fw-3164.log')).slice(0, args.lines);
  for (const [format, lines] of [...byFormat(mix, receivedAt)].sort((a, b) => b[1].length - a[1].length)) {
    bench(`  ${format}`, lines.map(raw), args.runs);
  }

  const devices = deviceLines();
  console.log(`\ndevice fixtures (${devices.length} distinct lines, each format repeated to 20,000 lines):`);
  for (const [format, lines] of [...byFormat(devices, receivedAt)].sort((a, b) => a[0].localeCompare(b[0]))) {
    const repeated = Array.from({ length: 20_000 }, (_, i) => lines[i % lines.length] as string);
    bench(`  ${format}`, repeated.map(raw), args.runs);
  }
}

main();
