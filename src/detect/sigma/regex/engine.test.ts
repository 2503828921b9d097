// Each construct and flag on the engine, against V8's RegExp where V8 has it, and against stated answers where not.
import { describe, expect, it } from 'vitest';
import { Regex } from './engine.js';
import { seeded } from './test-support.js';

type Case = [source: string, flags: string, texts: string[]];

const ODD = ['', 'a', 'A', '\n', '\r\n', '\u2028', ' \u00a0', '\u017f', '\u212a', 'é', 'É'];

/** Constructs V8 also has: the answer must be V8's, for the texts given and a few odd ones. */
const LIKE_V8: Record<string, Case[]> = {
  literals: [
    ['abc', '', ['abc', 'xxabcxx', 'ab', 'ABC', 'aabc']],
    ['a b', '', ['a b', 'ab']],
    ['}]', '', ['}]', '}']],
    ['a{', '', ['a{', 'a']],
    ['x{1,a}', '', ['x{1,a}', 'x']],
  ],
  escapes: [
    ['\\.\\\\\\/\\-', '', ['.\\/-', 'a\\/-', '.\\/']],
    ['\\d+', '', ['abc123', 'abc', '٣']],
    ['\\D', '', ['123', '12a']],
    ['\\w\\W', '', ['a-', 'ab', '_ ', 'é!']],
    ['\\s\\S', '', [' a', '\ta', '\u00a0x', '\ufeffx', '\u3000x', 'ab', '\u200bx']],
    ['\\t\\n\\r\\f\\v', '', ['\t\n\r\f\v', '\t\n\r\f']],
    ['a\\0b', '', ['a\0b', 'a0b']],
    ['\\x41\\u00e9\\u0042', '', ['AéB', 'AeB']],
    ['\\cJ', '', ['\n', 'J']],
    ['\\"\\\'\\`\\<\\%\\_', '', ['"\'`<%_', '"\'`<%']],
  ],
  boundaries: [
    ['\\bfoo\\b', '', ['foo', 'a foo.', 'afoo', 'foo_', '-foo-']],
    ['\\Boo\\B', '', ['fool', 'oo', 'foo']],
    ['\\b', '', ['', ' ', 'a']],
    ['\\B', '', ['', ' ', 'a']],
  ],
  classes: [
    ['[a-c]', '', ['b', 'd', 'B']],
    ['[^a-c]', '', ['abc', 'abcd', '\n']],
    ['[\\d\\s]x', '', ['1x', ' x', 'ax']],
    ['[^\\d\\s]', '', ['1 2', '1a']],
    ['[\\w-.]+@', '', ['a-b.c@', '!@']],
    ['[-a]', '', ['-', 'b']],
    ['[a-]', '', ['-', 'b']],
    ['[\\]\\\\]', '', [']', '\\', 'a']],
    ['[\\b]', '', ['\b', 'b']],
    ['[.*+?(){}|$^]', '', ['.', 'a', '^', '|']],
    ['[\\x41-\\x43\\u00e0-\\u00e5]', '', ['B', 'á', 'D']],
    ['[-/–][Ee^]{1,2}', '', ['–e', '/^', '-x']],
  ],
  dot: [
    ['a.c', '', ['abc', 'a\nc', 'a\rc', 'a\u2028c', 'ac']],
    ['a.c', 's', ['a\nc', 'a\u2029c', 'ac']],
  ],
  anchors: [
    ['^ab', '', ['ab', 'xab', 'x\nab']],
    ['ab$', '', ['ab', 'abx', 'ab\n']],
    ['^ab$', 'm', ['x\nab\ny', 'x\rab\r', 'x\u2028ab', 'xab']],
    ['^$', '', ['', 'a']],
    ['^$', 'm', ['a\n', 'a\n\nb', 'ab']],
    ['a^b', '', ['a^b', 'ab']],
  ],
  groups: [
    ['(ab)+c', '', ['ababc', 'ac']],
    ['(?:ab)+c', '', ['abc', 'aabc']],
    ['(?<name>ab)c', '', ['abc', 'ab']],
    ['((a|b)c)+d', '', ['acbcd', 'acd', 'ad']],
    ['()a', '', ['a', '']],
  ],
  alternation: [
    ['cat|dog', '', ['hotdog', 'cart']],
    ['a|', '', ['', 'x']],
    ['(Get-Item|gci|Get-ChildItem) -Path', '', ['gci -Path', 'Get-ChildItem -Path', 'Get-Child -Path']],
  ],
  quantifiers: [
    ['ab*c', '', ['ac', 'abbbc', 'adc']],
    ['ab+c', '', ['ac', 'abc']],
    ['ab?c', '', ['ac', 'abc', 'abbc']],
    ['a{3}', '', ['aa', 'aaa']],
    ['xa{2,}y', '', ['xay', 'xaay', 'xaaaaay']],
    ['xa{2,3}y', '', ['xaay', 'xaaaay']],
    ['xa{0}y', '', ['xy', 'xay']],
    ['xa*?y', '', ['xy', 'xaay']],
    ['xa+?y', '', ['xy', 'xaay']],
    ['xa??y', '', ['xy', 'xaay']],
    ['xa{1,2}?y', '', ['xay', 'xaaay']],
    ['(a*)*b', '', ['b', 'aab', 'aaa']],
    ['(a|b?)+c', '', ['c', 'abc', 'ab']],
    ['.{10,}', '', ['123456789', '1234567890']],
  ],
  'the i flag': [
    ['abc', 'i', ['ABC', 'aBc', 'ab']],
    ['[a-z]+1', 'i', ['ABC1', '1']],
    ['[^a-z]', 'i', ['A', 'a1']],
    ['k', 'i', ['K', '\u212a']],
    ['s', 'i', ['S', '\u017f']],
    ['\u017f', 'i', ['s', 'S', '\u017f']],
    ['é', 'i', ['É', 'e']],
    ['ǆ', 'i', ['Ǆ', 'ǅ']],
    ['\\W', 'i', ['k', '\u212a', '\u017f']],
    ['[\\W]', 'i', ['k', '\u212a', '\u017f']],
    ['\\w', 'i', ['\u212a', '\u017f']],
    ['[\\u017f]', 'i', ['s', 'S']],
    ['σ', 'i', ['Σ', 'ς']],
  ],
  'the m flag': [
    ['a$', 'm', ['a\nb', 'ab']],
    ['^b', 'm', ['a\nb', 'a\rb', 'ab']],
  ],
  'the s flag': [['.', 's', ['\n', '\r']]],
  'UTF-16 code units': [
    ['^.$', '', ['😀', 'a']],
    ['^..$', '', ['😀']],
    ['\\ud83d', '', ['😀']],
    ['[\\ud800-\\udbff]', '', ['😀', 'a']],
  ],
};

