import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../access/actor.js';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import { httpInputConfigSchema } from '../../inputs/http/config.js';
import { asAdmin, testAccess, testApp, type TestAccess } from '../test-support.js';

const NDJSON = { 'content-type': 'application/x-ndjson' };
const CONFIG_INGEST = 'acme-config-token-0123456789';
const CONFIG_HEC = '7f3b1c2e-0d4a-4b6e-9a51-2c8d7e6f1a30';

let t: TestAccess;
let app: ReturnType<typeof testApp>['app'];
let sink: ReturnType<typeof testApp>['sink'];

async function start(withConfigTokens: boolean): Promise<void> {
  const http = httpInputConfigSchema.parse(
    withConfigTokens
      ? {
          tokens: [{ token: CONFIG_INGEST, tenant: 'acme' }],
          hec: { tokens: [{ token: CONFIG_HEC, tenant: 'acme', name: 'config-hec' }] },
        }
      : {},
  );
  t = await testAccess();
  ({ app, sink } = testApp({ access: t.access, config: { http } }));
}

afterEach(async () => {
  await app.close();
  await t.close();
});

const ingest = (authorization?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/ingest',
    headers: { ...NDJSON, ...(authorization ? { authorization } : {}) },
    payload: '{"a":1}',
  });

const hec = (token: string) =>
  app.inject({
    method: 'POST',
    url: '/services/collector/event',
    headers: { authorization: `Splunk ${token}`, 'content-type': 'application/json' },
    payload: '{"event":"hello"}',
  });

async function createToken(
  tenant: string,
  kind: 'ingest' | 'hec',
  name: string,
  headers: Record<string, string> = asAdmin,
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/tenants/${tenant}/ingest-tokens`,
    headers,
    payload: { kind, name },
  });
  return res;
}

describe('ingest tokens through the API', () => {
  beforeEach(() => start(false));

  it('creates a token whose events land in its tenant, and from then on asks every sender for one', async () => {
    expect((await ingest()).statusCode).toBe(202);
    const res = await createToken('globex', 'ingest', 'scripts');
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json() as { token: { id: string; prefix: string }; secret: string };
    expect(secret).toMatch(/^ygi_/);
    expect(token).toMatchObject({ tenant: 'globex', kind: 'ingest', name: 'scripts', revokedAt: null });

    expect((await ingest(`Bearer ${secret}`)).statusCode).toBe(202);
    const anonymous = await ingest();
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'INGEST_TOKEN_INVALID']);
    expect(sink.messages.map((m) => m.tenant)).toEqual(['acme', 'globex']);

    const list = await app.inject({
      method: 'GET',
      url: '/api/tenants/globex/ingest-tokens',
      headers: asAdmin,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([token.id]);
    expect(list.body).not.toContain(secret.slice(8));
  });

  it('sends HEC events with a stored hec token to its tenant, and refuses it once revoked', async () => {
    const { token, secret } = (await createToken('globex', 'hec', 'fluent-bit')).json() as {
      token: { id: string };
      secret: string;
    };
    const ok = await hec(secret);
    expect([ok.statusCode, ok.json()]).toEqual([200, { text: 'Success', code: 0 }]);
    expect(sink.messages.map((m) => [m.tenant, m.fields?.['hec.token_name']])).toEqual([
      ['globex', 'fluent-bit'],
    ]);
    // A hec token is not an ingest token.
    expect((await ingest(`Bearer ${secret}`)).statusCode).toBe(202);
    expect(sink.messages.at(-1)?.tenant).toBe('acme');

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/ingest-tokens/${token.id}`,
      headers: asAdmin,
    });
    expect([revoked.statusCode, revoked.json().revokedAt]).toEqual([200, expect.any(String)]);
    const refused = await hec(secret);
    expect([refused.statusCode, refused.json()]).toEqual([403, { text: 'Invalid token', code: 4 }]);
  });

  it('refuses a revoked ingest token with 401', async () => {
    const { token, secret } = (await createToken('acme', 'ingest', 'x')).json() as {
      token: { id: string };
      secret: string;
    };
    expect((await ingest(`Bearer ${secret}`)).statusCode).toBe(202);
    await app.inject({ method: 'DELETE', url: `/api/ingest-tokens/${token.id}`, headers: asAdmin });
    const res = await ingest(`Bearer ${secret}`);
    expect([res.statusCode, res.json().error.code]).toEqual([401, 'INGEST_TOKEN_INVALID']);
    // Revoking the last token does not reopen anonymous ingest.
    expect((await ingest()).statusCode).toBe(401);
  });

  it('replays a create with the same Idempotency-Key instead of making a second token', async () => {
    const headers = { ...asAdmin, 'idempotency-key': 'create-hec-1' };
    const first = await createToken('acme', 'hec', 'vector', headers);
    const again = await createToken('acme', 'hec', 'vector', headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const tokens = await t.access.ingestTokens.list(cliActor(), { tenant: 'acme' });
    expect(tokens).toHaveLength(1);
  });

  it("lets a soc_analyst manage their tenant's tokens and no other's, and a csirt member none", async () => {
    const cli = cliActor();
    const bearer = async (username: string, role: 'soc_analyst' | 'csirt') => {
      const user = await t.access.users.create(cli, {
        username,
        role,
        tenants: ['acme'],
        password: GOOD_PASSWORD,
      });
      const { secret } = await t.access.tokens.create(cli, { userId: user.id });
      return { authorization: `Bearer ${secret}` };
    };
    const analyst = await bearer('sato', 'soc_analyst');
    const csirt = await bearer('aiko', 'csirt');
    expect((await createToken('acme', 'ingest', 'mine', analyst)).statusCode).toBe(201);
    const foreign = await createToken('globex', 'ingest', 'theirs', analyst);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).not.toContain('globex');
    expect((await createToken('acme', 'ingest', 'nope', csirt)).statusCode).toBe(403);
    const list = await app.inject({
      method: 'GET',
      url: '/api/tenants/globex/ingest-tokens',
      headers: analyst,
    });
    expect(list.statusCode).toBe(403);
    const bad = await createToken('acme', 'syslog' as 'hec', 'x', analyst);
    expect(bad.statusCode).toBe(400);
  });
});

describe('ingest tokens beside the configuration file', () => {
  beforeEach(() => start(true));

  it('accepts configured and stored tokens alike, each into its own tenant', async () => {
    const stored = (await createToken('globex', 'ingest', 'db')).json() as { secret: string };
    const storedHec = (await createToken('globex', 'hec', 'db-hec')).json() as { secret: string };
    expect((await ingest(`Bearer ${CONFIG_INGEST}`)).statusCode).toBe(202);
    expect((await ingest(`Bearer ${stored.secret}`)).statusCode).toBe(202);
    expect((await hec(CONFIG_HEC)).statusCode).toBe(200);
    expect((await hec(storedHec.secret)).statusCode).toBe(200);
    expect((await ingest()).statusCode).toBe(401);
    expect(sink.messages.map((m) => [m.input, m.tenant])).toEqual([
      ['http', 'acme'],
      ['http', 'globex'],
      ['hec', 'acme'],
      ['hec', 'globex'],
    ]);
  });
});
