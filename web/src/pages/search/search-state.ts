// The search page's state as it lives in the URL, and how the page reads values and fields out of events.
import type { YaguraEvent } from '../../api/client.js';
import { DEFAULT_RANGE, type TimeRange } from '../../lib/time-range.js';

export interface SearchState extends TimeRange {
  query: string;
  /** Columns chosen by the user, besides the time; empty for the default summary. */
  columns: string[];
}

export function readSearchState(params: URLSearchParams): SearchState {
  const columns = (params.get('cols') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return {
    query: params.get('q') ?? '',
    from: params.get('from') || DEFAULT_RANGE.from,
    to: params.get('to') || DEFAULT_RANGE.to,
    columns,
  };
}

export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  if (state.from !== DEFAULT_RANGE.from) params.set('from', state.from);
  if (state.to !== DEFAULT_RANGE.to) params.set('to', state.to);
  if (state.columns.length > 0) params.set('cols', state.columns.join(','));
  return params;
}

export type Value = string | number | boolean | null;

/** Fields every event has besides its ECS fields, as the search language names them. */
export const BUILTIN_FIELDS = [
  'tenant',
  'input',
  'logsource.product',
  'logsource.category',
  'logsource.service',
  'tags',
] as const;

/** The value(s) of a field as the search language names it; undefined when the event lacks it. */
export function fieldValue(event: YaguraEvent, name: string): Value | Value[] | undefined {
  switch (name) {
    case '@timestamp':
      return event.time;
    case 'event.ingested':
      return event.receivedAt;
    case 'tenant':
      return event.tenant;
    case 'input':
      return event.input;
    case 'logsource.product':
      return event.logsource.product;
    case 'logsource.category':
      return event.logsource.category;
    case 'logsource.service':
      return event.logsource.service;
    case 'tags':
      return event.tags && event.tags.length > 0 ? event.tags : undefined;
    case 'raw':
    case 'event.original':
      return event.raw;
    default:
      return event.fields[name];
  }
}

export function displayValue(value: Value | Value[] | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => displayValue(v)).join(', ');
  if (value === null) return 'null';
  return String(value);
}

/** Fields present in these events with how many have each: builtins first, then ECS names sorted. */
export function fieldsOf(events: readonly YaguraEvent[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of events) {
    for (const name of BUILTIN_FIELDS) {
      if (fieldValue(e, name) !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    for (const name of Object.keys(e.fields)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const builtin = new Set<string>(BUILTIN_FIELDS);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort(
      (a, b) => Number(builtin.has(b.name)) - Number(builtin.has(a.name)) || a.name.localeCompare(b.name),
    );
}

/** One line saying what happened: the message, else the raw text, else the first few fields. */
export function summaryOf(event: YaguraEvent): string {
  const message = event.fields.message;
  if (typeof message === 'string' && message !== '') return message;
  if (event.raw) return event.raw;
  return Object.entries(event.fields)
    .slice(0, 6)
    .map(([k, v]) => `${k}=${displayValue(v)}`)
    .join(' ');
}
