import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { SqliteEventStore } from '../store/embedded/sqlite-event-store.js';
import { eventCounter, MetricsService } from './metrics-service.js';
import {
  finding,
  HOUR,
  MINUTE,
  RULE_A,
  RULE_B,
  T0,
  testEvent,
  triageFixture,
  type TriageFixture,
} from './test-support.js';

const root = mkdtempSync(join(tmpdir(), 'yagura-triage-metrics-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let f: TriageFixture;
let analyst: Actor;
let store: SqliteEventStore;
beforeEach(async () => {
  f = await triageFixture();
  analyst = await f.user('aiko', 'soc_analyst', ['acme']);
  store = new SqliteEventStore({ dataDir: mkdtempSync(join(root, 's-')), minFreeBytes: 0 });
});
afterEach(async () => {
  await store.close();
  await f.close();
});

/** 3 alerts of rule A (one false positive, one escalated), 1 of rule B, 4 suppressed findings of rule A. */
async function seed(): Promise<void> {
  await store.append([
    ...Array.from({ length: 40 }, (_, i) => testEvent({ message: 'x' }, { time: T0 + i * MINUTE })),
    ...Array.from({ length: 7 }, (_, i) =>
      testEvent({ message: 'y' }, { time: T0 + i, tenant: 'globex' as never }),
    ),
    testEvent({ message: 'outside' }, { time: T0 - 2 * HOUR }),
  ]);
  await f.triage.allowlist.create(analyst, {
    tenant: 'acme',
    ruleId: RULE_A,
    conditions: 'host.name:scanner',
    justification: 'scanner',
    owner: 'soc',
  });
  await f.record([
    ...['a', 'b', 'c', 'c'].map((h, i) => finding({ fields: { 'host.name': h }, time: T0 + i })),
    ...Array.from({ length: 4 }, (_, i) =>
      finding({ fields: { 'host.name': 'scanner' }, time: T0 + 10 + i }),
    ),
    finding({ fields: { 'host.name': 'a' }, ruleId: RULE_B, title: 'Rule B', time: T0 + 20 }),
    finding({ tenant: 'globex', fields: { 'host.name': 'g' }, time: T0 }),
    finding({ fields: { 'host.name': 'old' }, time: T0 - 2 * HOUR }),
  ]);
  const alerts = (await f.triage.alerts.list(analyst, { limit: 10, ruleId: RULE_A, from: T0 })).alerts;
  const byHost = new Map(alerts.map((a) => [a.entity['host.name'], a.id]));
  f.clock.now = T0 + 5 * MINUTE;
  await f.triage.alerts.transition(analyst, byHost.get('a')!, 'false_positive', 'admin');
  await f.triage.alerts.transition(analyst, byHost.get('b')!, 'acknowledged', 'looking');
  f.clock.now = T0 + 25 * MINUTE;
  await f.triage.alerts.transition(analyst, byHost.get('b')!, 'true_positive', 'confirmed');
}

describe('MetricsService.noise', () => {
  it('counts events -> findings -> suppressed -> alerts -> escalated for a tenant and period', async () => {
    await seed();
    const metrics = new MetricsService(
      {
        db: f.access.db,
        audit: f.audit,
        knownTenants: () => ['acme', 'globex'] as never,
        clock: () => f.clock.now,
      },
      eventCounter(store),
    );
    const [acme] = await metrics.noise(analyst, { from: T0 - HOUR, to: T0 + HOUR });
    expect(acme).toMatchObject({
      tenant: 'acme',
      events: 40,
      findings: 9,
      suppressed: 4,
      alerts: 4,
      escalated: 1,
      falsePositives: 1,
      truePositives: 1,
      fpRate: 0.5,
      medianAcknowledgeMs: 5 * MINUTE,
      medianEscalateMs: 25 * MINUTE,
    });
    expect(acme!.topRules).toEqual([
      {
        ruleId: RULE_A,
        title: 'Suspicious encoded PowerShell',
        findings: 8,
        suppressed: 4,
        alerts: 3,
        falsePositives: 1,
        truePositives: 1,
        fpRate: 0.5,
      },
      {
        ruleId: RULE_B,
        title: 'Rule B',
        findings: 1,
        suppressed: 0,
        alerts: 1,
        falsePositives: 0,
        truePositives: 0,
        fpRate: null,
      },
    ]);
  });

  it('reports each tenant the caller may read, and refuses others', async () => {
    await seed();
    const all = await f.triage.metrics.noise(f.cli, { from: T0 - HOUR, to: T0 + HOUR, top: 1 });
    expect(all.map((t) => [t.tenant, t.events, t.findings, t.alerts, t.topRules.length])).toEqual([
      ['acme', null, 9, 4, 1],
      ['globex', null, 1, 1, 1],
    ]);
    await expect(
      f.triage.metrics.noise(analyst, { tenants: ['globex'], from: T0, to: T0 + HOUR }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.triage.metrics.noise(analyst, { from: T0 + HOUR, to: T0 })).rejects.toMatchObject({
      code: 'TIME_INVALID',
    });
  });
});
