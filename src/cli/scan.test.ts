import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerScan } from './scan.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yagura-cli-scan-'));
  writeFileSync(
    join(dir, 'rule.yml'),
    [
      'title: SSH Brute Force Attempt',
      'id: 6a2c3e9e-0000-4000-8000-00000000abcd',
      'level: medium',
      'author: Test Author',
      'tags: [attack.credential-access, attack.t1110]',
      'logsource: {product: linux, service: sshd}',
      'detection:',
      '  keywords:',
      "    - 'Failed password'",
      '  condition: keywords',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'auth.log'),
    [
      '<38>Nov 28 09:15:02 bastion01 sshd[4242]: Failed password for root from 203.0.113.7 port 52144 ssh2',
      '<38>Nov 28 09:15:09 bastion01 sshd[4242]: Accepted publickey for deploy from 10.0.0.5 port 52150 ssh2',
      '<13>Nov 28 09:15:10 web01 app: Failed password is just a phrase here',
      '',
    ].join('\n'),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function scan(args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const program = new Command().exitOverride();
  registerScan(program);
  await program.parseAsync([
    'node',
    'yagura',
    'scan',
    '--rules',
    join(dir, 'rule.yml'),
    ...args,
    join(dir, 'auth.log'),
  ]);
  vi.restoreAllMocks();
  return { out, err };
}

describe('yagura scan', () => {
  it('prints one finding per matching event, only for events of the rule’s log source, and a summary', async () => {
    const { out, err } = await scan([]);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/medium +SSH Brute Force Attempt +\| +Failed password for root from 203\.0\.113\.7/);
    expect(err).toMatch(
      /3 events, 1 findings from 1 rules in [\d.]+ s\n +medium +1 +SSH Brute Force Attempt/,
    );
  });

  it('writes JSON lines with the rule (id, title, level, author, tags) and the matched event', async () => {
    const { out } = await scan(['--format', 'jsonl']);
    const finding = JSON.parse(out.trim()) as {
      kind: string;
      rule: Record<string, unknown>;
      event: { fields: Record<string, unknown> };
    };
    expect(finding.rule).toEqual({
      id: '6a2c3e9e-0000-4000-8000-00000000abcd',
      title: 'SSH Brute Force Attempt',
      level: 'medium',
      author: 'Test Author',
      tags: ['attack.credential-access', 'attack.t1110'],
    });
    expect(finding.kind).toBe('sigma');
    expect(finding.event.fields['source.ip']).toBe('203.0.113.7');
  });

  it('matches threat-intel lists given with --intel, whatever the age of the logs', async () => {
    writeFileSync(join(dir, 'intel.csv'), 'type,value\nipv4,203.0.113.7\ndomain,not an indicator\n');
    const { out, err } = await scan(['--intel', join(dir, 'intel.csv'), '--format', 'jsonl']);
    const findings = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; rule: { id: string }; matched: Record<string, unknown> });
    expect(findings.map((f) => f.kind).sort()).toEqual(['intel', 'sigma']);
    expect(findings.find((f) => f.kind === 'intel')).toMatchObject({
      rule: { id: 'intel:intel' },
      matched: { 'source.ip': '203.0.113.7' },
    });
    expect(err).toMatch(/indicator skipped: .*intel\.csv: line 3/);
    expect(err).toMatch(/1 rules, 1 indicators ready/);
  });

  it('writes CSV with a header', async () => {
    const { out } = await scan(['--format', 'csv']);
    const [header, row] = out.trim().split('\n');
    expect(header).toBe('time,level,rule_id,rule_title,rule_author,summary');
    expect(row).toMatch(
      /,medium,6a2c3e9e-0000-4000-8000-00000000abcd,SSH Brute Force Attempt,Test Author,Failed password for root/,
    );
  });

  it('refuses an unknown output format', async () => {
    await expect(scan(['--format', 'xml'])).rejects.toThrow(/--format: "xml" is not table, csv or jsonl/);
  });
});

