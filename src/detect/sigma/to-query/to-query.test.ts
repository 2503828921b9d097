import { describe, expect, it } from 'vitest';
import type { Event, FieldValue } from '../../../core/event.js';
import { compilePredicate } from '../../../search/predicate.js';
import { missing, rule, selectedBy, testEvent, type Selected } from './bounds-fixture.js';
import { ruleToQuery } from './index.js';
import { isAll } from './nodes.js';
import type { LogSource } from '../rule.js';

/** The guarantees every query keeps: nothing the rule matches is left out, nothing in the subset is wrong. */
function bounded(s: Selected): Selected {
  expect(missing(s.matched, s.selected), 'matched but not selected').toEqual([]);
  expect(missing(s.sure, s.matched), 'in the subset but not matched').toEqual([]);
  return s;
}

function exact(s: Selected): Selected {
  bounded(s);
  expect(s.query.exact).toBe(true);
  expect(s.selected).toEqual(s.matched);
  return s;
}

const events = (...fields: Record<string, FieldValue>[]): Event[] => fields.map((f) => testEvent(f));

const detection = (item: string, value: string) => `  sel:\n    ${item}: ${value}\n  condition: sel`;

describe('ruleToQuery on one field', () => {
  const texts = events(
    { Image: 'C:\\Windows\\System32\\cmd.exe' },
    { Image: 'c:\\windows\\system32\\CMD.EXE' },
    { Image: 'C:\\Temp\\cmd.exe.bak' },
    { Image: ['x', 'C:\\tools\\cmd.exe'] },
    { Image: null },
    { Other: 'cmd.exe' },
    { Image: 42 },
    { Image: true },
  );

  it('turns contains, startswith and endswith into exact wildcards, ignoring ASCII case', () => {
    const ends = exact(selectedBy(rule(detection('Image|endswith', "'\\cmd.exe'")), texts));
    expect(ends.matched).toEqual([0, 1, 3]);
    expect(ends.query.detection).toMatchObject({ kind: 'wildcard', field: 'Image' });
    expect(exact(selectedBy(rule(detection('Image|startswith', "'C:\\Temp'")), texts)).matched).toEqual([2]);
    expect(exact(selectedBy(rule(detection('Image|contains', "'system32'")), texts)).matched).toEqual([0, 1]);
  });

  it('turns a plain value into an exact term and keeps wildcards inside values', () => {
    const plain = exact(selectedBy(rule(detection('Image', "'C:\\Windows\\System32\\cmd.exe'")), texts));
    expect(plain.query.detection).toMatchObject({ kind: 'term', value: 'C:\\Windows\\System32\\cmd.exe' });
    expect(plain.matched).toEqual([0, 1]);
    expect(exact(selectedBy(rule(detection('Image', "'C:\\\\*\\\\cmd.?xe'")), texts)).matched).toEqual([
      0, 1, 3,
    ]);
  });

  it('matches numbers by value and booleans by their text, as the rule engine does', () => {
    const numbers = events({ EventID: 4624 }, { EventID: '4624' }, { EventID: 4625 }, { EventID: [1, 4624] });
    expect(exact(selectedBy(rule(detection('EventID', '4624')), numbers)).matched).toEqual([0, 1, 3]);
    expect(exact(selectedBy(rule(detection('Image', "'true'")), texts)).matched).toEqual([7]);
    // A wildcard that fits "true" also asks for the boolean, which the search wildcard does not read.
    expect(exact(selectedBy(rule(detection('Image', "'tr*'")), texts)).matched).toEqual([7]);
  });

  it('widens a pattern that may match how a number prints', () => {
    const numbers = events({ n: 1e-7 }, { n: 0.30000000000000004 }, { n: 4624 }, { n: '1e-7' });
    const tiny = bounded(selectedBy(rule(detection('n|endswith', "'e-7'")), numbers));
    expect(tiny.matched).toEqual([0, 3]);
    expect(tiny.query.exact).toBe(false);
    expect(bounded(selectedBy(rule(detection('n|endswith', "'0004'")), numbers)).matched).toEqual([1]);
  });

  it("reads '*' as: the field has a value", () => {
    const any = exact(selectedBy(rule(detection('Image', "'*'")), texts));
    expect(any.query.detection).toEqual({ kind: 'exists', field: 'Image' });
    expect(any.matched).toEqual([0, 1, 2, 3, 6, 7]);
  });

  it('turns cidr into an exact network test', () => {
    const ips = events({ ip: '10.1.2.3' }, { ip: '192.168.0.1' }, { ip: '::ffff:10.0.0.9' }, { ip: 'x' });
    const s = exact(selectedBy(rule(detection('ip|cidr', "'10.0.0.0/8'")), ips));
    expect(s.query.detection).toEqual({ kind: 'cidr', field: 'ip', cidr: '10.0.0.0/8' });
    expect(s.matched).toEqual([0, 2]);
  });

  it('gives every windash and base64offset form as an alternative, exactly', () => {
    const lines = events(
      { CommandLine: 'powershell -enc AAA' },
      { CommandLine: 'powershell /enc AAA' },
      { CommandLine: 'powershell \u2013enc AAA' },
      { CommandLine: 'powershell enc' },
      { CommandLine: Buffer.from('x/bin/bash -i').toString('base64') },
    );
    const dash = exact(selectedBy(rule(detection('CommandLine|windash|contains', "' -enc '")), lines));
    expect(dash.matched).toEqual([0, 1, 2]);
    const b64 = exact(selectedBy(rule(detection('CommandLine|base64offset|contains', "'/bin/bash'")), lines));
    expect(b64.matched).toEqual([4]);
  });

  it('negates exactly with neq, and joins values with AND under all', () => {
    expect(exact(selectedBy(rule(detection('Image|neq', "'C:\\Temp\\cmd.exe.bak'")), texts)).matched).toEqual(
      [0, 1, 3, 4, 5, 6, 7],
    );
    const both = exact(selectedBy(rule(detection('Image|contains|all', "['windows', 'cmd']")), texts));
    expect(both.matched).toEqual([0, 1]);
  });

  it('widens what the store cannot decide, never losing a match', () => {
    const widened = (item: string, value: string) => {
      const s = bounded(selectedBy(rule(detection(item, value)), texts));
      expect(s.query.exact).toBe(false);
      expect(s.query.widened.length).toBeGreaterThan(0);
      return s;
    };
    expect(widened('Image|re', "'(?i)\\\\cmd\\.exe$'").matched).toEqual([0, 1, 3]);
    expect(widened('Image|cased', "'C:\\Windows\\System32\\cmd.exe'").matched).toEqual([0]);
    expect(widened('Image', 'null').matched).toEqual([4, 5]);
    expect(widened('Image|exists', 'true').matched).toEqual([0, 1, 2, 3, 6, 7]);
    expect(widened('Image|exists', 'false').matched).toEqual([4, 5]);
    expect(widened('Image|fieldref', 'Other').matched).toEqual([]);
    expect(widened('Image|gt', '40').matched).toEqual([6]);
  });

  it('widens text beyond ASCII, which the rule engine folds and the store does not', () => {
    const names = events({ User: 'ÉLODIE' }, { User: 'élodie' }, { User: 'elodie' });
    const s = bounded(selectedBy(rule(detection('User', "'élodie'")), names));
    expect(s.matched).toEqual([0, 1]);
    expect(s.query.exact).toBe(false);
  });

  it('reads message through the store’s text column, keeping events whose message is not text', () => {
    const messages = events(
      { message: 'Failed password for root' },
      { message: 404 },
      { message: ['a', 'failed password'] },
      { message: 'ok' },
      {},
    );
    const s = bounded(selectedBy(rule(detection('message|contains', "'failed password'")), messages));
    expect(s.matched).toEqual([0, 2]);
    expect(s.selected).toEqual([0, 1, 2, 4]);
    expect(s.sure).toEqual([0]);
  });

  it('reads a part of a date as presence of the field', () => {
    const times = events({ UtcTime: '2024-05-14 03:21:37' }, { UtcTime: '2024-05-14 04:00:00' }, {});
    const s = bounded(selectedBy(rule(detection('UtcTime|hour', '3')), times));
    expect(s.matched).toEqual([0]);
    expect(s.query.detection).toEqual({ kind: 'exists', field: 'UtcTime' });
  });

  it('splits thousands of values into nested groups SQLite accepts', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `'v${i}'`).join(', ');
    const many = events({ f: 'v4999' }, { f: 'v5000' }, { f: 'V17' });
    expect(exact(selectedBy(rule(detection('f', `[${values}]`)), many)).matched).toEqual([0, 2]);
  });
});

