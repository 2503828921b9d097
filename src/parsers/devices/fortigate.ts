// FortiGate (FortiOS) key=value syslog -> ECS: traffic, UTM (virus, webfilter, ips, app-ctrl, dns, ssl, ...) and event logs.
//
// Decisions:
// - The generic kv parse already split the pairs into kv.*; this maps them, following Elastic's
//   fortinet_fortigate integration where it has a mapping, and keeps every other key under fortinet.firewall.*.
// - The time is date + time in the log's tz (else the tenant's zone); eventtime (ns/us/ms/s) becomes event.start.
// - VPN event logs name the remote peer remip and the FortiGate locip: the peer is the source.
// - Logsource: { product: fortigate, category: firewall }, plus service: event for event logs (SigmaHQ's
//   FortiGate rules use { product: fortigate, service: event }).
import type { FieldValue } from '../../core/event.js';
import { parseIsoAt } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toInt } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  ALLOWED_ACTIONS,
  CONSUMED,
  DENIED_ACTIONS,
  INT_FIELDS,
  IP_FIELDS,
  LEGACY_UTM_TYPES,
  LOGID_ACTIONS,
  LOGIN_ACTIONS,
  TEXT_FIELDS,
  UTM_CATEGORY,
  VENDOR_INTS,
} from './maps/fortigate.js';
import { IANA_TRANSPORT, addTo, directionOf, ecsMac, firstString, putInt, putPort } from './network.js';
import { setUrlFields } from './url.js';

const NS = 'fortinet.firewall.';
const KV = 'kv.';
const UTC_NAMES = /^(?:utc|gmt|z)$/i;
const IP_LIST = /, ?/;
const NOT_LETTER = /[^a-z]/g;

type Fields = Record<string, FieldValue>;

/**
 * kv.* name -> the fortinet.firewall.* name it is kept under, or '' when a mapping consumed it. Cached, so a
 * key seen before costs one lookup; fixed size, so sender-chosen keys cannot grow it.
 */
const vendorNames = new Map<string, string>();
function vendorName(kvName: string): string {
  let name = vendorNames.get(kvName);
  if (name === undefined) {
    const key = kvName.slice(KV.length);
    // user and advpnsc are placed by the mapping (ECS or fortinet.firewall.*).
    name = CONSUMED.has(key) || key === 'user' || key === 'advpnsc' ? '' : NS + key;
    if (vendorNames.size < 4096) vendorNames.set(kvName, name);
  }
  return name;
}
const VENDOR_INT_NAMES: ReadonlySet<string> = new Set([...VENDOR_INTS].map((k) => NS + k));

/** Minutes east of UTC from a FortiOS tz value ("-0700", "+02:00", "GMT+9:00", "PST-8"); NaN when unreadable. */
export function tzOffsetMinutes(tz: string): number {
  let i = 0;
  while (i < tz.length) {
    const c = tz.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    i++;
  }
  const sign = tz.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return i > 0 && i === tz.length && UTC_NAMES.test(tz) ? 0 : NaN;
  let h = 0;
  let j = i + 1;
  let digits = 0;
  while (j < tz.length && digits < 4) {
    const d = tz.charCodeAt(j) - 48;
    if (d === 58 - 48) {
      j++;
      continue;
    }
    if (d < 0 || d > 9) return NaN;
    h = h * 10 + d;
    digits++;
    j++;
  }
  if (j !== tz.length || digits === 0) return NaN;
  // 1-2 digits are hours; 3-4 digits are hhmm (or hmm).
  const minutes = digits <= 2 ? h * 60 : Math.floor(h / 100) * 60 + (h % 100);
  if (minutes > 18 * 60) return NaN;
  return sign === 45 ? -minutes : minutes;
}

/** eventtime in s, ms, us or ns -> epoch ms; NaN when not a number. */
export function eventTimeMs(v: string): number {
  const n = v.length;
  if (n < 9 || n > 19) return NaN;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  return n >= 13 ? Number(v.slice(0, 13)) : Number(v) * 1000;
}

