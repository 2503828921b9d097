// Matching time is linear in the text for every pattern: checked by counting the engine's steps, not by timing.
import { describe, expect, it } from 'vitest';
import { MAX_STATES } from './dfa.js';
import { Regex, type RegexOptions } from './engine.js';
import { seeded } from './test-support.js';

const KB = 1024;

/** Patterns that make a backtracking engine take exponential time, each with a text that it does not match. */
const PATHOLOGICAL: [string, (n: number) => string][] = [
  ['(a+)+$', (n) => `${'a'.repeat(n)}!`],
  ['(a|aa)*b', (n) => 'a'.repeat(n)],
  ['(.*a){20}', (n) => `${'a'.repeat(19)}${'b'.repeat(n)}`],
  ['(x+x+)+y', (n) => 'x'.repeat(n)],
  ['^(\\w+\\s?)*$', (n) => `${'word '.repeat(n / 5)}!`],
  ['(a*)*b', (n) => 'a'.repeat(n)],
];

function steps(source: string, text: string, options: RegexOptions): { steps: number; found: boolean } {
  const re = new Regex(source, '', options);
  const found = re.test(text);
  return { steps: re.steps, found };
}

describe.each([
  ['the lazy DFA', {}],
  ['the NFA alone', { dfa: false, prefilter: false }],
] as [string, RegexOptions][])('with %s', (_name, options) => {
  it.each(PATHOLOGICAL)(
    'runs %s over 100 KB without a match, in steps that grow linearly',
    (source, text) => {
      const small = steps(source, text(50 * KB), options);
      const large = steps(source, text(100 * KB), options);
      expect(small.found).toBe(false);
      expect(large.found).toBe(false);
      expect(new RegExp(source).test(text(20))).toBe(false);
      const ratio = large.steps / small.steps;
      expect(ratio).toBeGreaterThan(1.8);
      expect(ratio).toBeLessThan(2.2);
    },
  );
});

describe('the DFA cache', () => {
  // Any DFA for "an a 14 units from the end" needs 2^15 states: the cache must be flushed, never grow past its bound.
  const source = '(a|b)*a(a|b){14}c';
  const random = seeded(14);
  const text = (n: number) => Array.from({ length: n }, () => (random() < 0.5 ? 'a' : 'b')).join('');

  it('stays within its bound on a pattern whose DFA is exponential, flushing and falling back to the NFA', () => {
    const re = new Regex(source, '');
    const input = text(100 * KB);
    expect(re.test(input)).toBe(false);
    expect(re.test(`${input.slice(0, 500)}a${'b'.repeat(14)}c`)).toBe(true);
    expect(re.cache.flushes).toBeGreaterThan(0);
    expect(re.cache.states).toBeLessThanOrEqual(MAX_STATES);
  });

  it('keeps the steps linear while it thrashes', () => {
    const small = steps(source, text(50 * KB), {});
    const large = steps(source, text(100 * KB), {});
    const ratio = large.steps / small.steps;
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
  });

  it('answers a repeated text from the cache, one step per unit', () => {
    const re = new Regex('net\\s+user\\s+\\w+', '', { prefilter: false });
    const text = `cmd.exe /c net user ${'x'.repeat(200)}`;
    re.test('warm-up net  user');
    re.test(text);
    const before = re.steps;
    expect(re.test(text)).toBe(true);
    expect(re.steps - before).toBeLessThanOrEqual(text.length);
  });
});
