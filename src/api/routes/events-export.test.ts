import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../access/actor.js';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import type { Event } from '../../core/event.js';
import { UTF8_BOM } from '../../search/export-format.js';
import { SqliteEventStore } from '../../store/embedded/sqlite-event-store.js';
import type { SearchRequest } from '../../store/event-store.js';
import { asAdmin, testAccess, testApp, testEvent, type TestAccess } from '../test-support.js';
import { EXPORT_PAGE_SIZE } from './events-export.js';

const NOW = Date.parse('2025-11-28T12:00:00Z');
const MINUTE = 60_000;
const MANY = 12_345;

describe('GET /api/events/export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yagura-export-'));
  const store = new SqliteEventStore({ dataDir: dir, minFreeBytes: 0 });
  const searches: SearchRequest[] = [];
  // Holds back every page after the first while set: the abandoned download test needs the export mid-way.
  let gate: Promise<void> | undefined;
  const search = store.search.bind(store);
  store.search = async (req) => {
    searches.push(req);
    if (req.cursor !== undefined) await gate;
    return search(req);
  };
  let t: TestAccess;
  let app: ReturnType<typeof testApp>['app'];
  let analyst = '';
  let csirt = '';

  beforeAll(async () => {
    t = await testAccess({ now: NOW });
    app = testApp({ store, access: t.access, now: () => NOW }).app;
    const cli = cliActor();
    for (const [username, role] of [
      ['ana', 'soc_analyst'],
      ['cara', 'csirt'],
    ] as const) {
      const user = await t.access.users.create(cli, {
        username,
        role,
        tenants: ['acme'],
        password: GOOD_PASSWORD,
      });
      const { secret } = await t.access.tokens.create(cli, { userId: user.id, name: 'export' });
      if (role === 'soc_analyst') analyst = secret;
      else csirt = secret;
    }
    const acme: Event[] = [
      testEvent('acme', NOW - MINUTE, {
        message: 'Failed password for root',
        'user.name': '=HYPERLINK("http://evil.example","x")',
        'source.ip': '203.0.113.7',
      }),
      testEvent('acme', NOW - 2 * MINUTE, { message: 'ログイン失敗, "山田"', 'event.category': ['a', 'b'] }),
      testEvent('acme', NOW - 3 * MINUTE, { message: 'accepted' }, '<13>raw line'),
    ];
    acme[0]!.input = 'syslog';
    acme[0]!.tags = ['perimeter'];
    const globex = Array.from({ length: MANY }, (_, i) =>
      testEvent('globex', NOW - 10 * MINUTE - i * 1000, { message: `bulk ${i}`, n: i }),
    );
    await store.append([...acme, ...globex]);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (query: string, headers: Record<string, string> = asAdmin) =>
    app.inject({ method: 'GET', url: `/api/events/export?${query}`, headers });

  const lastExport = async () =>
    (await t.access.audit.query({ tenants: 'all', action: 'events.export', limit: 1 })).entries[0];

  it('downloads CSV with a byte order mark, the default columns and the newest events first', async () => {
    const res = await get('tenants=acme&from=now-1h');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="yagura-events-20251128T120000.csv"',
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body).toBe(
      UTF8_BOM +
        '@timestamp,tenant,input,message\r\n' +
        '2025-11-28T11:59:00.000Z,acme,syslog,Failed password for root\r\n' +
        '2025-11-28T11:58:00.000Z,acme,,"ログイン失敗, ""山田"""\r\n' +
        '2025-11-28T11:57:00.000Z,acme,,accepted\r\n',
    );
  });

  it('writes the columns asked for, guarding text a spreadsheet would run as a formula', async () => {
    const res = await get('tenants=acme&from=now-1h&order=asc&columns=user.name,event.category,tags,raw');
    expect(res.body.split('\r\n')).toEqual([
      `${UTF8_BOM}user.name,event.category,tags,raw`,
      ',,,<13>raw line',
      ',a|b,,',
      `"'=HYPERLINK(""http://evil.example"",""x"")",,perimeter,`,
      '',
    ]);
  });

  it('downloads JSON Lines holding the events exactly as the search API returns them', async () => {
    const res = await get('tenants=acme&from=now-1h&format=jsonl');
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    expect(res.headers['content-disposition']).toContain('yagura-events-20251128T120000.jsonl');
    const lines = res.body.trimEnd().split('\n');
    const searched = await app.inject({
      method: 'GET',
      url: '/api/events/search?tenants=acme&from=now-1h',
      headers: asAdmin,
    });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(searched.json().events);
  });

  it(`reads the store ${EXPORT_PAGE_SIZE} events at a time and writes every event once`, async () => {
    searches.length = 0;
    const res = await get('tenants=globex&from=now-1d&format=jsonl&limit=1000000');
    const ns = res.body
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as Event).fields['n']);
    expect(ns).toHaveLength(MANY);
    expect(new Set(ns).size).toBe(MANY);
    expect(ns.slice(0, 3)).toEqual([0, 1, 2]);
    expect(searches.map((s) => s.limit)).toEqual([EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE]);
    expect(await lastExport()).toMatchObject({
      action: 'events.export',
      outcome: 'success',
      tenant: 'globex',
      details: { format: 'jsonl', events: MANY, query: '', tenants: ['globex'] },
    });
  });

  it('stops at the limit and records that more events matched', async () => {
    searches.length = 0;
    const res = await get('tenants=globex&from=now-1d&limit=5001&query=bulk');
    expect(res.body.split('\r\n')).toHaveLength(1 + 5001 + 1);
    expect(searches.map((s) => s.limit)).toEqual([5000, 1]);
    expect((await lastExport())?.details).toMatchObject({
      format: 'csv',
      query: 'bulk',
      events: 5001,
      truncatedAtLimit: 5001,
      columns: ['@timestamp', 'tenant', 'input', 'message'],
      from: NOW - 86_400_000,
      to: NOW,
    });
  });

  it('answers bad input with the usual JSON error before any byte of the file', async () => {
    const cases: [string, string, string][] = [
      ['query=user.name:(a OR', 'QUERY_SYNTAX', 'query'],
      ['columns=message,bad%20name', 'REQUEST_INVALID', 'columns'],
      ['from=last%20tuesday', 'TIME_INVALID', 'from'],
      ['from=now&to=now-1h', 'TIME_INVALID', 'from'],
      ['limit=1000001', 'REQUEST_INVALID', 'query.limit'],
      ['format=xlsx', 'REQUEST_INVALID', 'query.format'],
      ['tenants=initech', 'TENANT_UNKNOWN', 'tenants'],
    ];
    for (const [query, code, key] of cases) {
      const res = await get(query);
      expect([query, res.statusCode, res.headers['content-type']]).toEqual([
        query,
        400,
        'application/json; charset=utf-8',
      ]);
      expect(res.json().error).toMatchObject({ code, details: { location: { key } } });
      expect(res.headers['content-disposition']).toBeUndefined();
    }
  });

  it("keeps to the caller's tenants: an analyst exports only their own, a csirt member nothing", async () => {
    const own = await get('format=jsonl&from=now-1d', { authorization: `Bearer ${analyst}` });
    const tenants = new Set(
      own.body
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as Event).tenant),
    );
    expect([...tenants]).toEqual(['acme']);
    const foreign = await get('tenants=globex', { authorization: `Bearer ${analyst}` });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect(foreign.body).not.toContain('bulk');
    const none = await get('tenants=acme', { authorization: `Bearer ${csirt}` });
    expect(none.statusCode).toBe(403);
  });

  it('records an export the client abandons as a failure with the events written so far', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          path: '/api/events/export?tenants=globex&from=now-1d&format=jsonl',
          headers: asAdmin,
        },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', (e) => (e.message.includes('socket hang up') ? resolve() : reject(e)));
      req.end();
    });
    // The second page is read only after the client has gone.
    await new Promise((r) => setTimeout(r, 50));
    open();
    let entry = await lastExport();
    for (let i = 0; i < 50 && entry?.outcome !== 'failure'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      entry = await lastExport();
    }
    expect(entry).toMatchObject({ outcome: 'failure', details: { format: 'jsonl' } });
    expect(entry?.details?.['events']).toBeLessThan(MANY);
  });
});