/** date + time, in the log's tz when it has one, else in the tenant's zone; NaN when absent. */
function readTime(f: Fields, ctx: ParseContext): number {
  const date = firstString(f['kv.date']);
  const clock = firstString(f['kv.time']);
  if (date === undefined || clock === undefined) return NaN;
  const tz = firstString(f['kv.tz']);
  const offset = tz === undefined ? NaN : tzOffsetMinutes(tz);
  const local = date + 'T' + clock;
  if (Number.isNaN(offset)) return parseIsoAt(local, 0, ctx.timeZone);
  const wall = parseIsoAt(local, 0, 'UTC');
  return Number.isNaN(wall) ? NaN : wall - offset * 60_000;
}

/** The value of a kv.* field (full name, e.g. "kv.srcip"); undefined when absent, empty or "N/A". */
function text(f: Fields, name: string): string | undefined {
  const v = firstString(f[name]);
  return v === undefined || v.length === 0 || v === 'N/A' ? undefined : v;
}

function putCategory(out: Fields, category: string): void {
  addTo(out, 'event.category', category);
}

function putType(out: Fields, type: string): void {
  addTo(out, 'event.type', type);
}

/** [kv name, ECS name, vendor name] of a field map, built once: no string building per line. */
function names(map: Readonly<Record<string, string>>): ReadonlyArray<readonly [string, string, string]> {
  return Object.entries(map).map(([key, ecs]) => [KV + key, ecs, NS + key] as const);
}
const TEXT_NAMES = names(TEXT_FIELDS);
const INT_NAMES = names(INT_FIELDS);
const IP_NAMES = names(IP_FIELDS);

/** Maps the keys every log type shares. */
function mapCommon(f: Fields, out: Fields): void {
  for (const [kv, ecs] of TEXT_NAMES) {
    const v = text(f, kv);
    if (v !== undefined) out[ecs] = v;
  }
  // A value that does not convert stays under fortinet.firewall.* rather than being lost.
  for (const [kv, ecs, vendor] of INT_NAMES) {
    const v = text(f, kv);
    if (v !== undefined && !putPort(out, ecs, v)) out[vendor] = v;
  }
  for (const [kv, ecs, vendor] of IP_NAMES) {
    const v = text(f, kv);
    if (v === undefined) continue;
    if (isIpAddress(v)) out[ecs] = v;
    else out[vendor] = v;
  }
  const proto = out['network.iana_number'];
  if (typeof proto === 'string' && IANA_TRANSPORT[proto]) out['network.transport'] = IANA_TRANSPORT[proto];
  const service = text(f, 'kv.service');
  if (service !== undefined) out['network.protocol'] = service.toLowerCase();
  const duration = text(f, 'kv.duration');
  if (duration !== undefined) {
    const s = toInt(duration);
    if (Number.isNaN(s)) out['fortinet.firewall.duration'] = duration;
    else out['event.duration'] = s * 1_000_000_000;
  }
  const srcmac = text(f, 'kv.srcmac');
  if (srcmac !== undefined) out['source.mac'] = ecsMac(srcmac);
  const dstmac = text(f, 'kv.dstmac');
  if (dstmac !== undefined) out['destination.mac'] = ecsMac(dstmac);
  const srcname = text(f, 'kv.srcname');
  if (srcname !== undefined) out['host.name'] = srcname.toLowerCase();
  const reason = text(f, 'kv.reason');
  if (reason !== undefined) out['event.reason'] = reason;
  const category = text(f, 'kv.appcat') ?? text(f, 'kv.catdesc');
  if (category !== undefined) out['rule.category'] = category.replaceAll('.', '-');
  const app = text(f, 'kv.app');
  if (app !== undefined) out['network.application'] = app;
  const unauth = text(f, 'kv.unauthuser');
  if (unauth !== undefined) out['source.user.name'] = unauth;
}

function normalizeDirection(dir: string): string {
  const d = dir.toLowerCase();
  if (d === 'outgoing' || d === 'outbound') return 'outbound';
  if (d === 'incoming' || d === 'inbound') return 'inbound';
  if (d === 'internal' || d === 'external' || d === 'ingress' || d === 'egress') return d;
  return 'unknown';
}

function putCount(f: Fields, out: Fields, key: string, name: string): void {
  const v = text(f, KV + key);
  if (v !== undefined && !putInt(out, name, v)) out[NS + key] = v;
}

