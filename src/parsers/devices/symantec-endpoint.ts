// Symantec Endpoint Protection Manager syslog: comma-separated "Label: value" columns (risk, traffic, packet,
// security, scan, system, administrative logs), with or without a syslog header, mapped as Elastic does.
//
// Every column stays under symantec_endpoint.log.<label in snake case> (Elastic's names, including the ones
// mapped to ECS, as Elastic keeps them by default); unlabeled columns are named by the log type.
import type { FieldValue, LogSource } from '../../core/event.js';
import { parseTimeValue } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toInt, toPort } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  LABEL_ALIASES,
  LOG_TYPES,
  NAMESPACE_TIMES,
  SEP_TO_ECS,
  type SepConversion,
  type SepLogType,
} from './maps/symantec-endpoint.js';

type Fields = Record<string, FieldValue>;

const NS = 'symantec_endpoint.log.';
const PROGRAM = 'SymantecServer';
/** A header-less SEPM line: the labels its first columns carry. */
const BARE_LINE =
  /^(?:Site: |Scan ID: |[^,]{0,256},(?:IP Address|Computer name|Local Host IP|Local Host|Local|Category|Event Description|Server): )/;
/** "Label: value" or "Label:" (Elastic's pattern: a letter, then up to 28 letters, digits, blanks, ()-). */
const LABEL = /^([a-zA-Z][a-zA-Z0-9 ()-]{0,28}):(?:\s(.*)|\s?)$/s;
const HOSTNAME = /^[.a-zA-Z0-9_-]+$/;

const LOGSOURCE: Readonly<Record<string, LogSource>> = {
  antivirus: { product: 'symantec', category: 'antivirus' },
  firewall: { product: 'symantec', category: 'firewall' },
  none: { product: 'symantec' },
};

// Label text -> snake-case key, and key -> namespaced field name; bounded, labels come from the sender. Reusing
// the same name strings spares a concatenation and a property-key hash per column.
const keyCache = new Map<string, string>();
const nameCache = new Map<string, string>();
function keyOf(label: string): string {
  let key = keyCache.get(label);
  if (key === undefined) {
    key = label.toLowerCase().replace(/ /g, '_').replace(/[()]+/g, '');
    key = LABEL_ALIASES[key] ?? key;
    if (keyCache.size < 2_000) keyCache.set(label, key);
  }
  return key;
}
function nsName(key: string): string {
  let name = nameCache.get(key);
  if (name === undefined) {
    name = NS + key;
    if (nameCache.size < 2_000) nameCache.set(key, name);
  }
  return name;
}

/** Splits on commas; a column in double quotes may hold commas ("" is a quote), single quotes are dropped. */
export function splitColumns(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i <= n) {
    if (s.charCodeAt(i) === 34 /* " */) {
      let j = i + 1;
      let v = '';
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) {
          v += s.slice(j);
          j = n;
          break;
        }
        v += s.slice(j, q);
        if (s.charCodeAt(q + 1) === 34) {
          v += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Text between the closing quote and the next comma belongs to the column too.
      const c = s.indexOf(',', j);
      const end = c < 0 ? n : c;
      out.push(v + s.slice(j, end));
      i = end + 1;
      continue;
    }
    const c = s.indexOf(',', i);
    const end = c < 0 ? n : c;
    let v = s.slice(i, end);
    if (v.length > 1 && v.charCodeAt(0) === 39 && v.charCodeAt(v.length - 1) === 39) v = v.slice(1, -1);
    out.push(v);
    i = end + 1;
  }
  return out;
}

function pickType(present: ReadonlySet<string>): SepLogType | undefined {
  for (const t of LOG_TYPES) {
    if (!t.requires.every((l) => present.has(l))) continue;
    if (t.absent && t.absent.some((l) => present.has(l))) continue;
    return t;
  }
  return undefined;
}

function mac(v: string): string | undefined {
  const hex = v.replace(/[-:.]/g, '').toUpperCase();
  if (!/^[0-9A-F]{12}$/.test(hex) || hex === '000000000000') return undefined;
  return hex.match(/../g)!.join('-');
}

function convert(v: string, how: SepConversion, ctx: ParseContext): FieldValue | undefined {
  switch (how) {
    case 'string':
    case 'append':
      return v;
    case 'lower':
      return v.toLowerCase();
    case 'int': {
      const n = toInt(v);
      return Number.isNaN(n) ? undefined : n;
    }
    case 'port': {
      const n = toPort(v);
      return Number.isNaN(n) || n === 0 ? undefined : n;
    }
    case 'ip':
      return v !== '0.0.0.0' && isIpAddress(v) ? v : undefined;
    case 'mac':
      return mac(v);
    case 'time': {
      // SEPM stores and exports every time in UTC, whatever the zone of the client or the manager.
      const t = parseTimeValue(v, 'UTC', ctx.receivedAt);
      return Number.isNaN(t) ? undefined : new Date(t).toISOString();
    }
    case 'unix': {
      const n = toInt(v);
      return Number.isNaN(n) || n <= 0 ? undefined : new Date(n * 1000).toISOString();
    }
    case 'seconds_ns': {
      const n = toInt(v);
      return Number.isNaN(n) ? undefined : n * 1e9;
    }
    case 'sha1':
      return /^[0-9a-fA-F]{40}$/.test(v) ? v.toLowerCase() : undefined;
    case 'direction': {
      const d = v.toLowerCase();
      return d === 'inbound' ? 'ingress' : d === 'outbound' ? 'egress' : d;
    }
  }
}

