// Formatting for reports: times in the tenant's time zone, sizes, and defanged indicators.
import { YaguraError } from '../core/errors.js';
import { zonedParts } from '../core/zoned-time.js';
import type { ReportLanguage } from './incident-report-data.js';

/** Throws REPORT_DATA_INVALID unless Intl knows the zone (an IANA name such as `Asia/Tokyo`, or `UTC`). */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new YaguraError(
      'REPORT_DATA_INVALID',
      `Unknown time zone "${timeZone}" (use an IANA name such as Asia/Tokyo)`,
      {
        location: { key: 'tenant.timeZone' },
      },
    );
  }
}

function partsIn(epochMs: number, timeZone: string): Record<string, string> {
  return zonedParts(epochMs, timeZone, { timeZoneName: 'longOffset' });
}

/** `2025/04/01 09:05` (ja) or `2025-04-01 09:05` (en), in the given zone; the zone is named once per report. */
export function formatDateTime(epochMs: number, timeZone: string, language: ReportLanguage): string {
  const p = partsIn(epochMs, timeZone);
  const sep = language === 'ja' ? '/' : '-';
  return `${p.year}${sep}${p.month}${sep}${p.day} ${p.hour}:${p.minute}`;
}

/** `Asia/Tokyo (UTC+09:00)`: the zone with its offset at the given time. */
export function timeZoneLabel(timeZone: string, atEpochMs: number): string {
  const offset = partsIn(atEpochMs, timeZone).timeZoneName ?? '';
  const utc = offset === 'GMT' ? 'UTC+00:00' : offset.replace(/^GMT/, 'UTC');
  return `${timeZone} (${utc})`;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** `1.5 MiB`; whole bytes below 1 KiB. */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/**
 * Defangs network indicators (`hxxps://evil[.]example/a.php`, `192[.]0[.]2[.]1`, `a[@]evil[.]example`) so that PDF
 * viewers and mail clients do not turn them into live links; other types are returned as they are.
 */
export function defang(type: string, value: string): string {
  switch (type) {
    case 'ip':
    case 'domain':
      return value.replaceAll('.', '[.]');
    case 'email':
      return value.replaceAll('.', '[.]').replace('@', '[@]');
    case 'url': {
      const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(value);
      if (!m) return value.replaceAll('.', '[.]');
      const scheme = m[1]!.replace(/^http/i, 'hxxp').replace(/^ftp/i, 'fxp');
      return `${scheme}://${m[2]!.replaceAll('.', '[.]')}${m[3]}`;
    }
    default:
      return value;
  }
}
