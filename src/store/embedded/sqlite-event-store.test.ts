import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseQuery } from '../../search/parser.js';
import { acme, DAY0, globex, makeEvent, runEventStoreContract, series } from '../event-store.contract.js';
import { systemScope } from '../tenant-scope.js';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';

const root = mkdtempSync(join(tmpdir(), 'yagura-store-'));
let n = 0;
const newDir = (): string => join(root, String(n++));
afterAll(() => rmSync(root, { recursive: true, force: true }));

runEventStoreContract({
  name: 'embedded SQLite',
  create: () => new SqliteEventStore({ dataDir: newDir(), minFreeBytes: 0 }),
});

const DAY = 86_400_000;
const everything = {
  tenants: systemScope([acme]),
  from: DAY0 - 30 * DAY,
  to: DAY0 + 30 * DAY,
  query: parseQuery(''),
};

describe('SqliteEventStore', () => {
  const open: SqliteEventStore[] = [];
  const store = (options: Partial<SqliteEventStoreOptions> = {}): SqliteEventStore => {
    const s = new SqliteEventStore({ dataDir: newDir(), minFreeBytes: 0, ...options });
    open.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => undefined)));
  });

  it("removes a purged tenant's words from the full-text index itself, keeping the index consistent", async () => {
    const s = store();
    await s.append([
      makeEvent({
        time: DAY0 + 1000,
        message: 'purged walrus',
        raw: '<13>Nov 28 00:00:01 h app: purged walrus',
      }),
      makeEvent({ time: DAY0 + 2000, message: 'kept walrus', tenant: globex }),
      makeEvent({ time: DAY0 + 3000, message: 'message only marmot' }),
    ]);
    expect(await s.purgeTenant(acme, DAY0 + 5000)).toBe(2);
    await s.close();
    const db = new Database(join(s.dataDir, 'events', '2025-11-28.db'));
    const hits = (word: string) =>
      (db.prepare('SELECT count(*) AS n FROM events_fts WHERE events_fts MATCH ?').get(word) as { n: number })
        .n;
    expect([hits('purged'), hits('marmot'), hits('walrus')]).toEqual([0, 0, 1]);
    expect(() => db.exec("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")).not.toThrow();
    db.close();
  });

  it('puts each UTC day in its own file under events/', async () => {
    const s = store();
    await s.append([
      makeEvent({ time: DAY0 + DAY - 1 }),
      makeEvent({ time: DAY0 + DAY }),
      makeEvent({ time: DAY0 + 3 * DAY }),
    ]);
    const files = readdirSync(join(s.dataDir, 'events')).filter((f) => f.endsWith('.db'));
    expect(files.sort()).toEqual(['2025-11-28.db', '2025-11-29.db', '2025-12-01.db']);
  });

  it('keeps its data when the data folder is opened again', async () => {
    const dataDir = newDir();
    const first = new SqliteEventStore({ dataDir, minFreeBytes: 0 });
    await first.append(series(50, DAY0, 60_000));
    await first.close();
    const second = store({ dataDir });
    expect(await second.count(everything)).toBe(50);
    await second.append(series(5, DAY0 + DAY, 1000));
    expect(await second.count({ ...everything, query: parseQuery('"event number 3"') })).toBe(2);
    expect((await second.stats()).events).toBe(55);
  });

  it('lets a second store on the same folder (the CLI beside the server) write and read alongside', async () => {
    const dataDir = newDir();
    const server = store({ dataDir });
    const cli = store({ dataDir });
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => server.append(series(1000, DAY0 + i * 1000, 1))),
      ...Array.from({ length: 5 }, (_, i) => cli.append(series(1000, DAY0 + 10_000 + i * 1000, 1))),
    ]);
    expect(await server.count(everything)).toBe(10_000);
    expect(await cli.count(everything)).toBe(10_000);
    const db = new Database(join(dataDir, 'events', '2025-11-28.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('notices a day file that another process pruned and recreated, for reading and for writing', async () => {
    const dataDir = newDir();
    const server = store({ dataDir });
    const cli = store({ dataDir });
    await server.append(series(10, DAY0, 1));
    expect(await server.count(everything)).toBe(10);
    expect(await cli.prune(DAY0 + DAY)).toBe(10);
    await cli.append(series(3, DAY0, 1));
    expect(await server.count(everything)).toBe(3);
    await server.append(series(2, DAY0 + 100, 1));
    expect(await cli.count(everything)).toBe(5);
  });

  it('writes late events to an older day while newer days are being written', async () => {
    const s = store({ maxOpenWriteDays: 1 });
    for (let round = 0; round < 3; round++) {
      for (let day = 0; day < 3; day++) await s.append(series(10, DAY0 + day * DAY + round * 100, 1));
    }
    expect((await s.stats()).partitions.map((p) => p.events)).toEqual([30, 30, 30]);
  });

  it('stores text holding control characters (the batch separators) unchanged', async () => {
    const s = store();
    const odd = makeEvent({
      time: DAY0 + 1,
      message: 'nul\u0000 soh\u0001 stx\u0002 end',
      raw: 'raw\u0001line',
    });
    const plain = makeEvent({ time: DAY0 + 2, message: 'plain', fields: { empty: '', nothing: null } });
    await s.append([odd, plain]);
    await s.append([makeEvent({ time: DAY0 + 3, message: '' })]);
    const page = await s.search({ ...everything, limit: 10, order: 'asc' });
    expect(page.events[0]).toEqual(odd);
    expect(page.events[1]).toEqual(plain);
    expect(page.events[2]!.fields['message']).toBe('');
    expect(await s.count({ ...everything, query: parseQuery('soh') })).toBe(1);
  });

  it('rejects a batch holding an event without a valid time, writing none of it', async () => {
    const s = store();
    const batch = series(3, DAY0, 1);
    batch[1]!.time = Number.NaN;
    await expect(s.append(batch)).rejects.toMatchObject({ code: 'STORE_FAILED' });
    expect(await s.count(everything)).toBe(0);
  });

  it('refuses an append that would cut into the free-space reserve, writing nothing', async () => {
    const s = store({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    await expect(s.append(series(10, DAY0, 1))).rejects.toMatchObject({
      code: 'STORE_DISK_FULL',
      status: 507,
    });
    expect(await s.count(everything)).toBe(0);
    s.minFreeBytes = 0;
    await s.append(series(10, DAY0, 1));
    expect(await s.count(everything)).toBe(10);
  });

  it('fails pending and later appends with a clear error when the writer thread dies, instead of hanging', async () => {
    const s = store();
    await s.append(series(10, DAY0, 1));
    const pending = s.append(series(20_000, DAY0, 1));
    await s.writerThread.terminate();
    await expect(pending).rejects.toMatchObject({
      code: 'STORE_FAILED',
      message: expect.stringMatching(/writer stopped/),
    });
    await expect(s.append(series(1, DAY0, 1))).rejects.toMatchObject({
      code: 'STORE_FAILED',
      message: expect.stringMatching(/writer stopped/),
    });
    // What was committed before stays readable.
    expect(await s.count(everything)).toBeGreaterThanOrEqual(10);
  });

  it('refuses every call after close with a clear error', async () => {
    const s = store();
    await s.append(series(1, DAY0, 1));
    await s.close();
    await expect(s.append(series(1, DAY0, 1))).rejects.toThrow(/closed/);
    await expect(s.search({ ...everything, limit: 10 })).rejects.toThrow(/closed/);
    await s.close();
  });

  it('removes the WAL and shared-memory files with the day file when pruning', async () => {
    const s = store();
    await s.append(series(10, DAY0, 1));
    await s.append(series(10, DAY0 + DAY, 1));
    expect(await s.count(everything)).toBe(20); // opens a reader, so the -shm file exists
    expect(await s.prune(DAY0 + DAY)).toBe(10);
    const left = readdirSync(join(s.dataDir, 'events'));
    expect(left.filter((f) => f.startsWith('2025-11-28'))).toEqual([]);
    expect(existsSync(join(s.dataDir, 'events', '2025-11-29.db'))).toBe(true);
  });

  it('merges full-text segments in quiet time and still finds every event', async () => {
    const s = store({ idleMs: 20 });
    for (let i = 0; i < 20; i++) await s.append(series(200, DAY0 + i * 1000, 1));
    await new Promise((r) => setTimeout(r, 500));
    expect(await s.count({ ...everything, query: parseQuery('"event number 7"') })).toBe(20);
    const db = new Database(join(s.dataDir, 'events', '2025-11-28.db'), { readonly: true });
    const segments = db.prepare('SELECT count(*) FROM events_fts_data WHERE id > 10').pluck().get() as number;
    db.close();
    expect(segments).toBeGreaterThan(0);
  });
});