describe('yagura scan with correlation and filter documents', () => {
  const failed = (second: number, ip: string, user = 'root') =>
    `<38>Nov 28 09:15:${String(second).padStart(2, '0')} bastion01 sshd[4242]: Failed password for ${user} from ${ip} port 52144 ssh2`;

  async function scanFiles(rules: string, log: string[], args: string[] = []) {
    writeFileSync(join(dir, 'mr_ssh.yml'), rules);
    writeFileSync(join(dir, 'ssh.log'), [...log, ''].join('\n'));
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const program = new Command().exitOverride();
    registerScan(program);
    await program.parseAsync([
      'node',
      'yagura',
      'scan',
      '--rules',
      join(dir, 'mr_ssh.yml'),
      ...args,
      join(dir, 'ssh.log'),
    ]);
    vi.restoreAllMocks();
    return { out, err };
  }

  const RULES = [
    'title: SSH brute force from one address',
    'id: 7d2f0a4e-0000-4000-8000-00000000c0de',
    'level: high',
    'correlation:',
    '  type: event_count',
    '  rules: [ssh_failed_password]',
    '  group-by: [source.ip]',
    '  timespan: 1m',
    '  condition: {gte: 3}',
    '---',
    'title: SSH failed password',
    'name: ssh_failed_password',
    'level: low',
    'logsource: {product: linux, service: sshd}',
    'detection:',
    '  keywords: [Failed password]',
    '  condition: keywords',
    '',
  ].join('\n');
  const LOG = [
    failed(1, '203.0.113.7'),
    failed(2, '198.51.100.4'),
    failed(3, '203.0.113.7'),
    failed(9, '203.0.113.7'),
  ];

  it('prints the correlation finding, keeps back the matches of the rule it uses, and counts both', async () => {
    const { out, err } = await scanFiles(RULES, LOG);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /T09:15:09\.000Z +high +SSH brute force from one address +\| +event_count 3 by source\.ip=203\.0\.113\.7 \(3 matches, 09:15:01Z\.\.09:15:09Z\)/,
    );
    expect(err).toMatch(/1 rules, 1 correlations ready/);
    expect(err).toMatch(
      /4 events, 1 findings from 1 rules in [\d.]+ s\n +high +1 +SSH brute force from one address\n/,
    );
    expect(err).toMatch(/4 matches of rules used by correlations not shown \(generate: false\)/);
  });

  it('writes a correlation as JSON with its group, figure and sample of events', async () => {
    const { out } = await scanFiles(RULES, LOG, ['--format', 'jsonl']);
    const finding = JSON.parse(out.trim()) as {
      kind: string;
      correlation: { group: Record<string, string>; value: number; rules: string[] };
      events: { fields: Record<string, unknown> }[];
    };
    expect(finding.kind).toBe('correlation');
    expect(finding.correlation).toMatchObject({
      group: { 'source.ip': '203.0.113.7' },
      value: 3,
      rules: ['ssh_failed_password'],
    });
    expect(finding.events.map((e) => e.fields['source.ip'])).toEqual([
      '203.0.113.7',
      '203.0.113.7',
      '203.0.113.7',
    ]);
  });

  it('applies a filter from the same file and says how many matches it left out', async () => {
    const filter = [
      '---',
      'title: Ignore the scanner host',
      'logsource: {product: linux, service: sshd}',
      'filter:',
      '  rules: [ssh_failed_password]',
      '  selection: {source.ip: 203.0.113.7}',
      '  condition: selection',
      '',
    ].join('\n');
    const { out, err } = await scanFiles(RULES + filter, LOG);
    expect(out).toBe('');
    expect(err).toMatch(/1 rules, 1 correlations, 1 filters ready/);
    expect(err).toMatch(/3 matches left out by filters/);
  });

  it('reports a broken correlation document with its file and line and scans on', async () => {
    const broken = RULES.replace('timespan: 1m', 'timespan: 1 minute');
    const { out, err } = await scanFiles(broken, LOG);
    expect(err).toMatch(/rule skipped: .*mr_ssh\.yml:8: RULE_INVALID: timespan "1 minute" must be a number/);
    expect(out.trim().split('\n')).toHaveLength(4);
  });
});
