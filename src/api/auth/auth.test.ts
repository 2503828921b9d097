// Sign-in, sessions, CSRF, tokens, role denials, rate limits and idempotency, through the real app and services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../access/actor.js';
import { permissionsOf } from '../../access/permissions.js';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import { tenantId } from '../../core/ids.js';
import { createMetrics } from '../../telemetry/metrics.js';
import { buildApp } from '../app.js';
import { ArraySink, MemoryEventStore, asAdmin, testAccess, type TestAccess } from '../test-support.js';

const ACME = tenantId('acme');
const HOUR = 3_600_000;

describe('API authentication', () => {
  let t: TestAccess;
  let app: ReturnType<typeof buildApp>;

  beforeAll(async () => {
    t = await testAccess({ tenants: [ACME], users: { maxFailedLogins: 3 } });
    const cli = cliActor();
    for (const [username, role] of [
      ['carol', 'csirt'],
      ['vera', 'viewer'],
      ['lock-me', 'csirt'],
      ['limited', 'csirt'],
      ['pat', 'csirt'],
    ] as const) {
      await t.access.users.create(cli, { username, role, tenants: [ACME], password: GOOD_PASSWORD });
    }
    app = buildApp({
      store: new MemoryEventStore(),
      sink: new ArraySink(),
      metrics: createMetrics(),
      tenants: [ACME],
      access: t.access,
      now: () => t.clock.now,
      config: { auth: { loginAttemptsPerAddress: 1000, loginAttemptsPerUser: 4 } },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const login = (username: string, password = GOOD_PASSWORD) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  async function session(username: string): Promise<{ cookie: string; csrf: string }> {
    const res = await login(username);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^yagura_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=86400$/);
    return { cookie: setCookie.split(';')[0]!, csrf: (res.json() as { csrfToken: string }).csrfToken };
  }

  it('signs in, says who the session is, and signs out', async () => {
    const s = await session('carol');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.json()).toMatchObject({
      user: { username: 'carol', role: 'csirt', tenants: ['acme'] },
      via: 'session',
    });
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    const actions = (await t.access.audit.query({ tenants: 'all', limit: 50 })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.logout', 'auth.session']));
  });

  it('refuses a cookie-signed state change without the session CSRF token, and takes it with', async () => {
    const s = await session('carol');
    const bare = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: s.cookie },
      payload: {},
    });
    expect([bare.statusCode, bare.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: s.cookie, 'x-csrf-token': (s.csrf.startsWith('x') ? 'y' : 'x') + s.csrf.slice(1) },
      payload: {},
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { name: 'from the browser' },
    });
    expect(ok.statusCode).toBe(201);
    const denied = await t.access.audit.query({ tenants: 'all', action: 'auth.csrf', limit: 10 });
    expect(denied.entries.length).toBeGreaterThanOrEqual(2);
  });

  it("says which permissions the caller holds, narrowed by a token's scopes", async () => {
    const s = await session('carol');
    const me = (
      await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })
    ).json();
    expect(me.permissions).toEqual(permissionsOf('csirt'));
    const carol = await t.access.users.getByUsername(cliActor(), 'carol');
    const scoped = await t.access.tokens.create(cliActor(), {
      userId: carol.id,
      name: 'scoped',
      scopes: ['alerts:read', 'reports:read'],
    });
    const byToken = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${scoped.secret}` },
    });
    expect(byToken.json()).toMatchObject({
      via: 'token',
      scopes: ['alerts:read', 'reports:read'],
      permissions: ['alerts:read', 'reports:read'],
    });
    const admin = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: asAdmin })).json();
    expect(admin.permissions).toEqual(permissionsOf('admin'));
  });

  it('keeps the console language a user chooses, changed by session only with the CSRF token', async () => {
    await t.access.users.create(cliActor(), {
      username: 'lang-user',
      role: 'viewer',
      tenants: [ACME],
      password: GOOD_PASSWORD,
    });
    const s = await session('lang-user');
    const me = () =>
      app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } }).then((r) => r.json());
    expect((await me()).language).toBeNull();
    const put = (payload: object, headers: Record<string, string>) =>
      app.inject({ method: 'PUT', url: '/api/auth/me/preferences', headers, payload });
    const noCsrf = await put({ language: 'ja' }, { cookie: s.cookie });
    expect([noCsrf.statusCode, noCsrf.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    const bad = await put({ language: 'fr' }, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
    const ok = await put({ language: 'ja' }, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    expect([ok.statusCode, ok.json()]).toEqual([200, { language: 'ja' }]);
    expect((await me()).language).toBe('ja');
    const byToken = await put({ language: 'en' }, asAdmin);
    expect(byToken.json()).toEqual({ language: 'en' });
    expect((await me()).language).toBe('ja');
    const entries = await t.access.audit.query({ tenants: 'all', action: 'user.preferences', limit: 10 });
    expect(entries.entries.map((e) => [e.actor.name, e.details?.['to']])).toEqual([
      ['admin', { language: 'en' }],
      ['lang-user', { language: 'ja' }],
    ]);
  });

  it('ends a session after 8 idle hours and after 24 hours however busy', async () => {
    const idle = await session('carol');
    t.clock.now += 8 * HOUR + 1000;
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: idle.cookie } })).statusCode,
    ).toBe(401);
    const busy = await session('carol');
    for (let h = 0; h < 24; h += 4) {
      t.clock.now += 4 * HOUR;
      const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: busy.cookie } });
      expect(res.statusCode).toBe(h + 4 >= 24 ? 401 : 200);
    }
  });

  it('stops honouring a token once it expires or is revoked through the API', async () => {
    const s = await session('carol');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const short = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { expiresAt: 'now+1h' },
    });
    expect(short.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${short.json().secret as string}` };
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).json().via).toBe(
      'token',
    );
    const revocable = await app.inject({ method: 'POST', url: '/api/tokens', headers, payload: {} });
    const other = { authorization: `Bearer ${revocable.json().secret as string}` };
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${revocable.json().token.id as string}`,
      headers,
    });
    expect(del.json().revokedAt).not.toBeNull();
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: other })).statusCode).toBe(401);
    t.clock.now += HOUR + 1000;
    const expired = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect([expired.statusCode, expired.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('denies by role: a viewer cannot create, a csirt cannot search events', async () => {
    const vera = await session('vera');
    const create = await app.inject({
      method: 'POST',
      url: '/api/tenants',
      headers: { cookie: vera.cookie, 'x-csrf-token': vera.csrf },
      payload: { name: 'Initech' },
    });
    expect([create.statusCode, create.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const carol = await session('carol');
    const search = await app.inject({
      method: 'POST',
      url: '/api/events/search',
      headers: { cookie: carol.cookie, 'x-csrf-token': carol.csrf },
      payload: { query: '*' },
    });
    expect(search.statusCode).toBe(403);
  });

  it('locks an account after repeated wrong passwords, answering 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await login('lock-me', 'wrong-password-123')).statusCode).toBe(401);
    const locked = await login('lock-me');
    expect([locked.statusCode, locked.json().error.code]).toEqual([429, 'ACCOUNT_LOCKED']);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rate limits sign-in attempts per user name, whatever the password', async () => {
    for (let i = 0; i < 4; i++) await login('limited', 'wrong-password-123');
    const limited = await login('limited');
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const denied = await t.access.audit.query({
      tenants: 'all',
      action: 'auth.login',
      outcome: 'denied',
      limit: 5,
    });
    expect(denied.entries[0]?.details).toMatchObject({ username: 'limited', reason: 'rate limited' });
  });

  it('signs a user out of their other sessions when they change their password, keeping the current one', async () => {
    const laptop = await session('pat');
    const phone = await session('pat');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: laptop.cookie } });
    const changed = await app.inject({
      method: 'POST',
      url: `/api/users/${me.json().user.id as string}/password`,
      headers: { cookie: laptop.cookie, 'x-csrf-token': laptop.csrf },
      payload: { password: 'violet-lantern-harbour-77', currentPassword: GOOD_PASSWORD },
    });
    expect(changed.statusCode).toBe(200);
    const still = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: laptop.cookie },
    });
    const gone = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: phone.cookie } });
    expect([still.statusCode, gone.statusCode]).toEqual([200, 401]);
  });

  it('replays the first response to a repeated Idempotency-Key and refuses the key for another body', async () => {
    const headers = { ...asAdmin, 'idempotency-key': 'create-initech-1' };
    const first = await app.inject({
      method: 'POST',
      url: '/api/tenants',
      headers,
      payload: { name: 'Initech' },
    });
    expect(first.statusCode).toBe(201);
    const again = await app.inject({
      method: 'POST',
      url: '/api/tenants',
      headers,
      payload: { name: 'Initech' },
    });
    expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([201, 'true']);
    expect(again.json()).toEqual(first.json());
    const other = await app.inject({
      method: 'POST',
      url: '/api/tenants',
      headers,
      payload: { name: 'Umbrella' },
    });
    expect([other.statusCode, other.json().error.code]).toEqual([409, 'CONFLICT']);
  });
});
