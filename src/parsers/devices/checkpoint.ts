// Check Point Log Exporter -> ECS: the syslog form ([key:"value"; ...] after an RFC 5424 header), the
// key="value" form and the JSON form; firewall, threat prevention, URL filtering and management logs.
//
// Decisions:
// - Mapping follows Elastic's checkpoint integration: src/dst also become client.*/server.*, ifdir is
//   network.direction, ifname the ingress or egress interface by ifdir; other keys go to checkpoint.*.
// - NAT fields are set only when a translation happened (not 0.0.0.0 / port 0).
// - The time is the syslog header's; without one, the `time` key (epoch seconds).
// - Logsource { product: checkpoint, category: firewall } (Sigma's product name).
import type { FieldValue } from '../../core/event.js';
import { interned } from '../names.js';
import { epochToMs } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { hashField, isIpAddress, toInt, toPort } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  ALLOWED_ACTIONS,
  CONSUMED,
  DENIED_ACTIONS,
  DETECTION_BLADES,
  INT_FIELDS,
  IP_FIELDS,
  OTHER_BLADES,
  TEXT_FIELDS,
} from './maps/checkpoint.js';
import { IANA_TRANSPORT, addTo } from './network.js';
import { setUrlFields } from './url.js';

const NS = 'checkpoint.';

type Fields = Record<string, FieldValue>;
type Pairs = Map<string, string>;

/** "product=VPN-1 & FireWall-1[db_tag={...};mgmt=gw;date=1585487925;policy_name=Standard]" -> "Standard". */
const POLICY_NAME = /policy_name=([^;\]]+)/;
/** Identity Awareness names users "Full Name (login)". */
const USER_WITH_LOGIN = /^(.+?) \(([^()]+)\)$/;
/** URL Filtering's `resource` may lack the scheme. */
const URL_OPTIONS = { schemelessHost: true } as const;

function add(pairs: Pairs, key: string, value: string): void {
  // A repeated key (Log Exporter repeats `version`) keeps its first value; the rest are not lost: key_2, key_3...
  if (!pairs.has(key)) {
    pairs.set(key, value);
    return;
  }
  for (let n = 2; n < 10; n++) {
    const k = key + '_' + n;
    if (!pairs.has(k)) {
      pairs.set(k, value);
      return;
    }
  }
}

/**
 * Reads the Log Exporter syslog body `[key:"value"; key2:"value2"]` into `pairs`; returns how many. Values
 * unescape \" \\ \] ; a doubled colon ("sys_message::") is read as one.
 */
export function readBracketPairs(s: string, pairs: Pairs): number {
  const n = s.length;
  let i = s.charCodeAt(0) === 91 /* [ */ ? 1 : 0;
  let count = 0;
  while (i < n) {
    while (i < n && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 59) /* ; */) i++;
    if (i >= n || s.charCodeAt(i) === 93 /* ] */) break;
    const colon = s.indexOf(':', i);
    if (colon < 0) break;
    const key = s.slice(i, colon);
    let j = colon + 1;
    while (s.charCodeAt(j) === 58) j++;
    if (s.charCodeAt(j) !== 34 /* " */ || key.length === 0 || key.indexOf(' ') >= 0) break;
    j++;
    let value = '';
    let from = j;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === 92 /* \ */ && j + 1 < n) {
        value += s.slice(from, j);
        from = j + 1;
        j++;
        continue;
      }
      if (c === 34) break;
    }
    value += s.slice(from, j);
    add(pairs, key, value);
    count++;
    i = j + 1;
  }
  return count;
}

function collectPairs(record: ParsedRecord): Pairs {
  const f = record.fields;
  const pairs: Pairs = new Map();
  const msg = f['message'];
  if (typeof msg === 'string' && msg.charCodeAt(0) === 91 && readBracketPairs(msg, pairs) > 0) return pairs;
  const json = record.format.startsWith('json');
  for (const k in f) {
    const v = f[k];
    if (k.startsWith('kv.')) {
      const key = k.slice(3);
      if (typeof v === 'string') add(pairs, key, v);
      else if (Array.isArray(v) && typeof v[0] === 'string') add(pairs, key, v[0]);
    } else if (json && k.indexOf('.') < 0 && k !== 'message' && v !== null && !Array.isArray(v)) {
      add(pairs, k, String(v));
    }
  }
  return pairs;
}

function get(pairs: Pairs, key: string): string | undefined {
  const v = pairs.get(key);
  return v === undefined || v.length === 0 ? undefined : v;
}

