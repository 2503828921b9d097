// Correlation timespans: `number + unit` (spec 2.1: s, m, h, d; w also read, as pySigma does) to milliseconds.

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** The timespan in milliseconds, or an explanation of why the text is not one. */
export function parseTimespan(text: unknown): { ms: number } | { error: string } {
  if (typeof text !== 'string') return { error: 'timespan must be text such as "5m" or "1h"' };
  const m = /^(\d+)([a-zA-Z])$/.exec(text.trim());
  if (!m) return { error: `timespan "${text}" must be a number followed by s, m, h, d or w (e.g. "90m")` };
  const unit = m[2]!;
  const size = UNIT_MS[unit];
  if (size === undefined) {
    // pySigma also reads M and y as average month and year lengths; a window must be a fixed duration here.
    const hint = unit === 'M' || unit === 'y' ? ': months and years are not fixed lengths, write days' : '';
    return { error: `timespan "${text}": unknown unit "${unit}" (s, m, h, d or w)${hint}` };
  }
  const count = Number(m[1]);
  if (count <= 0) return { error: `timespan "${text}" must be greater than zero` };
  return { ms: count * size };
}
