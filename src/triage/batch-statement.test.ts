import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStateDb, type StateDb } from '../state/database.js';
import { BatchStatement } from './batch-statement.js';
import type { FindingTriageTable } from './tables.js';

let db: StateDb;
beforeEach(async () => {
  db = await openStateDb({ dataDir: ':memory:' });
});
afterEach(() => db.destroy());

const columns = ['finding_id', 'tenant', 'rule_id', 'time', 'alert_id', 'suppressed_by', 'subject'] as const;

function row(i: number): FindingTriageTable {
  return {
    finding_id: `f${i}`,
    tenant: 'acme',
    rule_id: 'r1',
    time: 1000 + i,
    alert_id: i % 2 === 0 ? `a${i}` : null,
    suppressed_by: i % 2 === 0 ? null : 'w1',
    subject: JSON.stringify({ i }),
  };
}

describe('BatchStatement', () => {
  it('writes every row, in chunks, binding values in column order', async () => {
    const insert = new BatchStatement<FindingTriageTable>(
      columns,
      (d, rows) => d.insertInto('finding_triage').values(rows),
      3,
    );
    const rows = Array.from({ length: 8 }, (_, i) => row(i));
    await insert.run(db, rows);
    await insert.run(db, [row(8)]);
    const stored = await db.selectFrom('finding_triage').selectAll().orderBy('time').execute();
    expect(stored).toEqual([...rows, row(8)]);
  });

  it('refuses a statement that does not bind the rows as given', async () => {
    const wrong = new BatchStatement<FindingTriageTable>(
      columns,
      (d, rows) => d.insertInto('finding_triage').values(rows.map((r) => ({ ...r, tenant: 'fixed' }))),
      10,
    );
    await expect(wrong.run(db, [row(1)])).rejects.toThrow(/does not bind the rows in column order/);
  });
});
