import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionService, csrfTokenMatches } from './session-service.js';
import { accessFixture, type AccessFixture } from './test-support.js';

const HOUR = 3_600_000;

describe('SessionService', () => {
  let f: AccessFixture;
  let sessions: SessionService;

  beforeEach(async () => {
    f = await accessFixture();
    sessions = new SessionService(
      { db: f.db, audit: f.audit, clock: () => f.clock.now },
      { idleMs: 2 * HOUR, absoluteMs: 5 * HOUR },
    );
    await f.tenants.create(f.cli, { id: 'acme', name: 'Acme' });
  });
  afterEach(() => f.close());

  it('stores only a hash of the cookie value and rebuilds the actor from the user', async () => {
    const actor = await f.signIn('aiko', 'csirt', ['acme']);
    const { secret, csrfToken } = await sessions.start(actor);
    const rows = await f.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const resolved = await sessions.resolve(secret, '192.0.2.1');
    expect(resolved.actor).toMatchObject({
      kind: 'user',
      name: 'aiko',
      tenants: ['acme'],
      address: '192.0.2.1',
    });
    expect(resolved.csrfToken).toBe(csrfToken);
  });

  it('ends a session after the idle limit, and after the absolute limit however busy', async () => {
    const actor = await f.signIn('aiko', 'csirt', ['acme']);
    const idle = await sessions.start(actor);
    f.clock.now += 2 * HOUR;
    await expect(sessions.resolve(idle.secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const busy = await sessions.start(actor);
    for (let i = 0; i < 4; i++) {
      f.clock.now += HOUR;
      await sessions.resolve(busy.secret);
    }
    f.clock.now += HOUR;
    await expect(sessions.resolve(busy.secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(
      f.audit.entries.filter((e) => e.action === 'auth.session').map((e) => e.details?.['reason']),
    ).toEqual(['idle', 'expired']);
  });

  it('refuses the session of a disabled user and records a sign-out', async () => {
    const actor = await f.signIn('aiko', 'csirt', ['acme']);
    const s = await sessions.start(actor);
    await sessions.end(s.secret, actor);
    await expect(sessions.resolve(s.secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(f.audit.actions('success')).toContain('auth.logout');
    const again = await sessions.start(actor);
    await f.users.disable(f.cli, actor.id);
    await expect(sessions.resolve(again.secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('ends all sessions of a user but the one kept', async () => {
    const actor = await f.signIn('aiko', 'csirt', ['acme']);
    const [a, b, c] = [await sessions.start(actor), await sessions.start(actor), await sessions.start(actor)];
    expect(await sessions.endAllFor(actor.id, a.secret)).toBe(2);
    await expect(sessions.resolve(a.secret)).resolves.toBeDefined();
    await expect(sessions.resolve(b.secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(sessions.resolve(c.secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('compares CSRF tokens whole', () => {
    expect(csrfTokenMatches('abc', 'abc')).toBe(true);
    expect(csrfTokenMatches('abd', 'abc')).toBe(false);
    expect(csrfTokenMatches(undefined, 'abc')).toBe(false);
  });
});
