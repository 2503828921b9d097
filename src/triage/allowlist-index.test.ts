import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../detection/findings-service.js';
import { AllowlistIndex, compileConditions, fieldsNotKept } from './allowlist-index.js';
import { RULE_A, RULE_B, T0, testEvent } from './test-support.js';

function stored(extra: Partial<StoredFinding> = {}): StoredFinding {
  return {
    id: 'f1',
    tenant: 'acme',
    kind: 'sigma',
    rule: { id: RULE_A, title: 'A', level: 'high', tags: [] },
    time: T0,
    createdAt: T0,
    eventIds: [],
    matched: {},
    ...extra,
  };
}

const backup = testEvent({ 'host.name': 'backup01', 'process.executable': 'C:\\Tools\\backup.exe' });
const other = testEvent({ 'host.name': 'ws07', 'process.executable': 'C:\\Tools\\backup.exe' });

describe('AllowlistIndex', () => {
  it('suppresses a finding of the named rule and tenant whose events match, counting the hit', () => {
    const index = new AllowlistIndex();
    index.put(
      { id: 'w1', tenant: 'acme', ruleId: RULE_A, conditions: 'host.name:backup01', expiresAt: null },
      T0,
    );
    expect(index.match(stored(), [backup], T0)?.id).toBe('w1');
    expect(index.match(stored(), [other], T0)).toBeUndefined();
    expect(
      index.match(stored({ rule: { id: RULE_B, title: 'B', level: 'high', tags: [] } }), [backup], T0),
    ).toBeUndefined();
    expect(index.match(stored({ tenant: 'globex' }), [backup], T0)).toBeUndefined();
    expect(index.takeHits()).toEqual(new Map([['w1', { count: 1, lastHitAt: T0 }]]));
    expect(index.takeHits().size).toBe(0);
  });

  it('applies tenant-wide rules to every rule of the tenant, after the rule-specific ones', () => {
    const index = new AllowlistIndex();
    index.put(
      {
        id: 'any',
        tenant: 'acme',
        ruleId: null,
        conditions: 'process.executable:*backup.exe',
        expiresAt: null,
      },
      T0,
    );
    index.put(
      { id: 'own', tenant: 'acme', ruleId: RULE_A, conditions: 'host.name:backup01', expiresAt: null },
      T0,
    );
    expect(index.match(stored(), [backup], T0)?.id).toBe('own');
    expect(index.match(stored(), [other], T0)?.id).toBe('any');
    expect(
      index.match(stored({ rule: { id: RULE_B, title: 'B', level: 'low', tags: [] } }), [other], T0)?.id,
    ).toBe('any');
  });

  it('stops applying a rule at its expiry', () => {
    const index = new AllowlistIndex();
    index.put({ id: 'w1', tenant: 'acme', ruleId: RULE_A, conditions: '', expiresAt: T0 + 1000 }, T0);
    expect(index.match(stored(), [other], T0 + 999)?.id).toBe('w1');
    expect(index.match(stored(), [other], T0 + 1000)).toBeUndefined();
  });

  it('reads finding pseudo-fields (rule level, kind, indicator) next to event fields', () => {
    const index = new AllowlistIndex();
    index.put(
      {
        id: 'low',
        tenant: 'acme',
        ruleId: null,
        conditions: 'finding.rule.level:low AND host.name:ws07',
        expiresAt: null,
      },
      T0,
    );
    index.put(
      {
        id: 'ioc',
        tenant: 'acme',
        ruleId: null,
        conditions: 'finding.intel.indicator:"sinkhole.example"',
        expiresAt: null,
      },
      T0,
    );
    const low = stored({ rule: { id: RULE_B, title: 'B', level: 'low', tags: [] } });
    expect(index.match(low, [other], T0)?.id).toBe('low');
    expect(index.match(stored(), [other], T0)).toBeUndefined();
    const intel = stored({
      kind: 'intel',
      intel: { indicator: 'sinkhole.example', type: 'domain', set: 'feed' },
    });
    expect(index.match(intel, [other], T0)?.id).toBe('ioc');
  });

  it('evaluates pseudo-fields mixed with event fields under OR and NOT as well', () => {
    const index = new AllowlistIndex();
    const conditions = '(finding.rule.level:low OR host.name:backup01) AND NOT finding.kind:intel';
    index.put({ id: 'mixed', tenant: 'acme', ruleId: null, conditions, expiresAt: null }, T0);
    expect(compileConditions(conditions, T0).split).toBeUndefined();
    expect(index.match(stored(), [backup], T0)?.id).toBe('mixed');
    expect(index.match(stored(), [other], T0)).toBeUndefined();
    expect(
      index.match(stored({ rule: { id: RULE_B, title: 'B', level: 'low', tags: [] } }), [other], T0)?.id,
    ).toBe('mixed');
    expect(index.match(stored({ kind: 'intel' }), [backup], T0)).toBeUndefined();
    expect(compileConditions('finding.rule.level:low AND host.name:x', T0).split).toBeDefined();
  });

  it('needs every event of a correlation to match, and judges a finding without events on its matched fields', () => {
    const index = new AllowlistIndex();
    index.put(
      { id: 'w1', tenant: 'acme', ruleId: RULE_A, conditions: 'host.name:backup01', expiresAt: null },
      T0,
    );
    expect(index.match(stored({ kind: 'correlation' }), [backup, other], T0)).toBeUndefined();
    expect(index.match(stored({ kind: 'correlation' }), [backup, backup], T0)?.id).toBe('w1');
    expect(index.match(stored({ matched: { 'host.name': 'backup01' } }), [], T0)?.id).toBe('w1');
  });

  it('forgets removed and replaced rules', () => {
    const index = new AllowlistIndex();
    index.put(
      { id: 'w1', tenant: 'acme', ruleId: RULE_A, conditions: 'host.name:backup01', expiresAt: null },
      T0,
    );
    index.put(
      { id: 'w1', tenant: 'acme', ruleId: RULE_A, conditions: 'host.name:ws07', expiresAt: null },
      T0,
    );
    expect(index.match(stored(), [backup], T0)).toBeUndefined();
    expect(index.match(stored(), [other], T0)?.id).toBe('w1');
    index.remove('w1');
    expect(index.size).toBe(0);
    expect(index.match(stored(), [other], T0)).toBeUndefined();
  });

  it('reports condition syntax errors with their offset, and the fields the preview does not keep', () => {
    expect(() => compileConditions('host.name:(a OR', T0)).toThrow(
      expect.objectContaining({ code: 'QUERY_SYNTAX' }),
    );
    const compiled = compileConditions('host.name:a AND winlog.event_data.Foo:1 AND "some words"', T0);
    expect(compiled.fullText).toBe(true);
    expect(fieldsNotKept(compiled)).toEqual(['winlog.event_data.Foo']);
  });
});
