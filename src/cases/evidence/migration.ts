// The evidence locker's tables: one row per evidence item of an incident, and its chain-of-custody ledger.
import { sql, type Kysely, type Migration } from 'kysely';

export const evidenceMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('evidence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('received_at', 'integer', (c) => c.notNull())
      .addColumn('received_by_id', 'text', (c) => c.notNull())
      .addColumn('received_by_name', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('legal_hold', 'integer', (c) => c.notNull().check(sql`legal_hold in (0, 1)`))
      .addColumn('hold_reason', 'text')
      .addColumn('hold_by_id', 'text')
      .addColumn('hold_by_name', 'text')
      .addColumn('hold_at', 'integer')
      .addColumn('disposed_at', 'integer')
      .addColumn('disposed_by_id', 'text')
      .addColumn('disposed_by_name', 'text')
      .addColumn('disposal_reason', 'text')
      .addColumn('custody_seq', 'integer', (c) => c.notNull())
      .addColumn('custody_hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('evidence_incident')
      .on('evidence')
      .columns(['incident_id', 'received_at'])
      .execute();
    // Disposal asks whether any other item still refers to the same stored bytes.
    await db.schema.createIndex('evidence_sha256').on('evidence').columns(['sha256']).execute();

    await db.schema
      .createTable('custody_entries')
      .addColumn('evidence_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'integer', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('hash_before', 'text')
      .addColumn('hash_after', 'text')
      .addColumn('note', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('custody_entries_pk', ['evidence_id', 'seq'])
      .execute();
  },
};
