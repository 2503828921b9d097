// Wall clock <-> UTC in IANA zones via Intl, with offsets cached per 15-minute bucket so the ingest hot path
// almost never calls Intl. Unknown zones read as UTC; fixed offsets ("+09:00") are accepted as zones.

const MINUTE = 60_000;
const BUCKET = 15 * MINUTE;

interface Zone {
  /** null: UTC or a fixed offset (see `fixed`). */
  fmt: Intl.DateTimeFormat | null;
  fixed: number;
  offsets: Map<number, number>;
  lastKey: number;
  lastOffset: number;
}

const zones = new Map<string, Zone>();
const UTC_NAMES = new Set([
  'UTC',
  'Etc/UTC',
  'GMT',
  'Etc/GMT',
  'UCT',
  'Z',
  'Zulu',
  'Universal',
  'utc',
  'gmt',
]);
const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** "+09:00" / "-0530" as ms, NaN for anything else. */
function fixedOffset(tz: string): number {
  const m = FIXED_OFFSET.exec(tz);
  if (!m) return NaN;
  const off = (Number(m[2]) * 60 + Number(m[3])) * MINUTE;
  return m[1] === '-' ? -off : off;
}

// Loose shape check before asking Intl: zone names may come from log content (CEF `dtz`).
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]{0,30}(?:\/[A-Za-z0-9_+-]{1,30}){0,2}$/;

function zoneFor(tz: string): Zone {
  const cached = zones.get(tz);
  if (cached) return cached;
  let fmt: Intl.DateTimeFormat | null = null;
  let fixed = 0;
  const off = fixedOffset(tz);
  if (!Number.isNaN(off)) {
    fixed = off;
  } else if (!UTC_NAMES.has(tz) && ZONE_NAME.test(tz)) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      fmt = null; // an unknown zone reads as UTC rather than failing the message
    }
  }
  const zone: Zone = { fmt, fixed, offsets: new Map(), lastKey: NaN, lastOffset: 0 };
  if (zones.size > 500) zones.clear();
  zones.set(tz, zone);
  return zone;
}

/** True when `tz` is a zone name Intl knows, UTC, or a fixed offset like "+09:00". */
export function isKnownTimeZone(tz: string): boolean {
  const z = zoneFor(tz);
  return z.fmt !== null || UTC_NAMES.has(tz) || !Number.isNaN(fixedOffset(tz));
}

function computeOffset(fmt: Intl.DateTimeFormat, utcMs: number): number {
  let y = 0;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of fmt.formatToParts(new Date(utcMs))) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value) % 24;
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      default:
        break;
    }
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - utcMs;
}

/** Offset of the zone from UTC (ms, local minus UTC) at the instant `utcMs`. */
export function zoneOffset(tz: string, utcMs: number): number {
  const z = zoneFor(tz);
  if (!z.fmt) return z.fixed;
  const key = Math.floor(utcMs / BUCKET);
  if (key === z.lastKey) return z.lastOffset;
  let off = z.offsets.get(key);
  if (off === undefined) {
    off = computeOffset(z.fmt, key * BUCKET);
    if (z.offsets.size > 20_000) z.offsets.clear();
    z.offsets.set(key, off);
  }
  z.lastKey = key;
  z.lastOffset = off;
  return off;
}

/** The last wall-clock time zonedToUtc converted, and its answer. */
const last = { tz: '', y: NaN, mo: NaN, d: NaN, h: NaN, mi: NaN, s: NaN, ms: NaN, utc: NaN };

/** Epoch ms of a wall-clock time in zone `tz` (month 1-12). */
export function zonedToUtc(
  tz: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number {
  if (y < 100) return NaN; // Date.UTC maps 0-99 to 1900-1999
  // The lines of a feed mostly repeat the last second: the last answer is kept.
  if (
    s === last.s &&
    mi === last.mi &&
    h === last.h &&
    d === last.d &&
    mo === last.mo &&
    y === last.y &&
    ms === last.ms &&
    tz === last.tz
  )
    return last.utc;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const o1 = zoneOffset(tz, wall);
  const o2 = zoneOffset(tz, wall - o1);
  last.tz = tz;
  last.y = y;
  last.mo = mo;
  last.d = d;
  last.h = h;
  last.mi = mi;
  last.s = s;
  last.ms = ms;
  last.utc = wall - o2;
  return last.utc;
}

let yearKey = NaN;
let yearTz = '';
let yearValue = 0;

/** The calendar year at `utcMs` in zone `tz` (cached per 15 minutes: called for every RFC 3164 line). */
export function yearAt(tz: string, utcMs: number): number {
  const key = Math.floor(utcMs / BUCKET);
  if (key === yearKey && tz === yearTz) return yearValue;
  yearValue = new Date(utcMs + zoneOffset(tz, utcMs)).getUTCFullYear();
  yearKey = key;
  yearTz = tz;
  return yearValue;
}
