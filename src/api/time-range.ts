// Search time ranges and histogram intervals as the API accepts them: time expressions, "5m", "auto".
import { YaguraError, isYaguraError } from '../core/errors.js';
import type { Bucket } from '../store/event-store.js';
import { parseTimeExpression } from '../search/time-expression.js';

export const MAX_HISTOGRAM_BUCKETS = 10_000;
const TARGET_BUCKETS = 60;

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Intervals "auto" chooses from: round numbers a chart axis reads well. */
const NICE_INTERVALS = [
  1, 5, 10, 50, 100, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000,
  604_800_000, 1_209_600_000, 2_592_000_000,
];

/** A time expression given as request parameter `key`, as epoch ms; a bad one names the parameter. */
export function timeParam(text: string, now: number, key: string): number {
  try {
    return parseTimeExpression(text, now);
  } catch (e) {
    if (isYaguraError(e)) {
      throw new YaguraError(e.code, `${key}: ${e.message}`, {
        ...e.details,
        location: { ...e.details?.location, key },
      });
    }
    throw e;
  }
}

/** Epoch ms bounds for `from` (inclusive) and `to` (exclusive); `from` must come first. */
export function resolveRange(from: string, to: string, now: number): { from: number; to: number } {
  const range = { from: timeParam(from, now, 'from'), to: timeParam(to, now, 'to') };
  if (range.from >= range.to) {
    throw new YaguraError('TIME_INVALID', `"from" (${from}) must be before "to" (${to})`, {
      location: { key: 'from' },
    });
  }
  return range;
}

/** Milliseconds for an interval: a number of ms, "30s"/"5m"/"1h"/"1d"/"1w", or "auto" (about 60 buckets over the range). */
export function histogramInterval(interval: string | number, range: { from: number; to: number }): number {
  const span = range.to - range.from;
  let ms: number;
  if (typeof interval === 'number') ms = interval;
  else if (interval === 'auto') {
    ms = NICE_INTERVALS.find((c) => span / c <= TARGET_BUCKETS) ?? Math.ceil(span / TARGET_BUCKETS);
  } else {
    const m = /^(\d+)(ms|s|m|h|d|w)$/.exec(interval.trim());
    if (!m) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `by.histogram.interval: "${interval}" is not an interval like 30s, 5m, 1h, 1d or auto`,
        {
          location: { key: 'by.histogram.interval' },
        },
      );
    }
    ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  }
  if (!Number.isSafeInteger(ms) || ms <= 0) {
    throw new YaguraError(
      'REQUEST_INVALID',
      'by.histogram.interval: must be a positive whole number of milliseconds',
      {
        location: { key: 'by.histogram.interval' },
      },
    );
  }
  const buckets = Math.ceil(span / ms);
  if (buckets > MAX_HISTOGRAM_BUCKETS) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `by.histogram.interval: ${ms} ms over this range makes ${buckets} buckets; the most is ${MAX_HISTOGRAM_BUCKETS}`,
      { location: { key: 'by.histogram.interval' } },
    );
  }
  return ms;
}

/** Every bucket from the one holding `from` to the one before `to`, zero where the store had none, so charts have no gaps. */
export function fillHistogram(
  buckets: readonly Bucket[],
  range: { from: number; to: number },
  intervalMs: number,
): Bucket[] {
  const counts = new Map<number, number>();
  for (const b of buckets)
    if (typeof b.key === 'number') counts.set(b.key, (counts.get(b.key) ?? 0) + b.count);
  const out: Bucket[] = [];
  for (let start = Math.floor(range.from / intervalMs) * intervalMs; start < range.to; start += intervalMs) {
    out.push({ key: start, count: counts.get(start) ?? 0 });
    counts.delete(start);
  }
  // A store that aligns buckets differently still has its buckets shown, in order.
  for (const [key, count] of counts) out.push({ key, count });
  return counts.size > 0 ? out.sort((a, b) => (a.key as number) - (b.key as number)) : out;
}
