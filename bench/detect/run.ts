// Detection benchmark: every SigmaHQ rule over a mixed, realistic event stream on one core (prints figures,
// asserts nothing). Usage (from the project root):
//   npm run bench:detect -- [--events 100000] [--runs 3] [--rules DIR] [--data /tmp/perf] [--workers N]
// Events are normalized first (not timed); then the rule set is timed over them, and JSON.parse of the same
// events' JSON is timed as the yardstick the issue names. Rates are events per CPU-second of the process.
import { join } from 'node:path';
import { tenantId } from '../../src/core/ids.js';
import type { Event } from '../../src/core/event.js';
import type { RawMessage } from '../../src/core/raw-message.js';
import { loadRules } from '../../src/detect/sigma/loader.js';
import { RuleSet } from '../../src/detect/sigma/rule-set.js';
import { detectionSchema } from '../../src/detection/config.js';
import { DetectionPool } from '../../src/detection/worker/detection-pool.js';
import { normalize } from '../../src/normalize/normalize.js';
import { ensureCorpus, findSigmaRules, median, readLines } from '../shared/corpus.js';
import { mixedLines } from './corpus.js';

interface Args {
  workers: number;
  events: number;
  runs: number;
  rules: string;
  data: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    workers: 0,
    events: 100_000,
    runs: 3,
    rules: findSigmaRules(),
    data: process.env['PERF_DATA'] ?? '/tmp/perf',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--events') args.events = Number(argv[++i]);
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--workers') args.workers = Number(argv[++i]);
    else if (a === '--rules') args.rules = String(argv[++i]);
    else if (a === '--data') args.data = String(argv[++i]);
  }
  return args;
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;

/**
 * Runs `fn`; returns its result and the process CPU time it took in ms. CPU time, not wall time: this machine's
 * two vCPUs are often shared, and the figure wanted is the cost on one core.
 */
function timed<T>(fn: () => T): [T, number] {
  const started = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(started);
  return [result, (used.user + used.system) / 1000];
}

function prepareEvents(args: Args): Event[] {
  ensureCorpus(args.data, 200_000);
  const tenant = tenantId('bench');
  const lines = mixedLines(args.events, readLines(join(args.data, 'fw-3164.log')));
  const events: Event[] = lines.map((line, i) => {
    const raw: RawMessage = { tenant, receivedAt: Date.UTC(2026, 10, 28) + i, input: 'bench', text: line };
    return normalize(raw, { receivedAt: raw.receivedAt, timeZone: 'UTC' });
  });
  const sources = new Map<string, number>();
  for (const e of events) {
    const key =
      [e.logsource.product, e.logsource.category, e.logsource.service].filter(Boolean).join('/') || '-';
    sources.set(key, (sources.get(key) ?? 0) + 1);
  }
  console.log(`${events.length.toLocaleString('en')} events by log source:`);
  for (const [k, n] of [...sources].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(34)} ${n}`);
  return events;
}

function main(): void {
  const events = prepareEvents(args);

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const [loaded, loadMs] = timed(() => loadRules([args.rules]));
  const [rules, compileMs] = timed(() => new RuleSet(loaded.rules));
  global.gc?.();
  const heapRules = process.memoryUsage().heapUsed - heapBefore;
  console.log(
    `\nrules: ${rules.size} compiled (${loaded.problems.length} refused); load ${(loadMs / 1000).toFixed(2)} s, ` +
      `compile ${(compileMs / 1000).toFixed(2)} s; heap for the rules ~${mb(heapRules)}`,
  );

  const json = events.map((e) => JSON.stringify(e));
  const parseRuns: number[] = [];
  const detectRuns: number[] = [];
  const byRule = new Map<string, number>();
  for (let run = 0; run < args.runs; run++) {
    const [, parseMs] = timed(() => {
      let n = 0;
      for (const text of json) n += (JSON.parse(text) as Event).time > 0 ? 1 : 0;
      return n;
    });
    parseRuns.push(parseMs);
    const [findings, detectMs] = timed(() => {
      let n = 0;
      for (const e of events) {
        for (const f of rules.evaluate(e)) {
          n++;
          if (run === 0) byRule.set(f.rule.title, (byRule.get(f.rule.title) ?? 0) + 1);
        }
      }
      return n;
    });
    detectRuns.push(detectMs);
    console.log(
      `run ${run + 1}: detect ${rate(events.length, detectMs)} (${findings} findings), JSON.parse ${rate(events.length, parseMs)}`,
    );
  }
  const detect = median(detectRuns);
  const parse = median(parseRuns);
  console.log(
    `\nmedian: detection ${rate(events.length, detect)} per core; JSON.parse of the same events ` +
      `${rate(events.length, parse)}; detection costs ${(detect / parse).toFixed(1)}x JSON.parse`,
  );
  console.log(`peak heap ${mb(process.memoryUsage().heapUsed)}, RSS ${mb(process.memoryUsage().rss)}`);
  console.log('\nrules that fired most (run 1):');
  for (const [title, n] of [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`  ${String(n).padStart(7)}  ${title}`);
  }
}

/**
 * The same events through a pool of detection workers, spread over 8 tenants (a tenant stays on one worker), in
 * batches of 1,000 as the server sends them: wall-clock events/s, copies to and from the workers included.
 */
async function withWorkers(args: Args, events: Event[]): Promise<void> {
  const config = detectionSchema.parse({
    ruleSets: [{ id: 'sigmahq', paths: [args.rules] }],
    workers: args.workers,
  });
  const pool = new DetectionPool(args.workers);
  const started = performance.now();
  await pool.load(config, []);
  console.log(
    `\n${args.workers} workers: rules ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const spread = events.map((e, i) => ({ ...e, tenant: tenantId(`t${i % 8}`) }));
  const runs: number[] = [];
  for (let run = 0; run < args.runs; run++) {
    const t0 = performance.now();
    let findings = 0;
    const inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < spread.length; i += 1000) {
      inFlight.push(pool.process(spread.slice(i, i + 1000)).then((f) => (findings += f.length)));
      if (inFlight.length >= 4) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const ms = performance.now() - t0;
    runs.push(ms);
    console.log(`run ${run + 1}: ${rate(spread.length, ms)} wall clock (${findings} findings)`);
  }
  console.log(`median with ${args.workers} workers: ${rate(spread.length, median(runs))} (wall clock)`);
  await pool.close();
}

const args = parseArgs(process.argv.slice(2));
if (args.workers > 0) {
  void withWorkers(args, prepareEvents(args));
} else main();
