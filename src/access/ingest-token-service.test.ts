import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStateDb } from '../state/database.js';
import type { Actor } from './actor.js';
import { IngestTokenService } from './ingest-token-service.js';
import { ArrayRecorder, accessFixture, type AccessFixture } from './test-support.js';
import { TenantService } from './tenant-service.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let f: AccessFixture;
beforeEach(async () => {
  f = await accessFixture();
  await f.tenants.create(f.cli, { name: 'Acme', id: 'acme' });
  await f.tenants.create(f.cli, { name: 'Globex', id: 'globex' });
});
afterEach(() => f.close());

describe('IngestTokenService', () => {
  it('creates a ygi_ ingest token and a UUID hec token, each granting its tenant', async () => {
    const ingest = await f.ingestTokens.create(f.cli, { tenant: 'acme', kind: 'ingest', name: 'scripts' });
    const hec = await f.ingestTokens.create(f.cli, { tenant: 'globex', kind: 'hec', name: 'fluent-bit' });
    expect(ingest.secret).toMatch(/^ygi_[A-Za-z0-9_-]{43}$/);
    expect(hec.secret).toMatch(UUID_V4);
    expect(ingest.secret.startsWith(ingest.token.prefix)).toBe(true);
    expect(hec.token).toMatchObject({
      tenant: 'globex',
      kind: 'hec',
      name: 'fluent-bit',
      prefix: hec.secret.slice(0, 8),
      createdBy: f.cli.name,
      createdAt: '2025-04-01T00:00:00.000Z',
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(await f.ingestTokens.lookup('ingest', ingest.secret)).toEqual({
      tenant: 'acme',
      tokenId: ingest.token.id,
      name: 'scripts',
    });
    expect(await f.ingestTokens.lookup('hec', hec.secret)).toEqual({
      tenant: 'globex',
      tokenId: hec.token.id,
      name: 'fluent-bit',
    });
    // A token answers only for its own kind of endpoint.
    expect(await f.ingestTokens.lookup('hec', ingest.secret)).toBeUndefined();
    expect(await f.ingestTokens.lookup('ingest', hec.secret)).toBeUndefined();
    expect(await f.ingestTokens.lookup('ingest', 'ygi_' + 'A'.repeat(43))).toBeUndefined();
  });

  it('keeps only a SHA-256 of the secret at rest and never lists the secret', async () => {
    const { secret } = await f.ingestTokens.create(f.cli, { tenant: 'acme', kind: 'ingest', name: 'x' });
    const rows = await f.db.selectFrom('ingest_tokens').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(secret.slice(8));
    expect(dump).not.toContain(secret.slice(12, 30));
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const listed = JSON.stringify(await f.ingestTokens.list(f.cli, { tenant: 'acme' }));
    expect(listed).not.toContain(secret.slice(8));
    expect(JSON.stringify(f.audit.entries)).not.toContain(secret.slice(8));
  });

  it('refuses a revoked token at once, and keeps it in the list as revoked', async () => {
    const { token, secret } = await f.ingestTokens.create(f.cli, { tenant: 'acme', kind: 'hec', name: 'v' });
    expect(await f.ingestTokens.lookup('hec', secret)).toBeDefined();
    f.clock.now += 1_000;
    const revoked = await f.ingestTokens.revoke(f.cli, token.id);
    expect(revoked.revokedAt).toBe('2025-04-01T00:00:01.000Z');
    expect(await f.ingestTokens.lookup('hec', secret)).toBeUndefined();
    const [listed] = await f.ingestTokens.list(f.cli, { tenant: 'acme' });
    expect(listed).toMatchObject({ id: token.id, revokedAt: '2025-04-01T00:00:01.000Z' });
    // Revoking twice keeps the first time.
    f.clock.now += 1_000;
    expect((await f.ingestTokens.revoke(f.cli, token.id)).revokedAt).toBe('2025-04-01T00:00:01.000Z');
  });

  it('stops the tokens of a disabled tenant and refuses new ones for it', async () => {
    const { secret } = await f.ingestTokens.create(f.cli, { tenant: 'acme', kind: 'ingest', name: 'x' });
    await f.tenants.disable(f.cli, 'acme');
    await f.ingestTokens.refresh();
    expect(await f.ingestTokens.lookup('ingest', secret)).toBeUndefined();
    await expect(
      f.ingestTokens.create(f.cli, { tenant: 'acme', kind: 'ingest', name: 'y' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await f.tenants.enable(f.cli, 'acme');
    await f.ingestTokens.refresh();
    expect(await f.ingestTokens.lookup('ingest', secret)).toMatchObject({ tenant: 'acme' });
  });

  it('says whether any token of a kind exists, revoked ones included', async () => {
    expect(await f.ingestTokens.anyOfKind('ingest')).toBe(false);
    const { token } = await f.ingestTokens.create(f.cli, { tenant: 'acme', kind: 'ingest', name: 'x' });
    expect(await f.ingestTokens.anyOfKind('ingest')).toBe(true);
    expect(await f.ingestTokens.anyOfKind('hec')).toBe(false);
    await f.ingestTokens.revoke(f.cli, token.id);
    expect(await f.ingestTokens.anyOfKind('ingest')).toBe(true);
  });

  it('writes last_used_at at most once a minute per token', async () => {
    const { token, secret } = await f.ingestTokens.create(f.cli, {
      tenant: 'acme',
      kind: 'ingest',
      name: 'x',
    });
    const lastUsed = async () => {
      await f.ingestTokens.flush();
      return (await f.ingestTokens.list(f.cli, { tenant: 'acme' }))[0]!.lastUsedAt;
    };
    await f.ingestTokens.lookup('ingest', secret);
    expect(await lastUsed()).toBe('2025-04-01T00:00:00.000Z');
    f.clock.now += 30_000;
    for (let i = 0; i < 5; i++) await f.ingestTokens.lookup('ingest', secret);
    expect(await lastUsed()).toBe('2025-04-01T00:00:00.000Z');
    f.clock.now += 30_000;
    await f.ingestTokens.lookup('ingest', secret);
    expect(await lastUsed()).toBe('2025-04-01T00:01:00.000Z');
    expect(token.id).toMatch(/^it_[0-9a-f]{16}$/);
  });

  it('records creations and revocations in the audit log with tenant and target', async () => {
    const { token } = await f.ingestTokens.create(f.cli, { tenant: 'acme', kind: 'hec', name: 'vector' });
    await f.ingestTokens.revoke(f.cli, token.id);
    const entries = f.audit.entries.filter((e) => e.action.startsWith('ingest-token.'));
    expect(entries.map((e) => [e.action, e.outcome, e.tenant, e.target])).toEqual([
      ['ingest-token.create', 'success', 'acme', { type: 'ingest-token', id: token.id }],
      ['ingest-token.revoke', 'success', 'acme', { type: 'ingest-token', id: token.id }],
    ]);
    expect(entries[0]!.details).toEqual({ kind: 'hec', name: 'vector', prefix: token.prefix });
  });
});

describe('tenant isolation in IngestTokenService', () => {
  let analyst: Actor;
  beforeEach(async () => {
    analyst = await f.signIn('sato', 'soc_analyst', ['acme']);
  });

  it("lets a soc_analyst manage their own tenant's tokens only", async () => {
    const own = await f.ingestTokens.create(analyst, { tenant: 'acme', kind: 'ingest', name: 'mine' });
    const foreign = await f.ingestTokens.create(f.cli, { tenant: 'globex', kind: 'hec', name: 'theirs' });
    expect((await f.ingestTokens.list(analyst)).map((t) => t.id)).toEqual([own.token.id]);
    expect((await f.ingestTokens.list(f.cli)).map((t) => t.tenant)).toEqual(['acme', 'globex']);
    await expect(
      f.ingestTokens.create(analyst, { tenant: 'globex', kind: 'ingest', name: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.ingestTokens.list(analyst, { tenant: 'globex' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // A foreign token and a missing one are refused alike, naming neither tenant nor token.
    const refusals = [];
    for (const id of [foreign.token.id, 'it_0000000000000000', 'nonsense']) {
      const error = await f.ingestTokens.revoke(analyst, id).catch((e: unknown) => e);
      refusals.push(error);
    }
    for (const error of refusals) {
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        message: (refusals[0] as Error).message,
        details: { permission: 'ingest-tokens:manage' },
      });
      expect((error as Error).message).not.toContain('globex');
    }
    expect(await f.ingestTokens.lookup('hec', foreign.secret)).toMatchObject({ tenant: 'globex' });
    await expect(f.ingestTokens.revoke(analyst, own.token.id)).resolves.toMatchObject({ tenant: 'acme' });
    await expect(f.ingestTokens.revoke(f.cli, 'it_0000000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const denied = f.audit.entries.filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => [e.action, e.tenant, e.actor.name])).toEqual([
      ['ingest-token.create', 'globex', 'sato'],
      ['ingest-token.list', 'globex', 'sato'],
      ['ingest-token.revoke', 'globex', 'sato'],
      ['ingest-token.revoke', undefined, 'sato'],
      ['ingest-token.revoke', undefined, 'sato'],
    ]);
  });

  it('refuses csirt members and viewers everything, even in their own tenant', async () => {
    const csirt = await f.signIn('aiko', 'csirt', ['acme']);
    const viewer = await f.signIn('mio', 'viewer', ['acme']);
    const { token } = await f.ingestTokens.create(f.cli, { tenant: 'acme', kind: 'ingest', name: 'x' });
    for (const actor of [csirt, viewer]) {
      await expect(
        f.ingestTokens.create(actor, { tenant: 'acme', kind: 'ingest', name: 'y' }),
      ).rejects.toThrow(/role does not have ingest-tokens:manage/);
      await expect(f.ingestTokens.list(actor, { tenant: 'acme' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(f.ingestTokens.revoke(actor, token.id)).rejects.toThrow(
        /role does not have ingest-tokens:manage/,
      );
    }
  });
});

describe('IngestTokenService across processes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yagura-ingest-tokens-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("sees another instance's new and revoked tokens within the refresh interval, not per lookup", async () => {
    const dbA = await openStateDb({ dataDir: dir });
    const dbB = await openStateDb({ dataDir: dir });
    try {
      const clock = { now: Date.parse('2025-04-01T00:00:00.000Z') };
      const depsA = { db: dbA, audit: new ArrayRecorder(), clock: () => clock.now };
      const depsB = { db: dbB, audit: new ArrayRecorder(), clock: () => clock.now };
      await new TenantService(depsA).create(f.cli, { name: 'Acme', id: 'acme' });
      const cliSide = new IngestTokenService(depsA, { refreshMs: 5_000 });
      const server = new IngestTokenService(depsB, { refreshMs: 5_000 });

      expect(await server.lookup('ingest', 'ygi_unknown')).toBeUndefined();
      const { token, secret } = await cliSide.create(f.cli, { tenant: 'acme', kind: 'ingest', name: 'x' });
      // Within the interval the server answers from memory and has not seen the new token yet.
      clock.now += 4_000;
      expect(await server.lookup('ingest', secret)).toBeUndefined();
      clock.now += 1_000;
      expect(await server.lookup('ingest', secret)).toMatchObject({ tenant: 'acme', tokenId: token.id });

      await cliSide.revoke(f.cli, token.id);
      expect(await server.lookup('ingest', secret)).toBeDefined();
      clock.now += 5_000;
      expect(await server.lookup('ingest', secret)).toBeUndefined();
      await server.flush();
    } finally {
      await dbA.destroy();
      await dbB.destroy();
    }
  });
});
