import { describe, expect, it } from 'vitest';
import { isoTime, parseBsdAt, parseIsoAt, parseTimeValue } from './timestamps.js';
import { zoneOffset, zonedToUtc } from './time-zones.js';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('zone conversion', () => {
  it('converts a Tokyo wall clock to UTC', () => {
    expect(iso(zonedToUtc('Asia/Tokyo', 2025, 11, 28, 10, 0, 0, 0))).toBe('2025-11-28T01:00:00.000Z');
  });

  it('follows daylight saving time in New York on both sides of the March change', () => {
    expect(iso(zonedToUtc('America/New_York', 2025, 3, 8, 12, 0, 0, 0))).toBe('2025-03-08T17:00:00.000Z');
    expect(iso(zonedToUtc('America/New_York', 2025, 3, 10, 12, 0, 0, 0))).toBe('2025-03-10T16:00:00.000Z');
  });

  it('reads an unknown zone name as UTC instead of failing', () => {
    expect(zoneOffset('Not/AZone', Date.UTC(2025, 0, 1))).toBe(0);
    expect(iso(zonedToUtc('Not/AZone', 2025, 1, 1, 0, 0, 0, 0))).toBe('2025-01-01T00:00:00.000Z');
  });

  it('accepts a fixed offset as the zone', () => {
    expect(iso(zonedToUtc('+09:00', 2025, 1, 1, 9, 0, 0, 0))).toBe('2025-01-01T00:00:00.000Z');
  });

  it('gives the right answer for the same wall clock asked again in another zone', () => {
    expect(iso(zonedToUtc('Asia/Tokyo', 2025, 6, 1, 9, 0, 0, 0))).toBe('2025-06-01T00:00:00.000Z');
    expect(iso(zonedToUtc('UTC', 2025, 6, 1, 9, 0, 0, 0))).toBe('2025-06-01T09:00:00.000Z');
    expect(iso(zonedToUtc('Asia/Tokyo', 2025, 6, 1, 9, 0, 0, 0))).toBe('2025-06-01T00:00:00.000Z');
  });
});

describe('isoTime', () => {
  it('writes the ISO string of a time, also for times that share their remembered slot', () => {
    const t = Date.UTC(2025, 10, 28, 17, 13, 20);
    expect(isoTime(t)).toBe('2025-11-28T17:13:20.000Z');
    expect(isoTime(t + 64)).toBe('2025-11-28T17:13:20.064Z');
    expect(isoTime(t)).toBe('2025-11-28T17:13:20.000Z');
  });

  it('throws for a time Date cannot hold, as toISOString does', () => {
    expect(() => isoTime(NaN)).toThrow(RangeError);
    expect(() => isoTime(9e15)).toThrow(RangeError);
  });
});

describe('ISO 8601 times', () => {
  it('reads an offset and fractional seconds, truncating to milliseconds', () => {
    expect(iso(parseIsoAt('2023-09-28T12:10:12.175599+02:00', 0, 'UTC'))).toBe('2023-09-28T10:10:12.175Z');
  });

  it('reads a time without zone in the given zone', () => {
    expect(iso(parseIsoAt('2019-06-14T10:40:20.912134 host', 0, 'Asia/Tokyo'))).toBe(
      '2019-06-14T01:40:20.912Z',
    );
  });

  it('rejects an impossible month', () => {
    expect(parseIsoAt('2023-13-28T12:10:12Z', 0, 'UTC')).toBeNaN();
  });
});

describe('BSD times without a year', () => {
  const receivedAt = Date.UTC(2025, 0, 1, 0, 5); // 5 past midnight on New Year's day, UTC

  it('takes the previous year for a time that would be in the future', () => {
    expect(iso(parseBsdAt('Dec 31 23:59:58 host', 0, 'UTC', receivedAt))).toBe('2024-12-31T23:59:58.000Z');
  });

  it('takes the current year for a time up to a day ahead (clock skew)', () => {
    expect(iso(parseBsdAt('Jan  1 12:00:00 host', 0, 'UTC', receivedAt))).toBe('2025-01-01T12:00:00.000Z');
  });

  it('picks the year in the tenant zone, where it may already be next year', () => {
    // 2024-12-31T15:30Z is already 2025-01-01 00:30 in Tokyo.
    expect(iso(parseBsdAt('Jan  1 00:29:00', 0, 'Asia/Tokyo', Date.UTC(2024, 11, 31, 15, 30)))).toBe(
      '2024-12-31T15:29:00.000Z',
    );
  });

  it('reads the Cisco form with a year and milliseconds', () => {
    expect(iso(parseBsdAt('Nov 28 2025 10:00:00.250: %ASA', 0, 'UTC', receivedAt))).toBe(
      '2025-11-28T10:00:00.250Z',
    );
  });

  it('honours an explicit UTC or offset after the time', () => {
    expect(iso(parseBsdAt('Nov 28 2025 10:00:00 UTC', 0, 'Asia/Tokyo', receivedAt))).toBe(
      '2025-11-28T10:00:00.000Z',
    );
    expect(iso(parseBsdAt('Nov 28 2025 10:00:00 +0900', 0, 'UTC', receivedAt))).toBe(
      '2025-11-28T01:00:00.000Z',
    );
  });
});

describe('device time values', () => {
  it('reads epoch milliseconds and epoch seconds', () => {
    expect(iso(parseTimeValue('1764324000000', 'UTC', 0))).toBe('2025-11-28T10:00:00.000Z');
    expect(iso(parseTimeValue('1764324000', 'UTC', 0))).toBe('2025-11-28T10:00:00.000Z');
  });

  it('gives NaN for text that is no time', () => {
    expect(parseTimeValue('yesterday', 'UTC', 0)).toBeNaN();
    expect(parseTimeValue('', 'UTC', 0)).toBeNaN();
  });
});
