// The behaviour every EventStore must show: each implementation's test file runs this suite against it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Event, FieldValue } from '../core/event.js';
import { newEventId, tenantId, type TenantId } from '../core/ids.js';
import { parseQuery } from '../search/parser.js';
import { systemScope, type EventStore, type SearchRequest, type TenantScope } from './event-store.js';

export interface EventStoreContract {
  name: string;
  /** A new, empty store; the suite closes it after each test. */
  create(): Promise<EventStore> | EventStore;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2025-11-28T00:00:00Z: tests place events around the midnights after it. */
export const DAY0 = Date.UTC(2025, 10, 28);

export const acme = tenantId('acme');
export const globex = tenantId('globex');

export interface EventSpec {
  tenant?: TenantId;
  time: number;
  message?: string;
  raw?: string;
  fields?: Record<string, FieldValue>;
  tags?: string[];
  product?: string;
}

export function makeEvent(spec: EventSpec): Event {
  const fields: Record<string, FieldValue> = { ...spec.fields };
  if (spec.message !== undefined) fields['message'] = spec.message;
  const e: Event = {
    id: newEventId(),
    tenant: spec.tenant ?? acme,
    time: spec.time,
    receivedAt: spec.time + 5,
    input: 'syslog',
    logsource: { product: spec.product ?? 'linux', service: 'sshd' },
    fields,
  };
  if (spec.raw !== undefined) e.raw = spec.raw;
  if (spec.tags) e.tags = spec.tags;
  return e;
}

/** `n` events of one tenant, one every `step` ms from `start`, numbered in `fields.n`. */
export function series(n: number, start: number, step: number, tenant: TenantId = acme): Event[] {
  return Array.from({ length: n }, (_, i) =>
    makeEvent({
      tenant,
      time: start + i * step,
      message: `event number ${i}`,
      fields: { n: i, 'source.ip': `10.0.0.${i % 4}` },
    }),
  );
}

const q = (text: string) => parseQuery(text, { now: DAY0 + 10 * DAY });

export function runEventStoreContract({ name, create }: EventStoreContract): void {
  describe(`EventStore contract: ${name}`, () => {
    const open: EventStore[] = [];
    const fresh = async (): Promise<EventStore> => {
      const s = await create();
      open.push(s);
      return s;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });
    const all = (extra: Partial<SearchRequest> = {}): SearchRequest => ({
      tenants: systemScope([acme]),
      from: DAY0 - 10 * DAY,
      to: DAY0 + 10 * DAY,
      query: q(''),
      limit: 1000,
      ...extra,
    });

    it('returns an appended event with every part it was given', async () => {
      const store = await fresh();
      const e = makeEvent({
        time: DAY0 + HOUR,
        message: 'Failed password for root from 203.0.113.7 port 4242 ssh2',
        raw: '<38>Nov 28 01:00:00 bastion sshd[99]: Failed password for root from 203.0.113.7 port 4242 ssh2',
        fields: {
          'source.ip': '203.0.113.7',
          'source.port': 4242,
          'event.category': ['authentication'],
          'event.ok': false,
          'x.none': null,
        },
        tags: ['parse_error', 'perimeter'],
        product: 'linux',
      });
      await store.append([e]);
      const page = await store.search(all());
      expect(page.events).toEqual([e]);
      expect(page.next).toBeUndefined();
      expect(page.tookMs).toBeGreaterThanOrEqual(0);
    });

    it('lists newest first by default and oldest first on request, across day files', async () => {
      const store = await fresh();
      const events = series(6, DAY0 + DAY - 3 * HOUR, HOUR); // 21:00 on day 0 to 02:00 on day 1
      await store.append([events[3]!, events[0]!, events[5]!, events[1]!, events[4]!, events[2]!]);
      const desc = await store.search(all());
      expect(desc.events.map((e) => e.fields['n'])).toEqual([5, 4, 3, 2, 1, 0]);
      const asc = await store.search(all({ order: 'asc' }));
      expect(asc.events.map((e) => e.fields['n'])).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('pages through every matching event with the cursor, without gaps or repeats, in both orders', async () => {
      const store = await fresh();
      // 30 events over three days, two of them sharing a millisecond.
      const events = series(30, DAY0 + 20 * HOUR, 2 * HOUR);
      events.push(makeEvent({ time: events[10]!.time, message: 'same instant', fields: { n: 100 } }));
      await store.append(events);
      for (const order of ['desc', 'asc'] as const) {
        const seen: number[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.search(all({ limit: 7, order, ...(cursor ? { cursor } : {}) }));
          seen.push(...page.events.map((e) => e.fields['n'] as number));
          cursor = page.next;
          pages++;
        } while (cursor);
        expect(pages).toBe(5);
        expect(new Set(seen).size).toBe(31);
        const times = seen.map((n) => events.find((e) => e.fields['n'] === n)!.time);
        const sorted = [...times].sort((a, b) => (order === 'desc' ? b - a : a - b));
        expect(times).toEqual(sorted);
      }
    });

    it('rejects a cursor that this search did not return', async () => {
      const store = await fresh();
      await store.append(series(3, DAY0, 1000));
      await expect(store.search(all({ cursor: 'not-a-cursor' }))).rejects.toMatchObject({
        code: 'REQUEST_INVALID',
      });
    });

    it('never shows one tenant the events of another, whatever the query asks', async () => {
      const store = await fresh();
      await store.append([
        ...series(5, DAY0, 1000, acme),
        makeEvent({
          tenant: globex,
          time: DAY0 + 500,
          message: 'secret globex event',
          fields: { 'user.name': 'eve' },
        }),
      ]);
      const scope = { tenants: systemScope([acme]), from: DAY0 - DAY, to: DAY0 + DAY };
      for (const text of ['', 'secret', 'tenant:globex', 'user.name:eve', 'tenant:globex OR secret']) {
        const page = await store.search({ ...scope, query: q(text), limit: 100 });
        expect(page.events.every((e) => e.tenant === acme)).toBe(true);
        if (text !== '') expect(page.events).toHaveLength(0);
      }
      expect(await store.count({ ...scope, query: q('secret') })).toBe(0);
      const byTenant = await store.aggregate(
        { ...scope, query: q('') },
        { kind: 'terms', field: 'tenant', size: 10 },
      );
      expect(byTenant.buckets).toEqual([{ key: 'acme', count: 5 }]);
      const both = await store.search({
        ...scope,
        tenants: systemScope([acme, globex]),
        query: q(''),
        limit: 100,
      });
      expect(both.events).toHaveLength(6);
      expect(both.events.map((e) => e.time)).toEqual(
        [...both.events.map((e) => e.time)].sort((a, b) => b - a),
      );
    });

    it('honours the time range exactly: from inclusive, to exclusive, across midnight', async () => {
      const store = await fresh();
      const midnight = DAY0 + DAY;
      const times = [midnight - 2, midnight - 1, midnight, midnight + 1];
      await store.append(times.map((time, n) => makeEvent({ time, fields: { n } })));
      const page = await store.search(all({ from: midnight - 1, to: midnight + 1 }));
      expect(page.events.map((e) => e.time)).toEqual([midnight, midnight - 1]);
      expect(
        await store.count({ tenants: systemScope([acme]), from: midnight, to: midnight + 2, query: q('') }),
      ).toBe(2);
      expect(
        await store.count({
          tenants: systemScope([acme]),
          from: midnight + 2,
          to: midnight + DAY,
          query: q(''),
        }),
      ).toBe(0);
    });

    it('counts exactly the events a query selects: fields, CIDR, numbers, tags and logsource', async () => {
      const store = await fresh();
      await store.append([
        makeEvent({
          time: DAY0 + 1,
          fields: { 'source.ip': '10.1.2.3', 'destination.port': 22, 'event.action': 'deny' },
          tags: ['perimeter'],
        }),
        makeEvent({
          time: DAY0 + 2,
          fields: { 'source.ip': '10.9.9.9', 'destination.port': 443, 'event.action': 'allow' },
        }),
        makeEvent({
          time: DAY0 + DAY + 3,
          fields: { 'source.ip': '192.168.1.1', 'destination.port': 22, 'event.action': 'DENY' },
          product: 'fortigate',
        }),
      ]);
      const count = (text: string) =>
        store.count({ tenants: systemScope([acme]), from: DAY0, to: DAY0 + 2 * DAY, query: q(text) });
      expect(await count('')).toBe(3);
      expect(await count('event.action:deny')).toBe(2);
      expect(await count('source.ip:10.0.0.0/8')).toBe(2);
      expect(await count('destination.port:22 AND NOT source.ip:10.0.0.0/8')).toBe(1);
      expect(await count('destination.port:[1 TO 100]')).toBe(2);
      expect(await count('tags:perimeter')).toBe(1);
      expect(await count('logsource.product:fortigate')).toBe(1);
      expect(await count('source.ip:*')).toBe(3);
    });

    it('finds words, phrases and prefixes in the message and in the raw text', async () => {
      const store = await fresh();
      await store.append([
        makeEvent({
          time: DAY0 + 1,
          message: 'Failed password for root',
          raw: '<38>Nov 28 00:00:00 bastion sshd[1]: Failed password for root',
        }),
        makeEvent({
          time: DAY0 + 2,
          message: 'Accepted publickey for deploy',
          raw: '<38>Nov 28 00:00:00 web01 sshd[2]: Accepted publickey for deploy',
        }),
        makeEvent({
          time: DAY0 + 3,
          message: 'connection closed',
          raw: '<38>Nov 28 00:00:00 fw01 kernel: Zugriff verweigert für café',
        }),
        makeEvent({ time: DAY0 + 4, message: 'only a message, no raw text' }),
      ]);
      const hits = async (text: string) =>
        (await store.search(all({ query: q(text) }))).events.map((e) => e.time - DAY0);
      expect(await hits('password')).toEqual([1]);
      expect(await hits('"failed password"')).toEqual([1]);
      expect(await hits('"password failed"')).toEqual([]);
      expect(await hits('bastion')).toEqual([1]);
      expect(await hits('sshd')).toEqual([2, 1]);
      expect(await hits('publick*')).toEqual([2]);
      expect(await hits('cafe')).toEqual([3]);
      expect(await hits('verweigert AND closed')).toEqual([3]);
      expect(await hits('"no raw"')).toEqual([4]);
      expect(await hits('password OR deploy')).toEqual([2, 1]);
    });

    it('aggregates the top terms of a field, counting each array element, with the total of matches', async () => {
      const store = await fresh();
      await store.append([
        makeEvent({
          time: DAY0 + 1,
          fields: {
            'event.action': 'deny',
            'event.category': ['network', 'intrusion_detection'],
            'destination.port': 22,
          },
          tags: ['a'],
        }),
        makeEvent({
          time: DAY0 + 2,
          fields: { 'event.action': 'deny', 'event.category': ['network'], 'destination.port': 22 },
          tags: ['a', 'b'],
        }),
        makeEvent({
          time: DAY0 + DAY + 3,
          fields: { 'event.action': 'allow', 'event.category': 'network', 'destination.port': 443 },
          product: 'fortigate',
        }),
        makeEvent({ time: DAY0 + DAY + 4, fields: { 'event.action': 'deny', flag: true } }),
        makeEvent({ time: DAY0 + DAY + 5, fields: {} }),
      ]);
      const scope = { tenants: systemScope([acme]), from: DAY0, to: DAY0 + 2 * DAY, query: q('') };
      const actions = await store.aggregate(scope, { kind: 'terms', field: 'event.action', size: 10 });
      expect(actions.buckets).toEqual([
        { key: 'deny', count: 3 },
        { key: 'allow', count: 1 },
      ]);
      expect(actions.total).toBe(5);
      const top1 = await store.aggregate(scope, { kind: 'terms', field: 'event.action', size: 1 });
      expect(top1.buckets).toEqual([{ key: 'deny', count: 3 }]);
      expect(top1.total).toBe(5);
      const cats = await store.aggregate(scope, { kind: 'terms', field: 'event.category', size: 10 });
      expect(cats.buckets).toEqual([
        { key: 'network', count: 3 },
        { key: 'intrusion_detection', count: 1 },
      ]);
      const ports = await store.aggregate(scope, { kind: 'terms', field: 'destination.port', size: 10 });
      expect(ports.buckets).toEqual([
        { key: 22, count: 2 },
        { key: 443, count: 1 },
      ]);
      const flags = await store.aggregate(scope, { kind: 'terms', field: 'flag', size: 10 });
      expect(flags.buckets).toEqual([{ key: true, count: 1 }]);
      const products = await store.aggregate(scope, { kind: 'terms', field: 'logsource.product', size: 10 });
      expect(products.buckets).toEqual([
        { key: 'linux', count: 4 },
        { key: 'fortigate', count: 1 },
      ]);
      const tags = await store.aggregate(scope, { kind: 'terms', field: 'tags', size: 10 });
      expect(tags.buckets).toEqual([
        { key: 'a', count: 2 },
        { key: 'b', count: 1 },
      ]);
      const filtered = await store.aggregate(
        { ...scope, query: q('destination.port:22') },
        { kind: 'terms', field: 'event.action', size: 10 },
      );
      expect(filtered).toMatchObject({ buckets: [{ key: 'deny', count: 2 }], total: 2 });
    });

    it('builds a histogram of aligned buckets across days, empty buckets included', async () => {
      const store = await fresh();
      const midnight = DAY0 + DAY;
      await store.append([
        makeEvent({ time: midnight - 2 * HOUR + 10 }),
        makeEvent({ time: midnight - 2 * HOUR + 20 }),
        makeEvent({ time: midnight + 30 }),
        makeEvent({ time: midnight + HOUR + 40, tenant: globex }),
      ]);
      const result = await store.aggregate(
        { tenants: systemScope([acme]), from: midnight - 3 * HOUR, to: midnight + 2 * HOUR, query: q('') },
        { kind: 'histogram', intervalMs: HOUR },
      );
      expect(result.buckets).toEqual([
        { key: midnight - 3 * HOUR, count: 0 },
        { key: midnight - 2 * HOUR, count: 2 },
        { key: midnight - HOUR, count: 0 },
        { key: midnight, count: 1 },
        { key: midnight + HOUR, count: 0 },
      ]);
      expect(result.total).toBe(3);
    });

    it('splits a histogram by a field, counting the flagged events of every bucket in the same pass', async () => {
      const store = await fresh();
      const midnight = DAY0 + DAY;
      const at = (time: number, input: string | undefined, extra: Partial<EventSpec> = {}): Event => {
        const e = makeEvent({ time, ...extra });
        if (input === undefined) delete e.input;
        else e.input = input;
        return e;
      };
      await store.append([
        at(midnight - HOUR + 1, 'syslog', { fields: { 'event.category': ['network', 'web'] } }),
        at(midnight - HOUR + 2, 'syslog', { tags: ['parse_error'] }),
        at(midnight + 3, 'syslog', { fields: { 'event.category': 'network' } }),
        at(midnight + 4, 'hec', { tags: ['parse_error', 'truncated'] }),
        at(midnight + HOUR + 5, undefined),
        at(midnight + 6, 'syslog', { tenant: globex, tags: ['parse_error'] }),
      ]);
      const scope = {
        tenants: systemScope([acme]),
        from: midnight - HOUR,
        to: midnight + 2 * HOUR,
        query: q(''),
      };
      const flag = q('tags:parse_error');
      const byInput = await store.aggregate(scope, {
        kind: 'histogram-split',
        intervalMs: HOUR,
        field: 'input',
        size: 10,
        flag,
      });
      expect(byInput.total).toBe(5);
      expect(byInput.flagged).toBe(2);
      expect(byInput.buckets).toEqual([
        { key: midnight - HOUR, count: 2 },
        { key: midnight, count: 2 },
        { key: midnight + HOUR, count: 1 },
      ]);
      expect(byInput.series).toEqual([
        {
          key: 'syslog',
          count: 3,
          flagged: 1,
          buckets: [
            { key: midnight - HOUR, count: 2, flagged: 1 },
            { key: midnight, count: 1, flagged: 0 },
          ],
        },
        { key: 'hec', count: 1, flagged: 1, buckets: [{ key: midnight, count: 1, flagged: 1 }] },
        { key: null, count: 1, flagged: 0, buckets: [{ key: midnight + HOUR, count: 1, flagged: 0 }] },
      ]);

      const top1 = await store.aggregate(scope, {
        kind: 'histogram-split',
        intervalMs: HOUR,
        field: 'input',
        size: 1,
      });
      expect(top1.series?.map((s) => [s.key, s.count, s.flagged])).toEqual([['syslog', 3, 0]]);
      expect([top1.total, top1.flagged]).toEqual([5, 0]);

      const byTenant = await store.aggregate(
        { ...scope, tenants: systemScope([acme, globex]) },
        { kind: 'histogram-split', intervalMs: HOUR, field: 'tenant', size: 10, flag },
      );
      expect(byTenant.series?.map((s) => [s.key, s.count, s.flagged])).toEqual([
        ['acme', 5, 2],
        ['globex', 1, 1],
      ]);
      expect([byTenant.total, byTenant.flagged]).toEqual([6, 3]);

      // An array counts in each of its values' series, an event without the field in the null series; the
      // totals still count events.
      const byCategory = await store.aggregate(scope, {
        kind: 'histogram-split',
        intervalMs: HOUR,
        field: 'event.category',
        size: 10,
        flag,
      });
      expect(byCategory.series?.map((s) => [s.key, s.count, s.flagged])).toEqual([
        [null, 3, 2],
        ['network', 2, 0],
        ['web', 1, 0],
      ]);
      expect([byCategory.total, byCategory.flagged]).toEqual([5, 2]);
      expect(byCategory.buckets.map((b) => b.count)).toEqual([2, 2, 1]);
    });

    it("purges one tenant's older events, from rows and full text alike, and leaves the others", async () => {
      const store = await fresh();
      const word = (tenant: TenantId, time: number, text: string, raw?: string) =>
        makeEvent({ tenant, time, message: text, ...(raw ? { raw } : {}) });
      await store.append([
        word(acme, DAY0 + HOUR, 'zebra old acme', '<13>Nov 28 01:00:00 h app: zebra old acme'),
        word(acme, DAY0 + DAY + HOUR, 'zebra mid acme'),
        word(acme, DAY0 + 2 * DAY + HOUR, 'zebra new acme'),
        word(globex, DAY0 + HOUR, 'zebra old globex'),
      ]);
      expect(await store.purgeTenant(acme, DAY0 + DAY + 2 * HOUR)).toBe(2);
      const all = { from: DAY0 - DAY, to: DAY0 + 5 * DAY };
      const texts = async (tenant: TenantId, query: string) =>
        (
          await store.search({ tenants: systemScope([tenant]), ...all, query: q(query), limit: 10 })
        ).events.map((e) => e.fields['message']);
      expect(await texts(acme, 'zebra')).toEqual(['zebra new acme']);
      expect(await texts(acme, 'old')).toEqual([]);
      expect(await texts(acme, '"zebra old"')).toEqual([]);
      expect(await texts(globex, 'zebra')).toEqual(['zebra old globex']);
      expect((await store.stats()).events).toBe(2);
      // The index forgot the purged rows: new events reuse no stale postings and are still found.
      await store.append([word(acme, DAY0 + HOUR * 2, 'zebra again acme')]);
      expect(await texts(acme, 'zebra')).toEqual(['zebra new acme', 'zebra again acme']);
      expect(await store.purgeTenant(acme, DAY0)).toBe(0);
    });

    it('prunes whole days that end before the cutoff and says how many events went', async () => {
      const store = await fresh();
      await store.append([
        ...series(4, DAY0 + HOUR, HOUR),
        ...series(3, DAY0 + DAY + HOUR, HOUR),
        ...series(2, DAY0 + 2 * DAY + HOUR, HOUR),
      ]);
      expect(await store.prune(DAY0 + DAY + 12 * HOUR)).toBe(4);
      expect(
        await store.count({
          tenants: systemScope([acme]),
          from: DAY0 - DAY,
          to: DAY0 + 5 * DAY,
          query: q(''),
        }),
      ).toBe(5);
      expect(await store.prune(DAY0)).toBe(0);
      const stats = await store.stats();
      expect(stats.partitions.map((p) => p.events)).toEqual([3, 2]);
      await store.append(series(1, DAY0 + 3 * DAY, 1));
      expect(
        await store.count({
          tenants: systemScope([acme]),
          from: DAY0 - DAY,
          to: DAY0 + 5 * DAY,
          query: q(''),
        }),
      ).toBe(6);
    });

    it('reports events, bytes and time range per partition', async () => {
      const store = await fresh();
      await store.append([...series(3, DAY0 + HOUR, HOUR), ...series(2, DAY0 + DAY + 5, 10, globex)]);
      const stats = await store.stats();
      expect(stats.events).toBe(5);
      expect(stats.partitions).toHaveLength(2);
      expect(stats.partitions[0]).toMatchObject({ events: 3, from: DAY0 + HOUR, to: DAY0 + 3 * HOUR });
      expect(stats.partitions[1]).toMatchObject({ events: 2, from: DAY0 + DAY + 5, to: DAY0 + DAY + 15 });
      expect(stats.bytes).toBe(stats.partitions.reduce((n, p) => n + p.bytes, 0));
      expect(stats.bytes).toBeGreaterThan(0);
    });

    it('refuses a scope without tenants and a page size out of range', async () => {
      const store = await fresh();
      // Only a cast can build an empty scope; the store still refuses one.
      await expect(store.search(all({ tenants: [] as unknown as TenantScope }))).rejects.toMatchObject({
        code: 'REQUEST_INVALID',
      });
      await expect(store.search(all({ limit: 0 }))).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
      await expect(store.search(all({ limit: 10_001 }))).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    });
  });
}