/** sentbyte/rcvdbyte/sentpkt/rcvdpkt: what the source sent and what it got back. */
function mapCounters(f: Fields, out: Fields, swap: boolean): void {
  const sent = swap ? 'destination.' : 'source.';
  const rcvd = swap ? 'source.' : 'destination.';
  putCount(f, out, 'sentbyte', sent + 'bytes');
  putCount(f, out, 'rcvdbyte', rcvd + 'bytes');
  putCount(f, out, 'sentpkt', sent + 'packets');
  putCount(f, out, 'rcvdpkt', rcvd + 'packets');
  const sb = out['source.bytes'];
  const db = out['destination.bytes'];
  if (typeof sb === 'number' && typeof db === 'number') out['network.bytes'] = sb + db;
  const sp = out['source.packets'];
  const dp = out['destination.packets'];
  if (typeof sp === 'number' && typeof dp === 'number') out['network.packets'] = sp + dp;
}

function mapUser(f: Fields, out: Fields): void {
  const user = text(f, 'kv.user');
  if (user === undefined) return;
  if (out['source.user.name'] === undefined && !isIpAddress(user)) out['source.user.name'] = user;
  else out['fortinet.firewall.user'] = user;
}

function mapTraffic(f: Fields, out: Fields): void {
  const action = text(f, 'kv.action');
  out['event.kind'] = 'event';
  putCategory(out, 'network');
  putType(out, 'connection');
  if (action !== undefined) {
    out['event.action'] = action;
    out['event.outcome'] = 'success';
    putType(out, action === 'start' ? 'start' : 'end');
  }
  if (text(f, 'kv.app') !== undefined && action !== 'deny') putType(out, 'protocol');
  const utmaction = text(f, 'kv.utmaction');
  if (utmaction === 'block' || action === 'deny') putType(out, 'denied');
  else if (utmaction === undefined) putType(out, 'allowed');
  mapCounters(f, out, false);
  mapUser(f, out);
  const url = text(f, 'kv.url');
  if (url !== undefined) out['url.path'] = url;
  const comment = text(f, 'kv.comment');
  if (comment !== undefined) out['rule.description'] = comment;
}

function mapUtm(f: Fields, out: Fields, kind: string): void {
  const action = text(f, 'kv.action');
  putCategory(out, 'network');
  const extra = UTM_CATEGORY[kind];
  if (extra !== undefined) putCategory(out, extra);
  if (action !== undefined) {
    out['event.outcome'] = 'success';
    if (DENIED_ACTIONS.has(action)) putType(out, 'denied');
    else if (ALLOWED_ACTIONS.has(action)) putType(out, 'allowed');
  }
  if (kind === 'dns') putType(out, 'info');
  const attack = text(f, 'kv.attack');
  const virus = text(f, 'kv.virus');
  // A detection names what it found: the IPS signature, the virus; a botnet lookup is one too.
  const botnet = text(f, 'kv.botnetdomain') ?? text(f, 'kv.botnetip');
  if (botnet !== undefined) putCategory(out, 'intrusion_detection');
  if (
    kind === 'ips' ||
    kind === 'anomaly' ||
    (kind === 'virus' && virus !== undefined) ||
    botnet !== undefined
  ) {
    out['event.kind'] = 'alert';
    const signature = kind === 'virus' ? virus : attack;
    if (signature !== undefined) out['rule.name'] = signature;
  } else {
    out['event.kind'] = 'event';
  }
  mapCounters(f, out, false);
  mapUser(f, out);
  const profile = text(f, 'kv.profile');
  if (profile !== undefined) out['rule.ruleset'] = profile;
  const url = text(f, 'kv.url');
  if (url !== undefined) setUrlFields(out, url);
  const hostname = text(f, 'kv.hostname');
  if (hostname !== undefined) out['url.domain'] = hostname;
  const ipaddr = text(f, 'kv.ipaddr');
  if (ipaddr !== undefined) {
    const ips = ipaddr.split(IP_LIST).filter(isIpAddress);
    if (ips.length > 0) {
      out['dns.resolved_ip'] = ips;
      for (const ip of ips) addTo(out, 'related.ip', ip);
    }
  }
  const qname = out['dns.question.name'];
  if (typeof qname === 'string') addTo(out, 'related.hosts', qname);
  const sni = out['tls.client.server_name'];
  if (typeof sni === 'string' && out['destination.domain'] === undefined) out['destination.domain'] = sni;
  const tlsver = text(f, 'kv.tlsver');
  if (tlsver !== undefined) putTlsVersion(out, tlsver);
  const crc = text(f, 'kv.filehash');
  if (crc !== undefined) out['fortinet.file.hash.crc32'] = crc;
  const sha = out['file.hash.sha256'];
  if (typeof sha === 'string') addTo(out, 'related.hash', sha);
}

