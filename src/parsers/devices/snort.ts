// Snort alerts as text: the "fast" line, the syslog output, and the full (multi-line) record joined on one line.
//
// Accepted shapes (Snort 2 and 3; Suricata's fast.log has the same shape and is read too):
//   fast:   05/30-19:09:10.917356  [**] [1:527:8] msg [**] [Classification: c] [Priority: 2] {UDP} 10.0.0.1:68 -> 10.0.0.2:67
//   syslog: <33>May 30 19:09:10 ids snort[812]: [1:527:8] msg [Classification: c] [Priority: 2]: {UDP} a:68 -> b:67
//   full:   [**] [1:527:8] msg [**] [Classification: c] [Priority: 2] 05/30-19:09:10.917356 a:68 -> b:67
//           UDP TTL:64 TOS:0x0 ID:0 IpLen:20 DgmLen:328 Len: 300 [Xref => http://...]
// The full record is several lines in alert files; a shipper must join them (any whitespace in between is fine).
import type { FieldValue, LogSource } from '../../core/event.js';
import { yearAt, zonedToUtc } from '../time-zones.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toInt, toPort } from '../values.js';
import type { DeviceParser } from './index.js';
import { directionOf } from './network.js';

const DAY = 86_400_000;

// Date "MM/DD[/YY]-hh:mm:ss[.ffffff]": groups month, day, year, hour, minute, second, fraction.
const DATE = String.raw`(\d{2})\/(\d{2})(?:\/(\d{2}))?-(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?`;
// The message runs to the first "[**]", "[Classification:" or "[Priority:"; other brackets belong to it. Written
// without a lazy ".*?" so a long or hostile line cannot make the regex backtrack quadratically.
const HEAD = String.raw`\[(\d+):(\d+):(\d+)\]([^\[]*(?:\[(?!\*\*\]|Classification:|Priority:)[^\[]*)*)`;
const CLASS_PRIO = String.raw`(?:\[Classification:\s*([^\]]*)\]\s*)?\[Priority:\s*(\d+)\]`;

/** fast and syslog: [date] [**] [gid:sid:rev] msg [**] [Classification] [Priority](:) [AppID] {PROTO} src -> dst */
const FAST = new RegExp(
  String.raw`^(?:${DATE}\s+)?(?:\[\*\*\]\s*)?${HEAD}(?:\[\*\*\]\s*)?${CLASS_PRIO}:?\s*(?:\[AppID:\s*([^\]]*)\]\s*)?\{([^}]+)\}\s+(\S+)\s+->\s+(\S+)\s*$`,
);
/** full: [**] [gid:sid:rev] msg [**] [Classification] [Priority] date src -> dst rest-of-record */
const FULL = new RegExp(
  String.raw`^\[\*\*\]\s*${HEAD}\[\*\*\]\s*${CLASS_PRIO}\s+${DATE}\s+(\S+)\s+->\s+(\S+)(?:\s+([\s\S]*))?$`,
);
const IP_HEADER =
  /^([A-Za-z0-9-]+)\s+TTL:(\d+)\s+TOS:(0x[0-9A-Fa-f]+)\s+ID:(\d+)\s+IpLen:(\d+)\s+DgmLen:(\d+)(?:\s+(DF|MF|RB))?/;
const TCP_DETAIL =
  /(\S+)\s+Seq:\s*(0x[0-9A-Fa-f]+)\s+Ack:\s*(0x[0-9A-Fa-f]+)\s+Win:\s*(0x[0-9A-Fa-f]+)\s+TcpLen:\s*(\d+)/;
const UDP_DETAIL = /\bLen:\s*(\d+)/;
const ICMP_DETAIL = /\bType:(\d+)\s+Code:(\d+)(?:\s+ID:(\d+)\s+Seq:(\d+))?/;
const XREF = /\[Xref => ([^\]]+)\]/g;

/** Longer texts are not Snort alerts (a full record with references is a few hundred bytes); kept as text. */
const MAX_ALERT_LENGTH = 16_384;

/** Header fields kept when the alert came behind a syslog header. */
const HEADER_FIELDS: ReadonlySet<string> = new Set(['host.hostname', 'process.name', 'process.pid']);

const SOURCE = { ip: 'source.ip', address: 'source.address', port: 'source.port' } as const;
const DESTINATION = {
  ip: 'destination.ip',
  address: 'destination.address',
  port: 'destination.port',
} as const;
type Side = typeof SOURCE | typeof DESTINATION;

