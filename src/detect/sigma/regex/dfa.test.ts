// The lazy DFA's table: it grows, is flushed and skips ahead without changing an answer.
import { describe, expect, it } from 'vitest';
import { Regex } from './engine.js';

describe('the lazy DFA', () => {
  it('keeps its answers when a jump ahead makes a new state that grows the table', () => {
    // "q" then k letters makes about k states; a jump past "\n" then needs an idle state for "after a line break",
    // made when the table is full for some k (16, 32, 64 states).
    const source = '\\bq[a-z]{1,80}\\b';
    const v8 = new RegExp(source);
    for (let k = 5; k < 70; k++) {
      const engine = new Regex(source, '');
      for (const text of [`q${'a'.repeat(k)}-`, '\n.qa', ' qa ', 'x\nqaa b']) {
        expect({ k, text, found: engine.test(text) }).toEqual({ k, text, found: v8.test(text) });
      }
    }
  });

  it('gives the same answers with its skip ahead as without', () => {
    const source = '(?:\\s-[^-\\s]{0,20}d|\\s--directory\\s)';
    const texts = ['ls -la -d x', 'a -b -c --directory x', '-d', ' -xd', 'x\t--directory ', ' - d', ' --x'];
    const skipping = new Regex(source, '');
    const stepping = new Regex(source, '', { prefilter: false });
    for (const text of texts) expect(skipping.test(text)).toBe(stepping.test(text));
  });
});
