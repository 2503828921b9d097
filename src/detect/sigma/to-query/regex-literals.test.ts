import { describe, expect, it } from 'vitest';
import { missing, rule, selectedBy, testEvent } from './bounds-fixture.js';
import { requiredLiterals } from './regex-literals.js';

describe('requiredLiterals', () => {
  it('keeps plain runs and reads escaped punctuation as itself', () => {
    expect(requiredLiterals('\\\\powershell\\.exe$')).toEqual([['\\powershell.exe']]);
    expect(requiredLiterals('^cmd /c echo')).toEqual([['cmd /c echo']]);
  });

  it('ends a run where a character may repeat, and drops one that may be absent', () => {
    expect(requiredLiterals('ab+cd')).toEqual([['ab', 'cd']]);
    expect(requiredLiterals('ab?cd')).toEqual([['a', 'cd']]);
    expect(requiredLiterals('ab*?cd')).toEqual([['a', 'cd']]);
    expect(requiredLiterals('ab{2,}cd')).toEqual([['ab', 'cd']]);
    expect(requiredLiterals('ab{0,3}cd')).toEqual([['a', 'cd']]);
  });

  it('skips groups, classes, escapes of letters and dots, whatever they hold', () => {
    expect(requiredLiterals('net(\\.exe|1\\.exe)\\s+user')).toEqual([['net', 'user']]);
    expect(requiredLiterals('x[)|(]y(?=a|b)z')).toEqual([['x', 'y', 'z']]);
    expect(requiredLiterals('\\d{3}-ab.c\\b')).toEqual([['-ab', 'c']]);
    expect(requiredLiterals('(a)(b)')).toBeUndefined();
  });

  it('gives one list per top-level alternative, and nothing when one of them needs nothing', () => {
    expect(requiredLiterals('mimikatz|sekurlsa::')).toEqual([['mimikatz'], ['sekurlsa::']]);
    expect(requiredLiterals('mimikatz|\\w+')).toBeUndefined();
    expect(requiredLiterals('a(x|y)|b')).toEqual([['a'], ['b']]);
  });

  it('lists only text every match contains, in order', () => {
    const cases: [string, string[]][] = [
      ['ab+c[0-9]{2}d?e', ['abbbc12e', 'abc99de']],
      ['(?:evil|bad)\\.(exe|dll)', ['evil.exe', 'bad.dll']],
      ['x{1,3}y\\$z|q\\|r', ['xxxy$z', 'q|r']],
      ['^\\[a\\]\\(b\\)', ['[a](b)']],
    ];
    for (const [source, texts] of cases) {
      const alternatives = requiredLiterals(source)!;
      for (const text of texts) {
        expect(new RegExp(source).test(text), `${source} on ${text}`).toBe(true);
        const holds = alternatives.some((runs) => {
          let at = 0;
          return runs.every((r) => (at = text.indexOf(r, at)) >= 0 && (at += r.length) > 0);
        });
        expect(holds, `${source} on ${text}`).toBe(true);
      }
    }
  });
});

describe('regular expressions in rule queries', () => {
  it('narrow the store by their literal text, the rule engine deciding', () => {
    const lines = [
      { CommandLine: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -enc AAAA' },
      { CommandLine: 'POWERSHELL.EXE -E BBBB' },
      { CommandLine: 'powershell.exe -File x.ps1' },
      { CommandLine: 'cmd.exe /c dir' },
      { CommandLine: true },
    ].map((f) => testEvent(f));
    const s = selectedBy(
      rule(`  sel:\n    CommandLine|re: '(?i)powershell\\.exe\\s+-e(nc)?\\s'\n  condition: sel`),
      lines,
    );
    expect(s.matched).toEqual([0, 1]);
    expect(missing(s.matched, s.selected)).toEqual([]);
    expect(s.selected).toEqual([0, 1]); // "powershell.exe" then "-e": not the -File line
    expect(s.query.detection).toMatchObject({ kind: 'wildcard' });
  });

  it('also ask for booleans and numbers when the literal text could be one', () => {
    const values = [{ v: true }, { v: 'untrue' }, { v: 1e-7 }, { v: 'x' }].map((f) => testEvent(f));
    const s = selectedBy(rule(`  sel:\n    v|re: 'ru|e-'\n  condition: sel`), values);
    expect(s.matched).toEqual([0, 1, 2]);
    expect(missing(s.matched, s.selected)).toEqual([]);
  });
});
