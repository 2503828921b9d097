// The triage tables: alerts and their history, per-finding triage marks, allow-list rules and the asset inventory.
import { sql, type Kysely, type Migration } from 'kysely';

export const triageMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('rule_title', 'text', (c) => c.notNull())
      .addColumn('rule_level', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('group_key', 'text', (c) => c.notNull())
      .addColumn('host_name', 'text')
      .addColumn('user_name', 'text')
      .addColumn('source_ip', 'text')
      .addColumn('destination_ip', 'text')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`status in ('new', 'acknowledged', 'in_progress', 'false_positive', 'true_positive', 'closed')`,
          ),
      )
      .addColumn('resolution', 'text')
      .addColumn('severity', 'integer', (c) => c.notNull())
      .addColumn('severity_level', 'text', (c) => c.notNull())
      .addColumn('criticality', 'integer', (c) => c.notNull())
      .addColumn('asset_ids', 'text', (c) => c.notNull())
      .addColumn('intel_hits', 'integer', (c) => c.notNull())
      .addColumn('finding_count', 'integer', (c) => c.notNull())
      .addColumn('event_count', 'integer', (c) => c.notNull())
      .addColumn('first_seen', 'integer', (c) => c.notNull())
      .addColumn('last_seen', 'integer', (c) => c.notNull())
      .addColumn('window_start', 'integer', (c) => c.notNull())
      .addColumn('window_end', 'integer', (c) => c.notNull())
      .addColumn('sample_event_ids', 'text', (c) => c.notNull())
      .addColumn('assignee', 'text')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('acknowledged_at', 'integer')
      .addColumn('escalated_at', 'integer')
      .addColumn('resolved_at', 'integer')
      .addColumn('closed_at', 'integer')
      .execute();
    await db.schema
      .createIndex('alerts_tenant_last_seen')
      .on('alerts')
      .columns(['tenant', 'last_seen'])
      .execute();
    await db.schema.createIndex('alerts_tenant_status').on('alerts').columns(['tenant', 'status']).execute();

    await db.schema
      .createTable('alert_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('at', 'integer', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('status', 'assign', 'comment')`))
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('assignee', 'text')
      .addColumn('text', 'text')
      .execute();
    await db.schema
      .createIndex('alert_history_alert')
      .on('alert_history')
      .columns(['alert_id', 'at'])
      .execute();

    // One row per finding. Its one index, (tenant, time, rule_id), serves every read: an alert's findings (they share
    // its tenant and rule and lie between its first and last seen), one finding's mark (a finding names its tenant,
    // time and rule), the impact preview and the noise metrics. Time before rule keeps inserts at the end of each
    // tenant's range; (tenant, rule_id, time) scattered them over every rule's range and halved the insert rate, as
    // an index on the random finding id did.
    await db.schema
      .createTable('finding_triage')
      .addColumn('finding_id', 'text', (c) => c.notNull())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('time', 'integer', (c) => c.notNull())
      .addColumn('alert_id', 'text')
      .addColumn('suppressed_by', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('finding_triage_tenant_time')
      .on('finding_triage')
      .columns(['tenant', 'time', 'rule_id'])
      .execute();

    await db.schema
      .createTable('allowlist_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text')
      .addColumn('conditions', 'text', (c) => c.notNull())
      .addColumn('justification', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'integer')
      .addColumn('source_alert_id', 'text')
      .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_hit_at', 'integer')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('deleted_at', 'integer')
      .execute();
    await db.schema.createIndex('allowlist_rules_tenant').on('allowlist_rules').columns(['tenant']).execute();

    await db.schema
      .createTable('assets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('hostnames', 'text', (c) => c.notNull())
      .addColumn('addresses', 'text', (c) => c.notNull())
      .addColumn('users', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('owner', 'text')
      .addColumn('criticality', 'integer', (c) => c.check(sql`criticality between 1 and 5`))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('manual', 'import', 'learned')`))
      .addColumn('last_seen', 'integer')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addUniqueConstraint('assets_tenant_name', ['tenant', 'name'])
      .execute();
  },
};
