// Zscaler ZIA NSS web logs as JSON ({"sourcetype":"zscalernss-web","event":{...}} or the flat feed) to ECS + zscaler_zia.web.*.
//
// The NSS feed template decides the keys; both Elastic's older names (eurl, ua, cip, sip, ereferer) and the current
// template's (url, useragent, cltip, serverip, referer) are read. Values are text ("600"); NSS writes "None" or "NA" for
// nothing, which is dropped. Times carry no zone: the feed's `tz` when it names one, else the tenant's zone.
import type { FieldValue } from '../../core/event.js';
import { isKnownTimeZone } from '../time-zones.js';
import { epochToMs, looksIsoAt, parseBsdAt, parseIsoAt } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toInt, toPort } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  EMPTY_VALUES,
  RULE_LABEL_KEYS,
  WEB_FIELDS,
  type ZscalerConversion,
  type ZscalerField,
} from './maps/zscaler.js';
import { setUrlFields } from './url.js';

const NS = 'zscaler_zia.web.';
const WRAPPER = 'event.';

/** Values read by hand below (time, URL, user, action, rule labels, ...), not through WEB_FIELDS. */
interface Specials {
  time?: string;
  epochtime?: string;
  tz?: string;
  login?: string;
  action?: string;
  eurl?: string;
  url?: string;
  b64url?: string;
  host?: string;
  proto?: string;
  ua?: string;
  useragent?: string;
  ereferer?: string;
  referer?: string;
  b64referer?: string;
  contenttype?: string;
  rulelabel?: string;
  urlfilterrulelabel?: string;
  apprulelabel?: string;
  dlprulename?: string;
}
type SpecialKey = keyof Specials;

const SPECIAL: ReadonlySet<string> = new Set<SpecialKey>([
  'time',
  'epochtime',
  'tz',
  'login',
  'action',
  'eurl',
  'url',
  'b64url',
  'host',
  'proto',
  'ua',
  'useragent',
  'ereferer',
  'referer',
  'b64referer',
  'contenttype',
  'rulelabel',
  'urlfilterrulelabel',
  'apprulelabel',
  'dlprulename',
]);

/** What a record key means, worked out once per key name: every line of a feed repeats its template's keys. */
interface KeyInfo {
  /** The NSS key ("login"), without the "event." wrapper. */
  key: string;
  special: SpecialKey | undefined;
  spec: ZscalerField | undefined;
  /** zscaler_zia.web.<key>, for values with no other home. */
  ns: string;
}
const keyInfos = new Map<string, KeyInfo>();
function keyInfo(k: string): KeyInfo {
  let info = keyInfos.get(k);
  if (info === undefined) {
    const key = k.startsWith(WRAPPER) ? k.slice(WRAPPER.length) : k;
    info = {
      key,
      special: SPECIAL.has(key) ? (key as SpecialKey) : undefined,
      spec: Object.prototype.hasOwnProperty.call(WEB_FIELDS, key) ? WEB_FIELDS[key] : undefined,
      ns: NS + key,
    };
    if (keyInfos.size < 5_000) keyInfos.set(k, info);
  }
  return info;
}

/** Header fields kept when the feed arrives behind a syslog header. */
const HEADER_FIELDS: ReadonlySet<string> = new Set(['host.hostname', 'process.name', 'process.pid']);

