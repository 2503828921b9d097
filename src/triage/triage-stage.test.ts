import { afterEach, describe, expect, it } from 'vitest';
import { finding, T0, triageFixture, type TriageFixture } from './test-support.js';

let f: TriageFixture | undefined;
afterEach(() => f?.close());

describe('TriageStage', () => {
  it('writes in the background after a short wait, without anyone calling flush', async () => {
    f = await triageFixture({ flushEveryMs: 5 });
    await f.findings.record([finding({ fields: { 'host.name': 'ws01' } })]);
    expect(f.triage.alerts.pending).toBe(1);
    await expect
      .poll(async () => (await f!.triage.alerts.list(f!.cli, { limit: 10 })).alerts.length, { timeout: 2000 })
      .toBe(1);
  });

  it('writes at once when a batch fills the threshold, and reports failed writes', async () => {
    const errors: unknown[] = [];
    f = await triageFixture({ flushAt: 3, onError: (e) => errors.push(e) });
    await f.findings.record(
      [1, 2, 3].map((i) => finding({ fields: { 'host.name': `ws0${i}` }, time: T0 + i })),
    );
    await expect
      .poll(async () => (await f!.triage.alerts.list(f!.cli, { limit: 10 })).alerts.length, { timeout: 2000 })
      .toBe(3);
    await f.access.db.schema.dropTable('finding_triage').execute();
    await f.findings.record(
      [1, 2, 3].map((i) => finding({ fields: { 'host.name': `ws1${i}` }, time: T0 + i })),
    );
    await expect.poll(() => errors.length, { timeout: 2000 }).toBe(1);
    expect(String(errors[0])).toMatch(/finding_triage/);
    // The failed batch is kept for the next write.
    expect(f.triage.alerts.pending).toBe(3);
    await f.access.db.schema
      .createTable('finding_triage')
      .addColumn('finding_id', 'text')
      .addColumn('tenant', 'text')
      .addColumn('rule_id', 'text')
      .addColumn('time', 'integer')
      .addColumn('alert_id', 'text')
      .addColumn('suppressed_by', 'text')
      .addColumn('subject', 'text')
      .execute();
    await f.triage.stage.flush();
    expect(f.triage.alerts.pending).toBe(0);
    const rows = await f.access.db.selectFrom('finding_triage').select('finding_id').execute();
    expect(rows).toHaveLength(3);
  });
});
