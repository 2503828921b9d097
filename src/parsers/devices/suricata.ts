// Suricata EVE JSON (alert, flow, http, dns v1/v2/v3, tls, fileinfo, ssh, anomaly, stats, ...) to ECS + suricata.eve.*.
//
// The generic JSON parse has flattened the EVE object ("alert.signature", "http.url", "dns.rrname"); those names clash
// with ECS's own http.*, dns.* and tls.*, so every EVE key is first moved under `suricata.eve.` and ECS is built from the
// values. Like Elastic's pipeline, keys that were moved to ECS (addresses, ports, timestamps, counters, HTTP request
// parts) are not kept twice; everything else stays under suricata.eve.* with EVE's own names.
import type { FieldValue, LogSource, Scalar } from '../../core/event.js';
import { interned } from '../names.js';
import { parseIsoAt } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { putDomainParts } from './endpoint-common.js';
import type { DeviceParser } from './index.js';
import { ecsMac } from './network.js';
import { setUrlFields } from './url.js';

const NS = 'suricata.eve.';
const EVE_EVENT_TYPE = interned(NS + 'event_type');
const EVE_FLOW_ID = interned(NS + 'flow_id');
const EVE_SNI = interned(NS + 'tls.sni');

/** EVE event types Suricata 5-8 write; a JSON line with one of these and a `timestamp` is EVE. */
const EVENT_TYPES: ReadonlySet<string> = new Set([
  'alert',
  'anomaly',
  'arp',
  'bittorrent-dht',
  'dcerpc',
  'dhcp',
  'dnp3',
  'dns',
  'drop',
  'enip',
  'fileinfo',
  'flow',
  'frame',
  'ftp',
  'ftp_data',
  'http',
  'http2',
  'ike',
  'krb5',
  'ldap',
  'mdns',
  'modbus',
  'mqtt',
  'netflow',
  'nfs',
  'pgsql',
  'pop3',
  'quic',
  'rdp',
  'rfb',
  'sip',
  'smb',
  'smtp',
  'snmp',
  'ssh',
  'stats',
  'tftp',
  'tls',
  'websocket',
]);

interface TypeInfo {
  kind?: string;
  category: string[];
  type?: string[];
  protocol?: string;
}

/** ECS event.kind/category/type and network.protocol per EVE event type (data, as in Elastic's pipeline). */
const BY_TYPE: Readonly<Record<string, TypeInfo>> = {
  alert: { kind: 'alert', category: ['network', 'intrusion_detection'] },
  anomaly: { category: ['network'], type: ['info'] },
  dns: { category: ['network'], type: ['protocol'], protocol: 'dns' },
  drop: { category: ['network'], type: ['denied'] },
  flow: { category: ['network'], type: ['connection'] },
  netflow: { category: ['network'], type: ['connection'] },
  ftp: { category: ['network'], type: ['protocol'], protocol: 'ftp' },
  ftp_data: { category: ['network'], type: ['protocol'], protocol: 'ftp' },
  http: { category: ['network', 'web'], type: ['access', 'protocol'], protocol: 'http' },
  http2: { category: ['network', 'web'], type: ['access', 'protocol'], protocol: 'http' },
  mqtt: { category: ['network'], type: ['protocol'], protocol: 'mqtt' },
  rdp: { category: ['network'], type: ['protocol'], protocol: 'rdp' },
  rfb: { category: ['network'], type: ['protocol'], protocol: 'rfb' },
  smb: { category: ['network'], type: ['protocol'], protocol: 'smb' },
  ssh: { category: ['network'], type: ['protocol'], protocol: 'ssh' },
  stats: { kind: 'metric', category: ['network'] },
  tftp: { category: ['network'], type: ['protocol'], protocol: 'tftp' },
  tls: { category: ['network'], type: ['protocol'], protocol: 'tls' },
};
const DEFAULT_TYPE: TypeInfo = { category: ['network'] };

