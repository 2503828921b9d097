// PAN-OS CSV reading: splitting a line, its wall-clock times, and its columns into ECS and panw.panos.* fields.
import type { FieldValue } from '../../core/event.js';
import { zonedToUtc } from '../time-zones.js';
import { isoTime, parseIsoAt } from '../timestamps.js';
import { interned } from '../names.js';
import type { ParseContext } from '../types.js';
import { hashField, isIpAddress, toInt, toPort } from '../values.js';
import {
  CONFIG_COLUMNS,
  CONFIG_COLUMNS_SHORT,
  ECS_COPIES,
  FLAG_LABELS,
  INT_COLUMNS,
  KEEP,
  SYSTEM_COLUMNS,
  THREAT_COLUMNS,
  TIME_COLUMNS,
  TRAFFIC_COLUMNS,
} from './maps/panos.js';
import { ecsMac } from './network.js';
import { setUrlFields } from './url.js';

const NS = 'panw.panos.';
/** Every PAN-OS log starts with seven header columns; the layouts list the columns after them. */
export const HEADER_COLUMNS = 7;

type Fields = Record<string, FieldValue>;

/** "/p?q" style URL-filtering values have no scheme: the text before the first "/" is the host. */
const URL_OPTIONS = { schemelessHost: true } as const;

/** Splits a PAN-OS CSV line; a field in double quotes may hold commas, and "" inside it is one quote. */
export function splitCsv(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === 34 /* " */) {
      let j = i + 1;
      let value = '';
      let from = j;
      for (; j < n; j++) {
        if (s.charCodeAt(j) !== 34) continue;
        if (s.charCodeAt(j + 1) === 34) {
          value += s.slice(from, j + 1);
          j++;
          from = j + 1;
          continue;
        }
        break;
      }
      value += s.slice(from, j);
      out.push(value);
      const comma = s.indexOf(',', j);
      if (comma < 0) return out;
      i = comma + 1;
    } else {
      const comma = s.indexOf(',', i);
      if (comma < 0) {
        out.push(s.slice(i));
        return out;
      }
      out.push(s.slice(i, comma));
      i = comma + 1;
    }
  }
}

