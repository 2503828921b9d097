import { describe, expect, it } from 'vitest';
import { buildItem } from '../item.js';

const values = (key: string, value: Parameters<typeof buildItem>[1], placeholders?: Map<string, string[]>) =>
  buildItem(key, value, placeholders).values;

describe('re and its flags', () => {
  it('takes the value as written, unanchored, and turns a leading (?i) into a flag', () => {
    expect(values('CommandLine|re', '\\s-e(nc)?\\s')).toEqual([
      { type: 'regex', source: '\\s-e(nc)?\\s', flags: '' },
    ]);
    expect(values('CommandLine|re', '(?i)invoke-.*')).toEqual([
      { type: 'regex', source: 'invoke-.*', flags: 'i' },
    ]);
    expect(values('CommandLine|re|i|m', 'a')).toEqual([{ type: 'regex', source: 'a', flags: 'im' }]);
  });

  it('must come first, and its flags only after it', () => {
    expect(() => buildItem('CommandLine|contains|re', 'a')).toThrow(/"re": must be the first modifier/);
    expect(() => buildItem('CommandLine|i', 'a')).toThrow(/"i": must follow "re"/);
  });
});

describe('numeric, cidr and time modifiers', () => {
  it('compares with one number', () => {
    expect(values('Count|gte', 5)).toEqual([{ type: 'compare', op: 'gte', number: 5 }]);
    expect(values('Count|lt', '10')).toEqual([{ type: 'compare', op: 'lt', number: 10 }]);
    expect(() => buildItem('Count|gt', 'ten')).toThrow(/takes a number/);
    expect(() => buildItem('Count|gt', [1, 2])).toThrow(/exactly one number/);
  });

  it('reads IPv4 and IPv6 networks, and refuses anything else', () => {
    expect(values('DestinationIp|cidr', ['10.0.0.0/8', 'fe80::/10']).map((v) => v.type)).toEqual([
      'cidr',
      'cidr',
    ]);
    expect(() => buildItem('DestinationIp|cidr', '10.0.0.0/33')).toThrow(/not an IPv4 or IPv6 network/);
  });

  it('takes a part of a date', () => {
    expect(values('UtcTime|hour', 3)).toEqual([{ type: 'timepart', part: 'hour', number: 3 }]);
  });
});

describe('all, cased, neq, exists, fieldref, expand', () => {
  it('set the item’s flags', () => {
    expect(buildItem('CommandLine|contains|all', ['a', 'b']).flags).toEqual({
      all: true,
      cased: false,
      negate: false,
    });
    expect(buildItem('Image|cased', 'A').flags.cased).toBe(true);
    expect(buildItem('Image|neq', 'a').flags.negate).toBe(true);
    expect(() => buildItem('CommandLine|all', 'a')).toThrow(/needs a list of values/);
  });

  it('tests presence with exists: true or false', () => {
    expect(values('User|exists', true)).toEqual([{ type: 'exists', exists: true }]);
    expect(() => buildItem('User|exists', 'maybe')).toThrow(/takes true or false/);
  });

  it('compares with another field, also as contains/startswith/endswith', () => {
    expect(values('TargetUserName|fieldref|endswith', 'SubjectUserName')).toEqual([
      { type: 'fieldref', field: 'SubjectUserName', start: true, end: false },
    ]);
  });

  it('expands a %placeholder% from configuration, and refuses one without values', () => {
    const placeholders = new Map([['Admins', ['alice', 'bob']]]);
    expect(
      values('User|expand', '%Admins%', placeholders).map((v) => (v.type === 'pattern' ? v.pattern : v)),
    ).toEqual([['alice'], ['bob']]);
    expect(() => buildItem('User|expand', '%Workstations%')).toThrow(
      /%Workstations% has no values configured/,
    );
  });

  it('keeps %text% without expand as literal text', () => {
    expect(values('Path|contains', '%APPDATA%')).toMatchObject([{ type: 'pattern' }]);
  });

  it('refuses an unknown modifier and null mixed into a list', () => {
    expect(() => buildItem('Image|endswithh', 'a')).toThrow(/unknown modifier "endswithh"/);
    expect(() => buildItem('Image', ['a', null])).toThrow(/null cannot be mixed/);
  });
});