/** "a.b.c.d:p", "[v6]:p", "v6:p" (when the rest is an address) or a bare address. */
function setEndpoint(
  out: Record<string, FieldValue>,
  side: Side,
  v: string,
  ported: boolean,
): string | undefined {
  let ip = v;
  let port = NaN;
  if (v.charCodeAt(0) === 91 /* [ */) {
    const close = v.indexOf(']');
    ip = v.slice(1, close > 0 ? close : v.length);
    if (close > 0 && v.charCodeAt(close + 1) === 58) port = toPort(v.slice(close + 2));
  } else {
    const colon = v.lastIndexOf(':');
    if (
      colon > 0 &&
      (v.indexOf(':') === colon || (ported && isIpAddress(v.slice(0, colon)) && !isIpAddress(v)))
    ) {
      ip = v.slice(0, colon);
      port = toPort(v.slice(colon + 1));
    }
  }
  if (!isIpAddress(ip)) return undefined;
  out[side.ip] = ip;
  out[side.address] = ip;
  if (!Number.isNaN(port)) out[side.port] = port;
  return ip;
}

/** Snort's yearless "MM/DD-hh:mm:ss.ffffff" (or with /YY) from match groups starting at `i`. */
function readDate(m: RegExpExecArray, i: number, ctx: ParseContext): number {
  const mo = Number(m[i]);
  const d = Number(m[i + 1]);
  const yy = m[i + 2];
  const h = Number(m[i + 3]);
  const mi = Number(m[i + 4]);
  const s = Number(m[i + 5]);
  const frac = m[i + 6];
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return NaN;
  if (yy !== undefined) return zonedToUtc(ctx.timeZone, 2000 + Number(yy), mo, d, h, mi, s, ms);
  const year = yearAt(ctx.timeZone, ctx.receivedAt);
  const t = zonedToUtc(ctx.timeZone, year, mo, d, h, mi, s, ms);
  return t > ctx.receivedAt + DAY ? zonedToUtc(ctx.timeZone, year - 1, mo, d, h, mi, s, ms) : t;
}

function setRule(
  out: Record<string, FieldValue>,
  gid: string,
  sid: string,
  rev: string,
  rawMsg: string,
  category: string | undefined,
  priority: string,
): void {
  // Snort 3 quotes the message.
  const trimmed = rawMsg.trim();
  const msg =
    trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
  out['snort.gid'] = toInt(gid);
  out['rule.id'] = sid;
  out['rule.version'] = rev;
  if (msg.length > 0) {
    out['rule.description'] = msg;
    out['rule.name'] = msg;
    out['message'] = msg;
  }
  if (category) out['rule.category'] = category;
  out['event.severity'] = toInt(priority);
}

function setTransport(out: Record<string, FieldValue>, proto: string): void {
  const n = toInt(proto);
  if (Number.isNaN(n)) out['network.transport'] = proto.toLowerCase();
  else out['network.iana_number'] = String(n);
}

function hexNumber(v: string): number {
  return Number.parseInt(v, 16);
}

/** The lines after the address line in the full format: IP header, TCP/UDP/ICMP header, references. */
function setFullDetail(out: Record<string, FieldValue>, rest: string): void {
  const ip = IP_HEADER.exec(rest);
  if (ip) {
    setTransport(out, ip[1] as string);
    out['snort.ip.ttl'] = Number(ip[2]);
    out['snort.ip.tos'] = hexNumber(ip[3] as string);
    out['snort.ip.id'] = Number(ip[4]);
    out['snort.ip.length'] = Number(ip[5]);
    out['snort.dgm.length'] = Number(ip[6]);
    if (ip[7]) out['snort.ip.flags'] = ip[7];
  }
  const transport = out['network.transport'];
  if (transport === 'tcp') {
    const t = TCP_DETAIL.exec(rest);
    if (t) {
      out['snort.tcp.flags'] = (t[1] as string).replaceAll('*', '');
      out['snort.tcp.seq'] = hexNumber(t[2] as string);
      out['snort.tcp.ack'] = hexNumber(t[3] as string);
      out['snort.tcp.window'] = hexNumber(t[4] as string);
      out['snort.tcp.length'] = Number(t[5]);
    }
  } else if (transport === 'udp') {
    const u = UDP_DETAIL.exec(rest);
    if (u) out['snort.udp.length'] = Number(u[1]);
  } else if (transport === 'icmp') {
    const c = ICMP_DETAIL.exec(rest);
    if (c) {
      out['snort.icmp.type'] = Number(c[1]);
      out['snort.icmp.code'] = Number(c[2]);
      if (c[3] !== undefined) out['snort.icmp.id'] = Number(c[3]);
      if (c[4] !== undefined) out['snort.icmp.seq'] = Number(c[4]);
    }
  }
  const refs: string[] = [];
  for (const x of rest.matchAll(XREF)) refs.push((x[1] as string).trim());
  if (refs.length > 0) out['rule.reference'] = refs;
}