function digitsAt(s: string, i: number, count: number): number {
  let v = 0;
  for (let k = i; k < i + count; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** "YYYY/MM/DD hh:mm:ss" in `tz` -> epoch ms; also ISO 8601 (newer PAN-OS formats); NaN otherwise. */
export function panosTime(s: string, tz: string): number {
  if (s.length >= 10 && s.charCodeAt(4) === 45) return parseIsoAt(s, 0, tz);
  if (s.length !== 19 || s.charCodeAt(4) !== 47 || s.charCodeAt(7) !== 47) return NaN;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  const h = digitsAt(s, 11, 2);
  const mi = digitsAt(s, 14, 2);
  const sec = digitsAt(s, 17, 2);
  if (
    y < 0 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > 31 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    sec < 0 ||
    sec > 60
  )
    return NaN;
  return zonedToUtc(tz, y, mo, d, h, mi, sec, 0);
}

const USER_FIELDS = {
  source: { name: 'source.user.name', domain: 'source.user.domain' },
  destination: { name: 'destination.user.name', domain: 'destination.user.domain' },
} as const;

/** "DOMAIN\\user", "DOMAIN\\\\user" or "user@domain" -> <side>.user.name / .domain. */
function putUser(out: Fields, side: 'source' | 'destination', v: string): void {
  const names = USER_FIELDS[side];
  const slash = v.lastIndexOf('\\');
  if (slash > 0) {
    let end = slash;
    while (end > 0 && v.charCodeAt(end - 1) === 92) end--;
    out[names.domain] = v.slice(0, end);
    out[names.name] = v.slice(slash + 1);
    return;
  }
  const at = v.indexOf('@');
  if (at > 0 && at < v.length - 1) {
    out[names.name] = v.slice(0, at);
    out[names.domain] = v.slice(at + 1);
    return;
  }
  out[names.name] = v;
}

const FLAG_BITS = FLAG_LABELS.map(([bit]) => bit | 0);
const FLAG_FIELDS = FLAG_LABELS.map(([, label]) => interned('labels.' + label));

function putFlags(out: Fields, v: string): void {
  const n = v.startsWith('0x') || v.startsWith('0X') ? Number.parseInt(v.slice(2), 16) : toInt(v);
  if (!Number.isFinite(n) || n === 0) return;
  const bits = n | 0;
  for (let i = 0; i < FLAG_BITS.length; i++)
    if ((bits & (FLAG_BITS[i] as number)) !== 0) out[FLAG_FIELDS[i] as string] = true;
}

/** "Name(1234)" -> panw.panos.threat.name / threat.id; id 9999 is PAN-OS's URL filtering. */
function putThreat(out: Fields, v: string): void {
  const open = v.lastIndexOf('(');
  if (open >= 0 && v.charCodeAt(v.length - 1) === 41 /* ) */) {
    const id = v.slice(open + 1, -1).trim();
    const name = v.slice(0, open).trim();
    out['panw.panos.threat.id'] = id;
    if (id === '9999') out['panw.panos.threat.name'] = 'URL-filtering';
    else if (name.length > 0) out['panw.panos.threat.name'] = name;
    return;
  }
  out['panw.panos.threat.name'] = v;
}

/** The URL or file name column of a THREAT log, by subtype. */
function putMisc(out: Fields, subtype: string, v: string): void {
  out['panw.panos.misc'] = v;
  const hasSlash = v.indexOf('/') >= 0;
  if (subtype === 'url' || ((subtype === 'virus' || subtype === 'vulnerability') && hasSlash)) {
    setUrlFields(out, v, URL_OPTIONS);
    const domain = out['url.domain'];
    if (typeof domain === 'string' && out['url.port'] === undefined) out['destination.domain'] = domain;
    return;
  }
  if (subtype === 'file' && (hasSlash || v.indexOf('\\') >= 0)) {
    out['file.path'] = v;
    const cut = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
    out['file.name'] = v.slice(cut + 1);
    return;
  }
  if (subtype === 'file' || subtype === 'virus' || subtype === 'vulnerability' || subtype === 'wildfire')
    out['file.name'] = v;
}

// How a column is read, decided once per layout at load time (no name lookups per line).
const TEXT = 0;
const INT = 1;
const PORT = 2;
const TIME = 3;
const IP = 4;
const SRCUSER = 5;
const DSTUSER = 6;
const FLAGS = 7;
const PROTOCOL = 8;
const APPLICATION = 9;
const MISC = 10;
const THREAT = 11;
const DIRECTION = 12;
const FORWARDED = 13;
const HASH = 14;
const CATEGORY_LIST = 15;
const PCAP = 16;
const HIRES = 17;
const MAC = 18;

const SPECIAL: Readonly<Record<string, number>> = {
  srcuser: SRCUSER,
  dstuser: DSTUSER,
  flags: FLAGS,
  protocol: PROTOCOL,
  'network.application': APPLICATION,
  misc: MISC,
  'threat.name': THREAT,
  direction: DIRECTION,
  forwarded_ip: FORWARDED,
  'file.hash': HASH,
  url_category_list: CATEGORY_LIST,
  'network.pcap_id': PCAP,
  high_res_timestamp: HIRES,
  'src.mac': MAC,
  'dst.mac': MAC,
};

interface Column {
  /** panw.panos.<column>, or '' for FUTURE_USE. */
  vendor: string;
  /** The ECS field it is copied to, or ''. */
  ecs: string;
  /** Whether the panw.panos.* copy is kept beside the ECS one. */
  keep: boolean;
  kind: number;
}

function compile(layout: readonly string[]): Column[] {
  return layout.map((name) => {
    const ecs = ECS_COPIES[name] ?? '';
    let kind = SPECIAL[name] ?? TEXT;
    if (kind === TEXT) {
      if (INT_COLUMNS.has(name)) kind = name.endsWith('.port') ? PORT : INT;
      else if (TIME_COLUMNS.has(name)) kind = TIME;
      else if (name.endsWith('.ip') && ecs.length > 0) kind = IP;
    }
    return {
      vendor: name.length > 0 ? interned(NS + name) : '',
      ecs,
      keep: ecs.length === 0 || KEEP.has(name),
      kind,
    };
  });
}

const TRAFFIC = compile(TRAFFIC_COLUMNS);
const THREATS = compile(THREAT_COLUMNS);
const SYSTEM = compile(SYSTEM_COLUMNS);
const CONFIG = compile(CONFIG_COLUMNS);
const CONFIG_SHORT = compile(CONFIG_COLUMNS_SHORT);
const CONFIG_FLAGS_AT = HEADER_COLUMNS + CONFIG_COLUMNS_SHORT.indexOf('action_flags');

/** Reads the columns of `layout` into ECS and panw.panos.* fields. */
export function mapColumns(
  cols: string[],
  layout: readonly Column[],
  out: Fields,
  ctx: ParseContext,
  subtype: string,
): void {
  const end = Math.min(cols.length, HEADER_COLUMNS + layout.length);
  for (let i = HEADER_COLUMNS; i < end; i++) {
    const v = cols[i] as string;
    if (v.length === 0) continue;
    const col = layout[i - HEADER_COLUMNS] as Column;
    if (col.vendor.length === 0) continue;
    let value: FieldValue = v;
    switch (col.kind) {
      case TEXT:
        break;
      case INT:
      case PORT: {
        const n = col.kind === PORT ? toPort(v) : toInt(v);
        if (Number.isNaN(n)) {
          out[col.vendor] = v;
          continue;
        }
        value = n;
        break;
      }
      case TIME: {
        const t = panosTime(v, ctx.timeZone);
        if (!Number.isNaN(t)) value = isoTime(t);
        break;
      }
      case IP:
        if (!isIpAddress(v)) {
          out[col.vendor] = v;
          continue;
        }
        break;
      case SRCUSER:
        putUser(out, 'source', v);
        continue;
      case DSTUSER:
        putUser(out, 'destination', v);
        continue;
      case FLAGS:
        putFlags(out, v);
        continue;
      case PROTOCOL:
        out['network.transport'] = v.toLowerCase();
        continue;
      case APPLICATION:
        out['network.application'] = v.toLowerCase();
        continue;
      case MISC:
        putMisc(out, subtype, v);
        continue;
      case THREAT:
        putThreat(out, v);
        continue;
      case DIRECTION:
        out['panw.panos.network.direction'] = v;
        continue;
      case FORWARDED:
        if (isIpAddress(v)) out['network.forwarded_ip'] = v;
        else out['panw.panos.x_forwarded_for'] = v;
        continue;
      case HASH: {
        out[col.vendor] = v;
        const algo = hashField(v);
        if (algo !== undefined) out[algo] = v.toLowerCase();
        continue;
      }
      case CATEGORY_LIST:
        out[col.vendor] = v.split(',').map((c) => c.trim());
        continue;
      case PCAP:
        if (v !== '0') out[col.vendor] = v;
        continue;
      case HIRES: {
        const t = parseIsoAt(v, 0, ctx.timeZone);
        out['panw.panos.high_resolution_timestamp'] = Number.isNaN(t) ? v : new Date(t).toISOString();
        continue;
      }
      case MAC: {
        const mac = ecsMac(v);
        out[col.vendor] = mac;
        out[col.vendor === 'panw.panos.src.mac' ? 'source.mac' : 'destination.mac'] = mac;
        continue;
      }
    }
    if (col.ecs.length > 0) out[col.ecs] = value;
    if (col.keep) out[col.vendor] = value;
  }
}

export function layoutFor(type: string, cols: string[]): readonly Column[] | undefined {
  switch (type) {
    case 'TRAFFIC':
      return TRAFFIC;
    case 'THREAT':
    case 'URL':
      return THREATS;
    case 'SYSTEM':
      return SYSTEM;
    case 'CONFIG':
      // Older layouts have the action flags ("0x...") where newer ones have the after-change detail.
      return cols[CONFIG_FLAGS_AT]?.startsWith('0x') ? CONFIG_SHORT : CONFIG;
    default:
      return undefined;
  }
}
