// Retro-hunt benchmark: SigmaHQ rules over a stored, mixed event stream, filtered in SQL or scanned, to set the
// planner's budget (prints figures, asserts nothing). Usage (from the project root, after a build):
//   node dist/bench/hunt/run.js [--events 200000] [--days 2] [--runs 3] [--rules DIR] [--data /tmp/perf]
// Wall time and process CPU time are both printed: the store reads on the calling thread, so they are close.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '../../src/core/event.js';
import { tenantId } from '../../src/core/ids.js';
import type { RawMessage } from '../../src/core/raw-message.js';
import { planHunt, type PlanOptions } from '../../src/detect/hunt-plan.js';
import { retroHunt } from '../../src/detect/retro-hunt.js';
import { loadRuleText, loadRules } from '../../src/detect/sigma/loader.js';
import type { SigmaRule } from '../../src/detect/sigma/rule.js';
import { normalize } from '../../src/normalize/normalize.js';
import { SqliteEventStore } from '../../src/store/embedded/sqlite-event-store.js';
import { systemScope } from '../../src/store/tenant-scope.js';
import { mixedLines } from '../detect/corpus.js';
import { ensureCorpus, findSigmaRules, median, readLines } from '../shared/corpus.js';

interface Args {
  events: number;
  days: number;
  runs: number;
  rules: string;
  data: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    events: 200_000,
    days: 2,
    runs: 3,
    rules: findSigmaRules(),
    data: process.env['PERF_DATA'] ?? '/tmp/perf',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--events') args.events = Number(argv[++i]);
    else if (a === '--days') args.days = Number(argv[++i]);
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--rules') args.rules = String(argv[++i]);
    else if (a === '--data') args.data = String(argv[++i]);
  }
  return args;
}

const tenant = tenantId('bench');
const START = Date.UTC(2026, 10, 1);

/** A process_creation rule with `n` CommandLine values that match nothing: what n field tests cost the store. */
function probeRule(n: number): SigmaRule {
  const values = Array.from({ length: n }, (_, i) => `    - 'zq${i}unlikely'`).join('\n');
  const text = `title: probe ${n}\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n  sel:\n    CommandLine|contains:\n${values}\n  condition: sel\n`;
  return loadRuleText(text).rules[0]!;
}

async function measure(
  store: SqliteEventStore,
  days: number,
  rules: readonly SigmaRule[],
  plan: PlanOptions,
  runs: number,
): Promise<{ wall: number; cpu: number; examined: number; findings: number; passes: string }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  let examined = 0;
  let findings = 0;
  const planned = planHunt(rules, plan);
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const run = retroHunt({
      store,
      scope: { tenants: systemScope([tenant]), from: START, to: START + days * 86_400_000 },
      rules,
      plan: planned,
    });
    let result = await run.next();
    while (!result.done) result = await run.next();
    const used = process.cpuUsage(cpu);
    walls.push(performance.now() - started);
    cpus.push((used.user + used.system) / 1000);
    examined = result.value.eventsExamined;
    findings = result.value.findings;
  }
  const passes = planned.passes.map((p) => `${p.kind}(${p.rules.length})`).join(' + ');
  return { wall: median(walls), cpu: median(cpus), examined, findings, passes };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  ensureCorpus(args.data, 200_000);
  const lines = mixedLines(args.events, readLines(join(args.data, 'fw-3164.log')));
  const span = args.days * 86_400_000;
  const events: Event[] = lines.map((line, i) => {
    const at = START + Math.floor((i * span) / lines.length);
    const raw: RawMessage = { tenant, receivedAt: at, input: 'bench', text: line };
    const e = normalize(raw, { receivedAt: at, timeZone: 'UTC' });
    e.time = at;
    return e;
  });
  const processes = events.filter((e) => e.logsource.category === 'process_creation').length;
  const dir = mkdtempSync(join(tmpdir(), 'yagura-bench-hunt-'));
  const store = new SqliteEventStore({ dataDir: dir, minFreeBytes: 0 });
  try {
    for (let i = 0; i < events.length; i += 10_000) await store.append(events.slice(i, i + 10_000));
    console.log(
      `${events.length.toLocaleString('en')} events over ${args.days} days stored ` +
        `(${processes.toLocaleString('en')} process_creation)`,
    );
    const show = (name: string, m: Awaited<ReturnType<typeof measure>>, per = processes) =>
      console.log(
        `${name.padEnd(44)} ${String(Math.round(m.wall)).padStart(7)} ms wall ${String(Math.round(m.cpu)).padStart(7)} ms cpu` +
          `  ${((m.wall * 1000) / per).toFixed(2).padStart(7)} µs/event  examined ${m.examined}  findings ${m.findings}  ${m.passes}`,
      );

    console.log('\ncalibration: one process_creation rule with n values that match nothing');
    for (const n of [1, 8, 32, 128]) {
      const probe = [probeRule(n)];
      show(
        `  filter, n = ${n}`,
        await measure(store, args.days, probe, { groupBudget: Infinity }, args.runs),
      );
    }
    show('  scan (n = 8)', await measure(store, args.days, [probeRule(8)], { groupBudget: 0 }, args.runs));

    const { rules } = loadRules([args.rules]);
    const proc = rules.filter(
      (r) => r.logsource.product === 'windows' && r.logsource.category === 'process_creation',
    );
    const costs = planHunt(proc, { groupBudget: Infinity }).rules.map((p) => p.query.cost);
    const typical = proc.filter((_, i) => costs[i] === median(costs)).slice(0, 1);
    console.log(
      `\nSigmaHQ: ${rules.length} rules, ${proc.length} process_creation (median cost ${median(costs)})`,
    );
    show(`  one typical rule, filter`, await measure(store, args.days, typical, {}, args.runs));
    show(`  one typical rule, scan`, await measure(store, args.days, typical, { groupBudget: 0 }, args.runs));
    for (const budget of [0, 24, 200]) {
      show(
        `  process_creation rules, budget ${budget}`,
        await measure(store, args.days, proc, { groupBudget: budget }, 1),
      );
    }
    show(`  all rules, default plan`, await measure(store, args.days, rules, {}, 1), events.length);
    show(
      `  all rules, all scanned`,
      await measure(store, args.days, rules, { groupBudget: 0 }, 1),
      events.length,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
