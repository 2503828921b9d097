import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { FindingsService } from '../detection/findings-service.js';
import { AlertService } from './alert-service.js';
import {
  finding,
  HOUR,
  MINUTE,
  RULE_A,
  RULE_B,
  T0,
  triageFixture,
  type TriageFixture,
} from './test-support.js';

let f: TriageFixture;
let analyst: Actor;
beforeEach(async () => {
  f = await triageFixture();
  analyst = await f.user('aiko', 'soc_analyst', ['acme']);
});
afterEach(() => f.close());

const ws01 = { 'host.name': 'WS01', 'user.name': 'taro', 'process.command_line': 'powershell -enc AAAA' };

async function oneAlert(): Promise<string> {
  await f.record([finding({ fields: ws01 })]);
  const { alerts } = await f.triage.alerts.list(analyst, { limit: 10 });
  return alerts[0]!.id;
}

describe('AlertService: grouping findings into alerts', () => {
  it('makes one alert of many findings of one rule and entity within the window, and links them', async () => {
    const stored = await f.record(
      Array.from({ length: 20 }, (_, i) => finding({ fields: ws01, time: T0 + i * MINUTE })),
    );
    const { alerts } = await f.triage.alerts.list(analyst, { limit: 10 });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      tenant: 'acme',
      rule: { id: RULE_A, level: 'high' },
      entity: { 'host.name': 'ws01', 'user.name': 'taro' },
      status: 'new',
      findings: 20,
      events: 20,
      firstSeen: T0,
      lastSeen: T0 + 19 * MINUTE,
      severity: { score: 70, level: 'high' },
      criticality: 3,
    });
    expect(alerts[0]!.sampleEventIds).toHaveLength(10);
    const detail = await f.triage.alerts.get(analyst, alerts[0]!.id);
    expect(detail.findingIds).toEqual(stored.map((s) => s.id));
  });

  it('starts new alerts for a new window, another entity and another rule, also across batches', async () => {
    await f.record([finding({ fields: ws01 })]);
    await f.record([finding({ fields: ws01, time: T0 + 10 * MINUTE })]);
    await f.record([
      finding({ fields: ws01, time: T0 + HOUR + MINUTE }),
      finding({ fields: { ...ws01, 'host.name': 'ws02' } }),
      finding({ fields: ws01, ruleId: RULE_B }),
    ]);
    const { alerts } = await f.triage.alerts.list(analyst, { limit: 10 });
    expect(
      alerts
        .map((a) => [a.rule.id === RULE_A ? 'A' : 'B', a.entity['host.name'], a.findings, a.firstSeen])
        .sort(),
    ).toEqual(
      [
        ['A', 'ws01', 2, T0],
        ['A', 'ws01', 1, T0 + HOUR + MINUTE],
        ['A', 'ws02', 1, T0],
        ['B', 'ws01', 1, T0],
      ].sort(),
    );
  });

  it('keeps grouping into the open alert after a restart', async () => {
    await f.record([finding({ fields: ws01 })]);
    f.clock.now += 5 * MINUTE;
    const deps = {
      db: f.access.db,
      audit: f.audit,
      knownTenants: () => ['acme', 'globex'] as never,
      clock: () => f.clock.now,
    };
    const restarted = new AlertService(deps);
    await restarted.open();
    // A findings service of its own, so the fixture's stage does not see the finding too.
    const next = finding({ fields: ws01, time: T0 + 5 * MINUTE });
    const [stored] = await new FindingsService(f.access.db, deps.knownTenants).record([next]);
    restarted.ingest([{ stored: stored!, events: next.events }]);
    await restarted.flush();
    const { alerts } = await restarted.list(analyst, { limit: 10 });
    expect(alerts.map((a) => [a.findings, a.lastSeen])).toEqual([[2, T0 + 5 * MINUTE]]);
  });

  it("updates an alert's counts as findings join without undoing the analysts' status and assignee", async () => {
    const id = await oneAlert();
    await f.triage.alerts.transition(analyst, id, 'acknowledged', 'on it');
    await f.triage.alerts.assign(analyst, id, 'aiko');
    await f.record([
      finding({ fields: ws01, time: T0 + MINUTE }),
      finding({ fields: ws01, time: T0 + 2 * MINUTE }),
    ]);
    const { alert } = await f.triage.alerts.get(analyst, id);
    expect(alert).toMatchObject({
      status: 'acknowledged',
      assignee: analyst.id,
      findings: 3,
      lastSeen: T0 + 2 * MINUTE,
    });
  });

  it('filters the queue by status, severity, rule, entity and assignee, and pages with a cursor', async () => {
    await f.record([
      finding({ fields: ws01, level: 'low' }),
      finding({ fields: { 'host.name': 'db01' }, time: T0 + 1, level: 'critical' }),
      finding({ fields: { 'source.ip': '198.51.100.7' }, time: T0 + 2, ruleId: RULE_B, level: 'medium' }),
    ]);
    const all = await f.triage.alerts.list(analyst, { limit: 10 });
    expect(all.alerts.map((a) => a.lastSeen)).toEqual([T0 + 2, T0 + 1, T0]);
    const high = await f.triage.alerts.list(analyst, { limit: 10, minSeverity: 65 });
    expect(high.alerts.map((a) => a.entity)).toEqual([{ 'host.name': 'db01' }]);
    const bySeverity = await f.triage.alerts.list(analyst, { limit: 10, sort: 'severity' });
    expect(bySeverity.alerts.map((a) => a.severity.score)).toEqual([90, 50, 30]);
    expect((await f.triage.alerts.list(analyst, { limit: 10, ruleId: RULE_B })).alerts).toHaveLength(1);
    expect((await f.triage.alerts.list(analyst, { limit: 10, entity: 'DB01' })).alerts).toHaveLength(1);
    expect((await f.triage.alerts.list(analyst, { limit: 10, entity: '198.51.100.7' })).alerts).toHaveLength(
      1,
    );
    const page1 = await f.triage.alerts.list(analyst, { limit: 2 });
    const page2 = await f.triage.alerts.list(analyst, { limit: 2, cursor: page1.next! });
    expect([...page1.alerts, ...page2.alerts].map((a) => a.id)).toEqual(all.alerts.map((a) => a.id));
    expect(page2.next).toBeUndefined();
    await f.triage.alerts.assign(analyst, all.alerts[0]!.id, 'aiko');
    expect((await f.triage.alerts.list(analyst, { limit: 10, assignee: analyst.id })).alerts).toHaveLength(1);
    expect((await f.triage.alerts.list(analyst, { limit: 10, assignee: null })).alerts).toHaveLength(2);
    await f.triage.alerts.transition(analyst, all.alerts[0]!.id, 'acknowledged', 'looking');
    expect((await f.triage.alerts.list(analyst, { limit: 10, status: ['new'] })).alerts).toHaveLength(2);
  });
});

