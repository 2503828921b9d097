// Microsoft Defender for Endpoint alerts (the security API's alert JSON): microsoft.defender_endpoint.* plus ECS.
//
// Decisions:
// - One alert object is one event; a `{"value": [...]}` page is split by the ingest side, never here.
// - `evidence` is one object (Elastic's collector splits alerts per evidence) or the API's list, which the JSON parser
//   keeps as text: then the first evidence with a value fills each ECS field, all hashes go to related.hash, and the
//   list stays as text in microsoft.defender_endpoint.evidence.
// - Fields mapped to ECS leave the namespace (as Elastic does); nulls and empty lists are dropped.
// - The event time is alertCreationTime (stable when the alert is updated and sent again).
import type { FieldValue } from '../../core/event.js';
import { parseIsoAt } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress } from '../values.js';
import type { DeviceParser } from './index.js';
import { USER, type Fields, addRelated, dict, putDomainUser, text } from './endpoint-common.js';

const NS = 'microsoft.defender_endpoint.';

const SEVERITIES: Readonly<Record<string, number>> = dict({
  Unspecified: 0,
  Informational: 1,
  Low: 2,
  Medium: 3,
  High: 4,
});

/** Alert fields that move to ECS as they are. */
const MOVES: Readonly<Record<string, string>> = {
  id: 'event.id',
  title: 'message',
  description: 'rule.description',
  detectionSource: 'observer.name',
  alertCreationTime: 'event.created',
  firstEventTime: 'event.start',
  lastEventTime: 'event.end',
  aadTenantId: 'cloud.account.id',
  machineId: 'cloud.instance.id',
  'relatedUser.userName': 'user.name',
  'relatedUser.domainName': 'user.domain',
};

/** Evidence fields that move to ECS; with a list of evidences, the first one that has the field wins. */
const EVIDENCE_MOVES: Readonly<Record<string, string>> = {
  fileName: 'file.name',
  filePath: 'file.path',
  sha1: 'file.hash.sha1',
  sha256: 'file.hash.sha256',
  processId: 'process.pid',
  processCommandLine: 'process.command_line',
  processCreationTime: 'process.start',
  parentProcessId: 'process.parent.pid',
  parentProcessCreationTime: 'process.parent.start',
  userSid: 'user.id',
  url: 'url.full',
};

const EMPTY: ReadonlySet<unknown> = new Set([null, '', '-', 'N/A']);

/**
 * An ISO time as [epoch ms, nanoseconds within the ms]: the API writes 7 fraction digits, and ECS durations are
 * in nanoseconds, finer than a Date.
 */
function isoNanos(v: string): [number, number] {
  const ms = parseIsoAt(v, 0, 'UTC');
  const dot = v.indexOf('.', 19);
  let sub = 0;
  if (dot > 0) {
    let digits = '';
    for (let i = dot + 1; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c < 48 || c > 57) break;
      digits += v[i];
    }
    sub = Number((digits.slice(3, 9) + '000000').slice(0, 6));
  }
  return [ms, sub];
}

function durationNanos(start: string, end: string): number | undefined {
  const [a, as] = isoNanos(start);
  const [b, bs] = isoNanos(end);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return (b - a) * 1e6 + (bs - as);
}

function putImage(f: Fields, prefix: string, dir: unknown, name: unknown): void {
  if (typeof name !== 'string' || name.length === 0 || f[prefix + '.name'] !== undefined) return;
  f[prefix + '.name'] = name;
  if (typeof dir === 'string' && dir.length > 0)
    f[prefix + '.executable'] = dir.endsWith('\\') ? dir + name : dir + '\\' + name;
}

function putEvidence(f: Fields, ev: Record<string, unknown>): void {
  for (const from in EVIDENCE_MOVES) {
    const to = EVIDENCE_MOVES[from] as string;
    const v = ev[from];
    if (f[to] !== undefined || v === undefined || EMPTY.has(v)) continue;
    if (typeof v === 'string' || typeof v === 'number') f[to] = v;
  }
  // A process evidence's file is the process image: fileName/filePath (a directory) name the executable.
  if (ev['entityType'] === 'Process') {
    putImage(f, 'process', ev['filePath'], ev['fileName']);
    putImage(f, 'process.parent', ev['parentProcessFilePath'], ev['parentProcessFileName']);
  }
  if (ev['entityType'] === 'Registry' && f['registry.key'] === undefined) {
    const hive = ev['registryHive'];
    const key = ev['registryKey'];
    const value = ev['registryValue'];
    const type = ev['registryValueType'];
    if (typeof hive === 'string' && hive.length > 0) f['registry.hive'] = hive;
    if (typeof key === 'string' && key.length > 0) f['registry.key'] = key;
    if (typeof value === 'string' && value.length > 0) f['registry.data.strings'] = [value];
    if (typeof type === 'string' && type.length > 0) f['registry.data.type'] = type;
  }
  for (const h of ['sha1', 'sha256']) {
    const v = ev[h];
    if (typeof v === 'string' && v.length > 0) addRelated(f, 'related.hash', v);
  }
  const ip = ev['ipAddress'];
  if (typeof ip === 'string' && isIpAddress(ip)) addRelated(f, 'related.ip', ip);
  const account = ev['accountName'];
  if (typeof account === 'string' && account.length > 0) addRelated(f, 'related.user', account);
}