/** "tls1.2" -> tls.version_protocol "tls", tls.version "1.2". */
function putTlsVersion(out: Fields, v: string): void {
  const s = v.toLowerCase();
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57)) i++;
  if (i === 0 || i === s.length) return;
  out['tls.version_protocol'] = s.slice(0, i).replace(NOT_LETTER, '');
  const version = s.slice(i);
  out['tls.version'] = version.includes('.') ? version : version + '.0';
}

function mapEvent(f: Fields, out: Fields, subtype: string | undefined): void {
  const action = text(f, 'kv.action');
  out['event.kind'] = 'event';
  const vpn = subtype === 'vpn';
  if (vpn) {
    putCategory(out, 'network');
    putType(out, 'connection');
    // The remote peer (remip) starts the tunnel: it is the source, the FortiGate (locip) the destination.
    const rem = text(f, 'kv.remip');
    const loc = text(f, 'kv.locip');
    if (out['source.ip'] === undefined && rem !== undefined && isIpAddress(rem)) out['source.ip'] = rem;
    if (out['destination.ip'] === undefined && loc !== undefined && isIpAddress(loc))
      out['destination.ip'] = loc;
    if (out['source.port'] === undefined) putPort(out, 'source.port', text(f, 'kv.remport'));
    if (out['destination.port'] === undefined) putPort(out, 'destination.port', text(f, 'kv.locport'));
    const xauth = text(f, 'kv.xauthuser') ?? text(f, 'kv.eapuser');
    if (xauth !== undefined) out['source.user.name'] = xauth;
  }
  mapCounters(f, out, vpn);
  mapUser(f, out);
  // In event logs dir/direction say which way the tunnel or session went. (In UTM logs `direction` is the
  // way the content flowed, e.g. "incoming" for a download over an outbound session: not network.direction.)
  const dir = text(f, 'kv.dir') ?? text(f, 'kv.direction');
  if (dir !== undefined) out['network.direction'] = normalizeDirection(dir);
  const login = action !== undefined ? LOGIN_ACTIONS[action] : undefined;
  if (login !== undefined || subtype === 'user') {
    putCategory(out, 'authentication');
    if (login !== undefined) putType(out, login);
    if (action === 'login' || action === 'logout') {
      out['event.action'] = action;
      // "Administrator admin login failed from ...": the first word is the account's kind.
      const msg = out['message'];
      const user = out['source.user.name'];
      if (typeof msg === 'string' && typeof user === 'string') {
        const sp = msg.indexOf(' ');
        if (sp > 0 && msg.startsWith(user + ' ', sp + 1)) {
          const role = msg.slice(0, sp);
          out['user.roles'] = [role];
          out['source.user.roles'] = [role];
        }
      }
    }
  }
  if (subtype === 'system' && text(f, 'kv.cfgpath') !== undefined) {
    putCategory(out, 'configuration');
    putType(out, 'change');
  }
  if (subtype === 'update') {
    putCategory(out, 'host');
    putCategory(out, 'malware');
    putType(out, 'info');
  }
  if (action === 'perf-stats') {
    putCategory(out, 'host');
    putType(out, 'info');
  }
  const status = text(f, 'kv.status');
  const result = text(f, 'kv.result');
  if (
    status === 'success' ||
    result === 'OK' ||
    (login !== undefined && status === undefined && action !== 'ssl-login-fail')
  )
    out['event.outcome'] = 'success';
  if (
    status === 'failed' ||
    status === 'failure' ||
    status === 'fail' ||
    status === 'negotiate_error' ||
    result === 'ERROR' ||
    action === 'ssl-login-fail'
  )
    out['event.outcome'] = 'failure';
  const user = out['source.user.name'];
  if (typeof user === 'string') out['user.name'] = user;
  for (const key of ['kv.assignip', 'kv.tunnelip', 'kv.ip']) {
    const ip = text(f, key);
    if (ip !== undefined && isIpAddress(ip)) addTo(out, 'related.ip', ip);
  }
  const advpnsc = text(f, 'kv.advpnsc');
  if (advpnsc !== undefined) out['fortinet.firewall.advpnsc'] = advpnsc !== '0';
}