function mapPairs(pairs: Pairs, out: Fields): void {
  for (const key in TEXT_FIELDS) {
    const v = get(pairs, key);
    if (v !== undefined) out[TEXT_FIELDS[key] as string] = v;
  }
  for (const key in INT_FIELDS) {
    const v = get(pairs, key);
    if (v === undefined) continue;
    const name = INT_FIELDS[key] as string;
    const n = name.endsWith('.port') ? toPort(v) : toInt(v);
    if (Number.isNaN(n)) out[NS + key] = v;
    else out[name] = n;
  }
  for (const key in IP_FIELDS) {
    const v = get(pairs, key);
    if (v === undefined) continue;
    if (isIpAddress(v)) out[IP_FIELDS[key] as string] = v;
    else out[NS + key] = v;
  }
  const proto = get(pairs, 'proto');
  if (proto !== undefined) {
    out['network.iana_number'] = proto;
    const transport = IANA_TRANSPORT[proto];
    if (transport !== undefined) out['network.transport'] = transport;
  }
  const ifdir = get(pairs, 'ifdir');
  if (ifdir !== undefined) out['network.direction'] = ifdir;
  const ifname = get(pairs, 'ifname');
  if (ifname !== undefined) {
    if (ifdir === 'outbound') out['observer.egress.interface.name'] = ifname;
    else out['observer.ingress.interface.name'] = ifname;
  }
  putNat(pairs, out, 'xlatesrc', 'source.nat.ip', true);
  putNat(pairs, out, 'xlatedst', 'destination.nat.ip', true);
  putNat(pairs, out, 'xlatesport', 'source.nat.port', false);
  putNat(pairs, out, 'xlatedport', 'destination.nat.port', false);
  for (const key of ['file_md5', 'file_sha1', 'file_sha256']) {
    const v = get(pairs, key);
    if (v === undefined) continue;
    const name = hashField(v);
    if (name !== undefined) {
      out[name] = v.toLowerCase();
      addTo(out, 'related.hash', v.toLowerCase());
    } else {
      out[NS + key] = v;
    }
  }
  const url = get(pairs, 'resource');
  if (url !== undefined) setUrlFields(out, url, URL_OPTIONS);
  const dns = out['dns.question.name'];
  if (typeof dns === 'string') addTo(out, 'related.hosts', dns);
  const severity = get(pairs, 'severity');
  if (severity !== undefined) {
    const n = toInt(severity);
    if (!Number.isNaN(n)) out['event.severity'] = n;
  }
  const tag = get(pairs, '__policy_id_tag');
  if (tag !== undefined) {
    const m = POLICY_NAME.exec(tag);
    if (m?.[1]) out['rule.ruleset'] = m[1];
  }
  if (out['rule.name'] === undefined) {
    const protection = get(pairs, 'protection_name');
    if (protection !== undefined) out['rule.name'] = protection;
  }
  if (out['network.application'] === undefined) {
    const app = get(pairs, 'appi_name');
    if (app !== undefined) out['network.application'] = app;
  }
  const user = get(pairs, 'user');
  if (user !== undefined && out['user.name'] === undefined && out['source.user.name'] === undefined)
    out['source.user.name'] = user;
  splitUser(out, 'source.user');
  splitUser(out, 'destination.user');
  // Management audit logs name the administrator's address client_ip.
  const client = get(pairs, 'client_ip');
  if (client !== undefined && out['source.ip'] === undefined && isIpAddress(client))
    out['source.ip'] = client;
}

/** "Taro Tanaka (ttanaka)" -> <prefix>.name "ttanaka", <prefix>.full_name "Taro Tanaka". */
function splitUser(out: Fields, prefix: string): void {
  const v = out[prefix + '.name'];
  if (typeof v !== 'string') return;
  const m = USER_WITH_LOGIN.exec(v);
  if (!m?.[1] || !m[2]) return;
  out[prefix + '.name'] = m[2];
  out[prefix + '.full_name'] = m[1];
}

function putNat(pairs: Pairs, out: Fields, key: string, name: string, ip: boolean): void {
  const v = get(pairs, key);
  if (v === undefined) return;
  if (ip) {
    if (v !== '0.0.0.0' && v !== '::' && isIpAddress(v)) out[name] = v;
    else if (!isIpAddress(v)) out[NS + key] = v;
    return;
  }
  const n = toPort(v);
  if (Number.isNaN(n)) out[NS + key] = v;
  else if (n !== 0) out[name] = n;
}

/** Elastic copies the session ends to client.* and server.*. */
function putClientServer(out: Fields): void {
  const pairs: ReadonlyArray<readonly [string, string]> = [
    ['source.ip', 'client.ip'],
    ['source.port', 'client.port'],
    ['source.nat.ip', 'client.nat.ip'],
    ['source.nat.port', 'client.nat.port'],
    ['destination.ip', 'server.ip'],
    ['destination.port', 'server.port'],
    ['destination.nat.ip', 'server.nat.ip'],
    ['destination.nat.port', 'server.nat.port'],
  ];
  for (const [from, to] of pairs) {
    const v = out[from];
    if (v !== undefined) out[to] = v;
  }
}

