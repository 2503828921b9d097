// The Sigma correlation rule model (spec 2.1 meta-rules) after loading: typed, with the timespan in milliseconds.
import type { Level, Status } from '../sigma/rule.js';

export const CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
] as const;
export type CorrelationType = (typeof CORRELATION_TYPES)[number];

/** The types whose figure is computed from `condition.field`. */
export const VALUE_TYPES: ReadonlySet<CorrelationType> = new Set([
  'value_count',
  'value_sum',
  'value_avg',
  'value_percentile',
]);

export const OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Comparison {
  op: Operator;
  value: number;
}

export interface CorrelationCondition {
  /** All must hold (a range such as `gt: 100, lte: 200` is two comparisons). */
  comparisons: Comparison[];
  /** `condition.field`: the field(s) the value types read; several fields are counted as a combination. */
  fields: string[];
  /** `condition.percentile` (0-100), for value_percentile. */
  percentile?: number;
}

export interface CorrelationRule {
  id?: string;
  name?: string;
  title: string;
  status?: Status;
  level?: Level;
  description?: string;
  author?: string;
  tags: string[];
  type: CorrelationType;
  /** The referenced rules and correlations, by id or name, as written. */
  rules: string[];
  /** Fields (or aliases) whose values split occurrences into groups; none: one group per tenant. */
  groupBy: string[];
  /** The timespan as written (`90m`) and in milliseconds. */
  timespan: { text: string; ms: number };
  condition: CorrelationCondition;
  /** alias -> referenced rule (id or name, as written) -> that rule's field name. */
  aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** When false (the default), the referenced rules do not alert on their own. */
  generate: boolean;
  source: { path?: string; line?: number };
}
