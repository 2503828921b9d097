import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin } from '../test-support.js';
import { finding, MINUTE, RULE_A, T0 } from '../../triage/test-support.js';
import { triageApi, type TriageApi } from './triage-test-support.js';

let api: TriageApi;
let analyst: { authorization: string };
beforeEach(async () => {
  api = await triageApi();
  analyst = await api.user('aiko', 'soc_analyst', ['acme']);
});
afterEach(() => api.close());

const DAY = 86_400_000;
const backupJob = { 'host.name': 'FS01', 'user.name': 'svc_backup', 'process.name': 'powershell.exe' };
const rightful = { justification: 'Veeam backup job on FS01 (ticket 4711)', owner: 'aiko' };

const send = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers = analyst,
) =>
  api.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function backupAlert(): Promise<string> {
  await api.record(Array.from({ length: 6 }, (_, i) => finding({ fields: backupJob, time: T0 + i * 1000 })));
  await api.record([finding({ fields: { 'host.name': 'ws22', 'user.name': 'mallory' }, time: T0 + 5000 })]);
  api.t.clock.now = T0 + 10 * MINUTE;
  const alerts = (await send('GET', '/api/alerts?entity=fs01')).json().alerts as { id: string }[];
  return alerts[0]!.id;
}

describe('allow-list rules over HTTP', () => {
  it('suppresses alerts like this: drafts a rule from an alert, previews it, creates it and counts its hits', async () => {
    const alertId = await backupAlert();
    const draft = await send('GET', `/api/alerts/${alertId}/allowlist-draft`);
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({
      tenant: 'acme',
      ruleId: RULE_A,
      conditions: '(host.name:"fs01" OR host.hostname:"fs01") AND user.name:"svc_backup"',
    });

    const preview = await send('POST', '/api/allowlist/preview', {
      tenant: 'acme',
      ruleId: RULE_A,
      conditions: draft.json().conditions,
      days: 7,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      findings: 7,
      wouldHide: 6,
      alreadySuppressed: 0,
      alertsAvoided: 1,
      approximate: false,
    });
    const wider = await send('POST', '/api/allowlist/preview', {
      tenant: 'acme',
      ruleId: RULE_A,
      conditions: 'powershell',
    });
    expect(wider.json()).toMatchObject({ days: 30, approximate: true });

    const made = await send('POST', `/api/alerts/${alertId}/allowlist`, {
      ...rightful,
      expiresAt: T0 + 90 * DAY,
    });
    expect(made.statusCode).toBe(201);
    const rule = made.json() as { id: string };
    expect(made.json()).toMatchObject({
      tenant: 'acme',
      ruleId: RULE_A,
      conditions: draft.json().conditions,
      sourceAlertId: alertId,
      hits: 0,
    });

    const again = await api.record(
      Array.from({ length: 3 }, (_, i) => finding({ fields: backupJob, time: T0 + 2 * 3_600_000 + i })),
    );
    expect((await send('GET', `/api/allowlist/${rule.id}`)).json()).toMatchObject({ hits: 3 });
    const hidden = await send('GET', `/api/allowlist/${rule.id}/suppressed?limit=10`);
    expect(hidden.statusCode).toBe(200);
    expect(
      hidden
        .json()
        .findings.map((f: { findingId: string }) => f.findingId)
        .sort(),
    ).toEqual(again.map((f) => f.id).sort());
    const alerts = (await send('GET', '/api/alerts')).json().alerts as unknown[];
    expect(alerts).toHaveLength(2);
  });

  it('creates, changes and removes a rule, which stays listed with its hits when removed', async () => {
    const created = await send('POST', '/api/allowlist', {
      tenant: 'acme',
      ruleId: RULE_A,
      conditions: 'process.name:"backup.exe"',
      ...rightful,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const changed = await send('PATCH', `/api/allowlist/${id}`, { owner: 'kenji', expiresAt: T0 + DAY });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ owner: 'kenji', expiresAt: T0 + DAY, updatedBy: 'aiko' });

    expect((await send('DELETE', `/api/allowlist/${id}`, {})).statusCode).toBe(400);
    const removed = await send('DELETE', `/api/allowlist/${id}`, { reason: 'Backup job retired' });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().deletedAt).toBe(T0);
    expect((await send('GET', '/api/allowlist')).json().rules).toEqual([]);
    const all = (await send('GET', '/api/allowlist?includeRemoved=true')).json().rules as { id: string }[];
    expect(all.map((r) => r.id)).toEqual([id]);
  });

  it('refuses a rule without justification or owner, a tenant-wide rule without conditions and bad conditions', async () => {
    const base = { tenant: 'acme', ruleId: RULE_A, conditions: 'host.name:"x"', ...rightful };
    const cases: [string, object, string, RegExp][] = [
      ['no justification', { ...base, justification: ' ' }, 'REQUEST_INVALID', /justification/],
      ['no owner', { ...base, owner: '' }, 'REQUEST_INVALID', /owner/],
      [
        'tenant-wide, everything',
        { ...base, ruleId: null, conditions: '' },
        'REQUEST_INVALID',
        /needs conditions/,
      ],
      ['bad syntax', { ...base, conditions: 'host.name:(' }, 'QUERY_SYNTAX', /./],
      ['past expiry', { ...base, expiresAt: T0 - 1 }, 'REQUEST_INVALID', /future/],
      ['missing field', { tenant: 'acme', conditions: '', ...rightful }, 'REQUEST_INVALID', /ruleId/],
    ];
    for (const [what, body, code, message] of cases) {
      const res = await send('POST', '/api/allowlist', body);
      expect([what, res.statusCode, res.json().error.code]).toEqual([what, 400, code]);
      expect(res.json().error.message).toMatch(message);
    }
    expect((await send('GET', '/api/allowlist')).json().rules).toEqual([]);
    const preview = await send('POST', '/api/allowlist/preview', { ...base, days: 91 });
    expect(preview.statusCode).toBe(400);
  });

  it('lists rules to review: expiring ones and those that never hit', async () => {
    await send('POST', '/api/allowlist', {
      tenant: 'acme',
      ruleId: RULE_A,
      conditions: 'host.name:"old"',
      ...rightful,
      expiresAt: T0 + 2 * DAY,
    });
    await send('POST', '/api/allowlist', {
      tenant: 'acme',
      ruleId: RULE_A,
      conditions: 'host.name:"idle"',
      ...rightful,
    });
    api.t.clock.now = T0 + DAY;
    const soon = (await send('GET', '/api/allowlist/review')).json();
    expect(soon.expiring.map((r: { conditions: string }) => r.conditions)).toEqual(['host.name:"old"']);
    expect(soon.neverHit).toEqual([]);
    api.t.clock.now = T0 + 8 * DAY;
    const later = (await send('GET', '/api/allowlist/review')).json();
    expect(later.expired.map((r: { conditions: string }) => r.conditions)).toEqual(['host.name:"old"']);
    expect(later.neverHit.map((r: { conditions: string }) => r.conditions)).toContain('host.name:"idle"');
  });

  it("keeps rules within the caller's tenants and the allow-list to those who manage it", async () => {
    const mine = await send('POST', '/api/allowlist', {
      tenant: 'acme',
      ruleId: RULE_A,
      conditions: '',
      ...rightful,
    });
    const theirs = await send(
      'POST',
      '/api/allowlist',
      { tenant: 'globex', ruleId: RULE_A, conditions: '', ...rightful },
      asAdmin,
    );
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    const listed = (await send('GET', '/api/allowlist')).json().rules as { tenant: string }[];
    expect(listed.map((r) => r.tenant)).toEqual(['acme']);
    expect((await send('GET', `/api/allowlist/${theirs.json().id as string}`)).statusCode).toBe(403);
    expect(
      (await send('PATCH', `/api/allowlist/${theirs.json().id as string}`, { owner: 'aiko' })).statusCode,
    ).toBe(403);
    const foreign = await send('POST', '/api/allowlist', {
      tenant: 'globex',
      ruleId: RULE_A,
      conditions: '',
      ...rightful,
    });
    expect(foreign.statusCode).toBe(403);

    const viewer = await api.user('viewer', 'viewer', ['acme']);
    expect((await send('GET', '/api/allowlist', undefined, viewer)).statusCode).toBe(200);
    const denied = await send(
      'POST',
      '/api/allowlist',
      { tenant: 'acme', ruleId: RULE_A, conditions: '', ...rightful },
      viewer,
    );
    expect(denied.statusCode).toBe(403);
    expect((await api.app.inject({ method: 'GET', url: '/api/allowlist' })).statusCode).toBe(401);
  });
});
