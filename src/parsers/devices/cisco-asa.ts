// Cisco ASA / Firepower Threat Defense syslog ("%ASA-6-302013: Built ...") -> ECS, vendor detail under cisco.asa.*.
//
// Decisions:
// - The "%ASA-<severity>-<id>" code may be the syslog tag (devices without "logging device-id") or the start of
//   the message; a relay's own header may come before the ASA's timestamp, which then wins as the event time.
// - Message IDs are read with the patterns in maps/cisco-asa.ts (data), following Elastic's cisco_asa
//   integration: fields, names and categorization; an ID with no pattern keeps the header fields only.
// - Source is the initiator: outbound 302013/302015 and inbound 302020 are swapped (as Elastic does for
//   302013/302015). A 305011/305012 translation's second address is the source's NAT address, not a destination.
// - FTD lines ("%FTD-...") go under cisco.ftd.* with observer.product "ftd", like Elastic's cisco_ftd.
// - Logsource: { product: cisco, category: firewall }.
import type { FieldValue } from '../../core/event.js';
import { isoTime, lastEnd, looksBsdAt, looksIsoAt, parseBsdAt, parseIsoAt } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toInt } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  INT_GROUPS,
  LOG_LEVELS,
  MESSAGES,
  type AsaCategorization,
  type AsaPattern,
} from './maps/cisco-asa.js';
import { IANA_NUMBER, IANA_TRANSPORT } from './network.js';
import { interned } from '../names.js';

type Fields = Record<string, FieldValue>;

/** "%ASA-6-302013:" at lastIndex; FTD may add a class ("%FTD-session-6-430003"). */
const CODE = /%(ASA|FTD)-(?:[A-Za-z_]+-)?([0-7])-(\d+):?\s*/y;
/** How far into the message the code may start (after a relay-added timestamp and host). */
const MAX_CODE_AT = 80;
const LIST_SEPARATOR = /,\s+/;
const MASKED = /^\*+$/;

const TRANSPORT_ALIASES: Readonly<Record<string, string>> = { icmp6: 'ipv6-icmp', icmpv6: 'ipv6-icmp' };

/** "asa.x" -> "cisco.asa.x" / "cisco.ftd.x", built once per name. */
const vendorNames = { asa: new Map<string, string>(), ftd: new Map<string, string>() };
function vendorName(product: 'asa' | 'ftd', name: string): string {
  const cache = product === 'asa' ? vendorNames.asa : vendorNames.ftd;
  let full = cache.get(name);
  if (full === undefined) {
    full = interned(`cisco.${product}.${name.slice(4)}`);
    cache.set(name, full);
  }
  return full;
}

/** The vendor fields read back once the patterns ran, spelled out per product (as literals: see putNat). */
const READ_BACK = {
  asa: {
    messageId: 'cisco.asa.message_id',
    ruleName: 'cisco.asa.rule_name',
    source: { ip: 'cisco.asa.mapped_source_ip', port: 'cisco.asa.mapped_source_port' },
    destination: { ip: 'cisco.asa.mapped_destination_ip', port: 'cisco.asa.mapped_destination_port' },
  },
  ftd: {
    messageId: 'cisco.ftd.message_id',
    ruleName: 'cisco.ftd.rule_name',
    source: { ip: 'cisco.ftd.mapped_source_ip', port: 'cisco.ftd.mapped_source_port' },
    destination: { ip: 'cisco.ftd.mapped_destination_ip', port: 'cisco.ftd.mapped_destination_port' },
  },
} as const;

function isCodeAt(s: string, i: number): boolean {
  return s.startsWith('%ASA-', i) || s.startsWith('%FTD-', i);
}

function match(record: ParsedRecord): boolean {
  const f = record.fields;
  const p = f['process.name'];
  if (typeof p === 'string' && p.charCodeAt(0) === 37 && isCodeAt(p, 0)) return true;
  const m = f['message'];
  if (typeof m !== 'string') return false;
  const k = m.indexOf('%');
  return k >= 0 && k <= MAX_CODE_AT && isCodeAt(m, k) && (k === 0 || m.charCodeAt(k - 1) === 32);
}

/** The field names of one side of a connection, spelled out once so hot paths build no strings. */
interface Side {
  address: string;
  ip: string;
  domain: string;
  port: string;
  natIp: string;
  natPort: string;
}

const side = (s: 'source' | 'destination'): Side => ({
  address: interned(`${s}.address`),
  ip: interned(`${s}.ip`),
  domain: interned(`${s}.domain`),
  port: interned(`${s}.port`),
  natIp: interned(`${s}.nat.ip`),
  natPort: interned(`${s}.nat.port`),
});
const SOURCE = side('source');
const DESTINATION = side('destination');

interface UserNames {
  name: string;
  domain: string;
  email: string;
}

