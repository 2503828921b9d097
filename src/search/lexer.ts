// The query tokenizer: turns query text into tokens, in one of two modes the parser chooses as it goes.
//
// Modes exist because a colon means two things: in `expr` mode `source.ip:` ends a field name, while in
// `value` mode (after a field) colons belong to the value, so `source.ip:2001:db8::/32` needs no quotes.
import { YaguraError, type ErrorCode } from '../core/errors.js';

export interface Char {
  c: string;
  /** Written with a backslash: never a wildcard, operator or separator. */
  escaped: boolean;
}

export type Token =
  | { type: 'lparen' | 'rparen' | 'eof' | 'minus'; offset: number; end: number }
  | { type: 'word'; offset: number; end: number; chars: Char[]; text: string }
  | { type: 'phrase'; offset: number; end: number; text: string }
  | { type: 'field'; offset: number; end: number; name: string }
  | { type: 'range'; offset: number; end: number; inclusive: boolean }
  | { type: 'compare'; offset: number; end: number; op: '>' | '>=' | '<' | '<=' };

export type Mode = 'expr' | 'value';

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const endsWord = (c: string): boolean => isSpace(c) || c === '(' || c === ')' || c === '"';

/** Where an offset is, for error messages: 1-based line and column. */
export function locate(text: string, offset: number): { offset: number; line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { offset, line: (before.match(/\n/g)?.length ?? 0) + 1, column: offset - lastNewline };
}

export function describeToken(t: Token): string {
  switch (t.type) {
    case 'eof':
      return 'the end of the query';
    case 'lparen':
      return '"("';
    case 'rparen':
      return '")"';
    case 'minus':
      return '"-"';
    case 'word':
      return `"${t.text}"`;
    case 'phrase':
      return 'a quoted phrase';
    case 'field':
      return `"${t.name}:"`;
    case 'range':
      return 'a range';
    case 'compare':
      return `"${t.op}"`;
  }
}

export class Lexer {
  pos = 0;

  constructor(readonly text: string) {}

  error(code: ErrorCode, what: string, offset: number, extra?: Record<string, unknown>): YaguraError {
    const loc = locate(this.text, offset);
    const where = loc.line > 1 ? `line ${loc.line}, column ${loc.column}` : `column ${loc.column}`;
    return new YaguraError(code, `${what} at ${where}`, { location: loc, ...extra });
  }

  skipSpace(): void {
    while (isSpace(this.text[this.pos])) this.pos++;
  }

  /** The next token without consuming it. */
  peek(mode: Mode): Token {
    const save = this.pos;
    const t = this.next(mode);
    this.pos = save;
    return t;
  }

  next(mode: Mode): Token {
    this.skipSpace();
    const start = this.pos;
    const c = this.text[start];
    if (c === undefined) return { type: 'eof', offset: start, end: start };
    if (c === '(' || c === ')') {
      this.pos++;
      return { type: c === '(' ? 'lparen' : 'rparen', offset: start, end: this.pos };
    }
    if (c === '"') return this.readPhrase();
    if (mode === 'value') {
      if (c === '[' || c === '{') {
        this.pos++;
        return { type: 'range', offset: start, end: this.pos, inclusive: c === '[' };
      }
      if (c === '>' || c === '<') {
        const op = this.text[start + 1] === '=' ? (`${c}=` as const) : c;
        this.pos += op.length;
        return { type: 'compare', offset: start, end: this.pos, op };
      }
    } else if (c === '-') {
      const after = this.text[start + 1];
      if (after !== undefined && !isSpace(after) && after !== ')') {
        this.pos++;
        return { type: 'minus', offset: start, end: this.pos };
      }
    }
    const chars = this.readChars(mode === 'expr' ? (ch) => endsWord(ch) || ch === ':' : endsWord);
    const text = chars.map((ch) => ch.c).join('');
    if (mode === 'expr' && this.text[this.pos] === ':') {
      if (chars.length === 0) throw this.error('QUERY_SYNTAX', 'Expected a field name before ":"', start);
      if (chars.some((ch) => ch.escaped))
        throw this.error('QUERY_SYNTAX', 'Expected a field name without "\\"', start);
      this.pos++;
      return { type: 'field', offset: start, end: this.pos, name: text };
    }
    return { type: 'word', offset: start, end: this.pos, chars, text };
  }

  /** Reads characters up to an unescaped stop character; `\x` is the literal x. */
  readChars(stop: (c: string) => boolean): Char[] {
    const chars: Char[] = [];
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || stop(c)) return chars;
      if (c === '\\') {
        const next = this.text[this.pos + 1];
        if (next === undefined)
          throw this.error('QUERY_SYNTAX', 'Expected a character after "\\"', this.pos + 1);
        chars.push({ c: next, escaped: true });
        this.pos += 2;
      } else {
        chars.push({ c, escaped: false });
        this.pos++;
      }
    }
  }

  /**
   * A double-quoted phrase. Inside quotes only `\"` and `\\` are escapes; any other backslash is kept, so Windows
   * paths (`"C:\Windows\System32"`) need no doubling.
   */
  readPhrase(): Token {
    const start = this.pos;
    let out = '';
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) {
        throw this.error(
          'QUERY_SYNTAX',
          `Expected '"' (closing the phrase opened at column ${locate(this.text, start).column})`,
          this.pos,
          {
            expected: '"',
            opened: locate(this.text, start),
          },
        );
      }
      if (c === '"') {
        this.pos++;
        return { type: 'phrase', offset: start, end: this.pos, text: out };
      }
      const next = this.text[this.pos + 1];
      if (c === '\\' && (next === '"' || next === '\\')) {
        out += next;
        this.pos += 2;
      } else {
        out += c;
        this.pos++;
      }
    }
  }
}