/** Flattened EVE keys whose value went to ECS and is not kept under suricata.eve (as Elastic removes them). */
const MOVED: ReadonlySet<string> = new Set([
  'timestamp',
  'src_ip',
  'src_port',
  'dest_ip',
  'dest_port',
  'proto',
  'app_proto',
  'ether.src_mac',
  'ether.dest_mac',
  'alert.action',
  'alert.severity',
  'http.hostname',
  'http.url',
  'http.http_refer',
  'http.length',
  'http.http_method',
  'http.http_user_agent',
  'http.status',
  'fileinfo.filename',
  'fileinfo.size',
  'flow.pkts_toserver',
  'flow.pkts_toclient',
  'flow.bytes_toserver',
  'flow.bytes_toclient',
  'flow.start',
  'flow.end',
  'dns.aa',
  'dns.tc',
  'dns.rd',
  'dns.ra',
  'dns.qr',
  'dns.version',
  'dns.flags',
  'dns.answers',
]);

/** Syslog header fields kept as they are when EVE arrives behind a syslog header (Suricata's `filetype: syslog`). */
const HEADER_FIELDS: ReadonlySet<string> = new Set(['host.hostname', 'process.name', 'process.pid']);

/** Suricata rule metadata keys with an ECS home. */
const METADATA_ECS: Readonly<Record<string, string>> = {
  'alert.metadata.mitre_tactic_id': 'threat.tactic.id',
  'alert.metadata.mitre_tactic_name': 'threat.tactic.name',
  'alert.metadata.mitre_technique_id': 'threat.technique.id',
  'alert.metadata.mitre_technique_name': 'threat.technique.name',
};

/** EVE dns.type -> ECS dns.type ("query" or "answer"); v3 (Suricata 8) says request/response. */
const DNS_TYPES: Readonly<Record<string, string>> = { request: 'query', response: 'answer' };

/** X.509 distinguished-name attributes -> the ECS x509 field suffix. */
const DN_FIELDS: Readonly<Record<string, string>> = {
  C: 'country',
  CN: 'common_name',
  L: 'locality',
  O: 'organization',
  OU: 'organizational_unit',
  ST: 'state_or_province',
};

// EVE key -> its suricata.eve.* name, or '' for a key moved to ECS; worked out once per key, since EVE repeats the
// same keys on every line.
const names = new Map<string, string>();
const MAX_NAMES = 20_000;
function eveName(key: string): string {
  let n = names.get(key);
  if (n === undefined) {
    n = MOVED.has(key) || key.startsWith('dns.grouped.') ? '' : NS + key;
    if (names.size < MAX_NAMES) names.set(key, n);
  }
  return n;
}

function str(v: FieldValue | undefined): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function num(v: FieldValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.length > 0 && v.length < 20) {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** EVE times carry an offset ("2018-07-05T15:01:09.820360-0400"); certificate times are UTC without one. */
function isoTime(v: FieldValue | undefined, tz: string): number {
  return typeof v === 'string' ? parseIsoAt(v, 0, tz) : NaN;
}

function toIso(ms: number): string | undefined {
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The objects of an array the JSON flattener kept as JSON text (dns answers, alert dns queries). */
function objectList(v: FieldValue | undefined): Record<string, unknown>[] {
  if (typeof v !== 'string' || v.charCodeAt(0) !== 91 /* [ */) return [];
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed)
      ? parsed.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
      : [];
  } catch {
    return [];
  }
}

function pushUnique(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}

/**
 * Splits an RFC 4514-ish one-line DN ("CN=a, OU=b, O=Acme U.S.A., INC., C=US") at ", " followed by "KEY=", so
 * commas inside a value stay in it, and writes tls.server.x509.<prefix>.* as arrays.
 */
