import { describe, expect, it } from 'vitest';
import type { Event, FieldValue } from '../core/event.js';
import { newEventId, tenantId, type TenantId } from '../core/ids.js';
import { DetectionEngine, type LoadedRuleSet } from './engine.js';
import type { IndicatorSet } from './intel/indicator.js';
import { loadRuleText } from './sigma/loader.js';

const rule = (id: string, extra = '') => `title: rule ${id}
id: ${id}
author: Tester
logsource:
  product: myapp
detection:
  selection:
    Image|endswith: '\\evil.exe'
  condition: selection
level: high
${extra}`;

function ruleSet(id: string, text: string, enabledByDefault = true): LoadedRuleSet {
  return { id, loaded: loadRuleText(text, `${id}.yml`), enabledByDefault };
}

function event(tenant: TenantId, fields: Record<string, FieldValue>, time = 1_000_000): Event {
  return {
    id: newEventId(time),
    tenant,
    time,
    receivedAt: time,
    logsource: { product: 'myapp' },
    fields,
  };
}

const acme = tenantId('acme');
const globex = tenantId('globex');

describe('DetectionEngine', () => {
  it('resolves Sigma fields through the installation’s own field mappings', () => {
    const content = { ruleSets: [ruleSet('custom', rule('r1'))], intel: [] };
    const e = event(acme, { 'myapp.proc.path': 'C:\\Temp\\EVIL.exe' });
    expect(new DetectionEngine(content).process([e])).toEqual([]);
    const mapped = new DetectionEngine({
      ...content,
      mappings: [{ logsource: { product: 'myapp' }, fields: { Image: ['myapp.proc.path'] } }],
    });
    const [finding] = mapped.process([e]);
    expect(finding).toMatchObject({
      kind: 'sigma',
      rule: { id: 'r1', level: 'high', author: 'Tester' },
      tenant: 'acme',
      matched: { 'myapp.proc.path': 'C:\\Temp\\EVIL.exe' },
    });
  });

  it('runs for each tenant only the rule sets enabled for it', () => {
    const content = {
      ruleSets: [ruleSet('base', rule('r1')), ruleSet('extra', rule('r2'), false)],
      intel: [],
    };
    const enabled = (t: TenantId) => (t === globex ? ['base', 'extra'] : ['base']);
    const engine = new DetectionEngine(content, enabled);
    const fields = { Image: 'C:\\x\\evil.exe' };
    const ids = (t: TenantId) => engine.process([event(t, fields)]).map((f) => f.rule.id);
    expect(ids(acme)).toEqual(['r1']);
    expect(ids(globex)).toEqual(['r1', 'r2']);
    // By default, the sets enabled by default.
    expect(new DetectionEngine(content).process([event(acme, fields)]).map((f) => f.rule.id)).toEqual(['r1']);
  });

  it('matches indicators for every tenant, with or without rules, and only while they are valid', () => {
    const intel: IndicatorSet = {
      id: 'feed',
      name: 'Feed',
      source: 'test',
      importedAt: 0,
      indicators: [{ type: 'ipv4', value: '203.0.113.9', validUntil: 2_000_000 }],
    };
    const engine = new DetectionEngine({ ruleSets: [], intel: [intel] });
    const hit = engine.process([event(acme, { 'destination.ip': '203.0.113.9' })]);
    expect(hit).toEqual([
      expect.objectContaining({ kind: 'intel', rule: expect.objectContaining({ id: 'intel:feed' }) }),
    ]);
    expect(engine.process([event(acme, { 'destination.ip': '203.0.113.9' }, 3_000_000)])).toEqual([]);
    expect(engine.status()).toMatchObject({ indicators: 1, intelSets: 1 });
  });

  it('hides the matches of rules a correlation keeps quiet (generate: false) and reports its findings', () => {
    const text = `${rule('r1')}---
title: three in a row
id: c1
correlation:
  type: event_count
  rules: [r1]
  group-by: [host.name]
  timespan: 1m
  condition:
    gte: 3
level: critical
`;
    const engine = new DetectionEngine({ ruleSets: [ruleSet('s', text)], intel: [] });
    const batch = [1, 2, 3].map((i) =>
      event(acme, { Image: 'c:\\evil.exe', 'host.name': 'pc1' }, 1_000_000 + i),
    );
    const found = engine.process(batch);
    expect(found.map((f) => [f.kind, f.rule.id])).toEqual([['correlation', 'c1']]);
    expect(found[0]!.correlation).toMatchObject({
      type: 'event_count',
      group: { 'host.name': 'pc1' },
      value: 3,
    });
  });
});
