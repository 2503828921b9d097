// Creates the inquiry tables; run by the contacts migration (0010_contacts), which owns this area's schema.
import { sql, type Kysely } from 'kysely';

export async function createInquiryTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inquiries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('question', 'request', 'report')`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('first_response_at', 'integer')
    .addColumn('first_response_due_at', 'integer', (c) => c.notNull())
    .addColumn('resolution_due_at', 'integer', (c) => c.notNull())
    .addColumn('waiting_since', 'integer')
    .addColumn('resolved_at', 'integer')
    .addColumn('closed_at', 'integer')
    .addColumn('incident_id', 'text')
    .addUniqueConstraint('inquiries_tenant_number', ['tenant', 'number'])
    .execute();
  await db.schema
    .createIndex('inquiries_tenant_created')
    .on('inquiries')
    .columns(['tenant', 'created_at'])
    .execute();

  await db.schema
    .createTable('inquiry_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('customer', 'soc')`))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('status_after', 'text')
    .execute();
  await db.schema
    .createIndex('inquiry_messages_inquiry')
    .on('inquiry_messages')
    .columns(['inquiry_id', 'at'])
    .execute();

  await db.schema
    .createTable('inquiry_sla')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('first_response_minutes', 'integer', (c) => c.notNull())
    .addColumn('resolution_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('inquiry_sla_pk', ['tenant', 'priority'])
    .execute();
}