function setDn(out: Record<string, FieldValue>, dn: string, prefix: string): void {
  const parts: Record<string, string[]> = {};
  let start = 0;
  const add = (end: number): void => {
    const part = dn.slice(start, end);
    const eq = part.indexOf('=');
    if (eq <= 0) return;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    const field = DN_FIELDS[key];
    if (field && value.length > 0) (parts[field] ??= []).push(value);
  };
  for (let i = dn.indexOf(','); i >= 0; i = dn.indexOf(',', i + 1)) {
    if (dn.charCodeAt(i - 1) === 92 /* \ */) continue;
    let j = i + 1;
    while (dn.charCodeAt(j) === 32) j++;
    let k = j;
    for (;;) {
      const c = dn.charCodeAt(k) | 32;
      if (c < 97 || c > 122) break;
      k++;
    }
    if (k > j && dn.charCodeAt(k) === 61 /* = */) {
      add(i);
      start = j;
    }
  }
  add(dn.length);
  for (const field in parts) out[prefix + field] = parts[field] as string[];
}

function mapNetwork(f: Record<string, FieldValue>, out: Record<string, FieldValue>): void {
  const src = str(f['src_ip']);
  if (src) {
    out['source.ip'] = src;
    out['source.address'] = src;
  }
  const dst = str(f['dest_ip']);
  if (dst) {
    out['destination.ip'] = dst;
    out['destination.address'] = dst;
  }
  const sp = num(f['src_port']);
  if (sp !== undefined) out['source.port'] = sp;
  const dp = num(f['dest_port']);
  if (dp !== undefined) out['destination.port'] = dp;
  const proto = str(f['proto']);
  if (proto) {
    const n = num(proto);
    if (n !== undefined) out['network.iana_number'] = String(n);
    else out['network.transport'] = proto.toLowerCase();
  }
  const smac = str(f['ether.src_mac']);
  if (smac) out['source.mac'] = ecsMac(smac);
  const dmac = str(f['ether.dest_mac']);
  if (dmac) out['destination.mac'] = ecsMac(dmac);
  const vlan = f['vlan'];
  if (Array.isArray(vlan) && vlan.length > 0) out['network.vlan.id'] = String(vlan[0]);
}

function mapFlow(f: Record<string, FieldValue>, out: Record<string, FieldValue>, tz: string): void {
  const sp = num(f['flow.pkts_toserver']);
  const dp = num(f['flow.pkts_toclient']);
  const sb = num(f['flow.bytes_toserver']);
  const db = num(f['flow.bytes_toclient']);
  if (sp !== undefined) out['source.packets'] = sp;
  if (dp !== undefined) out['destination.packets'] = dp;
  if (sb !== undefined) out['source.bytes'] = sb;
  if (db !== undefined) out['destination.bytes'] = db;
  const bytes = (sb ?? 0) + (db ?? 0);
  const packets = (sp ?? 0) + (dp ?? 0);
  if (bytes > 0) out['network.bytes'] = bytes;
  if (packets > 0) out['network.packets'] = packets;
  const start = isoTime(f['flow.start'], tz);
  const end = isoTime(f['flow.end'], tz);
  const s = toIso(start);
  const e = toIso(end);
  if (s) out['event.start'] = s;
  if (e) out['event.end'] = e;
  if (s && e && end >= start) out['event.duration'] = (end - start) * 1_000_000;
}

function mapHttp(
  f: Record<string, FieldValue>,
  out: Record<string, FieldValue>,
  eventType: string,
  protocol: string | undefined,
): void {
  const method = str(f['http.http_method']);
  if (method) out['http.request.method'] = method;
  const status = num(f['http.status']);
  if (status !== undefined) {
    out['http.response.status_code'] = status;
    if (eventType === 'http') out['event.outcome'] = status < 400 ? 'success' : 'failure';
  }
  const host = str(f['http.hostname']);
  if (host) out['destination.domain'] = host;
  const url = str(f['http.url']);
  if (url) setUrlFields(out, url);
  if (host && protocol === 'http' && out['url.domain'] === undefined) out['url.domain'] = host;
  const referrer = str(f['http.http_refer']);
  if (referrer) out['http.request.referrer'] = referrer;
  const length = num(f['http.length']);
  if (length !== undefined) out['http.response.body.bytes'] = length;
  const ua = str(f['http.http_user_agent']);
  if (ua) out['user_agent.original'] = ua;
  const mime = str(f['http.http_content_type']);
  if (mime) out['http.response.mime_type'] = mime;
  const version = str(f['http.protocol']);
  if (version?.startsWith('HTTP/')) out['http.version'] = version.slice(5);
}