function categorize(pairs: Pairs, out: Fields): void {
  out['event.kind'] = 'event';
  addTo(out, 'event.category', 'network');
  const product = get(pairs, 'product');
  const action = get(pairs, 'action');
  const detection = product !== undefined ? DETECTION_BLADES[product] : undefined;
  if (detection !== undefined) {
    for (const c of detection) addTo(out, 'event.category', c);
    if (action === 'Detect' || action === 'Prevent') out['event.kind'] = 'alert';
  }
  const other = product !== undefined ? OTHER_BLADES[product] : undefined;
  if (other !== undefined) for (const c of other) addTo(out, 'event.category', c);
  if (action !== undefined) {
    if (ALLOWED_ACTIONS.has(action)) {
      addTo(out, 'event.type', 'allowed');
      addTo(out, 'event.type', 'connection');
      out['event.outcome'] = 'success';
    } else if (DENIED_ACTIONS.has(action)) {
      addTo(out, 'event.type', 'denied');
      addTo(out, 'event.type', 'connection');
    }
  }
  // Management audit logs: "operation" says what the administrator did, "status" how it went.
  const operation = get(pairs, 'operation');
  if (operation !== undefined && out['event.action'] === undefined) out['event.action'] = operation;
  if (get(pairs, 'administrator') !== undefined) {
    const status = get(pairs, 'status');
    if (status === 'Success') out['event.outcome'] = 'success';
    else if (status === 'Failure' || status === 'Failed') out['event.outcome'] = 'failure';
  }
  // Logins: an administrator into SmartConsole, a user seen by Identity Awareness.
  const what = out['event.action'];
  if (what === 'Log In' || what === 'Log Out') {
    addTo(out, 'event.category', 'authentication');
    addTo(out, 'event.type', what === 'Log In' ? 'start' : 'end');
    const auth = get(pairs, 'auth_status');
    if (auth !== undefined) {
      if (auth.startsWith('Successful')) out['event.outcome'] = 'success';
      else if (auth.startsWith('Fail')) out['event.outcome'] = 'failure';
    }
  }
}

/** Check Point key -> "checkpoint.<key>", or '' when a mapping consumed it; cached with a fixed bound. */
const vendorNames = new Map<string, string>();
function vendorName(key: string): string {
  let name = vendorNames.get(key);
  if (name === undefined) {
    name = CONSUMED.has(key) ? '' : interned(NS + key);
    if (vendorNames.size < 4096) vendorNames.set(key, name);
  }
  return name;
}

function keepVendorFields(pairs: Pairs, out: Fields): void {
  for (const [key, value] of pairs) {
    if (value.length === 0) continue;
    const name = vendorName(key);
    if (name.length > 0 && out[name] === undefined) out[name] = value;
  }
}

function normalize(record: ParsedRecord, _ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const pairs = collectPairs(record);
  const out: Fields = {};
  out['observer.vendor'] = 'Checkpoint';
  out['observer.type'] = 'firewall';
  mapPairs(pairs, out);
  putClientServer(out);
  categorize(pairs, out);
  keepVendorFields(pairs, out);
  // The syslog header and the raw body as the message; the generic kv.* / JSON copies are dropped.
  const json = record.format.startsWith('json');
  for (const k in f) {
    if (k.startsWith('kv.') || out[k] !== undefined) continue;
    if (json && k.indexOf('.') < 0 && k !== 'message') continue;
    out[k] = f[k] as FieldValue;
  }
  record.fields = out;
  if (record.time === undefined) {
    const t = get(pairs, 'time');
    const ms = t === undefined ? NaN : epochToMs(toInt(t));
    if (!Number.isNaN(ms)) record.time = ms;
  }
  record.logsource = { product: 'checkpoint', category: 'firewall' };
  return record;
}

export const checkpoint: DeviceParser = {
  name: 'checkpoint',
  description:
    'Check Point Log Exporter (syslog [key:"value"] body, key="value" or JSON): firewall and blade logs.',
  why: 'the syslog app name is CheckPoint, or the message carries Check Point loguid and origin fields',
  match: (record) => {
    const f = record.fields;
    if (f['log.syslog.appname'] === 'CheckPoint') return true;
    if (f['kv.loguid'] !== undefined && f['kv.origin'] !== undefined) return true;
    if (f['loguid'] !== undefined && f['origin'] !== undefined) return true;
    const m = f['message'];
    return (
      typeof m === 'string' &&
      m.charCodeAt(0) === 91 &&
      m.indexOf('loguid:"') > 0 &&
      m.indexOf('origin:"') > 0
    );
  },
  normalize,
};
