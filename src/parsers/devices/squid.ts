// Squid access.log to ECS + squid.*: the native format and the httpd-style `combined`/`common` logformats Squid ships,
// as files (plain text lines) or through syslog (`access_log syslog:...`).
//
//   native:   1157689320.327   2864 10.105.21.199 TCP_MISS/200 10182 GET http://www.example.com/ alice DIRECT/175.16.199.61 text/html
//   combined: 127.0.0.1 - alice [28/Nov/2026:22:00:15 +0000] "GET http://h/ HTTP/1.1" 200 338 "-" "curl/8.0" TCP_MISS:HIER_DIRECT
//   common:   the same without the referrer and user agent.
import type { FieldValue } from '../../core/event.js';
import type { ParsedRecord } from '../types.js';
import { isIpAddress } from '../values.js';
import { putDomainParts } from './endpoint-common.js';
import type { DeviceParser } from './index.js';
import { setUrlFields } from './url.js';

// time elapsed client code/status bytes method URL user hierarchy/peer type [anything a custom format appends]
const NATIVE =
  /^(\d+)(?:\.(\d{1,3}))?\s+(-?\d+)\s+(\S+)\s+([A-Za-z_]+)\/(\d{3})\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+([A-Za-z_]+)\/(\S+)(?:\s+(\S+))?(?:\s+(.*))?$/;
// client ident user [dd/Mon/yyyy:hh:mm:ss +zzzz] "method URL HTTP/v" status bytes ["referrer" "agent"] code:hierarchy
const COMBINED =
  /^(\S+) (\S+) (\S+) \[(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})\] "(\S+) (\S+)(?: HTTP\/([\d.]+))?" (\d{3}) (\d+|-)(?: "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)")? ([A-Za-z_]+):([A-Za-z_]+)\s*$/;
/** The cheap look match() takes at a native line: epoch seconds with milliseconds, then the elapsed time. */
const NATIVE_START = /^\d{9,10}\.\d{3} +-?\d/;

const MONTHS: Readonly<Record<string, number>> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/** Header fields kept when the line came through syslog. */
const HEADER_FIELDS: ReadonlySet<string> = new Set(['host.hostname', 'process.name', 'process.pid']);

const ESCAPED = /\\(.)/g;

/** Squid writes a quote inside a quoted header value as \". */
function unescape(v: string): string {
  return v.includes('\\') ? v.replace(ESCAPED, '$1') : v;
}

function present(v: string | undefined): v is string {
  return v !== undefined && v.length > 0 && v !== '-';
}

/** The parts of an access record both formats share. */
function setCommon(
  out: Record<string, FieldValue>,
  client: string,
  resultCode: string,
  status: number,
  bytes: string,
  method: string,
  url: string,
  user: string | undefined,
): void {
  out['event.kind'] = 'event';
  out['event.category'] = ['web'];
  out['observer.vendor'] = 'Squid';
  out['observer.product'] = 'Squid';
  out['observer.type'] = 'proxy';
  out['source.address'] = client;
  if (isIpAddress(client)) out['source.ip'] = client;
  else out['source.domain'] = client;
  out['squid.result_code'] = resultCode;
  out['squid.status_code'] = status;
  if (status > 0) out['http.response.status_code'] = status;
  const denied = resultCode.includes('DENIED');
  out['event.type'] = denied ? ['access', 'denied'] : ['access'];
  out['event.outcome'] = denied || status >= 400 ? 'failure' : status === 0 ? 'unknown' : 'success';
  if (bytes !== '-') {
    const n = Number(bytes);
    out['destination.bytes'] = n;
    out['http.response.bytes'] = n;
  }
  out['http.request.method'] = method;
  // CONNECT names "host:port"; other methods an absolute URL (or a path, from an accelerator).
  setUrlFields(out, url, { schemelessHost: method === 'CONNECT' });
  const domain = out['url.domain'];
  if (typeof domain === 'string' && !isIpAddress(domain)) putDomainParts(out, 'url', domain);
  if (present(user)) out['source.user.name'] = user;
}

/** The peer from "HIER_DIRECT/203.0.113.5": destination ip, else the named peer, else the URL's host. */
function setPeer(out: Record<string, FieldValue>, peer: string): void {
  if (isIpAddress(peer)) {
    out['destination.ip'] = peer;
    out['destination.address'] = peer;
    return;
  }
  if (present(peer)) {
    out['destination.address'] = peer;
    out['destination.domain'] = peer;
    return;
  }
  const host = out['url.domain'];
  if (typeof host === 'string') out['destination.address'] = host;
}

