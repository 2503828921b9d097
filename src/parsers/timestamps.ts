// Timestamp reading for log formats: ISO 8601 / RFC 3339, BSD "Mmm dd hh:mm:ss", epoch numbers. Readers
// work at an index in the line and report where they stopped (lastEnd) instead of allocating results.
import { yearAt, zonedToUtc } from './time-zones.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Position after the last successful parse*At call (module state: avoids allocating a result object). */
export let lastEnd = 0;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function digits2(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function digits4(s: string, i: number): number {
  const a = digits2(s, i);
  const b = digits2(s, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

/** Reads "Z", "+hh:mm", "+hhmm" or "+hh" at `i`; returns the offset in ms (NaN when absent) and sets lastEnd. */
export function parseOffsetAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 90 /* Z */ || c === 122 /* z */) {
    lastEnd = i + 1;
    return 0;
  }
  if (c !== 43 /* + */ && c !== 45 /* - */ && c !== 0x2212 /* minus sign */) return NaN;
  const hh = digits2(s, i + 1);
  if (hh < 0 || hh > 18) return NaN;
  let j = i + 3;
  let mm = 0;
  if (s.charCodeAt(j) === 58 /* : */) j++;
  const m2 = digits2(s, j);
  if (m2 >= 0) {
    if (m2 > 59) return NaN;
    mm = m2;
    j += 2;
  } else if (j !== i + 3) {
    return NaN;
  }
  lastEnd = j;
  const off = (hh * 60 + mm) * MINUTE;
  return c === 43 ? off : -off;
}

/** Reads fractional seconds ".ffffff" at `i` (either "." or ","); returns ms (truncated) and sets fracEnd. */
let fracEnd = 0;
function fraction(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c !== 46 && c !== 44) {
    fracEnd = i;
    return 0;
  }
  let j = i + 1;
  let ms = 0;
  let n = 0;
  for (;;) {
    const d = digit(s, j);
    if (d < 0) break;
    if (n < 3) ms = ms * 10 + d;
    n++;
    j++;
  }
  if (n === 0) {
    fracEnd = i;
    return 0;
  }
  for (; n < 3; n++) ms *= 10;
  fracEnd = j;
  return ms;
}

/**
 * Reads an ISO 8601 / RFC 3339 date-time at `i`: "YYYY-MM-DD[T ]hh:mm[:ss][.fff][Z|±hh:mm]".
 * Without a zone designator the wall clock is read in `tz`. Returns epoch ms or NaN; sets lastEnd.
 */
export function parseIsoAt(s: string, i: number, tz: string): number {
  const y = digits4(s, i);
  if (y < 0 || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return NaN;
  const mo = digits2(s, i + 5);
  const d = digits2(s, i + 8);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return NaN;
  const sep = s.charCodeAt(i + 10);
  if (sep !== 84 /* T */ && sep !== 32 && sep !== 116 /* t */) return NaN;
  const h = digits2(s, i + 11);
  const mi = digits2(s, i + 14);
  if (h < 0 || h > 23 || s.charCodeAt(i + 13) !== 58 || mi < 0 || mi > 59) return NaN;
  let j = i + 16;
  let sec = 0;
  if (s.charCodeAt(j) === 58) {
    sec = digits2(s, j + 1);
    if (sec < 0 || sec > 60) return NaN;
    j += 3;
  }
  const ms = fraction(s, j);
  j = fracEnd;
  const off = parseOffsetAt(s, j);
  if (!Number.isNaN(off)) {
    j = lastEnd;
    lastEnd = j;
    return Date.UTC(y, mo - 1, d, h, mi, sec, ms) - off;
  }
  const t = zonedToUtc(tz, y, mo, d, h, mi, sec, ms);
  lastEnd = j;
  return t;
}

// Month from three letters, case-insensitive, as a small hash: (c0|32)<<16 | (c1|32)<<8 | (c2|32).
const MONTHS = new Map<number, number>();
['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].forEach((m, idx) => {
  MONTHS.set((m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2), idx + 1);
});

function monthAt(s: string, i: number): number {
  const key = ((s.charCodeAt(i) | 32) << 16) | ((s.charCodeAt(i + 1) | 32) << 8) | (s.charCodeAt(i + 2) | 32);
  return MONTHS.get(key) ?? 0;
}

/** True when a BSD timestamp ("Mmm dd ") starts at `i`: cheap, for detect(). */
export function looksBsdAt(s: string, i: number): boolean {
  return monthAt(s, i) > 0 && s.charCodeAt(i + 3) === 32;
}

/** True when an ISO date ("YYYY-MM-DD") starts at `i`. */
export function looksIsoAt(s: string, i: number): boolean {
  return digits4(s, i) >= 0 && s.charCodeAt(i + 4) === 45 && s.charCodeAt(i + 7) === 45;
}