describe('AlertService: working alerts', () => {
  it('moves an alert through its statuses with reasons, keeping history and response times', async () => {
    const id = await oneAlert();
    f.clock.now = T0 + 10 * MINUTE;
    await f.triage.alerts.transition(analyst, id, 'acknowledged', 'taking it');
    f.clock.now = T0 + 20 * MINUTE;
    await f.triage.alerts.transition(analyst, id, 'in_progress', 'checking the host');
    f.clock.now = T0 + 80 * MINUTE;
    const escalated = await f.triage.alerts.transition(
      analyst,
      id,
      'true_positive',
      'confirmed: malware dropper',
    );
    expect(escalated).toMatchObject({
      status: 'true_positive',
      resolution: 'true_positive',
      acknowledgedAt: T0 + 10 * MINUTE,
      escalatedAt: T0 + 80 * MINUTE,
      resolvedAt: T0 + 80 * MINUTE,
    });
    f.clock.now = T0 + 90 * MINUTE;
    const closed = await f.triage.alerts.transition(analyst, id, 'closed', 'customer reimaged the host');
    expect(closed).toMatchObject({
      status: 'closed',
      resolution: 'true_positive',
      closedAt: T0 + 90 * MINUTE,
    });
    const detail = await f.triage.alerts.get(analyst, id);
    expect(detail.history.map((h) => [h.kind, h.from, h.to, h.text, h.actor.name])).toEqual([
      ['status', 'new', 'acknowledged', 'taking it', 'aiko'],
      ['status', 'acknowledged', 'in_progress', 'checking the host', 'aiko'],
      ['status', 'in_progress', 'true_positive', 'confirmed: malware dropper', 'aiko'],
      ['status', 'true_positive', 'closed', 'customer reimaged the host', 'aiko'],
    ]);
    expect(detail.timing).toMatchObject({
      acknowledgeMs: 10 * MINUTE,
      escalateMs: 80 * MINUTE,
      acknowledgeOverdue: false,
      escalateOverdue: true,
    });
    const audited = await f.auditEntries('alert.transition');
    expect(audited.map((e) => e.details)).toEqual([
      { from: 'new', to: 'acknowledged', reason: 'taking it' },
      { from: 'acknowledged', to: 'in_progress', reason: 'checking the host' },
      { from: 'in_progress', to: 'true_positive', reason: 'confirmed: malware dropper' },
      { from: 'true_positive', to: 'closed', reason: 'customer reimaged the host' },
    ]);
    expect(audited[0]).toMatchObject({
      tenant: 'acme',
      target: { type: 'alert', id },
      actor: { name: 'aiko' },
    });
  });

  it('refuses illegal moves with ALERT_TRANSITION_INVALID and a move without a reason', async () => {
    const id = await oneAlert();
    await expect(f.triage.alerts.transition(analyst, id, 'closed', 'done')).rejects.toMatchObject({
      code: 'ALERT_TRANSITION_INVALID',
      status: 409,
      message: `Alert ${id} cannot go from new to closed; from new it can go to acknowledged, in_progress, false_positive`,
    });
    await expect(f.triage.alerts.transition(analyst, id, 'true_positive', 'bad')).rejects.toMatchObject({
      code: 'ALERT_TRANSITION_INVALID',
    });
    await expect(f.triage.alerts.transition(analyst, id, 'acknowledged', '  ')).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
    expect((await f.triage.alerts.get(analyst, id)).alert.status).toBe('new');
    expect(await f.auditEntries('alert.transition')).toEqual([]);
  });

  it('starts a new alert for findings after the alert was resolved, and can reopen it', async () => {
    const id = await oneAlert();
    await f.triage.alerts.transition(analyst, id, 'false_positive', 'admin testing');
    await f.record([finding({ fields: ws01, time: T0 + MINUTE })]);
    const { alerts } = await f.triage.alerts.list(analyst, { limit: 10 });
    expect(alerts.map((a) => [a.status, a.findings])).toEqual([
      ['new', 1],
      ['false_positive', 1],
    ]);
    const reopened = await f.triage.alerts.transition(analyst, id, 'in_progress', 'not a test after all');
    expect(reopened).toMatchObject({ status: 'in_progress', resolution: null, resolvedAt: null });
  });

  it('moves many alerts at once, reporting each one it cannot move', async () => {
    await f.record([
      finding({ fields: { 'host.name': 'a' } }),
      finding({ fields: { 'host.name': 'b' } }),
      finding({ fields: { 'host.name': 'c' } }),
    ]);
    const ids = (await f.triage.alerts.list(analyst, { limit: 10 })).alerts.map((a) => a.id);
    await f.triage.alerts.transition(analyst, ids[2]!, 'false_positive', 'already handled');
    const results = await f.triage.alerts.bulkTransition(
      analyst,
      [ids[0]!, ids[1]!, ids[2]!, '000000000000000000000000'],
      'acknowledged',
      'morning shift',
    );
    expect(results.map((r) => (r.ok ? [r.id, 'ok'] : [r.id, r.code]))).toEqual([
      [ids[0], 'ok'],
      [ids[1], 'ok'],
      [ids[2], 'ALERT_TRANSITION_INVALID'],
      ['000000000000000000000000', 'FORBIDDEN'],
    ]);
    const statuses = (await f.triage.alerts.list(analyst, { limit: 10 })).alerts.map((a) => a.status);
    expect(statuses).toEqual(['acknowledged', 'acknowledged', 'false_positive']);
    const audited = await f.auditEntries('alert.transition');
    // The earlier move, the denial for the unknown id (checks come first), then the two moves.
    expect(audited.map((e) => e.outcome)).toEqual(['success', 'denied', 'success', 'success']);
  });

  it('assigns to users who may triage in the tenant, and records comments', async () => {
    const id = await oneAlert();
    const other = await f.user('hiro', 'soc_analyst', ['globex']);
    await f.user('vera', 'viewer', ['acme']);
    const assigned = await f.triage.alerts.assign(analyst, id, 'aiko', 'mine');
    expect(assigned.assignee).toBe(analyst.id);
    await expect(f.triage.alerts.assign(analyst, id, 'vera')).rejects.toThrow(
      'vera (viewer) cannot triage alerts',
    );
    await expect(f.triage.alerts.assign(analyst, id, other.id)).rejects.toThrow(
      'hiro does not work in tenant "acme"',
    );
    await expect(f.triage.alerts.assign(analyst, id, 'nobody')).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
    const comment = await f.triage.alerts.comment(analyst, id, 'Asked the customer about the script.');
    expect(comment).toMatchObject({ kind: 'comment', text: 'Asked the customer about the script.' });
    await f.triage.alerts.assign(analyst, id, null);
    const detail = await f.triage.alerts.get(analyst, id);
    expect(detail.alert.assignee).toBeNull();
    expect(detail.history.map((h) => [h.kind, h.assignee, h.text])).toEqual([
      ['assign', analyst.id, 'mine'],
      ['comment', undefined, 'Asked the customer about the script.'],
      ['assign', null, undefined],
    ]);
    expect((await f.auditEntries('alert.')).map((e) => e.action)).toEqual([
      'alert.assign',
      'alert.comment',
      'alert.assign',
    ]);
  });

  it('flags an alert not acknowledged within the target', async () => {
    const id = await oneAlert();
    f.clock.now = T0 + 16 * MINUTE;
    expect((await f.triage.alerts.get(analyst, id)).timing).toMatchObject({
      acknowledgeMs: null,
      acknowledgeOverdue: true,
    });
  });
});

