// Windows event logs as JSON from Winlogbeat (winlog.*) or NXLog (flat): one winlog.* shape, ECS fields, Sigma logsource.
//
// Decisions:
// - NXLog's flat record is rewritten into Winlogbeat's names (EventID -> winlog.event_id, EventData keys ->
//   winlog.event_data.<Name>), so rules and searches see one shape whichever shipper sent the event.
// - winlog.event_data is always kept whole, even where ECS fields copy it: the Sigma field mapping resolves
//   Image, CommandLine, TargetUserName... to winlog.event_data.* names.
// - EventData names with blanks (Defender's "Threat Name") get underscores, as Winlogbeat writes them.
// - winlog.event_id is text, as Winlogbeat 8 sends it, whichever shipper sent it.
import type { LogSource } from '../../core/event.js';
import { parseIsoAt, parseTimeValue } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import type { DeviceParser } from './index.js';
import { type Fields, isoTime, put, text } from './endpoint-common.js';
import {
  CHANNEL_CATEGORIES,
  CHANNEL_SERVICES,
  NXLOG_AUDIT_KEYWORDS,
  NXLOG_EVENT_TYPES,
  NXLOG_LEVELS,
  NXLOG_SYSTEM_FIELDS,
} from './maps/windows.js';
import { normalizeDefender } from './windows-defender.js';
import { normalizeSecurity } from './windows-security.js';
import { normalizeSysmon } from './windows-sysmon.js';

const ED = 'winlog.event_data.';
const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
const DEFENDER_CHANNEL = 'Microsoft-Windows-Windows Defender/Operational';
const BLANKS = / /g;
const EVENT_TYPE = ED + 'EventType';
// Looked up for every key of every NXLog record.
const NXLOG_SYSTEM = new Map(Object.entries(NXLOG_SYSTEM_FIELDS));

// winlog.event_data.<Key> per NXLog key, kept so each event reuses the same strings (bounded: keys come from the sender).
const eventDataNames = new Map<string, string>();
function eventDataName(key: string): string {
  let name = eventDataNames.get(key);
  if (name === undefined) {
    name = ED + (key.indexOf(' ') >= 0 ? key.replace(BLANKS, '_') : key);
    if (eventDataNames.size < 5_000) eventDataNames.set(key, name);
  }
  return name;
}

/**
 * NXLog's flat im_msvistalog record in Winlogbeat's winlog.* names, as a new object (deleting keys from the parsed
 * one would leave V8 a slow dictionary to look up in).
 */
function fromNxlog(src: Fields, rec: ParsedRecord, ctx: ParseContext): Fields {
  const f: Fields = {};
  for (const k in src) {
    const v = src[k] as Fields[string];
    const target = NXLOG_SYSTEM.get(k);
    if (target !== undefined) {
      if (v === null || v === '') continue;
      if (k === 'EventTime' || k === 'EventType' || k === 'Severity') {
        if (nxlogHeader(f, k, v, rec, ctx)) continue;
      }
      f[target] = v;
    } else if (k.indexOf('.') < 0 && k !== 'message' && k !== 'tags') {
      f[eventDataName(k)] = v;
    } else if (f[k] === undefined) {
      f[k] = v; // the syslog header's fields (NXLog's Message, when already read, wins over the header's message)
    }
  }
  return f;
}

/** NXLog's EventTime, EventType and Severity in Winlogbeat's terms; false when the value is kept as NXLog's. */
function nxlogHeader(f: Fields, k: string, v: Fields[string], rec: ParsedRecord, ctx: ParseContext): boolean {
  if (typeof v !== 'string') return false;
  if (k === 'EventTime') {
    const t = parseTimeValue(v, ctx.timeZone, ctx.receivedAt);
    if (Number.isNaN(t)) return false;
    rec.time = t;
    put(f, 'winlog.time_created', isoTime(t));
    return true;
  }
  if (k === 'Severity') {
    const level = NXLOG_LEVELS[v];
    if (level !== undefined) f['winlog.level'] = level;
    return level !== undefined;
  }
  const keyword = NXLOG_AUDIT_KEYWORDS[v];
  if (keyword !== undefined) {
    f['winlog.keywords'] = [keyword];
    return true;
  }
  if (NXLOG_EVENT_TYPES.has(v)) return false;
  // Sysmon registry events have an EventData field EventType (SetValue, CreateKey) that NXLog's own overwrote.
  f[EVENT_TYPE] = v;
  return true;
}

