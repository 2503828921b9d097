import { describe, expect, it } from 'vitest';
import { actionRule, correlation, docs, event, MINUTE, run, SECOND, T0 } from './test-support.js';

const failed = actionRule('failed_login', 'fail');
const countRule = (condition: string, groupBy = '[user]', timespan = '1m') =>
  correlation('Many failed logins', [
    'type: event_count',
    'rules: [failed_login]',
    `group-by: ${groupBy}`,
    `timespan: ${timespan}`,
    `condition: {${condition}}`,
  ]);
const fail = (at: number, user: string | undefined, extra: Record<string, string> = {}, tenant?: string) =>
  event(
    at,
    { action: 'fail', ...(user !== undefined ? { user } : {}), ...extra },
    { product: 'test' },
    tenant,
  );

describe('event_count', () => {
  it('fires when the count reaches the threshold, not one event before', () => {
    const text = docs(failed, countRule('gte: 3'));
    const two = run(text, [fail(T0, 'alice'), fail(T0 + 10 * SECOND, 'alice')]);
    expect(two.correlations).toEqual([]);
    const three = run(text, [
      fail(T0, 'alice'),
      fail(T0 + 10 * SECOND, 'alice'),
      fail(T0 + 20 * SECOND, 'alice'),
    ]);
    expect(three.correlations).toHaveLength(1);
    const [hit] = three.correlations;
    expect(hit).toMatchObject({
      kind: 'correlation',
      rule: { title: 'Many failed logins', level: 'medium' },
      time: T0 + 20 * SECOND,
      matched: { user: 'alice' },
      correlation: {
        type: 'event_count',
        group: { user: 'alice' },
        value: 3,
        count: 3,
        firstSeen: T0,
        lastSeen: T0 + 20 * SECOND,
        rules: ['failed_login'],
      },
    });
    expect(hit!.events.map((e) => e.time)).toEqual([T0, T0 + 10 * SECOND, T0 + 20 * SECOND]);
  });

  it('counts an event exactly one timespan before the newest, and not one a millisecond older', () => {
    const text = docs(failed, countRule('gte: 2'));
    expect(run(text, [fail(T0, 'alice'), fail(T0 + MINUTE, 'alice')]).correlations).toHaveLength(1);
    expect(run(text, [fail(T0, 'alice'), fail(T0 + MINUTE + 1, 'alice')]).correlations).toEqual([]);
  });

  it('keeps groups apart by every group-by field together, and tenants apart', () => {
    const text = docs(failed, countRule('gte: 2', '[user, host]'));
    const r = run(text, [
      fail(T0, 'alice', { host: 'h1' }),
      fail(T0 + 1, 'alice', { host: 'h2' }),
      fail(T0 + 2, 'bob', { host: 'h1' }),
      fail(T0 + 3, 'alice', { host: 'h1' }, 'other'),
      fail(T0 + 4, 'alice', { host: 'h1' }),
    ]);
    expect(r.correlations).toHaveLength(1);
    expect(r.correlations[0]).toMatchObject({
      tenant: 'acme',
      correlation: { group: { user: 'alice', host: 'h1' } },
    });
  });

  it('counts an event once when it matches several of the referenced rules', () => {
    const text = docs(
      failed,
      actionRule('any_action', '"*"'),
      correlation('Two rules', [
        'type: event_count',
        'rules: [failed_login, any_action]',
        'group-by: [user]',
        'timespan: 1m',
        'condition: {gte: 2}',
      ]),
    );
    expect(run(text, [fail(T0, 'alice')]).correlations).toEqual([]);
    expect(run(text, [fail(T0, 'alice'), fail(T0 + 1, 'alice')]).correlations).toHaveLength(1);
  });

  it('puts all occurrences of a tenant in one group when there is no group-by', () => {
    const text = docs(
      failed,
      correlation('Any', [
        'type: event_count',
        'rules: [failed_login]',
        'timespan: 1m',
        'condition: {gte: 2}',
      ]),
    );
    const r = run(text, [fail(T0, 'alice'), fail(T0 + 1, 'bob')]);
    expect(r.correlations).toHaveLength(1);
    expect(r.correlations[0]!.correlation!.group).toEqual({});
  });

  it('does not count an occurrence that lacks a group-by field', () => {
    const r = run(docs(failed, countRule('gte: 2')), [fail(T0, 'alice'), fail(T0 + 1, undefined)]);
    expect(r.correlations).toEqual([]);
    expect(r.engine.stats().missingField).toBe(1);
  });

  it('fires once per timespan during a long burst, then counts afresh', () => {
    const burst = Array.from({ length: 10 }, (_, i) => fail(T0 + i * 5 * SECOND, 'alice'));
    const later = [70, 75, 80].map((s) => fail(T0 + s * SECOND, 'alice'));
    const r = run(docs(failed, countRule('gte: 3')), [...burst, ...later]);
    expect(r.correlations.map((f) => f.time)).toEqual([T0 + 10 * SECOND, T0 + 80 * SECOND]);
    // After the first firing at 10 s the group is quiet until 70 s: the 7 events at 15..45 s are not counted.
    expect(r.engine.stats().muted).toBe(7);
  });

  it('counts a late event still inside the window, and drops one older than the window', () => {
    const text = docs(failed, countRule('gte: 3'));
    const inside = run(text, [
      fail(T0 + 30 * SECOND, 'alice'),
      fail(T0 + 10 * SECOND, 'alice'),
      fail(T0 + 40 * SECOND, 'alice'),
    ]);
    expect(inside.correlations).toHaveLength(1);
    expect(inside.correlations[0]!.correlation).toMatchObject({
      firstSeen: T0 + 10 * SECOND,
      lastSeen: T0 + 40 * SECOND,
    });
    const outside = run(text, [
      fail(T0 + 2 * MINUTE, 'alice'),
      fail(T0, 'alice'),
      fail(T0 + 2 * MINUTE + 1, 'alice'),
    ]);
    expect(outside.correlations).toEqual([]);
    expect(outside.engine.stats().late).toBe(1);
  });

  it('reads group-by fields through the referenced rule’s field mapping', () => {
    const proc = [
      'title: Encoded PowerShell',
      'id: 2f0e1c7a-0000-4000-8000-000000000001',
      'logsource: {product: windows, category: process_creation}',
      'detection:',
      "  selection: {Image|endswith: '\\powershell.exe'}",
      '  condition: selection',
    ].join('\n');
    const text = docs(
      proc,
      correlation('PowerShell burst', [
        'type: event_count',
        'rules: [2f0e1c7a-0000-4000-8000-000000000001]',
        'group-by: [User]',
        'timespan: 5m',
        'condition: {gte: 2}',
      ]),
    );
    const ps = (at: number, user: string) =>
      event(
        at,
        { 'process.executable': 'C:\\Windows\\powershell.exe', 'user.name': user },
        { product: 'windows', category: 'process_creation' },
      );
    const r = run(text, [ps(T0, 'alice'), ps(T0 + 1, 'bob'), ps(T0 + 2, 'alice')]);
    expect(r.correlations.map((f) => f.correlation!.group)).toEqual([{ User: 'alice' }]);
  });
});

