// The search-language parser: query text -> QueryNode, by recursive descent over the tokens of lexer.ts.
//
// Grammar (precedence NOT > AND > OR; adjacent terms are ANDed; only upper-case AND, OR, NOT, TO are operators):
//   query   := or? EOF
//   or      := and ("OR" and)*
//   and     := not (("AND")? not)*
//   not     := ("NOT" | "-") not | primary
//   primary := "(" or ")" | FIELD ":" value | WORD | PHRASE
//   value   := "(" or ")"            -- group: every term inside applies to the field
//            | "[" b "TO" b "]" | "{" b "TO" b "}" | (">" | ">=" | "<" | "<=") b | "*" | WORD | PHRASE
import { YaguraError } from '../core/errors.js';
import type { PatternPart, QueryNode, RangeBound, RangeNode } from './ast.js';
import { parseCidr } from './cidr.js';
import { canonicalField, isTimeField, isValidFieldName } from './fields.js';
import { describeToken, Lexer, locate, type Char, type Mode, type Token } from './lexer.js';
import { isDateOnly, parseTimeExpression } from './time-expression.js';
import { isNumericText } from './values.js';

export interface ParseOptions {
  /** Epoch ms that `now` in time expressions means; defaults to Date.now(). */
  now?: number;
}

const MAX_QUERY_LENGTH = 20_000;
const MAX_DEPTH = 64;
const DAY_MS = 86_400_000;
const CIDR_SHAPE = /^[0-9A-Fa-f:.]+\/\d+$/;

const isKeyword = (t: Token, word: string): boolean =>
  t.type === 'word' && t.text === word && t.chars.every((c) => !c.escaped);

interface Field {
  name: string;
  /** Where the field name starts, for errors about its values. */
  offset: number;
}

