import { describe, expect, it } from 'vitest';
import { actionRule, correlation, docs, event, MINUTE, run, SECOND, T0 } from './test-support.js';

const recon = ['a', 'b', 'c'].map((x) => actionRule(`recon_${x}`, x));
const on = (at: number, action: string, host = 'h1') => event(at, { action, host });

describe('temporal', () => {
  const text = (extra: string[] = []) =>
    docs(
      ...recon,
      correlation('Recon burst', [
        'type: temporal',
        'rules: [recon_a, recon_b, recon_c]',
        'group-by: [host]',
        'timespan: 5m',
        ...extra,
      ]),
    );

  it('fires when every referenced rule matched within the timespan, in any order', () => {
    expect(run(text(), [on(T0, 'a'), on(T0 + 1, 'b')]).correlations).toEqual([]);
    const r = run(text(), [on(T0, 'c'), on(T0 + MINUTE, 'a'), on(T0 + 2 * MINUTE, 'b')]);
    expect(r.correlations.map((f) => [f.correlation!.value, f.time])).toEqual([[3, T0 + 2 * MINUTE]]);
    expect(r.correlations[0]!.events.map((e) => e.fields.action)).toEqual(['c', 'a', 'b']);
  });

  it('does not fire when one of the matches slid out of the window, and fires once it comes again', () => {
    const r = run(text(), [on(T0, 'a'), on(T0 + 2 * MINUTE, 'b'), on(T0 + 5 * MINUTE + 1, 'c')]);
    expect(r.correlations).toEqual([]);
    const again = run(text(), [
      on(T0, 'a'),
      on(T0 + 2 * MINUTE, 'b'),
      on(T0 + 5 * MINUTE + 1, 'c'),
      on(T0 + 5 * MINUTE + 2, 'a'),
    ]);
    expect(again.correlations).toHaveLength(1);
  });

  it('does not join matches from different groups', () => {
    expect(
      run(text(), [on(T0, 'a', 'h1'), on(T0 + 1, 'b', 'h2'), on(T0 + 2, 'c', 'h1')]).correlations,
    ).toEqual([]);
  });

  it('counts distinct rules when a condition is given', () => {
    const r = run(text(['condition: {gte: 2}']), [on(T0, 'a'), on(T0 + 1, 'a'), on(T0 + 2, 'c')]);
    expect(r.correlations.map((f) => f.correlation!.value)).toEqual([2]);
  });
});

describe('temporal_ordered', () => {
  const text = docs(
    actionRule('first', 'a'),
    actionRule('second', 'b'),
    correlation('A then B', [
      'type: temporal_ordered',
      'rules: [first, second]',
      'group-by: [host]',
      'timespan: 1m',
    ]),
  );

  it('fires when the rules matched in the listed order', () => {
    expect(run(text, [on(T0, 'a'), on(T0 + SECOND, 'b')]).correlations).toHaveLength(1);
  });

  it('does not fire when the order is violated, until the order is met', () => {
    expect(run(text, [on(T0, 'b'), on(T0 + SECOND, 'a')]).correlations).toEqual([]);
    const r = run(text, [on(T0, 'b'), on(T0 + SECOND, 'a'), on(T0 + 2 * SECOND, 'b')]);
    expect(r.correlations.map((f) => f.time)).toEqual([T0 + 2 * SECOND]);
  });

  it('orders events of the same second by arrival, and never an event after itself', () => {
    expect(run(text, [on(T0, 'a'), on(T0, 'b')]).correlations).toHaveLength(1);
    const self = docs(
      actionRule('first', 'a'),
      actionRule('second', 'a'),
      correlation('A then A', [
        'type: temporal_ordered',
        'rules: [first, second]',
        'group-by: [host]',
        'timespan: 1m',
      ]),
    );
    expect(run(self, [on(T0, 'a')]).correlations).toEqual([]);
    expect(run(self, [on(T0, 'a'), on(T0 + 1, 'a')]).correlations).toHaveLength(1);
  });

  it('needs the whole chain inside the timespan', () => {
    expect(run(text, [on(T0, 'a'), on(T0 + MINUTE + 1, 'b')]).correlations).toEqual([]);
  });
});

