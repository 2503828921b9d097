// Test support: an in-memory database with the embedded store's day-file schema, filled the way the store fills it.
import Database from 'better-sqlite3';
import { messageOf, type Event } from '../core/event.js';
import { ygCidr } from './cidr.js';
import { fullTextDocument } from './fields.js';

/** The `events` table and its FTS index, exactly as the embedded store creates them in each day file. */
export const EVENTS_SCHEMA = `
CREATE TABLE events (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL, tenant TEXT NOT NULL,
  time INTEGER NOT NULL, received_at INTEGER NOT NULL, input TEXT,
  product TEXT, category TEXT, service TEXT,
  tags TEXT,
  message TEXT, raw TEXT,
  fields TEXT NOT NULL
);
CREATE VIRTUAL TABLE events_fts USING fts5(text, content='', tokenize='unicode61 remove_diacritics 2');
`;

export function createSearchTestDb(events: readonly Event[] = []): Database.Database {
  const db = new Database(':memory:');
  db.exec(EVENTS_SCHEMA);
  db.function('yg_cidr', { deterministic: true }, ygCidr);
  const insert = db.prepare(
    `INSERT INTO events (id, tenant, time, received_at, input, product, category, service, tags, message, raw, fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      messageOf(e) ?? null,
      e.raw ?? null,
      JSON.stringify(e.fields),
    );
    const text = fullTextDocument(e);
    if (text !== '') insertText.run(lastInsertRowid, text);
  }
  return db;
}