function mapFileinfo(f: Record<string, FieldValue>, out: Record<string, FieldValue>): void {
  const path = str(f['fileinfo.filename']);
  if (path) {
    out['file.path'] = path;
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    if (name.length > 0) out['file.name'] = name;
  }
  const size = num(f['fileinfo.size']);
  if (size !== undefined) out['file.size'] = size;
  const md5 = str(f['fileinfo.md5']);
  if (md5) out['file.hash.md5'] = md5;
  const sha1 = str(f['fileinfo.sha1']);
  if (sha1) out['file.hash.sha1'] = sha1;
  const sha256 = str(f['fileinfo.sha256']);
  if (sha256) out['file.hash.sha256'] = sha256;
}

function mapDns(f: Record<string, FieldValue>, out: Record<string, FieldValue>, related: string[]): void {
  const id = f['dns.id'];
  if (id !== undefined && id !== null) out['dns.id'] = String(id);
  const rcode = str(f['dns.rcode']);
  if (rcode) out['dns.response_code'] = rcode;
  const type = str(f['dns.type']);
  const ecsType = type ? (DNS_TYPES[type] ?? type) : undefined;
  if (ecsType) out['dns.type'] = ecsType;
  const version = num(f['dns.version']);
  const rrname = str(f['dns.rrname']);
  const rrtype = str(f['dns.rrtype']);
  if (rrname) putDomainParts(out, 'dns.question', rrname);
  // v1 answers name the record, not the question; v2+ always carry the question.
  if (type === 'query' || (version !== undefined && version >= 2)) {
    if (rrname) out['dns.question.name'] = rrname;
    if (rrtype) out['dns.question.type'] = rrtype;
  }
  // v3 (Suricata 8) and alert metadata list the questions as objects.
  const queries = objectList(f['dns.queries'] ?? f['dns.query']);
  const first = queries[0];
  if (first && out['dns.question.name'] === undefined) {
    if (typeof first.rrname === 'string') out['dns.question.name'] = first.rrname;
    if (typeof first.rrtype === 'string') out['dns.question.type'] = first.rrtype;
    if (out['dns.type'] === undefined && typeof first.type === 'string')
      out['dns.type'] = DNS_TYPES[first.type] ?? first.type;
    if (out['dns.id'] === undefined && typeof first.id === 'number') out['dns.id'] = String(first.id);
  }

  const names: Scalar[] = [];
  const types: Scalar[] = [];
  const data: Scalar[] = [];
  const ttls: Scalar[] = [];
  const resolved: string[] = [];
  const addAnswer = (name: unknown, rtype: unknown, rdata: unknown, ttl: unknown): void => {
    names.push(typeof name === 'string' ? name : null);
    types.push(typeof rtype === 'string' ? rtype : null);
    data.push(typeof rdata === 'string' || typeof rdata === 'number' ? rdata : null);
    ttls.push(typeof ttl === 'number' ? ttl : null);
    if ((rtype === 'A' || rtype === 'AAAA') && typeof rdata === 'string') pushUnique(resolved, rdata);
  };
  if (type === 'answer' && version === undefined) {
    if (rrname || f['dns.rdata'] !== undefined) addAnswer(rrname, rrtype, f['dns.rdata'], f['dns.ttl']);
  } else {
    for (const a of objectList(f['dns.answers'])) addAnswer(a.rrname, a.rrtype, a.rdata, a.ttl);
    if (names.length === 0) {
      // "grouped" format only: record types -> values, no names or TTLs.
      for (const rtype of ['A', 'AAAA']) {
        const values = f['dns.grouped.' + rtype];
        if (Array.isArray(values)) for (const v of values) if (typeof v === 'string') pushUnique(resolved, v);
      }
    }
  }
  if (names.length > 0) {
    out['dns.answers.name'] = names;
    out['dns.answers.type'] = types;
    out['dns.answers.data'] = data;
    out['dns.answers.ttl'] = ttls;
  }
  if (resolved.length > 0) {
    out['dns.resolved_ip'] = resolved;
    for (const ip of resolved) pushUnique(related, ip);
  }
  const flags: string[] = [];
  if (f['dns.aa'] === true) flags.push('AA');
  if (f['dns.tc'] === true) flags.push('TC');
  if (f['dns.rd'] === true) flags.push('RD');
  if (f['dns.ra'] === true) flags.push('RA');
  if (flags.length > 0) out['dns.header_flags'] = flags;
}

