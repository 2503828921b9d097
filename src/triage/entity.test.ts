import { describe, expect, it } from 'vitest';
import { compilePredicate, parseQuery } from '../search/index.js';
import { conditionsFromEntity, entityOf, groupKey } from './entity.js';
import { testEvent } from './test-support.js';

describe('entityOf', () => {
  it('takes host, user and source address from the first event, lower-casing names', () => {
    const e = testEvent({ 'host.name': 'WS01', 'user.name': ['', 'Alice'], 'source.ip': '10.0.0.5' });
    expect(entityOf({ matched: {} }, [e])).toEqual({
      'host.name': 'ws01',
      'user.name': 'alice',
      'source.ip': '10.0.0.5',
    });
  });

  it('takes the host from host.hostname (the syslog sender) when there is no host.name, and matches it back', () => {
    const e = testEvent({ 'host.hostname': 'Backup01', 'user.name': 'backup' });
    const entity = entityOf({ matched: {} }, [e]);
    expect(entity).toEqual({ 'host.name': 'backup01', 'user.name': 'backup' });
    expect(compilePredicate(parseQuery(conditionsFromEntity(entity)))(e)).toBe(true);
  });

  it('uses the destination only when there is no source address', () => {
    const withSource = testEvent({ 'source.ip': '10.0.0.5', 'destination.ip': '203.0.113.9' });
    expect(entityOf({ matched: {} }, [withSource])).toEqual({ 'source.ip': '10.0.0.5' });
    const destinationOnly = testEvent({ 'destination.ip': '203.0.113.9' });
    expect(entityOf({ matched: {} }, [destinationOnly])).toEqual({ 'destination.ip': '203.0.113.9' });
  });

  it("prefers a correlation's group-by values, then the event, then the matched fields", () => {
    const e = testEvent({ 'host.name': 'ws01' });
    const entity = entityOf(
      {
        matched: { 'user.name': 'bob' },
        correlation: {
          type: 'event_count',
          group: { 'source.ip': '198.51.100.7' },
          value: 10,
          firstSeen: 0,
          lastSeen: 1,
          rules: ['r'],
        },
      },
      [e],
    );
    expect(entity).toEqual({ 'host.name': 'ws01', 'user.name': 'bob', 'source.ip': '198.51.100.7' });
  });

  it('gives equal keys for the same tenant, rule and entity and different ones otherwise', () => {
    const a = groupKey('acme', 'r1', { 'host.name': 'ws01' });
    expect(groupKey('acme', 'r1', { 'host.name': 'ws01' })).toBe(a);
    expect(groupKey('acme', 'r1', { 'user.name': 'ws01' })).not.toBe(a);
    expect(groupKey('acme', 'r2', { 'host.name': 'ws01' })).not.toBe(a);
    expect(groupKey('globex', 'r1', { 'host.name': 'ws01' })).not.toBe(a);
  });
});

describe('conditionsFromEntity', () => {
  it('writes quoted terms that the search language parses back and that match the event', () => {
    const e = testEvent({ 'host.name': 'WS"01\\x', 'user.name': 'alice', 'source.ip': '2001:db8::5' });
    const entity = entityOf({ matched: {} }, [e]);
    const text = conditionsFromEntity(entity);
    expect(text).toBe(
      '(host.name:"ws\\"01\\\\x" OR host.hostname:"ws\\"01\\\\x") AND user.name:"alice" AND source.ip:"2001:db8::5"',
    );
    const match = compilePredicate(parseQuery(text));
    expect(match(e)).toBe(true);
    expect(match(testEvent({ ...e.fields, 'user.name': 'mallory' }))).toBe(false);
  });

  it('is empty for an entity without fields', () => {
    expect(conditionsFromEntity({})).toBe('');
  });
});
