import { describe, expect, it } from 'vitest';
import { readBound, resolveBound, showBound, zoomOut } from './time-range.js';

const now = Date.UTC(2026, 10, 28, 12, 0);

describe('time range bounds', () => {
  it('resolves relative and epoch bounds, and refuses other text', () => {
    expect(resolveBound('now', now)).toBe(now);
    expect(resolveBound('now-15m', now)).toBe(now - 15 * 60_000);
    expect(resolveBound(String(now - 5), now)).toBe(now - 5);
    expect(resolveBound('yesterday', now)).toBeUndefined();
  });

  it('reads a typed date-time in the tenant zone and shows it back the same way', () => {
    const bound = readBound('2026-11-28 09:00', 'Asia/Tokyo');
    expect(bound).toBe(String(Date.UTC(2026, 10, 28, 0, 0)));
    expect(showBound(bound!, 'Asia/Tokyo')).toBe('2026-11-28 09:00');
    expect(readBound(' now-2h ', 'UTC')).toBe('now-2h');
    expect(readBound('2 hours ago', 'UTC')).toBeUndefined();
  });

  it('zooms out to twice the span around the middle, never past now', () => {
    const out = zoomOut({ from: String(now - 7_200_000), to: String(now - 3_600_000) }, now);
    expect(out).toEqual({ from: String(now - 9_000_000), to: String(now - 1_800_000) });
    expect(zoomOut({ from: 'now-1h', to: 'now' }, now)).toEqual({ from: String(now - 5_400_000), to: 'now' });
  });
});
