// Adds the users' console preferences: a nullable `language` ('ja' or 'en'; null until the user picks one).
import { sql, type Kysely, type Migration } from 'kysely';

export const userPreferencesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('users')
      .addColumn('language', 'text', (c) => c.check(sql`language in ('ja', 'en')`))
      .execute();
  },
};
