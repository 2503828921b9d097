// One Sigma value tested on one event field, as a pair of search queries: a superset and a subset of what it matches.
//
// The rule engine (compile.ts) is the reference. Where the search language says the same thing the pair is one
// exact query; where it cannot (regular expressions, case-sensitive text, another field's value, parts of a date,
// a field present with null or []), the superset widens and the subset narrows, down to `all` and nothing.
import type { PatternPart, QueryNode } from '../../../search/ast.js';
import { builtinField, isValidFieldName } from '../../../search/fields.js';
import { isNumericText, patternRegExp } from '../../../search/values.js';
import type { SigmaValue } from '../modifiers/types.js';
import { isWildcard, type Pattern } from '../value.js';
import { ALL, NONE, and, isAll, isNone, not, or } from './nodes.js';
import { requiredLiterals } from './regex-literals.js';

/** What a part of a rule matches, bounded: `upper` selects at least those events, `lower` only such events. */
export interface Bounds {
  upper: QueryNode;
  lower: QueryNode;
  /** `upper` and `lower` are the same query and select exactly what the rule engine matches. */
  exact: boolean;
}

export const exactly = (q: QueryNode): Bounds => ({ upper: q, lower: q, exact: true });
export const between = (upper: QueryNode, lower: QueryNode): Bounds =>
  isAll(upper) && isNone(lower) ? UNKNOWN : { upper, lower, exact: false };
/** Anything may match: the store cannot tell. */
export const UNKNOWN: Bounds = { upper: ALL, lower: NONE, exact: false };

export function allOf(items: readonly Bounds[]): Bounds {
  if (items.every((b) => b.exact)) return exactly(and(items.map((b) => b.upper)));
  return between(and(items.map((b) => b.upper)), and(items.map((b) => b.lower)));
}

export function anyOf(items: readonly Bounds[]): Bounds {
  if (items.every((b) => b.exact)) return exactly(or(items.map((b) => b.upper)));
  return between(or(items.map((b) => b.upper)), or(items.map((b) => b.lower)));
}

/** The negation of a superset is a subset and the other way round. */
export function negate(b: Bounds): Bounds {
  return b.exact ? exactly(not(b.upper)) : between(not(b.lower), not(b.upper));
}

/** Notes on what made a rule's query inexact, for people reading a hunt plan. */
export type Widened = (reason: string) => void;

/**
 * Whether the search backends can read this field as the rule engine reads it: a valid name, not one of the
 * built-in names that live outside `Event.fields` (`message` is `Event.fields.message` when it is text), and not a
 * name every JS object answers to.
 */
export function queryable(field: string): boolean {
  return (
    isValidFieldName(field) &&
    (builtinField(field) === undefined || field === 'message') &&
    !(field in Object.prototype)
  );
}

export const present = (field: string): QueryNode => ({ kind: 'exists', field });

const term = (field: string, value: string): QueryNode => ({ kind: 'term', field, value, quoted: true });

// A JavaScript number prints only with these characters: a pattern made of them (or of wildcards alone) may match
// a number, and SQLite prints some numbers differently ("1.0e-07" for 1e-7, 15 digits at most).
const NUMBER_CHARS = /^[0-9.eE+-]*$/;

/**
 * Characters the rule engine may match with another one (toLowerCase, or /iu case folding): letters with case, and
 * the dot İ lowers into. Search text folds ASCII letters only, so these need the rule engine; any other non-ASCII
 * character (dashes, ®, CJK) matches itself alone in both.
 */
const FOLDS = /[\p{Cased}\p{Changes_When_Casemapped}\u0307]/u;
const FOLDS_SPLIT = /[^\x00-\x7f]/u;

/** Whether the search language compares this text as the rule engine does without `cased` (ASCII folding aside). */
export function foldsAlike(text: string): boolean {
  for (const c of text) if (c > '\x7f' && FOLDS.test(c)) return false;
  return true;
}

/**
 * The search-language form of a Sigma wildcard pattern. Without `cased`, a character only the rule engine folds
 * (see FOLDS) widens to `*`.
 */
function searchParts(pattern: Pattern, cased: boolean): { parts: PatternPart[]; widened: boolean } {
  const parts: PatternPart[] = [];
  let widened = false;
  const many = () => {
    if (parts[parts.length - 1]?.kind !== 'many') parts.push({ kind: 'many' });
  };
  const literal = (text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else parts.push({ kind: 'literal', text });
  };
  for (const p of pattern) {
    if (isWildcard(p)) {
      if (p.wildcard === '*') many();
      else parts.push({ kind: 'one' });
    } else if (cased || foldsAlike(p)) literal(p);
    else {
      for (const c of p) {
        if (c > '\x7f' && FOLDS.test(c)) {
          widened = true;
          many();
        } else literal(c);
      }
    }
  }
  return { parts, widened };
}

