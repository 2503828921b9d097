// Parses STIX 2.1 patterning ("[ipv4-addr:value = '1.2.3.4'] OR [file:hashes.MD5 = '...']") into a tree.

/** Booleans, timestamps (t'...'), hex (h'...') and binary (b'...') literals are kept as their text. */
export type Literal = string | number;

export interface Comparison {
  kind: 'test';
  /** The object type before ":" ("file"), and the property path after it ("hashes.SHA-256"), quotes removed. */
  objectType: string;
  property: string;
  /** "=", "!=", "<", ">", "<=", ">=", "IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET" or "EXISTS". */
  op: string;
  negated: boolean;
  values: Literal[];
}

export type ComparisonExpr = Comparison | { kind: 'and' | 'or'; items: ComparisonExpr[] };

export type ObservationExpr =
  | { kind: 'observation'; comparison: ComparisonExpr; qualifiers: string[] }
  | { kind: 'and' | 'or' | 'followedby'; items: ObservationExpr[]; qualifiers: string[] };

export class StixPatternError extends Error {}

type Token =
  | { t: 'punct'; v: string }
  | { t: 'op'; v: string }
  | { t: 'word'; v: string }
  | { t: 'path'; objectType: string; property: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number };

const WORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'FOLLOWEDBY',
  'IN',
  'LIKE',
  'MATCHES',
  'ISSUBSET',
  'ISSUPERSET',
  'EXISTS',
  'WITHIN',
  'SECONDS',
  'REPEATS',
  'TIMES',
  'START',
  'STOP',
]);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    // At the opening quote; returns the content with \' and \\ unescaped.
    let out = '';
    i++;
    for (;;) {
      if (i >= src.length) throw new StixPatternError('a quoted string is never closed');
      const c = src[i] as string;
      if (c === '\\') {
        out += src[i + 1] ?? '';
        i += 2;
      } else if (c === "'") {
        i++;
        return out;
      } else {
        out += c;
        i++;
      }
    }
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if ('[](),'.includes(c)) {
      tokens.push({ t: 'punct', v: c });
      i++;
    } else if (c === "'") {
      tokens.push({ t: 'string', v: readQuoted() });
    } else if ('=!<>'.includes(c)) {
      const two = src.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : c;
      if (op === '!') throw new StixPatternError('"!" must be followed by "="');
      tokens.push({ t: 'op', v: op });
      i += op.length;
    } else if (/[-+\d]/.test(c)) {
      const m = /^[-+]?\d+(\.\d+)?/.exec(src.slice(i));
      if (!m) throw new StixPatternError(`unexpected "${c}" at ${i}`);
      tokens.push({ t: 'number', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z0-9_-]+/.exec(src.slice(i)) as RegExpExecArray;
      const word = m[0];
      i += word.length;
      if (/^[thb]$/.test(word) && src[i] === "'") tokens.push({ t: 'string', v: readQuoted() });
      else if (src[i] === ':') {
        i++;
        tokens.push({ t: 'path', objectType: word, property: readProperty() });
      } else if (word === 'true' || word === 'false') tokens.push({ t: 'string', v: word });
      else if (WORDS.has(word.toUpperCase())) tokens.push({ t: 'word', v: word.toUpperCase() });
      else throw new StixPatternError(`unexpected word "${word}"`);
    } else throw new StixPatternError(`unexpected "${c}" at ${i}`);
  }
  return tokens;

  function readProperty(): string {
    let out = '';
    for (;;) {
      const c = src[i];
      if (c === "'") out += readQuoted();
      else if (c !== undefined && /[A-Za-z0-9_-]/.test(c)) {
        const m = /^[A-Za-z0-9_-]+/.exec(src.slice(i)) as RegExpExecArray;
        out += m[0];
        i += m[0].length;
      } else if (c === '.') {
        out += '.';
        i++;
      } else if (c === '[' && /^\[(\*|\d+)\]/.test(src.slice(i))) {
        const m = /^\[(\*|\d+)\]/.exec(src.slice(i)) as RegExpExecArray;
        out += m[0];
        i += m[0].length;
      } else return out;
    }
  }
}