describe('condition operators on a correlation', () => {
  const fires = (condition: string, count: number) => {
    const events = Array.from({ length: count }, (_, i) => fail(T0 + i * SECOND, 'alice'));
    return run(docs(failed, countRule(condition)), events).correlations.map((f) => f.correlation!.value);
  };

  it('gt fires one past the value, gte at it', () => {
    expect(fires('gt: 3', 3)).toEqual([]);
    expect(fires('gt: 3', 4)).toEqual([4]);
    expect(fires('gte: 3', 3)).toEqual([3]);
  });

  it('lt, lte, eq and neq are checked as each occurrence arrives, so they are met on the way up', () => {
    expect(fires('lt: 3', 1)).toEqual([1]);
    expect(fires('lte: 1', 1)).toEqual([1]);
    expect(fires('eq: 2', 1)).toEqual([]);
    expect(fires('eq: 2', 2)).toEqual([2]);
    expect(fires('neq: 1', 1)).toEqual([]);
    expect(fires('neq: 1', 2)).toEqual([2]);
  });

  it('two operators make a range that must hold together', () => {
    expect(fires('gt: 2, lte: 3', 2)).toEqual([]);
    expect(fires('gt: 2, lte: 3', 3)).toEqual([3]);
  });
});

describe('value_count', () => {
  const text = (field: string) =>
    docs(
      failed,
      correlation('Password spraying', [
        'type: value_count',
        'rules: [failed_login]',
        'group-by: [source]',
        'timespan: 5m',
        `condition: {field: ${field}, gte: 3}`,
      ]),
    );
  const from = (at: number, user: string, host = 'h1') => fail(at, user, { source: '203.0.113.7', host });

  it('counts distinct values of the field, not events', () => {
    expect(
      run(text('user'), [from(T0, 'a'), from(T0 + 1, 'a'), from(T0 + 2, 'b'), from(T0 + 3, 'b')])
        .correlations,
    ).toEqual([]);
    const r = run(text('user'), [from(T0, 'a'), from(T0 + 1, 'a'), from(T0 + 2, 'b'), from(T0 + 3, 'c')]);
    expect(r.correlations.map((f) => [f.correlation!.value, f.correlation!.count])).toEqual([[3, 4]]);
  });

  it('counts combinations when the field is a list', () => {
    const r = run(text('[user, host]'), [
      from(T0, 'a', 'h1'),
      from(T0 + 1, 'a', 'h2'),
      from(T0 + 2, 'a', 'h1'),
      from(T0 + 3, 'b', 'h1'),
    ]);
    expect(r.correlations.map((f) => f.correlation!.value)).toEqual([3]);
  });

  it('forgets values that slid out of the window', () => {
    const r = run(text('user'), [from(T0, 'a'), from(T0 + MINUTE, 'b'), from(T0 + 5 * MINUTE + 1, 'c')]);
    expect(r.correlations).toEqual([]);
  });
});

