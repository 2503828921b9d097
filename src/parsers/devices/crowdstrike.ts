// CrowdStrike Falcon streaming API events (Falcon SIEM connector JSON): crowdstrike.* plus ECS, detections as alerts.
//
// Decisions:
// - Falcon's own `event` object shares its name with ECS `event.*`; its keys are PascalCase, so every `event.<Upper>`
//   field is Falcon's and moves to crowdstrike.event.*, as `metadata.*` moves to crowdstrike.metadata.*.
// - Fields mapped to ECS leave crowdstrike.event (as Elastic does); the rest stay there.
// - process.executable is the program the command line starts, split as Windows does, or the image path when the
//   command line names no path ("git clone ..."); Elastic takes the command line's first blank-separated word.
import type { FieldValue } from '../../core/event.js';
import { epochToMs } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  PARENT,
  PROCESS,
  type ProcessKeys,
  USER,
  type Fields,
  isoTime,
  putCommandLine,
  putDomainUser,
  rename,
  text,
} from './endpoint-common.js';
import {
  DETECTION_MOVES,
  DETECTION_TYPES,
  EMPTY_VALUES,
  EPP_RENAMES,
  SEVERITIES,
} from './maps/crowdstrike.js';

const CE = 'crowdstrike.event.';
const CM = 'crowdstrike.metadata.';
const MITRE_ID = /^TA?\d{4}/;

// Namespaced names per Falcon key, kept so each event reuses the same strings (bounded: keys come from the sender).
const names = new Map<string, string>();
function nsName(prefix: string, key: string, from: number): string {
  let name = names.get(key);
  if (name === undefined) {
    name = prefix + key.slice(from);
    if (names.size < 5_000) names.set(key, name);
  }
  return name;
}

/**
 * Falcon's `event.*` and `metadata.*` under crowdstrike.*, dropping Falcon's "empty" values, in a new object (deleting
 * from the parsed one would leave V8 a slow dictionary to look up in).
 */
function toNamespace(f: Fields): Fields {
  const out: Fields = {};
  for (const k in f) {
    const v = f[k] as FieldValue;
    if (k.startsWith('event.')) {
      const c = k.charCodeAt(6);
      if (c >= 65 && c <= 90) {
        // Falcon's keys are PascalCase; ECS event.* names are lower case and stay.
        if (!(EMPTY_VALUES.has(v) && k.indexOf('.', 6) < 0)) out[nsName(CE, k, 6)] = v;
        continue;
      }
    } else if (k.startsWith('metadata.')) {
      if (v === 0 || !EMPTY_VALUES.has(v)) out[nsName(CM, k, 9)] = v; // offset 0 is a real offset
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** Falcon times are epoch seconds or milliseconds; ECS date text, or undefined for 0 / unreadable. */
function falconTime(v: FieldValue | undefined): string | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return n > 0 ? isoTime(epochToMs(n)) : undefined;
}

function moveTime(f: Fields, from: string, to: string): void {
  const t = falconTime(f[CE + from]);
  if (t !== undefined) {
    f[to] = t;
    delete f[CE + from];
  }
}

/** A process id as Falcon sends it: pid as a number and, as text, the id Falcon's process graph uses. */
function moveProcessId(f: Fields, from: string, k: ProcessKeys): void {
  const v = f[CE + from];
  if (typeof v !== 'number' && typeof v !== 'string') return;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n) || n <= 0) return;
  f[k.pid] = n;
  f[k.entity_id] = String(v);
  delete f[CE + from];
}

/** command_line/args, and the executable: argv[0] when it is a path, else the image path Falcon gives. */
function moveCommandLine(f: Fields, from: string, k: ProcessKeys, imagePath: string | undefined): void {
  const args = putCommandLine(f, k, text(f, CE + from));
  if (args === undefined) return;
  delete f[CE + from];
  const first = args[0];
  const isPath = first !== undefined && (first.includes('\\') || first.includes('/'));
  const executable = isPath ? first : (imagePath ?? first);
  if (executable !== undefined && executable.length > 0) f[k.executable] = executable;
}

/** DetectionSummaryEvent's FilePath is the directory, EppDetectionSummaryEvent's the whole path. */
function imagePath(path: string | undefined, name: string | undefined): string | undefined {
  if (path === undefined || name === undefined || path.endsWith(name)) return path;
  const sep = path.includes('\\') || !path.includes('/') ? '\\' : '/';
  return path.endsWith(sep) ? path + name : path + sep + name;
}

function listOf(v: FieldValue | undefined): string[] | undefined {
  if (typeof v === 'string' && v.length > 0) return [v];
  return undefined;
}