function convert(v: string, as: ZscalerConversion | undefined): FieldValue | undefined {
  switch (as) {
    case undefined:
      return v;
    case 'int': {
      const n = toInt(v);
      return Number.isNaN(n) ? undefined : n;
    }
    case 'float': {
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'ip':
      return isIpAddress(v) ? v : undefined;
    case 'port': {
      const n = toPort(v);
      return Number.isNaN(n) ? undefined : n;
    }
  }
}

/** NSS percent-encodes some values (user agents, labels, logins); a malformed escape leaves the text as it is. */
function decodePercent(v: string): string {
  if (!v.includes('%')) return v;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

function decodeBase64(v: string): string {
  return Buffer.from(v, 'base64').toString('utf8');
}

/** "Fri Dec 31 07:07:07 2021" (the default) or "2021-12-31 07:07:07", wall clock in `tz`. */
function readTime(v: string, tz: string, receivedAt: number): number {
  if (looksIsoAt(v, 0)) return parseIsoAt(v, 0, tz);
  const sp = v.indexOf(' ');
  return parseBsdAt(v, sp + 1, tz, receivedAt);
}

function zoneOf(tz: string | undefined, fallback: string): string {
  if (tz === undefined) return fallback;
  if (tz === 'GMT' || tz === 'UTC') return 'UTC';
  return isKnownTimeZone(tz) ? tz : fallback;
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const behindHeader = record.format !== 'json';
  const out: Record<string, FieldValue> = {};
  const v: Specials = {};
  for (const k in f) {
    const value = f[k] as FieldValue;
    if (behindHeader && (HEADER_FIELDS.has(k) || k.startsWith('log.'))) {
      out[k] = value;
      continue;
    }
    if (k === 'sourcetype' || k === 'message') continue;
    let raw: string;
    if (typeof value === 'string') {
      if (EMPTY_VALUES.has(value)) continue;
      raw = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      raw = String(value);
    } else {
      continue;
    }
    const info = keyInfo(k);
    if (info.special) {
      v[info.special] = raw;
      continue;
    }
    const spec = info.spec;
    const converted = spec ? convert(spec.decode ? decodePercent(raw) : raw, spec.as) : undefined;
    if (spec === undefined || converted === undefined) {
      out[info.ns] = raw;
      continue;
    }
    out[spec.to] = converted;
    if (spec.also) out[spec.also] = converted;
  }

  out['event.kind'] = 'event';
  out['event.category'] = ['web'];
  out['observer.vendor'] = 'Zscaler';
  out['observer.product'] = 'ZIA';
  out['observer.type'] = 'proxy';

  const action = v['action'];
  const type = ['access'];
  if (action) {
    const a = action.toLowerCase().replaceAll(' ', '-');
    out['event.action'] = a;
    out['event.outcome'] =
      a === 'allowed' ? 'success' : a === 'blocked' || a === 'denied' ? 'failure' : 'unknown';
    if (a === 'allowed') type.push('allowed');
    else if (a === 'blocked' || a === 'denied') type.push('denied');
  }
  out['event.type'] = type;

  const login = v['login'] ? decodePercent(v['login']) : undefined;
  if (login) {
    const at = login.indexOf('@');
    if (at > 0) {
      out['user.email'] = login;
      out['user.name'] = login.slice(0, at);
      out['user.domain'] = login.slice(at + 1);
    } else {
      out['user.name'] = login;
    }
  }

  const proto = v['proto']?.toLowerCase();
  if (proto) out['network.protocol'] = proto;
  const url = v['eurl'] ?? v['url'] ?? (v['b64url'] ? decodeBase64(v['b64url']) : undefined);
  if (url) {
    setUrlFields(out, url, { schemelessHost: true });
    if (out['url.scheme'] === undefined && (proto === 'http' || proto === 'https')) {
      out['url.scheme'] = proto;
      out['url.full'] = proto + '://' + url;
    }
  }
  const host = v['host'];
  if (host) out['destination.domain'] = decodePercent(host);

  const ua = v['ua'] ?? v['useragent'];
  if (ua) out['user_agent.original'] = decodePercent(ua);
  const referrer =
    v['ereferer'] ?? v['referer'] ?? (v['b64referer'] ? decodeBase64(v['b64referer']) : undefined);
  if (referrer) out['http.request.referrer'] = referrer;

  const content = v['contenttype'];
  if (content) {
    out[NS + 'content_type'] = content;
    if (content.includes('/')) out['http.response.mime_type'] = content;
  }

  const rules: string[] = [];
  for (const key of RULE_LABEL_KEYS) {
    const label = v[key as SpecialKey];
    if (label) {
      const name = decodePercent(label);
      if (!rules.includes(name)) rules.push(name);
    }
  }
  if (rules.length === 1) out['rule.name'] = rules[0] as string;
  else if (rules.length > 1) out['rule.name'] = rules;

  const zone = zoneOf(v['tz'], ctx.timeZone);
  const epoch = v['epochtime'] ? epochToMs(Number(v['epochtime'])) : NaN;
  const time = Number.isNaN(epoch) && v['time'] ? readTime(v['time'], zone, ctx.receivedAt) : epoch;
  if (!Number.isNaN(time)) {
    record.time = time;
    if (Number.isNaN(epoch)) out['event.timezone'] = zone;
  }
  if (v['tz']) out[NS + 'timezone'] = v['tz'];

  record.fields = out;
  record.logsource = { product: 'zscaler', category: 'proxy' };
  return record;
}

export const zscaler: DeviceParser = {
  name: 'zscaler',
  description: 'Zscaler ZIA NSS web logs (JSON feed) to ECS and zscaler_zia.web.*.',
  why: 'the JSON is an NSS web record (sourcetype zscalernss-web, or login/reqmethod and a URL)',
  match(record) {
    const f = record.fields;
    const st = f['sourcetype'];
    if (typeof st === 'string') return st === 'zscalernss-web';
    if (typeof f['event.reqmethod'] === 'string')
      return typeof f['event.login'] === 'string' && (f['event.eurl'] ?? f['event.url']) !== undefined;
    return (
      typeof f['reqmethod'] === 'string' &&
      typeof f['login'] === 'string' &&
      (f['eurl'] ?? f['url']) !== undefined
    );
  },
  normalize,
};
