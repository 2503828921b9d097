import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from './passwords.js';
import { GOOD_PASSWORD, accessFixture, type AccessFixture } from './test-support.js';

let f: AccessFixture;
beforeEach(async () => {
  f = await accessFixture({ maxFailedLogins: 3, lockoutMs: 10 * 60_000 });
  await f.tenants.create(f.cli, { name: 'Acme', id: 'acme' });
  await f.tenants.create(f.cli, { name: 'Globex', id: 'globex' });
});
afterEach(() => f.close());

describe('bootstrapping', () => {
  it('starts with no users and lets the command line create the first admin', async () => {
    expect(await f.users.needsBootstrap()).toBe(true);
    const admin = await f.users.create(f.cli, {
      username: 'root-admin',
      role: 'admin',
      password: GOOD_PASSWORD,
    });
    expect(admin).toMatchObject({ username: 'root-admin', role: 'admin', tenants: [] });
    expect(admin.id).toMatch(/^u_[0-9a-f]{20}$/);
    expect(await f.users.needsBootstrap()).toBe(false);
    const actor = await f.users.authenticate('root-admin', GOOD_PASSWORD, '192.0.2.1');
    expect(actor).toEqual({
      kind: 'user',
      id: admin.id,
      name: 'root-admin',
      role: 'admin',
      tenants: 'all',
      address: '192.0.2.1',
    });
  });
});