/** The columns as label -> value (later columns win, as in Elastic), unlabeled ones named by the log type. */
function readColumns(cols: string[]): {
  values: Map<string, string>;
  labels: (string | undefined)[];
  type?: SepLogType;
} {
  const values = new Map<string, string>();
  const labels: (string | undefined)[] = new Array<string | undefined>(cols.length);
  const present = new Set<string>();
  for (let i = 0; i < cols.length; i++) {
    const m = LABEL.exec(cols[i] as string);
    if (!m) continue;
    const key = keyOf(m[1] as string);
    labels[i] = key;
    present.add(key);
    const v = m[2]?.trim();
    if (v) values.set(key, v);
  }
  const type = pickType(present);
  if (type) {
    for (const spec of type.columns) {
      let at: number;
      if (typeof spec.from === 'number') at = spec.from;
      else {
        const idx = labels.indexOf(spec.from);
        if (idx < 0) continue;
        at = idx + 1;
      }
      for (let k = 0; k < spec.names.length && at + k < cols.length; k++) {
        if (labels[at + k] !== undefined) break;
        const v = (cols[at + k] as string).trim();
        if (v) values.set(spec.names[k] as string, v);
      }
    }
  }
  return type ? { values, labels, type } : { values, labels };
}

function match(record: ParsedRecord): boolean {
  const f = record.fields;
  if (f['process.name'] === PROGRAM) return true;
  const msg = f['message'];
  if (typeof msg !== 'string') return false;
  if (record.format === 'text') return BARE_LINE.test(msg);
  return f['log.syslog.priority'] !== undefined && msg.startsWith(PROGRAM + ' ');
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  // A new object without the kv.* pairs and the header's host (deleting would make it a slow dictionary): the
  // header's host is the SEPM server that forwarded the line; the endpoint is the event's host.
  const src = record.fields;
  const f: Fields = {};
  const keys = Object.keys(src);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (k === 'host.hostname') f['observer.hostname'] = src[k] as FieldValue;
    else if (k.charCodeAt(0) !== 107 /* k */ || !k.startsWith('kv.')) f[k] = src[k] as FieldValue;
  }
  record.fields = f;
  let msg = typeof f['message'] === 'string' ? f['message'] : '';
  if (msg.startsWith(PROGRAM + ' ')) msg = msg.slice(PROGRAM.length + 1);
  const cols = splitColumns(msg);
  const { values, type } = readColumns(cols);

  const first = (cols[0] ?? '').trim();
  if (HOSTNAME.test(first)) f['host.hostname'] = first;

  for (const [key, v] of values) {
    const time = NAMESPACE_TIMES[key];
    const converted = time ? convert(v, time, ctx) : undefined;
    f[nsName(key)] = converted ?? v;
    const ecs = SEP_TO_ECS[key];
    if (!ecs) continue;
    const [field, how] = ecs;
    const value = convert(v, how, ctx);
    if (value === undefined) continue;
    if (how === 'append') {
      const prev = f[field];
      f[field] = Array.isArray(prev) ? [...prev, v] : prev === undefined ? [v] : [prev as string, v];
    } else if (field === 'message' || f[field] === undefined) {
      // The event description replaces the header's message; for other fields the first label wins.
      f[field] = value;
    }
  }
  if (typeof f['host.hostname'] === 'string') f['host.name'] = f['host.hostname'];

  const submission = values.get('submission_recommended');
  if (submission !== undefined)
    f[nsName('submission_recommended')] = submission.toLowerCase().includes('yes');

  observer(f);
  categorize(f, type);
  const eventTime = f[nsName('event_time')];
  const t = typeof eventTime === 'string' ? Date.parse(eventTime) : NaN;
  if (!Number.isNaN(t)) record.time = t;
  else if (record.time === undefined && typeof f['event.start'] === 'string')
    record.time = Date.parse(f['event.start']);
  record.logsource = LOGSOURCE[type?.logsource ?? 'none'];
  return record;
}

function observer(f: Fields): void {
  f['observer.vendor'] = 'Symantec';
  f['observer.product'] = 'Endpoint Protection';
}

function categorize(f: Fields, type: SepLogType | undefined): void {
  if (!type) return;
  f['event.provider'] = type.name;
  if (type.kind) f['event.kind'] = type.kind;
  const category = type.category ? type.category.slice() : [];
  const types = type.type ? type.type.slice() : [];
  const action = f['event.action'];
  const message = typeof f['message'] === 'string' ? f['message'] : '';
  if (action === 'blocked' || (message.includes('blocked') && !message.includes('not blocked')))
    types.push('denied');
  if (action === 'not blocked' || message.includes('not blocked')) types.push('allowed');
  if (type.name === 'Administrative Log' && message.includes('log on')) {
    category.push('authentication');
    types.push('info');
    if (message.includes('log on failed')) f['event.outcome'] = 'failure';
    else if (message.includes('log on succeeded')) f['event.outcome'] = 'success';
  }
  if (category.length > 0) f['event.category'] = category;
  if (types.length > 0) f['event.type'] = types;
}

export const symantecEndpoint: DeviceParser = {
  name: 'symantec-endpoint',
  description:
    'Symantec Endpoint Protection Manager syslog (risk, proactive detection, traffic, packet, security, scan, system, admin logs).',
  why: 'the syslog program is SymantecServer, or the line is SEPM\'s comma-separated "Label: value" columns',
  match,
  normalize,
};
