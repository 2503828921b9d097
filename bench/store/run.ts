// Store benchmark: transfer shapes to the writer worker, then rows/s and bytes/event per index/FTS configuration,
// then the whole ingest (parse + encode + store) with the chosen settings. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '../../src/core/event.js';
import { dayBytes, listDays } from '../../src/store/embedded/layout.js';
import { encodeBatch, type DayGroup, type EncodedBatch } from '../../src/store/embedded/row-codec.js';
import { DEFAULT_TUNING, type WriterTuning } from '../../src/store/embedded/schema.js';
import { startWorker } from '../../src/store/embedded/worker-loader.js';
import { WriterClient } from '../../src/store/embedded/writer-client.js';
import { SqliteEventStore } from '../../src/store/embedded/sqlite-event-store.js';
import { systemScope } from '../../src/store/tenant-scope.js';
import { tenantId } from '../../src/core/ids.js';
import { parseQuery } from '../../src/search/parser.js';
import { loadCorpus, toEvent, type Corpus } from './corpus.js';

const dir = process.env['PERF_DATA'] ?? '/tmp/perf';
const N = Number(process.env['N'] ?? 200_000);
const BATCH = Number(process.env['BATCH'] ?? 10_000);
const only = process.env['ONLY']?.split(',');

function buildEvents(c: Corpus): Event[] {
  const now = Date.now();
  const out: Event[] = [];
  for (let i = 0; i < c.ecs.length; i++) out.push(toEvent(c, i, now));
  return out;
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Columns joined by U+0000, rows by U+0001 (a bench-only shape: real text may hold those characters). */
function joinGroups(groups: DayGroup[]): string {
  return groups.map((g) => g.rows.map((r) => r.join('\u0000')).join('\u0001')).join('\u0001');
}

async function transfer(events: Event[]): Promise<void> {
  console.log(
    `\n== transfer to a worker (${events.length} events, ${BATCH}/batch): postMessage on main, receive in the worker, per event`,
  );
  const encoded = batches(events, BATCH).map((b) => encodeBatch(b));
  const shapes: Record<string, { kind: string; payload: (i: number) => unknown }> = {
    'Event objects (worker would encode)': {
      kind: 'array',
      payload: (i) => events.slice(i * BATCH, (i + 1) * BATCH),
    },
    'one array per row [chosen]': { kind: 'array', payload: (i) => encoded[i]!.groups },
    'one flat array': { kind: 'array', payload: (i) => encoded[i]!.groups.flatMap((g) => g.rows.flat()) },
    'JSON text of rows': { kind: 'json', payload: (i) => JSON.stringify(encoded[i]!.groups) },
    'one joined string per batch': { kind: 'joined', payload: (i) => joinGroups(encoded[i]!.groups) },
  };
  const t0 = performance.now();
  for (const b of batches(events, BATCH)) encodeBatch(b);
  console.log(
    `${'encodeBatch on main'.padEnd(36)} ${(((performance.now() - t0) * 1000) / events.length).toFixed(2)} µs`,
  );
  for (const [name, { kind, payload }] of Object.entries(shapes)) {
    const worker = startWorker(new URL('./transfer-worker.js', import.meta.url), {});
    const replies: ((v: unknown) => void)[] = [];
    worker.on('message', (m: { id: number }) => replies[m.id]?.(m));
    const ack = (id: number): Promise<unknown> => new Promise((resolve) => (replies[id] = resolve));
    worker.postMessage({ kind: 'warm', data: [], id: 0 });
    await ack(0);
    const payloads = encoded.map((_, i) => payload(i));
    let postMs = 0;
    const acks: Promise<unknown>[] = [];
    payloads.forEach((data, i) => {
      acks.push(ack(i + 1));
      const p0 = performance.now();
      worker.postMessage({ kind, data, id: i + 1 });
      postMs += performance.now() - p0;
    });
    await Promise.all(acks);
    const last = payloads.length + 1;
    const done = ack(last) as Promise<{ elu: { active: number } }>;
    worker.postMessage({ kind: 'done', id: last });
    const { elu } = await done;
    await worker.terminate();
    const per = (ms: number): string => `${((ms * 1000) / events.length).toFixed(2)} µs`;
    console.log(
      `${name.padEnd(36)} post ${per(postMs).padStart(9)}   worker receive ${per(elu.active).padStart(9)}`,
    );
  }
}

async function storeRun(
  name: string,
  encoded: EncodedBatch[],
  rows: number,
  tuning: WriterTuning,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yg-bench-'));
  const client = new WriterClient({ dataDir, tuning, maxOpenDays: 4, idleMs: 60_000 });
  await client.append([]);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // Two batches in flight: the worker always has the next one queued.
  let inflight: Promise<void> | undefined;
  for (const b of encoded) {
    const p = client.append(b.groups);
    if (inflight) await inflight;
    inflight = p;
  }
  await inflight;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await client.close();
  const bytes = listDays(dataDir).reduce((s, d) => s + dayBytes(dataDir, d), 0);
  rmSync(dataDir, { recursive: true, force: true });
  const cpuPerRow = (cpu.user + cpu.system) / rows;
  console.log(
    `${name.padEnd(50)} ${Math.round((rows / ms) * 1000)
      .toString()
      .padStart(7)} rows/s  ` +
      `CPU ${cpuPerRow.toFixed(1).padStart(5)} µs/row (${Math.round(1e6 / cpuPerRow)} rows/CPU-s)  ${Math.round(bytes / rows)} B/event`,
  );
}

async function configs(events: Event[]): Promise<void> {
  console.log(`\n== writer worker alone (${events.length} pre-encoded events, ${BATCH}/transaction)`);
  const encoded = batches(events, BATCH).map((b) => encodeBatch(b));
  console.log(
    'load average at start:',
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  );
  const base = DEFAULT_TUNING;
  const runs: [string, Partial<WriterTuning>][] = [
    ['no index, no FTS', { fts: false, indexes: [] }],
    ['(time)', { fts: false, indexes: ['time'] }],
    ['(tenant, time)', { fts: false, indexes: ['tenant_time'] }],
    ['(tenant, time) + (time)', { fts: false, indexes: ['tenant_time', 'time'] }],
    ['FTS only', { indexes: [] }],
    ['FTS + (tenant, time)  [chosen]', {}],
    [
      'FTS + (tenant, time), FTS automerge=4 (default)',
      { ftsAutomerge: 4, ftsCrisismerge: 16, ftsPgsz: 4050 },
    ],
    ['FTS + (tenant, time), wal_autocheckpoint=1000', { walAutocheckpoint: 1000 }],
    ['FTS + (tenant, time), wal_autocheckpoint=8192', { walAutocheckpoint: 8192 }],
    ['FTS + (tenant, time), page_size=4096', { pageSize: 4096 }],
    [
      'FTS + (tenant, time), page_size=16384, wal_autocheckpoint=2048',
      { pageSize: 16384, walAutocheckpoint: 2048 },
    ],
    [
      'FTS + (tenant, time), page_size=16384, wal_autocheckpoint=4096',
      { pageSize: 16384, walAutocheckpoint: 4096 },
    ],
    ['FTS + (tenant, time), mmap off', { mmapBytes: 0 }],
  ];
  for (const [name, t] of runs) {
    if (only && !only.some((o) => name.includes(o))) continue;
    await storeRun(name, encoded, events.length, { ...base, ...t });
  }
}

async function ingest(c: Corpus): Promise<void> {
  console.log(
    `\n== whole ingest: JSON.parse + flatten + Event on main, SqliteEventStore.append (chosen settings)`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'yg-bench-'));
  const store = new SqliteEventStore({ dataDir, minFreeBytes: 0 });
  await store.append([toEvent(c, 0, Date.now())]);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let inflight: Promise<void> | undefined;
  let mainMs = 0;
  const now = Date.now();
  for (let i = 1; i < c.ecs.length; i += BATCH) {
    const m0 = performance.now();
    const batch: Event[] = [];
    for (let j = i; j < Math.min(i + BATCH, c.ecs.length); j++) batch.push(toEvent(c, j, now));
    const p = store.append(batch);
    mainMs += performance.now() - m0;
    // Two batches in flight, as the ingest pipeline keeps them.
    if (inflight) await inflight;
    inflight = p;
  }
  await inflight;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await store.close();
  const bytes = listDays(dataDir).reduce((s, d) => s + dayBytes(dataDir, d), 0);
  rmSync(dataDir, { recursive: true, force: true });
  const n = c.ecs.length - 1;
  console.log(
    `${n} events in ${ms.toFixed(0)} ms: ${Math.round((n / ms) * 1000)} events/s; main thread busy ${((mainMs * 1000) / n).toFixed(1)} µs/event, ` +
      `all threads CPU ${((cpu.user + cpu.system) / n).toFixed(1)} µs/event; ${Math.round(bytes / n)} B/event`,
  );
}

