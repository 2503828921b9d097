import { describe, expect, it } from 'vitest';
import { compilePredicate } from '../search/predicate.js';
import { planHunt } from './hunt-plan.js';
import { rule, testEvent } from './sigma/to-query/bounds-fixture.js';
import { leafCount } from './sigma/to-query/nodes.js';

const processes = 'product: windows, category: process_creation';
const narrow = rule(`  sel:\n    CommandLine|contains: whoami\n  condition: sel`, processes);
const keywords = rule(`  keywords:\n    - 'mimikatz'\n  condition: keywords`, processes);
const sysmon = rule(`  sel:\n    EventID: 255\n  condition: sel`, 'product: windows, service: sysmon');
const sshd = rule(
  `  sel:\n    message|contains: 'Failed password'\n  condition: sel`,
  'product: linux, service: sshd',
);

describe('planHunt', () => {
  it('lets the store filter for rules with few field reads', () => {
    const plan = planHunt([narrow, sshd]);
    expect(plan.passes.map((p) => p.kind)).toEqual(['filter']);
    expect(plan.rules.map((r) => r.mode)).toEqual(['filter', 'filter']);
    const selects = compilePredicate(plan.passes[0]!.query);
    const proc = { product: 'windows', category: 'process_creation' };
    expect(selects(testEvent({ 'winlog.event_data.CommandLine': 'whoami /all' }, proc))).toBe(true);
    expect(selects(testEvent({ 'winlog.event_data.CommandLine': 'dir' }, proc))).toBe(false);
    expect(selects(testEvent({ 'winlog.event_data.CommandLine': 'whoami' }, { product: 'linux' }))).toBe(
      false,
    );
  });

  it('scans a log source a rule cannot narrow, and runs every rule of the hunt on what it reads', () => {
    const plan = planHunt([narrow, keywords, sshd]);
    expect(plan.rules.map((r) => r.mode)).toEqual(['scan', 'scan', 'filter']);
    expect(plan.passes.map((p) => [p.kind, p.rules.length])).toEqual([
      ['filter', 1],
      ['scan', 3],
    ]);
  });

  it('scans a log source whose rules would cost the store more than reading its events', () => {
    const values = Array.from({ length: 40 }, (_, i) => `'tool${i}.exe'`).join(', ');
    const wide = rule(
      `  sel:\n    Image|endswith: [${values}]\n    CommandLine|contains: [${values}]\n  condition: sel`,
      processes,
    );
    expect(planHunt([wide]).rules[0]!.mode).toBe('scan');
    expect(planHunt([wide], { groupBudget: Infinity }).rules[0]!.mode).toBe('filter');
    expect(planHunt([narrow], { groupBudget: 0 }).rules[0]!.mode).toBe('scan');
  });

  it('leaves to the scan the events of a filtered log source that the scan reads anyway', () => {
    const plan = planHunt([keywords, sysmon]);
    expect(plan.passes.map((p) => p.kind)).toEqual(['filter', 'scan']);
    const [filter, scan] = plan.passes.map((p) => compilePredicate(p.query));
    const both = testEvent(
      { EventID: 255 },
      { product: 'windows', category: 'process_creation', service: 'sysmon' },
    );
    const sysmonOnly = testEvent(
      { EventID: 255 },
      { product: 'windows', category: 'sysmon_error', service: 'sysmon' },
    );
    expect([filter!(both), scan!(both)]).toEqual([false, true]);
    expect([filter!(sysmonOnly), scan!(sysmonOnly)]).toEqual([true, false]);
  });

  it('drops a rule that can never match and splits filter queries past the size limit', () => {
    const never = rule(`  sel:\n    CommandLine: x\n  condition: sel and not sel`);
    expect(planHunt([never]).passes).toEqual([]);
    expect(planHunt([never]).rules[0]!.mode).toBe('never');
    const many = Array.from({ length: 6 }, (_, i) =>
      rule(`  sel:\n    CommandLine|contains: ['a${i}', 'b${i}', 'c${i}']\n  condition: sel`, processes),
    );
    const plan = planHunt(many, { groupBudget: Infinity, passLimit: 30 });
    expect(plan.passes.length).toBeGreaterThan(1);
    expect(plan.passes.flatMap((p) => p.rules)).toHaveLength(6);
    for (const p of plan.passes) expect(leafCount(p.query)).toBeLessThan(60);
  });
});