function mapTls(f: Record<string, FieldValue>, out: Record<string, FieldValue>, hashes: string[]): void {
  const version = str(f['tls.version']);
  if (version && version !== 'UNDETERMINED') {
    const sp = version.indexOf(' ');
    if (sp > 0) {
      out['tls.version_protocol'] = version.slice(0, sp).toLowerCase();
      out['tls.version'] = version.slice(sp + 1);
    }
  }
  let sni = str(f['tls.sni']);
  if (sni?.endsWith('.')) {
    sni = sni.slice(0, -1);
    out[EVE_SNI] = sni;
  }
  if (sni) {
    out['tls.client.server_name'] = sni;
    out['destination.domain'] = sni;
  }
  const subject = str(f['tls.subject']);
  if (subject) {
    out['tls.server.subject'] = subject;
    setDn(out, subject, 'tls.server.x509.subject.');
  }
  const issuer = str(f['tls.issuerdn']);
  if (issuer) {
    out['tls.server.issuer'] = issuer;
    setDn(out, issuer, 'tls.server.x509.issuer.');
  }
  const resumed = f['tls.session_resumed'];
  if (typeof resumed === 'boolean') out['tls.resumed'] = resumed;
  const fingerprint = str(f['tls.fingerprint']);
  if (fingerprint) {
    const sha1 = fingerprint.replaceAll(':', '').toUpperCase();
    out['tls.server.hash.sha1'] = sha1;
    hashes.push(sha1);
  }
  const serial = str(f['tls.serial']);
  if (serial) out['tls.server.x509.serial_number'] = serial.replaceAll(':', '');
  const notBefore = toIso(isoTime(f['tls.notbefore'], 'UTC'));
  if (notBefore) {
    out['tls.server.not_before'] = notBefore;
    out['tls.server.x509.not_before'] = notBefore;
  }
  const notAfter = toIso(isoTime(f['tls.notafter'], 'UTC'));
  if (notAfter) {
    out['tls.server.not_after'] = notAfter;
    out['tls.server.x509.not_after'] = notAfter;
  }
  const ja3 = str(f['tls.ja3.hash']);
  if (ja3) {
    out['tls.client.ja3'] = ja3;
    hashes.push(ja3);
  }
  const ja3s = str(f['tls.ja3s.hash']);
  if (ja3s) {
    out['tls.server.ja3s'] = ja3s;
    hashes.push(ja3s);
  }
  const certificate = str(f['tls.certificate']);
  if (certificate) out['tls.server.certificate'] = certificate;
  const chain = f['tls.chain'];
  if (Array.isArray(chain)) out['tls.server.certificate_chain'] = chain;
}

function mapAlert(f: Record<string, FieldValue>, out: Record<string, FieldValue>): void {
  const signature = str(f['alert.signature']);
  if (signature) {
    out['rule.name'] = signature;
    out['message'] = signature;
  }
  const sid = f['alert.signature_id'];
  if (sid !== undefined && sid !== null) out['rule.id'] = String(sid);
  const rev = f['alert.rev'];
  if (rev !== undefined && rev !== null) out['rule.version'] = String(rev);
  const category = str(f['alert.category']);
  if (category) out['rule.category'] = category;
  const severity = num(f['alert.severity']);
  if (severity !== undefined) out['event.severity'] = severity;
  const action = str(f['alert.action']);
  if (action) {
    out['event.type'] = [action === 'blocked' ? 'denied' : action];
    out['event.action'] = action;
  }
  for (const key in METADATA_ECS) {
    const v = f[key];
    if (v !== undefined) out[METADATA_ECS[key] as string] = v;
  }
}

