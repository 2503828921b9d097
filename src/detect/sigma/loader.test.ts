import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, loadRuleText, problemText } from './loader.js';

const SIGMA = [resolve(import.meta.dirname, '../../../../shared/sigma'), '/work/shared/sigma'].find((p) =>
  existsSync(p),
);

const RULE = `title: Suspicious Encoded PowerShell
id: 0b2a1a2b-0000-4000-8000-000000000001
status: test
level: high
author: Example Author
tags: [attack.execution, attack.t1059.001]
logsource:
  product: windows
  category: process_creation
detection:
  selection_img:
    Image|endswith: '\\powershell.exe'
  selection_cli:
    CommandLine|contains|windash: ' -enc '
  filter:
    User: SYSTEM
  condition: all of selection_* and not filter
`;

describe('loading Sigma rules', () => {
  it('reads metadata, selections and the resolved condition', () => {
    const { rules, problems } = loadRuleText(RULE, 'example.yml');
    expect(problems).toEqual([]);
    const [rule] = rules;
    expect(rule).toMatchObject({
      id: '0b2a1a2b-0000-4000-8000-000000000001',
      title: 'Suspicious Encoded PowerShell',
      level: 'high',
      status: 'test',
      author: 'Example Author',
      tags: ['attack.execution', 'attack.t1059.001'],
      logsource: { product: 'windows', category: 'process_creation' },
      source: { path: 'example.yml', line: 1 },
    });
    expect([...rule!.selections.keys()]).toEqual(['selection_img', 'selection_cli', 'filter']);
    expect(rule!.condition.kind).toBe('and');
  });

  it('names the file and line of every problem, and keeps going after the first', () => {
    const text = `title: A\nlogsource: {product: windows}\ndetection:\n  sel:\n    Image|endswithh: x\n  condition: sel\n---\ntitle: B\nlogsource: {product: windows}\ndetection:\n  sel:\n    Image: x\n  condition: sel and nope\n---\ntitle: C\nlogsource: {product: windows}\ndetection:\n  sel:\n    Image: x\n  condition: sel\n`;
    const { rules, problems } = loadRuleText(text, 'bad.yml');
    expect(rules.map((r) => r.title)).toEqual(['C']);
    expect(problems.map(problemText)).toEqual([
      'bad.yml:5: RULE_UNKNOWN_MODIFIER: Image|endswithh: unknown modifier "endswithh" (A)',
      'bad.yml:13: RULE_CONDITION_SYNTAX: condition "sel and nope": no selection named "nope" (B)',
    ]);
  });

  it('refuses a rule without title, logsource or condition, and broken YAML', () => {
    const { problems } = loadRuleText(
      'logsource: {product: x}\ndetection: {sel: {a: 1}, condition: sel}\n---\ntitle: x\n  bad: [\n',
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/title is required/),
      expect.stringMatching(/^YAML: /),
    ]);
  });

  it('sets correlation and filter documents aside for their own loaders', () => {
    const { rules, meta } = loadRuleText('title: many\ncorrelation:\n  type: event_count\n  rules: [a]\n');
    expect(rules).toEqual([]);
    expect(meta).toHaveLength(1);
  });
});

describe.skipIf(!SIGMA)('the SigmaHQ rule set', () => {
  it('loads every rule, and reports the few that cannot run with the reason', () => {
    const folders = [
      'rules',
      'rules-emerging-threats',
      'rules-threat-hunting',
      'rules-placeholder',
      'rules-compliance',
    ]
      .map((f) => `${SIGMA}/rules/${f}`)
      .filter((f) => existsSync(f));
    const { rules, problems } = loadRules(folders.length > 0 ? folders : [`${SIGMA}/rules`]);
    const total = rules.length + problems.length;
    console.log(`SigmaHQ: ${rules.length} rules loaded, ${problems.length} refused of ${total}`);
    for (const p of problems.slice(0, 40)) console.log(`  ${problemText(p)}`);
    expect(total).toBeGreaterThanOrEqual(3780);
    // Only placeholders without configured values may be refused.
    expect(problems.filter((p) => !/has no values configured/.test(p.message))).toEqual([]);
  }, 300_000);
});