describe('value_sum, value_avg and value_percentile', () => {
  const transfer = actionRule('transfer', 'upload');
  const numeric = (type: string, condition: string) =>
    docs(
      transfer,
      correlation(`Upload ${type}`, [
        'type: ' + type,
        'rules: [transfer]',
        'group-by: [host]',
        'timespan: 1m',
        `condition: {${condition}}`,
      ]),
    );
  const up = (at: number, bytes: number | string) => event(at, { action: 'upload', host: 'h1', bytes });

  it('value_sum adds the field over the window and skips values that are not numbers', () => {
    const text = numeric('value_sum', 'field: bytes, gt: 1000');
    expect(run(text, [up(T0, 400), up(T0 + 1, 500), up(T0 + 2, 'n/a')]).correlations).toEqual([]);
    const r = run(text, [up(T0, 400), up(T0 + 1, '500'), up(T0 + 2, 200)]);
    expect(r.correlations.map((f) => f.correlation!.value)).toEqual([1100]);
  });

  it('value_avg follows the window as it slides', () => {
    const text = numeric('value_avg', 'field: bytes, lt: 50');
    // 300 alone averages 300; two minutes later the window holds only 10.
    const r = run(text, [up(T0, 300), up(T0 + 2 * MINUTE, 10)]);
    expect(r.correlations.map((f) => f.correlation!.value)).toEqual([10]);
    const both = run(numeric('value_avg', 'field: bytes, gte: 100'), [up(T0, 50), up(T0 + 1, 150)]);
    expect(both.correlations.map((f) => f.correlation!.value)).toEqual([100]);
  });

  it('value_percentile interpolates between the closest ranks', () => {
    const text = numeric('value_percentile', 'field: bytes, percentile: 90, gte: 91');
    const tens = (n: number) => Array.from({ length: n }, (_, i) => up(T0 + i, (i + 1) * 10));
    // 10..90: rank 7.2 lies between 80 and 90 -> 82; 10..100: rank 8.1 -> 91.
    expect(run(text, tens(9)).correlations).toEqual([]);
    expect(run(text, tens(10)).correlations.map((f) => f.correlation!.value)).toEqual([91]);
  });
});

describe('memory bounds', () => {
  it('keeps at most maxEntriesPerGroup occurrences in a group', () => {
    const events = Array.from({ length: 6 }, (_, i) => fail(T0 + i, 'alice'));
    const r = run(docs(failed, countRule('gte: 5')), events, { maxEntriesPerGroup: 4 });
    expect(r.correlations).toEqual([]);
    expect(r.engine.stats().capped).toBe(2);
  });

  it('keeps at most maxGroups groups, dropping the least recently used', () => {
    const r = run(
      docs(failed, countRule('gte: 2')),
      [fail(T0, 'a'), fail(T0 + 1, 'b'), fail(T0 + 2, 'c'), fail(T0 + 3, 'a')],
      {
        maxGroups: 2,
      },
    );
    expect(r.correlations).toEqual([]);
    expect(r.engine.stats()).toMatchObject({ groups: 2, evicted: 2 });
  });
});
