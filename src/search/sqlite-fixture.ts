// Test support: an in-memory database with the embedded store's day-file schema, filled the way the store fills it.
import Database from 'better-sqlite3';
import type { Event } from '../core/event.js';
import { registerSearchFunctions } from './sql-functions.js';
import { fullTextDocument } from './fields.js';

/** The `events` table and its FTS index, exactly as the embedded store creates them in each day file. */
export const EVENTS_SCHEMA = `
CREATE TABLE events (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL, tenant TEXT NOT NULL,
  time INTEGER NOT NULL, received_at INTEGER NOT NULL, input TEXT,
  product TEXT, category TEXT, service TEXT,
  tags TEXT,
  raw TEXT,
  fields TEXT NOT NULL,
  message TEXT GENERATED ALWAYS AS (CASE json_type(fields, '$.message') WHEN 'text' THEN json_extract(fields, '$.message') END) VIRTUAL
);
CREATE VIRTUAL TABLE events_fts USING fts5(text, content='', columnsize=0, detail=none, tokenize='unicode61 remove_diacritics 2');
`;

export function createSearchTestDb(events: readonly Event[] = []): Database.Database {
  const db = new Database(':memory:');
  db.exec(EVENTS_SCHEMA);
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
