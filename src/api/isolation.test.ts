// Walks every route of the app as users of tenant A, aiming at tenant B's data, and checks nothing of B comes back.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../access/actor.js';
import { GOOD_PASSWORD } from '../access/test-support.js';
import { tenantId } from '../core/ids.js';
import { SqliteEventStore } from '../store/embedded/sqlite-event-store.js';
import { createMetrics } from '../telemetry/metrics.js';
import { buildApp } from './app.js';
import { ArraySink, testAccess, testEvent, type TestAccess } from './test-support.js';

const A = tenantId('tenant-alpha');
const B = tenantId('tenant-bravo-x9');
const A_MARK = 'ALPHA-MARK-1001';
const B_MARK = 'BRAVO-MARK-7731';
const A_EVENTS = 5;
const B_EVENTS = 13;
const NOW = Date.parse('2025-11-28T12:00:00Z');

interface Ids {
  bUserId: string;
  bTokenId: string;
  bIngestTokenId: string;
  bUsername: string;
}

interface Caller {
  name: string;
  headers(): Record<string, string>;
  refresh?(): Promise<void>;
}

type Recipe = (ids: Ids) => Omit<InjectOptions, 'headers'> & { url: string };

// One request per route, pointing at B wherever the route takes a tenant, user or token. A route added to the app
// without a recipe here fails the walk, so new routes are covered as they come.
const RECIPES: Record<string, Recipe> = {
  'GET /api/health': () => ({ method: 'GET', url: '/api/health' }),
  'GET /metrics': () => ({ method: 'GET', url: '/metrics' }),
  'GET /api/openapi.json': () => ({ method: 'GET', url: '/api/openapi.json' }),
  'POST /api/auth/login': (ids) => ({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: ids.bUsername, password: 'not-the-password-000' },
  }),
  'GET /api/auth/me': () => ({ method: 'GET', url: '/api/auth/me' }),
  'POST /api/auth/logout': () => ({ method: 'POST', url: '/api/auth/logout' }),
  'PUT /api/auth/me/preferences': () => ({
    method: 'PUT',
    url: '/api/auth/me/preferences',
    payload: { language: 'ja' },
  }),
  'GET /api/events/export': () => ({
    method: 'GET',
    url: `/api/events/export?query=${B_MARK}&tenants=${A},${B}&from=now-30d&to=now%2B1d&columns=tenant,raw`,
  }),
  // Without tenants: the caller's default scope, its per-tenant series and retention must hold A alone.
  'GET /api/ingest/overview': () => ({
    method: 'GET',
    url: '/api/ingest/overview?from=now-30d&to=now%2B1d',
  }),
  // The web console: the same static files for everyone, no tenant data.
  'GET /': () => ({ method: 'GET', url: '/' }),
  'GET /*': () => ({ method: 'GET', url: `/alerts/${B}` }),
  'POST /api/events/search': () => ({
    method: 'POST',
    url: '/api/events/search',
    payload: { query: B_MARK, tenants: [B], from: 'now-30d', to: 'now+1d' },
  }),
  'GET /api/events/search': () => ({
    method: 'GET',
    url: `/api/events/search?query=${B_MARK}&tenants=${A},${B}&from=now-30d&to=now%2B1d`,
  }),
  'POST /api/events/aggregate': () => ({
    method: 'POST',
    url: '/api/events/aggregate',
    payload: {
      query: '*',
      tenants: [B],
      from: 'now-30d',
      to: 'now+1d',
      by: { terms: { field: 'user.name' } },
    },
  }),
  'GET /api/tenants': () => ({ method: 'GET', url: '/api/tenants?status=all' }),
  'POST /api/tenants': () => ({ method: 'POST', url: '/api/tenants', payload: { name: B, id: B } }),
  'GET /api/tenants/:id': () => ({ method: 'GET', url: `/api/tenants/${B}` }),
  'PATCH /api/tenants/:id': () => ({
    method: 'PATCH',
    url: `/api/tenants/${B}`,
    payload: { name: 'taken over' },
  }),
  'POST /api/tenants/:id/disable': () => ({ method: 'POST', url: `/api/tenants/${B}/disable` }),
  'POST /api/tenants/:id/enable': () => ({ method: 'POST', url: `/api/tenants/${B}/enable` }),
  'GET /api/users': () => ({ method: 'GET', url: `/api/users?tenant=${B}` }),
  'POST /api/users': () => ({
    method: 'POST',
    url: '/api/users',
    payload: { username: 'intruder', role: 'csirt', tenants: [B], password: GOOD_PASSWORD },
  }),
  'GET /api/users/:id': (ids) => ({ method: 'GET', url: `/api/users/${ids.bUserId}` }),
  'PATCH /api/users/:id': (ids) => ({
    method: 'PATCH',
    url: `/api/users/${ids.bUserId}`,
    payload: { tenants: [A] },
  }),
  'POST /api/users/:id/disable': (ids) => ({ method: 'POST', url: `/api/users/${ids.bUserId}/disable` }),
  'POST /api/users/:id/enable': (ids) => ({ method: 'POST', url: `/api/users/${ids.bUserId}/enable` }),
  'POST /api/users/:id/unlock': (ids) => ({ method: 'POST', url: `/api/users/${ids.bUserId}/unlock` }),
  'POST /api/users/:id/password': (ids) => ({
    method: 'POST',
    url: `/api/users/${ids.bUserId}/password`,
    payload: { password: 'another-long-passphrase-81' },
  }),
  'GET /api/tokens': (ids) => ({ method: 'GET', url: `/api/tokens?user=${ids.bUserId}` }),
  'POST /api/tokens': (ids) => ({ method: 'POST', url: '/api/tokens', payload: { userId: ids.bUserId } }),
  'DELETE /api/tokens/:id': (ids) => ({ method: 'DELETE', url: `/api/tokens/${ids.bTokenId}` }),
  'GET /api/tenants/:id/ingest-tokens': () => ({ method: 'GET', url: `/api/tenants/${B}/ingest-tokens` }),
  'POST /api/tenants/:id/ingest-tokens': () => ({
    method: 'POST',
    url: `/api/tenants/${B}/ingest-tokens`,
    payload: { kind: 'hec', name: 'intruder' },
  }),
  'DELETE /api/ingest-tokens/:id': (ids) => ({
    method: 'DELETE',
    url: `/api/ingest-tokens/${ids.bIngestTokenId}`,
  }),
  'GET /api/audit': () => ({ method: 'GET', url: `/api/audit?tenant=${B}` }),
};

