// raw message -> Event: parse (or keep the text as a parse error), pick the time, merge input fields and tags.
//
// Decisions:
// - Never throws: text no parser understands (or a parser bug) gives an Event with `message` = the text
//   and the `parse_error` tag. `raw` always keeps the text when there was some.
// - `raw.object` (decoded by an HTTP input) is flattened as JSON; the text is not parsed again, and `raw.format`
//   counts only when it names a device parser.
// - Input fields (`raw.fields`) fill in what the parsed record lacks; on a clash the parsed value wins,
//   except for names the input sets with authority: `input.*`, `labels.*` and `log.source.*`.
// - `raw.sourceAddress` becomes `log.source.address` (the sender, as Filebeat names it).
// - Time: the message's own time, else the transport's (`raw.time`), else receipt with `time_from_receipt`.
// - A parsed record gets ECS `event.kind: event` unless its parser said otherwise, and `related.*` from its fields.
// - Logsource: the parser's or a device parser's; for plain syslog only well-known Linux programs
//   (sshd, sudo, cron, ...) get `{ product: 'linux', service }`, everything else stays empty.
import type { Event, FieldValue, LogSource } from '../core/event.js';
import { Tags, TimeBounds } from '../core/event.js';
import { newEventId } from '../core/ids.js';
import type { RawMessage } from '../core/raw-message.js';
import { parseText, runDeviceParsers } from '../parsers/detect.js';
import { findDeviceParser } from '../parsers/devices/index.js';
import { parseJsonObject } from '../parsers/json.js';
import type { ParseContext, ParsedRecord } from '../parsers/types.js';
import { inferLogsource } from './logsource.js';
import { fillRelated } from './related.js';

const AUTHORITATIVE_PREFIXES = ['input.', 'labels.', 'log.source.'];

function isAuthoritative(name: string): boolean {
  for (const p of AUTHORITATIVE_PREFIXES) if (name.startsWith(p)) return true;
  return false;
}

function addTags(into: string[] | undefined, tags: readonly string[] | undefined): string[] | undefined {
  if (!tags || tags.length === 0) return into;
  const out = into ?? [];
  for (const t of tags) if (!out.includes(t)) out.push(t);
  return out;
}

function parseRecord(raw: RawMessage, ctx: ParseContext): ParsedRecord | null {
  try {
    if (raw.object) {
      const pinned = raw.format ? findDeviceParser(raw.format) : undefined;
      return runDeviceParsers(parseJsonObject(raw.object, ctx), raw.text, ctx, null, pinned);
    }
    if (raw.text.length === 0) return null;
    return parseText(raw.text, ctx, raw.format ? { format: raw.format } : undefined).record;
  } catch {
    return null; // a parser bug must not lose the message: it is kept as a parse error
  }
}

/** Turns one received message into an Event. Pure and never throws. */
export function normalize(raw: RawMessage, ctx: ParseContext): Event {
  const receivedAt = raw.receivedAt;
  const pctx = ctx.receivedAt === receivedAt ? ctx : { receivedAt, timeZone: ctx.timeZone };
  const text = typeof raw.text === 'string' ? raw.text : '';
  const rec = parseRecord(raw, pctx);

  let tags = addTags(undefined, raw.tags);
  let fields: Record<string, FieldValue>;
  let logsource: LogSource;
  let time = raw.time;
  if (rec) {
    fields = rec.fields;
    tags = addTags(tags, rec.tags);
    if (rec.time !== undefined && Number.isFinite(rec.time)) time = rec.time;
    logsource = rec.logsource ?? inferLogsource(fields);
    if (fields['event.kind'] === undefined) fields['event.kind'] = 'event';
    fillRelated(fields);
  } else {
    fields = text.length > 0 ? { message: text } : {};
    tags = addTags(tags, [Tags.parseError]);
    logsource = {};
  }
  if (raw.fields) {
    for (const k in raw.fields) {
      const v = raw.fields[k];
      if (v === undefined) continue;
      if (isAuthoritative(k) || !Object.prototype.hasOwnProperty.call(fields, k)) fields[k] = v;
    }
  }
  if (raw.sourceAddress && fields['log.source.address'] === undefined)
    fields['log.source.address'] = raw.sourceAddress;
  if (time === undefined || !Number.isFinite(time)) {
    time = receivedAt;
    tags = addTags(tags, [Tags.timeFromReceipt]);
  } else if (time < TimeBounds.earliest || time > receivedAt + TimeBounds.maxAheadMs) {
    // A wrong clock must not file an event years away, where retention would never reach it (or would keep
    // it as "the newest day"). The message's own time is kept for the analyst.
    fields['yagura.original_time'] = Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : String(time);
    time = receivedAt;
    tags = addTags(tags, [Tags.timeOutOfRange]);
  }

  const event: Event = {
    id: newEventId(receivedAt),
    tenant: raw.tenant,
    time,
    receivedAt,
    input: raw.input,
    logsource,
    fields,
  };
  if (text.length > 0) event.raw = text;
  if (tags) event.tags = tags;
  return event;
}
