// compileRegex as the compiler and the loader use it: rule regexes on the linear-time engine.
import { describe, expect, it } from 'vitest';
import { loadRuleText } from './loader.js';
import { compileRegex } from './regex.js';

function rule(regex: string): string {
  return [
    'title: Regex rule',
    'logsource:',
    '  category: process_creation',
    '  product: windows',
    'detection:',
    '  selection:',
    `    CommandLine|re: '${regex}'`,
    '  condition: selection',
  ].join('\n');
}

describe('compileRegex', () => {
  it('tests a text for a match anywhere, like RegExp.prototype.test', () => {
    const test = compileRegex('net\\s+user', '');
    expect(test('cmd.exe /c net  user admin /add')).toBe(true);
    expect(test('cmd.exe /c net use')).toBe(false);
  });

  it('applies the flags the re modifier collects', () => {
    expect(compileRegex('invoke-.*', 'i')('IEX (Invoke-Expression)')).toBe(true);
    expect(compileRegex('^b', 'm')('a\nb')).toBe(true);
    expect(compileRegex('a.b', 's')('a\nb')).toBe(true);
  });

  it('reads the whole text, however long: there is no input cap to hide a match behind', () => {
    const text = `${'x'.repeat(1 << 20)} -EncodedCommand SQBFAFgA`;
    expect(compileRegex('-[Ee]ncoded[Cc]ommand\\s+[A-Za-z0-9+/=]{8,}$', '')(text)).toBe(true);
  });

  it('runs a pattern that stalls backtracking engines over a megabyte', () => {
    expect(compileRegex('(a+)+$', '')(`${'a'.repeat(1 << 20)}!`)).toBe(false);
  });
});

describe('a rule whose regex cannot run in linear time', () => {
  it('is reported by the loader as a problem with its file and line, and the other rules load', () => {
    const text = `${rule('(\\w+)\\s+\\1')}\n---\n${rule('net\\s+user')}`;
    const { rules, problems } = loadRuleText(text, 'rules/backref.yml');
    expect(rules).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'rules/backref.yml', line: 7, code: 'RULE_UNSUPPORTED' }),
    ]);
    expect(problems[0]?.message).toContain('backreference');
  });

  it('reports a malformed regex as an invalid rule', () => {
    const { problems } = loadRuleText(rule('(net\\s+user'));
    expect(problems.map((p) => p.code)).toEqual(['RULE_INVALID']);
  });
});
