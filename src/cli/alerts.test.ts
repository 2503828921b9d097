import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAccess } from '../access/open.js';
import type { Alert } from '../triage/alert-model.js';
import { finding, RULE_A, RULE_B } from '../triage/test-support.js';
import { triageCliFixture, type TriageCliFixture } from './triage-test-support.js';
import { join } from 'node:path';

let f: TriageCliFixture;
beforeEach(async () => {
  f = await triageCliFixture();
  await f.seed(async ({ record }) => {
    await record([
      finding({
        tenant: 'acme',
        ruleId: RULE_A,
        title: 'Encoded PowerShell',
        fields: { 'host.name': 'ws01' },
      }),
      finding({
        tenant: 'globex',
        ruleId: RULE_B,
        title: 'Mimikatz',
        level: 'critical',
        fields: { 'host.name': 'dc1' },
      }),
    ]);
  });
});
afterEach(() => f.close());

async function alertsAsJson(...args: string[]): Promise<Alert[]> {
  const { out } = await f.run('alerts', 'list', '--json', ...args);
  return out
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Alert);
}

describe('yagura alerts list', () => {
  it("prints every tenant's alerts as a table, filtered by tenant and status", async () => {
    const all = await f.run('alerts', 'list');
    expect(all.code).toBeUndefined();
    expect(all.out.split('\n')[0]).toMatch(/^ID\s+TENANT\s+STATUS\s+SEVERITY\s+RULE\s+ENTITY/);
    expect(all.out).toMatch(/acme\s+new\s+\S+ \(\d+\)\s+Encoded PowerShell\s+host\.name=ws01/);
    expect(all.out).toMatch(/globex\s+new\s+critical \(\d+\)\s+Mimikatz\s+host\.name=dc1/);
    expect(all.err).toBe('2 alerts.\n');

    const globex = await alertsAsJson('--tenant', 'globex');
    expect(globex.map((a) => [a.tenant, a.rule.title])).toEqual([['globex', 'Mimikatz']]);
    expect(await alertsAsJson('--status', 'closed')).toEqual([]);
  });

  it('refuses an unknown status before opening anything', async () => {
    const { err, code } = await f.run('alerts', 'list', '--status', 'done');
    expect(err).toContain('Unknown alert status "done"');
    expect(code).toBe(1);
  });
});

describe('yagura alerts show and transition', () => {
  it('moves an alert with a reason and shows the move in its history and the audit log', async () => {
    const [alert] = await alertsAsJson('--tenant', 'acme');
    const moved = await f.run(
      'alerts',
      'transition',
      alert!.id,
      '--to',
      'acknowledged',
      '--reason',
      'looking',
    );
    expect(moved).toMatchObject({ out: `${alert!.id} acknowledged\n`, code: undefined });

    const shown = await f.run('alerts', 'show', alert!.id);
    expect(shown.out).toContain(`Alert ${alert!.id} (tenant acme)`);
    expect(shown.out).toMatch(/status\s+acknowledged/);
    expect(shown.out).toMatch(/cli:\S+\s+new -> acknowledged: looking/);
    const json = JSON.parse((await f.run('alerts', 'show', alert!.id, '--json')).out) as {
      alert: Alert;
      findingIds: string[];
    };
    expect(json.alert.status).toBe('acknowledged');
    expect(json.findingIds).toHaveLength(1);

    const access = await openAccess(join(f.dir, 'data'));
    try {
      const page = await access.audit.query({ tenants: 'all', action: 'alert.transition', limit: 10 });
      expect(page.entries.map((e) => [e.outcome, e.target?.id, e.actor.name.startsWith('cli:')])).toEqual([
        ['success', alert!.id, true],
      ]);
    } finally {
      await access.close();
    }
  });

  it('refuses a move the status machine does not allow: exit 1 with the reason, alert unchanged', async () => {
    const [alert] = await alertsAsJson('--tenant', 'acme');
    const refused = await f.run('alerts', 'transition', alert!.id, '--to', 'closed', '--reason', 'done');
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toContain(`cannot go from new to closed; from new it can go to acknowledged`);
    expect(refused.err).toContain('[ALERT_TRANSITION_INVALID]');
    expect((await alertsAsJson('--tenant', 'acme'))[0]!.status).toBe('new');
  });

  it('says when an alert does not exist and when a reason is blank', async () => {
    const missing = await f.run('alerts', 'show', '0'.repeat(24));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('[NOT_FOUND]');
    const [alert] = await alertsAsJson('--tenant', 'acme');
    const blank = await f.run('alerts', 'transition', alert!.id, '--to', 'acknowledged', '--reason', '  ');
    expect(blank.code).toBe(1);
    expect(blank.err).toContain('needs a reason');
  });
});
