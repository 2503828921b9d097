// Time expressions shared by query ranges and the CLI's --from/--to: ISO 8601, epoch seconds/ms, and `now` date math.
import { YaguraError } from '../core/errors.js';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
const EPOCH = /^(\d+)(?:\.(\d+))?$/;
const NOW = /^[nN][oO][wW]((?:[+-]\d+(?:ms|[smhdwMy])|\/(?:[smhdwMy]))*)$/;
const NOW_STEP = /([+-])(\d+)(ms|[smhdwMy])|\/([smhdwMy])/g;

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
// Epoch values with up to 10 integer digits are seconds (until the year 2286); longer ones are milliseconds.
const MAX_EPOCH_SECONDS_DIGITS = 10;
const MAX_TIME = 8.64e15;

function invalid(text: string, why: string): YaguraError {
  return new YaguraError('TIME_INVALID', `Invalid time "${text}": ${why}`);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an ISO 8601 date or date-time; without a zone it is UTC. Returns undefined when the text is not ISO-shaped. */
export function parseIsoTime(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12) throw invalid(text, 'the month must be 01-12');
  if (day < 1 || day > daysInMonth(year, month))
    throw invalid(text, `the day must be 01-${daysInMonth(year, month)}`);
  if (hour > 23 || minute > 59 || second > 59) throw invalid(text, 'the time of day is out of range');
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let offset = 0;
  if (sign && !z) {
    const offH = Number(oh);
    const offM = Number(om ?? 0);
    if (offH > 23 || offM > 59) throw invalid(text, 'the zone offset is out of range');
    offset = (sign === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime() - offset;
}

function roundDown(ms: number, unit: string): number {
  const d = new Date(ms);
  switch (unit) {
    case 'y':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'M':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'w': {
      const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      return dayStart - sinceMonday * UNIT_MS['d']!;
    }
    default: {
      const size = UNIT_MS[unit]!;
      return Math.floor(ms / size) * size;
    }
  }
}

function addCalendar(ms: number, amount: number, unit: 'M' | 'y'): number {
  const d = new Date(ms);
  if (unit === 'y') d.setUTCFullYear(d.getUTCFullYear() + amount);
  else d.setUTCMonth(d.getUTCMonth() + amount);
  return d.getTime();
}

function parseNow(text: string, steps: string, now: number): number {
  let t = now;
  for (const m of steps.matchAll(NOW_STEP)) {
    const [, sign, amount, unit, roundUnit] = m;
    if (roundUnit) {
      t = roundDown(t, roundUnit);
      continue;
    }
    const n = (sign === '-' ? -1 : 1) * Number(amount);
    t = unit === 'M' || unit === 'y' ? addCalendar(t, n, unit) : t + n * UNIT_MS[unit!]!;
  }
  if (!Number.isFinite(t) || Math.abs(t) > MAX_TIME) throw invalid(text, 'the result is out of range');
  return t;
}

/**
 * Epoch ms for a time expression:
 * - ISO 8601: `2025-11-28`, `2025-11-28T10:00`, `2025-11-28T10:00:00.123Z`, `2025-11-28 10:00:00+09:00` (no zone: UTC);
 * - epoch: `1764324000` (10 digits or fewer: seconds, fractions allowed) or `1764324000123` (milliseconds);
 * - relative to `now`: `now`, `now-15m`, `now-1h`, `now-7d`, `now+1w`, `now-1M`, `now/d`, `now-1d/d`
 *   (units ms s m h d w M y; `/unit` rounds down to the start of the unit, in UTC, weeks start on Monday).
 * Throws YaguraError('TIME_INVALID') otherwise.
 */
export function parseTimeExpression(text: string, now: number = Date.now()): number {
  const s = text.trim();
  if (s === '') throw invalid(text, 'it is empty');
  const rel = NOW.exec(s);
  if (rel) return parseNow(s, rel[1] ?? '', now);
  const epoch = EPOCH.exec(s);
  if (epoch) {
    const [, int, frac] = epoch;
    if (int!.length <= MAX_EPOCH_SECONDS_DIGITS) return Math.round(Number(`${int}.${frac ?? '0'}`) * 1000);
    if (frac) throw invalid(s, 'epoch milliseconds cannot have a fraction');
    const ms = Number(int);
    if (ms > MAX_TIME) throw invalid(s, 'the result is out of range');
    return ms;
  }
  const iso = parseIsoTime(s);
  if (iso !== undefined) return iso;
  throw invalid(s, 'expected ISO 8601 (2025-11-28T10:00:00Z), epoch seconds or ms, or now-15m');
}

/** Whether the text is a date without a time of day (`2025-11-28`): a query term on a time field then means that whole UTC day. */
export function isDateOnly(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
}