describe('aliases (the spec’s internal_error / new_network_connection example)', () => {
  const text = docs(
    [
      'title: Internal error',
      'name: internal_error',
      'logsource: {product: test}',
      'detection:',
      '  selection: {http.response.status_code: 500}',
      '  condition: selection',
    ].join('\n'),
    [
      'title: New connection',
      'name: new_network_connection',
      'logsource: {product: test}',
      'detection:',
      '  selection: {event.category: network, event.type: connection, event.outcome: success}',
      '  condition: selection',
    ].join('\n'),
    correlation('Error then connection back', [
      'type: temporal',
      'rules: [internal_error, new_network_connection]',
      'group-by: [internal_ip, remote_ip]',
      'timespan: 10s',
      'aliases:',
      '  internal_ip: {internal_error: destination.ip, new_network_connection: source.ip}',
      '  remote_ip: {internal_error: source.ip, new_network_connection: destination.ip}',
    ]),
  );
  const error = (at: number, src: string, dst: string) =>
    event(at, { 'http.response.status_code': 500, 'source.ip': src, 'destination.ip': dst });
  const connection = (at: number, src: string, dst: string) =>
    event(at, {
      'event.category': 'network',
      'event.type': 'connection',
      'event.outcome': 'success',
      'source.ip': src,
      'destination.ip': dst,
    });

  it('joins different fields of different rules under one alias', () => {
    const r = run(text, [
      error(T0, '203.0.113.9', '10.0.0.5'),
      connection(T0 + SECOND, '10.0.0.5', '203.0.113.9'),
    ]);
    expect(r.correlations.map((f) => f.correlation!.group)).toEqual([
      { internal_ip: '10.0.0.5', remote_ip: '203.0.113.9' },
    ]);
  });

  it('does not join when the addresses are the other way round', () => {
    const r = run(text, [
      error(T0, '203.0.113.9', '10.0.0.5'),
      connection(T0 + SECOND, '203.0.113.9', '10.0.0.5'),
    ]);
    expect(r.correlations).toEqual([]);
  });
});

describe('chained correlations and generate (the spec’s failed-logins-then-success example)', () => {
  const chain = (generate?: boolean) =>
    docs(
      correlation(
        'Multiple failed logins followed by successful login',
        [
          'type: temporal_ordered',
          'rules: [multiple_failed_login, successful_login]',
          'group-by: [User]',
          'timespan: 10m',
        ],
        [
          'id: b180ead8-d58f-40b2-ae54-c8940995b9b6',
          'level: high',
          ...(generate === undefined ? [] : [`generate: ${generate}`]),
        ],
      ),
      correlation(
        'Multiple failed logons',
        [
          'type: event_count',
          'rules: [failed_login]',
          'group-by: [User]',
          'timespan: 10m',
          'condition: {gte: 3}',
        ],
        ['name: multiple_failed_login'],
      ),
      actionRule('failed_login', 'fail'),
      actionRule('successful_login', 'success'),
    );
  const login = (at: number, action: string, user = 'alice') => event(at, { action, User: user });
  const attack = [
    login(T0, 'fail'),
    login(T0 + 1, 'fail'),
    login(T0 + 2, 'fail'),
    login(T0 + MINUTE, 'success'),
  ];

  it('feeds what the inner correlation fires into the outer one', () => {
    const r = run(chain(), attack);
    expect(r.correlations.map((f) => f.rule.title)).toEqual([
      'Multiple failed logons',
      'Multiple failed logins followed by successful login',
    ]);
    const outer = r.correlations[1]!;
    expect(outer).toMatchObject({ rule: { id: 'b180ead8-d58f-40b2-ae54-c8940995b9b6', level: 'high' } });
    expect(outer.correlation).toMatchObject({
      group: { User: 'alice' },
      value: 2,
      firstSeen: T0 + 2,
      lastSeen: T0 + MINUTE,
    });
  });

  it('does not fire the outer correlation when the success comes first', () => {
    const r = run(chain(), [login(T0, 'success'), ...attack.slice(0, 3)]);
    expect(r.correlations.map((f) => f.rule.title)).toEqual(['Multiple failed logons']);
  });

  it('keeps the referenced rules and inner correlations from alerting unless generate is true', () => {
    expect(run(chain(), attack).alerts.map((f) => f.rule.title)).toEqual([
      'Multiple failed logins followed by successful login',
    ]);
    const generated = run(chain(true), attack).alerts.map((f) => f.rule.title);
    // The outer one generates, so the inner correlation and successful_login alert; failed_login is still silenced
    // by the inner correlation, which does not.
    expect(generated).toEqual([
      'Multiple failed logons',
      'successful_login rule',
      'Multiple failed logins followed by successful login',
    ]);
  });
});
