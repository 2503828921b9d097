import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../store/event-store.js';
import { SqliteEventStore } from '../../store/embedded/sqlite-event-store.js';
import { MemoryEventStore, asAdmin, testApp, testEvent } from '../test-support.js';

const NOW = Date.parse('2025-11-28T12:00:00Z');
const HOUR = 3_600_000;
const dir = mkdtempSync(join(tmpdir(), 'yagura-api-events-'));

const stores: [string, () => EventStore][] = [
  ['the in-memory test store', () => new MemoryEventStore()],
  ['the embedded SQLite store', () => new SqliteEventStore({ dataDir: dir, minFreeBytes: 0 })],
];

describe.each(stores)('the event routes on %s', (_name, createStore) => {
  const store = createStore();
  const { app } = testApp({ store, now: () => NOW });

  beforeAll(async () => {
    const events = [];
    for (let i = 0; i < 30; i++) {
      events.push(
        testEvent('acme', NOW - i * HOUR - 1000, {
          'event.action': i % 3 === 0 ? 'login' : 'logout',
          'user.name': `u${i % 4}`,
          n: i,
        }),
      );
    }
    events.push(testEvent('globex', NOW - 2 * HOUR, { 'event.action': 'login', 'user.name': 'g' }));
    await store.append(events);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const search = (body: unknown) =>
    app.inject({ method: 'POST', url: '/api/events/search', headers: asAdmin, payload: body as object });
  const aggregate = (body: unknown) =>
    app.inject({ method: 'POST', url: '/api/events/aggregate', headers: asAdmin, payload: body as object });

  describe('POST /api/events/search', () => {
    it('finds events of every configured tenant over the last 24 hours by default, newest first', async () => {
      const res = await search({ query: 'event.action:login' });
      expect(res.statusCode).toBe(200);
      const { events } = res.json() as { events: { tenant: string; time: number }[] };
      // acme: i = 0,3,...,21 fall inside 24 h (8 events); globex: 1.
      expect(events).toHaveLength(9);
      expect(events.map((e) => e.tenant)).toContain('globex');
      expect(events.every((e) => e.time >= NOW - 24 * HOUR)).toBe(true);
      expect(events.map((e) => e.time)).toEqual([...events.map((e) => e.time)].sort((a, b) => b - a));
    });

    it('narrows to the tenants named', async () => {
      const res = await search({ query: 'event.action:login', tenants: ['globex'] });
      expect(
        res.json().events.map((e: { fields: { 'user.name': string } }) => e.fields['user.name']),
      ).toEqual(['g']);
    });

    it('pages with the cursor from the previous page', async () => {
      const first = (
        await search({ query: '*', from: 'now-30h', limit: 20, tenants: ['acme'], order: 'asc' })
      ).json();
      expect(first.events).toHaveLength(20);
      expect(first.next).toBeDefined();
      const second = (
        await search({
          query: '*',
          from: 'now-30h',
          limit: 20,
          tenants: ['acme'],
          order: 'asc',
          cursor: first.next,
        })
      ).json();
      expect(second.events).toHaveLength(10);
      expect(second.next).toBeUndefined();
      expect(first.events[0].time).toBeLessThan(second.events[0].time);
    });

    it('refuses a tenant that is not configured', async () => {
      const res = await search({ query: '*', tenants: ['initech'] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'TENANT_UNKNOWN',
        details: { location: { key: 'tenants' } },
      });
    });

    it('reports a query syntax error with its location', async () => {
      const res = await search({ query: 'user.name:(alice OR' });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('QUERY_SYNTAX');
      expect(error.details.location).toMatchObject({ key: 'query', column: expect.any(Number) });
    });

    it('names the field that fails validation', async () => {
      const tooMany = await search({ query: '*', limit: 10_001 });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error).toMatchObject({
        code: 'REQUEST_INVALID',
        details: { location: { key: 'body.limit' } },
      });
      expect(tooMany.json().error.message).toMatch(/^body\.limit: /);
      const wrongType = await search({ query: 42 });
      expect(wrongType.json().error.details.location.key).toBe('body.query');
      const unknown = await search({ query: '*', sort: 'time' });
      expect(unknown.json().error.code).toBe('REQUEST_INVALID');
      expect(unknown.json().error.message).toContain('sort');
    });

    it('refuses a time it cannot read, and a range that ends before it starts', async () => {
      const bad = await search({ query: '*', from: 'last tuesday' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({
        code: 'TIME_INVALID',
        details: { location: { key: 'from' } },
      });
      const backwards = await search({ query: '*', from: 'now', to: 'now-1h' });
      expect(backwards.json().error.code).toBe('TIME_INVALID');
    });
  });

  describe('GET /api/events/search', () => {
    it('takes the same request as query parameters, tenants comma-separated', async () => {
      const res = await app.inject({
        headers: asAdmin,
        method: 'GET',
        url: '/api/events/search?query=event.action%3Alogin&from=now-24h&limit=3&tenants=acme,globex',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().events).toHaveLength(3);
      expect(res.json().next).toBeDefined();
    });

    it('validates the limit from the query string', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/events/search?limit=abc', headers: asAdmin });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.location.key).toBe('query.limit');
    });
  });

  describe('POST /api/events/aggregate', () => {
    it('counts the most frequent values of a field', async () => {
      const res = await aggregate({
        query: '*',
        from: 'now-30h',
        tenants: ['acme'],
        by: { terms: { field: 'event.action', size: 5 } },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        buckets: [
          { key: 'logout', count: 20 },
          { key: 'login', count: 10 },
        ],
        total: 30,
      });
    });

    it('counts by time with a fixed interval, filling empty buckets with zero', async () => {
      const res = await aggregate({
        query: 'event.action:login',
        from: 'now-6h',
        to: 'now',
        tenants: ['acme'],
        by: { histogram: { interval: '1h' } },
      });
      const body = res.json();
      expect(body.intervalMs).toBe(HOUR);
      expect(body.buckets).toHaveLength(6);
      expect(body.buckets.map((b: { count: number }) => b.count)).toEqual([0, 0, 1, 0, 0, 1]);
      expect(body.buckets[0].key).toBe(NOW - 6 * HOUR);
    });

    it('picks an interval near 60 buckets for "auto"', async () => {
      const res = await aggregate({ query: '*', from: 'now-24h', by: { histogram: { interval: 'auto' } } });
      const body = res.json();
      expect(body.intervalMs).toBe(30 * 60_000);
      expect(body.buckets.length).toBeGreaterThanOrEqual(30);
      expect(body.buckets.length).toBeLessThanOrEqual(61);
      expect(body.buckets.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(body.total);
    });

    it('refuses an interval that makes too many buckets or cannot be read', async () => {
      const many = await aggregate({ query: '*', from: 'now-30d', by: { histogram: { interval: '1s' } } });
      expect(many.statusCode).toBe(400);
      expect(many.json().error.details.location.key).toBe('by.histogram.interval');
      const odd = await aggregate({ query: '*', by: { histogram: { interval: 'fortnightly' } } });
      expect(odd.json().error.code).toBe('REQUEST_INVALID');
    });

    it('refuses an invalid field name and an unknown aggregation', async () => {
      const bad = await aggregate({ query: '*', by: { terms: { field: "x') OR 1=1 --" } } });
      expect(bad.json().error).toMatchObject({
        code: 'REQUEST_INVALID',
        details: { location: { key: 'by.terms.field' } },
      });
      const unknown = await aggregate({ query: '*', by: { average: { field: 'n' } } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toMatch(/^body\.by/);
    });
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