/**
 * Reads a BSD timestamp at `i`: "Mmm dd hh:mm:ss[.fff]", also "Mmm dd yyyy hh:mm:ss" (Cisco) and
 * "Mmm dd hh:mm:ss yyyy". Without a year the year is chosen so the time is at most one day after
 * `receivedAt`. Wall clock in `tz`, unless an offset or "UTC"/"GMT"/"Z" follows. Returns epoch ms or NaN;
 * sets lastEnd.
 */
export function parseBsdAt(s: string, i: number, tz: string, receivedAt: number): number {
  const mo = monthAt(s, i);
  if (mo === 0 || s.charCodeAt(i + 3) !== 32) return NaN;
  let j = i + 4;
  if (s.charCodeAt(j) === 32) j++; // "Nov  8"
  let d = digit(s, j);
  if (d < 0) return NaN;
  j++;
  const d2 = digit(s, j);
  if (d2 >= 0) {
    d = d * 10 + d2;
    j++;
  }
  if (d < 1 || d > 31 || s.charCodeAt(j) !== 32) return NaN;
  j++;
  let year = -1;
  const yy = digits4(s, j);
  if (yy >= 0 && s.charCodeAt(j + 4) === 32) {
    year = yy;
    j += 5;
  }
  const h = digits2(s, j);
  const mi = digits2(s, j + 3);
  const sec = digits2(s, j + 6);
  if (
    h < 0 ||
    h > 23 ||
    s.charCodeAt(j + 2) !== 58 ||
    mi < 0 ||
    mi > 59 ||
    s.charCodeAt(j + 5) !== 58 ||
    sec < 0 ||
    sec > 60
  ) {
    return NaN;
  }
  j += 8;
  const ms = fraction(s, j);
  j = fracEnd;
  if (year < 0 && s.charCodeAt(j) === 32) {
    const trailing = digits4(s, j + 1);
    const after = s.charCodeAt(j + 5);
    if (trailing >= 1970 && (Number.isNaN(after) || after === 32 || after === 58)) {
      year = trailing;
      j += 5;
    }
  }
  // An explicit zone after the time: " UTC", " GMT", " Z", " +0900".
  let off = NaN;
  if (s.charCodeAt(j) === 32) {
    const c = s.charCodeAt(j + 1);
    if ((c === 85 && s.startsWith('UTC', j + 1)) || (c === 71 && s.startsWith('GMT', j + 1))) {
      const o = parseOffsetAt(s, j + 4);
      if (!Number.isNaN(o)) {
        off = o;
        j = lastEnd;
      } else {
        off = 0;
        j += 4;
      }
    } else if (c === 43 || c === 45) {
      const o = parseOffsetAt(s, j + 1);
      if (!Number.isNaN(o) && lastEnd - j >= 5) {
        off = o;
        j = lastEnd;
      }
    }
  }
  const wallTz = Number.isNaN(off) ? tz : '';
  const at = (yr: number): number =>
    wallTz ? zonedToUtc(wallTz, yr, mo, d, h, mi, sec, ms) : Date.UTC(yr, mo - 1, d, h, mi, sec, ms) - off;
  let t: number;
  if (year >= 0) {
    t = at(year);
  } else {
    const yr = yearAt(tz, receivedAt);
    t = at(yr);
    if (t > receivedAt + DAY) t = at(yr - 1);
  }
  lastEnd = j;
  return t;
}

/**
 * Reads a whole-string time value as devices write it: epoch seconds/ms, ISO 8601, or BSD with or
 * without year. Used for CEF `rt`, LEEF `devTime`, JSON `@timestamp`. Returns epoch ms or NaN.
 */
export function parseTimeValue(v: string, tz: string, receivedAt: number): number {
  let i = 0;
  while (v.charCodeAt(i) === 32) i++;
  if (i >= v.length) return NaN;
  const c = v.charCodeAt(i);
  if (c >= 48 && c <= 57) {
    if (looksIsoAt(v, i)) return parseIsoAt(v, i, tz);
    let allDigits = true;
    let dot = false;
    for (let j = i; j < v.length; j++) {
      const d = v.charCodeAt(j);
      if (d === 46 && !dot) dot = true;
      else if (d < 48 || d > 57) {
        allDigits = false;
        break;
      }
    }
    if (allDigits) return epochToMs(Number(v));
    return NaN;
  }
  return parseBsdAt(v, i, tz, receivedAt);
}

/** Epoch seconds or milliseconds (told apart by size: seconds until the year 5138) to ms. */
export function epochToMs(n: number): number {
  if (!Number.isFinite(n) || n < 0) return NaN;
  return n < 1e11 ? Math.round(n * 1000) : Math.floor(n);
}

// Lines of a feed share their seconds: the last ISO strings are remembered, by the low bits of the time.
const isoMs = new Float64Array(64).fill(NaN);
const isoText: string[] = new Array<string>(64).fill('');

/** new Date(ms).toISOString(), remembered for recent times (and throwing the same RangeError for invalid ones). */
export function isoTime(ms: number): string {
  const slot = ms & 63;
  if (isoMs[slot] === ms) return isoText[slot] as string;
  const text = new Date(ms).toISOString();
  isoMs[slot] = ms;
  isoText[slot] = text;
  return text;
}
