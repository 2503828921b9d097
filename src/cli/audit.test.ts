import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../access/actor.js';
import { AuditLog } from '../audit/index.js';
import { tenantId } from '../core/ids.js';
import { openStateDb, stateDbPath } from '../state/database.js';
import { registerAudit } from './audit.js';

const admin: Actor = { kind: 'cli', id: 'root', name: 'cli:root', role: 'admin', tenants: 'all' };

let dir: string;
let configPath: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yagura-cli-audit-'));
  configPath = join(dir, 'yagura.yaml');
  writeFileSync(configPath, `dataDir: ${JSON.stringify(join(dir, 'data'))}\n`);
  const db = await openStateDb({ dataDir: join(dir, 'data') });
  const log = new AuditLog(db, { now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
  for (let i = 1; i <= 12; i++) {
    await log.record({
      actor: admin,
      action: i % 2 ? 'tenant.create' : 'auth.login',
      outcome: 'success',
      tenant: tenantId(i % 3 ? 'acme' : 'beta'),
      target: { type: 'tenant', id: `t${i}` },
    });
  }
  await db.destroy();
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  const program = new Command('yagura').option('-c, --config <file>').exitOverride();
  registerAudit(program);
  try {
    await program.parseAsync(['node', 'yagura', '--config', configPath, 'audit', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  return { out, err, code };
}

function tamper(statements: string): void {
  const raw = new Database(stateDbPath(join(dir, 'data')));
  raw.exec(statements);
  raw.close();
}

describe('yagura audit verify', () => {
  it('reports an intact chain with its entry count and exits 0', async () => {
    const { out, code } = await run('verify');
    expect(out).toMatch(/^audit chain intact: 12 entries \(head 12:[0-9a-f]{64}\)\n$/);
    expect(code).toBeUndefined();
  });

  it('names the edited row and why, and exits 1', async () => {
    tamper(`drop trigger audit_log_no_update; update audit_log set actor_name = 'mallory' where seq = 5`);
    const { out, code } = await run('verify');
    expect(out).toContain('audit chain broken at seq 5: hash mismatch.');
    expect(out).toContain('(4 entries before it are intact)');
    expect(code).toBe(1);
  });

  it('names a deleted row as a sequence gap', async () => {
    tamper('drop trigger audit_log_no_delete; delete from audit_log where seq = 8');
    const { out, code } = await run('verify');
    expect(out).toContain('audit chain broken at seq 8: sequence gap.');
    expect(code).toBe(1);
  });

  it('checks the chain against a head printed earlier', async () => {
    const head = (await run('head')).out.trim();
    expect(head).toMatch(/^12:[0-9a-f]{64}$/);
    expect((await run('verify', '--anchor', head)).code).toBeUndefined();
    const { out, code } = await run('verify', '--anchor', `12:${'0'.repeat(64)}`);
    expect(out).toContain('seq 12: anchor mismatch');
    expect(code).toBe(1);
  });
});

describe('yagura audit list', () => {
  it('prints a table newest first, filtered by tenant and action prefix', async () => {
    const { out, err } = await run('list', '--tenant', 'beta', '--action', 'auth.');
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^seq\s+time\s+actor\s+address\s+tenant\s+action\s+outcome\s+target$/);
    expect(lines.slice(2).map((l) => l.split(/\s+/)[0])).toEqual(['12', '6']);
    expect(lines[2]).toContain('2025-01-02T03:04:05.000Z');
    expect(lines[2]).toContain('cli:root (admin)');
    expect(err).toBe('2 entries.\n');
  });

  it('prints JSON lines up to the limit and says when more match', async () => {
    const { out } = await run('list', '--limit', '3', '--format', 'json');
    const entries = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; hash: string });
    expect(entries.map((e) => e.seq)).toEqual([12, 11, 10]);
    const table = await run('list', '--limit', '3');
    expect(table.err).toBe('3 entries; more match (raise --limit).\n');
  });

  it('rejects an unknown format', async () => {
    await expect(run('list', '--format', 'xml')).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });
});
