// The contacts area's schema (0010_contacts): the contacts directory, the communications log and the inquiries.
import { sql, type Kysely, type Migration } from 'kysely';
import { createInquiryTables } from '../inquiries/migration.js';

export const contactsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('organization', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('title', 'text')
      .addColumn('channels', 'text', (c) => c.notNull())
      .addColumn('hours', 'text')
      .addColumn('escalation_notes', 'text')
      .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('ja', 'en')`))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('deleted_at', 'integer')
      .execute();
    await db.schema.createIndex('contacts_tenant').on('contacts').columns(['tenant', 'kind']).execute();

    await db.schema
      .createTable('communications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('outgoing', 'incoming')`))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text')
      .addColumn('counterpart', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('occurred_at', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'integer', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('attachments', 'text', (c) => c.notNull())
      .addColumn('request_status', 'text', (c) =>
        c.check(sql`request_status is null or request_status in ('open', 'answered', 'closed')`),
      )
      .addColumn('due_at', 'integer')
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('communications_incident')
      .on('communications')
      .columns(['incident_id', 'occurred_at'])
      .execute();
    await db.schema
      .createIndex('communications_open_requests')
      .on('communications')
      .columns(['tenant', 'request_status', 'due_at'])
      .execute();

    await createInquiryTables(db);
  },
};
