// Palo Alto Networks PAN-OS syslog CSV -> ECS: TRAFFIC, THREAT (url, virus, spyware, vulnerability, file, ...),
// URL, SYSTEM and CONFIG logs; other log types keep their header fields and the raw CSV.
//
// Decisions:
// - The CSV is read by column position (maps/panos.ts holds the layouts, panos-columns.ts reads them); columns keep Elastic's panw.panos.*
//   names, and a column copied to an ECS field is not kept twice (except the rule name and action, as Elastic).
// - Time: the high-resolution timestamp when the line has one (it carries its offset), else the generated time
//   in the tenant's zone (PAN-OS writes local wall-clock times without a zone).
// - network.direction comes from the addresses (private = inside). The THREAT direction column
//   ("client-to-server") says which way the threat went within the session; it stays in panw.panos.network.direction.
// - Logsource { product: paloalto, category: firewall } for every log type (Sigma's product name).
import type { FieldValue } from '../../core/event.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  ALLOWED_ACTIONS,
  DENIED_ACTIONS,
  LOG_TYPES,
  SEVERITY,
  THREAT_ACTIONS,
  TRAFFIC_ACTIONS,
} from './maps/panos.js';
import { addTo, directionOf } from './network.js';
import { isoTime } from '../timestamps.js';
import { layoutFor, mapColumns, panosTime, splitCsv } from './panos-columns.js';

type Fields = Record<string, FieldValue>;

/** "failed authentication for user 'admin'. Reason: ... From: 10.0.0.5." in SYSTEM auth logs. */
const AUTH_USER = /\buser '([^']+)'/;
const AUTH_FROM = /\bFrom: ([0-9A-Fa-f:.]+[0-9A-Fa-f])/;

/** Cheap test: "<future>,<YYYY/MM/DD ...>,<serial>,<TYPE>," at the start of the message. */
function looksLikePanos(m: string): boolean {
  const c1 = m.indexOf(',');
  if (c1 < 0 || c1 > 12) return false;
  const sep = m.charCodeAt(c1 + 5);
  if ((sep !== 47 && sep !== 45) || m.charCodeAt(c1 + 8) !== sep) return false;
  const c2 = m.indexOf(',', c1 + 1);
  if (c2 < 0 || c2 - c1 > 40) return false;
  const c3 = m.indexOf(',', c2 + 1);
  if (c3 < 0 || c3 - c2 > 40) return false;
  const c4 = m.indexOf(',', c3 + 1);
  return c4 > c3 && c4 - c3 <= 16 && LOG_TYPES.has(m.slice(c3 + 1, c4));
}

function putActionTypes(out: Fields, action: string | undefined): void {
  if (action === undefined) return;
  if (ALLOWED_ACTIONS.has(action)) addTo(out, 'event.type', 'allowed');
  else if (DENIED_ACTIONS.has(action)) addTo(out, 'event.type', 'denied');
}

/** PAN-OS writes a few actions with a space in TRAFFIC logs ("reset both"); Elastic and the docs use dashes. */
function normalizeAction(out: Fields): string | undefined {
  const a = out['panw.panos.action'];
  if (typeof a !== 'string') return undefined;
  const fixed = a.indexOf(' ') >= 0 ? a.toLowerCase().replaceAll(' ', '-') : a;
  out['panw.panos.action'] = fixed;
  return fixed;
}

function mapTraffic(out: Fields, subtype: string): void {
  out['event.kind'] = 'event';
  addTo(out, 'event.category', 'network');
  const action = normalizeAction(out);
  out['event.outcome'] = action === 'allow' ? 'success' : 'failure';
  putActionTypes(out, action);
  const sub = TRAFFIC_ACTIONS[subtype];
  if (sub !== undefined) {
    out['event.action'] = sub[0];
    addTo(out, 'event.type', sub[1]);
    addTo(out, 'event.type', 'connection');
  }
  const start = out['panw.panos.start_time'];
  if (typeof start === 'string') out['event.start'] = start;
  const startMs = typeof start === 'string' ? Date.parse(start) : NaN;
  const elapsed = out['panw.panos.elapsed_time'];
  if (typeof elapsed === 'number') {
    out['event.duration'] = elapsed * 1_000_000_000;
    if (typeof start === 'string') out['event.end'] = isoTime(startMs + elapsed * 1000);
  }
  const reason = out['panw.panos.endreason'];
  if (typeof reason === 'string' && reason !== 'n/a') out['event.reason'] = reason;
}

function mapThreat(out: Fields, subtype: string): void {
  out['event.kind'] = 'alert';
  addTo(out, 'event.category', 'intrusion_detection');
  addTo(out, 'event.category', 'threat');
  addTo(out, 'event.category', 'network');
  if (subtype === 'virus' || subtype === 'wildfire-virus') addTo(out, 'event.category', 'malware');
  if (subtype === 'url') addTo(out, 'event.category', 'web');
  const action = normalizeAction(out);
  out['event.outcome'] = action !== undefined && ALLOWED_ACTIONS.has(action) ? 'success' : 'failure';
  putActionTypes(out, action);
  const named = THREAT_ACTIONS[subtype];
  if (named !== undefined) out['event.action'] = named;
  const level = out['log.level'];
  if (typeof level === 'string' && SEVERITY[level] !== undefined) out['event.severity'] = SEVERITY[level];
  const sha = out['file.hash.sha256'];
  if (typeof sha === 'string') addTo(out, 'related.hash', sha);
}