/** event.action when the log type gave none: the log ID's name, else the log's own words. */
function actionFallback(f: Fields, out: Fields): void {
  if (out['event.action'] !== undefined) return;
  const logid = text(f, 'kv.logid');
  const named = logid !== undefined ? LOGID_ACTIONS[logid] : undefined;
  const action = named ?? text(f, 'kv.eventtype') ?? text(f, 'kv.action');
  if (action !== undefined) out['event.action'] = action;
}

/** Keeps the keys no mapping used under fortinet.firewall.*; the generic kv.* copies go. */
function keepVendorFields(f: Fields, out: Fields): void {
  for (const k in f) {
    const v = f[k] as FieldValue;
    if (k.charCodeAt(0) !== 107 /* k */ || !k.startsWith(KV)) {
      if (out[k] === undefined) out[k] = v;
      continue;
    }
    const name = vendorName(k);
    if (name.length === 0 || v === 'N/A' || v === '' || out[name] !== undefined) continue;
    if (typeof v === 'string' && VENDOR_INT_NAMES.has(name)) {
      const n = toInt(v);
      out[name] = Number.isNaN(n) ? v : n;
    } else {
      out[name] = v;
    }
  }
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const out: Fields = {};
  const type = text(f, 'kv.type') ?? '';
  const subtype = text(f, 'kv.subtype');
  out['observer.vendor'] = 'Fortinet';
  out['observer.product'] = 'Fortigate';
  out['observer.type'] = 'firewall';
  mapCommon(f, out);
  if (type === 'traffic') mapTraffic(f, out);
  else if (type === 'utm') mapUtm(f, out, subtype ?? '');
  else if (LEGACY_UTM_TYPES.has(type)) mapUtm(f, out, type);
  else if (type === 'event') mapEvent(f, out, subtype);
  else {
    out['event.kind'] = 'event';
    mapCounters(f, out, false);
    mapUser(f, out);
  }
  actionFallback(f, out);
  if (out['network.direction'] === undefined) {
    const direction = directionOf(out['source.ip'], out['destination.ip']);
    if (direction !== undefined) out['network.direction'] = direction;
  }
  const time = readTime(f, ctx);
  const tz = text(f, 'kv.tz');
  if (tz !== undefined) out['event.timezone'] = tz;
  const start = text(f, 'kv.eventtime');
  if (start !== undefined) {
    const ms = eventTimeMs(start);
    if (!Number.isNaN(ms)) out['event.start'] = new Date(ms).toISOString();
  }
  keepVendorFields(f, out);
  record.fields = out;
  if (!Number.isNaN(time)) record.time = time;
  record.logsource =
    type === 'event'
      ? { product: 'fortigate', category: 'firewall', service: 'event' }
      : { product: 'fortigate', category: 'firewall' };
  return record;
}

export const fortigate: DeviceParser = {
  name: 'fortigate',
  description: 'Fortinet FortiGate (FortiOS) key=value syslog: traffic, UTM and event logs.',
  why: 'the message carries FortiOS logid= and type= with devid= or vd=',
  match: (record) => {
    const f = record.fields;
    if (f['kv.logid'] === undefined || f['kv.type'] === undefined) return false;
    const devid = f['kv.devid'];
    // FortiSandbox writes the same FortiAnalyzer-style keys; its serials start with FSA.
    if (typeof devid === 'string') return !devid.startsWith('FSA');
    return devid !== undefined || f['kv.vd'] !== undefined;
  },
  normalize,
};
