import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessFixture, tenantIds, type AccessFixture } from './test-support.js';
import { tenantScope } from './permissions.js';

let f: AccessFixture;
beforeEach(async () => {
  f = await accessFixture();
  await f.tenants.create(f.cli, { name: 'Acme Corp', id: 'acme', timeZone: 'Asia/Tokyo', language: 'ja' });
  await f.tenants.create(f.cli, { name: 'Globex', sources: ['10.2.0.0/16', '192.0.2.7'] });
});
afterEach(() => f.close());

describe('TenantService', () => {
  it('creates tenants with settings, deriving the id from the name when none is given', async () => {
    const all = await f.tenants.list(f.cli);
    expect(all.map((t) => [t.id, t.name, t.timeZone, t.language, t.sources])).toEqual([
      ['acme', 'Acme Corp', 'Asia/Tokyo', 'ja', []],
      ['globex', 'Globex', 'UTC', 'en', ['10.2.0.0/16', '192.0.2.7']],
    ]);
    expect(all[0]!.createdAt).toBe('2025-04-01T00:00:00.000Z');
  });

  it('refuses a duplicate id, a bad id, an unknown time zone and a bad range', async () => {
    await expect(f.tenants.create(f.cli, { name: 'Again', id: 'acme' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(f.tenants.create(f.cli, { name: 'x', id: 'Bad Id' })).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
    await expect(f.tenants.create(f.cli, { name: '株式会社' })).rejects.toThrow(/Cannot derive a tenant id/);
    await expect(f.tenants.create(f.cli, { name: 'z', timeZone: 'Mars/Olympus' })).rejects.toThrow(/IANA/);
    await expect(f.tenants.create(f.cli, { name: 'z', sources: ['10.0.0.0/40'] })).rejects.toThrow(/CIDR/);
  });

  it('renames, disables, enables and updates settings, recording each change', async () => {
    f.clock.now += 60_000;
    await f.tenants.rename(f.cli, 'acme', 'ACME Japan');
    await f.tenants.disable(f.cli, 'acme');
    expect((await f.tenants.get(f.cli, 'acme')).disabledAt).toBe('2025-04-01T00:01:00.000Z');
    await f.tenants.enable(f.cli, 'acme');
    const updated = await f.tenants.updateSettings(f.cli, 'acme', {
      language: 'en',
      retentionDays: 90,
      sources: ['203.0.113.0/24'],
    });
    expect(updated).toMatchObject({
      name: 'ACME Japan',
      language: 'en',
      timeZone: 'Asia/Tokyo',
      retentionDays: 90,
      sources: ['203.0.113.0/24'],
      disabledAt: null,
      updatedAt: '2025-04-01T00:01:00.000Z',
    });
    expect(f.audit.actions('success')).toEqual([
      'tenant.create',
      'tenant.create',
      'tenant.rename',
      'tenant.disable',
      'tenant.enable',
      'tenant.settings.update',
    ]);
    const rename = f.audit.entries[2]!;
    expect(rename).toMatchObject({ tenant: 'acme', target: { type: 'tenant', id: 'acme' }, actor: f.cli });
    expect(rename.details).toEqual({ name: 'ACME Japan' });
  });

  it("reads each scoped tenant's own retention, null where the installation's applies", async () => {
    await f.tenants.updateSettings(f.cli, 'globex', { retentionDays: 7 });
    const scope = tenantScope(f.cli, undefined, tenantIds('acme', 'globex'));
    expect(await f.tenants.retentionOf(scope)).toEqual([
      { tenant: 'acme', retentionDays: null },
      { tenant: 'globex', retentionDays: 7 },
    ]);
    expect(await f.tenants.retentionOf(tenantScope(f.cli, ['globex'], tenantIds('acme', 'globex')))).toEqual([
      { tenant: 'globex', retentionDays: 7 },
    ]);
  });

  it('reports NOT_FOUND for an admin changing a tenant that does not exist', async () => {
    await expect(f.tenants.rename(f.cli, 'nope', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('tenant isolation in TenantService', () => {
  it('shows a csirt member of tenant A only tenant A and refuses B whether or not it exists', async () => {
    const csirt = await f.signIn('aiko', 'csirt', ['acme']);
    expect((await f.tenants.list(csirt)).map((t) => t.id)).toEqual(['acme']);
    await expect(f.tenants.get(csirt, 'globex')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.tenants.get(csirt, 'no-such')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.tenants.scope(csirt, ['globex'])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.tenants.scope(csirt)).toEqual(['acme']);
  });

  it('refuses a csirt member changing even their own tenant, and records the denial', async () => {
    const csirt = await f.signIn('aiko', 'csirt', ['acme']);
    await expect(f.tenants.rename(csirt, 'acme', 'Mine')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.tenants.updateSettings(csirt, 'globex', { language: 'en' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const denied = f.audit.entries.filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => [e.action, e.tenant, e.actor.name])).toEqual([
      ['tenant.rename', 'acme', 'aiko'],
      ['tenant.settings.update', 'globex', 'aiko'],
    ]);
    expect(denied[0]!.details).toMatchObject({ permission: 'tenants:manage' });
    expect((await f.tenants.get(f.cli, 'acme')).name).toBe('Acme Corp');
  });

  it('lists for a soc_analyst only the assigned tenants, and drops disabled ones at the next sign-in', async () => {
    await f.tenants.create(f.cli, { name: 'Initech' });
    const analyst = await f.signIn('sato', 'soc_analyst', ['acme', 'initech']);
    expect((await f.tenants.list(analyst)).map((t) => t.id)).toEqual(['acme', 'initech']);
    expect(await f.tenants.scope(analyst, ['acme', 'globex'])).toEqual(['acme']);
    await f.tenants.disable(f.cli, 'initech');
    const again = await f.users.authenticate('sato', 'plum-kettle-harbour-42');
    expect(again.tenants).toEqual(['acme']);
  });
});
