// Sigma rule -> search query (and so SQL): the events a store must hand to the rule engine for a retro-hunt.
//
// The query is a superset: every event the rule matches is selected, so the rule engine, run on what the store
// returns, finds exactly what it finds streaming. Each part of the rule is bounded from above and below (see
// value.ts) so that NOT keeps the guarantee: the superset of `not x` is `not (subset of x)`.
//
// "Exact" assumes the search language's ASCII case folding equals the rule engine's Unicode one. They differ on the
// few characters whose lower case is ASCII (KELVIN SIGN, LONG S, DOTTED CAPITAL I): an event spelling "powerſhell"
// may match a rule the query does not select it for. Log-source values are compared without ASCII case too.
import type { QueryNode } from '../../../search/ast.js';
import type { ConditionNode } from '../condition.js';
import type { DetectionItem } from '../item.js';
import { FieldResolver } from '../mappings/index.js';
import type { LogSource, Selection, SigmaRule } from '../rule.js';
import { wrap } from '../value.js';
import { and, balance, leafCount, NONE, not, or, probeCount } from './nodes.js';
import {
  allOf,
  anyOf,
  between,
  negate,
  foldsAlike,
  present,
  queryable,
  UNKNOWN,
  valueBounds,
  type Bounds,
  type Widened,
} from './value.js';

export interface RuleQuery {
  /** Selects every event the rule matches (restricted to the rule's log source), and maybe more. */
  query: QueryNode;
  /** `query` without the log-source restriction. */
  detection: QueryNode;
  /** Selects only events the rule matches (`query` when exact); what is left is for the rule engine to decide. */
  subset: QueryNode;
  /** `query` selects exactly the events the rule matches (see the module comment for the one assumption). */
  exact: boolean;
  /** Why the query is wider than the rule, one line per cause. */
  widened: string[];
  /** Field reads the detection costs a store per event at worst (see `probeCount`). */
  cost: number;
  /** Field and text tests in the detection: its size in SQL. */
  size: number;
}

/** The rule's log source as a query on the events' own (product, category, service). */
export function logSourceQuery(logsource: LogSource): QueryNode {
  const parts: QueryNode[] = [];
  for (const key of ['product', 'category', 'service'] as const) {
    const value = logsource[key];
    if (value !== undefined) parts.push({ kind: 'term', field: `logsource.${key}`, value, quoted: true });
  }
  return and(parts);
}

/** Keywords: any value of the event, or its raw text, contains the text. The store sees only message and raw. */
function keywordBounds(item: DetectionItem, widen: Widened): Bounds {
  widen('keywords are searched in every field by the rule engine, in message and raw text by the store');
  const each = item.values.map((v): Bounds => {
    if (v.type !== 'pattern' || item.flags.cased) return UNKNOWN;
    const pattern = wrap(v.pattern, true, true);
    if (pattern.some((p) => typeof p === 'string' && !foldsAlike(p))) return UNKNOWN;
    const parts = pattern.map((p) =>
      typeof p === 'string'
        ? { kind: 'literal' as const, text: p }
        : p.wildcard === '*'
          ? { kind: 'many' as const }
          : { kind: 'one' as const },
    );
    return between(UNKNOWN.upper, { kind: 'text', match: 'wildcard', pattern: parts });
  });
  return item.flags.all ? allOf(each) : anyOf(each);
}

/** The item on one event field, with missing fields read as the rule engine reads them. */
function fieldBounds(field: string, item: DetectionItem, widen: Widened): Bounds {
  if (!queryable(field)) {
    widen(`${field}: not a field name the store can query`);
    return UNKNOWN;
  }
  const each = item.values.map((v) => valueBounds(field, v, item.flags.cased, widen));
  const combined = item.flags.all ? allOf(each) : anyOf(each);
  const bounds = item.flags.negate ? negate(combined) : combined;
  if (field !== 'message') return bounds;
  // The store's message column holds the field when it is text; a number or list (JSON input) reads as absent there.
  widen('message: only a text message is seen by the store');
  const text = present('message');
  return between(or([bounds.upper, not(text)]), and([bounds.lower, text]));
}

function itemBounds(item: DetectionItem, resolver: FieldResolver, widen: Widened): Bounds {
  if (item.field === undefined) return keywordBounds(item, widen);
  const candidates = resolver.candidates(item.field);
  const [first] = candidates;
  if (candidates.length === 1 || first === undefined) return fieldBounds(first ?? item.field, item, widen);
  // The rule engine reads the first candidate present (even with null); the store cannot tell which that is.
  // Whichever it is, that candidate satisfies the item, so the OR of all candidates is a superset; only an event
  // where the first candidate has a value is sure to be read from it.
  widen(`${item.field}: looked up in ${candidates.length} fields (${candidates.join(', ')})`);
  const bounds = candidates.map((c) => fieldBounds(c, item, widen));
  const upper = anyOf(bounds).upper;
  const firstBounds = bounds[0]!;
  const holdsWhenAbsent =
    item.flags.negate || item.values.some((v) => v.type === 'null' || (v.type === 'exists' && !v.exists));
  // An item that holds on a missing field (null, neq) is surely read from the first candidate only if it has a value.
  const lower = holdsWhenAbsent ? and([present(first), firstBounds.lower]) : firstBounds.lower;
  return between(upper, queryable(first) ? lower : NONE);
}

function selectionBounds(selection: Selection, resolver: FieldResolver, widen: Widened): Bounds {
  switch (selection.kind) {
    case 'keywords':
      return itemBounds(selection.item, resolver, widen);
    case 'map':
      return allOf(selection.items.map((i) => itemBounds(i, resolver, widen)));
    case 'any':
      return anyOf(selection.maps.map((m) => selectionBounds(m, resolver, widen)));
  }
}

function conditionBounds(node: ConditionNode, selections: ReadonlyMap<string, Bounds>): Bounds {
  switch (node.kind) {
    case 'ref': {
      const b = selections.get(node.name);
      if (!b) throw new Error(`unresolved selection ${node.name}`);
      return b;
    }
    case 'not':
      return negate(conditionBounds(node.item, selections));
    case 'and':
      return allOf(node.items.map((n) => conditionBounds(n, selections)));
    case 'or':
      return anyOf(node.items.map((n) => conditionBounds(n, selections)));
    case 'of':
      throw new Error('conditions are resolved before they are compiled');
  }
}

/** The detection part of a rule (without its log source), bounded. */
export function detectionBounds(rule: SigmaRule, resolver: FieldResolver, widened: string[]): Bounds {
  const widen: Widened = (reason) => {
    if (!widened.includes(reason)) widened.push(reason);
  };
  const selections = new Map<string, Bounds>();
  for (const [name, selection] of rule.selections)
    selections.set(name, selectionBounds(selection, resolver, widen));
  return conditionBounds(rule.condition, selections);
}

/**
 * The query a store runs to find the events a rule may match, for the rule engine to confirm. Uses the same
 * field mappings as the rule engine (`FieldResolver` of the rule's log source unless given).
 */
export function ruleToQuery(
  rule: SigmaRule,
  resolver: FieldResolver = new FieldResolver(rule.logsource),
): RuleQuery {
  const widened: string[] = [];
  const bounds = detectionBounds(rule, resolver, widened);
  const source = logSourceQuery(rule.logsource);
  const detection = balance(bounds.upper);
  const query = balance(and([source, bounds.upper]));
  return {
    query,
    detection,
    subset: bounds.exact ? query : balance(and([source, bounds.lower])),
    exact: bounds.exact,
    widened: bounds.exact ? [] : widened,
    cost: probeCount(detection),
    size: leafCount(detection),
  };
}
