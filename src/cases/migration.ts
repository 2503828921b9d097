// The incident tables: incidents, their alerts, links between incidents, tasks, the timeline and observables.
import { sql, type Kysely, type Migration } from 'kysely';
import { LEVELS } from '../detect/sigma/rule.js';
import { TIMELINE_KINDS } from './case-support.js';
import {
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  LINK_RELATIONS,
  OBSERVABLE_SOURCES,
  PRIORITIES,
  TASK_STATUSES,
  TLPS,
} from './incident-model.js';
import { INCIDENT_CATEGORIES, RESPONSE_PHASES } from './playbooks/playbook.js';

/** `column in ('a', 'b')` from a fixed vocabulary (constants of this code base, never user input). */
function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

export const casesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull().check(oneOf('category', INCIDENT_CATEGORIES)))
      .addColumn('severity', 'text', (c) => c.notNull().check(oneOf('severity', LEVELS)))
      .addColumn('priority', 'text', (c) => c.notNull().check(oneOf('priority', PRIORITIES)))
      .addColumn('tlp', 'text', (c) => c.notNull().check(oneOf('tlp', TLPS)))
      .addColumn('phase', 'text', (c) => c.notNull().check(oneOf('phase', RESPONSE_PHASES)))
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', INCIDENT_STATUSES)))
      .addColumn('source', 'text', (c) => c.notNull().check(oneOf('source', INCIDENT_SOURCES)))
      .addColumn('source_ref', 'text')
      .addColumn('playbook_id', 'text')
      .addColumn('playbook_version', 'integer')
      .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('ja', 'en')`))
      .addColumn('assignees', 'text', (c) => c.notNull())
      .addColumn('affected_assets', 'text', (c) => c.notNull())
      .addColumn('affected_users', 'text', (c) => c.notNull())
      .addColumn('due_at', 'integer')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'integer')
      .addColumn('closed_by', 'text')
      .addColumn('close_reason', 'text')
      .addUniqueConstraint('incidents_tenant_number', ['tenant', 'year', 'seq'])
      .execute();
    await db.schema
      .createIndex('incidents_tenant_created')
      .on('incidents')
      .columns(['tenant', 'created_at'])
      .execute();

    await db.schema
      .createTable('incident_alerts')
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('alert_id', 'text', (c) => c.notNull())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('linked_at', 'integer', (c) => c.notNull())
      .addColumn('linked_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_alerts_pk', ['incident_id', 'alert_id'])
      .execute();
    await db.schema
      .createIndex('incident_alerts_alert')
      .on('incident_alerts')
      .columns(['alert_id'])
      .execute();

    await db.schema
      .createTable('incident_links')
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('other_id', 'text', (c) => c.notNull())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('relation', 'text', (c) => c.notNull().check(oneOf('relation', LINK_RELATIONS)))
      .addColumn('linked_at', 'integer', (c) => c.notNull())
      .addColumn('linked_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_links_pk', ['incident_id', 'other_id'])
      .execute();

    await db.schema
      .createTable('incident_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull().check(oneOf('phase', RESPONSE_PHASES)))
      .addColumn('title_ja', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('description_ja', 'text')
      .addColumn('description_en', 'text')
      .addColumn('role', 'text')
      .addColumn('owner', 'text')
      .addColumn('due_at', 'integer')
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', TASK_STATUSES)))
      .addColumn('checklist', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('templates', 'text', (c) => c.notNull())
      .addColumn('playbook_id', 'text')
      .addColumn('playbook_version', 'integer')
      .addColumn('playbook_task_id', 'text')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('completed_at', 'integer')
      .execute();
    await db.schema
      .createIndex('incident_tasks_incident')
      .on('incident_tasks')
      .columns(['incident_id', 'position'])
      .execute();
    await db.schema
      .createIndex('incident_tasks_owner')
      .on('incident_tasks')
      .columns(['owner', 'status'])
      .execute();

    await db.schema
      .createTable('incident_timeline')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', TIMELINE_KINDS)))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('event_time', 'integer')
      .addColumn('recorded_at', 'integer', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('ref_type', 'text')
      .addColumn('ref_id', 'text')
      .addColumn('details', 'text')
      .execute();
    await db.schema
      .createIndex('incident_timeline_incident')
      .on('incident_timeline')
      .columns(['incident_id', 'recorded_at'])
      .execute();

    await db.schema
      .createTable('incident_observables')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(oneOf('source', OBSERVABLE_SOURCES)))
      .addColumn('first_seen', 'integer', (c) => c.notNull())
      .addColumn('last_seen', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('sighting_count', 'integer')
      .addColumn('sighting_hosts', 'text')
      .addColumn('sighting_first', 'integer')
      .addColumn('sighting_last', 'integer')
      .addColumn('sighted_at', 'integer')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('incident_observables_key', ['incident_id', 'key'])
      .execute();
  },
};
