import { describe, expect, it } from 'vitest';
import { MAX_NEEDLE, MultiNeedle } from './multi-needle.js';

function found(needles: string[], text: string): number[] {
  const ids = new Set<number>();
  new MultiNeedle(needles).scan(text, (set: Set<number>, id) => set.add(id), ids);
  return [...ids].sort((a, b) => a - b);
}

// Enough needles that the table walk runs, not the regex shortcut.
const filler = Array.from({ length: 40 }, (_, i) => `zz${i}qq`);

describe('MultiNeedle', () => {
  it('reports every needle that occurs, overlapping ones and ones inside others included', () => {
    for (const extra of [[], filler]) {
      expect(found(['he', 'she', 'his', 'hers', ...extra], 'ushers')).toEqual([0, 1, 3]);
    }
  });

  it('matches letters of either case', () => {
    for (const extra of [[], filler]) {
      expect(found(['\\powershell.exe', ...extra], 'C:\\Windows\\PowerShell.EXE -nop')).toEqual([0]);
    }
  });

  it('reports nothing when no needle occurs', () => {
    for (const extra of [[], filler]) {
      expect(
        found(['mimikatz', 'sekurlsa::', ...extra], 'C:\\Windows\\System32\\svchost.exe -k netsvcs'),
      ).toEqual([]);
    }
  });

  it('never misses a needle, though it may report one that differs in a folded character', () => {
    // Rare punctuation shares a class, so "a(b" may be reported for "a[b": a prefilter may say yes too often.
    expect(found(['a[b', ...filler], 'xa(bx')).toEqual([0]);
    expect(found(['a[b'], 'xa(bx')).toEqual([]);
  });

  it('reads needles longer than the cut by their end', () => {
    const needle = 'c:\\program files\\vendor\\agent\\updater.exe';
    expect(needle.length).toBeGreaterThan(MAX_NEEDLE);
    expect(found([needle, ...filler], 'D:\\other\\agent\\UPDATER.exe')).toEqual([0]);
  });

  it('finds needles with characters beyond ASCII', () => {
    expect(found(['パスワード', ...filler], 'ユーザーのパスワードを変更')).toEqual([0]);
    expect(found(['パスワード'], 'ユーザーのパスワードを変更')).toEqual([0]);
  });

  it('meets "k" in the Kelvin sign, which lower-cases to it, as rule values compare lower-cased text', () => {
    const text = 'mimi\u212aatz';
    expect(text.toLowerCase()).toBe('mimikatz');
    expect(found(['mimikatz'], text)).toEqual([0]);
    expect(found(['mimikatz', ...filler], text)).toEqual([0]);
  });

  it('finds a needle beyond ASCII whatever the case of the text', () => {
    // "É" lower-cases to "é"; rule values compare lower-cased text, so the prefilter must not miss it.
    const needles = ['résumé.docx', 'report-final'];
    expect(found(needles, 'C:\\Users\\x\\RÉSUMÉ.DOCX')).toEqual([0]);
  });

  it('agrees with a plain substring search on random texts', () => {
    let seed = 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'abcAB\\.-_ 01';
    const word = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const needles = Array.from({ length: 1 + Math.floor(rand() * 40) }, () =>
        word(1 + Math.floor(rand() * 4)).toLowerCase(),
      );
      const text = word(60);
      const expected = needles.map((n, i) => (text.toLowerCase().includes(n) ? i : -1)).filter((i) => i >= 0);
      // Folding only ever adds ids; with this alphabet nothing is folded, so the answer is exact.
      expect(found(needles, text)).toEqual(expected);
    }
  });

  it('finds every needle when shifts skip between table walks (long texts, needles of 4 or more)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'abcAB\\.-_ 01';
    const word = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const needles = Array.from({ length: 1 + Math.floor(rand() * 30) }, () =>
        word(4 + Math.floor(rand() * 6)).toLowerCase(),
      );
      // Plant some needles so that matches are common, at the start, inside and at the end.
      let text = word(200);
      if (round % 3 === 0) text = needles[0]! + text;
      if (round % 3 === 1) text = text + needles.at(-1)!.toUpperCase();
      if (round % 4 === 0)
        text = text.slice(0, 90) + needles[Math.floor(rand() * needles.length)] + text.slice(90);
      const expected = needles.map((n, i) => (text.toLowerCase().includes(n) ? i : -1)).filter((i) => i >= 0);
      expect(found(needles, text)).toEqual(expected);
    }
  });
});