describe('AlertService: tenants and roles', () => {
  it("keeps one tenant's alerts from another tenant's users", async () => {
    await f.record([
      finding({ fields: ws01 }),
      finding({ tenant: 'globex', fields: { 'host.name': 'gx01' } }),
    ]);
    const globexAnalyst = await f.user('hiro', 'soc_analyst', ['globex']);
    const mine = await f.triage.alerts.list(analyst, { limit: 10 });
    expect(mine.alerts.map((a) => a.tenant)).toEqual(['acme']);
    const theirs = (await f.triage.alerts.list(globexAnalyst, { limit: 10 })).alerts[0]!;
    expect(theirs.tenant).toBe('globex');
    await expect(f.triage.alerts.list(analyst, { limit: 10, tenants: ['globex'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.triage.alerts.get(analyst, theirs.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.triage.alerts.transition(analyst, theirs.id, 'acknowledged', 'x')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.triage.alerts.comment(analyst, theirs.id, 'x')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // A foreign alert and a missing one look alike to a tenant-bound user; an admin is told NOT_FOUND.
    await expect(f.triage.alerts.get(analyst, '000000000000000000000000')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.triage.alerts.get(f.cli, '000000000000000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await f.triage.alerts.get(globexAnalyst, theirs.id)).alert.status).toBe('new');
    const denied = (await f.auditEntries('alert.')).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => [e.action, e.actor.name])).toEqual([
      ['alert.read', 'aiko'],
      ['alert.transition', 'aiko'],
      ['alert.comment', 'aiko'],
      ['alert.read', 'aiko'],
    ]);
  });

  it('lets a viewer read alerts but not triage them', async () => {
    const id = await oneAlert();
    const viewer = await f.user('vera', 'viewer', ['acme']);
    expect((await f.triage.alerts.get(viewer, id)).alert.id).toBe(id);
    await expect(f.triage.alerts.transition(viewer, id, 'acknowledged', 'x')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Not permitted: the viewer role does not have alerts:triage',
    });
  });
});
