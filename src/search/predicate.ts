// Compiles a QueryNode to a JS predicate over in-memory Events (live tail, suppression rules), with the SQLite semantics.
import { messageOf, type Event, type FieldValue, type Scalar } from '../core/event.js';
import { YaguraError } from '../core/errors.js';
import type { QueryNode, RangeNode } from './ast.js';
import { ipInCidr, parseCidr } from './cidr.js';
import { builtinField, fullTextDocument, isValidFieldName } from './fields.js';
import {
  asciiLower,
  containsPhrase,
  isNumericText,
  patternRegExp,
  storedTimeMs,
  textTokens,
} from './values.js';

export type EventPredicate = (event: Event) => boolean;

/** Per-event lazy state, so several full-text terms tokenize the message and raw text once. */
interface Context {
  event: Event;
  tokens?: string[];
  lowered?: string[];
}

type Test = (ctx: Context) => boolean;
type ValueTest = (value: Scalar) => boolean;

function valuesOf(event: Event, field: string): Scalar[] {
  const builtin = builtinField(field);
  const v: FieldValue | undefined = builtin
    ? builtin.read(event)
    : Object.hasOwn(event.fields, field)
      ? event.fields[field]
      : undefined;
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function termTest(value: string): ValueTest {
  const lower = asciiLower(value);
  const num = isNumericText(value) ? Number(value) : undefined;
  return (v) => {
    if (typeof v === 'string') return asciiLower(v) === lower;
    if (typeof v === 'number') return v === num;
    if (typeof v === 'boolean') return String(v) === lower;
    return false;
  };
}

function rangeTest(node: RangeNode): ValueTest {
  const { lower, upper } = node;
  const toNumber = (v: Scalar): number | undefined => {
    if (typeof v === 'number') return v;
    if (typeof v !== 'string') return undefined;
    if (node.type === 'number') return isNumericText(v) ? Number(v) : undefined;
    return storedTimeMs(v);
  };
  return (v) => {
    const n = toNumber(v);
    if (n === undefined) return false;
    if (lower && (lower.inclusive ? n < lower.value : n <= lower.value)) return false;
    if (upper && (upper.inclusive ? n > upper.value : n >= upper.value)) return false;
    return true;
  };
}

function valueTest(node: Extract<QueryNode, { field: string }>): ValueTest {
  switch (node.kind) {
    case 'term':
      return termTest(node.value);
    case 'wildcard': {
      const re = patternRegExp(node.pattern, true);
      return (v) => (typeof v === 'string' || typeof v === 'number') && re.test(asciiLower(String(v)));
    }
    case 'exists':
      return (v) => v !== null;
    case 'range':
      return rangeTest(node);
    case 'cidr': {
      const cidr = parseCidr(node.cidr);
      if (!cidr) throw new YaguraError('QUERY_INVALID_VALUE', `Invalid CIDR network "${node.cidr}"`);
      return (v) => typeof v === 'string' && ipInCidr(v, cidr);
    }
  }
}

function texts(ctx: Context): string[] {
  const out: string[] = [];
  const message = messageOf(ctx.event);
  if (message !== undefined) out.push(message);
  if (ctx.event.raw !== undefined) out.push(ctx.event.raw);
  return out;
}

function textLike(re: RegExp): Test {
  return (ctx) => (ctx.lowered ??= texts(ctx).map(asciiLower)).some((t) => re.test(t));
}

function fullText(node: Extract<QueryNode, { kind: 'text' }>): Test {
  if (node.match === 'wildcard') return textLike(patternRegExp(node.pattern, false));
  const prefix = node.match === 'prefix';
  const phrase = textTokens(node.value);
  if (phrase.length === 0) {
    const literal = { kind: 'literal' as const, text: node.value };
    return textLike(patternRegExp(prefix ? [literal, { kind: 'many' }] : [literal], false));
  }
  return (ctx) => containsPhrase((ctx.tokens ??= textTokens(fullTextDocument(ctx.event))), phrase, prefix);
}

function compile(node: QueryNode): Test {
  switch (node.kind) {
    case 'all':
      return () => true;
    case 'and': {
      const children = node.children.map(compile);
      return (ctx) => children.every((c) => c(ctx));
    }
    case 'or': {
      const children = node.children.map(compile);
      return (ctx) => children.some((c) => c(ctx));
    }
    case 'not': {
      const child = compile(node.child);
      return (ctx) => !child(ctx);
    }
    case 'text':
      return fullText(node);
    default: {
      const { field } = node;
      if (!isValidFieldName(field))
        throw new YaguraError('QUERY_SYNTAX', `Invalid field name "${field.slice(0, 100)}"`);
      const test = valueTest(node);
      return (ctx) => valuesOf(ctx.event, field).some(test);
    }
  }
}

/**
 * A predicate with the same meaning as `compileToSqlite` for the same node. Full text differs from FTS5 only in
 * edge cases of Unicode case folding and diacritics (see docs/search-language.md).
 */
export function compilePredicate(node: QueryNode): EventPredicate {
  const test = compile(node);
  return (event) => test({ event });
}