describe('ruleToQuery on conditions', () => {
  const procs = events(
    { CommandLine: 'cmd /c whoami', Image: 'C:\\Windows\\cmd.exe' },
    { CommandLine: 'cmd /c whoami', Image: 'C:\\Tools\\cmd.exe' },
    { CommandLine: 'cmd /c dir', Image: 'C:\\Windows\\cmd.exe' },
    { CommandLine: 'cmd /c whoami' },
  );

  it('keeps "1 of", "all of" and NOT exact when every part is exact', () => {
    const one = rule(
      `  sel_a:\n    CommandLine|contains: whoami\n  sel_b:\n    Image|startswith: 'C:\\Tools'\n  condition: 1 of sel_*`,
    );
    expect(exact(selectedBy(one, procs)).matched).toEqual([0, 1, 3]);
    const all = rule(
      `  sel_a:\n    CommandLine|contains: whoami\n  sel_b:\n    Image|startswith: 'C:\\Windows'\n  condition: all of sel_*`,
    );
    expect(exact(selectedBy(all, procs)).matched).toEqual([0]);
    const not = rule(
      `  sel:\n    CommandLine|contains: whoami\n  filter:\n    Image|startswith: 'C:\\Windows'\n  condition: sel and not filter`,
    );
    expect(exact(selectedBy(not, procs)).matched).toEqual([1, 3]);
  });

  it('negates an inexact part through its subset, so NOT still selects a superset', () => {
    const r = rule(
      `  sel:\n    CommandLine|contains: whoami\n  filter:\n    Image|re: '(?i)windows'\n  condition: sel and not filter`,
    );
    const s = bounded(selectedBy(r, procs));
    expect(s.matched).toEqual([1, 3]);
    expect(s.query.exact).toBe(false);
    // The regex cannot narrow, but the selection still does: the NOT widened to everything, not the rule.
    expect(s.selected).toEqual([0, 1, 3]);
    const twice = rule(
      `  sel:\n    CommandLine|contains: whoami\n  filter:\n    Image|re: '(?i)windows'\n  condition: not (not sel or filter)`,
    );
    expect(bounded(selectedBy(twice, procs)).matched).toEqual([1, 3]);
  });

  it('is sure of a NOT of a regex only where the field is absent', () => {
    const r = rule(`  sel:\n    Image|re: 'cmd'\n  condition: not sel`);
    const s = bounded(selectedBy(r, procs));
    expect(s.matched).toEqual([3]);
    expect(s.sure).toEqual([3]);
    expect(s.selected).toEqual([0, 1, 2, 3]);
  });
});

