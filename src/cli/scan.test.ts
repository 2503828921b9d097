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
    expect(err).toMatch(/3 events, 1 findings from 1 rules\n +medium +1 +SSH Brute Force Attempt/);
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
