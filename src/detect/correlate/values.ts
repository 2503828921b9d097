// What a correlation reads from one occurrence (a rule or inner-correlation match): field values as group keys/numbers.
import type { Event, FieldValue } from '../../core/event.js';
import type { TenantId } from '../../core/ids.js';
import type { Finding } from '../finding.js';
import { FieldResolver } from '../sigma/mappings/index.js';

/** One match a correlation counts: a referenced rule matching an event, or a referenced correlation firing. */
export interface Occurrence {
  time: number;
  /** Which push it came from: two occurrences of one event share it, so temporal_ordered never orders an event
   *  against itself. */
  seq: number;
  tenant: TenantId;
  /** The event(s) behind it: one for a rule, the inner sample for a correlation. */
  events: readonly Event[];
  /** A field's value, by the name the correlation uses (after aliases). */
  read(field: string): FieldValue | undefined;
}

/** A rule's match: fields are read through the rule's field mapping, then under their own name. */
export function ruleOccurrence(resolver: FieldResolver, event: Event, seq: number): Occurrence {
  const view = resolver.view(event, () => []);
  return { time: event.time, seq, tenant: event.tenant, events: [event], read: (field) => view.get(field) };
}

// Resolvers by log source, for reading inner-correlation events whose rule is not known here.
const resolvers = new Map<string, FieldResolver>();

function resolverFor(event: Event): FieldResolver {
  const ls = event.logsource;
  const key = `${ls.product ?? ''}|${ls.category ?? ''}|${ls.service ?? ''}`;
  let r = resolvers.get(key);
  if (!r) resolvers.set(key, (r = new FieldResolver(ls)));
  return r;
}

/**
 * An inner correlation's finding as an occurrence of the outer one: a field is its group value when the inner
 * grouped by that name, else it is read from the event that completed it.
 */
export function correlationOccurrence(finding: Finding, seq: number): Occurrence {
  const group = finding.correlation?.group ?? {};
  const last = finding.events.at(-1);
  const view = last ? resolverFor(last).view(last, () => []) : undefined;
  return {
    time: finding.time,
    seq,
    tenant: finding.tenant,
    events: finding.events,
    read: (field) => (Object.hasOwn(group, field) ? group[field] : view?.get(field)),
  };
}

/** A value as a group key or distinct value: absent, null and empty lists are no value; lists keep their order. */
export function valueText(value: FieldValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : JSON.stringify(value);
  return String(value);
}

/** A value as a number for value_sum/avg/percentile: numbers and numeric text; anything else is no number. */
export function valueNumber(value: FieldValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
