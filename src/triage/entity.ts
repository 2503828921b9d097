// Which entity a finding concerns (host, user, source or destination address): the grouping key of alerts and the
// pre-filled conditions of "suppress alerts like this".
import type { Event, FieldValue } from '../core/event.js';
import type { CorrelationHit } from '../detect/finding.js';
import { asciiLower } from '../search/values.js';

/** The fields an entity is made of, in key order. */
export const ENTITY_FIELDS = ['host.name', 'user.name', 'source.ip', 'destination.ip'] as const;
export type EntityField = (typeof ENTITY_FIELDS)[number];
export type Entity = Partial<Record<EntityField, string>>;

export interface EntitySource {
  matched: Record<string, FieldValue>;
  correlation?: CorrelationHit;
}

/**
 * The entity of a finding. Each field is read from the correlation's group-by values first (a correlation is about
 * its group), then from the first matched event, then from the matched fields; the first non-empty value of a list
 * is taken. Host and user names are lower-cased (ASCII, as the search language compares), so "WS01" and "ws01" are
 * one entity.
 *
 * The destination address counts only when there is no source address: with a source, the source is the actor
 * (the host that scans, the address that brute-forces) and its many destinations belong in one alert; without one
 * (an indicator seen as a destination in a DNS or proxy log) the destination is what the finding is about.
 */
export function entityOf(finding: EntitySource, events: readonly Event[]): Entity {
  const group = finding.correlation?.group;
  const fields = events[0]?.fields;
  const read = (field: EntityField): string | undefined => {
    const fromGroup = group?.[field];
    if (fromGroup !== undefined && fromGroup !== '') return fromGroup;
    return firstText(fields?.[field]) ?? firstText(finding.matched[field]);
  };
  const entity: Entity = {};
  // Syslog senders name themselves in host.hostname (the ECS field of the syslog header) and often set no host.name.
  const host =
    read('host.name') ?? firstText(fields?.['host.hostname']) ?? firstText(finding.matched['host.hostname']);
  if (host !== undefined) entity['host.name'] = lower(host);
  const user = read('user.name');
  if (user !== undefined) entity['user.name'] = lower(user);
  const source = read('source.ip');
  if (source !== undefined) entity['source.ip'] = source;
  else {
    const destination = read('destination.ip');
    if (destination !== undefined) entity['destination.ip'] = destination;
  }
  return entity;
}

/** Tenant, rule id and entity as one string: findings with equal keys (within a window) make one alert. */
export function groupKey(tenant: string, ruleId: string, entity: Entity): string {
  return `${tenant}\u001f${ruleId}\u001f${entityKey(entity)}`;
}

/** The entity's values as one string (the part of the group key after tenant and rule). */
export function entityKey(entity: Entity): string {
  return `${entity['host.name'] ?? ''}\u001f${entity['user.name'] ?? ''}\u001f${entity['source.ip'] ?? ''}\u001f${
    entity['destination.ip'] ?? ''
  }`;
}

/**
 * Search-language conditions matching the entity, one quoted term per field ANDed, e.g.
 * `(host.name:"ws01" OR host.hostname:"ws01") AND user.name:"backup"` (the host may have come from either field);
 * empty when the entity has no field.
 */
export function conditionsFromEntity(entity: Entity): string {
  return ENTITY_FIELDS.filter((f) => entity[f] !== undefined)
    .map((f) =>
      f === 'host.name'
        ? `(host.name:${quote(entity[f]!)} OR host.hostname:${quote(entity[f]!)})`
        : `${f}:${quote(entity[f]!)}`,
    )
    .join(' AND ');
}

/** A value as a quoted phrase of the search language: only `"` and `\` need escaping inside quotes. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const UPPER = /[A-Z]/;

// Most names are lower case already: keep the string (and its cached hash) then.
function lower(s: string): string {
  return UPPER.test(s) ? asciiLower(s) : s;
}

function firstText(v: FieldValue | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    for (const item of v) {
      const text = firstText(item);
      if (text !== undefined) return text;
    }
    return undefined;
  }
  const text = typeof v === 'string' ? v.trim() : String(v);
  return text === '' ? undefined : text;
}
