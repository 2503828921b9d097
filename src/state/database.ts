// The state database (tenants, users, tokens, audit; later alerts and cases): SQLite in the embedded shape,
// through Kysely so the clustered shape can run the same queries on PostgreSQL.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { YaguraError } from '../core/errors.js';
import { migrations } from './migrations/index.js';
import type { StateTables } from './tables.js';

export type StateDb = Kysely<StateTables>;

export interface OpenStateOptions {
  /** The data folder; the database is `<dataDir>/state.db`. `:memory:` for tests. */
  dataDir: string;
}

export function stateDbPath(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : join(dataDir, 'state.db');
}

/** Opens (creating if needed) the state database and brings its schema up to date. */
export async function openStateDb(options: OpenStateOptions): Promise<StateDb> {
  if (options.dataDir !== ':memory:') mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new Database(stateDbPath(options.dataDir));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  const db = new Kysely<StateTables>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely takes no lock on SQLite: when two processes (the CLI and the server) open a new database at once, one
  // of them loses the race. After a pause the winner's migrations are in place and a retry finds nothing to do.
  for (let attempt = 0; error && attempt < 5; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 200));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new YaguraError(
      'STORE_FAILED',
      `The state database could not be migrated (migration ${failed}): ${String(error)}`,
      {},
      {
        cause: error,
      },
    );
  }
  return db;
}
