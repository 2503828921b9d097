// The Sigma rule model after loading: typed metadata, selections as detection items, the condition as a tree.
import type { ConditionNode } from './condition.js';
import type { DetectionItem } from './item.js';

export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];
export const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'] as const;
export type Status = (typeof STATUSES)[number];

export interface LogSource {
  product?: string;
  category?: string;
  service?: string;
}

/** A rule's log source covers an event's (or a mapping's covers a rule's) when every key it names is equal. */
export function logSourceApplies(rule: LogSource, event: LogSource): boolean {
  return (
    (rule.product === undefined || rule.product === event.product) &&
    (rule.category === undefined || rule.category === event.category) &&
    (rule.service === undefined || rule.service === event.service)
  );
}

/** A selection: a map (AND of items), a list of maps (OR), or keywords (searched across the whole event). */
export type Selection =
  | { kind: 'map'; items: DetectionItem[] }
  | { kind: 'any'; maps: Selection[] }
  | { kind: 'keywords'; item: DetectionItem };

export interface SigmaRule {
  /** The rule's UUID; absent in some hand-written rules. */
  id?: string;
  /** The handle correlation rules refer to. */
  name?: string;
  title: string;
  status?: Status;
  level?: Level;
  description?: string;
  /** Kept with every finding: the Detection Rule License asks that matches credit the rule's author. */
  author?: string;
  tags: string[];
  references: string[];
  falsepositives: string[];
  logsource: LogSource;
  selections: ReadonlyMap<string, Selection>;
  /** The condition(s), resolved against the selections; a list in the rule is an OR. */
  condition: ConditionNode;
  /** Where the rule came from, for messages. */
  source: { path?: string; line?: number };
}
