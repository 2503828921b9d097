import { describe, expect, it } from 'vitest';
import { buildItem } from '../item.js';
import { ANY } from '../value.js';

const patterns = (key: string, value: string | string[]) =>
  buildItem(key, value).values.map((v) => (v.type === 'pattern' ? v.pattern : v));

describe('contains, startswith, endswith', () => {
  it('add a wildcard on the side(s) that lack one, after escapes were read', () => {
    expect(patterns('CommandLine|contains', 'C:\\Windows\\')).toEqual([[ANY, 'C:\\Windows\\', ANY]]);
    expect(patterns('Image|endswith', '\\cmd.exe')).toEqual([[ANY, '\\cmd.exe']]);
    expect(patterns('Image|startswith', 'C:\\Users\\')).toEqual([['C:\\Users\\', ANY]]);
    expect(patterns('CommandLine|contains', '*x*')).toEqual([[ANY, 'x', ANY]]);
  });
});

describe('windash', () => {
  it('offers every dash form where a dash or slash starts a word', () => {
    const forms = patterns('CommandLine|windash', ' -enc ').map((p) => (p as string[])[0]);
    expect(forms).toEqual([' -enc ', ' /enc ', ' \u2013enc ', ' \u2014enc ', ' \u2015enc ']);
  });

  it('combines the forms of several dashes and leaves dashes inside words alone', () => {
    expect(patterns('CommandLine|windash', ' -a -b ')).toHaveLength(25);
    expect(patterns('CommandLine|windash', 'param-name')).toEqual([['param-name']]);
  });

  it('works behind contains', () => {
    expect(patterns('CommandLine|contains|windash', ' -nop ')).toContainEqual([ANY, ' /nop ', ANY]);
  });
});

describe('base64 and base64offset', () => {
  it('encodes the plain value', () => {
    expect(patterns('CommandLine|base64', 'http://')).toEqual([['aHR0cDovLw==']]);
  });

  it('gives the three forms a substring takes at each byte alignment', () => {
    const forms = patterns('CommandLine|base64offset|contains', '/bin/bash');
    // Whatever precedes it, one form is a substring of the encoded command line.
    for (const prefix of ['', 'a', 'ab']) {
      const encoded = Buffer.from(`${prefix}/bin/bash -i`).toString('base64');
      expect(forms.some((f) => encoded.includes((f as string[])[1]!))).toBe(true);
    }
    expect(forms).toEqual([
      [ANY, 'L2Jpbi9iYXNo', ANY],
      [ANY, '9iaW4vYmFza', ANY],
      [ANY, 'vYmluL2Jhc2', ANY],
    ]);
  });

  it('encodes as UTF-16 first after wide or utf16*', () => {
    expect(patterns('CommandLine|wide|base64', 'ping')).toEqual([['cABpAG4AZwA=']]);
    expect(patterns('CommandLine|utf16be|base64', 'ping')).toEqual([['AHAAaQBuAGc=']]);
    expect(patterns('CommandLine|utf16|base64', 'ping')).toEqual([['//5wAGkAbgBnAA==']]);
  });

  it('refuses to encode a value with wildcards', () => {
    expect(() => buildItem('CommandLine|base64', 'a*')).toThrow(/cannot encode a value with wildcards/);
  });
});
