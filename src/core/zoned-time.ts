// A moment's calendar fields as read in an IANA time zone, for the texts (reports, notifications) that show times.

/**
 * `year`, `month`, `day`, `hour`, `minute` (two digits, 24-hour clock) of `epochMs` in `timeZone`, keyed by
 * Intl's part type; `extra` asks for more parts, e.g. `{ second: '2-digit' }` or `{ timeZoneName: 'longOffset' }`.
 */
export function zonedParts(
  epochMs: number,
  timeZone: string,
  extra: Intl.DateTimeFormatOptions = {},
): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...extra,
  }).formatToParts(new Date(epochMs));
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}
