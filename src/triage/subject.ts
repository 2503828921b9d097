// What the triage stage keeps of each finding's event (the "subject"), so the impact preview of an allow-list rule can
// evaluate its conditions over past findings without reading the event store; and the pseudo-fields a finding adds.
import type { Event, FieldValue, Scalar } from '../core/event.js';
import type { EventId, TenantId } from '../core/ids.js';
import type { StoredFinding } from '../detection/findings-service.js';
import { ENTITY_FIELDS, type Entity } from './entity.js';

/**
 * Event fields kept besides the entity and the rule's matched fields: the ones allow-list conditions name most
 * (what ran, where it connected, which signature fired). A condition on another field is evaluated by the preview
 * only where that field happened to be a matched field; the preview then says it is approximate.
 */
export const CONTEXT_FIELDS = [
  'host.hostname',
  'host.ip',
  'user.domain',
  'source.port',
  'destination.port',
  'destination.domain',
  'network.protocol',
  'process.executable',
  'process.name',
  'process.command_line',
  'process.parent.executable',
  'process.parent.name',
  'process.parent.command_line',
  'file.path',
  'file.name',
  'registry.path',
  'url.full',
  'url.domain',
  'dns.question.name',
  'user_agent.original',
  'event.code',
  'event.action',
  'event.outcome',
  'service.name',
  'observer.name',
  'observer.hostname',
  'rule.name',
] as const;

/** The built-in event fields kept (Sigma's log source), under their search-language names. */
export const LOGSOURCE_FIELDS = ['logsource.product', 'logsource.category', 'logsource.service'] as const;

/** Fields a finding adds to its events for allow-list conditions, under a prefix no ECS field uses. */
export const PSEUDO_FIELDS = [
  'finding.rule.id',
  'finding.rule.level',
  'finding.kind',
  'finding.intel.indicator',
];

/** Every field name the subject may hold: what the preview evaluates exactly. */
export const KEPT_FIELDS: ReadonlySet<string> = new Set<string>([
  ...ENTITY_FIELDS,
  ...CONTEXT_FIELDS,
  ...LOGSOURCE_FIELDS,
  ...PSEUDO_FIELDS,
  'tenant',
]);

// Longer values (command lines of encoded scripts) are dropped, not cut: a cut value would compare wrongly.
const MAX_VALUE_CHARS = 1024;
const MAX_LIST = 16;

export type Subject = Record<string, FieldValue>;

/** The pseudo-fields of a finding (rule id and level, kind, the indicator of an intel hit). */
export function pseudoFields(finding: Pick<StoredFinding, 'rule' | 'kind' | 'intel'>): Subject {
  const out: Subject = {
    'finding.rule.id': finding.rule.id,
    'finding.rule.level': finding.rule.level,
    'finding.kind': finding.kind,
  };
  if (finding.intel) out['finding.intel.indicator'] = finding.intel.indicator;
  return out;
}

/** The kept fields of a finding: its first event's context fields and log source, its matched fields, its entity. */
export function subjectOf(finding: StoredFinding, events: readonly Event[], entity: Entity): Subject {
  const out: Subject = {};
  const first = events[0];
  if (first) {
    const fields = first.fields;
    for (const name of CONTEXT_FIELDS) {
      const v = fields[name];
      if (v !== undefined && fits(v)) out[name] = v;
    }
    const ls = first.logsource;
    if (ls.product !== undefined) out['logsource.product'] = ls.product;
    if (ls.category !== undefined) out['logsource.category'] = ls.category;
    if (ls.service !== undefined) out['logsource.service'] = ls.service;
  }
  for (const name in finding.matched) {
    const v = finding.matched[name]!;
    if (fits(v)) out[name] = v;
  }
  for (const name of ENTITY_FIELDS) {
    const v = entity[name];
    if (v !== undefined) out[name] = v;
  }
  Object.assign(out, pseudoFields(finding));
  return out;
}

/** An Event made of a stored subject, for the search-language predicate. */
export function subjectEvent(tenant: string, time: number, subject: Subject): Event {
  const fields: Record<string, FieldValue> = {};
  const logsource: Event['logsource'] = {};
  for (const name in subject) {
    const v = subject[name]!;
    if (name === 'logsource.product') logsource.product = String(v);
    else if (name === 'logsource.category') logsource.category = String(v);
    else if (name === 'logsource.service') logsource.service = String(v);
    else fields[name] = v;
  }
  return { id: '' as EventId, tenant: tenant as TenantId, time, receivedAt: time, logsource, fields };
}

function fits(v: FieldValue): boolean {
  if (Array.isArray(v)) return v.length <= MAX_LIST && v.every(fitsScalar);
  return fitsScalar(v);
}

function fitsScalar(v: Scalar): boolean {
  return typeof v !== 'string' || v.length <= MAX_VALUE_CHARS;
}
