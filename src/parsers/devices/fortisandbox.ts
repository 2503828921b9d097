// Fortinet FortiSandbox key=value syslog: detonation verdicts on files and URLs (alert malware/url),
// network attacks seen during detonation (alert netattack), and the appliance's own event logs.
//
// Keys follow the FortiSandbox Log Message Reference; what ECS has a name for is mapped (file, hashes,
// source/destination, url, rule = malware or attack name), the rest stays under fortinet.sandbox.<key>.
import type { FieldValue } from '../../core/event.js';
import { interned } from '../names.js';
import { zonedToUtc } from '../time-zones.js';
import { parseTimeValue } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toInt, toPort } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  FILE_KEYS,
  FSA_TO_ECS,
  JOB_OUTCOMES,
  RATING_KEYS,
  VERDICTS,
  type FsaConversion,
} from './maps/fortisandbox.js';

type Fields = Record<string, FieldValue>;

const KV = 'kv.';
const NS = 'fortinet.sandbox.';
const HEX = /^[0-9a-fA-F]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})$/;
/** "10.0.0.1:443" or "[2001:db8::1]:443" (netattack srcipport / dstipport). */
const IP_PORT = /^\[?([^\]]+?)\]?:(\d+)$/;
const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/i;

function convert(v: string, how: FsaConversion): FieldValue | undefined {
  switch (how) {
    case 'string':
      return v;
    case 'lower':
      return v.toLowerCase();
    case 'ip':
      return isIpAddress(v) ? v : undefined;
    case 'port': {
      const n = toPort(v);
      return Number.isNaN(n) ? undefined : n;
    }
    case 'int': {
      const n = toInt(v);
      return Number.isNaN(n) ? undefined : n;
    }
    case 'float': {
      const n = Number(v);
      return v.length > 0 && Number.isFinite(n) ? n : undefined;
    }
    case 'hash':
      return HEX.test(v) ? v.toLowerCase() : undefined;
    case 'epoch': {
      const n = toInt(v);
      return Number.isNaN(n) || n <= 0 ? undefined : new Date(n * 1000).toISOString();
    }
  }
}

function text(v: FieldValue | undefined): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (Array.isArray(v)) return v.length > 0 ? String(v[0]) : undefined;
  return v === undefined || v === null ? undefined : String(v);
}

/**
 * date= and time= in the zone tzone= gives (seconds east of UTC), else in the tenant's zone. NaN when absent.
 */
function eventTime(vendor: Map<string, string>, ctx: ParseContext): number {
  const d = DATE.exec(vendor.get('date') ?? '');
  const t = TIME.exec(vendor.get('time') ?? '');
  if (!d || !t) return NaN;
  const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [h, mi, s] = [Number(t[1]), Number(t[2]), Number(t[3])];
  const tzone = toInt(vendor.get('tzone') ?? '');
  if (!Number.isNaN(tzone)) return Date.UTC(y, mo - 1, day, h, mi, s) - tzone * 1000;
  return zonedToUtc(ctx.timeZone, y, mo, day, h, mi, s, 0);
}

function putFile(f: Fields, name: string): void {
  const cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  if (cut >= 0) {
    f['file.path'] = name;
    if (cut < name.length - 1) f['file.name'] = name.slice(cut + 1);
  } else {
    f['file.name'] = name;
  }
  const dot = name.lastIndexOf('.');
  if (dot > cut + 1 && dot < name.length - 1) f['file.extension'] = name.slice(dot + 1).toLowerCase();
}

function putIpPort(f: Fields, v: string | undefined, side: 'source' | 'destination'): void {
  if (!v || f[side + '.ip'] !== undefined) return;
  const m = IP_PORT.exec(v);
  if (!m || !isIpAddress(m[1] as string)) return;
  f[side + '.ip'] = m[1] as string;
  const port = toPort(m[2] as string);
  if (!Number.isNaN(port)) f[side + '.port'] = port;
}

function match(record: ParsedRecord): boolean {
  const devid = record.fields['kv.devid'];
  return typeof devid === 'string' && devid.startsWith('FSA');
}

