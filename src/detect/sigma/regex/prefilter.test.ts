// The literals a regex needs, and the skip anchor of its DFA: what they are, and that they only rule texts out.
import { describe, expect, it } from 'vitest';
import { containsFolded } from './literal-search.js';
import { parseRegex } from './parser.js';
import { anchorUnits, buildPrefilter } from './prefilter.js';

const prefilter = (source: string, flags = '') => buildPrefilter(parseRegex(source, flags));
const strings = (source: string, flags = '') =>
  prefilter(source, flags).clauses.map((c) => [...c.exact, ...c.folded].sort());

describe('required literals', () => {
  it('finds each literal a match must contain', () => {
    expect(strings('net\\s+user')).toEqual(expect.arrayContaining([['user'], ['net']]));
  });

  it('keeps alternatives together as one clause', () => {
    expect(strings('\\s-[FTd]\\s')).toEqual([['-F', '-T', '-d']]);
  });

  it('drops an alternative that contains another', () => {
    expect(strings('(ipfs\\.io/|ipfs\\.io\\s).+@', 'i')).toContainEqual(['ipfs.io']);
  });

  it('prefers one strong literal to many alternatives', () => {
    expect(strings('\\.(zip|asp|htm|url|xml)\\?d=[0-9]')[0]).toEqual(['?d=']);
  });

  it('folds case under the i flag and for [Xx] classes', () => {
    expect(prefilter('powershell', 'i').clauses).toEqual([{ exact: [], folded: ['powershell'] }]);
    expect(prefilter('[Rr][Uu][Nn][Dd][Ll][Ll]32').clauses[0]?.folded).toEqual(['rundll32']);
  });

  it('gives the shortest match length', () => {
    expect(prefilter('.{1000,}').minLength).toBe(1000);
    expect(prefilter('ab|c{2,}').minLength).toBe(2);
  });

  it('decides alone when the regex is a set of literals, but not when assertions or mixed case are involved', () => {
    expect(prefilter('cmd|pwsh').sufficient).toEqual({ exact: ['cmd', 'pwsh'], folded: [] });
    expect(prefilter('powershell', 'i').sufficient).toEqual({ exact: [], folded: ['powershell'] });
    expect(prefilter('^cmd').sufficient).toBeUndefined();
    expect(prefilter('N[Ee]t').sufficient).toBeUndefined();
  });
});

describe('folded search', () => {
  it('matches ASCII letters in either case and nothing else', () => {
    const has = containsFolded('c:\\windows\\');
    expect(has('x C:\\WINDOWS\\system32')).toBe(true);
    expect(has('c:\\windows')).toBe(false);
    expect(containsFolded('k')('\u212a')).toBe(false);
    expect(containsFolded('ss')('x\u017fs')).toBe(false);
    expect(containsFolded('ss')('xsS')).toBe(true);
  });
});

describe('the DFA skip anchor', () => {
  it('picks rare units at a fixed offset from the start of every match', () => {
    expect(anchorUnits(parseRegex('\\s-\\s*<', ''))).toEqual({ offset: 1, units: ['-'] });
    expect(anchorUnits(parseRegex('(ab|cd)\\$x', ''))).toEqual({ offset: 2, units: ['$'] });
    expect(anchorUnits(parseRegex('a?\\$', ''))).toBeUndefined();
  });
});
