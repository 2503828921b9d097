// The access model on a running `yagura serve`: credentials on every API route, tenants from the state database.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startServer, waitForHits, type ServerProcess } from './server-process.js';

const run = promisify(execFile);

const config = `
tenants:
  - id: default
  - id: acme
    timeZone: Asia/Tokyo
`;

describe('a running yagura serve with the access model', () => {
  let server: ServerProcess;
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    server = await startServer(config);
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
  });

  it('answers API routes 401 without credentials and keeps health public', async () => {
    const search = await fetch(`${server.url}/api/events/search`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(search.status).toBe(401);
    expect(((await search.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${server.url}/api/tenants`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('created the configuration file tenants in the state database, as the system actor', async () => {
    const tenants = await fetch(`${server.url}/api/tenants`, { headers: server.auth });
    const list = (await tenants.json()) as { items: { id: string; timeZone: string }[] };
    expect(list.items.map((t) => [t.id, t.timeZone])).toEqual([
      ['acme', 'Asia/Tokyo'],
      ['default', 'UTC'],
    ]);
    const audit = await fetch(`${server.url}/api/audit?action=tenant.create`, { headers: server.auth });
    const entries = ((await audit.json()) as { entries: { actor: { kind: string }; tenant: string }[] })
      .entries;
    expect(entries.map((e) => [e.actor.kind, e.tenant]).sort()).toEqual([
      ['system', 'acme'],
      ['system', 'default'],
    ]);
  });

  it('signs a browser in with a cookie and wants the CSRF token on changes', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'admin', password: E2E_ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(((await me.json()) as { via: string }).via).toBe('session');
    const create = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/tokens`, {
        method: 'POST',
        headers: { ...json, cookie, ...headers },
        body: '{}',
      });
    expect((await create({})).status).toBe(403);
    expect((await create({ 'x-csrf-token': csrfToken })).status).toBe(201);
  });

  it('routes syslog by the source ranges of a tenant created through the API, without a restart', async () => {
    const created = await fetch(`${server.url}/api/tenants`, {
      method: 'POST',
      headers: { ...json, ...server.auth },
      body: JSON.stringify({ name: 'Initech', sources: ['127.0.0.1'] }),
    });
    expect(created.status).toBe(201);
    const tag = `init${Date.now().toString(36)}`;
    await run('logger', [
      '--server',
      '127.0.0.1',
      '--tcp',
      '--port',
      String(server.tcpPort),
      '--rfc5424',
      '-t',
      'app',
      `${tag} routed by source`,
    ]);
    const hits = await waitForHits(server.url, `"${tag}"`);
    expect(hits.events.map((e) => e.tenant)).toEqual(['initech']);
  });
});
