// The day-file schema and the connection settings the writer and the readers apply.
import type Database from 'better-sqlite3';

export const SCHEMA_VERSION = 2;

/** Secondary indexes the writer may build; `tenant_time` serves the scoped, time-ranged queries. */
export type IndexName = 'tenant_time' | 'time';

const INDEX_DDL: Record<IndexName, string> = {
  tenant_time: 'CREATE INDEX IF NOT EXISTS events_tenant_time ON events(tenant, time)',
  time: 'CREATE INDEX IF NOT EXISTS events_time ON events(time)',
};

/** Knobs measured in bench/store; the defaults are the chosen configuration. */
export interface WriterTuning {
  /** Build the full-text index (always on in the product; off only to measure its cost). */
  fts: boolean;
  indexes: IndexName[];
  pageSize: number;
  /** Page cache per connection, KiB. */
  cacheKiB: number;
  mmapBytes: number;
  /** FTS5 automerge (0 = merge only in the writer's periodic maintenance, or under crisis). */
  ftsAutomerge: number;
  ftsCrisismerge: number;
  ftsPgsz: number;
  /** WAL pages before the writer checkpoints by itself (0 = only the maintenance checkpoints). */
  walAutocheckpoint: number;
}

export const DEFAULT_TUNING: WriterTuning = {
  fts: true,
  indexes: ['tenant_time'],
  pageSize: 16_384,
  cacheKiB: 65_536,
  mmapBytes: 268_435_456,
  ftsAutomerge: 0,
  ftsCrisismerge: 64,
  ftsPgsz: 8000,
  walAutocheckpoint: 4096,
};

/**
 * `message` is read from the fields JSON rather than stored twice: encoding one JSON text is the cheapest form on
 * the ingest path, and only message terms and substring searches read the column.
 */
export const MESSAGE_COLUMN =
  "CASE json_type(fields, '$.message') WHEN 'text' THEN json_extract(fields, '$.message') END";

/** Milliseconds a connection waits for another process's lock before failing. */
export const BUSY_TIMEOUT_MS = 10_000;

/** Creates the tables of a new day file; safe to run on an existing one. */
export function ensureSchema(db: Database.Database, tuning: WriterTuning): void {
  // page_size only takes effect before the first table exists.
  db.pragma(`page_size = ${tuning.pageSize}`);
  db.pragma('journal_mode = WAL');
  const create = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS events (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL, tenant TEXT NOT NULL,
      time INTEGER NOT NULL, received_at INTEGER NOT NULL, input TEXT,
      product TEXT, category TEXT, service TEXT,
      tags TEXT,
      raw TEXT,
      fields TEXT NOT NULL,
      message TEXT GENERATED ALWAYS AS (${MESSAGE_COLUMN}) VIRTUAL
    )`);
    db.exec(`CREATE TABLE IF NOT EXISTS yg_day (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      events INTEGER NOT NULL, min_time INTEGER, max_time INTEGER
    )`);
    db.exec('INSERT OR IGNORE INTO yg_day (id, events) VALUES (1, 0)');
    for (const index of tuning.indexes) db.exec(INDEX_DDL[index]);
    const hasFts = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'events_fts'").get() !== undefined;
    if (tuning.fts && !hasFts) {
      db.exec(
        "CREATE VIRTUAL TABLE events_fts USING fts5(text, content='', columnsize=0, detail=none, tokenize='unicode61 remove_diacritics 2')",
      );
      // FTS5 only recognises its configuration commands as literals, not bound parameters.
      const config = (name: string, value: number): void => {
        db.exec(`INSERT INTO events_fts(events_fts, rank) VALUES ('${name}', ${Math.trunc(value)})`);
      };
      config('automerge', tuning.ftsAutomerge);
      config('crisismerge', tuning.ftsCrisismerge);
      config('pgsz', tuning.ftsPgsz);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  create.immediate();
}

/** Settings every connection (writer or reader) needs. */
export function applyConnectionPragmas(
  db: Database.Database,
  tuning: Pick<WriterTuning, 'cacheKiB' | 'mmapBytes'>,
): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${tuning.cacheKiB}`);
  db.pragma(`mmap_size = ${tuning.mmapBytes}`);
}
