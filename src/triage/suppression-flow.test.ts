// The allow-list end to end at service level: findings -> one alert -> false positive with a rule made from it ->
// identical findings are stored and counted as suppressed, raise the rule's hits and make no alert.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { finding, MINUTE, T0, triageFixture, type TriageFixture } from './test-support.js';

let f: TriageFixture;
let analyst: Actor;
beforeEach(async () => {
  f = await triageFixture();
  analyst = await f.user('aiko', 'soc_analyst', ['acme']);
});
afterEach(() => f.close());

const backupJob = {
  'host.name': 'FS01',
  'user.name': 'svc_backup',
  'process.command_line': 'powershell -enc SQBFAFgA',
  'process.executable': 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
};

describe('suppressing alerts like a false positive', () => {
  it('turns an alert into an allow-list rule that hides identical findings but keeps and counts them', async () => {
    await f.record(Array.from({ length: 12 }, (_, i) => finding({ fields: backupJob, time: T0 + i * 1000 })));
    const [alert] = (await f.triage.alerts.list(analyst, { limit: 10 })).alerts;
    expect(alert).toMatchObject({ findings: 12, entity: { 'host.name': 'fs01', 'user.name': 'svc_backup' } });

    f.clock.now = T0 + 10 * MINUTE;
    await f.triage.alerts.transition(
      analyst,
      alert!.id,
      'false_positive',
      'Nightly backup job encodes its script',
    );
    const draft = await f.triage.allowlist.draftFromAlert(analyst, alert!.id);
    expect(draft).toMatchObject({
      tenant: 'acme',
      ruleId: alert!.rule.id,
      conditions: '(host.name:"fs01" OR host.hostname:"fs01") AND user.name:"svc_backup"',
    });
    const rule = await f.triage.allowlist.createFromAlert(analyst, alert!.id, {
      justification: 'Veeam backup job on FS01, confirmed with the customer (ticket 4711)',
      owner: 'aiko',
      expiresAt: T0 + 90 * 86_400_000,
    });
    expect(rule).toMatchObject({ sourceAlertId: alert!.id, hits: 0, ruleId: alert!.rule.id });

    // The same job an hour later: within no alert's window, still no alert.
    const again = Array.from({ length: 5 }, (_, i) =>
      finding({ fields: backupJob, time: T0 + 70 * MINUTE + i }),
    );
    const stored = await f.record(again);
    const alerts = (await f.triage.alerts.list(analyst, { limit: 10 })).alerts;
    expect(alerts.map((a) => a.id)).toEqual([alert!.id]);
    const hit = await f.triage.allowlist.get(analyst, rule.id);
    expect(hit).toMatchObject({ hits: 5, lastHitAt: T0 + 10 * MINUTE });

    // Still stored and searchable, marked by the rule, and counted as suppressed.
    const listed = await f.findings.list(analyst, { limit: 100 });
    expect(listed.findings).toHaveLength(17);
    const hidden = await f.triage.allowlist.suppressed(analyst, rule.id, { limit: 10 });
    expect(hidden.findings.map((h) => h.findingId).sort()).toEqual(stored.map((s) => s.id).sort());
    const [noise] = await f.triage.metrics.noise(analyst, { from: T0, to: T0 + 2 * 3_600_000 });
    expect(noise).toMatchObject({ findings: 17, suppressed: 5, alerts: 1, falsePositives: 1, fpRate: 1 });

    // An unrelated finding of the same rule still alerts.
    await f.record([
      finding({
        fields: { ...backupJob, 'host.name': 'WS22', 'user.name': 'mallory' },
        time: T0 + 71 * MINUTE,
      }),
    ]);
    const after = (await f.triage.alerts.list(analyst, { limit: 10 })).alerts;
    expect(after.map((a) => a.entity['host.name'])).toEqual(['ws22', 'fs01']);
    expect((await f.triage.allowlist.get(analyst, rule.id)).hits).toBe(5);

    const created = await f.auditEntries('allowlist.create');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      tenant: 'acme',
      target: { type: 'allowlist-rule', id: rule.id },
      details: { sourceAlertId: alert!.id, conditions: draft.conditions, owner: 'aiko' },
    });
  });
});
