// The access API (tenants, users, tokens, audit) through the real app and services: pagination, filters, scoping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import { tenantId } from '../../core/ids.js';
import { createMetrics } from '../../telemetry/metrics.js';
import { buildApp } from '../app.js';
import { ArraySink, MemoryEventStore, asAdmin, testAccess, type TestAccess } from '../test-support.js';

describe('the access API', () => {
  let t: TestAccess;
  let app: ReturnType<typeof buildApp>;
  let changes = 0;
  const json = (res: { json(): unknown }) =>
    res.json() as Record<string, unknown> & { items: { id: string }[] };

  beforeAll(async () => {
    t = await testAccess({ tenants: [tenantId('acme')] });
    app = buildApp({
      store: new MemoryEventStore(),
      sink: new ArraySink(),
      metrics: createMetrics(),
      tenants: [tenantId('acme')],
      access: t.access,
      onTenantsChanged: () => {
        changes++;
      },
      config: {},
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers = asAdmin,
  ) => app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('creates, changes, disables and pages tenants, telling the server each time', async () => {
    for (const name of ['Globex', 'Initech', 'Umbrella'])
      expect((await call('POST', '/api/tenants', { name })).statusCode).toBe(201);
    const patched = await call('PATCH', '/api/tenants/globex', {
      name: 'Globex Corp',
      timeZone: 'Asia/Tokyo',
      sources: ['10.9.0.0/16'],
    });
    expect(patched.json()).toMatchObject({
      id: 'globex',
      name: 'Globex Corp',
      timeZone: 'Asia/Tokyo',
      sources: ['10.9.0.0/16'],
    });
    expect((await call('POST', '/api/tenants/umbrella/disable')).json().disabledAt).not.toBeNull();
    expect(changes).toBe(5);
    const first = json(await call('GET', '/api/tenants?limit=2'));
    expect(first.items.map((x) => x.id)).toEqual(['acme', 'globex']);
    const second = json(await call('GET', `/api/tenants?limit=2&cursor=${first['next'] as string}`));
    expect(second.items.map((x) => x.id)).toEqual(['initech', 'umbrella']);
    expect(second['next']).toBeUndefined();
    expect(json(await call('GET', '/api/tenants?status=disabled')).items.map((x) => x.id)).toEqual([
      'umbrella',
    ]);
    const bad = await call('PATCH', '/api/tenants/globex', { timeZone: 'Mars/Olympus' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
  });

  it('creates users, filters them by role and tenant, and changes their role', async () => {
    const created = await call('POST', '/api/users', {
      username: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain('argon2');
    await call('POST', '/api/users', {
      username: 'gil',
      role: 'viewer',
      tenants: ['globex'],
      password: GOOD_PASSWORD,
    });
    expect(json(await call('GET', '/api/users?role=csirt')).items.map((u) => u.id)).toEqual([
      created.json().id,
    ]);
    expect(json(await call('GET', '/api/users?tenant=globex')).items).toHaveLength(1);
    const id = created.json().id as string;
    const moved = await call('PATCH', `/api/users/${id}`, {
      role: 'soc_analyst',
      tenants: ['acme', 'globex'],
    });
    expect(moved.json()).toMatchObject({ role: 'soc_analyst', tenants: ['acme', 'globex'] });
    const weak = await call('POST', `/api/users/${id}/password`, { password: 'short' });
    expect([weak.statusCode, weak.json().error.code]).toEqual([400, 'PASSWORD_POLICY']);
  });

  it("lists one's own tokens, and others' only for admins", async () => {
    await call('POST', '/api/users', {
      username: 'cora',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'cora', password: GOOD_PASSWORD },
    });
    const cora = {
      cookie: String(login.headers['set-cookie']).split(';')[0]!,
      'x-csrf-token': login.json().csrfToken as string,
    };
    const made = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: cora,
      payload: { name: 'mine', scopes: ['alerts:read'] },
    });
    expect(made.json()).toMatchObject({ token: { name: 'mine', scopes: ['alerts:read'] } });
    expect(made.json().secret).toMatch(/^ygr_/);
    const own = await app.inject({ method: 'GET', url: '/api/tokens', headers: cora });
    expect(json(own).items.map((x) => x.id)).toEqual([made.json().token.id]);
    const adminView = await call('GET', `/api/tokens?user=${login.json().user.id as string}`);
    expect(json(adminView).items).toHaveLength(1);
    const others = await app.inject({
      method: 'GET',
      url: `/api/tokens?user=${login.json().user.id as string}x`,
      headers: cora,
    });
    expect(others.statusCode).toBe(403);
  });

  it("shows a csirt member their own tenant's audit entries only, and admins everything", async () => {
    await call('POST', '/api/users', {
      username: 'ken',
      role: 'csirt',
      tenants: ['globex'],
      password: GOOD_PASSWORD,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ken', password: GOOD_PASSWORD },
    });
    const ken = { cookie: String(login.headers['set-cookie']).split(';')[0]! };
    const page = await app.inject({ method: 'GET', url: '/api/audit?limit=1000', headers: ken });
    const entries = page.json().entries as { tenant?: string }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.tenant === 'globex')).toBe(true);
    const other = await app.inject({ method: 'GET', url: '/api/audit?tenant=acme', headers: ken });
    expect([other.statusCode, other.body.includes('acme')]).toEqual([403, false]);
    const all = await call('GET', '/api/audit?action=tenant.&outcome=success&limit=2');
    expect(all.json().entries).toHaveLength(2);
    const older = await call(
      'GET',
      `/api/audit?action=tenant.&outcome=success&limit=2&cursor=${all.json().next as string}`,
    );
    expect(older.json().entries[0].seq).toBeLessThan(all.json().entries[1].seq);
  });

  it('serves metrics to loopback callers only, and refuses other authorization schemes', async () => {
    const remote = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.5' });
    expect(remote.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    const basic = await app.inject({
      method: 'GET',
      url: '/api/tenants',
      headers: { authorization: 'Basic YWRtaW46eA==' },
    });
    expect(basic.statusCode).toBe(401);
  });
});
