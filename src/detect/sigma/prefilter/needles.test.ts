import { describe, expect, it } from 'vitest';
import { loadRuleText } from '../loader.js';
import { KEYWORDS, ruleNeedGroups, ruleNeeds } from './needles.js';

function needsOf(detection: string): { field: string; text: string }[] | undefined {
  const { rules, problems } = loadRuleText(
    `title: t\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n${detection}`,
  );
  expect(problems).toEqual([]);
  return ruleNeeds(rules[0]!)?.sort((a, b) => a.text.localeCompare(b.text));
}

describe('ruleNeeds', () => {
  it('takes the values of an item as alternatives, lower-cased, by their longest literal run', () => {
    expect(
      needsOf(
        `  sel:\n    Image|endswith:\n      - '\\Rundll32.exe'\n      - '\\cmd.exe'\n  condition: sel\n`,
      ),
    ).toEqual([
      { field: 'Image', text: '\\cmd.exe' },
      { field: 'Image', text: '\\rundll32.exe' },
    ]);
    expect(needsOf(`  sel:\n    CommandLine: '*/AppData/*/evil*.dll'\n  condition: sel\n`)).toEqual([
      { field: 'CommandLine', text: '/appdata/' },
    ]);
  });

  it('needs one item of an AND and every branch of an OR', () => {
    const and = needsOf(
      `  sel:\n    Image|endswith: '\\certutil.exe'\n    CommandLine|contains: 'urlcache'\n  condition: sel\n`,
    );
    expect(and).toHaveLength(1);
    expect(
      needsOf(
        `  a:\n    Image|endswith: '\\a.exe'\n  b:\n    Image|endswith: '\\b.exe'\n  condition: a or b\n`,
      ),
    ).toEqual([
      { field: 'Image', text: '\\a.exe' },
      { field: 'Image', text: '\\b.exe' },
    ]);
  });

  it('gives up where nothing is provable: negation, an OR branch without text, regexes, neq', () => {
    expect(needsOf(`  sel:\n    Image|endswith: '\\a.exe'\n  condition: not sel\n`)).toBeUndefined();
    expect(
      needsOf(`  a:\n    Image|endswith: '\\a.exe'\n  b:\n    Image|re: '[a-z]+'\n  condition: a or b\n`),
    ).toBeUndefined();
    expect(needsOf(`  sel:\n    Image|neq: 'x.exe'\n  condition: sel\n`)).toBeUndefined();
    // But "a and not b" still needs a.
    expect(
      needsOf(`  a:\n    Image|endswith: '\\a.exe'\n  b:\n    User: 'x'\n  condition: a and not b\n`),
    ).toEqual([{ field: 'Image', text: '\\a.exe' }]);
  });

  it('takes from a regex the literal text each of its alternatives requires', () => {
    expect(
      needsOf(`  sel:\n    CommandLine|re: '(?i)invoke-(mimikatz|expression)|DumpCreds'\n  condition: sel\n`),
    ).toEqual([
      { field: 'CommandLine', text: 'dumpcreds' },
      { field: 'CommandLine', text: 'invoke-' },
    ]);
  });

  it('looks for keywords also as they read inside a JSON line', () => {
    expect(needsOf(`  keywords:\n    - 'C:\\Temp\\x'\n  condition: keywords\n`)).toEqual([
      { field: KEYWORDS, text: 'c:\\\\temp\\\\x' },
      { field: KEYWORDS, text: 'c:\\temp\\x' },
    ]);
  });

  it('gives two groups for an AND, strongest first, so a common needle alone does not make a candidate', () => {
    const { rules } = loadRuleText(
      `title: t\nlogsource: {product: windows, category: process_creation}\ndetection:\n` +
        `  sel:\n    Company: 'Microsoft Corporation'\n    Image|endswith: '\\csi.exe'\n` +
        `  other:\n    User: x\n  condition: sel and not other\n`,
    );
    expect(ruleNeedGroups(rules[0]!)).toEqual([
      [{ field: 'Company', text: 'microsoft corporation' }],
      [{ field: 'Image', text: '\\csi.exe' }],
    ]);
    // One group at most when asked, and none under a `not` or for an OR branch without needles.
    expect(ruleNeedGroups(rules[0]!, 1)).toHaveLength(1);
    const { rules: or } = loadRuleText(
      `title: t\nlogsource: {product: windows}\ndetection:\n  a:\n    Image|endswith: '\\a.exe'\n` +
        `  b:\n    Image|re: '[a-z]+'\n  condition: a or b\n`,
    );
    expect(ruleNeedGroups(or[0]!)).toBeUndefined();
  });
});
