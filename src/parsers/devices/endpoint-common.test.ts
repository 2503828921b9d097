import { describe, expect, it } from 'vitest';
import { putDomainParts, splitCommandLine, toNumber, type Fields } from './endpoint-common.js';

describe('splitCommandLine', () => {
  it('splits on blanks outside double quotes and drops the quotes', () => {
    expect(splitCommandLine('"C:\\Program Files\\a b\\x.exe"  /n "C:\\x y\\f.docm" /o ""')).toEqual([
      'C:\\Program Files\\a b\\x.exe',
      '/n',
      'C:\\x y\\f.docm',
      '/o',
      '',
    ]);
  });

  it('follows the Windows backslash rules before quotes', () => {
    expect(splitCommandLine('a\\\\\\"b c\\\\"d e" f\\g')).toEqual(['a\\"b', 'c\\d e', 'f\\g']);
    expect(splitCommandLine('"a""b" c')).toEqual(['a"b', 'c']);
  });

  it('splits POSIX command lines without quotes on blanks and tabs', () => {
    expect(splitCommandLine('git clone\thttps://example.com/r.git ')).toEqual([
      'git',
      'clone',
      'https://example.com/r.git',
    ]);
  });
});

describe('toNumber', () => {
  it('reads decimal and 0x hexadecimal and refuses anything else', () => {
    expect(toNumber('6712')).toBe(6712);
    expect(toNumber('0x1A38')).toBe(6712);
    expect(toNumber('0x')).toBeNaN();
    expect(toNumber('12a')).toBeNaN();
    expect(toNumber(undefined)).toBeNaN();
  });
});

describe('putDomainParts', () => {
  it('knows common second-level registries and leaves single labels alone', () => {
    const f: Fields = {};
    putDomainParts(f, 'dns.question', 'a.b.example.co.jp');
    expect(f).toEqual({
      'dns.question.top_level_domain': 'co.jp',
      'dns.question.registered_domain': 'example.co.jp',
      'dns.question.subdomain': 'a.b',
    });
    const g: Fields = {};
    putDomainParts(g, 'dns.question', 'wpad');
    expect(g).toEqual({});
  });
});
