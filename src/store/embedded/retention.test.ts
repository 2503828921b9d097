import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseQuery } from '../../search/parser.js';
import { acme, DAY0, globex, series } from '../event-store.contract.js';
import { systemScope } from '../tenant-scope.js';
import { RetentionEnforcer } from './retention.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const DAY = 86_400_000;
const root = mkdtempSync(join(tmpdir(), 'yagura-retention-'));
let n = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Retention', () => {
  let store: SqliteEventStore;
  afterEach(async () => {
    await store.close();
  });

  /** Five day files, 2025-11-28 to 2025-12-02, with 100 events each. */
  async function fiveDays(): Promise<SqliteEventStore> {
    store = new SqliteEventStore({ dataDir: join(root, String(n++)), minFreeBytes: 0 });
    for (let d = 0; d < 5; d++) await store.append(series(100, DAY0 + d * DAY + 1000, 1000));
    return store;
  }

  it('drops the days that ended more than maxAgeDays ago', async () => {
    const s = await fiveDays();
    const now = DAY0 + 5 * DAY + 3_600_000; // 2025-12-03T01:00Z
    const report = await new RetentionEnforcer(s, {
      maxAgeDays: 3,
      maxTotalBytes: 0,
      minFreeBytes: 0,
    }).enforce(now);
    expect(report.prunedDays).toEqual(['2025-11-28', '2025-11-29']);
    expect(report.prunedEvents).toBe(200);
    expect(report.diskLow).toBe(false);
    expect((await s.stats()).partitions.map((p) => p.name)).toEqual([
      '2025-11-30',
      '2025-12-01',
      '2025-12-02',
    ]);
  });

  it("purges a tenant's events past its own shorter retention and leaves other tenants to the store's", async () => {
    const s = await fiveDays();
    await s.append(series(10, DAY0 + 1000, 1000, globex));
    const now = DAY0 + 5 * DAY + 3_600_000;
    const report = await new RetentionEnforcer(
      s,
      { maxAgeDays: 30, maxTotalBytes: 0, minFreeBytes: 0 },
      undefined,
      async () =>
        new Map([
          [acme, 2],
          [globex, 90],
        ]),
    ).enforce(now);
    // acme keeps only what is newer than now - 2 days (2025-12-01T01:00Z): the events of the last day.
    expect(report.purgedByTenant).toEqual({ acme: 300 + 100 });
    expect(report.prunedDays).toEqual([]);
    const count = (tenant: typeof acme) =>
      s.count({ tenants: systemScope([tenant]), from: DAY0 - DAY, to: now, query: parseQuery('') });
    expect(await count(acme)).toBe(100);
    expect(await count(globex)).toBe(10);
  });

  it('drops the oldest days until the files fit in maxTotalBytes, counting WAL files', async () => {
    const s = await fiveDays();
    const before = await s.stats();
    const limit = before.bytes - before.partitions[0]!.bytes - 1;
    const report = await new RetentionEnforcer(s, {
      maxAgeDays: 365,
      maxTotalBytes: limit,
      minFreeBytes: 0,
    }).enforce(DAY0 + 6 * DAY);
    expect(report.prunedDays).toEqual(['2025-11-28', '2025-11-29']);
    expect(report.totalBytes).toBeLessThanOrEqual(limit);
    expect(report.totalBytes).toBe((await s.stats()).bytes);
  });

  it('never drops the newest day for size, even when it alone is too big', async () => {
    const s = await fiveDays();
    const report = await new RetentionEnforcer(s, {
      maxAgeDays: 365,
      maxTotalBytes: 1,
      minFreeBytes: 0,
    }).enforce(DAY0 + 6 * DAY);
    expect(report.prunedDays).toHaveLength(4);
    expect((await s.stats()).partitions.map((p) => p.name)).toEqual(['2025-12-02']);
  });

  it('logs what it pruned and that the disk is low', async () => {
    const s = await fiveDays();
    const lines: string[] = [];
    const logger = {
      info: (_: object, m: string) => lines.push(`info ${m}`),
      warn: () => {},
      error: (_: object, m: string) => lines.push(`error ${m}`),
    };
    await new RetentionEnforcer(
      s,
      { maxAgeDays: 1, maxTotalBytes: 0, minFreeBytes: Number.MAX_SAFE_INTEGER },
      logger,
    ).enforce(DAY0 + 6 * DAY);
    expect(lines).toEqual([
      expect.stringMatching(/^info Retention removed/),
      expect.stringMatching(/^error Free disk space is below/),
    ]);
  });

  it('prunes to the newest day and reports a low disk when free space stays under the reserve; appends are then refused', async () => {
    const s = await fiveDays();
    const huge = Number.MAX_SAFE_INTEGER;
    const report = await new RetentionEnforcer(s, {
      maxAgeDays: 365,
      maxTotalBytes: 0,
      minFreeBytes: huge,
    }).enforce(DAY0 + 6 * DAY);
    expect(report.diskLow).toBe(true);
    expect(report.freeBytes).toBeGreaterThan(0);
    expect(report.prunedDays).toHaveLength(4);
    await expect(s.append(series(1, DAY0 + 4 * DAY, 1))).rejects.toMatchObject({ code: 'STORE_DISK_FULL' });
    expect((await s.stats()).events).toBe(100);
  });

  it('enforces on a timer until stopped', async () => {
    store = new SqliteEventStore({ dataDir: join(root, String(n++)), minFreeBytes: 0 });
    const now = Date.now();
    await store.append([...series(100, now - 10 * DAY, 1), ...series(5, now - 1000, 1)]);
    const reports: unknown[] = [];
    const enforcer = new RetentionEnforcer(store, {
      maxAgeDays: 3,
      maxTotalBytes: 0,
      minFreeBytes: 0,
      checkIntervalSeconds: 0.02,
    });
    enforcer.start((r) => reports.push(r));
    await new Promise((r) => setTimeout(r, 150));
    enforcer.stop();
    expect(enforcer.lastKnownBytes()).toBe((await store.stats()).bytes);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports[0]).toMatchObject({ prunedEvents: 100, diskLow: false });
    expect(reports[1]).toMatchObject({ prunedEvents: 0 });
    expect((await store.stats()).events).toBe(5);
  });
});
