// The timeline tab's logic: which time an entry is placed at, sort order, the filter as API parameters.
import type { Schemas } from '../../api/client.js';
import { parseZonedTime } from '../../lib/time.js';

export type TimelineEntry = Schemas['TimelineEntry'];
export type TimelineKind = TimelineEntry['kind'];
export type TimelineOrder = 'newest' | 'oldest';

export const TIMELINE_KINDS: readonly TimelineKind[] = [
  'created',
  'status',
  'phase',
  'assignment',
  'alert',
  'task',
  'observable',
  'evidence',
  'communication',
  'inquiry',
  'report',
  'comment',
  'manual',
];

/** When the entry happened: its event time where known, else when it was recorded. */
export function entryTime(e: TimelineEntry): number {
  return e.eventTime ?? e.recordedAt;
}

/** Whether both times are worth showing: an event time that differs from the recording by a second or more. */
export function showsBothTimes(e: TimelineEntry): boolean {
  return e.eventTime !== null && Math.abs(e.eventTime - e.recordedAt) >= 1000;
}

/** Entries by the time they happened; ties by recording time, then id, so the order is stable. */
export function sortEntries(entries: readonly TimelineEntry[], order: TimelineOrder): TimelineEntry[] {
  const sign = order === 'newest' ? -1 : 1;
  return [...entries].sort(
    (a, b) =>
      sign * (entryTime(a) - entryTime(b)) ||
      sign * (a.recordedAt - b.recordedAt) ||
      sign * a.id.localeCompare(b.id),
  );
}

export interface TimelineFilter {
  kinds: TimelineKind[];
  /** Wall-clock "2026-11-28T09:15" in the tenant's zone, or empty. */
  from: string;
  to: string;
}

export interface TimelineQuery {
  kind?: TimelineKind[];
  from?: string;
  to?: string;
}

/** API parameters for the filter; a time that does not read is reported instead of silently dropped. */
export function timelineQuery(
  f: TimelineFilter,
  zone: string,
): { query: TimelineQuery } | { invalid: 'from' | 'to' } {
  const query: TimelineQuery = {};
  if (f.kinds.length > 0) query.kind = [...f.kinds];
  for (const key of ['from', 'to'] as const) {
    const text = f[key].trim();
    if (!text) continue;
    const ms = parseZonedTime(text, zone);
    if (ms === undefined) return { invalid: key };
    query[key] = new Date(ms).toISOString();
  }
  return { query };
}

/** The CSV export's URL for the same filter (repeated kind parameters, as the API reads them). */
export function csvPath(incidentId: string, query: TimelineQuery): string {
  const p = new URLSearchParams();
  for (const k of query.kind ?? []) p.append('kind', k);
  if (query.from) p.set('from', query.from);
  if (query.to) p.set('to', query.to);
  const search = p.toString();
  return `/api/incidents/${encodeURIComponent(incidentId)}/timeline.csv${search ? `?${search}` : ''}`;
}
