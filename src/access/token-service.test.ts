import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { accessFixture, type AccessFixture } from './test-support.js';

let f: AccessFixture;
let aiko: Actor;
beforeEach(async () => {
  f = await accessFixture();
  await f.tenants.create(f.cli, { name: 'Acme', id: 'acme' });
  await f.tenants.create(f.cli, { name: 'Globex', id: 'globex' });
  aiko = await f.signIn('aiko', 'csirt', ['acme']);
});
afterEach(() => f.close());

describe('TokenService', () => {
  it('creates a ygr_ token that resolves to its owner acting through a token', async () => {
    const { token, secret } = await f.tokens.create(aiko, { userId: aiko.id, name: 'ticket sync' });
    expect(secret).toMatch(/^ygr_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const actor = await f.tokens.resolve(secret, '192.0.2.44');
    expect(actor).toEqual({
      kind: 'token',
      id: aiko.id,
      name: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      tokenId: token.id,
      address: '192.0.2.44',
    });
    const [listed] = await f.tokens.list(aiko);
    expect(listed).toMatchObject({
      id: token.id,
      name: 'ticket sync',
      lastUsedAt: '2025-04-01T00:00:00.000Z',
    });
  });

  it('keeps only a hash of the secret in the database', async () => {
    const { token, secret } = await f.tokens.create(f.cli, { userId: aiko.id });
    const secretPart = secret.slice(`ygr_${token.id}_`.length);
    const rows = await f.db.selectFrom('api_tokens').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(secretPart);
    expect(dump).not.toContain(secretPart.slice(4, 24));
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stops accepting a token at its expiry', async () => {
    const { secret } = await f.tokens.create(f.cli, {
      userId: aiko.id,
      expiresAt: new Date(f.clock.now + 3_600_000),
    });
    await expect(f.tokens.resolve(secret)).resolves.toMatchObject({ name: 'aiko' });
    f.clock.now += 3_600_000;
    await expect(f.tokens.resolve(secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(f.audit.entries.at(-1)).toMatchObject({
      action: 'auth.token',
      outcome: 'failure',
      details: { reason: 'expired' },
    });
    await expect(
      f.tokens.create(f.cli, { userId: aiko.id, expiresAt: new Date(f.clock.now - 1) }),
    ).rejects.toThrow(/future/);
  });

  it('stops accepting a token once revoked, and records the revocation', async () => {
    const { token, secret } = await f.tokens.create(aiko, { userId: aiko.id });
    const revoked = await f.tokens.revoke(aiko, token.id);
    expect(revoked.revokedAt).toBe('2025-04-01T00:00:00.000Z');
    await expect(f.tokens.resolve(secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(f.audit.actions('success')).toContain('token.revoke');
  });

  it('refuses unknown, malformed and tampered tokens with one message', async () => {
    const { secret } = await f.tokens.create(aiko, { userId: aiko.id });
    const tampered = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    for (const bad of [tampered, 'ygr_0000000000000000_' + 'x'.repeat(43), 'Bearer nonsense', '']) {
      await expect(f.tokens.resolve(bad)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'The API token is not valid (unknown, expired or revoked)',
      });
    }
  });

  it('stops a token working when its owner is disabled', async () => {
    const { secret } = await f.tokens.create(aiko, { userId: aiko.id });
    await f.users.disable(f.cli, aiko.id);
    await expect(f.tokens.resolve(secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('narrows a scoped token to its scopes, within the role', async () => {
    const { secret } = await f.tokens.create(aiko, { userId: aiko.id, scopes: ['alerts:read'] });
    const actor = await f.tokens.resolve(secret);
    expect(actor.scopes).toEqual(['alerts:read']);
    await expect(f.tokens.create(aiko, { userId: aiko.id, scopes: ['events:read'] })).rejects.toThrow(
      /csirt role does not have events:read/,
    );
    await expect(f.tokens.create(aiko, { userId: aiko.id, scopes: ['no:such'] })).rejects.toThrow(
      /Unknown permission/,
    );
  });

  it('does not let a scoped token mint a wider one', async () => {
    const { secret } = await f.tokens.create(aiko, {
      userId: aiko.id,
      scopes: ['tokens:manage-own', 'alerts:read'],
    });
    const viaToken = await f.tokens.resolve(secret);
    await expect(f.tokens.create(viaToken, { userId: aiko.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      f.tokens.create(viaToken, { userId: aiko.id, scopes: ['alerts:read'] }),
    ).resolves.toBeDefined();
  });

  it("keeps users away from others' tokens, while admins manage any", async () => {
    const ken = await f.signIn('ken', 'csirt', ['globex']);
    const { token } = await f.tokens.create(ken, { userId: ken.id });
    await expect(f.tokens.create(aiko, { userId: ken.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.tokens.list(aiko, ken.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.tokens.revoke(aiko, token.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.tokens.revoke(aiko, 'ffffffffffffffff')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(f.audit.entries.filter((e) => e.outcome === 'denied').map((e) => e.action)).toEqual([
      'token.create',
      'token.list',
      'token.revoke',
      'token.revoke',
    ]);
    expect((await f.tokens.list(f.cli, ken.id)).map((t) => t.id)).toEqual([token.id]);
    await f.tokens.revoke(f.cli, token.id);
    await expect(f.tokens.revoke(f.cli, 'ffffffffffffffff')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
