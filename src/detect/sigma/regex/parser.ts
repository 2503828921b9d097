// Parses a rule's regex into a Node: JavaScript syntax without the u flag, plus RE2's inline flags, (?P<name>), \A, \z.
// What cannot run in linear time (backreferences, lookaround, atomic groups, possessive quantifiers) is refused here.
import { YaguraError } from '../../../core/errors.js';
import { alt, concat, type Assertion, type Node } from './ast.js';
import {
  ANY,
  caseClose,
  charSet,
  DIGIT,
  negate,
  NOT_LINE_TERMINATOR,
  single,
  SPACE,
  union,
  WORD,
  type CharSet,
} from './charset.js';

export interface Flags {
  /** Case-insensitive. */
  i: boolean;
  /** ^ and $ also match at line breaks. */
  m: boolean;
  /** . also matches line breaks. */
  s: boolean;
}

/** The largest count a {n,m} may name, as in RE2: larger counts make programs too big to run in linear time. */
export const REPEAT_MAX = 1000;

const CLASS_ESCAPES: Record<string, CharSet> = {
  d: DIGIT,
  D: negate(DIGIT),
  w: WORD,
  W: negate(WORD),
  s: SPACE,
  S: negate(SPACE),
};
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

interface Atom {
  node: Node;
  /** JavaScript refuses a quantifier after ^, $, \b and \B. */
  quantifiable: boolean;
}

export function parseFlags(flags: string): Flags {
  return { i: flags.includes('i'), m: flags.includes('m'), s: flags.includes('s') };
}

