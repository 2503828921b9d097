import { cliActor } from '../../access/actor.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finding, MINUTE, RULE_A, RULE_B, T0 } from '../../triage/test-support.js';
import { asAdmin } from '../test-support.js';
import { triageApi, type TriageApi } from './triage-test-support.js';

let api: TriageApi;
let analyst: { authorization: string };
beforeEach(async () => {
  api = await triageApi();
  analyst = await api.user('aiko', 'soc_analyst', ['acme']);
});
afterEach(() => api.close());

const encoded = { 'host.name': 'WS01', 'user.name': 'alice', 'process.command_line': 'powershell -enc AAAA' };

interface AlertJson {
  id: string;
  tenant: string;
  status: string;
  findings: number;
  entity: Record<string, string>;
  rule: { id: string };
}

async function seed(): Promise<{ acme: AlertJson; globex: AlertJson }> {
  await api.record([
    ...Array.from({ length: 4 }, (_, i) => finding({ fields: encoded, time: T0 + i * 1000 })),
    finding({ tenant: 'globex', ruleId: RULE_B, fields: { 'host.name': 'gx-db1' }, time: T0 }),
  ]);
  const all = (await api.triage.alerts.list(cliActor(), { limit: 10 })).alerts;
  const acme = all.find((a) => a.tenant === 'acme')!;
  const globex = all.find((a) => a.tenant === 'globex')!;
  return { acme: acme as AlertJson, globex: globex as AlertJson };
}

const get = (url: string, headers: Record<string, string> = analyst) =>
  api.app.inject({ method: 'GET', url, headers });
const post = (url: string, payload: unknown, headers: Record<string, string> = analyst) =>
  api.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });

