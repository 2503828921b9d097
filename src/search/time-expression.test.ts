import { describe, expect, it } from 'vitest';
import { YaguraError } from '../core/errors.js';
import { isDateOnly, parseIsoTime, parseTimeExpression } from './time-expression.js';

const NOW = Date.UTC(2025, 10, 28, 10, 17, 42, 123); // Friday 2025-11-28T10:17:42.123Z

describe('parseTimeExpression', () => {
  it('reads ISO 8601 date-times with a zone', () => {
    expect(parseTimeExpression('2025-11-28T10:00:00Z', NOW)).toBe(Date.UTC(2025, 10, 28, 10));
    expect(parseTimeExpression('2025-11-28T10:00:00.123Z', NOW)).toBe(Date.UTC(2025, 10, 28, 10, 0, 0, 123));
    expect(parseTimeExpression('2025-11-28T19:00:00+09:00', NOW)).toBe(Date.UTC(2025, 10, 28, 10));
    expect(parseTimeExpression('2025-11-28T05:00:00-0500', NOW)).toBe(Date.UTC(2025, 10, 28, 10));
    expect(parseTimeExpression('2025-11-28 10:00:00Z', NOW)).toBe(Date.UTC(2025, 10, 28, 10));
  });

  it('reads times without a zone, and dates alone, as UTC', () => {
    expect(parseTimeExpression('2025-11-28T10:00', NOW)).toBe(Date.UTC(2025, 10, 28, 10));
    expect(parseTimeExpression('2025-11-28T10:00:30', NOW)).toBe(Date.UTC(2025, 10, 28, 10, 0, 30));
    expect(parseTimeExpression('2025-11-28', NOW)).toBe(Date.UTC(2025, 10, 28));
  });

  it('reads epoch seconds (10 digits or fewer) and epoch milliseconds', () => {
    expect(parseTimeExpression('1764324000', NOW)).toBe(1764324000000);
    expect(parseTimeExpression('1764324000.5', NOW)).toBe(1764324000500);
    expect(parseTimeExpression('1764324000123', NOW)).toBe(1764324000123);
    expect(parseTimeExpression('0', NOW)).toBe(0);
  });

  it('reads now with offsets in every unit', () => {
    expect(parseTimeExpression('now', NOW)).toBe(NOW);
    expect(parseTimeExpression('now-15m', NOW)).toBe(NOW - 15 * 60_000);
    expect(parseTimeExpression('now-1h', NOW)).toBe(NOW - 3_600_000);
    expect(parseTimeExpression('now-7d', NOW)).toBe(NOW - 7 * 86_400_000);
    expect(parseTimeExpression('now+30s', NOW)).toBe(NOW + 30_000);
    expect(parseTimeExpression('now-500ms', NOW)).toBe(NOW - 500);
    expect(parseTimeExpression('now-2w', NOW)).toBe(NOW - 14 * 86_400_000);
    expect(parseTimeExpression('now-1M', NOW)).toBe(Date.UTC(2025, 9, 28, 10, 17, 42, 123));
    expect(parseTimeExpression('now-1y', NOW)).toBe(Date.UTC(2024, 10, 28, 10, 17, 42, 123));
    expect(parseTimeExpression('now-1d-12h', NOW)).toBe(NOW - 36 * 3_600_000);
    expect(parseTimeExpression('NOW-1h', NOW)).toBe(NOW - 3_600_000);
  });

  it('rounds now down to the start of a UTC unit', () => {
    expect(parseTimeExpression('now/d', NOW)).toBe(Date.UTC(2025, 10, 28));
    expect(parseTimeExpression('now-1d/d', NOW)).toBe(Date.UTC(2025, 10, 27));
    expect(parseTimeExpression('now/h', NOW)).toBe(Date.UTC(2025, 10, 28, 10));
    expect(parseTimeExpression('now/w', NOW)).toBe(Date.UTC(2025, 10, 24)); // the Monday before
    expect(parseTimeExpression('now/M', NOW)).toBe(Date.UTC(2025, 10, 1));
    expect(parseTimeExpression('now/y', NOW)).toBe(Date.UTC(2025, 0, 1));
  });

  it.each([
    'yesterday',
    '',
    'now-',
    'now-1x',
    'now - 1h',
    '2025-13-01',
    '2025-02-29',
    '2025-11-28T24:00:00Z',
    '2025-11-28T10:00:00+25:00',
    '28/11/2025',
    '1764324000123.5',
  ])('rejects %j with TIME_INVALID', (text) => {
    try {
      parseTimeExpression(text, NOW);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(YaguraError);
      expect((e as YaguraError).code).toBe('TIME_INVALID');
    }
  });

  it('accepts the 29th of February in a leap year', () => {
    expect(parseTimeExpression('2024-02-29', NOW)).toBe(Date.UTC(2024, 1, 29));
  });

  it('tells ISO text from other text and dates from date-times', () => {
    expect(parseIsoTime('now')).toBeUndefined();
    expect(parseIsoTime('2025-11-28')).toBe(Date.UTC(2025, 10, 28));
    expect(isDateOnly('2025-11-28')).toBe(true);
    expect(isDateOnly('2025-11-28T00:00')).toBe(false);
  });
});
