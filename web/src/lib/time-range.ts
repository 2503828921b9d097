// The search time range as the API takes it ("now-24h", "now", epoch ms), and how the picker reads and names it.
import { formatMinute, parseZonedTime } from './time.js';

export interface TimeRange {
  /** Inclusive start: "now-15m" style, "now", or epoch ms as text. */
  from: string;
  /** Exclusive end, same forms. */
  to: string;
}

export const QUICK_RANGES = ['now-15m', 'now-1h', 'now-4h', 'now-24h', 'now-7d', 'now-30d'] as const;
export const DEFAULT_RANGE: TimeRange = { from: 'now-24h', to: 'now' };

const RELATIVE = /^now(?:-(\d+)([smhdw]))?$/;
const UNIT_MS: Record<string, number> = { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8 };

export function isRelative(expr: string): boolean {
  return RELATIVE.test(expr);
}

/** Epoch ms of a range bound at `now`; undefined for text the API would refuse. */
export function resolveBound(expr: string, now: number): number | undefined {
  const rel = RELATIVE.exec(expr);
  if (rel) return rel[1] && rel[2] ? now - Number(rel[1]) * (UNIT_MS[rel[2]] ?? 0) : now;
  return /^\d{1,15}$/.test(expr) ? Number(expr) : undefined;
}

/** What a user typed in the picker, as an API bound: "now-2h" stays, a date-time is read in `zone`. */
export function readBound(text: string, zone: string): string | undefined {
  const t = text.trim();
  if (isRelative(t)) return t;
  const at = parseZonedTime(t, zone);
  return at === undefined ? undefined : String(at);
}

/** The picker's text for a bound: relative ones as they are, absolute ones as a minute in `zone`. */
export function showBound(expr: string, zone: string): string {
  const rel = isRelative(expr);
  if (rel) return expr;
  const at = resolveBound(expr, 0);
  return at === undefined ? expr : formatMinute(at, zone);
}

/** A range of absolute bounds; zooming out doubles it around its middle. */
export function zoomOut(range: TimeRange, now: number): TimeRange {
  const from = resolveBound(range.from, now);
  const to = resolveBound(range.to, now);
  if (from === undefined || to === undefined) return range;
  const half = Math.max(to - from, 60_000) / 2;
  const end = Math.min(to + half, now);
  return { from: String(Math.round(from - half)), to: end >= now ? 'now' : String(Math.round(end)) };
}
