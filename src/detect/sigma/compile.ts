// Turns a loaded SigmaRule into a predicate over an event view: selections to closures, the condition to a tree of them.
import type { FieldValue, Scalar } from '../../core/event.js';
import { ipInCidr } from '../../search/cidr.js';
import type { ConditionNode } from './condition.js';
import type { DetectionItem } from './item.js';
import type { SigmaValue, TimePart } from './modifiers/types.js';
import { compileRegex } from './regex.js';
import type { Selection, SigmaRule } from './rule.js';
import { lowerValue, type LoweredValue } from './lowered.js';
import { compilePattern, jsonEscaped, wrap } from './value.js';

/** What a compiled rule reads from an event: its fields by Sigma name (after field mapping) and all its values. */
export interface EventView {
  get(field: string): FieldValue | undefined;
  /**
   * The field's value lower-cased (each scalar as text), when the view can keep it for every rule that asks;
   * views without it have their values lower-cased by each item.
   */
  lowered?(field: string): LoweredValue | undefined;
  /** Every value of the event as text, for keyword (field-less) search. */
  texts(): readonly string[];
}

export type Predicate = (event: EventView) => boolean;
type ValueTest = (value: Scalar, event: EventView) => boolean;

function scalars(value: FieldValue | undefined): Scalar[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: Scalar): string {
  return value === null ? '' : String(value);
}

const PART: Record<TimePart, (d: Date) => number> = {
  minute: (d) => d.getUTCMinutes(),
  hour: (d) => d.getUTCHours(),
  day: (d) => d.getUTCDate(),
  month: (d) => d.getUTCMonth() + 1,
  year: (d) => d.getUTCFullYear(),
  week: (d) => {
    // ISO 8601 week number: the week with the year's first Thursday is week 1.
    const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    const weekday = t.getUTCDay() || 7;
    t.setUTCDate(t.getUTCDate() + 4 - weekday);
    const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
    return Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  },
};

function valueTest(v: Exclude<SigmaValue, { type: 'null' } | { type: 'exists' }>, cased: boolean): ValueTest {
  switch (v.type) {
    case 'pattern': {
      const test = compilePattern(v.pattern, cased);
      const number = v.number;
      return number === undefined
        ? (value) => value !== null && test(text(value))
        : (value) => value === number || (value !== null && test(text(value)));
    }
    case 'regex': {
      const re = compileRegex(v.source, v.flags);
      return (value) => value !== null && re(text(value));
    }
    case 'cidr':
      return (value) => typeof value === 'string' && ipInCidr(value, v.cidr);
    case 'compare': {
      const { op, number } = v;
      return (value) => {
        if (value === null || value === '' || typeof value === 'boolean') return false;
        const n = Number(value);
        if (Number.isNaN(n)) return false;
        return op === 'lt' ? n < number : op === 'lte' ? n <= number : op === 'gt' ? n > number : n >= number;
      };
    }
    case 'timepart': {
      const part = PART[v.part];
      return (value) => {
        if (value === null || typeof value === 'boolean') return false;
        const d = new Date(typeof value === 'number' ? value : String(value));
        return !Number.isNaN(d.getTime()) && part(d) === v.number;
      };
    }
    case 'fieldref':
      return (value, event) => {
        const mine = text(value).toLowerCase();
        return scalars(event.get(v.field)).some((other) => {
          const theirs = text(other).toLowerCase();
          if (v.start && v.end) return mine.includes(theirs);
          if (v.start) return mine.endsWith(theirs);
          if (v.end) return mine.startsWith(theirs);
          return mine === theirs;
        });
      };
  }
}

// Plain loops rather than every/some with an arrow: those would allocate a closure over the event per call.
function allOf(predicates: readonly Predicate[]): Predicate {
  if (predicates.length === 1) return predicates[0]!;
  return (event) => {
    for (let i = 0; i < predicates.length; i++) if (!predicates[i]!(event)) return false;
    return true;
  };
}

function anyOf(predicates: readonly Predicate[]): Predicate {
  if (predicates.length === 1) return predicates[0]!;
  return (event) => {
    for (let i = 0; i < predicates.length; i++) if (predicates[i]!(event)) return true;
    return false;
  };
}