/** The tree of a STIX pattern; throws StixPatternError saying what is wrong. */
export function parseStixPattern(src: string): ObservationExpr {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (v: string): boolean => {
    const t = peek();
    return t?.t === 'word' && t.v === v;
  };
  const isPunct = (v: string): boolean => {
    const t = peek();
    return t?.t === 'punct' && t.v === v;
  };
  const expectPunct = (v: string): void => {
    if (!isPunct(v)) throw new StixPatternError(`expected "${v}"`);
    pos++;
  };
  const describe = (t: Token | undefined): string =>
    t === undefined ? 'the end' : 'v' in t ? `"${String(t.v)}"` : `${t.objectType}:${t.property}`;

  function binary<T>(word: string, next: () => T, make: (items: T[]) => T): T {
    const first = next();
    if (!isWord(word)) return first;
    const items = [first];
    while (isWord(word)) {
      pos++;
      items.push(next());
    }
    return make(items);
  }

  const observations = (): ObservationExpr =>
    binary('FOLLOWEDBY', observationOr, (items) => ({ kind: 'followedby', items, qualifiers: [] }));
  const observationOr = (): ObservationExpr =>
    binary('OR', observationAnd, (items) => ({ kind: 'or', items, qualifiers: [] }));
  const observationAnd = (): ObservationExpr =>
    binary('AND', observation, (items) => ({ kind: 'and', items, qualifiers: [] }));

  function observation(): ObservationExpr {
    let node: ObservationExpr;
    if (isPunct('[')) {
      pos++;
      node = { kind: 'observation', comparison: comparisonOr(), qualifiers: [] };
      expectPunct(']');
    } else if (isPunct('(')) {
      pos++;
      node = observations();
      expectPunct(')');
    } else throw new StixPatternError(`expected "[" or "(" but found ${describe(peek())}`);
    for (;;) {
      if (isWord('WITHIN')) node.qualifiers.push(qualifier('WITHIN', 'SECONDS'));
      else if (isWord('REPEATS')) node.qualifiers.push(qualifier('REPEATS', 'TIMES'));
      else if (isWord('START')) {
        pos++;
        literal();
        if (!isWord('STOP')) throw new StixPatternError('START needs a STOP');
        pos++;
        literal();
        node.qualifiers.push('START/STOP');
      } else return node;
    }
  }

  function qualifier(word: string, unit: string): string {
    pos++;
    const n = literal();
    if (!isWord(unit)) throw new StixPatternError(`${word} needs ${unit}`);
    pos++;
    return `${word} ${String(n)} ${unit}`;
  }

  const comparisonOr = (): ComparisonExpr => binary('OR', comparisonAnd, (items) => ({ kind: 'or', items }));
  const comparisonAnd = (): ComparisonExpr => binary('AND', comparison, (items) => ({ kind: 'and', items }));

  function comparison(): ComparisonExpr {
    if (isPunct('(')) {
      pos++;
      const inner = comparisonOr();
      expectPunct(')');
      return inner;
    }
    if (isWord('EXISTS')) {
      pos++;
      const p = peek();
      if (p?.t !== 'path') throw new StixPatternError('EXISTS needs an object path');
      pos++;
      return {
        kind: 'test',
        objectType: p.objectType,
        property: p.property,
        op: 'EXISTS',
        negated: false,
        values: [],
      };
    }
    const p = peek();
    if (p?.t !== 'path') throw new StixPatternError(`expected an object path but found ${describe(p)}`);
    pos++;
    let negated = false;
    if (isWord('NOT')) {
      negated = true;
      pos++;
    }
    const o = peek();
    let op: string;
    if (o?.t === 'op') op = o.v;
    else if (o?.t === 'word' && ['IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'].includes(o.v)) op = o.v;
    else throw new StixPatternError(`expected an operator after ${p.objectType}:${p.property}`);
    pos++;
    const values: Literal[] = [];
    if (op === 'IN') {
      expectPunct('(');
      values.push(literal());
      while (isPunct(',')) {
        pos++;
        values.push(literal());
      }
      expectPunct(')');
    } else values.push(literal());
    return { kind: 'test', objectType: p.objectType, property: p.property, op, negated, values };
  }

  function literal(): Literal {
    const t = peek();
    if (t?.t === 'string' || t?.t === 'number') {
      pos++;
      return t.v;
    }
    throw new StixPatternError(`expected a value but found ${describe(t)}`);
  }

  const tree = observations();
  if (pos < tokens.length) throw new StixPatternError(`unexpected ${describe(peek())} after the pattern`);
  return tree;
}
