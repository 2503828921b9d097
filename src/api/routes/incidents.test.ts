import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor, type Role } from '../../access/actor.js';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import { loadCasePlaybooks, openCases } from '../../cases/cases.js';
import { FindingsService } from '../../detection/findings-service.js';
import { finding, T0 } from '../../triage/test-support.js';
import { openTriage, type Triage } from '../../triage/triage-stage.js';
import {
  asAdmin,
  MemoryEventStore,
  TENANTS,
  testAccess,
  testApp,
  testEvent,
  type TestAccess,
} from '../test-support.js';

let t: TestAccess;
let app: ReturnType<typeof testApp>['app'];
let triage: Triage;
let findings: FindingsService;
let store: MemoryEventStore;

async function user(username: string, role: Role, tenants: string[]): Promise<{ authorization: string }> {
  const cli = cliActor();
  const u = await t.access.users.create(cli, { username, role, tenants, password: GOOD_PASSWORD });
  const { secret } = await t.access.tokens.create(cli, { userId: u.id, name: 'test' });
  return { authorization: `Bearer ${secret}` };
}

beforeEach(async () => {
  t = await testAccess({ now: T0 });
  const deps = { db: t.db, audit: t.access.audit, knownTenants: () => TENANTS, clock: () => t.clock.now };
  triage = await openTriage(deps, { flushEveryMs: 60_000 });
  findings = new FindingsService(
    t.db,
    () => TENANTS,
    () => t.clock.now,
  );
  triage.stage.attach(findings);
  store = new MemoryEventStore();
  const cases = openCases(deps, { playbooks: loadCasePlaybooks().playbooks, alerts: triage.alerts, store });
  ({ app } = testApp({ access: t.access, triage, cases, store, now: () => t.clock.now }));
});
afterEach(async () => {
  await app.close();
  await triage.stage.close();
  await t.close();
});

async function openIncident(headers = asAdmin, body: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/incidents',
    headers,
    payload: { tenant: 'acme', title: 'Phishing wave', category: 'phishing', ...body },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ incident: { id: string; ref: string }; tasks: { id: string }[] }>();
}

