// Field names in queries: the validation pattern (an injection boundary) and the built-in fields that are not in Event.fields.
import { messageOf, type Event, type FieldValue } from '../core/event.js';

/**
 * Letters, digits, `_`, `-`, `.` and `@`, starting with a letter, `_` or `@`; at most 256 characters.
 * Field names reach SQL as JSON-path literals, so nothing outside this set may ever pass.
 */
const FIELD_NAME = /^[A-Za-z_@][A-Za-z0-9_.@-]{0,255}$/;

export function isValidFieldName(name: string): boolean {
  return FIELD_NAME.test(name);
}

/** Where a built-in field lives: a time column (epoch ms), a text column, or the tags array. */
export type BuiltinKind = 'time' | 'text' | 'tags';

export interface BuiltinField {
  kind: BuiltinKind;
  /** Column of the `events` table (SQLite); the JS predicate reads the Event directly. */
  column: string;
  read(event: Event): FieldValue | undefined;
}

const builtins: Record<string, BuiltinField> = {
  _id: { kind: 'text', column: 'id', read: (e) => e.id },
  '@timestamp': { kind: 'time', column: 'time', read: (e) => e.time },
  'event.ingested': { kind: 'time', column: 'received_at', read: (e) => e.receivedAt },
  tenant: { kind: 'text', column: 'tenant', read: (e) => e.tenant },
  input: { kind: 'text', column: 'input', read: (e) => e.input },
  'logsource.product': { kind: 'text', column: 'product', read: (e) => e.logsource.product },
  'logsource.category': { kind: 'text', column: 'category', read: (e) => e.logsource.category },
  'logsource.service': { kind: 'text', column: 'service', read: (e) => e.logsource.service },
  message: { kind: 'text', column: 'message', read: (e) => messageOf(e) },
  'event.original': { kind: 'text', column: 'raw', read: (e) => e.raw },
  tags: { kind: 'tags', column: 'tags', read: (e) => e.tags },
};

const aliases: Record<string, string> = {
  time: '@timestamp',
  receivedAt: 'event.ingested',
  received_at: 'event.ingested',
  raw: 'event.original',
};

/** The canonical name of a field as typed in a query (`time` -> `@timestamp`, `raw` -> `event.original`). */
export function canonicalField(name: string): string {
  return aliases[name] ?? name;
}

/** The built-in field behind a canonical name, or undefined for a field of `Event.fields`. */
export function builtinField(canonical: string): BuiltinField | undefined {
  return Object.hasOwn(builtins, canonical) ? builtins[canonical] : undefined;
}

export function isTimeField(canonical: string): boolean {
  return builtinField(canonical)?.kind === 'time';
}

/**
 * What the embedded store indexes in `events_fts.text` for an event: the raw text alone when it contains the message
 * (the usual case for parsed lines), else the message and the raw text one per line. The JS predicate tokenizes
 * this same text, so both backends find the same phrases.
 */
export function fullTextDocument(event: Event): string {
  return documentText(messageOf(event), event.raw);
}

/** The full-text document from its two parts (the store's SQL functions see the columns, not an Event). */
export function documentText(message: string | undefined, raw: string | undefined): string {
  if (raw === undefined) return message ?? '';
  if (message === undefined || raw.includes(message)) return raw;
  return `${message}\n${raw}`;
}
