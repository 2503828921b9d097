import { describe, expect, it } from 'vitest';
import { loadRuleText, problemText } from '../sigma/loader.js';
import { loadMetaRules } from './index.js';
import { actionRule, correlation, docs } from './test-support.js';

function load(text: string) {
  const loaded = loadRuleText(text, 'mr_test.yml');
  const meta = loadMetaRules(loaded);
  return { ...meta, lines: meta.problems.map(problemText) };
}

/** The line of the first occurrence of `needle` in the text (1-based). */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  return text.slice(0, at).split('\n').length;
}

describe('loading correlation rules', () => {
  it('reads every key of the spec’s event_count example', () => {
    const text = docs(
      actionRule('failed', 'fail', 'id: 5638f7c0-ac70-491d-8465-2a65075e0d86'),
      correlation(
        'Many failed logins',
        [
          'type: event_count',
          'rules:',
          '  - 5638f7c0-ac70-491d-8465-2a65075e0d86',
          'group-by:',
          '  - ComputerName',
          'timespan: 1h',
          'condition:',
          '  gte: 100',
        ],
        [
          'id: 0e95725d-7320-415d-80f7-004da920fc11',
          'level: high',
          'author: Someone',
          'tags: [attack.t1110]',
        ],
      ),
    );
    const { correlations, problems } = load(text);
    expect(problems).toEqual([]);
    expect(correlations.correlations).toHaveLength(1);
    const [c] = correlations.correlations;
    expect(c!.rule).toMatchObject({
      id: '0e95725d-7320-415d-80f7-004da920fc11',
      title: 'Many failed logins',
      level: 'high',
      author: 'Someone',
      tags: ['attack.t1110'],
      type: 'event_count',
      rules: ['5638f7c0-ac70-491d-8465-2a65075e0d86'],
      groupBy: ['ComputerName'],
      timespan: { text: '1h', ms: 3_600_000 },
      condition: { comparisons: [{ op: 'gte', value: 100 }], fields: [] },
      generate: false,
      source: { path: 'mr_test.yml', line: lineOf(text, 'title: Many failed logins') },
    });
    expect(c!.inputs).toMatchObject([{ kind: 'rule', rule: { name: 'failed' } }]);
    expect(c!.source).toEqual({
      id: '0e95725d-7320-415d-80f7-004da920fc11',
      title: 'Many failed logins',
      level: 'high',
      author: 'Someone',
      tags: ['attack.t1110'],
    });
  });

  it('reads generate at the top level or inside correlation, and refuses two different values', () => {
    const body = ['type: event_count', 'rules: [failed]', 'timespan: 5m', 'condition: {gte: 2}'];
    const top = load(docs(actionRule('failed', 'fail'), correlation('Top', body, ['generate: true'])));
    expect(top.correlations.correlations[0]!.rule.generate).toBe(true);
    const inner = load(docs(actionRule('failed', 'fail'), correlation('Inner', [...body, 'generate: true'])));
    expect(inner.correlations.correlations[0]!.rule.generate).toBe(true);
    const both = load(
      docs(
        actionRule('failed', 'fail'),
        correlation('Both', [...body, 'generate: true'], ['generate: false']),
      ),
    );
    expect(both.lines).toEqual([expect.stringMatching(/generate is given twice/)]);
  });

  it('names the file and line of each problem and leaves only the broken correlation out', () => {
    const bad = [
      correlation('Bad timespan', [
        'type: event_count',
        'rules: [failed]',
        'timespan: 5 minutes',
        'condition: {gte: 2}',
      ]),
      correlation('No field', [
        'type: value_count',
        'rules: [failed]',
        'timespan: 5m',
        'condition: {gte: 3}',
      ]),
      correlation('Unknown type', [
        'type: event_counter',
        'rules: [failed]',
        'timespan: 5m',
        'condition: {gte: 2}',
      ]),
      correlation('Unknown rule', [
        'type: event_count',
        'rules:',
        '  - failed',
        '  - nope',
        'timespan: 5m',
        'condition: {gte: 2}',
      ]),
      correlation('Good', ['type: event_count', 'rules: [failed]', 'timespan: 5m', 'condition: {gte: 2}']),
    ];
    const text = docs(actionRule('failed', 'fail'), ...bad);
    const { correlations, lines } = load(text);
    expect(correlations.correlations.map((c) => c.rule.title)).toEqual(['Good']);
    expect(lines).toEqual([
      `mr_test.yml:${lineOf(text, 'timespan: 5 minutes')}: RULE_INVALID: timespan "5 minutes" must be a number followed by s, m, h, d or w (e.g. "90m") (Bad timespan)`,
      `mr_test.yml:${lineOf(text, 'condition: {gte: 3}')}: RULE_INVALID: a value_count correlation needs condition.field (the field it reads) (No field)`,
      `mr_test.yml:${lineOf(text, 'type: event_counter')}: RULE_UNSUPPORTED: correlation.type "event_counter" is not one of event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile (Unknown type)`,
      `mr_test.yml:${lineOf(text, '- nope')}: RULE_INVALID: correlation.rules: no loaded rule or correlation has the id or name "nope" (Unknown rule)`,
    ]);
  });

  it('refuses a loop of correlations, and what is built on it', () => {
    const text = docs(
      correlation('Loop A', ['type: temporal', 'rules: [loop_b]', 'timespan: 5m'], ['name: loop_a']),
      correlation('Loop B', ['type: temporal', 'rules: [loop_a]', 'timespan: 5m'], ['name: loop_b']),
      correlation('On top', ['type: temporal', 'rules: [loop_a]', 'timespan: 5m']),
      correlation(
        'Self',
        ['type: event_count', 'rules: [self]', 'timespan: 5m', 'condition: {gte: 2}'],
        ['name: self'],
      ),
    );
    const { correlations, lines } = load(text);
    expect(correlations.correlations).toEqual([]);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^mr_test.yml:${lineOf(text, 'rules: [loop_b]')}: .*loop: Loop A -> Loop B -> Loop A \\(Loop A\\)`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^mr_test.yml:${lineOf(text, 'rules: [loop_a]')}: .*loop: Loop A -> Loop B -> Loop A \\(Loop B\\)`,
        ),
      ),
      expect.stringMatching(/loop: Self -> Self \(Self\)/),
      expect.stringMatching(/refers to correlation "Loop A", which could not be loaded \(On top\)/),
    ]);
  });

  it('refuses an ambiguous name and an alias for a rule the correlation does not name', () => {
    const text = docs(
      actionRule('twice', 'a'),
      actionRule('twice', 'b'),
      actionRule('one', 'c'),
      actionRule('other', 'd'),
      correlation('Ambiguous', [
        'type: event_count',
        'rules: [twice]',
        'timespan: 5m',
        'condition: {gte: 2}',
      ]),
      correlation('Stray alias', [
        'type: temporal',
        'rules: [one]',
        'group-by: [ip]',
        'timespan: 5m',
        'aliases:',
        '  ip: {one: source.ip, other: destination.ip}',
      ]),
    );
    const { lines } = load(text);
    expect(lines).toEqual([
      expect.stringMatching(
        /"twice" is ambiguous: it names rule "twice rule", rule "twice rule" \(Ambiguous\)/,
      ),
      expect.stringMatching(
        new RegExp(
          `:${lineOf(text, '  ip: {one')}: .*alias ip: rule "other rule" is not in correlation.rules`,
        ),
      ),
    ]);
  });

  it('refuses a document that is both a correlation and a filter', () => {
    const { lines } = load('title: Both\ncorrelation: {type: temporal}\nfilter: {rules: [x]}\n');
    expect(lines).toEqual([
      'mr_test.yml:3: RULE_INVALID: a document is either a correlation or a filter, not both',
    ]);
  });
});
