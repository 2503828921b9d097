import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../access/actor.js';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import type { Event } from '../../core/event.js';
import { tenantId } from '../../core/ids.js';
import { SqliteEventStore } from '../../store/embedded/sqlite-event-store.js';
import { QueueDepthHistory } from '../../telemetry/queue-depth-history.js';
import { ArraySink, asAdmin, testAccess, testApp, testEvent, type TestAccess } from '../test-support.js';

const NOW = Date.parse('2025-11-28T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const HALF_HOUR = 30 * MINUTE;
const TENANTS = [tenantId('acme'), tenantId('globex'), tenantId('initech')];

function event(tenant: string, time: number, input: string | undefined, tags?: string[]): Event {
  const e = testEvent(tenant, time, { message: 'x' });
  if (input !== undefined) e.input = input;
  if (tags) e.tags = tags;
  return e;
}

describe('GET /api/ingest/overview', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yagura-overview-'));
  const store = new SqliteEventStore({ dataDir: dir, minFreeBytes: 0 });
  const sink = new ArraySink(10);
  const clock = { now: NOW - 2 * MINUTE };
  const history = new QueueDepthHistory({ read: () => sink.messages.length, clock: () => clock.now });
  let t: TestAccess;
  let app: ReturnType<typeof testApp>['app'];
  let analyst = '';
  let csirt = '';

  beforeAll(async () => {
    t = await testAccess({ now: NOW, tenants: TENANTS });
    await t.access.tenants.updateSettings(cliActor(), 'globex', { retentionDays: 7 });
    app = testApp({
      store,
      sink,
      tenants: TENANTS,
      access: t.access,
      now: () => NOW,
      queueStats: () => ({ depth: sink.messages.length, capacity: sink.capacity }),
      queueHistory: history,
      config: { minFreeBytes: 1234, retention: { maxAgeDays: 30, maxTotalBytes: 5e9 } },
    }).app;
    for (const [username, role] of [
      ['ana', 'soc_analyst'],
      ['cara', 'csirt'],
    ] as const) {
      const user = await t.access.users.create(cliActor(), {
        username,
        role,
        tenants: ['acme'],
        password: GOOD_PASSWORD,
      });
      const { secret } = await t.access.tokens.create(cliActor(), { userId: user.id, name: 'overview' });
      if (role === 'soc_analyst') analyst = secret;
      else csirt = secret;
    }
    await store.append([
      event('acme', NOW - HOUR + 1, 'syslog'),
      event('acme', NOW - HOUR + 2, 'syslog', ['parse_error']),
      event('acme', NOW - HALF_HOUR + 5, 'hec', ['parse_error', 'truncated']),
      event('acme', NOW - 10 * HOUR, undefined),
      event('globex', NOW - 2 * HOUR, 'syslog'),
      event('globex', NOW - 2 * HOUR + 1, 'syslog', ['parse_error']),
      event('acme', NOW - 2 * 24 * HOUR, 'syslog'),
    ]);
    sink.messages.length = 4;
    history.sample();
    clock.now += MINUTE;
    sink.messages.length = 6;
    history.sample();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (query = '', headers: Record<string, string> = asAdmin) =>
    app.inject({ method: 'GET', url: `/api/ingest/overview${query}`, headers });

  const counts = (startsAgo: Record<number, number>, length: number, from: number) => {
    const out = new Array<number>(length).fill(0);
    for (const [ago, n] of Object.entries(startsAgo)) out[(NOW - Number(ago) - from) / HALF_HOUR] = n;
    return out;
  };

  it('counts the last 24 hours by input and by tenant in gap-free half-hour buckets', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const from = NOW - 24 * HOUR;
    expect(body).toMatchObject({ from, to: NOW, intervalMs: HALF_HOUR, total: 6, parseErrors: 3 });
    expect(body.bucketStarts).toHaveLength(48);
    expect(body.bucketStarts[0]).toBe(from);
    expect(body.bucketStarts.every((s: number, i: number) => s === from + i * HALF_HOUR)).toBe(true);
    expect(body.byInput).toEqual([
      { key: 'syslog', total: 4, parseErrors: 2, counts: counts({ [HOUR]: 2, [2 * HOUR]: 2 }, 48, from) },
      { key: '(none)', total: 1, parseErrors: 0, counts: counts({ [10 * HOUR]: 1 }, 48, from) },
      { key: 'hec', total: 1, parseErrors: 1, counts: counts({ [HALF_HOUR]: 1 }, 48, from) },
    ]);
    expect(
      body.byTenant.map((s: { key: string; total: number; parseErrors: number }) => [
        s.key,
        s.total,
        s.parseErrors,
      ]),
    ).toEqual([
      ['acme', 4, 2],
      ['globex', 2, 1],
      ['initech', 0, 0],
    ]);
    expect(body.byTenant[2].counts).toEqual(new Array(48).fill(0));
  });

  it('reports the queue with its recent depth samples', async () => {
    const { queue } = (await get()).json();
    expect(queue).toEqual({
      depth: 6,
      capacity: 10,
      full: false,
      samples: [
        { at: NOW - 2 * MINUTE, depth: 4 },
        { at: NOW - MINUTE, depth: 6 },
      ],
    });
    expect((await get('?from=now-24h&to=now-90s')).json().queue.samples).toEqual([
      { at: NOW - 2 * MINUTE, depth: 4 },
    ]);
  });

  it('shows admins the installation storage and every tenant retention', async () => {
    const body = (await get()).json();
    expect(body.storage).toMatchObject({
      events: 7,
      minFreeBytes: 1234,
      maxBytes: 5e9,
      maxAgeDays: 30,
      partitions: [
        { name: '2025-11-26', events: 1 },
        { name: '2025-11-28', events: 6 },
      ],
    });
    expect(body.storage.bytes).toBeGreaterThan(0);
    expect(body.retention).toEqual([
      { tenant: 'acme', retentionDays: null },
      { tenant: 'globex', retentionDays: 7 },
      { tenant: 'initech', retentionDays: null },
    ]);
  });

  it('narrows to the tenants named and to a custom range', async () => {
    const body = (await get('?tenants=globex&from=now-3h&to=now')).json();
    expect(body).toMatchObject({ total: 2, parseErrors: 1, intervalMs: 5 * MINUTE });
    expect(body.bucketStarts).toHaveLength(36);
    expect(body.byTenant.map((s: { key: string }) => s.key)).toEqual(['globex']);
    expect(body.retention).toEqual([{ tenant: 'globex', retentionDays: 7 }]);
  });

  it("keeps an analyst to their own tenants and leaves out the installation's storage", async () => {
    const res = await get('', { authorization: `Bearer ${analyst}` });
    const body = res.json();
    expect(body).toMatchObject({ total: 4, parseErrors: 2 });
    expect(body.storage).toBeUndefined();
    expect(body.byTenant.map((s: { key: string }) => s.key)).toEqual(['acme']);
    expect(body.retention).toEqual([{ tenant: 'acme', retentionDays: null }]);
    expect(res.body).not.toContain('globex');
    const foreign = await get('?tenants=globex', { authorization: `Bearer ${analyst}` });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await get('', { authorization: `Bearer ${csirt}` })).statusCode).toBe(403);
  });

  it('refuses a range it cannot read', async () => {
    const res = await get('?from=yesterday');
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'TIME_INVALID']);
    const unknown = await get('?window=1h');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
  });
});