describe('UserService.create', () => {
  it('gives csirt and viewer users exactly one tenant, soc_analysts one or more, admins none', async () => {
    const base = { password: GOOD_PASSWORD };
    await expect(f.users.create(f.cli, { ...base, username: 'c1', role: 'csirt' })).rejects.toThrow(
      /exactly one tenant/,
    );
    await expect(
      f.users.create(f.cli, { ...base, username: 'c2', role: 'viewer', tenants: ['acme', 'globex'] }),
    ).rejects.toThrow(/exactly one tenant/);
    await expect(f.users.create(f.cli, { ...base, username: 's1', role: 'soc_analyst' })).rejects.toThrow(
      /at least one/,
    );
    await expect(
      f.users.create(f.cli, { ...base, username: 'a1', role: 'admin', tenants: ['acme'] }),
    ).rejects.toThrow(/give no tenants/);
    await expect(
      f.users.create(f.cli, { ...base, username: 'c3', role: 'csirt', tenants: ['nope'] }),
    ).rejects.toMatchObject({ code: 'TENANT_UNKNOWN' });
    const analyst = await f.users.create(f.cli, {
      ...base,
      username: 's2',
      role: 'soc_analyst',
      tenants: ['globex', 'acme'],
    });
    expect(analyst.tenants).toEqual(['acme', 'globex']);
  });

  it('refuses a duplicate name, a bad name and a weak password, and keeps no password hash in the result', async () => {
    const user = await f.users.create(f.cli, {
      username: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    expect(JSON.stringify(user)).not.toContain('argon2');
    await expect(
      f.users.create(f.cli, { username: 'aiko', role: 'csirt', tenants: ['acme'], password: GOOD_PASSWORD }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      f.users.create(f.cli, { username: 'Aiko Tanaka', role: 'admin', password: GOOD_PASSWORD }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    await expect(
      f.users.create(f.cli, { username: 'ken', role: 'admin', password: 'ken-password' }),
    ).rejects.toMatchObject({
      code: 'PASSWORD_POLICY',
      message: 'The password must not contain the user name.',
    });
  });

  it('is refused to anyone but admins, and the denial is recorded', async () => {
    const analyst = await f.signIn('sato', 'soc_analyst', ['acme']);
    await expect(
      f.users.create(analyst, { username: 'x-user', role: 'admin', password: GOOD_PASSWORD }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(f.audit.entries.at(-1)).toMatchObject({
      action: 'user.create',
      outcome: 'denied',
      actor: { name: 'sato' },
    });
    await expect(f.users.list(analyst)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('UserService changes', () => {
  it('changes role and tenants together and records from and to', async () => {
    const user = await f.users.create(f.cli, {
      username: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    const changed = await f.users.setRole(f.cli, user.id, 'soc_analyst', ['acme', 'globex']);
    expect(changed).toMatchObject({ role: 'soc_analyst', tenants: ['acme', 'globex'] });
    expect(f.audit.entries.at(-1)).toMatchObject({
      action: 'user.role.change',
      details: {
        from: { role: 'csirt', tenants: ['acme'] },
        to: { role: 'soc_analyst', tenants: ['acme', 'globex'] },
      },
    });
    expect((await f.users.setTenants(f.cli, user.id, ['globex'])).tenants).toEqual(['globex']);
    const actor = await f.users.authenticate('aiko', GOOD_PASSWORD);
    expect(actor.tenants).toEqual(['globex']);
  });

  it('will not disable or demote the last enabled admin', async () => {
    const admin = await f.users.create(f.cli, { username: 'boss', role: 'admin', password: GOOD_PASSWORD });
    await expect(f.users.disable(f.cli, admin.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(f.users.setRole(f.cli, admin.id, 'csirt', ['acme'])).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await f.users.create(f.cli, { username: 'boss2', role: 'admin', password: GOOD_PASSWORD });
    expect((await f.users.disable(f.cli, admin.id)).disabledAt).not.toBeNull();
  });

  it('refuses sign-in to a disabled user with the same message as a wrong password', async () => {
    const user = await f.users.create(f.cli, {
      username: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    await f.users.disable(f.cli, user.id);
    await expect(f.users.authenticate('aiko', GOOD_PASSWORD)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Wrong user name or password',
    });
    await f.users.enable(f.cli, user.id);
    await expect(f.users.authenticate('aiko', GOOD_PASSWORD)).resolves.toMatchObject({ name: 'aiko' });
  });

  it('shuts a csirt user out when their tenant is disabled', async () => {
    await f.users.create(f.cli, {
      username: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    await f.tenants.disable(f.cli, 'acme');
    await expect(f.users.authenticate('aiko', GOOD_PASSWORD)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(f.audit.entries.at(-1)).toMatchObject({
      action: 'auth.login',
      outcome: 'failure',
      details: { reason: 'no active tenant' },
    });
  });

  it("lets users set their own password only with the current one; admins set anyone's", async () => {
    const aiko = await f.signIn('aiko', 'csirt', ['acme']);
    await expect(f.users.setPassword(aiko, aiko.id, 'new-secret-phrase-7', 'wrong')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await f.users.setPassword(aiko, aiko.id, 'new-secret-phrase-7', GOOD_PASSWORD);
    await expect(f.users.authenticate('aiko', GOOD_PASSWORD)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(f.users.authenticate('aiko', 'new-secret-phrase-7')).resolves.toMatchObject({ id: aiko.id });
    const other = await f.signIn('ken', 'csirt', ['acme']);
    await expect(f.users.setPassword(aiko, other.id, 'new-secret-phrase-8')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.users.setPassword(f.cli, other.id, 'short')).rejects.toMatchObject({
      code: 'PASSWORD_POLICY',
    });
    await f.users.setPassword(f.cli, other.id, 'new-secret-phrase-8');
    await expect(f.users.authenticate('ken', 'new-secret-phrase-8')).resolves.toMatchObject({ id: other.id });
  });
});

describe('UserService preferences', () => {
  it('has no language until the user picks one, then keeps it and records the change', async () => {
    const aiko = await f.signIn('aiko', 'csirt', ['acme']);
    expect(await f.users.preferences(aiko)).toEqual({ language: null });
    expect(await f.users.setPreferences(aiko, { language: 'ja' })).toEqual({ language: 'ja' });
    expect(await f.users.preferences({ ...aiko, kind: 'token' })).toEqual({ language: 'ja' });
    expect(f.audit.entries.at(-1)).toMatchObject({
      action: 'user.preferences',
      outcome: 'success',
      tenant: 'acme',
      target: { type: 'user', id: aiko.id },
      details: { from: { language: null }, to: { language: 'ja' } },
    });
  });

  it('refuses a language it does not know, in the service and in the database', async () => {
    const aiko = await f.signIn('aiko', 'csirt', ['acme']);
    await expect(f.users.setPreferences(aiko, { language: 'fr' as unknown as 'ja' })).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
    await expect(
      f.db
        .updateTable('users')
        .set({ language: 'fr' as unknown as 'ja' })
        .where('id', '=', aiko.id)
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);
    expect(await f.users.preferences(aiko)).toEqual({ language: null });
  });

  it('has no preferences for the command line, which has no account', async () => {
    await expect(f.users.preferences(f.cli)).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });
});

describe('UserService.authenticate', () => {
  it('locks the account after the configured failures, refuses even the right password, and unlocks after the time', async () => {
    await f.users.create(f.cli, {
      username: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    for (let i = 0; i < 3; i++) {
      await expect(f.users.authenticate('aiko', 'wrong-password-123', '198.51.100.9')).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    const locked = f.users.authenticate('aiko', GOOD_PASSWORD);
    await expect(locked).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', status: 429 });
    await locked.catch((e: { details: { retryAfterSeconds: number } }) =>
      expect(e.details.retryAfterSeconds).toBe(600),
    );
    f.clock.now += 9 * 60_000;
    await expect(f.users.authenticate('aiko', GOOD_PASSWORD)).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    f.clock.now += 60_000;
    const actor = await f.users.authenticate('aiko', GOOD_PASSWORD);
    expect(actor).toMatchObject({ name: 'aiko', tenants: ['acme'] });
    const logins = f.audit.entries.filter((e) => e.action === 'auth.login');
    expect(logins.map((e) => [e.outcome, e.details?.reason ?? null])).toEqual([
      ['failure', 'wrong password'],
      ['failure', 'wrong password'],
      ['failure', 'wrong password'],
      ['failure', 'locked'],
      ['failure', 'locked'],
      ['success', null],
    ]);
    expect(logins[0]).toMatchObject({ tenant: 'acme', actor: { address: '198.51.100.9', name: 'aiko' } });
  });

  it('resets the failure count on success so failures must come in a row', async () => {
    await f.users.create(f.cli, {
      username: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    for (const password of [
      'bad-1-xxxxxxxx',
      'bad-2-xxxxxxxx',
      GOOD_PASSWORD,
      'bad-3-xxxxxxxx',
      'bad-4-xxxxxxxx',
    ]) {
      await f.users.authenticate('aiko', password).catch(() => undefined);
    }
    await expect(f.users.authenticate('aiko', GOOD_PASSWORD)).resolves.toMatchObject({ name: 'aiko' });
  });

  it('answers an unknown user like a wrong password, after spending a hash, and records the attempt', async () => {
    await f.users.create(f.cli, {
      username: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    const started = performance.now();
    await expect(f.users.authenticate('nobody', GOOD_PASSWORD, '203.0.113.5')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Wrong user name or password',
    });
    expect(performance.now() - started).toBeGreaterThan(0.5);
    expect(f.audit.entries.at(-1)).toMatchObject({
      action: 'auth.login',
      outcome: 'failure',
      actor: { name: 'anonymous', address: '203.0.113.5' },
      details: { username: 'nobody', reason: 'unknown user' },
    });
  });

  it('upgrades a hash made at an older cost at the next sign-in', async () => {
    const user = await f.users.create(f.cli, {
      username: 'aiko',
      role: 'csirt',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    const older = await hashPassword(GOOD_PASSWORD, { memoryCost: 512, timeCost: 1, parallelism: 1 });
    await f.db.updateTable('users').set({ password_hash: older }).where('id', '=', user.id).execute();
    await f.users.authenticate('aiko', GOOD_PASSWORD);
    const row = await f.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toContain('m=1024,');
  });
});