function readNative(m: RegExpExecArray, out: Record<string, FieldValue>): number {
  const ms = m[2] ? Number(m[2].padEnd(3, '0')) : 0;
  const time = Number(m[1]) * 1000 + ms;
  const elapsed = Number(m[3]);
  if (elapsed >= 0) out['event.duration'] = elapsed * 1_000_000;
  setCommon(
    out,
    m[4] as string,
    m[5] as string,
    Number(m[6]),
    m[7] as string,
    m[8] as string,
    m[9] as string,
    m[10],
  );
  out['squid.peer_status'] = m[11] as string;
  setPeer(out, m[12] as string);
  const type = m[13];
  if (present(type)) {
    out['squid.content_type'] = type;
    out['http.response.mime_type'] = type;
  }
  if (m[14]) out['squid.extra'] = m[14];
  return time;
}

function readCombined(m: RegExpExecArray, out: Record<string, FieldValue>): number {
  const month = MONTHS[m[5] as string];
  const offset = (Number(m[11]) * 60 + Number(m[12])) * 60_000 * (m[10] === '-' ? -1 : 1);
  const time =
    month === undefined
      ? NaN
      : Date.UTC(Number(m[6]), month, Number(m[4]), Number(m[7]), Number(m[8]), Number(m[9])) - offset;
  setCommon(
    out,
    m[1] as string,
    m[20] as string,
    Number(m[16]),
    m[17] as string,
    m[13] as string,
    m[14] as string,
    m[3],
  );
  if (present(m[2])) out['squid.ident'] = m[2];
  if (m[15]) out['http.version'] = m[15];
  if (present(m[18])) out['http.request.referrer'] = unescape(m[18]);
  if (present(m[19])) out['user_agent.original'] = unescape(m[19]);
  out['squid.peer_status'] = m[21] as string;
  const host = out['url.domain'];
  if (typeof host === 'string') out['destination.address'] = host;
  return time;
}

function looksLikeSquid(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 48 || c > 57) return looksCombined(s);
  return NATIVE_START.test(s) || looksCombined(s);
}

/** A combined/common line ends in Squid's "CODE:HIERARCHY" (e.g. TCP_MISS:HIER_DIRECT), which httpd logs lack. */
function looksCombined(s: string): boolean {
  const end = s.length - 1;
  const last = s.charCodeAt(end);
  if (last < 65 || last > 90 || !s.includes('] "')) return false;
  const sp = s.lastIndexOf(' ');
  const colon = s.indexOf(':', sp);
  return (
    colon > sp && s.charCodeAt(colon + 1) >= 65 && s.charCodeAt(sp + 1) >= 65 && s.charCodeAt(sp + 1) <= 90
  );
}

function normalize(record: ParsedRecord, text: string): ParsedRecord {
  const f = record.fields;
  const out: Record<string, FieldValue> = {};
  for (const k in f) if (HEADER_FIELDS.has(k) || k.startsWith('log.')) out[k] = f[k] as FieldValue;
  const native = NATIVE.exec(text);
  const combined = native ? null : COMBINED.exec(text);
  if (!native && !combined) {
    out['message'] = text;
    record.fields = out;
    return record; // not one of the shapes above: kept as text, not guessed at
  }
  const time = native ? readNative(native, out) : readCombined(combined as RegExpExecArray, out);
  const host = f['host.hostname'];
  if (typeof host === 'string') out['observer.hostname'] = host;
  if (!Number.isNaN(time)) record.time = time;
  record.fields = out;
  record.logsource = { product: 'squid', category: 'proxy' };
  return record;
}

// A whole line the kv parser took apart has no `message` field: match() keeps its text for normalize(), which runs
// right after it on the same record.
const kvText = new WeakMap<ParsedRecord, string>();

export const squid: DeviceParser = {
  name: 'squid',
  description: 'Squid access.log (native, combined and common formats) to ECS and squid.*.',
  why: "the line has Squid's access.log shape (epoch.ms elapsed client CODE/status ... or combined ending in CODE:HIER)",
  match(record, text) {
    const format = record.format;
    if (format === 'text') return looksLikeSquid(text);
    if (format === 'kv') {
      if (!looksLikeSquid(text)) return false;
      kvText.set(record, text);
      return true;
    }
    if (!format.startsWith('rfc')) return false;
    const msg = record.fields['message'];
    return typeof msg === 'string' && looksLikeSquid(msg);
  },
  normalize(record) {
    const kv = kvText.get(record);
    const msg = record.fields['message'];
    return normalize(record, kv ?? (typeof msg === 'string' ? msg : ''));
  },
};
