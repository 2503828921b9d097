// What the parser refuses, and why: constructs a linear-time engine cannot run, and malformed patterns.
import { describe, expect, it } from 'vitest';
import { isYaguraError } from '../../../core/errors.js';
import { parseRegex, REPEAT_MAX } from './parser.js';
import { compileProgram, PROGRAM_MAX } from './program.js';
import { checkRegex } from '../regex.js';

function failure(source: string, flags = ''): { code: string; message: string } {
  try {
    compileProgram(parseRegex(source, flags), source);
  } catch (e) {
    if (isYaguraError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`/${source}/ was accepted`);
}

const UNSUPPORTED: [source: string, construct: string][] = [
  ['(a)\\1', 'backreference "\\1"'],
  ['(?<n>a)\\k<n>', 'backreference "\\k<name>"'],
  ['(?P<n>a)(?P=n)', 'backreference "(?P=name)"'],
  ['a(?=b)', 'lookahead'],
  ['a(?!b)', 'lookahead'],
  ['(?<=a)b', 'lookbehind'],
  ['(?<!a)b', 'lookbehind'],
  ['(?>a+)b', 'atomic group'],
  ['a*+b', 'possessive quantifier'],
  ['a++b', 'possessive quantifier'],
  ['a?+b', 'possessive quantifier'],
  ['a{2,5}+b', 'possessive quantifier'],
  ['(?R)', 'recursion'],
  [`a{${REPEAT_MAX + 1}}`, `repetition count above ${REPEAT_MAX}`],
  [`a{1,${REPEAT_MAX + 1}}`, `repetition count above ${REPEAT_MAX}`],
  [`a{${REPEAT_MAX + 1},}`, `repetition count above ${REPEAT_MAX}`],
  ['(a{1000}){1000}', `above the limit of ${PROGRAM_MAX}`],
  ['\\p{L}', 'Unicode property class "\\p"'],
  ['\\P{L}', 'Unicode property class "\\P"'],
  ['[[:alpha:]]', 'POSIX class'],
  ['\\01', 'octal escape'],
  ['[\\1]', 'octal escape "\\1"'],
  ['\\e', 'escape "\\e"'],
  ['\\Z', 'escape "\\Z"'],
  ['(?x)a b', 'inline flag "x"'],
  ['[]a]', 'empty class'],
  ['[^]', 'empty class'],
  ['[\\u{1F600}]', 'a code point above U+FFFF in a class'],
];

const INVALID: [source: string, problem: string][] = [
  ['(ab', 'missing ")"'],
  ['ab)', 'unmatched ")"'],
  ['[ab', 'missing "]"'],
  ['*a', 'nothing to repeat'],
  ['a**', 'nothing to repeat'],
  ['a{2}{3}', 'nothing to repeat'],
  ['^*', 'nothing to repeat'],
  ['\\b+', 'nothing to repeat'],
  ['a{3,2}', 'numbers out of order'],
  ['[z-a]', 'range out of order'],
  ['ab\\', 'at the end of the pattern'],
  ['(?<1a>x)', 'bad group name'],
  ['(?)', 'empty inline flag group'],
  ['(?#comment)', 'unknown group syntax'],
];

describe('unsupported constructs', () => {
  it.each(UNSUPPORTED)('refuses %s as RULE_UNSUPPORTED, naming %s', (source, construct) => {
    const { code, message } = failure(source);
    expect(code).toBe('RULE_UNSUPPORTED');
    expect(message).toContain(construct);
    expect(message).toContain(source);
  });
});

describe('malformed patterns', () => {
  it.each(INVALID)('refuses %s as RULE_INVALID, saying %s', (source, problem) => {
    const { code, message } = failure(source);
    expect(code).toBe('RULE_INVALID');
    expect(message).toContain(problem);
    expect(() => new RegExp(source)).toThrow();
  });
});

// JavaScript's legacy syntax reads these as the letters x, u and c; RE2 refuses them, and so do we.
const LOOSE_IN_JAVASCRIPT: [source: string, problem: string][] = [
  ['\\xZZ', 'bad "\\x" escape'],
  ['\\u12', 'bad "\\u" escape'],
  ['\\c1', 'bad "\\c" escape'],
];

describe('escapes that only legacy JavaScript accepts', () => {
  it.each(LOOSE_IN_JAVASCRIPT)('refuses %s as RULE_INVALID, saying %s', (source, problem) => {
    const { code, message } = failure(source);
    expect(code).toBe('RULE_INVALID');
    expect(message).toContain(problem);
  });
});

describe('limits', () => {
  it(`accepts a count of exactly ${REPEAT_MAX}, as SigmaHQ's ".{1000,}" needs`, () => {
    expect(() => checkRegex('.{1000,}', '')).not.toThrow();
    expect(() => checkRegex('[^/]{100,}$', '')).not.toThrow();
  });

  it('lets checkRegex throw what compileRegex would', () => {
    expect(() => checkRegex('(?=x)', '')).toThrow(/lookahead/);
  });
});
