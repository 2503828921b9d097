// The findings table (every rule, indicator and correlation match, kept for triage and search) and the per-tenant
// rule-set settings.
import { sql, type Kysely, type Migration } from 'kysely';

export const detectionMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('findings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sigma', 'correlation', 'intel')`))
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('rule_title', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('time', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('event_ids', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('findings_tenant_time').on('findings').columns(['tenant', 'time']).execute();
    await db.schema.createIndex('findings_rule_time').on('findings').columns(['rule_id', 'time']).execute();
    await db.schema
      .createTable('tenant_rule_sets')
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('rule_set', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('tenant_rule_sets_pk', ['tenant', 'rule_set'])
      .execute();
  },
};
