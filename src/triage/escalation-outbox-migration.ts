// The escalation outbox: deliveries not yet through, with the message and channel to retry them with later.
import { type Kysely, type Migration } from 'kysely';

export const escalationOutboxMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('escalation_outbox')
      .addColumn('delivery_id', 'text', (c) => c.primaryKey())
      .addColumn('escalation_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('contacts', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('retries', 'integer', (c) => c.notNull())
      .addColumn('give_up_at', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('escalation_outbox_next')
      .on('escalation_outbox')
      .columns(['next_attempt_at'])
      .execute();
  },
};