describe('/api/incidents', () => {
  it('opens, lists, reads, changes, moves, closes and reopens an incident', async () => {
    const { incident, tasks } = await openIncident(asAdmin, {
      severity: 'high',
      dueAt: '2025-04-02T00:00:00Z',
    });
    expect(incident.ref).toBe('INC-2025-0001');
    expect(tasks.length).toBeGreaterThan(0);
    const list = await app.inject({
      method: 'GET',
      url: '/api/incidents?category=phishing&status=open',
      headers: asAdmin,
    });
    expect(list.json().incidents.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    const one = await app.inject({ method: 'GET', url: `/api/incidents/${incident.id}`, headers: asAdmin });
    expect(one.json()).toMatchObject({
      incident: { priority: 'P2', dueAt: Date.parse('2025-04-02T00:00:00Z') },
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${incident.id}`,
      headers: asAdmin,
      payload: { tlp: 'red', affectedUsers: ['taro'] },
    });
    expect(patched.json()).toMatchObject({ tlp: 'red', affectedUsers: ['taro'] });
    const phase = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/phase`,
      headers: asAdmin,
      payload: { phase: 'containment' },
    });
    expect(phase.json().phase).toBe('containment');
    const closed = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/close`,
      headers: asAdmin,
      payload: { reason: 'done' },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: 'done' });
    const twice = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/close`,
      headers: asAdmin,
      payload: { reason: 'done' },
    });
    expect(twice.statusCode).toBe(409);
    const reopened = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/reopen`,
      headers: asAdmin,
      payload: { reason: 'came back' },
    });
    expect(reopened.json().status).toBe('open');
  });

  it('answers bad input with 400 and a reason', async () => {
    const noCategory = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: asAdmin,
      payload: { tenant: 'acme', title: 'x' },
    });
    expect(noCategory.statusCode).toBe(400);
    expect(noCategory.json().error).toMatchObject({ code: 'REQUEST_INVALID', message: /category/ });
    const badTlp = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: asAdmin,
      payload: { tenant: 'acme', title: 'x', category: 'dos', tlp: 'purple' },
    });
    expect(badTlp.statusCode).toBe(400);
    const { incident } = await openIncident();
    const badObservable = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/observables`,
      headers: asAdmin,
      payload: { type: 'sha256', value: 'abc' },
    });
    expect(badObservable.statusCode).toBe(400);
    expect(badObservable.json().error).toMatchObject({
      code: 'OBSERVABLE_INVALID',
      message: /64 hex digits/,
    });
    const badTime = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/timeline`,
      headers: asAdmin,
      payload: { summary: 'x', eventTime: 'yesterday-ish' },
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.code).toBe('TIME_INVALID');
    const noReason = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/close`,
      headers: asAdmin,
      payload: { reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    const missing = await app.inject({
      method: 'GET',
      url: `/api/incidents/${'0'.repeat(24)}`,
      headers: asAdmin,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("keeps tenants apart and lets the customer's CSIRT comment but not change", async () => {
    const { incident } = await openIncident();
    const globex = await user('gil', 'soc_analyst', ['globex']);
    expect(
      (await app.inject({ method: 'GET', url: `/api/incidents/${incident.id}`, headers: globex })).statusCode,
    ).toBe(403);
    const list = await app.inject({ method: 'GET', url: '/api/incidents', headers: globex });
    expect(list.json().incidents).toEqual([]);
    const csirt = await user('cathy', 'csirt', ['acme']);
    const comment = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/comments`,
      headers: csirt,
      payload: { text: 'We see more of these.' },
    });
    expect(comment.statusCode).toBe(201);
    const phase = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/phase`,
      headers: csirt,
      payload: { phase: 'recovery' },
    });
    expect(phase.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/playbooks', headers: csirt })).statusCode).toBe(200);
  });

  it('opens an incident from alerts and links more', async () => {
    await findings.record([
      finding({ fields: { 'host.name': 'ws01', 'source.ip': '10.0.0.5' } }),
      finding({ fields: { 'host.name': 'ws02', 'source.ip': '10.0.0.5' } }),
    ]);
    await triage.stage.flush();
    const alerts = (await app.inject({ method: 'GET', url: '/api/alerts', headers: asAdmin })).json()
      .alerts as {
      id: string;
    }[];
    const res = await app.inject({
      method: 'POST',
      url: '/api/incidents/from-alerts',
      headers: asAdmin,
      payload: { alertIds: [alerts[0]!.id], category: 'malware' },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().incident.id as string;
    const more = await app.inject({
      method: 'POST',
      url: `/api/incidents/${id}/alerts`,
      headers: asAdmin,
      payload: { alertIds: [alerts[0]!.id, alerts[1]!.id] },
    });
    expect(more.json().alertIds).toHaveLength(2);
    expect(
      more
        .json()
        .observables.map((o: { value: string }) => o.value)
        .sort(),
    ).toEqual(['10.0.0.5', 'ws01', 'ws02']);
    const empty = await app.inject({
      method: 'POST',
      url: '/api/incidents/from-alerts',
      headers: asAdmin,
      payload: { alertIds: [] },
    });
    expect(empty.statusCode).toBe(400);
  });
});

describe('/api/incidents/:id tasks, timeline and observables', () => {
  it('works tasks and writes the timeline, exported as CSV', async () => {
    const { incident, tasks } = await openIncident();
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${incident.id}/tasks/${tasks[0]!.id}`,
      headers: asAdmin,
      payload: { status: 'done', checklist: [{ index: 0, done: true }] },
    });
    expect(patch.json()).toMatchObject({ status: 'done', completedAt: T0 });
    const made = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/tasks`,
      headers: asAdmin,
      payload: { phase: 'recovery', title: 'Restore mailboxes', checklist: ['one', 'two'] },
    });
    expect(made.statusCode).toBe(201);
    const badTask = await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${incident.id}/tasks/${tasks[0]!.id}`,
      headers: asAdmin,
      payload: { checklist: [{ index: 99, done: true }] },
    });
    expect(badTask.statusCode).toBe(400);
    const timeline = await app.inject({
      method: 'GET',
      url: `/api/incidents/${incident.id}/timeline?kind=task`,
      headers: asAdmin,
    });
    expect(timeline.json().entries).toHaveLength(2);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/incidents/${incident.id}/timeline.csv`,
      headers: asAdmin,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="INC-2025-0001-timeline.csv"');
    expect(csv.body.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(
      'event_time,recorded_at,kind,summary,actor,ref_type,ref_id',
    );
  });

  it('extracts observables, runs a sighting search and exports STIX and CSV', async () => {
    const { incident } = await openIncident();
    await store.append([
      testEvent('acme', T0 - 1000, { 'host.name': 'ws07', 'url.domain': 'login.evil.example' }),
      testEvent('acme', T0 - 500, { 'host.name': 'ws08', 'dns.question.name': 'evil.example' }),
      testEvent('globex', T0, { 'host.name': 'g1', 'dns.question.name': 'evil.example' }),
    ]);
    const extracted = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/observables/extract`,
      headers: asAdmin,
      payload: { text: 'Links went to evil[.]example and 192.0.2[.]44' },
    });
    expect(extracted.json()).toMatchObject({ added: 2, known: 0 });
    const domain = extracted.json().observables.find((o: { type: string }) => o.type === 'domain');
    const sighted = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/observables/${domain.id}/sightings`,
      headers: asAdmin,
    });
    expect(sighted.statusCode).toBe(200);
    expect(sighted.json().sighting).toMatchObject({ count: 2, firstSeen: T0 - 1000, lastSeen: T0 - 500 });
    expect(
      sighted
        .json()
        .sighting.hosts.map((h: { name: string }) => h.name)
        .sort(),
    ).toEqual(['ws07', 'ws08']);
    const stix = await app.inject({
      method: 'GET',
      url: `/api/incidents/${incident.id}/observables.stix.json`,
      headers: asAdmin,
    });
    expect(stix.json().type).toBe('bundle');
    const objects = stix.json().objects as { type: string; id: string; object_marking_refs?: string[] }[];
    expect(objects.filter((o) => o.type === 'indicator')).toHaveLength(2);
    // Marked with the incident's TLP (amber by default), the marking definition included.
    const amber = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
    expect(objects.find((o) => o.type === 'marking-definition')?.id).toBe(amber);
    expect(
      objects.filter((o) => o.type === 'indicator').every((o) => o.object_marking_refs?.[0] === amber),
    ).toBe(true);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/incidents/${incident.id}/observables.csv?defang=true`,
      headers: asAdmin,
    });
    expect(csv.body).toContain('domain,evil[.]example,text,');
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/incidents/${incident.id}/observables/${domain.id}`,
      headers: asAdmin,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await app.inject({
      method: 'DELETE',
      url: `/api/incidents/${incident.id}/observables/${domain.id}`,
      headers: asAdmin,
    });
    expect(gone.statusCode).toBe(404);
  });
});
