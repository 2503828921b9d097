// CAPE / Cuckoo sandbox reports: one JSON object per detonation (report.json or a summary of it), sent to
// /api/ingest. The verdict, score, signatures, malware families and contacted hosts become ECS and cape.*;
// the rest of the report (behavior, static, debug, ...) is not copied into fields: the raw text keeps it.
import type { FieldValue } from '../../core/event.js';
import { parseTimeValue } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress } from '../values.js';
import type { DeviceParser } from './index.js';

type Fields = Record<string, FieldValue>;

/** Score (CAPE malscore / Cuckoo info.score, 0 to 10) from which a detonation is an alert. */
export const ALERT_SCORE = 6;
/** Below ALERT_SCORE but at least this: suspicious. */
const SUSPICIOUS_SCORE = 3;
/** Signatures quoted in the message (the full list is in cape.signature.names). */
const MESSAGE_SIGNATURES = 5;

/** target.file.<key> -> ECS. */
const TARGET_FILE: Readonly<Record<string, string>> = {
  name: 'file.name',
  size: 'file.size',
  md5: 'file.hash.md5',
  sha1: 'file.hash.sha1',
  sha256: 'file.hash.sha256',
  sha512: 'file.hash.sha512',
  ssdeep: 'file.hash.ssdeep',
};

/** Report scalars kept under cape.* as they are. */
const KEEP: Readonly<Record<string, string>> = {
  'info.id': 'cape.task_id',
  'info.package': 'cape.package',
  'info.machine.name': 'cape.machine.name',
  'info.machine.label': 'cape.machine.label',
  'info.version': 'cape.version',
  'info.options': 'cape.options',
  'target.category': 'cape.target.category',
  'target.file.type': 'cape.target.file.type',
  malstatus: 'cape.malstatus',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A list the JSON flattening kept as JSON text (arrays of objects) or as an array of scalars. */
function list(v: FieldValue | undefined): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'string' || v.charCodeAt(0) !== 91 /* [ */) return [];
  // One report per detonation: parsing its few lists is not on the hot path.
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined;
}

function num(v: FieldValue | undefined): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.length > 0 ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function push(into: string[], v: string | undefined): void {
  if (v !== undefined && !into.includes(v)) into.push(v);
}

interface Signature {
  name: string;
  description?: string;
  severity: number;
}

function signatures(v: FieldValue | undefined): Signature[] {
  const out: Signature[] = [];
  for (const s of list(v)) {
    if (typeof s === 'string') out.push({ name: s, severity: 0 });
    else if (isObject(s) && typeof s['name'] === 'string') {
      const sev = typeof s['severity'] === 'number' ? s['severity'] : 0;
      const d = str(s['description']);
      out.push(d ? { name: s['name'], description: d, severity: sev } : { name: s['name'], severity: sev });
    }
  }
  // Most severe first, so the message quotes what matters.
  return out.sort((a, b) => b.severity - a.severity);
}

/** CAPE writes detections as a string ("Emotet"), a list of strings, or a list of {family: ...}. */
function families(f: Fields): string[] {
  const out: string[] = [];
  const d = f['detections'];
  if (typeof d === 'string' && d.charCodeAt(0) !== 91) {
    for (const part of d.split(',')) push(out, part.trim() || undefined);
  } else {
    for (const x of list(d)) push(out, isObject(x) ? str(x['family']) : str(x));
  }
  const family = f['malfamily'];
  if (typeof family === 'string' && family.length > 0) push(out, family);
  return out;
}

function network(f: Fields, out: Fields): void {
  const ips: string[] = [];
  const hosts: string[] = [];
  for (const h of list(f['network.hosts'])) {
    const ip = isObject(h) ? str(h['ip']) : str(h);
    if (ip && isIpAddress(ip)) push(ips, ip);
    if (isObject(h)) push(hosts, str(h['hostname']));
  }
  const domains: string[] = [];
  for (const d of list(f['network.domains'])) {
    const name = isObject(d) ? str(d['domain']) : str(d);
    push(domains, name);
    push(hosts, name);
    const ip = isObject(d) ? str(d['ip']) : undefined;
    if (ip && isIpAddress(ip)) push(ips, ip);
  }
  const uris: string[] = [];
  for (const h of list(f['network.http'])) {
    if (!isObject(h)) continue;
    push(uris, str(h['uri']) ?? str(h['url']));
    push(hosts, str(h['host']));
  }
  if (ips.length > 0) {
    out['cape.network.hosts'] = ips;
    out['related.ip'] = ips;
  }
  if (domains.length > 0) out['cape.network.domains'] = domains;
  if (uris.length > 0) out['cape.network.http.uri'] = uris;
  if (hosts.length > 0) out['related.hosts'] = hosts;
}

