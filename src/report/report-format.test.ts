import { describe, expect, it } from 'vitest';
import { YaguraError } from '../core/errors.js';
import { assertTimeZone, defang, formatDateTime, formatSize, timeZoneLabel } from './report-format.js';

describe('report formatting', () => {
  const t = Date.parse('2025-12-31T23:59:00Z');

  it('formats a time in the given zone, Japanese style with slashes', () => {
    expect(formatDateTime(t, 'Asia/Tokyo', 'ja')).toBe('2026/01/01 08:59');
    expect(formatDateTime(t, 'Asia/Tokyo', 'en')).toBe('2026-01-01 08:59');
    expect(formatDateTime(t, 'America/New_York', 'en')).toBe('2025-12-31 18:59');
  });

  it('names a zone with its offset at the time of the report', () => {
    expect(timeZoneLabel('Asia/Tokyo', t)).toBe('Asia/Tokyo (UTC+09:00)');
    expect(timeZoneLabel('UTC', t)).toBe('UTC (UTC+00:00)');
    expect(timeZoneLabel('America/New_York', Date.parse('2025-07-01T00:00:00Z'))).toBe(
      'America/New_York (UTC-04:00)',
    );
  });

  it('refuses a zone Intl does not know', () => {
    expect(() => assertTimeZone('Tokyo')).toThrow(YaguraError);
  });

  it('writes sizes in binary units', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(48_213)).toBe('47.1 KiB');
    expect(formatSize(5 * 1024 ** 3)).toBe('5.0 GiB');
  });

  it('defangs network indicators and leaves the rest alone', () => {
    expect(defang('url', 'https://evil.example/a.php?x=1')).toBe('hxxps://evil[.]example/a.php?x=1');
    expect(defang('url', 'ftp://files.example')).toBe('fxp://files[.]example');
    expect(defang('domain', 'evil.example')).toBe('evil[.]example');
    expect(defang('ip', '192.0.2.1')).toBe('192[.]0[.]2[.]1');
    expect(defang('email', 'a.b@evil.example')).toBe('a[.]b[@]evil[.]example');
    expect(defang('sha256', 'abc.def')).toBe('abc.def');
  });
});