describe('the alert queue over HTTP', () => {
  it('shows findings the stage grouped as one alert, with its findings and an empty history', async () => {
    const stored = await api.record(
      Array.from({ length: 3 }, (_, i) => finding({ fields: encoded, time: T0 + i * MINUTE })),
    );
    const list = await get('/api/alerts');
    expect(list.statusCode).toBe(200);
    const alerts = list.json().alerts as AlertJson[];
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      tenant: 'acme',
      status: 'new',
      findings: 3,
      rule: { id: RULE_A },
      entity: { 'host.name': 'ws01', 'user.name': 'alice' },
    });

    const detail = await get(`/api/alerts/${alerts[0]!.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ history: [], timing: { acknowledgeMs: null } });
    expect(detail.json().findingIds).toEqual(stored.map((s) => s.id));
  });

  it('filters by status, severity, rule and entity', async () => {
    const { acme } = await seed();
    await api.record([finding({ ruleId: RULE_B, level: 'low', fields: { 'host.name': 'ws02' }, time: T0 })]);
    const ids = async (query: string) =>
      ((await get(`/api/alerts?${query}`)).json().alerts as AlertJson[]).map((a) => a.entity['host.name']);
    expect((await ids('')).sort()).toEqual(['ws01', 'ws02']);
    expect(await ids('severity=high')).toEqual(['ws01']);
    expect(await ids(`rule=${RULE_B}`)).toEqual(['ws02']);
    expect(await ids('entity=WS02')).toEqual(['ws02']);
    await post(`/api/alerts/${acme.id}/transition`, { to: 'acknowledged', reason: 'Looking at it' });
    expect(await ids('status=acknowledged')).toEqual(['ws01']);
    expect((await ids('status=new&status=acknowledged')).sort()).toEqual(['ws01', 'ws02']);
    const bad = await get('/api/alerts?status=done');
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
    const badTime = await get('/api/alerts?from=yesterday-ish');
    expect([badTime.statusCode, badTime.json().error.message]).toEqual([
      400,
      expect.stringMatching(/^from: /),
    ]);
  });

  it('moves an alert with a reason, refuses a move without one (400) and an illegal move (409)', async () => {
    const { acme } = await seed();
    const url = `/api/alerts/${acme.id}/transition`;
    const noReason = await post(url, { to: 'acknowledged', reason: '  ' });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
    const missing = await post(url, { to: 'acknowledged' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/reason/);

    const illegal = await post(url, { to: 'closed', reason: 'Nothing to see' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error).toMatchObject({
      code: 'ALERT_TRANSITION_INVALID',
      details: { from: 'new', to: 'closed', allowed: ['acknowledged', 'in_progress', 'false_positive'] },
    });

    const moved = await post(url, { to: 'in_progress', reason: 'Checking with the host owner' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'in_progress', acknowledgedAt: T0 });
    const history = (await get(`/api/alerts/${acme.id}`)).json().history;
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'status',
        from: 'new',
        to: 'in_progress',
        text: 'Checking with the host owner',
        actor: expect.objectContaining({ name: 'aiko' }),
      }),
    ]);
  });

  it('moves many alerts at once and reports each one that cannot move', async () => {
    const { acme, globex } = await seed();
    await api.record([finding({ fields: { 'host.name': 'ws09' }, time: T0 })]);
    const other = (await get('/api/alerts?entity=ws09')).json().alerts[0] as AlertJson;
    await post(`/api/alerts/${other.id}/transition`, { to: 'false_positive', reason: 'Test box' });

    const res = await post('/api/alerts/transition', {
      ids: [acme.id, other.id, globex.id],
      to: 'false_positive',
      reason: 'Admin script, known',
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as { id: string; ok: boolean; code?: string }[];
    expect(results.map((r) => [r.id, r.ok, r.code])).toEqual([
      [acme.id, true, undefined],
      [other.id, false, 'ALERT_TRANSITION_INVALID'],
      [globex.id, false, 'FORBIDDEN'],
    ]);
    expect((await get(`/api/alerts/${acme.id}`)).json().alert.status).toBe('false_positive');
    const empty = await post('/api/alerts/transition', { ids: [], to: 'closed', reason: 'x' });
    expect(empty.statusCode).toBe(400);
  });

  it('assigns an alert to a user of its tenant, refuses one of another tenant, and takes comments', async () => {
    const { acme } = await seed();
    await api.user('kenji', 'soc_analyst', ['acme']);
    await api.user('gx_analyst', 'soc_analyst', ['globex']);
    const url = `/api/alerts/${acme.id}/assignee`;
    const assigned = await api.app.inject({
      method: 'PUT',
      url,
      headers: analyst,
      payload: { assignee: 'kenji', note: 'Night shift' },
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().assignee).toEqual(expect.any(String));
    const foreign = await api.app.inject({
      method: 'PUT',
      url,
      headers: analyst,
      payload: { assignee: 'gx_analyst' },
    });
    expect([foreign.statusCode, foreign.json().error.message]).toEqual([
      400,
      expect.stringContaining('acme'),
    ]);
    const byId = await get(`/api/alerts?assignee=${assigned.json().assignee as string}`);
    expect(byId.json().alerts.map((a: AlertJson) => a.id)).toEqual([acme.id]);
    expect((await get('/api/alerts?assignee=none')).json().alerts).toEqual([]);

    const comment = await post(`/api/alerts/${acme.id}/comments`, { text: 'Asked the owner by phone' });
    expect(comment.statusCode).toBe(201);
    expect(comment.json()).toMatchObject({ kind: 'comment', text: 'Asked the owner by phone' });
    const blank = await post(`/api/alerts/${acme.id}/comments`, { text: '' });
    expect(blank.statusCode).toBe(400);
    const kinds = (await get(`/api/alerts/${acme.id}`)).json().history.map((h: { kind: string }) => h.kind);
    expect(kinds).toEqual(['assign', 'comment']);
  });

  it('lists the users alerts may be assigned to: triaging roles of the tenant, admins everywhere', async () => {
    await api.user('kenji', 'soc_analyst', ['acme']);
    await api.user('gx_analyst', 'soc_analyst', ['globex']);
    await api.user('reader', 'viewer', ['acme']);
    const names = async (query = '') =>
      ((await get(`/api/alerts/assignees${query}`)).json().assignees as { username: string }[]).map(
        (u) => u.username,
      );
    const mine = await names();
    expect(mine).toContain('aiko');
    expect(mine).toContain('kenji');
    expect(mine).not.toContain('gx_analyst');
    expect(mine).not.toContain('reader');
    const admin = await get('/api/alerts/assignees?tenant=globex', asAdmin);
    const globex = (admin.json().assignees as { username: string; tenants: string[] }[]).find(
      (u) => u.username === 'gx_analyst',
    );
    expect(globex?.tenants).toEqual(['globex']);
    expect((await get('/api/alerts/assignees?tenant=globex')).statusCode).toBe(403);
  });

  it("keeps a tenant's users away from another tenant's alerts (403, as for a missing one)", async () => {
    const { acme, globex } = await seed();
    const listed = (await get('/api/alerts')).json().alerts as AlertJson[];
    expect(listed.map((a) => a.id)).toEqual([acme.id]);
    // A foreign alert and a missing one look alike to a tenant-bound user: nothing says B's alert exists.
    const foreign = await get(`/api/alerts/${globex.id}`);
    const missing = await get(`/api/alerts/${'0'.repeat(24)}`);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect([missing.statusCode, missing.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect(JSON.stringify(foreign.json())).not.toContain('gx-db1');
    // A user of every tenant is told when an alert does not exist.
    expect((await get(`/api/alerts/${'0'.repeat(24)}`, asAdmin)).statusCode).toBe(404);
    expect((await get(`/api/alerts/${globex.id}`, asAdmin)).statusCode).toBe(200);
    const asked = await get('/api/alerts?tenant=globex');
    expect(asked.statusCode).toBe(403);
    const moved = await post(`/api/alerts/${globex.id}/transition`, {
      to: 'acknowledged',
      reason: 'Mine now',
    });
    expect(moved.statusCode).toBe(403);
    expect((await api.triage.alerts.get(cliActor(), globex.id)).alert.status).toBe('new');

    const viewer = await api.user('viewer', 'viewer', ['acme']);
    expect((await get(`/api/alerts/${acme.id}`, viewer)).statusCode).toBe(200);
    const denied = await post(
      `/api/alerts/${acme.id}/transition`,
      { to: 'acknowledged', reason: 'x' },
      viewer,
    );
    expect(denied.statusCode).toBe(403);
  });

  it('answers 401 without credentials', async () => {
    const { acme } = await seed();
    for (const [method, url] of [
      ['GET', '/api/alerts'],
      ['GET', `/api/alerts/${acme.id}`],
      ['POST', `/api/alerts/${acme.id}/transition`],
      ['GET', '/api/triage/metrics'],
    ] as const) {
      const res = await api.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 401, 'UNAUTHENTICATED']);
    }
  });
});

describe('noise metrics over HTTP', () => {
  it("counts a tenant's findings, alerts and false positives for a period", async () => {
    const { acme } = await seed();
    await post(`/api/alerts/${acme.id}/transition`, { to: 'false_positive', reason: 'Admin script' });
    const res = await get(`/api/triage/metrics?from=${T0 - MINUTE}&to=${T0 + 60 * MINUTE}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().tenants).toEqual([
      expect.objectContaining({
        tenant: 'acme',
        findings: 4,
        suppressed: 0,
        alerts: 1,
        falsePositives: 1,
        fpRate: 1,
        topRules: [expect.objectContaining({ ruleId: RULE_A, findings: 4 })],
      }),
    ]);
    const backwards = await get(`/api/triage/metrics?from=${T0}&to=${T0 - MINUTE}`);
    expect(backwards.statusCode).toBe(400);
    expect((await get('/api/triage/metrics?tenant=globex')).statusCode).toBe(403);
  });
});