class Parser {
  private readonly lexer: Lexer;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly now: number,
  ) {
    this.lexer = new Lexer(text);
  }

  parse(): QueryNode {
    if (this.text.length > MAX_QUERY_LENGTH) {
      throw new YaguraError('QUERY_SYNTAX', `The query is longer than ${MAX_QUERY_LENGTH} characters`, {
        location: { offset: MAX_QUERY_LENGTH, column: MAX_QUERY_LENGTH + 1 },
      });
    }
    if (this.lexer.peek('expr').type === 'eof') return { kind: 'all' };
    const node = this.parseOr(undefined);
    const t = this.lexer.next('expr');
    if (t.type !== 'eof') {
      const what =
        t.type === 'rparen' ? 'Unexpected ")" without a matching "("' : `Unexpected ${describeToken(t)}`;
      throw this.lexer.error('QUERY_SYNTAX', what, t.offset, { found: describeToken(t) });
    }
    return simplify(node);
  }

  private mode(field: Field | undefined): Mode {
    return field ? 'value' : 'expr';
  }

  private expected(what: string, t: Token): YaguraError {
    return this.lexer.error('QUERY_SYNTAX', `Expected ${what}`, t.offset, {
      expected: what,
      found: describeToken(t),
    });
  }

  private parseOr(field: Field | undefined): QueryNode {
    const children = [this.parseAnd(field)];
    while (isKeyword(this.lexer.peek(this.mode(field)), 'OR')) {
      this.lexer.next(this.mode(field));
      children.push(this.parseAnd(field, 'OR'));
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private parseAnd(field: Field | undefined, after?: string): QueryNode {
    const children = [this.parseNot(field, after)];
    for (;;) {
      const t = this.lexer.peek(this.mode(field));
      if (isKeyword(t, 'AND')) {
        this.lexer.next(this.mode(field));
        children.push(this.parseNot(field, 'AND'));
      } else if (this.startsTerm(t)) {
        children.push(this.parseNot(field));
      } else break;
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private startsTerm(t: Token): boolean {
    if (t.type === 'eof' || t.type === 'rparen') return false;
    return !isKeyword(t, 'OR') && !isKeyword(t, 'AND');
  }

  private parseNot(field: Field | undefined, after?: string): QueryNode {
    const t = this.lexer.peek(this.mode(field));
    if (isKeyword(t, 'NOT') || t.type === 'minus') {
      this.lexer.next(this.mode(field));
      return {
        kind: 'not',
        child: this.nested(() => this.parseNot(field, t.type === 'minus' ? '"-"' : 'NOT')),
      };
    }
    return this.parsePrimary(field, after);
  }

  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      throw this.lexer.error(
        'QUERY_SYNTAX',
        `The query nests deeper than ${MAX_DEPTH} levels`,
        this.lexer.pos,
      );
    }
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private parseGroup(field: Field | undefined, open: Token): QueryNode {
    const inner = this.nested(() => this.parseOr(field));
    const close = this.lexer.next(this.mode(field));
    if (close.type !== 'rparen') {
      throw this.lexer.error('QUERY_SYNTAX', 'Expected ")"', close.offset, {
        expected: ')',
        found: describeToken(close),
        opened: locate(this.text, open.offset),
      });
    }
    return inner;
  }

  private parsePrimary(field: Field | undefined, after?: string): QueryNode {
    const t = this.lexer.next(this.mode(field));
    const termWanted = after ? `a term after ${after}` : 'a term';
    switch (t.type) {
      case 'lparen':
        return this.parseGroup(field, t);
      case 'field':
        if (field) throw this.expected(`a value for "${field.name}", not another field`, t);
        return this.parseFieldValue(t);
      case 'word':
        if (isKeyword(t, 'AND') || isKeyword(t, 'OR')) throw this.expected(termWanted, t);
        return field ? this.valueNode(field, t.chars, false, t.offset) : this.fullText(t);
      case 'phrase':
        if (field) return this.valueNode(field, literalChars(t.text), true, t.offset);
        if (t.text.trim() === '') throw this.expected('text inside the quotes', t);
        return { kind: 'text', match: 'phrase', value: t.text };
      case 'range':
      case 'compare':
        if (field) return this.parseRangeValue(field, t);
        throw this.expected(termWanted, t);
      case 'rparen':
        if (this.depth === 0 && !field) {
          throw this.lexer.error('QUERY_SYNTAX', 'Unexpected ")" without a matching "("', t.offset, {
            found: ')',
          });
        }
        throw this.expected(termWanted, t);
      default:
        throw this.expected(termWanted, t);
    }
  }

  private parseFieldValue(t: Extract<Token, { type: 'field' }>): QueryNode {
    if (!isValidFieldName(t.name)) {
      throw this.lexer.error(
        'QUERY_SYNTAX',
        `Invalid field name "${t.name}" (quote text that contains ":")`,
        t.offset,
      );
    }
    const field: Field = { name: canonicalField(t.name), offset: t.offset };
    const wanted = `a value after "${t.name}:"`;
    // No space may follow the colon: "Error: connection refused" typed as free text must not quietly become a field term.
    if (/\s/.test(this.text[this.lexer.pos] ?? '')) {
      throw this.lexer.error(
        'QUERY_SYNTAX',
        `Expected ${wanted} (quote text that contains ":")`,
        this.lexer.pos,
        {
          expected: wanted,
          found: 'a space',
        },
      );
    }
    const v = this.lexer.next('value');
    switch (v.type) {
      case 'lparen':
        return this.parseGroup(field, v);
      case 'phrase':
        return this.valueNode(field, literalChars(v.text), true, v.offset);
      case 'word':
        if (isKeyword(v, 'AND') || isKeyword(v, 'OR') || isKeyword(v, 'NOT')) throw this.expected(wanted, v);
        return this.valueNode(field, v.chars, false, v.offset);
      case 'range':
      case 'compare':
        return this.parseRangeValue(field, v);
      default:
        throw this.expected(wanted, v);
    }
  }

  /** A bound of a range or comparison: a word up to a space or closing bracket, or a quoted phrase. */
  private readBound(stopAtBracket: boolean): { chars: Char[]; offset: number } {
    this.lexer.skipSpace();
    const offset = this.lexer.pos;
    if (this.text[offset] === '"') {
      const t = this.lexer.readPhrase() as Extract<Token, { type: 'phrase' }>;
      return { chars: literalChars(t.text), offset };
    }
    const chars = this.lexer.readChars(
      (c) =>
        c === ' ' ||
        c === '\t' ||
        c === '\n' ||
        c === '\r' ||
        (stopAtBracket ? c === ']' || c === '}' : c === '(' || c === ')'),
    );
    if (chars.length === 0) {
      const t = this.lexer.peek('value');
      throw this.expected(stopAtBracket ? 'a range bound' : 'a value to compare with', t);
    }
    return { chars, offset };
  }

  private parseRangeValue(field: Field, t: Extract<Token, { type: 'range' | 'compare' }>): QueryNode {
    if (t.type === 'compare') {
      const b = this.readBound(false);
      const isLower = t.op.startsWith('>');
      const [value] = this.rangeValues(field, [b]);
      if (value === undefined)
        throw this.lexer.error('QUERY_SYNTAX', `Expected a value after "${t.op}", not "*"`, b.offset);
      const bound: RangeBound = { value: value.value, inclusive: t.op.endsWith('=') };
      return {
        kind: 'range',
        field: field.name,
        type: value.type,
        ...(isLower ? { lower: bound } : { upper: bound }),
      };
    }
    const low = this.readBound(true);
    this.lexer.skipSpace();
    const toOffset = this.lexer.pos;
    const to = this.lexer.readChars(
      (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ']' || c === '}',
    );
    if (to.map((c) => c.c).join('') !== 'TO' || to.some((c) => c.escaped)) {
      throw this.lexer.error('QUERY_SYNTAX', 'Expected "TO"', toOffset, { expected: 'TO' });
    }
    const high = this.readBound(true);
    this.lexer.skipSpace();
    const closeOffset = this.lexer.pos;
    const close = this.text[closeOffset];
    if (close !== ']' && close !== '}') {
      throw this.lexer.error('QUERY_SYNTAX', 'Expected "]" or "}"', closeOffset, { expected: '] or }' });
    }
    this.lexer.pos++;
    const [lower, upper] = this.rangeValues(field, [low, high]);
    if (!lower && !upper) return { kind: 'exists', field: field.name };
    const node: RangeNode = {
      kind: 'range',
      field: field.name,
      type: lower?.type ?? upper?.type ?? 'number',
    };
    if (lower) node.lower = { value: lower.value, inclusive: t.inclusive };
    if (upper) node.upper = { value: upper.value, inclusive: close === ']' };
    return node;
  }

  /**
   * Converts bounds together: on a time field every bound is a time expression; elsewhere bounds are numbers,
   * unless one of them is not a number, in which case all are times. `*` is an open bound (undefined).
   */
  private rangeValues(
    field: Field,
    bounds: { chars: Char[]; offset: number }[],
  ): ({ value: number; type: 'number' | 'time' } | undefined)[] {
    const texts = bounds.map((b) => ({
      ...b,
      text: b.chars.map((c) => c.c).join(''),
      open: b.chars.length === 1 && b.chars[0]!.c === '*' && !b.chars[0]!.escaped,
    }));
    const asTime = isTimeField(field.name) || texts.some((b) => !b.open && !isNumericText(b.text));
    return texts.map((b) => {
      if (b.open) return undefined;
      if (!asTime) return { value: Number(b.text), type: 'number' as const };
      return { value: this.time(b.text, b.offset, !isTimeField(field.name)), type: 'time' as const };
    });
  }

  private time(text: string, offset: number, numberAllowed: boolean): number {
    try {
      return parseTimeExpression(text, this.now);
    } catch (e) {
      if (!(e instanceof YaguraError)) throw e;
      const what = numberAllowed ? `Expected a number or a time, found "${text}"` : e.message;
      throw this.lexer.error('QUERY_INVALID_VALUE', what, offset);
    }
  }

  private valueNode(field: Field, chars: Char[], quoted: boolean, offset: number): QueryNode {
    const text = chars.map((c) => c.c).join('');
    const wild = chars.some((c) => !c.escaped && (c.c === '*' || c.c === '?'));
    if (chars.length > 0 && chars.every((c) => !c.escaped && c.c === '*'))
      return { kind: 'exists', field: field.name };
    if (isTimeField(field.name)) {
      if (wild)
        throw this.lexer.error(
          'QUERY_INVALID_VALUE',
          `Wildcards cannot be used on the time field "${field.name}"`,
          offset,
        );
      const t = this.time(text, offset, false);
      const upper = isDateOnly(text)
        ? { value: t + DAY_MS, inclusive: false }
        : { value: t, inclusive: true };
      return { kind: 'range', field: field.name, type: 'time', lower: { value: t, inclusive: true }, upper };
    }
    const slash = chars.findIndex((c) => c.c === '/');
    if (CIDR_SHAPE.test(text) && /[.:]/.test(text) && (quoted || !chars[slash]!.escaped)) {
      const cidr = parseCidr(text);
      if (!cidr) throw this.lexer.error('QUERY_INVALID_VALUE', `Invalid CIDR network "${text}"`, offset);
      return { kind: 'cidr', field: field.name, cidr: cidr.text };
    }
    if (wild) return { kind: 'wildcard', field: field.name, pattern: toPattern(chars) };
    return { kind: 'term', field: field.name, value: text, quoted };
  }

  private fullText(t: Extract<Token, { type: 'word' }>): QueryNode {
    const { chars } = t;
    const isWild = (c: Char): boolean => !c.escaped && (c.c === '*' || c.c === '?');
    if (chars.every((c) => !c.escaped && c.c === '*')) return { kind: 'all' };
    if (!chars.some(isWild)) return { kind: 'text', match: 'word', value: t.text };
    let end = chars.length;
    while (end > 0 && !chars[end - 1]!.escaped && chars[end - 1]!.c === '*') end--;
    const head = chars.slice(0, end);
    if (end < chars.length && !head.some(isWild)) {
      return { kind: 'text', match: 'prefix', value: head.map((c) => c.c).join('') };
    }
    return { kind: 'text', match: 'wildcard', pattern: toPattern(chars) };
  }
}

function literalChars(text: string): Char[] {
  return [...text].map((c) => ({ c, escaped: true }));
}

function toPattern(chars: Char[]): PatternPart[] {
  const parts: PatternPart[] = [];
  for (const ch of chars) {
    const last = parts[parts.length - 1];
    if (!ch.escaped && ch.c === '*') {
      if (last?.kind !== 'many') parts.push({ kind: 'many' });
    } else if (!ch.escaped && ch.c === '?') parts.push({ kind: 'one' });
    else if (last?.kind === 'literal') last.text += ch.c;
    else parts.push({ kind: 'literal', text: ch.c });
  }
  return parts;
}

/** Flattens nested AND/OR and removes match-all where it changes nothing. */
function simplify(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'not':
      return { kind: 'not', child: simplify(node.child) };
    case 'and':
    case 'or': {
      const children: QueryNode[] = [];
      for (const c of node.children.map(simplify)) {
        if (c.kind === node.kind) children.push(...c.children);
        else if (c.kind === 'all') {
          if (node.kind === 'or') return { kind: 'all' };
        } else children.push(c);
      }
      if (children.length === 0) return { kind: 'all' };
      return children.length === 1 ? children[0]! : { kind: node.kind, children };
    }
    default:
      return node;
  }
}

/**
 * Parses a query typed by a user. Throws YaguraError `QUERY_SYNTAX` (with `details.location.offset/column`) when it
 * cannot be parsed, and `QUERY_INVALID_VALUE` for a bad number, time or CIDR.
 */
export function parseQuery(text: string, options: ParseOptions = {}): QueryNode {
  return new Parser(text, options.now ?? Date.now()).parse();
}