async function reads(c: Corpus): Promise<void> {
  console.log(
    `\n== reads on the main thread over ${c.ecs.length} stored events (3 tenants, one scoped): ms, median of 5`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'yg-bench-'));
  const store = new SqliteEventStore({ dataDir, minFreeBytes: 0 });
  const all = buildEvents(c);
  for (const b of batches(all, BATCH)) await store.append(b);
  await new Promise((r) => setTimeout(r, 3000)); // let the writer merge segments and checkpoint
  const times = all.map((e) => e.time).sort((a, b) => a - b);
  const scope = {
    tenants: systemScope([tenantId('acme')]),
    from: times[0] ?? 0,
    to: (times[times.length - 1] ?? 0) + 1,
  };
  const two = { ...scope, tenants: systemScope([tenantId('acme'), tenantId('globex')]) };
  const cases: [string, () => Promise<unknown>][] = [
    ['newest 100, no query', () => store.search({ ...scope, query: parseQuery(''), limit: 100 })],
    ['newest 100, two tenants', () => store.search({ ...two, query: parseQuery(''), limit: 100 })],
    ['full text word (sshd), 100', () => store.search({ ...scope, query: parseQuery('sshd'), limit: 100 })],
    [
      'full text phrase ("failed password"), 100',
      () => store.search({ ...scope, query: parseQuery('"failed password"'), limit: 100 }),
    ],
    [
      'field term (event.action:sudo), 100',
      () => store.search({ ...scope, query: parseQuery('event.action:sudo'), limit: 100 }),
    ],
    [
      'CIDR (source.ip:10.1.0.0/16), 100',
      () => store.search({ ...scope, query: parseQuery('source.ip:10.1.0.0/16'), limit: 100 }),
    ],
    ['count, no query', () => store.count({ ...scope, query: parseQuery('') })],
    ['count, full text word', () => store.count({ ...scope, query: parseQuery('password') })],
    [
      'terms event.action top 10',
      () =>
        store.aggregate(
          { ...scope, query: parseQuery('') },
          { kind: 'terms', field: 'event.action', size: 10 },
        ),
    ],
    [
      'histogram 1 min',
      () => store.aggregate({ ...scope, query: parseQuery('') }, { kind: 'histogram', intervalMs: 60_000 }),
    ],
  ];
  for (const [name, run] of cases) {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await run();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    console.log(`${name.padEnd(44)} ${ms[2]!.toFixed(1).padStart(8)} ms`);
  }
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const corpus = loadCorpus(dir, N);
const parts = process.env['PARTS']?.split(',') ?? ['transfer', 'configs', 'ingest', 'reads'];
if (parts.includes('ingest')) await ingest(corpus);
if (parts.includes('transfer')) await transfer(buildEvents(corpus));
if (parts.includes('configs')) await configs(buildEvents(corpus));
if (parts.includes('reads')) await reads(corpus);