const userNames = (prefix: string): UserNames => ({
  name: interned(`${prefix}user.name`),
  domain: interned(`${prefix}user.domain`),
  email: interned(`${prefix}user.email`),
});
const USER = userNames('');
const SOURCE_USER = userNames('source.');
const DESTINATION_USER = userNames('destination.');

/** Per-message state the pseudo-groups fill before the fields are finished. */
interface Scratch {
  durationSec: number;
  outcome: string | undefined;
}

/**
 * "LOCAL\jdoe", "CORP\jdoe", "jdoe@corp.example", "jdoe, 5:sgt" -> <prefix>user.name / .domain / .email.
 * A masked name ("*****", the ASA's default in failed logins) names nobody and is left out.
 */
function putUser(f: Fields, names: UserNames, raw: string): void {
  let v = raw;
  const comma = v.indexOf(',');
  if (comma >= 0) v = v.slice(0, comma);
  v = v.trim();
  if (v.length === 0 || MASKED.test(v)) return;
  if (v.startsWith('LOCAL\\')) v = v.slice(6);
  const slash = v.lastIndexOf('\\');
  if (slash > 0) {
    f[names.domain] = v.slice(0, slash);
    v = v.slice(slash + 1);
  } else {
    const at = v.indexOf('@');
    if (at > 0 && at < v.length - 1) {
      f[names.email] = v;
      f[names.domain] = v.slice(at + 1);
      v = v.slice(0, at);
    }
  }
  if (v.length > 0) f[names.name] = v;
}

function putAddress(f: Fields, s: Side, v: string): void {
  f[s.address] = v;
  if (isIpAddress(v)) f[s.ip] = v;
  else f[s.domain] = v;
}

function putTransport(f: Fields, v: string): void {
  const lower = v.toLowerCase();
  if (Number.isNaN(toInt(lower))) {
    const name = TRANSPORT_ALIASES[lower] ?? lower;
    f['network.transport'] = name;
    const n = IANA_NUMBER[name];
    if (n !== undefined) f['network.iana_number'] = n;
  } else {
    f['network.iana_number'] = lower;
    const name = IANA_TRANSPORT[lower];
    if (name !== undefined) f['network.transport'] = name;
  }
}

/** "h:mm:ss" (hours may exceed 24) -> seconds; NaN when unreadable. */
function hmsSeconds(v: string): number {
  let total = 0;
  let cur = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 58) {
      total = (total + cur) * 60;
      cur = 0;
    } else if (c >= 48 && c <= 57) cur = cur * 10 + (c - 48);
    else return NaN;
  }
  return total + cur;
}

function putGroup(f: Fields, product: 'asa' | 'ftd', name: string, v: string, st: Scratch): void {
  switch (name) {
    case 'source.address':
      return putAddress(f, SOURCE, v);
    case 'destination.address':
      return putAddress(f, DESTINATION, v);
    case 'user':
      return putUser(f, USER, v);
    case 'source.user':
      return putUser(f, SOURCE_USER, v);
    case 'destination.user':
      return putUser(f, DESTINATION_USER, v);
    case 'network.transport':
      return putTransport(f, v);
    case 'network.direction':
    case 'network.protocol':
      f[name] = v.toLowerCase();
      return;
    case 'duration':
      st.durationSec = hmsSeconds(v);
      return;
    case 'outcome':
      st.outcome = v;
      return;
  }
  let value: FieldValue = v;
  if (INT_GROUPS.has(name)) {
    const n = toInt(v);
    if (Number.isNaN(n)) return;
    value = n;
  }
  if (name.startsWith('asa.')) {
    if (name === 'asa.dap_records') value = v.split(LIST_SEPARATOR);
    f[vendorName(product, name)] = value;
    if (name === 'asa.source_interface') f['observer.ingress.interface.name'] = value;
    else if (name === 'asa.destination_interface') f['observer.egress.interface.name'] = value;
  } else {
    f[name] = value;
  }
}

/** Fills source/destination.nat.* where the mapped address or port (`mapped` names them) differs from the real one. */
function putNat(f: Fields, s: Side, mapped: { ip: string; port: string }): void {
  const ip = f[mapped.ip];
  if (typeof ip === 'string' && ip !== f[s.ip] && isIpAddress(ip)) f[s.natIp] = ip;
  const port = f[mapped.port];
  if (typeof port === 'number' && port !== f[s.port]) f[s.natPort] = port;
}

function applyPattern(
  f: Fields,
  product: 'asa' | 'ftd',
  pattern: AsaPattern,
  m: RegExpExecArray,
  st: Scratch,
): void {
  const groups = pattern.groups;
  for (let i = 0; i < groups.length; i++) {
    const name = groups[i];
    const v = m[i + 1];
    if (name === null || name === undefined || v === undefined || v.length === 0) continue;
    putGroup(f, product, name, v, st);
  }
  if (pattern.set) for (const k in pattern.set) f[k] = pattern.set[k] as string;
}