function dropped(f: Fields, out: Fields): void {
  const names: string[] = [];
  const sha256: string[] = [];
  const hashes: string[] = [];
  for (const d of list(f['dropped'])) {
    if (!isObject(d)) continue;
    push(names, str(d['name']));
    push(sha256, str(d['sha256']));
    for (const k of ['md5', 'sha1', 'sha256']) push(hashes, str(d[k]));
  }
  if (names.length > 0) out['cape.dropped.name'] = names;
  if (sha256.length > 0) out['cape.dropped.sha256'] = sha256;
  if (hashes.length > 0) out['related.hash'] = hashes;
}

function verdictOf(score: number | undefined, malstatus: string | undefined): string | undefined {
  if (malstatus) return malstatus.toLowerCase();
  if (score === undefined) return undefined;
  return score >= ALERT_SCORE ? 'malicious' : score >= SUSPICIOUS_SCORE ? 'suspicious' : 'clean';
}

function time(v: FieldValue | undefined, ctx: ParseContext): number {
  if (typeof v === 'number') return v < 1e11 ? v * 1000 : v;
  return typeof v === 'string' ? parseTimeValue(v, ctx.timeZone, ctx.receivedAt) : NaN;
}

function present(v: FieldValue | undefined): boolean {
  return v !== undefined && v !== null && v !== '';
}

function match(record: ParsedRecord): boolean {
  if (!record.format.startsWith('json')) return false;
  const f = record.fields;
  if (!present(f['malscore']) && !present(f['info.score'])) return false;
  return present(f['target.category']) || present(f['target.file.sha256']) || present(f['target.url']);
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const out: Fields = {};
  for (const key in TARGET_FILE) {
    const v = f['target.file.' + key];
    if (v === undefined || v === null || v === '') continue;
    const field = TARGET_FILE[key] as string;
    // Hex digests in lower case, as the other devices give them (ssdeep is not hex: kept as it is).
    const hex = typeof v === 'string' && key !== 'ssdeep' && field.startsWith('file.hash.');
    out[field] = field === 'file.size' ? (num(v) ?? v) : hex ? (v as string).toLowerCase() : v;
  }
  const url = f['target.url'];
  if (typeof url === 'string' && url.length > 0) out['url.original'] = url;
  for (const key in KEEP) {
    const v = f[key];
    if (v !== undefined && v !== null && v !== '') out[KEEP[key] as string] = v;
  }

  const score = num(f['malscore']) ?? num(f['info.score']);
  const malstatus = typeof f['malstatus'] === 'string' ? f['malstatus'] : undefined;
  const verdict = verdictOf(score, malstatus);
  if (score !== undefined) {
    out['cape.score'] = score;
    out['event.risk_score'] = score;
  }
  if (verdict) out['cape.verdict'] = verdict;

  const sigs = signatures(f['signatures']);
  if (sigs.length > 0) {
    out['cape.signature.names'] = sigs.map((s) => s.name);
    if (sigs[0]!.severity > 0) out['event.severity'] = sigs[0]!.severity;
  }
  const fams = families(f);
  if (fams.length > 0) {
    out['cape.detections'] = fams;
    out['threat.software.name'] = fams;
  }
  network(f, out);
  dropped(f, out);

  const id = f['info.id'];
  if (id !== undefined && id !== null) out['event.id'] = String(id);
  const start = time(f['info.started'], ctx);
  const end = time(f['info.ended'], ctx);
  if (!Number.isNaN(start)) out['event.start'] = new Date(start).toISOString();
  if (!Number.isNaN(end)) out['event.end'] = new Date(end).toISOString();
  const duration = num(f['info.duration']);
  if (duration !== undefined) out['event.duration'] = duration * 1e9;

  const alert = malstatus
    ? malstatus.toLowerCase() === 'malicious'
    : score !== undefined && score >= ALERT_SCORE;
  out['event.kind'] = alert ? 'alert' : 'event';
  out['event.category'] = ['malware'];
  out['event.type'] = ['info'];
  out['event.action'] = 'detonation';
  out['observer.vendor'] = 'CAPE';
  out['observer.product'] = present(f['malscore']) ? 'CAPE Sandbox' : 'Cuckoo Sandbox';
  out['observer.type'] = 'sandbox';

  const target = str(out['file.name']) ?? str(out['url.original']) ?? 'the sample';
  const quoted = sigs
    .slice(0, MESSAGE_SIGNATURES)
    .map((s) => s.description ?? s.name)
    .join('; ');
  out['message'] =
    `${target} scored ${score ?? '?'}/10` + (verdict ? ` (${verdict})` : '') + (quoted ? `: ${quoted}` : '');

  record.fields = out;
  const t = !Number.isNaN(end) ? end : start;
  if (!Number.isNaN(t)) record.time = t;
  record.logsource = { product: 'cape', category: 'sandbox' };
  return record;
}

export const cape: DeviceParser = {
  name: 'cape',
  description:
    'CAPE / Cuckoo sandbox report JSON (one detonation): verdict, score, signatures, families, contacted hosts, dropped files.',
  why: 'the JSON object carries a sandbox score (malscore or info.score) and a target',
  match,
  normalize,
};