function mapSystem(out: Fields, subtype: string): void {
  out['event.kind'] = 'event';
  addTo(out, 'event.category', 'configuration');
  const code = out['event.code'];
  const msg = out['message'];
  if (subtype === 'auth' || (typeof code === 'string' && code.startsWith('auth-'))) {
    addTo(out, 'event.category', 'authentication');
    addTo(out, 'event.type', 'start');
    if (typeof code === 'string') {
      if (code.includes('fail')) out['event.outcome'] = 'failure';
      else if (code.includes('success')) out['event.outcome'] = 'success';
    }
    if (typeof msg === 'string') {
      const user = AUTH_USER.exec(msg);
      if (user?.[1]) out['user.name'] = user[1];
      const from = AUTH_FROM.exec(msg);
      if (from?.[1] && isIpAddress(from[1])) out['source.ip'] = from[1];
    }
  } else {
    addTo(out, 'event.type', 'info');
  }
  if (typeof code === 'string') out['event.action'] = code;
}

function mapConfig(out: Fields): void {
  out['event.kind'] = 'event';
  addTo(out, 'event.category', 'configuration');
  addTo(out, 'event.type', 'change');
  const cmd = out['panw.panos.cmd'];
  if (typeof cmd === 'string') out['event.action'] = cmd;
  const admin = out['panw.panos.admin'];
  if (typeof admin === 'string') out['user.name'] = admin;
  const host = out['panw.panos.host'];
  if (typeof host === 'string' && isIpAddress(host)) out['source.ip'] = host;
  const result = out['panw.panos.result'];
  if (result === 'Succeeded' || result === 'Submitted') out['event.outcome'] = 'success';
  else if (result === 'Failed') out['event.outcome'] = 'failure';
}

/** Drops a side's NAT address and port when they say "no translation" (0.0.0.0 and port 0). */
function dropEmptyNat(out: Fields, ipName: string, portName: string): void {
  const ip = out[ipName];
  const port = out[portName];
  if ((ip === '0.0.0.0' || ip === '::') && (port === undefined || port === 0)) {
    delete out[ipName];
    delete out[portName];
  }
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const text = f['message'] as string;
  const cols = splitCsv(text);
  const out: Fields = {};
  out['observer.vendor'] = 'Palo Alto Networks';
  out['observer.product'] = 'PAN-OS';
  out['observer.type'] = 'firewall';
  const receive = cols[1] ?? '';
  const serial = cols[2] ?? '';
  const type = cols[3] ?? '';
  const subtype = cols[4] ?? '';
  const generated = cols[6] ?? '';
  if (serial.length > 0) out['observer.serial_number'] = serial;
  out['panw.panos.type'] = type;
  if (subtype.length > 0) out['panw.panos.sub_type'] = subtype;
  const received = panosTime(receive, ctx.timeZone);
  if (!Number.isNaN(received)) out['panw.panos.received_time'] = isoTime(received);
  let time = panosTime(generated, ctx.timeZone);
  if (!Number.isNaN(time)) out['panw.panos.generated_time'] = isoTime(time);
  const layout = layoutFor(type, cols);
  if (layout !== undefined) mapColumns(cols, layout, out, ctx, subtype);
  if (type === 'TRAFFIC') mapTraffic(out, subtype);
  else if (type === 'THREAT' || type === 'URL') mapThreat(out, subtype);
  else if (type === 'SYSTEM') mapSystem(out, subtype);
  else if (type === 'CONFIG') mapConfig(out);
  else out['event.kind'] = 'event';
  dropEmptyNat(out, 'source.nat.ip', 'source.nat.port');
  dropEmptyNat(out, 'destination.nat.ip', 'destination.nat.port');
  const src = out['source.ip'];
  if (typeof src === 'string') out['network.type'] = src.indexOf(':') >= 0 ? 'ipv6' : 'ipv4';
  const direction = directionOf(src, out['destination.ip']);
  if (direction !== undefined) out['network.direction'] = direction;
  const sourceUser = out['source.user.name'];
  if (typeof sourceUser === 'string' && out['user.name'] === undefined) {
    out['user.name'] = sourceUser;
    const domain = out['source.user.domain'];
    if (typeof domain === 'string') out['user.domain'] = domain;
  }
  const observer = out['observer.hostname'];
  if (typeof observer === 'string') addTo(out, 'related.hosts', observer);
  const hires = out['panw.panos.high_resolution_timestamp'];
  if (typeof hires === 'string') {
    const t = Date.parse(hires);
    if (!Number.isNaN(t)) time = t;
  }
  // The syslog header, then the raw CSV as the message unless the log had a description.
  for (const k in f) {
    if (k.startsWith('kv.') || out[k] !== undefined) continue;
    out[k] = f[k] as FieldValue;
  }
  record.fields = out;
  if (!Number.isNaN(time)) record.time = time;
  record.logsource = { product: 'paloalto', category: 'firewall' };
  return record;
}

export const panos: DeviceParser = {
  name: 'panos',
  description: 'Palo Alto Networks PAN-OS syslog CSV: TRAFFIC, THREAT, URL, SYSTEM and CONFIG logs.',
  why: 'the message is a PAN-OS CSV: a date in the second column and a PAN-OS log type in the fourth',
  match: (record) => {
    const m = record.fields['message'];
    return typeof m === 'string' && looksLikePanos(m);
  },
  normalize,
};