/** Winlogbeat keeps blanks in some providers' EventData names; the rest of Yagura expects underscores. */
function underscoreEventData(f: Fields): void {
  for (const k of Object.keys(f)) {
    if (k.startsWith(ED) && k.indexOf(' ', ED.length) >= 0) {
      f[k.replace(BLANKS, '_')] = f[k] as Fields[string];
      delete f[k];
    }
  }
}

function hasKeyword(f: Fields, keyword: string): boolean {
  const v = f['winlog.keywords'];
  return Array.isArray(v) ? v.includes(keyword) : v === keyword;
}

/** ECS fields every Windows event gets from the record's System part. */
function commonFields(f: Fields, id: string, rec: ParsedRecord): void {
  f['event.code'] = id;
  if (f['event.provider'] === undefined) put(f, 'event.provider', text(f, 'winlog.provider_name'));
  const level = text(f, 'winlog.level');
  if (level !== undefined) {
    f['log.level'] = level.toLowerCase();
    delete f['winlog.level'];
  }
  const created = text(f, 'winlog.time_created');
  if (created !== undefined) {
    f['event.created'] = created;
    if (rec.time === undefined) {
      const t = parseIsoAt(created, 0, 'UTC');
      if (!Number.isNaN(t)) rec.time = t;
    }
  }
  if (f['host.name'] === undefined) put(f, 'host.name', text(f, 'winlog.computer_name'));
  if (hasKeyword(f, 'Audit Failure')) f['event.outcome'] = 'failure';
  else if (hasKeyword(f, 'Audit Success')) f['event.outcome'] = 'success';
}

function normalize(rec: ParsedRecord, ctx: ParseContext): ParsedRecord {
  let f = rec.fields;
  if (rec.format.startsWith('rfc')) {
    // Behind a syslog header the program and pid are the shipper's view of the provider (kept in log.syslog.*),
    // not the process the event is about.
    delete f['process.name'];
    delete f['process.pid'];
  }
  if (f['winlog.event_id'] === undefined) {
    f = fromNxlog(f, rec, ctx);
    rec.fields = f;
  }
  const id = text(f, 'winlog.event_id');
  if (id === undefined) return rec;
  f['winlog.event_id'] = id;
  const channel = text(f, 'winlog.channel') ?? '';
  commonFields(f, id, rec);
  f['event.kind'] = 'event';

  const sysmon =
    channel === SYSMON_CHANNEL ||
    (channel === '' && f['winlog.provider_name'] === 'Microsoft-Windows-Sysmon');
  let category: string | undefined;
  if (sysmon) {
    category = normalizeSysmon(f, id, rec);
  } else if (channel === 'Security') {
    category = normalizeSecurity(f, id);
  } else if (channel === DEFENDER_CHANNEL) {
    underscoreEventData(f);
    normalizeDefender(f, id);
  } else {
    category = CHANNEL_CATEGORIES[channel]?.[id];
  }
  // The header's account is whom the event is attributed to, unless the EventData named someone: Sysmon and
  // Defender log as their own service account (SYSTEM), which is not the user of the process they report.
  if (!sysmon && f['user.id'] === undefined && f['user.name'] === undefined) {
    put(f, 'user.id', text(f, 'winlog.user.identifier'));
    put(f, 'user.name', text(f, 'winlog.user.name'));
    put(f, 'user.domain', text(f, 'winlog.user.domain'));
  }

  const logsource: LogSource = { product: 'windows' };
  if (category !== undefined) logsource.category = category;
  const service = sysmon ? 'sysmon' : CHANNEL_SERVICES[channel];
  if (service !== undefined) logsource.service = service;
  rec.logsource = logsource;
  return rec;
}

export const windows: DeviceParser = {
  name: 'windows',
  description:
    'Windows event logs as JSON from Winlogbeat or NXLog: Sysmon, Security, Defender and any other channel, in winlog.* with ECS fields.',
  why: 'the JSON carries winlog.event_id or winlog.channel (Winlogbeat), or EventID with Channel or SourceName (NXLog)',
  match(record) {
    const f = record.fields;
    return (
      f['winlog.event_id'] !== undefined ||
      f['winlog.channel'] !== undefined ||
      (f['EventID'] !== undefined && (f['Channel'] !== undefined || f['SourceName'] !== undefined))
    );
  },
  normalize,
};
