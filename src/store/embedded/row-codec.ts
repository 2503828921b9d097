// Turns Events into the rows the writer worker binds, and stored rows back into Events.
import type { Event, FieldValue } from '../../core/event.js';
import type { EventId, TenantId } from '../../core/ids.js';
import { YaguraError } from '../../core/errors.js';
import { dayName, dayNumber } from './layout.js';

export type RowValue = string | number | null;

/**
 * Rows of one day file. The batch travels to the worker as one small array per row: measured against one
 * flat array, JSON text and one joined string per day, it costs the writer thread least (bench/store/README.md).
 */
export interface DayGroup {
  day: string;
  /**
   * The 11 stored `events` columns after rowid in table order, then the message when the full-text document needs
   * it besides the raw text (see `documentText`): usually raw contains it, and it is not sent twice.
   */
  rows: RowValue[][];
  minTime: number;
  maxTime: number;
}

export interface EncodedBatch {
  groups: DayGroup[];
  rows: number;
  /** Characters of text in the batch: a cheap estimate of the bytes it will take. */
  chars: number;
}

/** Encodes a batch; rejects it whole if any event cannot be stored. */
export function encodeBatch(events: readonly Event[]): EncodedBatch {
  const byDay = new Map<number, DayGroup>();
  let chars = 0;
  for (const e of events) {
    if (!Number.isFinite(e.time) || !Number.isFinite(e.receivedAt)) {
      throw new YaguraError(
        'STORE_FAILED',
        `Event ${e.id} has no valid time; nothing in the batch was written`,
        {
          eventId: e.id,
        },
      );
    }
    const day = dayNumber(e.time);
    let group = byDay.get(day);
    if (!group) {
      group = { day: dayName(day), rows: [], minTime: e.time, maxTime: e.time };
      byDay.set(day, group);
    }
    const m = e.fields['message'];
    const message = typeof m === 'string' ? m : null;
    const fieldsJson = JSON.stringify(e.fields);
    const raw = e.raw ?? null;
    const messageForText = message !== null && (raw === null || !raw.includes(message)) ? message : null;
    const tags = e.tags ? JSON.stringify(e.tags) : null;
    const ls = e.logsource;
    group.rows.push([
      e.id,
      e.tenant,
      e.time,
      e.receivedAt,
      e.input ?? null,
      ls.product ?? null,
      ls.category ?? null,
      ls.service ?? null,
      tags,
      raw,
      fieldsJson,
      messageForText,
    ]);
    if (e.time < group.minTime) group.minTime = e.time;
    if (e.time > group.maxTime) group.maxTime = e.time;
    chars += fieldsJson.length + (raw?.length ?? 0) + 64;
  }
  return { groups: [...byDay.values()], rows: events.length, chars };
}

/** The columns a search selects, in this order. */
export const SELECT_COLUMNS =
  'e.rowid AS rowid, e.id AS id, e.tenant AS tenant, e.time AS time, e.received_at AS received_at, e.input AS input, ' +
  'e.product AS product, e.category AS category, e.service AS service, e.tags AS tags, e.raw AS raw, e.fields AS fields';

export interface StoredRow {
  rowid: number;
  id: string;
  tenant: string;
  time: number;
  received_at: number;
  input: string | null;
  product: string | null;
  category: string | null;
  service: string | null;
  tags: string | null;
  raw: string | null;
  fields: string;
}

export function decodeRow(row: StoredRow): Event {
  const fields = JSON.parse(row.fields) as Record<string, FieldValue>;
  const event: Event = {
    id: row.id as EventId,
    tenant: row.tenant as TenantId,
    time: row.time,
    receivedAt: row.received_at,
    logsource: {},
    fields,
  };
  if (row.input !== null) event.input = row.input;
  if (row.product !== null) event.logsource.product = row.product;
  if (row.category !== null) event.logsource.category = row.category;
  if (row.service !== null) event.logsource.service = row.service;
  if (row.raw !== null) event.raw = row.raw;
  if (row.tags !== null) event.tags = JSON.parse(row.tags) as string[];
  return event;
}