function patternBounds(
  field: string,
  v: Extract<SigmaValue, { type: 'pattern' }>,
  cased: boolean,
  widen: Widened,
): Bounds {
  const { pattern, number } = v;
  if (pattern.length > 0 && pattern.every((p) => isWildcard(p) && p.wildcard === '*')) {
    return exactly(present(field)); // `*` matches any value that is not null, as exists does
  }
  const { parts, widened } = searchParts(pattern, cased);
  let exact = !widened;
  if (widened) widen(`${field}: letters beyond ASCII are matched by the rule engine alone`);
  const alternatives: QueryNode[] = [];
  const wildcards = parts.some((p) => p.kind !== 'literal');
  if (!wildcards) {
    const text = parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
    alternatives.push(term(field, text));
    // A term that is a decimal number also matches numbers equal to it; the rule engine matches a number by its
    // printed form (and by value when the rule wrote a number).
    if (isNumericText(text)) {
      if (number === undefined && String(Number(text)) !== text) {
        exact = false;
        widen(`${field}: "${text}" also selects numbers that print differently`);
      }
    } else {
      const n = number ?? Number(text);
      if (text !== '' && Number.isFinite(n) && (number !== undefined || String(n) === text.toLowerCase())) {
        alternatives.push(numberIs(field, n));
        exact = false;
        widen(`${field}: "${text}" may be how a number prints`);
      }
    }
  } else {
    const options = textAlternatives(field, parts, widen);
    // Booleans are an exact alternative; numbers that may print differently are not.
    if (options.kind === 'or' && options.children.some((c) => c.kind === 'range')) exact = false;
    alternatives.push(options);
  }
  const upper = or(alternatives);
  if (cased && /[A-Za-z]|[^\x00-\x7f]/u.test(pattern.filter((p) => !isWildcard(p)).join(''))) {
    widen(`${field}: case-sensitive text (cased) is matched by the rule engine alone`);
    return between(upper, NONE);
  }
  return exact ? exactly(upper) : between(upper, NONE);
}

function numberIs(field: string, n: number): QueryNode {
  return {
    kind: 'range',
    field,
    type: 'number',
    lower: { value: n, inclusive: true },
    upper: { value: n, inclusive: true },
  };
}

/**
 * A regex needs the rule engine, but the text it cannot match without narrows the store's search: per alternative,
 * its literal runs in order (`*run1*run2*`). Under the `i` flag a character only the rule engine folds is a gap.
 */
function regexBounds(field: string, v: Extract<SigmaValue, { type: 'regex' }>, widen: Widened): Bounds {
  widen(`${field}: regular expressions are matched by the rule engine alone`);
  const alternatives = requiredLiterals(v.source);
  if (!alternatives) return between(present(field), NONE);
  const folds = v.flags.includes('i');
  const options = alternatives.map((runs) => {
    const parts: PatternPart[] = [{ kind: 'many' }];
    for (const run of runs) {
      for (const piece of folds ? run.split(FOLDS_SPLIT) : [run]) {
        if (piece !== '') parts.push({ kind: 'literal', text: piece });
        if (parts[parts.length - 1]?.kind !== 'many') parts.push({ kind: 'many' });
      }
    }
    return textAlternatives(field, parts, widen);
  });
  return between(or(options), NONE);
}

/**
 * A wildcard on a field and what else the rule engine's text of a value may match: booleans (printed true/false)
 * and numbers SQLite prints differently ("1.0e-07" for 1e-7, at most 15 digits) when the pattern could be one.
 */
function textAlternatives(field: string, parts: PatternPart[], widen: Widened): QueryNode {
  const alternatives: QueryNode[] = [{ kind: 'wildcard', field, pattern: parts }];
  const matches = patternRegExp(parts, true);
  for (const word of ['true', 'false']) if (matches.test(word)) alternatives.push(term(field, word));
  const literalText = parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
  if (NUMBER_CHARS.test(literalText)) {
    alternatives.push({ kind: 'range', field, type: 'number' });
    widen(`${field}: a pattern that may match a number's printed form`);
  }
  return or(alternatives);
}

/** Bounds of one value tested on one field, as the rule engine tests it (`event.get(field)`, one candidate). */
export function valueBounds(field: string, v: SigmaValue, cased: boolean, widen: Widened): Bounds {
  switch (v.type) {
    case 'pattern':
      return patternBounds(field, v, cased, widen);
    case 'cidr':
      return exactly({ kind: 'cidr', field, cidr: v.cidr.text });
    case 'regex':
      return regexBounds(field, v, widen);
    case 'compare': {
      // JavaScript's Number() reads more text as numbers (" 12", "0x10", "1e3") than the search language does.
      widen(`${field}: ${v.op} ${v.number} reads numbers the search language does not`);
      const bound = { value: v.number, inclusive: v.op === 'lte' || v.op === 'gte' };
      const range: QueryNode =
        v.op === 'lt' || v.op === 'lte'
          ? { kind: 'range', field, type: 'number', upper: bound }
          : { kind: 'range', field, type: 'number', lower: bound };
      return between(present(field), range);
    }
    case 'timepart':
      widen(`${field}: parts of dates are matched by the rule engine alone`);
      return between(present(field), NONE);
    case 'fieldref':
      // A field holding null compares as empty text; the store cannot tell null from absent.
      widen(`${field}: comparing with another field is done by the rule engine alone`);
      return UNKNOWN;
    case 'null':
      // Absent, null or []: the store also counts [null] as absent.
      widen(`${field}: null cannot be told from a list of nulls by the store`);
      return between(not(present(field)), NONE);
    case 'exists':
      // The rule engine counts [] and [null] as present; the store as absent.
      widen(`${field}: exists cannot be told from [] or a list of nulls by the store`);
      return v.exists ? between(ALL, present(field)) : between(not(present(field)), NONE);
  }
}

export { and, or, not };
