// The literal text a rule cannot match without: for each rule, a few (field, needle) pairs of which at least one
// must occur (lower-cased, as a substring) in the event. Rules where no such set can be proven run on every event.
import type { SigmaValue } from '../modifiers/types.js';
import type { ConditionNode } from '../condition.js';
import type { DetectionItem } from '../item.js';
import type { Selection, SigmaRule } from '../rule.js';
import { requiredLiterals } from '../to-query/regex-literals.js';
import { isWildcard, jsonEscaped, type Pattern } from '../value.js';

/** A Sigma field name, or KEYWORDS for a search across every value of the event. */
export const KEYWORDS = '';

export interface Needle {
  field: string;
  text: string;
}

/** At least one of these needles occurs in a matching event; undefined when nothing can be proven. */
export type Necessary = Needle[] | undefined;

/** The longest literal run of a pattern, lower-cased: any text the pattern matches contains it. */
function longestLiteral(pattern: Pattern): string | undefined {
  let best = '';
  for (const part of pattern) if (!isWildcard(part) && part.length > best.length) best = part;
  return best === '' ? undefined : best.toLowerCase();
}

function valueNeedle(value: SigmaValue): string | undefined {
  return value.type === 'pattern' ? longestLiteral(value.pattern) : undefined;
}

/** Needles one of which any text the value matches contains: a pattern's longest run, a regex's per alternative. */
function valueNeedles(value: SigmaValue): string[] | undefined {
  if (value.type === 'regex') {
    const alternatives = requiredLiterals(value.source);
    if (!alternatives) return undefined;
    const needles: string[] = [];
    for (const runs of alternatives) {
      const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
      if (longest === '') return undefined;
      needles.push(longest.toLowerCase());
    }
    return needles;
  }
  const needle = valueNeedle(value);
  return needle === undefined ? undefined : [needle];
}

function itemNeeds(item: DetectionItem): Necessary {
  // neq holds when the field differs from the values: nothing to look for.
  if (item.flags.negate) return undefined;
  const field = item.field ?? KEYWORDS;
  if (item.field === undefined && !item.flags.all) {
    // A keyword is also looked for as it reads inside a JSON line (see compile.ts).
    const needles: string[] = [];
    for (const value of item.values) {
      const needle = valueNeedle(value);
      if (needle === undefined) return undefined;
      needles.push(needle);
      const inJson = value.type === 'pattern' ? jsonEscaped(value.pattern) : undefined;
      if (inJson) needles.push(longestLiteral(inJson)!);
    }
    return [...new Set(needles)].map((text) => ({ field, text }));
  }
  const needles = item.values.map(valueNeedle);
  if (item.flags.all) {
    // Every value must match, so any one of them is necessary: keep the longest (for keywords, one without
    // anything JSON escapes, so one needle covers both spellings).
    if (item.field === undefined) {
      const safe = item.values.filter((v) => v.type === 'pattern' && !jsonEscaped(v.pattern));
      const known = safe.map(valueNeedle).filter((n): n is string => n !== undefined);
      if (known.length === 0) return undefined;
      return [{ field, text: known.reduce((a, b) => (b.length > a.length ? b : a)) }];
    }
    const known = needles.filter((n): n is string => n !== undefined);
    if (known.length === 0) return undefined;
    return [{ field, text: known.reduce((a, b) => (b.length > a.length ? b : a)) }];
  }
  const any: string[] = [];
  for (const value of item.values) {
    const options = valueNeedles(value);
    if (!options) return undefined;
    any.push(...options);
  }
  return [...new Set(any)].map((text) => ({ field, text }));
}

/** How few events a necessary set is likely to let through (a guess): higher is fewer. */
function scoreOf(option: Needle[]): number {
  // Short needles occur everywhere; many needles let more through. Favour the shortest needle being long.
  const shortest = Math.min(...option.map((n) => n.text.length));
  return Math.min(shortest, 12) * 4 - Math.log2(option.length);
}

/** Of several necessary sets that must all hold, the one that lets the fewest events through (a guess). */
function strongest(options: Necessary[]): Necessary {
  let best: Needle[] | undefined;
  let bestScore = -Infinity;
  for (const option of options) {
    if (!option) continue;
    const score = scoreOf(option);
    if (score > bestScore) {
      best = option;
      bestScore = score;
    }
  }
  return best;
}

/** Necessary sets that must all hold (each one alone is necessary); empty when nothing can be proven. */
type AllOf = Needle[][];

function selectionGroups(selection: Selection): AllOf {
  switch (selection.kind) {
    case 'keywords': {
      const needs = itemNeeds(selection.item);
      return needs ? [needs] : [];
    }
    case 'map':
      return selection.items.map(itemNeeds).filter((n): n is Needle[] => n !== undefined);
    case 'any':
      return eitherOf(selection.maps.map(selectionGroups));
  }
}

/** Either branch may hold: one set of the union of each branch's strongest set, if every branch has one. */
function eitherOf(branches: AllOf[]): AllOf {
  const union = branches.map((b) => strongest(b));
  return union.some((u) => u === undefined) ? [] : [(union as Needle[][]).flat()];
}

function conditionGroups(node: ConditionNode, selections: ReadonlyMap<string, AllOf>): AllOf {
  switch (node.kind) {
    case 'ref':
      return selections.get(node.name) ?? [];
    case 'and':
      return node.items.flatMap((n) => conditionGroups(n, selections));
    case 'or':
      return eitherOf(node.items.map((n) => conditionGroups(n, selections)));
    case 'not':
    case 'of':
      return [];
  }
}

/**
 * Up to `most` necessary sets of a rule that must all occur in a matching event, strongest first, or undefined
 * when the rule must see every event. Requiring a second set keeps out the rules whose strongest needle is
 * common (`Company: Microsoft Corporation` and `Image|endswith: \csi.exe`: most events hold the first).
 */
export function ruleNeedGroups(rule: SigmaRule, most = 2): Needle[][] | undefined {
  const selections = new Map<string, AllOf>();
  for (const [name, selection] of rule.selections) selections.set(name, selectionGroups(selection));
  const groups = conditionGroups(rule.condition, selections);
  if (groups.length === 0) return undefined;
  return groups
    .map((group, order) => ({ group, order, score: scoreOf(group) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, most)
    .map((g) => g.group);
}

/** The strongest necessary set of a rule alone (one group), or undefined when it must see every event. */
export function ruleNeeds(rule: SigmaRule): Necessary {
  return ruleNeedGroups(rule, 1)?.[0];
}
