import { describe, expect, it } from 'vitest';
import { conditionHolds, readCondition } from './condition.js';
import type { CorrelationCondition } from './model.js';
import { parseTimespan } from './timespan.js';

const cond = (value: unknown, type: Parameters<typeof readCondition>[1] = 'event_count', rules = 1) => {
  const r = readCondition(value, type, rules);
  if ('error' in r) throw new Error(r.error.message);
  return r.condition;
};
const holds = (c: CorrelationCondition, ...figures: number[]) => figures.map((f) => conditionHolds(c, f));

describe('correlation condition operators', () => {
  it('gt and gte differ exactly at the value', () => {
    expect(holds(cond({ gt: 10 }), 9, 10, 11)).toEqual([false, false, true]);
    expect(holds(cond({ gte: 10 }), 9, 10, 11)).toEqual([false, true, true]);
  });

  it('lt and lte differ exactly at the value', () => {
    expect(holds(cond({ lt: 10 }), 9, 10, 11)).toEqual([true, false, false]);
    expect(holds(cond({ lte: 10 }), 9, 10, 11)).toEqual([true, true, false]);
  });

  it('eq holds only at the value and neq everywhere else', () => {
    expect(holds(cond({ eq: 10 }), 9, 10, 11)).toEqual([false, true, false]);
    expect(holds(cond({ neq: 10 }), 9, 10, 11)).toEqual([true, false, true]);
  });

  it('combines two operators as a range ("101 to 200")', () => {
    expect(holds(cond({ gt: 100, lte: 200 }), 100, 101, 200, 201)).toEqual([false, true, true, false]);
  });

  it('never holds for a figure that could not be computed', () => {
    expect(holds(cond({ neq: 1 }), Number.NaN)).toEqual([false]);
  });

  it('defaults temporal conditions to all referenced rules', () => {
    expect(cond(undefined, 'temporal', 3).comparisons).toEqual([{ op: 'gte', value: 3 }]);
    expect(cond(undefined, 'temporal_ordered', 2).comparisons).toEqual([{ op: 'gte', value: 2 }]);
  });

  it('reads field and percentile for the value types', () => {
    expect(cond({ field: 'User', gte: 100 }, 'value_count')).toEqual({
      comparisons: [{ op: 'gte', value: 100 }],
      fields: ['User'],
    });
    expect(cond({ field: ['a', 'b'], gte: 2 }, 'value_count').fields).toEqual(['a', 'b']);
    expect(cond({ field: 'bytes', percentile: 95, gt: 1e6 }, 'value_percentile').percentile).toBe(95);
  });

  it.each([
    [undefined, 'event_count', /needs a condition/],
    [{}, 'event_count', /needs a comparison/],
    [{ gte: 'ten' }, 'event_count', /condition.gte must be a number/],
    [{ above: 3 }, 'event_count', /condition.above is not a condition key/],
    [{ gte: 3 }, 'value_count', /needs condition.field/],
    [{ gte: 3 }, 'value_sum', /needs condition.field/],
    [{ field: ['a', 'b'], gte: 3 }, 'value_avg', /reads one numeric field/],
    [{ field: 'x', gte: 3 }, 'event_count', /only read by value_\* correlations/],
    [{ field: 'x', gte: 3 }, 'value_percentile', /needs condition.percentile/],
    [{ field: 'x', percentile: 101, gte: 3 }, 'value_percentile', /from 0 to 100/],
    [{ field: 'x', percentile: 50, gte: 3 }, 'value_avg', /only read by value_percentile/],
  ] as const)('refuses %j for %s', (value, type, message) => {
    const r = readCondition(value, type, 1);
    expect('error' in r && r.error.message).toMatch(message);
  });
});

describe('correlation timespans', () => {
  it('reads s, m, h, d (and w) into milliseconds', () => {
    expect(['30s', '90m', '1h', '2d', '1w'].map((t) => parseTimespan(t))).toEqual([
      { ms: 30_000 },
      { ms: 5_400_000 },
      { ms: 3_600_000 },
      { ms: 172_800_000 },
      { ms: 604_800_000 },
    ]);
  });

  it.each([
    ['1H', /unknown unit "H"/],
    ['1M', /months and years are not fixed lengths/],
    ['0m', /greater than zero/],
    ['m5', /number followed by/],
    ['1.5h', /number followed by/],
    [60, /must be text/],
  ])('refuses %j', (text, message) => {
    const r = parseTimespan(text);
    expect('error' in r && r.error).toMatch(message);
  });
});
