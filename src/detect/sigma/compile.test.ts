import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../core/event.js';
import { compileRule, type EventView } from './compile.js';
import { loadRuleText } from './loader.js';

function view(fields: Record<string, FieldValue>): EventView {
  return {
    get: (f) => fields[f],
    texts: () =>
      Object.values(fields)
        .flatMap((v) => (Array.isArray(v) ? v : [v]))
        .map((v) => String(v)),
  };
}

function rule(detection: string) {
  const { rules, problems } = loadRuleText(
    `title: t\nlogsource: {product: windows}\ndetection:\n${detection}`,
  );
  expect(problems).toEqual([]);
  return compileRule(rules[0]!);
}

describe('compiled Sigma detection', () => {
  it('ANDs the fields of a map and ORs the values of a list', () => {
    const match = rule(
      `  sel:\n    Image|endswith: ['\\cmd.exe', '\\powershell.exe']\n    CommandLine|contains: ' /c '\n  condition: sel\n`,
    );
    expect(match(view({ Image: 'C:\\Windows\\System32\\CMD.EXE', CommandLine: 'cmd /c whoami' }))).toBe(true);
    expect(match(view({ Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd' }))).toBe(false);
    expect(match(view({ Image: 'C:\\x\\notepad.exe', CommandLine: 'cmd /c x' }))).toBe(false);
  });

  it('ORs the maps of a list of maps', () => {
    const match = rule(
      `  sel:\n    - Image|endswith: '\\a.exe'\n    - OriginalFileName: 'b.exe'\n  condition: sel\n`,
    );
    expect(match(view({ OriginalFileName: 'B.EXE' }))).toBe(true);
    expect(match(view({ Image: 'c:\\a.exe' }))).toBe(true);
    expect(match(view({ Image: 'c:\\b.exe' }))).toBe(false);
  });

  it('compares numbers in rules with numbers and with text in events', () => {
    const match = rule(`  sel:\n    EventID: 4688\n  condition: sel\n`);
    expect(match(view({ EventID: 4688 }))).toBe(true);
    expect(match(view({ EventID: '4688' }))).toBe(true);
    expect(match(view({ EventID: 46880 }))).toBe(false);
  });

  it('searches keywords across every value, as parts of the text, and all of them with |all', () => {
    const any = rule(`  keywords:\n    - 'Failed password'\n    - 'Invalid user'\n  condition: keywords\n`);
    expect(any(view({ message: 'sshd: Failed password for root' }))).toBe(true);
    expect(any(view({ message: 'Accepted password for root' }))).toBe(false);
    const all = rule(`  keywords:\n    '|all':\n      - 'root'\n      - 'Failed'\n  condition: keywords\n`);
    expect(all(view({ message: 'Failed password for root' }))).toBe(true);
    expect(all(view({ message: 'Failed password for bob' }))).toBe(false);
  });

  it('reads null as "absent", and exists as presence', () => {
    const absent = rule(
      `  sel:\n    Image: 'x'\n  filter:\n    ParentImage: null\n  condition: sel and not filter\n`,
    );
    expect(absent(view({ Image: 'x', ParentImage: 'y' }))).toBe(true);
    expect(absent(view({ Image: 'x' }))).toBe(false);
    const present = rule(`  sel:\n    User|exists: true\n  condition: sel\n`);
    expect(present(view({ User: 'a' }))).toBe(true);
    expect(present(view({}))).toBe(false);
  });

  it('matches empty values only with an empty string', () => {
    const match = rule(`  sel:\n    Description: ''\n  condition: sel\n`);
    expect(match(view({ Description: '' }))).toBe(true);
    expect(match(view({ Description: 'x' }))).toBe(false);
  });

  it('applies all, windash, neq, cidr, re (with (?i)), numeric and time comparisons', () => {
    expect(
      rule(`  sel:\n    CommandLine|contains|all: ['-nop', '-w hidden']\n  condition: sel\n`)(
        view({ CommandLine: 'ps -nop -w hidden' }),
      ),
    ).toBe(true);
    expect(
      rule(`  sel:\n    CommandLine|contains|windash: ' -enc '\n  condition: sel\n`)(
        view({ CommandLine: 'ps /enc x' }),
      ),
    ).toBe(true);
    expect(rule(`  sel:\n    User|neq: SYSTEM\n  condition: sel\n`)(view({ User: 'system' }))).toBe(false);
    expect(
      rule(`  sel:\n    DestinationIp|cidr: ['10.0.0.0/8', 'fd00::/8']\n  condition: sel\n`)(
        view({ DestinationIp: 'fd12::1' }),
      ),
    ).toBe(true);
    expect(
      rule(`  sel:\n    CommandLine|re: '(?i)invoke-(web)?request'\n  condition: sel\n`)(
        view({ CommandLine: 'INVOKE-WEBREQUEST x' }),
      ),
    ).toBe(true);
    expect(
      rule(`  sel:\n    CommandLine|re: 'invoke'\n  condition: sel\n`)(view({ CommandLine: 'INVOKE' })),
    ).toBe(false);
    expect(rule(`  sel:\n    Count|gt: 5\n  condition: sel\n`)(view({ Count: '6' }))).toBe(true);
    expect(
      rule(`  sel:\n    UtcTime|hour: 3\n  condition: sel\n`)(view({ UtcTime: '2026-11-28 03:15:00Z' })),
    ).toBe(true);
  });

  it('matches case-sensitively only with cased', () => {
    const match = rule(`  sel:\n    Image|cased: 'CMD.exe'\n  condition: sel\n`);
    expect(match(view({ Image: 'CMD.exe' }))).toBe(true);
    expect(match(view({ Image: 'cmd.exe' }))).toBe(false);
  });

  it('compares one field with another through fieldref', () => {
    const match = rule(`  sel:\n    TargetUserName|fieldref: SubjectUserName\n  condition: sel\n`);
    expect(match(view({ TargetUserName: 'Bob', SubjectUserName: 'bob' }))).toBe(true);
    expect(match(view({ TargetUserName: 'Bob', SubjectUserName: 'alice' }))).toBe(false);
  });

  it('finds a Base64 fragment wherever it sits with base64offset|contains', () => {
    const match = rule(`  sel:\n    CommandLine|base64offset|contains: 'IEX'\n  condition: sel\n`);
    for (const prefix of ['', 'a', 'ab']) {
      expect(
        match(
          view({
            CommandLine: `powershell -e ${Buffer.from(`${prefix}IEX(New-Object)`).toString('base64')}`,
          }),
        ),
      ).toBe(true);
    }
  });

  it('evaluates "1 of" and "all of" conditions with filters', () => {
    const match = rule(
      `  selection_a:\n    Image|endswith: '\\a.exe'\n  selection_b:\n    CommandLine|contains: 'x'\n  filter_main:\n    User: SYSTEM\n  condition: 1 of selection_* and not 1 of filter_*\n`,
    );
    expect(match(view({ Image: 'c:\\a.exe', User: 'bob' }))).toBe(true);
    expect(match(view({ CommandLine: 'x', User: 'SYSTEM' }))).toBe(false);
  });
});
