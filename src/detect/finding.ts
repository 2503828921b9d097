// A Finding: what detection hands to the alert stage. One rule matching one event, one indicator seen in one event,
// or one correlation matching a group of events.
import type { Event, FieldValue } from '../core/event.js';
import type { TenantId } from '../core/ids.js';
import type { Level } from './sigma/rule.js';

export type FindingKind = 'sigma' | 'correlation' | 'intel';

/** What produced the finding; for Sigma and correlation rules the rule's own metadata. */
export interface FindingSource {
  /** The rule's id (UUID); for an indicator `intel:<set>`; a rule without id falls back to its title. */
  id: string;
  title: string;
  level: Level;
  /** Kept with every finding: the Detection Rule License asks that matches credit the rule's author. */
  author?: string;
  /** Rule tags, e.g. attack.t1059.001 (ATT&CK) and attack.execution. */
  tags: string[];
}

export interface IntelHit {
  /** The indicator as listed (e.g. "evil.example", "10.0.0.0/8", a SHA-256). */
  indicator: string;
  type: string;
  /** The indicator set it came from, and that set's source (feed name, file). */
  set: string;
  source?: string;
}

export interface CorrelationHit {
  type: string;
  /** The group-by values of the matched group, by field name. */
  group: Record<string, string>;
  /** The figure the condition was checked on (count, distinct values, sum, average, percentile). */
  value: number;
  /** The time span of the matched events. */
  firstSeen: number;
  lastSeen: number;
  /** Rule ids (or names) the correlation is over. */
  rules: string[];
  /** How many occurrences (rule matches) were in the window when it fired. */
  count?: number;
}

export interface Finding {
  kind: FindingKind;
  rule: FindingSource;
  tenant: TenantId;
  /** Epoch ms: the event's time, or for a correlation the time of the event that completed it. */
  time: number;
  /** The matched event(s); for a correlation a sample of the group (the last ones), not all of them. */
  events: Event[];
  /** The event fields that made the match, by their Event name (e.g. "process.command_line"). */
  matched: Record<string, FieldValue>;
  intel?: IntelHit;
  correlation?: CorrelationHit;
}
