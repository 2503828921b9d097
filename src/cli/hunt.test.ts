import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Event } from '../core/event.js';
import { newEventId, tenantId } from '../core/ids.js';
import { SqliteEventStore } from '../store/embedded/sqlite-event-store.js';
import { registerHunt } from './hunt.js';

let dir: string;
let config: string;
const T0 = Date.UTC(2026, 2, 10, 9);

function event(tenant: string, time: number, message: string): Event {
  return {
    id: newEventId(),
    tenant: tenantId(tenant),
    time,
    receivedAt: time,
    logsource: { product: 'linux', service: 'sshd' },
    fields: { message },
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yagura-cli-hunt-'));
  config = join(dir, 'yagura.yaml');
  writeFileSync(
    config,
    `dataDir: ${JSON.stringify(join(dir, 'data'))}\ntenants:\n  - id: acme\n  - id: globex\n`,
  );
  writeFileSync(
    join(dir, 'rule.yml'),
    [
      'title: SSH Root Login Failure',
      'id: 0b7a0d4e-0000-4000-8000-00000000beef',
      'level: high',
      'logsource: {product: linux, service: sshd}',
      'detection:',
      '  sel:',
      "    message|contains: 'Failed password for root'",
      '  condition: sel',
      '',
    ].join('\n'),
  );
  const store = new SqliteEventStore({ dataDir: join(dir, 'data'), minFreeBytes: 0 });
  await store.append([
    event('acme', T0, 'Failed password for root from 203.0.113.7'),
    event('acme', T0 + 60_000, 'Accepted publickey for deploy'),
    event('globex', T0 + 120_000, 'Failed password for root from 198.51.100.9'),
    event('acme', T0 + 86_400_000, 'Failed password for root, the next day'),
  ]);
  await store.close();
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function hunt(...args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command('yagura').option('-c, --config <file>').exitOverride();
  registerHunt(program);
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    await program.parseAsync([
      'node',
      'yagura',
      '--config',
      config,
      'hunt',
      '--rules',
      join(dir, 'rule.yml'),
      ...args,
    ]);
  } finally {
    vi.restoreAllMocks();
  }
  return { out, err };
}

describe('yagura hunt', () => {
  it('prints the findings of the range, oldest first, for every tenant', async () => {
    const from = new Date(T0 - 1000).toISOString();
    const to = new Date(T0 + 3_600_000).toISOString();
    const { out, err } = await hunt('--from', from, '--to', to, '--format', 'jsonl');
    const findings = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { tenant: string; time: number; rule: { title: string } });
    expect(findings.map((f) => [f.tenant, f.time])).toEqual([
      ['acme', T0],
      ['globex', T0 + 120_000],
    ]);
    expect(findings[0]!.rule.title).toBe('SSH Root Login Failure');
    expect(err).toMatch(/1 rules: 1 narrowed by the store \(0 exactly\)/);
    expect(err).toMatch(/Done: 2 findings, 2 events examined/);
  });

  it('keeps to the tenants named', async () => {
    const { out } = await hunt(
      '--from',
      String(T0 - 1),
      '--to',
      String(T0 + 2 * 86_400_000),
      '-t',
      'acme',
      '-f',
      'csv',
    );
    const rows = out.trim().split('\n');
    expect(rows[0]).toBe('time,tenant,level,rule_id,rule_title,event_id,summary');
    expect(rows.slice(1).map((r) => r.split(',')[1])).toEqual(['acme', 'acme']);
  });

  it('explains how each rule is searched without reading the store', async () => {
    const { out } = await hunt('--explain');
    expect(out).toMatch(/^wider\s+store query, 2 field reads\s+SSH Root Login Failure$/m);
    expect(out).toMatch(/only a text message is seen by the store/);
  });
});
