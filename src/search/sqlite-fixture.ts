// Test support: an in-memory database with the embedded store's day-file schema, filled the way the store fills it.
import Database from 'better-sqlite3';
import type { Event } from '../core/event.js';
import { DEFAULT_TUNING, ensureSchema } from '../store/embedded/schema.js';
import { registerSearchFunctions } from './sql-functions.js';
import { fullTextDocument } from './fields.js';

export function createSearchTestDb(events: readonly Event[] = []): Database.Database {
  const db = new Database(':memory:');
  // The store's own schema, so the compiler is tested against exactly what it will query.
  ensureSchema(db, DEFAULT_TUNING);
  registerSearchFunctions(db);
  const insert = db.prepare(
    `INSERT INTO events (id, tenant, time, received_at, input, product, category, service, tags, raw, fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertText = db.prepare('INSERT INTO events_fts (rowid, text) VALUES (?, ?)');
  for (const e of events) {
    const { lastInsertRowid } = insert.run(
      e.id,
      e.tenant,
      e.time,
      e.receivedAt,
      e.input ?? null,
      e.logsource.product ?? null,
      e.logsource.category ?? null,
      e.logsource.service ?? null,
      e.tags ? JSON.stringify(e.tags) : null,
      e.raw ?? null,
      JSON.stringify(e.fields),
    );
    const text = fullTextDocument(e);
    if (text !== '') insertText.run(lastInsertRowid, text);
  }
  return db;
}