// Ingest and HEC take no user identity: they push into the tenant of their own ingest token.
function recipeFor(method: string, url: string): Recipe | undefined {
  const exact = RECIPES[`${method} ${url}`];
  if (exact) return exact;
  if (url === '/api/ingest' || url.startsWith('/services/collector')) {
    return () => ({
      method: method as 'GET',
      url,
      ...(method === 'POST' ? { payload: `${A_MARK} probe` } : {}),
    });
  }
  return undefined;
}

describe('tenant isolation over every API route', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yagura-isolation-'));
  const store = new SqliteEventStore({ dataDir: join(dir, 'events'), minFreeBytes: 0 });
  let t: TestAccess;
  let app: ReturnType<typeof buildApp>;
  const routes: { method: string; url: string }[] = [];
  const ids: Ids = { bUserId: '', bTokenId: '', bIngestTokenId: '', bUsername: 'bravo-user-7731' };
  const callers: Caller[] = [];

  beforeAll(async () => {
    t = await testAccess({ dataDir: join(dir, 'state'), tenants: [A, B], now: NOW });
    const cli = cliActor();
    const events = [];
    for (let i = 0; i < A_EVENTS; i++)
      events.push(testEvent(A, NOW - (i + 1) * 60_000, { 'user.name': `alpha-${i}` }, `${A_MARK} ${i}`));
    for (let i = 0; i < B_EVENTS; i++)
      events.push(testEvent(B, NOW - (i + 1) * 60_000, { 'user.name': ids.bUsername }, `${B_MARK} ${i}`));
    await store.append(events);

    const bUser = await t.access.users.create(cli, {
      username: ids.bUsername,
      role: 'csirt',
      tenants: [B],
      password: GOOD_PASSWORD,
    });
    ids.bUserId = bUser.id;
    ids.bTokenId = (await t.access.tokens.create(cli, { userId: bUser.id, name: B_MARK })).token.id;
    await t.access.users.authenticate(ids.bUsername, GOOD_PASSWORD, '198.51.100.9');
    ids.bIngestTokenId = (
      await t.access.ingestTokens.create(cli, { tenant: B, kind: 'ingest', name: B_MARK })
    ).token.id;

    const consoleDir = join(dir, 'console');
    mkdirSync(consoleDir);
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Yagura</title>');

    app = buildApp({
      store,
      sink: new ArraySink(),
      metrics: createMetrics(),
      tenants: [A, B],
      access: t.access,
      now: () => NOW,
      // The walk signs in before every cookie call; the limits have their own test.
      config: {
        auth: { loginAttemptsPerAddress: 100_000, loginAttemptsPerUser: 100_000 },
        console: { enabled: true, dir: consoleDir },
      },
    });
    app.addHook('onRoute', (r) => {
      for (const m of [r.method].flat()) routes.push({ method: m, url: r.url });
    });
    await app.ready();

    for (const role of ['csirt', 'soc_analyst'] as const) {
      const username = `${role.replace('_', '-')}-alpha`;
      const user = await t.access.users.create(cli, {
        username,
        role,
        tenants: [A],
        password: GOOD_PASSWORD,
      });
      const { secret } = await t.access.tokens.create(cli, { userId: user.id, name: 'isolation' });
      callers.push({
        name: `${role} by bearer token`,
        headers: () => ({ authorization: `Bearer ${secret}` }),
      });
      let session: Record<string, string> = {};
      callers.push({
        name: `${role} by session cookie and CSRF token`,
        headers: () => session,
        // Signing in before each call keeps a logout earlier in the walk from ending the walk's session.
        refresh: async () => {
          const res = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username, password: GOOD_PASSWORD },
          });
          expect(res.statusCode).toBe(200);
          const cookie = String(res.headers['set-cookie']).split(';')[0]!;
          session = { cookie, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
        },
      });
    }
  });

  afterAll(async () => {
    await app?.close();
    await store.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a request recipe for every route in the route table', () => {
    const missing = routes.filter((r) => r.method !== 'HEAD' && !recipeFor(r.method, r.url));
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  });

  it('answers 401 on every non-public route without credentials', async () => {
    for (const route of routes) {
      if (route.method === 'HEAD') continue;
      const recipe = recipeFor(route.method, route.url);
      if (!recipe) continue;
      const res = await app.inject(recipe(ids));
      const isPublic =
        [
          '/api/health',
          '/metrics',
          '/api/openapi.json',
          '/api/auth/login',
          '/api/ingest',
          '/',
          '/*',
        ].includes(route.url) || route.url.startsWith('/services/collector');
      if (!isPublic) expect([route.url, res.statusCode]).toEqual([route.url, 401]);
      expect(res.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
    }
  });

  it("returns, counts and names nothing of tenant B to tenant A's users on any route", async () => {
    const forbidden = [B, B_MARK, ids.bUsername, ids.bUserId, ids.bTokenId, ids.bIngestTokenId];
    const ordered = [...routes].sort(
      (x, y) => Number(x.url === '/api/auth/logout') - Number(y.url === '/api/auth/logout'),
    );
    let calls = 0;
    for (const caller of callers) {
      for (const route of ordered) {
        const recipe = recipeFor(route.method, route.url);
        if (!recipe) continue;
        await caller.refresh?.();
        const request = recipe(ids);
        const res = await app.inject({
          ...request,
          method: route.method as 'GET',
          headers: { ...caller.headers() },
        });
        calls++;
        const where = `${caller.name}: ${route.method} ${route.url} -> ${res.statusCode}`;
        expect(res.statusCode, where).toBeLessThan(500);
        for (const secret of forbidden)
          expect(res.body.includes(secret), `${where} leaks "${secret}"`).toBe(false);
        if (res.headers['content-type']?.toString().includes('json') && res.body.length > 0) {
          const total = (res.json() as { total?: unknown }).total;
          if (typeof total === 'number')
            expect(total, `${where} counts B's events`).toBeLessThanOrEqual(A_EVENTS);
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
  });

  it("leaves tenant B's ingest tokens as they were after the walk", async () => {
    const tokens = await t.access.ingestTokens.list(cliActor(), { tenant: B });
    expect(tokens.map((x) => [x.id, x.revokedAt])).toEqual([[ids.bIngestTokenId, null]]);
  });

  it("shows A's users A's own events and counts", async () => {
    const caller = callers[0]!;
    const res = await app.inject({
      method: 'POST',
      url: '/api/events/aggregate',
      headers: caller.headers(),
      payload: { query: '*', from: 'now-30d', to: 'now+1d', by: { terms: { field: 'user.name' } } },
    });
    // The csirt role has no events:read; the soc_analyst does, and sees exactly A's events.
    expect(res.statusCode).toBe(403);
    const analyst = callers[2]!;
    const ok = await app.inject({
      method: 'POST',
      url: '/api/events/aggregate',
      headers: analyst.headers(),
      payload: { query: '*', from: 'now-30d', to: 'now+1d', by: { terms: { field: 'user.name' } } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().total).toBe(A_EVENTS);
    expect(ok.body).toContain('alpha-0');
  });
});