/** True when `s` starts like one of the accepted shapes; cheap, for match(). */
function looksLikeSnort(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (c0 === 91 /* [ */) {
    if (s.startsWith('[**]')) return true;
    const c1 = s.charCodeAt(1);
    return c1 >= 48 && c1 <= 57 && s.includes('[Priority:');
  }
  return c0 >= 48 && c0 <= 57 && s.charCodeAt(2) === 47 /* / */ && s.includes('[**]');
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const text = typeof f['message'] === 'string' ? f['message'] : '';
  const out: Record<string, FieldValue> = {};
  for (const k in f) {
    if (HEADER_FIELDS.has(k) || k.startsWith('log.')) out[k] = f[k] as FieldValue;
  }
  const program = typeof f['process.name'] === 'string' ? f['process.name'].toLowerCase() : '';
  const isSuricata = program === 'suricata';

  let src: string | undefined;
  let dst: string | undefined;
  let time = NaN;
  const fast = text.length <= MAX_ALERT_LENGTH ? FAST.exec(text) : null;
  if (fast) {
    if (fast[1] !== undefined) time = readDate(fast, 1, ctx);
    setRule(
      out,
      fast[8] as string,
      fast[9] as string,
      fast[10] as string,
      fast[11] as string,
      fast[12],
      fast[13] as string,
    );
    if (fast[14]) out['network.application'] = fast[14].toLowerCase();
    setTransport(out, fast[15] as string);
    const ported = out['network.transport'] === 'tcp' || out['network.transport'] === 'udp';
    src = setEndpoint(out, SOURCE, fast[16] as string, ported);
    dst = setEndpoint(out, DESTINATION, fast[17] as string, ported);
  } else {
    const full = text.length <= MAX_ALERT_LENGTH ? FULL.exec(text) : null;
    if (!full) {
      out['message'] = text;
      record.fields = out;
      return record; // a Snort-looking line of a shape not listed above: kept as text, not guessed at
    }
    setRule(
      out,
      full[1] as string,
      full[2] as string,
      full[3] as string,
      full[4] as string,
      full[5],
      full[6] as string,
    );
    time = readDate(full, 7, ctx);
    const rest = full[16] ?? '';
    setFullDetail(out, rest);
    const ported = out['network.transport'] !== 'icmp';
    src = setEndpoint(out, SOURCE, full[14] as string, ported);
    dst = setEndpoint(out, DESTINATION, full[15] as string, ported);
  }

  out['event.kind'] = 'alert';
  out['event.category'] = ['network', 'intrusion_detection'];
  out['observer.vendor'] = isSuricata ? 'OISF' : 'Snort';
  out['observer.product'] = isSuricata ? 'Suricata' : 'Snort';
  out['observer.type'] = 'ids';
  const host = f['host.hostname'];
  if (typeof host === 'string') out['observer.hostname'] = host;
  if (src) out['network.type'] = src.includes(':') ? 'ipv6' : 'ipv4';
  const direction = directionOf(src, dst);
  if (direction) out['network.direction'] = direction;
  if (!Number.isNaN(time)) {
    record.time = time;
    out['event.timezone'] = ctx.timeZone;
  }
  record.fields = out;
  const logsource: LogSource = { product: isSuricata ? 'suricata' : 'snort', category: 'ids' };
  record.logsource = logsource;
  return record;
}

// A whole line the kv parser took apart (a message with two "k=v" in it) has no `message` field: match() keeps
// its text for normalize(), which runs right after it on the same record.
const kvText = new WeakMap<ParsedRecord, string>();

export const snort: DeviceParser = {
  name: 'snort',
  description: 'Snort alerts: fast lines, syslog output and joined full records, to ECS and snort.*.',
  why: 'the text has Snort\'s "[gid:sid:rev] msg ... [Priority: n]" alert shape',
  match(record, text) {
    const format = record.format;
    if (format === 'text') return looksLikeSnort(text);
    if (format === 'kv') {
      if (!looksLikeSnort(text)) return false;
      kvText.set(record, text);
      return true;
    }
    if (!format.startsWith('rfc')) return false;
    const msg = record.fields['message'];
    return typeof msg === 'string' && looksLikeSnort(msg);
  },
  normalize(record, ctx) {
    const text = kvText.get(record);
    if (text !== undefined) record.fields = { message: text };
    return normalize(record, ctx);
  },
};
