// Correlation conditions: reading `condition:` (gt/gte/lt/lte/eq/neq, ranges, field, percentile) and testing a figure.
import {
  OPERATORS,
  VALUE_TYPES,
  type Comparison,
  type CorrelationCondition,
  type CorrelationType,
  type Operator,
} from './model.js';

/** Where a problem is in the `condition` map (a key under it, or the map itself) and what it is. */
export interface ConditionError {
  key?: string;
  message: string;
}

function fieldList(value: unknown): string[] | undefined {
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== ''))
    return value as string[];
  return undefined;
}

/**
 * Reads the condition of a correlation of the given type. temporal and temporal_ordered may leave it out: then all
 * referenced rules must match (`gte: <number of rules>`), as in pySigma.
 */
export function readCondition(
  value: unknown,
  type: CorrelationType,
  ruleCount: number,
): { condition: CorrelationCondition } | { error: ConditionError } {
  const temporal = type === 'temporal' || type === 'temporal_ordered';
  if (value === undefined || value === null) {
    if (temporal) return { condition: { comparisons: [{ op: 'gte', value: ruleCount }], fields: [] } };
    return { error: { message: `a ${type} correlation needs a condition (e.g. "gte: 10")` } };
  }
  if (typeof value !== 'object' || Array.isArray(value))
    return { error: { message: 'condition must be a map such as "gte: 10"' } };
  const map = value as Record<string, unknown>;
  const comparisons: Comparison[] = [];
  let fields: string[] = [];
  let percentile: number | undefined;
  for (const [key, v] of Object.entries(map)) {
    if ((OPERATORS as readonly string[]).includes(key)) {
      if (typeof v !== 'number' || !Number.isFinite(v))
        return { error: { key, message: `condition.${key} must be a number` } };
      comparisons.push({ op: key as Operator, value: v });
    } else if (key === 'field') {
      const list = fieldList(v);
      if (!list) return { error: { key, message: 'condition.field must be a field name or a list of them' } };
      fields = list;
    } else if (key === 'percentile') {
      if (typeof v !== 'number' || !(v >= 0 && v <= 100))
        return { error: { key, message: 'condition.percentile must be a number from 0 to 100' } };
      percentile = v;
    } else {
      return {
        error: {
          key,
          message: `condition.${key} is not a condition key (${OPERATORS.join(', ')}, field, percentile)`,
        },
      };
    }
  }
  if (comparisons.length === 0)
    return { error: { message: `condition needs a comparison: one or two of ${OPERATORS.join(', ')}` } };
  if (VALUE_TYPES.has(type)) {
    if (fields.length === 0)
      return { error: { message: `a ${type} correlation needs condition.field (the field it reads)` } };
    if (type !== 'value_count' && fields.length > 1)
      return {
        error: { key: 'field', message: `a ${type} correlation reads one numeric field, not a list` },
      };
  } else if (fields.length > 0) {
    return {
      error: { key: 'field', message: `condition.field is only read by value_* correlations, not ${type}` },
    };
  }
  if (type === 'value_percentile') {
    // The spec does not say which percentile; pySigma backends read it from condition.percentile, so it is required.
    if (percentile === undefined)
      return { error: { message: 'a value_percentile correlation needs condition.percentile (0-100)' } };
  } else if (percentile !== undefined) {
    return { error: { key: 'percentile', message: 'condition.percentile is only read by value_percentile' } };
  }
  return { condition: { comparisons, fields, ...(percentile !== undefined ? { percentile } : {}) } };
}

function compare(op: Operator, figure: number, value: number): boolean {
  switch (op) {
    case 'gt':
      return figure > value;
    case 'gte':
      return figure >= value;
    case 'lt':
      return figure < value;
    case 'lte':
      return figure <= value;
    case 'eq':
      return figure === value;
    case 'neq':
      return figure !== value;
  }
}

/** Does the figure meet every comparison? A figure that could not be computed (NaN) meets none. */
export function conditionHolds(condition: CorrelationCondition, figure: number): boolean {
  if (Number.isNaN(figure)) return false;
  return condition.comparisons.every((c) => compare(c.op, figure, c.value));
}
