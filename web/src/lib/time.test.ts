import { describe, expect, it } from 'vitest';
import { axisLabels, formatTime, parseZonedTime, zoneOffsetMinutes } from './time.js';

const t = Date.UTC(2026, 10, 28, 0, 15, 2, 123);

describe('time in a tenant zone', () => {
  it('formats an instant as the wall clock of Tokyo and of UTC', () => {
    expect(formatTime(t, 'Asia/Tokyo')).toBe('2026-11-28 09:15:02.123');
    expect(formatTime(t, 'UTC', { offset: true })).toBe('2026-11-28 00:15:02.123 +00:00');
    expect(formatTime(t, 'Asia/Tokyo', { ms: false, offset: true })).toBe('2026-11-28 09:15:02 +09:00');
  });

  it('reads a wall-clock time typed in a zone back to the same instant', () => {
    expect(parseZonedTime('2026-11-28 09:15:02.123', 'Asia/Tokyo')).toBe(t);
    expect(parseZonedTime('2026-11-28T00:15:02.123', 'UTC')).toBe(t);
    expect(parseZonedTime('2026-11-28', 'Asia/Tokyo')).toBe(Date.UTC(2026, 10, 27, 15, 0));
  });

  it('follows daylight saving time where the zone has it', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(Date.UTC(2026, 11, 1), 'America/New_York')).toBe(-300);
    expect(parseZonedTime('2026-07-01 12:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 16, 0));
  });

  it('rejects text that is not a date or a day that does not exist', () => {
    expect(parseZonedTime('yesterday', 'UTC')).toBeUndefined();
    expect(parseZonedTime('2026-02-30', 'UTC')).toBeUndefined();
    expect(parseZonedTime('2026-11-28 25:00', 'UTC')).toBeUndefined();
  });
});

describe('chart axis labels', () => {
  it('writes 24-hour times in the zone, with the date under the first tick of each day', () => {
    const at = (h: number) => Date.UTC(2026, 10, 28, h) / 1000;
    expect(axisLabels([at(12), at(14), at(16)], 'Asia/Tokyo')).toEqual([
      '21:00\n11-28',
      '23:00',
      '01:00\n11-29',
    ]);
  });
});