function compileItem(item: DetectionItem): Predicate {
  const { field, flags } = item;
  if (field === undefined) {
    // Keywords: searched as a part of the original line (or of every value, see eventTexts), also as the value
    // would be written inside a JSON line.
    const tests = item.values.map((v): ((s: string) => boolean) => {
      if (v.type !== 'pattern') return () => false;
      const plain = compilePattern(wrap(v.pattern, true, true), flags.cased);
      const inJson = jsonEscaped(v.pattern);
      if (!inJson) return plain;
      const escaped = compilePattern(wrap(inJson, true, true), flags.cased);
      return (s) => plain(s) || escaped(s);
    });
    const one = (test: (s: string) => boolean) => (event: EventView) => event.texts().some(test);
    const each = tests.map(one);
    return flags.all ? allOf(each) : anyOf(each);
  }
  const plain = plainPatternItem(field, item);
  if (plain) return plain;
  const perValue: Predicate[] = item.values.map((v): Predicate => {
    if (v.type === 'null') {
      return (event) => {
        const value = event.get(field);
        return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
      };
    }
    if (v.type === 'exists') {
      return (event) => {
        const value = event.get(field);
        return (value !== undefined && value !== null) === v.exists;
      };
    }
    const test = valueTest(v, flags.cased);
    return (event) => {
      const value = event.get(field);
      if (value === undefined) return false;
      if (Array.isArray(value)) return value.some((x) => test(x, event));
      return test(value, event);
    };
  });
  const any: Predicate = flags.all ? allOf(perValue) : anyOf(perValue);
  return flags.negate ? (e) => !any(e) : any;
}

/**
 * The common item, text patterns ORed case-insensitively (`Image|endswith: [...]`), as one predicate that lower-cases
 * each value once for all of its patterns; undefined for any other item.
 */
function plainPatternItem(field: string, item: DetectionItem): Predicate | undefined {
  const { flags } = item;
  if (flags.all || flags.cased || item.values.some((v) => v.type !== 'pattern')) return undefined;
  const patterns = item.values as Extract<SigmaValue, { type: 'pattern' }>[];
  const tests = patterns.map((v) => compilePattern(v.pattern, false, true));
  const numbers = patterns.map((v) => v.number).filter((n): n is number => n !== undefined);
  const matchesText = (lowered: string | null): boolean => {
    if (lowered === null) return false;
    for (let i = 0; i < tests.length; i++) if (tests[i]!(lowered)) return true;
    return false;
  };
  const matchesNumber = (value: FieldValue | undefined): boolean =>
    Array.isArray(value)
      ? value.some((x) => typeof x === 'number' && numbers.includes(x))
      : typeof value === 'number' && numbers.includes(value);
  const any: Predicate = (event) => {
    const lowered = event.lowered ? event.lowered(field) : lowerValue(event.get(field));
    if (lowered === undefined) return false;
    if (numbers.length > 0 && matchesNumber(event.get(field))) return true;
    if (typeof lowered === 'string' || lowered === null) return matchesText(lowered);
    for (let i = 0; i < lowered.length; i++) if (matchesText(lowered[i]!)) return true;
    return false;
  };
  return flags.negate ? (e) => !any(e) : any;
}

function compileSelection(selection: Selection): Predicate {
  switch (selection.kind) {
    case 'keywords':
      return compileItem(selection.item);
    case 'map': {
      const items = selection.items.map(compileItem);
      return allOf(items);
    }
    case 'any': {
      return anyOf(selection.maps.map(compileSelection));
    }
  }
}

function compileCondition(node: ConditionNode, selections: ReadonlyMap<string, Predicate>): Predicate {
  switch (node.kind) {
    case 'ref': {
      const p = selections.get(node.name);
      if (!p) throw new Error(`unresolved selection ${node.name}`);
      return p;
    }
    case 'not': {
      const inner = compileCondition(node.item, selections);
      return (e) => !inner(e);
    }
    case 'and': {
      return allOf(node.items.map((n) => compileCondition(n, selections)));
    }
    case 'or': {
      return anyOf(node.items.map((n) => compileCondition(n, selections)));
    }
    case 'of':
      throw new Error('conditions are resolved before they are compiled');
  }
}

/** The rule as one predicate. Each selection is compiled once, however often the condition names it. */
export function compileRule(rule: SigmaRule): Predicate {
  const selections = new Map<string, Predicate>();
  for (const [name, selection] of rule.selections) selections.set(name, compileSelection(selection));
  return compileCondition(rule.condition, selections);
}