/** The evidence object (flattened as evidence.*) or list (JSON text): ECS fields and the entity types seen. */
function evidence(f: Fields): string[] {
  const types: string[] = [];
  const list = f[NS + 'evidence'];
  if (typeof list === 'string' && list.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(list);
    } catch {
      return types;
    }
    if (!Array.isArray(parsed)) return types;
    for (const ev of parsed) {
      if (typeof ev !== 'object' || ev === null) continue;
      const e = ev as Record<string, unknown>;
      putEvidence(f, e);
      if (typeof e['entityType'] === 'string' && !types.includes(e['entityType']))
        types.push(e['entityType']);
    }
    return types;
  }
  const prefix = NS + 'evidence.';
  const ev: Record<string, unknown> = {};
  for (const k of Object.keys(f)) {
    if (!k.startsWith(prefix)) continue;
    const name = k.slice(prefix.length);
    ev[name] = f[k];
    if (name in EVIDENCE_MOVES) delete f[k];
  }
  putEvidence(f, ev);
  if (typeof ev['entityType'] === 'string') types.push(ev['entityType']);
  return types;
}

function normalize(rec: ParsedRecord, _ctx: ParseContext): ParsedRecord {
  // Everything the alert says is the vendor's first; the ECS mapping then takes its fields out.
  const f: Fields = {};
  const src = rec.fields;
  for (const k in src) {
    const v = src[k] as FieldValue;
    if (EMPTY.has(v) || (Array.isArray(v) && v.length === 0)) continue;
    f[NS + k] = k === 'incidentId' || k === 'investigationId' ? String(v) : v;
  }
  rec.fields = f;
  const take = (name: string): string | undefined => {
    const v = text(f, NS + name);
    delete f[NS + name];
    return v;
  };
  const category = take('category');
  const severity = take('severity');
  const host = take('computerDnsName');
  const status = text(f, NS + 'status');
  const entityTypes = evidence(f);
  for (const from in MOVES) {
    const v = f[NS + from];
    if (v === undefined) continue;
    delete f[NS + from];
    f[MOVES[from] as string] = v;
  }

  const created = text(f, 'event.created') ?? text(f, 'event.start') ?? text(f, NS + 'lastUpdateTime');
  if (created !== undefined) {
    const t = parseIsoAt(created, 0, 'UTC');
    if (!Number.isNaN(t)) rec.time = t;
  }
  const start = text(f, 'event.start');
  const end = text(f, 'event.end');
  if (start !== undefined && end !== undefined) {
    const d = durationNanos(start, end);
    if (d !== undefined) f['event.duration'] = d;
  }

  f['event.kind'] = 'alert';
  f['event.provider'] = 'defender_endpoint';
  f['event.timezone'] = 'UTC';
  const categories = ['host'];
  if (category === 'Malware') categories.push('malware');
  if (entityTypes.includes('Process')) categories.push('process');
  f['event.category'] = categories;
  const types: string[] = [];
  if (entityTypes.includes('User')) types.push('user');
  if (status === 'New') types.push('creation', 'start');
  else if (status === 'Resolved') types.push('end');
  if (types.length > 0) f['event.type'] = types;
  if (category !== undefined) {
    f['event.action'] = category;
    f['threat.framework'] = 'MITRE ATT&CK';
    f['threat.technique.name'] = category;
  }
  const techniques = f[NS + 'mitreTechniques'];
  if (Array.isArray(techniques) && techniques.length > 0) {
    f['threat.framework'] = 'MITRE ATT&CK';
    f['threat.technique.id'] = techniques;
  }
  const score = severity === undefined ? undefined : SEVERITIES[severity];
  if (score !== undefined) f['event.severity'] = score;
  if (host !== undefined) {
    f['host.hostname'] = host;
    f['host.name'] = host.toLowerCase();
  }
  // relatedUser.userName may hold "DOMAIN\user" in older exports.
  const user = text(f, 'user.name');
  if (user !== undefined && user.includes('\\') && f['user.domain'] === undefined)
    putDomainUser(f, USER, user);
  f['cloud.provider'] = 'azure';
  f['observer.vendor'] = 'Microsoft';
  f['observer.product'] = 'Defender for Endpoint';
  rec.logsource = { product: 'm365', service: 'defender_endpoint' };
  return rec;
}

export const mde: DeviceParser = {
  name: 'mde',
  description:
    'Microsoft Defender for Endpoint alerts from the security API (one alert object per message) as ECS alerts.',
  why: 'the JSON carries the alert fields alertCreationTime and detectionSource',
  match(record) {
    const f = record.fields;
    return f['alertCreationTime'] !== undefined && f['detectionSource'] !== undefined;
  },
  normalize,
};