describe('ruleToQuery with field mappings and log sources', () => {
  const windows = { product: 'windows', category: 'process_creation' };
  const proc = (fields: Record<string, FieldValue>, logsource: LogSource = windows) =>
    testEvent(fields, logsource);
  const r = rule(
    `  sel:\n    CommandLine|contains: whoami\n  filter:\n    Image|endswith: '\\cmd.exe'\n  condition: sel and not filter`,
    'product: windows, category: process_creation',
  );

  it('looks in every mapped field, the first one present deciding, as the rule engine does', () => {
    const list = [
      proc({ 'winlog.event_data.CommandLine': 'whoami', 'winlog.event_data.Image': 'C:\\x\\cmd.exe' }),
      proc({ 'process.command_line': 'whoami', 'process.executable': 'C:\\x\\cmd.exe' }),
      proc({ 'process.command_line': 'whoami', 'process.executable': 'C:\\x\\other.exe' }),
      proc({ 'winlog.event_data.CommandLine': 'whoami', 'winlog.event_data.Image': null, Image: 'cmd.exe' }),
      proc({ CommandLine: 'whoami' }),
      proc({ 'process.command_line': 'whoami' }, { product: 'linux' }),
    ];
    const s = bounded(selectedBy(r, list));
    expect(s.matched).toEqual([2, 3, 4]);
    expect(s.query.exact).toBe(false);
    expect(s.query.widened.some((w) => w.startsWith('CommandLine: looked up in'))).toBe(true);
    expect(s.selected).not.toContain(5);
  });

  it('restricts to the rule’s log source and nothing else when the rule has no other narrowing', () => {
    const keywords = rule(
      `  keywords:\n    - 'evil'\n  condition: keywords`,
      'product: linux, service: sshd',
    );
    const q = ruleToQuery(keywords);
    expect(isAll(q.detection)).toBe(true);
    const match = compilePredicate(q.query);
    expect(match(testEvent({}, { product: 'linux', service: 'sshd' }))).toBe(true);
    expect(match(testEvent({}, { product: 'linux', service: 'cron' }))).toBe(false);
    const s = bounded(
      selectedBy(keywords, [
        testEvent({ message: 'an evil login' }, { product: 'linux', service: 'sshd' }),
        testEvent({ 'user.name': 'EVIL' }, { product: 'linux', service: 'sshd' }),
        testEvent({ message: 'fine' }, { product: 'linux', service: 'sshd' }, 'raw EVIL text'),
      ]),
    );
    expect(s.matched).toEqual([0, 1, 2]);
    expect(s.sure).toEqual([0, 2]);
  });
});
