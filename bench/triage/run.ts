// Triage benchmark: findings through the allow-list (200 rules) and alert grouping, on one core (prints figures,
// asserts nothing). Usage (from the project root):
//   npm run build && npm run bench:triage -- [--findings 1000000] [--runs 3] [--chunk 5000] [--allowlist 200]
// Two figures per run, both findings per CPU-second of the process:
// - decision: the in-memory hot path the server runs for each stored batch (hosts and users noted, suppress or
//   group, assets for new alerts, the triage mark queued), writes left out;
// - with SQLite: the same plus the batched writes (alerts, one triage row per finding, hit counts, last-seen
//   times and learned hosts) to a state database file, flushed every `chunk` findings as the stage's background
//   flush does (counters of stored alerts at most once a second).
// Building the findings is not timed. Setup (asset import, allow-list rules) goes through the services.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliActor } from '../../src/access/actor.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { openStateDb, type StateDb } from '../../src/state/database.js';
import { AlertIngest } from '../../src/triage/alert-ingest.js';
import { openTriage, type Triage } from '../../src/triage/triage-stage.js';
import { median } from '../shared/corpus.js';
import { findingChunk, makeCorpus, prng, T0, type Corpus } from './corpus.js';

interface Args {
  findings: number;
  runs: number;
  chunk: number;
  allowlist: number;
  /** Skip the pass with SQLite writes. */
  decisionOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { findings: 1_000_000, runs: 3, chunk: 5000, allowlist: 200, decisionOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--findings') args.findings = Number(argv[++i]);
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--chunk') args.chunk = Number(argv[++i]);
    else if (a === '--allowlist') args.allowlist = Number(argv[++i]);
    else if (a === '--decision-only') args.decisionOnly = true;
  }
  return args;
}

const HOUR = 3_600_000;
// 1M findings over ~5.5 hours: several grouping windows roll by.
const STEP_MS = 20;
const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

// The stage's clock follows the findings, as if they arrived live: idle groups leave memory as they would.
let simulated = T0;
const clock = (): number => simulated;

async function setUp(dir: string, corpus: Corpus): Promise<{ db: StateDb; triage: Triage }> {
  simulated = T0;
  const db = await openStateDb({ dataDir: dir });
  const deps = { db, audit: new AuditLog(db, { now: clock }), knownTenants: () => corpus.tenants, clock };
  const triage = await openTriage(deps, { windowMs: () => HOUR });
  const cli = cliActor();
  for (const [tenant, csv] of corpus.assetCsv) await triage.assets.importCsv(cli, tenant, csv);
  for (const rule of corpus.allowlist) await triage.allowlist.create(cli, rule);
  return { db, triage };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const corpus = makeCorpus({ tenants: 10, rules: 300, hosts: 400, allowlist: args.allowlist });
  const root = mkdtempSync(join(tmpdir(), 'yagura-bench-triage-'));
  console.log(
    `${args.findings.toLocaleString('en')} findings, ${corpus.tenants.length} tenants, ${corpus.rules.length} rules, ` +
      `${corpus.allowlist.length} allow-list rules (${corpus.allowlist.filter((r) => r.ruleId === null).length} tenant-wide), ` +
      `1 h window, writes every ${args.chunk}`,
  );
  const decisionRuns: number[] = [];
  const dbRuns: number[] = [];
  try {
    for (let run = 0; run < args.runs; run++) {
      const dir = join(root, `run-${run}`);
      const { db, triage } = await setUp(dir, corpus);

      // Decision path: a stage of its own over the same allow-list and inventory; pending writes are dropped.
      const decide = new AlertIngest(db, {
        windowMs: () => HOUR,
        clock,
        suppressor: triage.allowlist,
        assessor: triage.assets,
      });
      let rand = prng(11);
      global.gc?.();
      let decisionMs = 0;
      for (let i = 0; i < args.findings; i += args.chunk) {
        const chunk = findingChunk(corpus, i, Math.min(args.chunk, args.findings - i), STEP_MS, rand);
        simulated = chunk.at(-1)!.stored.time;
        const started = process.cpuUsage();
        for (const f of chunk) triage.assets.learn(f.events);
        decide.ingest(chunk);
        decide.takePending();
        decisionMs += cpuMs(started);
      }
      triage.allowlist.index.takeHits();
      await triage.assets.flush();
      decisionRuns.push(decisionMs);

      if (args.decisionOnly) {
        const c = decide.counts;
        console.log(
          `run ${run + 1}: decision ${rate(args.findings, decisionMs)} — ${c.suppressed} suppressed, ${c.alertsCreated} alerts`,
        );
        await db.destroy();
        continue;
      }
      // With SQLite: the service the server runs, ingest then write, chunk by chunk.
      rand = prng(11);
      simulated = T0;
      global.gc?.();
      let dbMs = 0;
      let flushMs = 0;
      for (let i = 0; i < args.findings; i += args.chunk) {
        const chunk = findingChunk(corpus, i, Math.min(args.chunk, args.findings - i), STEP_MS, rand);
        simulated = chunk.at(-1)!.stored.time;
        const started = process.cpuUsage();
        for (const f of chunk) triage.assets.learn(f.events);
        triage.alerts.ingest(chunk);
        const writing = process.cpuUsage();
        // As the stage's background flush does; the last one writes everything.
        const last = i + args.chunk >= args.findings;
        await triage.alerts.flush(last);
        await triage.allowlist.flush();
        await triage.assets.flush();
        flushMs += cpuMs(writing);
        dbMs += cpuMs(started);
      }
      dbRuns.push(dbMs);
      const counts = decide.counts;
      const alerts = await db
        .selectFrom('alerts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      const rows = await db
        .selectFrom('finding_triage')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      const hits = await db
        .selectFrom('allowlist_rules')
        .select((eb) => eb.fn.sum<number>('hits').as('n'))
        .executeTakeFirst();
      console.log(
        `run ${run + 1}: decision ${rate(args.findings, decisionMs)}; with SQLite ${rate(args.findings, dbMs)} ` +
          `(writes ${Math.round((flushMs / dbMs) * 100)} % of it) — ` +
          `${counts.suppressed.toLocaleString('en')} suppressed, ${counts.alertsCreated.toLocaleString('en')} alerts; ` +
          `stored ${Number(alerts?.n).toLocaleString('en')} alerts, ${Number(rows?.n).toLocaleString('en')} triage rows, ` +
          `${Number(hits?.n).toLocaleString('en')} hits; state.db ${(statSync(join(dir, 'state.db')).size / 1048576).toFixed(0)} MB`,
      );
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const best = (xs: number[]): number => Math.min(...xs);
  console.log(
    `\ndecision: best ${rate(args.findings, best(decisionRuns))}, median ${rate(args.findings, median(decisionRuns))} per core`,
  );
  if (dbRuns.length > 0)
    console.log(
      `with SQLite writes: best ${rate(args.findings, best(dbRuns))}, median ${rate(args.findings, median(dbRuns))} per core`,
    );
  console.log(
    `peak heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB, RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
  );
}

await main();