function categorize(f: Fields, c: AsaCategorization): void {
  if (c.category) f['event.category'] = c.category.slice();
  if (c.type) f['event.type'] = c.type.slice();
  if (c.outcome) f['event.outcome'] = c.outcome;
  if (c.action) f['event.action'] = c.action;
}

/**
 * Reads what a relay left before the code: the firewall's own "Mmm dd [yyyy] hh:mm:ss" (or ISO) time, which
 * becomes the event time, and the firewall's name after it. Returns that name ("" when there is none).
 */
function readPrefix(record: ParsedRecord, text: string, at: number, ctx: ParseContext): string {
  let t = NaN;
  if (looksIsoAt(text, 0)) t = parseIsoAt(text, 0, ctx.timeZone);
  else if (looksBsdAt(text, 0)) t = parseBsdAt(text, 0, ctx.timeZone, ctx.receivedAt);
  if (Number.isNaN(t)) return '';
  record.time = t;
  let i = lastEnd;
  let e = at;
  while (i < e && (text.charCodeAt(i) === 58 || text.charCodeAt(i) === 32)) i++;
  while (e > i && (text.charCodeAt(e - 1) === 58 || text.charCodeAt(e - 1) === 32)) e--;
  const name = text.slice(i, e);
  return name.indexOf(' ') < 0 ? name : '';
}

/** A message with "=" in it also went through the generic key=value parse: those kv.* guesses are noise here. */
function dropKv(f: Fields): void {
  for (const k in f) if (k.startsWith('kv.')) delete f[k];
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const msg = typeof f['message'] === 'string' ? f['message'] : '';
  const p = f['process.name'];
  const inTag = typeof p === 'string' && isCodeAt(p, 0);
  const at = inTag ? 0 : msg.indexOf('%');
  CODE.lastIndex = at;
  const code = CODE.exec(inTag ? (p as string) : msg);
  if (!code) return record;
  const text = inTag ? msg : msg.slice(CODE.lastIndex);
  // A relay's header came first: its host is not the firewall (the firewall's own name may follow its time).
  let relayed: string | null = null;
  if (inTag) {
    // The code was read as the syslog tag: it is not a program name.
    delete f['process.name'];
    delete f['log.syslog.appname'];
  } else if (at > 0) {
    relayed = readPrefix(record, msg, at, ctx);
  }
  if (record.format.endsWith('+kv')) dropKv(f);
  const product = code[1] === 'FTD' ? 'ftd' : 'asa';
  const severity = Number(code[2]);
  const id = code[3] as string;

  f['message'] = text;
  f['event.code'] = id;
  const names = READ_BACK[product];
  f[names.messageId] = id;
  f['event.severity'] = severity;
  f['log.level'] = LOG_LEVELS[severity] as string;
  f['event.category'] = ['network'];
  f['observer.vendor'] = 'Cisco';
  f['observer.product'] = product;
  f['observer.type'] = 'firewall';
  const host = relayed ?? f['host.hostname'];
  if (typeof host === 'string' && host.length > 0) f['observer.hostname'] = host;
  record.logsource = { product: 'cisco', category: 'firewall' };

  const def = MESSAGES[id];
  if (!def) return record;
  const st: Scratch = { durationSec: NaN, outcome: undefined };
  if (def.patterns) {
    for (const pattern of def.patterns) {
      const m = pattern.re.exec(text);
      if (!m) continue;
      applyPattern(f, product, pattern, m, st);
      break;
    }
  }
  categorize(f, def);
  if (def.byOutcome && st.outcome !== undefined) {
    const c = def.byOutcome[st.outcome];
    if (c) categorize(f, c);
  }
  putNat(f, SOURCE, names.source);
  putNat(f, DESTINATION, names.destination);
  const rule = f[names.ruleName];
  if (typeof rule === 'string') f['rule.name'] = rule;
  if (!Number.isNaN(st.durationSec)) {
    const ns = st.durationSec * 1e9;
    f['event.duration'] = ns;
    if (record.time !== undefined && Number.isFinite(record.time)) {
      f['event.end'] = isoTime(record.time);
      f['event.start'] = isoTime(record.time - st.durationSec * 1000);
    }
  }
  if (f['user.name'] === undefined) {
    const u = f['source.user.name'] ?? f['server.user.name'];
    if (typeof u === 'string') f['user.name'] = u;
  }
  return record;
}

export const ciscoAsa: DeviceParser = {
  name: 'cisco-asa',
  description:
    'Cisco ASA and Firepower (FTD) syslog: "%ASA-n-NNNNNN:" connections, NAT, denies, AAA/VPN and config messages to ECS + cisco.asa.*.',
  why: 'the syslog tag or message starts with a "%ASA-" or "%FTD-" message code',
  match,
  normalize,
};
