import { describe, expect, it } from 'vitest';
import type { LogSource } from '../../core/event.js';
import { loadRuleText, problemText } from '../sigma/loader.js';
import { loadMetaRules } from './index.js';
import { docs, event, run, T0 } from './test-support.js';

const rule = (title: string, id: string, logsource = '{product: test}') =>
  [
    `title: ${title}`,
    `id: ${id}`,
    `logsource: ${logsource}`,
    'detection:',
    '  selection: {action: archive}',
    '  condition: selection',
  ].join('\n');
const RAR = '6f3e2987-db24-4c78-a860-b4f4095a7095';
const ZIP = 'df0841c0-9846-4e9f-ad8a-7df91571771b';
const filter = (rules: string, logsource = '{product: test}', condition = 'selection') =>
  [
    'title: Filter Administrator account',
    'description: The valid administrator account start with adm_',
    `logsource: ${logsource}`,
    'filter:',
    `  rules: ${rules}`,
    '  selection:',
    "    User|startswith: 'adm_'",
    `  condition: ${condition}`,
  ].join('\n');
const archive = (user: string, logsource: LogSource = { product: 'test' }) =>
  event(T0, { action: 'archive', User: user }, logsource);
const titles = (text: string, events: ReturnType<typeof archive>[]) =>
  run(text, events).alerts.map((f) => `${f.rule.title}:${String(f.events[0]!.fields.User)}`);

describe('Sigma filters', () => {
  it('leave out the matches of the rules they name, and only those', () => {
    const text = docs(rule('Rar', RAR), rule('Zip', ZIP), filter(`[${RAR}]`));
    expect(titles(text, [archive('adm_bob'), archive('alice')])).toEqual([
      'Zip:adm_bob',
      'Rar:alice',
      'Zip:alice',
    ]);
  });

  it('apply only to events of their own log source', () => {
    const text = docs(rule('Rar', RAR), filter(`[${RAR}]`, '{product: test, service: ssh}'));
    const ssh = archive('adm_bob', { product: 'test', service: 'ssh' });
    const web = archive('adm_bob', { product: 'test', service: 'web' });
    expect(titles(text, [ssh, web])).toEqual(['Rar:adm_bob']);
    expect(run(text, [ssh, web]).rules.filtered).toBe(1);
  });

  it('apply to every rule of their log source when rules says any', () => {
    const text = docs(
      rule('Rar', RAR),
      rule('Zip', ZIP),
      rule('Other', 'c0ffee00-0000-4000-8000-000000000001', '{product: other}'),
      filter('any'),
    );
    const other = archive('adm_bob', { product: 'other' });
    expect(titles(text, [archive('adm_bob'), other])).toEqual(['Other:adm_bob']);
  });

  it('may name rules by their name', () => {
    const text = docs(
      rule('Rar', RAR).replace('title: Rar', 'title: Rar\nname: rar_archive'),
      filter('[rar_archive]'),
    );
    expect(titles(text, [archive('adm_bob')])).toEqual([]);
  });

  describe('problems', () => {
    const problems = (text: string) => {
      const loaded = loadRuleText(text, 'mf_test.yml');
      const meta = loadMetaRules(loaded);
      return { lines: meta.problems.map(problemText), filtered: meta.filters.size };
    };
    const line = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

    it('refuse a filter naming a rule that did not load, pointing at the reference', () => {
      const text = docs(
        rule('Rar', RAR),
        filter(`\n    - ${RAR}\n    - 00000000-0000-4000-8000-000000000000`),
      );
      expect(problems(text)).toEqual({
        lines: [
          `mf_test.yml:${line(text, '- 0000')}: RULE_INVALID: filter.rules: no loaded rule has the id or name "00000000-0000-4000-8000-000000000000" (Filter Administrator account)`,
        ],
        filtered: 0,
      });
    });

    it('refuse a condition written the pySigma way ("not selection"), which would invert the filter', () => {
      const text = docs(rule('Rar', RAR), filter(`[${RAR}]`, '{product: test}', 'not selection'));
      expect(problems(text).lines).toEqual([
        expect.stringMatching(
          new RegExp(`^mf_test.yml:${line(text, 'condition: not')}: RULE_INVALID: .*drop the "not"`),
        ),
      ]);
    });

    it('refuse a filter whose log source never meets the rule', () => {
      const text = docs(rule('Rar', RAR), filter(`[${RAR}]`, '{product: windows}'));
      expect(problems(text).lines).toEqual([
        expect.stringMatching(/mf_test.yml:\d+: RULE_INVALID: the filter's logsource never meets rule "Rar"/),
      ]);
    });

    it('report a bad selection at its line, as for rules', () => {
      const text = docs(rule('Rar', RAR), filter(`[${RAR}]`).replace('User|startswith', 'User|startswiht'));
      expect(problems(text).lines).toEqual([
        `mf_test.yml:${line(text, 'User|startswiht')}: RULE_UNKNOWN_MODIFIER: User|startswiht: unknown modifier "startswiht" (Filter Administrator account)`,
      ]);
    });

    it('refuse a filter without rules or condition', () => {
      const noRules = docs(rule('Rar', RAR), filter(`[${RAR}]`).replace(`  rules: [${RAR}]\n`, ''));
      expect(problems(noRules).lines).toEqual([
        expect.stringMatching(/filter.rules must list rule ids or names/),
      ]);
      const noCondition = docs(rule('Rar', RAR), filter(`[${RAR}]`).replace('  condition: selection', ''));
      expect(problems(noCondition).lines).toEqual([
        expect.stringMatching(/filter.condition must be one condition text/),
      ]);
    });
  });
});