describe.each(Object.entries(LIKE_V8))('%s', (_name, cases) => {
  it.each(cases)('/%s/%s answers as V8 does', (source, flags, texts) => {
    const v8 = new RegExp(source, flags);
    for (const engine of [
      new Regex(source, flags),
      new Regex(source, flags, { dfa: false, prefilter: false }),
    ]) {
      for (const text of [...texts, ...ODD]) {
        expect({ text, found: engine.test(text) }).toEqual({ text, found: v8.test(text) });
      }
    }
  });
});

/** RE2 syntax that Node 20's RegExp lacks: the answers are stated. */
const RE2_ONLY: [source: string, flags: string, text: string, found: boolean][] = [
  ['a(?i)b', '', 'aB', true],
  ['a(?i)b', '', 'AB', false],
  ['(?i)ab', '', 'AB', true],
  ['x(?i:a)b', '', 'xAb', true],
  ['x(?i:a)b', '', 'xAB', false],
  ['(?i)a|b', '', 'B', true],
  ['(a(?i)b|c)', '', 'C', true],
  ['(a(?i)b)c', '', 'aBC', false],
  ['(?-i)a', 'i', 'A', false],
  ['(?i-s:a.)', 's', 'A\n', false],
  ['(?s).', '', '\n', true],
  ['(?s:.)', '', '\n', true],
  ['(?m)^b', '', 'a\nb', true],
  ['(?ims)^A.$', '', 'x\na\n', true],
  ['(?U)a+', '', 'aa', true],
  ['(?P<name>ab)c', '', 'abc', true],
  ['\\Aab', '', 'ab', true],
  ['\\Aab', 'm', 'x\nab', false],
  ['ab\\z', 'm', 'ab\nx', false],
  ['ab\\z', '', 'xab', true],
  ['\\u{41}', '', 'A', true],
  ['\\u{1F600}', '', '😀', true],
  ['\\x{41}\\x{e9}', '', 'Aé', true],
  ['[\\u{41}-\\u{43}]', '', 'B', true],
];

describe('RE2 syntax beyond JavaScript', () => {
  it.each(RE2_ONLY)('/%s/%s on %j gives %s', (source, flags, text, found) => {
    expect(new Regex(source, flags).test(text)).toBe(found);
    expect(new Regex(source, flags, { dfa: false, prefilter: false }).test(text)).toBe(found);
  });
});

describe('flags other than i, m and s', () => {
  it('are ignored, so with g or y a test still never depends on the one before', () => {
    const re = new Regex('ab', 'gy');
    expect([re.test('xxab'), re.test('xxab')]).toEqual([true, true]);
  });
});

/** Patterns mixing assertions, anchors for the DFA's skip, classes and folding, for a randomized comparison. */
const FUZZED: [string, string][] = [
  ['\\b-[a-z]{2,4}\\b', ''],
  ['\\B\\$[a-f0-9]+\\b', 'i'],
  ['(?:^|\\s)/[a-z]+(?:\\s|$)', 'm'],
  ['\\bx[^x]{0,6}y\\b', ''],
  ['<[a-z]+( [a-z]+="[^"]*")*>', 'i'],
  ['\\w+@\\w+\\.(com|net)\\b', ''],
];

describe('random texts', () => {
  it.each(FUZZED)('/%s/%s answers as V8 does on 3,000 random texts, reusing one engine', (source, flags) => {
    const random = seeded(source.length);
    const alphabet = 'abxy-$/ \n<>="@.comnet0123_\u00e9K';
    const v8 = new RegExp(source, flags);
    const engine = new Regex(source, flags);
    for (let k = 0; k < 3000; k++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect({ text, found: engine.test(text) }).toEqual({ text, found: v8.test(text) });
    }
  });
});