function detectionSummary(f: Fields): void {
  f['event.kind'] = 'alert';
  f['event.category'] = ['malware'];
  f['event.type'] = ['info'];
  for (const from in EPP_RENAMES) rename(f, CE + from, CE + (EPP_RENAMES[from] as string));
  moveTime(f, 'ProcessStartTime', 'process.start');
  moveTime(f, 'ProcessEndTime', 'process.end');
  for (const name of ['LocalIP', 'LocalIPv6']) {
    const ip = text(f, CE + name);
    if (ip !== undefined && isIpAddress(ip) && f['source.ip'] === undefined) {
      f['source.ip'] = ip;
      delete f[CE + name];
    }
  }
  const user = text(f, CE + 'UserName');
  if (user !== undefined) {
    putDomainUser(f, USER, user);
    delete f[CE + 'UserName'];
  }
  moveProcessId(f, 'ProcessId', PROCESS);
  moveProcessId(f, 'ParentProcessId', PARENT);
  const fileName = text(f, CE + 'FileName');
  if (fileName !== undefined) {
    f['process.name'] = fileName;
    f['file.name'] = fileName;
    delete f[CE + 'FileName'];
  }
  moveCommandLine(f, 'CommandLine', PROCESS, imagePath(text(f, CE + 'FilePath'), fileName));
  moveCommandLine(f, 'ParentCommandLine', PARENT, text(f, CE + 'ParentImageFilePath'));
  const parentName = text(f, CE + 'ParentImageFileName');
  if (parentName !== undefined) f['process.parent.name'] = parentName;
  for (const from in DETECTION_MOVES) rename(f, CE + from, DETECTION_MOVES[from] as string);
  const mac = text(f, CE + 'MacAddress');
  if (mac !== undefined) {
    f['host.mac'] = mac.toUpperCase();
    delete f[CE + 'MacAddress'];
  }
  const groups = text(f, CE + 'HostGroups');
  if (groups !== undefined) f[CE + 'HostGroups'] = groups.split(',');
  const patternId = f[CE + 'PatternId'];
  if (typeof patternId === 'number') f[CE + 'PatternId'] = String(patternId);
  const description = text(f, CE + 'DetectDescription');
  if (description !== undefined) {
    f['message'] = description;
    f['rule.description'] = description;
    delete f[CE + 'DetectDescription'];
  } else {
    const epp = text(f, CE + 'Description');
    if (epp !== undefined) f['message'] = epp;
  }
  const severity = text(f, CE + 'SeverityName');
  const score = severity === undefined ? undefined : SEVERITIES[severity.toLowerCase()];
  if (score !== undefined) f['event.severity'] = score;
  putThreat(f);
}

/** MITRE ids (TA0002 / T1059) say the tactic and technique are ATT&CK's; otherwise they are Falcon's own names. */
function putThreat(f: Fields): void {
  const pairs: [string, string][] = [
    ['Tactic', 'threat.tactic.name'],
    ['TacticId', 'threat.tactic.id'],
    ['Technique', 'threat.technique.name'],
    ['TechniqueId', 'threat.technique.id'],
  ];
  let any = false;
  for (const [from, to] of pairs) {
    const v = listOf(f[CE + from]);
    if (v === undefined) continue;
    f[to] = v;
    delete f[CE + from];
    any = true;
  }
  if (!any) return;
  const id = f['threat.technique.id'] ?? f['threat.tactic.id'];
  const first = Array.isArray(id) ? id[0] : id;
  f['threat.framework'] =
    typeof first === 'string' && MITRE_ID.test(first)
      ? 'MITRE ATT&CK'
      : 'CrowdStrike Falcon Detections Framework';
}

/** Audit and other streaming events: who did what, from where, and whether it worked. */
function otherEvent(f: Fields): void {
  f['event.kind'] = 'event';
  const user = text(f, CE + 'UserName') ?? text(f, CE + 'UserId');
  if (user !== undefined) {
    f['user.name'] = user;
    const at = user.indexOf('@');
    if (at > 0 && at === user.lastIndexOf('@')) f['user.email'] = user;
  }
  const ip = text(f, CE + 'UserIp');
  if (ip !== undefined && isIpAddress(ip)) f['source.ip'] = ip;
  const operation = text(f, CE + 'OperationName');
  if (operation !== undefined) f['event.action'] = operation;
  const success = f[CE + 'Success'];
  if (success === true) f['event.outcome'] = 'success';
  else if (success === false) f['event.outcome'] = 'failure';
}

function normalize(rec: ParsedRecord, _ctx: ParseContext): ParsedRecord {
  const f = toNamespace(rec.fields);
  rec.fields = f;
  if (rec.format.startsWith('rfc')) {
    // Behind the SIEM connector's syslog header, the program and pid are the connector's, kept in log.syslog.*.
    delete f['process.name'];
    delete f['process.pid'];
  }
  const created = f[CM + 'eventCreationTime'];
  const createdIso = falconTime(created);
  if (createdIso !== undefined) {
    rec.time = Date.parse(createdIso);
    f['event.created'] = createdIso;
    delete f[CM + 'eventCreationTime'];
  }
  f['observer.vendor'] = 'Crowdstrike';
  f['observer.product'] = 'Falcon';
  const type = text(f, CM + 'eventType') ?? '';
  if (DETECTION_TYPES.has(type)) detectionSummary(f);
  else otherEvent(f);
  // Audit events say when the action happened; eventCreationTime is when Falcon streamed it.
  const happened = falconTime(f[CE + 'UTCTimestamp']);
  if (happened !== undefined) rec.time = Date.parse(happened);
  rec.logsource = { product: 'crowdstrike', service: 'falcon' };
  return rec;
}

export const crowdstrike: DeviceParser = {
  name: 'crowdstrike',
  description:
    'CrowdStrike Falcon streaming API events (SIEM connector JSON): detection summaries as ECS alerts, all fields under crowdstrike.*.',
  why: 'the JSON carries Falcon streaming metadata (metadata.eventType and metadata.customerIDString)',
  match(record) {
    const f = record.fields;
    return f['metadata.eventType'] !== undefined && f['metadata.customerIDString'] !== undefined;
  },
  normalize,
};
