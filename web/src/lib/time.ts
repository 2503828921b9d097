// Times as the console shows and reads them: in a tenant's IANA time zone, never the browser's by accident.

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(zone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(epochMs: number, zone: string): WallClock {
  const out: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of `zone` from UTC at `epochMs`, in minutes (Tokyo: +540). */
export function zoneOffsetMinutes(epochMs: number, zone: string): number {
  const w = wallClock(epochMs, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** "2026-11-28 09:15:02.123" in `zone`; with `offset`, followed by " +09:00". */
export function formatTime(
  epochMs: number,
  zone: string,
  opts: { ms?: boolean; offset?: boolean } = {},
): string {
  const w = wallClock(epochMs, zone);
  let text = `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  if (opts.ms !== false) text += `.${pad(((epochMs % 1000) + 1000) % 1000, 3)}`;
  if (opts.offset) text += ` ${formatOffset(zoneOffsetMinutes(epochMs, zone))}`;
  return text;
}

/** "2026-11-28 09:15" in `zone`, the form the time picker shows and reads back. */
export function formatMinute(epochMs: number, zone: string): string {
  return formatTime(epochMs, zone, { ms: false }).slice(0, 16);
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * Reads "2026-11-28", "2026-11-28 09:15" or "2026-11-28T09:15:30.5" as a wall-clock time in `zone`.
 * Returns undefined when the text is not of that form or names a day that does not exist.
 */
export function parseZonedTime(text: string, zone: string): number | undefined {
  const m = LOCAL_TIME.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(guess);
  if (check.getUTCDate() !== day) return undefined;
  // Two passes settle the offset even next to a daylight-saving change.
  let t = guess - zoneOffsetMinutes(guess, zone) * 60_000;
  t = guess - zoneOffsetMinutes(t, zone) * 60_000;
  return t;
}

export function isValidZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * 24-hour tick labels in the zone ("09:00", or "09:00:30" when ticks are under a minute apart), with the date
 * under the first tick of each day ("11-28").
 */
export function axisLabels(splits: number[], zone: string): string[] {
  const step = splits.length > 1 ? Math.abs(splits[1]! - splits[0]!) : Infinity;
  const width = step < 60 ? 8 : 5;
  let day = '';
  return splits.map((s) => {
    const text = formatTime(s * 1000, zone, { ms: false });
    const date = text.slice(5, 10);
    const time = text.slice(11, 11 + width);
    if (date === day) return time;
    day = date;
    return `${time}\n${date}`;
  });
}
