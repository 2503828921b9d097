import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openAccess } from '../access/open.js';
import { registerTenant } from './tenant.js';
import { parseExpiry, registerToken } from './token.js';
import { registerUser } from './user.js';

let dir: string;
let config: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yagura-cli-access-'));
  config = join(dir, 'yagura.yaml');
  writeFileSync(config, `dataDir: ${JSON.stringify(join(dir, 'data'))}\n`);
});
afterEach(() => {
  delete process.env.YAGURA_PASSWORD;
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

// Runs one command line in-process, as bin/yagura.js would, and returns what it printed on stdout.
async function run(...args: string[]): Promise<string> {
  const program = new Command('yagura').option('-c, --config <file>').exitOverride();
  program.configureOutput({ writeErr: () => undefined });
  registerTenant(program);
  registerUser(program);
  registerToken(program);
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'yagura', '--config', config, ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  return out;
}

describe('the tenant, user and token commands', () => {
  it('set up an installation from nothing: tenant, first admin, csirt user and a working token', async () => {
    expect(await run('tenant', 'add', 'Acme Corp', '--time-zone', 'Asia/Tokyo', '--language', 'ja')).toBe(
      'acme-corp\n',
    );
    await run('tenant', 'add', 'Globex', '--id', 'globex', '--source', '10.9.0.0/16');
    const listed = await run('tenant', 'list');
    expect(listed.split('\n')[0]).toMatch(/^ID\s+NAME\s+TIME ZONE/);
    expect(listed).toMatch(/acme-corp\s+Acme Corp\s+Asia\/Tokyo\s+ja/);

    process.env.YAGURA_PASSWORD = 'plum-kettle-harbour-42';
    expect(await run('user', 'add', 'root', '--role', 'admin')).toMatch(/^u_[0-9a-f]{20}\n$/);
    await run('user', 'add', 'aiko', '--role', 'csirt', '--tenant', 'acme-corp');
    expect(await run('user', 'list')).toMatch(/aiko\s+csirt\s+acme-corp\s+enabled/);

    const token = (await run('token', 'create', 'aiko', '--name', 'sync', '--expires', '30d')).trim();
    expect(token).toMatch(/^ygr_[0-9a-f]{16}_\S{43}$/);

    const access = await openAccess(join(dir, 'data'));
    try {
      const actor = await access.tokens.resolve(token);
      expect(actor).toMatchObject({ kind: 'token', name: 'aiko', role: 'csirt', tenants: ['acme-corp'] });
      await expect(access.users.authenticate('aiko', 'plum-kettle-harbour-42')).resolves.toMatchObject({
        kind: 'user',
      });
      const page = await access.audit.query({ tenants: 'all', limit: 50 });
      const actions = page.entries.map((e) => e.action).reverse();
      expect(actions).toEqual([
        'tenant.create',
        'tenant.create',
        'user.create',
        'user.create',
        'token.create',
        'auth.login',
      ]);
      expect(page.entries.at(-1)!.actor.name).toMatch(/^cli:/);
      expect((await access.audit.verify()).ok).toBe(true);
    } finally {
      await access.close();
    }
  });

  it('refuse to create a user without a password when there is no terminal', async () => {
    await run('tenant', 'add', 'Acme', '--id', 'acme');
    await expect(run('user', 'add', 'root', '--role', 'admin')).rejects.toThrow(/YAGURA_PASSWORD/);
  });

  it('report the password policy, an unknown role and a bad expiry as errors', async () => {
    process.env.YAGURA_PASSWORD = 'short';
    await expect(run('user', 'add', 'root', '--role', 'admin')).rejects.toMatchObject({
      code: 'PASSWORD_POLICY',
    });
    await expect(run('user', 'add', 'root', '--role', 'boss')).rejects.toThrow(/--role must be one of/);
    await expect(run('token', 'create', 'root', '--expires', 'soon')).rejects.toMatchObject({
      code: 'TIME_INVALID',
    });
  });

  it('revoke a token so it no longer resolves', async () => {
    process.env.YAGURA_PASSWORD = 'plum-kettle-harbour-42';
    await run('user', 'add', 'root', '--role', 'admin');
    const token = (await run('token', 'create', 'root')).trim();
    const id = token.split('_')[1]!;
    expect(await run('token', 'list', 'root')).toMatch(new RegExp(`${id}\\s+cli\\s+\\S+\\s+active`));
    await run('token', 'revoke', id);
    const access = await openAccess(join(dir, 'data'));
    try {
      await expect(access.tokens.resolve(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await access.close();
    }
  });
});

describe('the tenant token commands', () => {
  it('add, list and revoke ingest and HEC tokens that the services then honour', async () => {
    await run('tenant', 'add', 'Acme', '--id', 'acme');
    const ingest = (
      await run('tenant', 'token', 'add', 'acme', '--kind', 'ingest', '--name', 'scripts')
    ).trim();
    const hec = (await run('tenant', 'token', 'add', 'acme', '--kind', 'hec', '--name', 'fluent-bit')).trim();
    expect(ingest).toMatch(/^ygi_[A-Za-z0-9_-]{43}$/);
    expect(hec).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const listed = await run('tenant', 'token', 'list', 'acme');
    expect(listed.split('\n')[0]).toMatch(/^ID\s+KIND\s+NAME\s+PREFIX\s+STATE/);
    expect(listed).toMatch(/it_[0-9a-f]{16}\s+ingest\s+scripts\s+ygi_\S+\s+active/);
    expect(listed).not.toContain(ingest.slice(8));
    const json = (await run('tenant', 'token', 'list', 'acme', '--json'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; kind: string; name: string });
    const hecId = json.find((t) => t.kind === 'hec')!.id;

    await run('tenant', 'token', 'revoke', hecId);
    expect(await run('tenant', 'token', 'list', 'acme')).toMatch(
      new RegExp(`${hecId}\\s+hec\\s+fluent-bit\\s+\\S+\\s+revoked`),
    );
    const access = await openAccess(join(dir, 'data'));
    try {
      expect(await access.ingestTokens.lookup('ingest', ingest)).toMatchObject({
        tenant: 'acme',
        name: 'scripts',
      });
      expect(await access.ingestTokens.lookup('hec', hec)).toBeUndefined();
      const page = await access.audit.query({ tenants: 'all', limit: 50 });
      expect(page.entries.map((e) => e.action).reverse()).toEqual([
        'tenant.create',
        'ingest-token.create',
        'ingest-token.create',
        'ingest-token.revoke',
      ]);
    } finally {
      await access.close();
    }
  });

  it('refuse an unknown kind, an unknown tenant and an unknown token id', async () => {
    await run('tenant', 'add', 'Acme', '--id', 'acme');
    await expect(run('tenant', 'token', 'add', 'acme', '--kind', 'syslog', '--name', 'x')).rejects.toThrow(
      /--kind must be ingest or hec/,
    );
    await expect(run('tenant', 'token', 'add', 'nope', '--kind', 'hec', '--name', 'x')).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
    await expect(run('tenant', 'token', 'revoke', 'it_0000000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('parseExpiry', () => {
  it('reads durations from now and ISO times', () => {
    const now = Date.parse('2025-04-01T00:00:00Z');
    expect(parseExpiry('30d', now).toISOString()).toBe('2025-05-01T00:00:00.000Z');
    expect(parseExpiry('12h', now).toISOString()).toBe('2025-04-01T12:00:00.000Z');
    expect(parseExpiry('2025-06-30T09:00:00+09:00', now).toISOString()).toBe('2025-06-30T00:00:00.000Z');
    expect(() => parseExpiry('0d', now)).toThrow(/--expires/);
  });
});