function logsourceFor(eventType: string): LogSource {
  if (eventType === 'alert') return { product: 'suricata', category: 'ids' };
  if (eventType === 'dns') return { product: 'suricata', category: 'dns', service: 'dns' };
  return { product: 'suricata', service: eventType };
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const behindHeader = record.format !== 'json';
  const out: Record<string, FieldValue> = {};
  for (const k in f) {
    const v = f[k] as FieldValue;
    if (behindHeader && (HEADER_FIELDS.has(k) || k.startsWith('log.'))) {
      out[k] = v;
      continue;
    }
    if (behindHeader && k === 'message') continue; // the EVE JSON itself; the raw line keeps it
    const name = eveName(k);
    if (name !== '') out[name] = v;
  }

  const eventType = typeof f['event_type'] === 'string' ? f['event_type'].toLowerCase() : 'unknown';
  out[EVE_EVENT_TYPE] = eventType;
  const flowId = f['flow_id'];
  if (typeof flowId === 'number') out[EVE_FLOW_ID] = String(flowId);

  const info = BY_TYPE[eventType] ?? DEFAULT_TYPE;
  out['event.kind'] = info.kind ?? 'event';
  out['event.category'] = info.category;
  if (info.type) out['event.type'] = info.type;
  out['observer.vendor'] = 'OISF';
  out['observer.product'] = 'Suricata';
  out['observer.type'] = 'ids';
  const sensor = str(f['host']);
  if (sensor) out['observer.hostname'] = sensor;
  const iface = str(f['in_iface']);
  if (iface) out['observer.ingress.interface.name'] = iface;

  mapNetwork(f, out);
  let protocol = info.protocol;
  const app = str(f['app_proto'])?.toLowerCase();
  if (app === 'ftp-data') protocol = 'ftp';
  else if (app && app !== 'failed' && app !== 'template' && app !== 'template-rust') protocol = app;
  if (protocol) out['network.protocol'] = protocol;

  const relatedIp: string[] = [];
  const hashes: string[] = [];
  if (eventType === 'alert') mapAlert(f, out);
  mapFlow(f, out, ctx.timeZone);
  if (eventType === 'flow') {
    const state = f['flow.state'];
    if (state === 'new') out['event.type'] = ['connection', 'start'];
    else if (state === 'closed') out['event.type'] = ['connection', 'end'];
  }
  if (f['http.hostname'] !== undefined || f['http.url'] !== undefined || f['http.http_method'] !== undefined)
    mapHttp(f, out, eventType, protocol);
  if (eventType === 'fileinfo') mapFileinfo(f, out);
  if (protocol === 'dns' || eventType === 'dns') mapDns(f, out, relatedIp);
  if (protocol === 'tls' || eventType === 'tls') mapTls(f, out, hashes);
  if (eventType === 'anomaly') {
    const what = str(f['anomaly.event']);
    if (what) out['event.action'] = what;
  }

  if (relatedIp.length > 0) out['related.ip'] = relatedIp;
  if (hashes.length > 0) out['related.hash'] = hashes;
  record.fields = out;
  const t = isoTime(f['timestamp'], ctx.timeZone);
  if (!Number.isNaN(t)) record.time = t;
  record.logsource = logsourceFor(eventType);
  return record;
}

export const suricata: DeviceParser = {
  name: 'suricata',
  description:
    'Suricata EVE JSON (alert, flow, http, dns, tls, fileinfo, ssh, anomaly, stats) to ECS and suricata.eve.*.',
  why: 'the JSON carries an EVE event_type and timestamp',
  match(record) {
    const t = record.fields['event_type'];
    return typeof t === 'string' && EVENT_TYPES.has(t) && typeof record.fields['timestamp'] === 'string';
  },
  normalize,
};
