import { describe, expect, it } from 'vitest';
import {
  csvPath,
  entryTime,
  showsBothTimes,
  sortEntries,
  timelineQuery,
  type TimelineEntry,
} from './timeline-state.js';

function entry(id: string, recordedAt: number, eventTime: number | null = null): TimelineEntry {
  return {
    id,
    recordedAt,
    eventTime,
    actor: { id: 'u', name: 'u' },
    details: null,
    incidentId: 'i',
    kind: 'manual',
    ref: null,
    summary: id,
    tenant: 't',
  };
}

describe('timeline order', () => {
  const entries = [entry('a', 5000), entry('b', 9000, 1000), entry('c', 7000)];
  it('places an entry at its event time where known', () => {
    expect(entryTime(entries[1]!)).toBe(1000);
    expect(entryTime(entries[0]!)).toBe(5000);
  });
  it('sorts newest or oldest first by the time things happened', () => {
    expect(sortEntries(entries, 'newest').map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(sortEntries(entries, 'oldest').map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });
  it('shows both times only when they differ', () => {
    expect(showsBothTimes(entries[1]!)).toBe(true);
    expect(showsBothTimes(entry('d', 5000, 5200))).toBe(false);
    expect(showsBothTimes(entries[0]!)).toBe(false);
  });
});

describe('timeline filter', () => {
  it('reads the times in the tenant zone and sends them as ISO', () => {
    const r = timelineQuery({ kinds: ['manual', 'alert'], from: '2026-04-01T09:00', to: '' }, 'Asia/Tokyo');
    expect(r).toEqual({ query: { kind: ['manual', 'alert'], from: '2026-04-01T00:00:00.000Z' } });
  });
  it('names a time that does not read', () => {
    expect(timelineQuery({ kinds: [], from: '', to: 'yesterday' }, 'UTC')).toEqual({ invalid: 'to' });
  });
  it('builds the CSV address with the same filter', () => {
    expect(csvPath('inc 1', { kind: ['manual', 'alert'], from: '2026-04-01T00:00:00.000Z' })).toBe(
      '/api/incidents/inc%201/timeline.csv?kind=manual&kind=alert&from=2026-04-01T00%3A00%3A00.000Z',
    );
    expect(csvPath('i', {})).toBe('/api/incidents/i/timeline.csv');
  });
});
