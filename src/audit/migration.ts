// Creates the audit log's tables, its indexes, the head row and (in SQLite) the append-only triggers.
import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';
import { GENESIS_HASH } from './chain.js';

export const auditMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('actor_token', 'text')
      .addColumn('address', 'text')
      .addColumn('tenant', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('details', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_tenant_seq').on('audit_log').columns(['tenant', 'seq']).execute();
    await db.schema.createIndex('audit_log_actor_seq').on('audit_log').columns(['actor_id', 'seq']).execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into audit_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db);

    // PostgreSQL needs its own triggers (a plpgsql function raising an exception); see docs/audit.md.
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      await sql`create trigger audit_log_no_update before update on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      await sql`create trigger audit_head_no_delete before delete on audit_head
        begin select raise(abort, 'audit_head cannot be deleted'); end`.execute(db);
      await sql`create trigger audit_head_forward_only before update on audit_head
        when new.seq < old.seq or new.id <> old.id
        begin select raise(abort, 'audit_head only moves forward'); end`.execute(db);
    }
  },
};