// kv key -> namespaced name, cached: a fresh concatenated string per field and line would cost a property-key
// hash each time. Bounded, keys come from the sender.
const nsNames = new Map<string, string>();
function nsName(key: string): string {
  let name = nsNames.get(key);
  if (name === undefined) {
    name = interned(NS + key);
    if (nsNames.size < 4096) nsNames.set(key, name);
  }
  return name;
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  // A new object instead of deleting the kv.* pairs: deletes would turn the record into a slow dictionary.
  const src = record.fields;
  const f: Fields = {};
  const vendor = new Map<string, string>();
  const keys = Object.keys(src);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = src[k] as FieldValue;
    if (k.charCodeAt(0) !== 107 /* k */ || !k.startsWith(KV)) {
      f[k] = v;
      continue;
    }
    const key = k.slice(KV.length);
    const t = text(v);
    if (t === undefined) continue;
    vendor.set(key, t);
    f[nsName(key)] = t;
  }
  record.fields = f;
  for (const [key, v] of vendor) {
    const ecs = FSA_TO_ECS[key];
    if (!ecs) continue;
    const value = convert(v, ecs[1]);
    if (value !== undefined && (f[ecs[0]] === undefined || ecs[0] === 'message')) f[ecs[0]] = value;
  }
  for (const key of FILE_KEYS) {
    const v = vendor.get(key);
    if (v) {
      putFile(f, v);
      break;
    }
  }
  putIpPort(f, vendor.get('srcipport'), 'source');
  putIpPort(f, vendor.get('dstipport'), 'destination');
  const start = f['event.start'];
  const end = f['event.end'];
  if (typeof start === 'string' && typeof end === 'string') {
    const ms = Date.parse(end) - Date.parse(start);
    if (ms >= 0) f['event.duration'] = ms * 1_000_000;
  }

  f['observer.vendor'] = 'Fortinet';
  f['observer.product'] = 'FortiSandbox';
  f['observer.type'] = 'sandbox';
  const type = (vendor.get('type') ?? '').toLowerCase();
  const subtype = (vendor.get('subtype') ?? '').toLowerCase();
  const action = vendor.get('action')?.toLowerCase();
  if (action) f['event.action'] = action;
  else if (type && subtype) f['event.action'] = `${type}-${subtype}`;
  const job = JOB_OUTCOMES[(vendor.get('jstatus') ?? '').toLowerCase()];
  if (job) f['event.outcome'] = job;
  if (action === 'login' || action === 'logout') {
    f['event.category'] = ['authentication'];
    f['event.type'] = [action === 'login' ? 'start' : 'end'];
    const status = vendor.get('status')?.toLowerCase();
    if (status) f['event.outcome'] = status.startsWith('succ') ? 'success' : 'failure';
  }
  const url = f['url.original'];
  const host = typeof url === 'string' ? URL_HOST.exec(url) : null;
  if (host) f['url.domain'] = (host[1] as string).replace(/^\[|\]$/g, '');

  let rating: string | undefined;
  for (const key of RATING_KEYS) {
    rating = vendor.get(key);
    if (rating) break;
  }
  const verdict = rating ? VERDICTS[rating.toLowerCase().replace(/[\s_-]+/g, '')] : undefined;
  if (type === 'alert') {
    const attack = subtype === 'netattack';
    f['event.category'] = attack ? ['intrusion_detection', 'network'] : ['malware'];
    f['event.type'] = ['info'];
    // A detonation with no verdict yet, or Clean, is not a finding.
    if (verdict ? verdict.alert : attack) f['event.kind'] = 'alert';
    if (verdict) f['event.severity'] = verdict.severity;
    if (rating) f[NS + 'rating'] = rating;
  }

  const t = eventTime(vendor, ctx);
  if (!Number.isNaN(t)) record.time = t;
  else {
    // eventtime is epoch seconds, or ms/µs/ns as in FortiOS: its first 13 digits are then milliseconds.
    const et = vendor.get('eventtime');
    const parsed = et
      ? parseTimeValue(et.length > 13 ? et.slice(0, 13) : et, ctx.timeZone, ctx.receivedAt)
      : NaN;
    if (!Number.isNaN(parsed)) record.time = parsed;
  }
  record.logsource =
    type === 'alert' ? { product: 'fortisandbox', category: 'antivirus' } : { product: 'fortisandbox' };
  return record;
}

export const fortisandbox: DeviceParser = {
  name: 'fortisandbox',
  description:
    'Fortinet FortiSandbox key=value syslog: file and URL verdicts (rating, malware name, hashes), network attacks seen during detonation, event logs.',
  why: 'the key=value message carries a FortiSandbox serial (devid=FSA...)',
  match,
  normalize,
};