/** Parses `source` under `flags` (i, m, s; other letters are ignored). Throws RULE_INVALID or RULE_UNSUPPORTED. */
export function parseRegex(source: string, flags: string): Node {
  return new Parser(source).parse(parseFlags(flags));
}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(flags: Flags): Node {
    const node = this.alternation(flags);
    if (this.pos < this.src.length) throw this.invalid('unmatched ")"');
    return node;
  }

  private invalid(what: string, at = this.pos): YaguraError {
    return new YaguraError('RULE_INVALID', `regex "${this.src}": ${what} at offset ${at}`);
  }

  private unsupported(what: string, at = this.pos): YaguraError {
    return new YaguraError(
      'RULE_UNSUPPORTED',
      `regex "${this.src}": ${what} (offset ${at}) is not supported: rule regexes run on a linear-time engine (RE2 syntax)`,
    );
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  /** Alternatives up to the end of the enclosing group; an inline (?i) holds until that end, across `|`. */
  private alternation(inherited: Flags): Node {
    const flags = { ...inherited };
    const branches: Node[] = [];
    let items: Node[] = [];
    while (this.pos < this.src.length) {
      const c = this.peek();
      if (c === ')') break;
      if (c === '|') {
        branches.push(concat(items));
        items = [];
        this.pos++;
        continue;
      }
      const atom = this.atom(flags);
      if (atom !== null) items.push(this.quantifier(atom));
    }
    branches.push(concat(items));
    return alt(branches);
  }

  /** The next atom, or null for an inline flag group such as (?i), which changes `flags` instead. */
  private atom(flags: Flags): Atom | null {
    const start = this.pos;
    const c = this.src[this.pos++] as string;
    switch (c) {
      case '(':
        return this.group(flags);
      case '[':
        return { node: { kind: 'set', set: this.charClass(flags) }, quantifiable: true };
      case '.':
        return { node: { kind: 'set', set: flags.s ? ANY : NOT_LINE_TERMINATOR }, quantifiable: true };
      case '^':
        return this.assertion(flags.m ? 'lineStart' : 'textStart');
      case '$':
        return this.assertion(flags.m ? 'lineEnd' : 'textEnd');
      case '\\':
        return this.escape(flags);
      case '*':
      case '+':
      case '?':
        throw this.invalid(`nothing to repeat before "${c}"`, start);
      case '{':
        this.pos = start;
        if (this.bounds() !== null) throw this.invalid('nothing to repeat before "{"', start);
        this.pos = start + 1;
        return this.literal(c.charCodeAt(0), flags);
      default:
        return this.literal(c.charCodeAt(0), flags);
    }
  }

  private assertion(what: Assertion): Atom {
    return { node: { kind: 'assert', what }, quantifiable: false };
  }

  private literal(code: number, flags: Flags): Atom {
    const set = single(code);
    return { node: { kind: 'set', set: flags.i ? caseClose(set) : set }, quantifiable: true };
  }

  private group(flags: Flags): Atom | null {
    const start = this.pos - 1;
    let inner = flags;
    if (this.peek() === '?') {
      this.pos++;
      if (this.startsWith('=') || this.startsWith('!'))
        throw this.unsupported('lookahead "(?="/"(?!"', start);
      if (this.startsWith('<=') || this.startsWith('<!'))
        throw this.unsupported('lookbehind "(?<="/"(?<!"', start);
      if (this.startsWith('>')) throw this.unsupported('atomic group "(?>"', start);
      if (this.startsWith('P=')) throw this.unsupported('backreference "(?P=name)"', start);
      if (this.startsWith('P>') || this.startsWith('R') || this.startsWith('&'))
        throw this.unsupported('recursion', start);
      if (this.startsWith('<') || this.startsWith('P<')) {
        this.pos += this.peek() === 'P' ? 2 : 1;
        this.groupName();
      } else if (this.startsWith(':')) {
        this.pos++;
      } else {
        const scoped = this.inlineFlags(flags, start);
        if (scoped === null) return null;
        inner = scoped;
      }
    }
    const node = this.alternation(inner);
    if (this.peek() !== ')') throw this.invalid('missing ")" for the group opened', start);
    this.pos++;
    return { node, quantifiable: true };
  }

  private groupName(): void {
    const name = /^[A-Za-z_$][\w$]*>/.exec(this.src.slice(this.pos));
    if (!name) throw this.invalid('bad group name');
    this.pos += name[0].length;
  }

  /**
   * Reads `i`, `m`, `s` (and RE2's `U`, which test() ignores), optionally negated after `-`, then `)` or `:`.
   * Returns the flags of a scoped group `(?i:...)`, or null after applying `(?i)` to the enclosing group.
   */
  private inlineFlags(flags: Flags, start: number): Flags | null {
    const next = { ...flags };
    let on = true;
    let any = false;
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined) throw this.invalid('unterminated group', start);
      if (c === ')' || c === ':') {
        if (!any) throw this.invalid('empty inline flag group', start);
        if (c === ':') return next;
        Object.assign(flags, next);
        return null;
      }
      if (c === '-' && on) {
        on = false;
        continue;
      }
      if (c === 'i' || c === 'm' || c === 's') next[c] = on;
      else if (c !== 'U') {
        if (/[a-zA-Z]/.test(c)) throw this.unsupported(`inline flag "${c}"`, start);
        throw this.invalid(`unknown group syntax "(?${c}"`, start);
      }
      any = true;
    }
  }

  /** After an atom: a quantifier with its lazy form, refusing the possessive form. */
  private quantifier(atom: Atom): Node {
    const start = this.pos;
    const c = this.peek();
    let range: [number, number] | null = null;
    if (c === '{') range = this.bounds();
    else if (c === '*' || c === '+' || c === '?') {
      range = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
      this.pos++;
    }
    if (range === null) return atom.node;
    const [min, max] = range;
    if (!atom.quantifiable) throw this.invalid('nothing to repeat (a quantifier after an assertion)', start);
    if (this.peek() === '?') this.pos++;
    if (this.peek() === '+') throw this.unsupported('possessive quantifier', start);
    if (min > REPEAT_MAX || (max !== Infinity && max > REPEAT_MAX))
      throw this.unsupported(
        `repetition count above ${REPEAT_MAX} in "${this.src.slice(start, this.pos)}"`,
        start,
      );
    if (min > max) throw this.invalid('numbers out of order in {n,m}', start);
    return { kind: 'repeat', item: atom.node, min, max };
  }

  /** Reads {n}, {n,} or {n,m} at the position; null (position unchanged) when the brace is a literal. */
  private bounds(): [number, number] | null {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos, this.pos + 32));
    if (!m) return null;
    this.pos += m[0].length;
    const min = Number(m[1]);
    if (m[2] === undefined) return [min, min];
    return [min, m[3] === '' ? Infinity : Number(m[3])];
  }

  private escape(flags: Flags): Atom {
    const start = this.pos - 1;
    const c = this.src[this.pos++];
    if (c === undefined) throw this.invalid('"\\" at the end of the pattern', start);
    const set = CLASS_ESCAPES[c];
    if (set) return { node: { kind: 'set', set: flags.i ? caseClose(set) : set }, quantifiable: true };
    switch (c) {
      case 'b':
        return this.assertion('wordBoundary');
      case 'B':
        return this.assertion('notWordBoundary');
      case 'A':
        return this.assertion('textStart');
      case 'z':
        return this.assertion('textEnd');
      case 'k':
        throw this.unsupported('backreference "\\k<name>"', start);
    }
    if (c >= '1' && c <= '9') throw this.unsupported(`backreference "\\${c}"`, start);
    const code = this.escapedUnit(c, start, false);
    if (code > 0xffff) {
      const high = 0xd800 + ((code - 0x10000) >> 10);
      const low = 0xdc00 + ((code - 0x10000) & 0x3ff);
      return {
        node: concat([this.literal(high, flags).node, this.literal(low, flags).node]),
        quantifiable: true,
      };
    }
    return this.literal(code, flags);
  }

  /** The code point of a character escape after "\" (the letter `c` is consumed), in or out of a class. */
  private escapedUnit(c: string, start: number, inClass: boolean): number {
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) return control;
    switch (c) {
      case '0':
        if (/[0-9]/.test(this.peek() ?? '')) throw this.unsupported('octal escape', start);
        return 0;
      case 'x':
      case 'u': {
        const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.pos, this.pos + 8));
        if (braced) {
          const code = parseInt(braced[1] as string, 16);
          if (code > 0x10ffff) throw this.invalid('code point out of range', start);
          if (inClass && code > 0xffff) throw this.unsupported('a code point above U+FFFF in a class', start);
          this.pos += braced[0].length;
          return code;
        }
        const digits = c === 'x' ? 2 : 4;
        const hex = this.src.slice(this.pos, this.pos + digits);
        if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex))
          throw this.invalid(`bad "\\${c}" escape`, start);
        this.pos += digits;
        return parseInt(hex, 16);
      }
      case 'c': {
        const letter = this.peek();
        if (letter === undefined || !/[a-zA-Z]/.test(letter)) throw this.invalid('bad "\\c" escape', start);
        this.pos++;
        return letter.charCodeAt(0) & 31;
      }
    }
    if (/[0-9]/.test(c)) throw this.unsupported(`octal escape "\\${c}"`, start);
    if (c === 'p' || c === 'P') throw this.unsupported(`Unicode property class "\\${c}"`, start);
    if (/[a-zA-Z]/.test(c)) throw this.unsupported(`escape "\\${c}"`, start);
    return c.charCodeAt(0);
  }

  /** A [...] class, position after "["; the i flag folds its members before ^ negates it, as JavaScript does. */
  private charClass(flags: Flags): CharSet {
    const start = this.pos - 1;
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    if (this.peek() === ']')
      throw this.unsupported('empty class "[]" or "[^]" (flavours disagree on it)', start);
    const parts: CharSet[] = [];
    for (;;) {
      if (this.pos >= this.src.length) throw this.invalid('missing "]" for the class opened', start);
      if (this.peek() === ']') break;
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.pos++;
        const to = this.classAtom();
        if (typeof from === 'number' && typeof to === 'number') {
          if (from > to) throw this.invalid('range out of order in class', start);
          parts.push(charSet([[from, to]]));
        } else {
          // JavaScript reads [\w-.] as \w, "-" and "."; a range needs single characters at both ends.
          parts.push(asSet(from), single(0x2d), asSet(to));
        }
      } else {
        parts.push(asSet(from));
      }
    }
    this.pos++;
    let set = union(...parts);
    if (flags.i) set = caseClose(set);
    return negated ? negate(set) : set;
  }

  /** One class member: a code unit, or a set for \d \w \s and their negations. */
  private classAtom(): number | CharSet {
    const start = this.pos;
    const c = this.src[this.pos++] as string;
    if (c === '[' && /^:\^?[a-z]+:\]/.test(this.src.slice(this.pos)))
      throw this.unsupported('POSIX class "[:name:]"', start);
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.src[this.pos++];
    if (e === undefined) throw this.invalid('"\\" at the end of the pattern', start);
    const set = CLASS_ESCAPES[e];
    if (set) return set;
    if (e === 'b') return 8;
    if (e === '-') return 0x2d;
    return this.escapedUnit(e, start, true);
  }
}

function asSet(x: number | CharSet): CharSet {
  return typeof x === 'number' ? single(x) : x;
}
