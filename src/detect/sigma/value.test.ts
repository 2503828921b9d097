import { describe, expect, it } from 'vitest';
import { ANY, compilePattern, ONE, parsePattern, wrap } from './value.js';

describe('Sigma value escaping (parsed before any modifier)', () => {
  it('reads * and ? as wildcards and \\*, \\? and \\\\ as escapes', () => {
    expect(parsePattern('a*b?c')).toEqual(['a', ANY, 'b', ONE, 'c']);
    expect(parsePattern('a\\*b')).toEqual(['a*b']);
    expect(parsePattern('a\\\\*')).toEqual(['a\\', ANY]);
    expect(parsePattern('a\\\\\\*')).toEqual(['a\\*']);
  });

  it('keeps a backslash before other characters and at the end', () => {
    expect(parsePattern('C:\\Windows\\')).toEqual(['C:\\Windows\\']);
    expect(parsePattern('\\\\server\\share')).toEqual(['\\server\\share']);
  });

  it('wraps with * only where there is none yet (contains, startswith, endswith)', () => {
    expect(wrap(parsePattern('C:\\Windows\\'), true, true)).toEqual([ANY, 'C:\\Windows\\', ANY]);
    expect(wrap(parsePattern('*cmd.exe'), true, false)).toEqual([ANY, 'cmd.exe']);
  });
});

describe('matching a pattern', () => {
  it('compares whole values without case unless cased', () => {
    expect(compilePattern(parsePattern('CMD.exe'), false)('cmd.EXE')).toBe(true);
    expect(compilePattern(parsePattern('CMD.exe'), true)('cmd.exe')).toBe(false);
    expect(compilePattern(parsePattern('cmd.exe'), false)('xcmd.exe')).toBe(false);
  });

  it('uses endswith, startswith and contains for the common shapes, a regex for the rest', () => {
    expect(compilePattern(parsePattern('*\\cmd.exe'), false)('C:\\Windows\\System32\\CMD.EXE')).toBe(true);
    expect(compilePattern(parsePattern('C:\\Users\\\\*'), false)('c:\\users\\bob')).toBe(true);
    expect(compilePattern(parsePattern('C:\\Users\\*'), false)('c:\\users*')).toBe(true);
    expect(compilePattern(parsePattern('*-enc*'), false)('powershell -ENC abc')).toBe(true);
    const mid = compilePattern(parsePattern('C:*\\a?c.exe'), false);
    expect(mid('c:\\x\\y\\abc.exe')).toBe(true);
    expect(mid('c:\\x\\y\\ac.exe')).toBe(false);
  });

  it('treats regex characters in values as text', () => {
    expect(compilePattern(parsePattern('*(x86)*'), false)('C:\\Program Files (x86)\\a')).toBe(true);
    expect(compilePattern(parsePattern('a.b*c'), false)('aXbzc')).toBe(false);
  });

  it('matches an empty pattern only against an empty value', () => {
    expect(compilePattern(parsePattern(''), false)('')).toBe(true);
    expect(compilePattern(parsePattern(''), false)('x')).toBe(false);
  });
});
