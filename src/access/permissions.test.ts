import { describe, expect, it } from 'vitest';
import { YaguraError } from '../core/errors.js';
import type { Actor } from './actor.js';
import {
  PERMISSIONS,
  authorize,
  can,
  heldPermissions,
  permissionsOf,
  tenantScope,
  type Permission,
} from './permissions.js';
import { tenantIds } from './test-support.js';

const actor = (role: Actor['role'], tenants: Actor['tenants'], extra: Partial<Actor> = {}): Actor => ({
  kind: 'user',
  id: `u_${role}`,
  name: role,
  role,
  tenants,
  ...extra,
});

const forbidden = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(YaguraError);
    expect((error as YaguraError).code).toBe('FORBIDDEN');
    expect((error as YaguraError).status).toBe(403);
    return (error as YaguraError).message;
  }
  throw new Error('expected FORBIDDEN');
};

describe('the permission table', () => {
  it('gives admins every permission', () => {
    expect(permissionsOf('admin')).toEqual(Object.keys(PERMISSIONS));
  });

  it('lets soc_analysts read and work events, alerts and incidents but not manage the installation', () => {
    const held = permissionsOf('soc_analyst');
    expect(held).toEqual(
      expect.arrayContaining([
        'events:read',
        'events:ingest',
        'alerts:triage',
        'incidents:manage',
        'reports:read',
      ]),
    );
    for (const p of ['tenants:manage', 'users:manage', 'tokens:manage-any', 'audit:read'] as Permission[]) {
      expect(held).not.toContain(p);
    }
  });

  it('lets csirt members read alerts, incidents and reports, comment on incidents and submit inquiries and emails, nothing more', () => {
    expect(permissionsOf('csirt')).toEqual([
      'tenants:read',
      'tokens:manage-own',
      'alerts:read',
      'incidents:read',
      'incidents:comment',
      'reports:read',
      'inquiries:submit',
      'inquiries:read',
      'mail:submit',
      'audit:read-own-tenant',
    ]);
  });

  it('gives viewers only reads (and their own tokens)', () => {
    const held = permissionsOf('viewer');
    expect(
      held.filter((p) => !p.endsWith(':read') && !p.startsWith('audit:read') && p !== 'tokens:manage-own'),
    ).toEqual([]);
    expect(held).not.toContain('inquiries:submit');
  });

  it('names no role outside ROLES and gives every permission to at least admin', () => {
    for (const spec of Object.values(PERMISSIONS)) expect(spec.roles).toContain('admin');
  });
});

describe('authorize', () => {
  const a = tenantIds('tenant-a')[0]!;
  const b = tenantIds('tenant-b')[0]!;

  it('refuses a csirt member of tenant A anything in tenant B, and says why', () => {
    const csirt = actor('csirt', [a]);
    expect(() => authorize(csirt, 'alerts:read', a)).not.toThrow();
    expect(forbidden(() => authorize(csirt, 'alerts:read', b))).toContain('not granted in tenant "tenant-b"');
  });

  it("refuses a permission the role lacks even in the actor's own tenant", () => {
    expect(forbidden(() => authorize(actor('viewer', [a]), 'inquiries:submit', a))).toContain(
      'viewer role does not have inquiries:submit',
    );
  });

  it('limits a soc_analyst to the assigned tenants', () => {
    const analyst = actor('soc_analyst', [a]);
    expect(can(analyst, 'events:read', a)).toBe(true);
    expect(can(analyst, 'events:read', b)).toBe(false);
  });

  it('lets an admin act in any tenant', () => {
    expect(can(actor('admin', 'all'), 'incidents:manage', b)).toBe(true);
  });

  it('holds a scoped token to its scopes even where the role would allow more', () => {
    const token = actor('soc_analyst', [a], { kind: 'token', scopes: ['events:read'] });
    expect(can(token, 'events:read', a)).toBe(true);
    expect(forbidden(() => authorize(token, 'alerts:triage', a))).toContain("token's scopes");
  });
});

describe('heldPermissions', () => {
  it("lists a user's role permissions in table order", () => {
    expect(heldPermissions(actor('csirt', tenantIds('a')))).toEqual(permissionsOf('csirt'));
    expect(heldPermissions(actor('admin', 'all'))).toEqual(Object.keys(PERMISSIONS));
  });

  it('narrows a scoped token to the scopes its role also holds', () => {
    const token = actor('soc_analyst', tenantIds('a'), {
      kind: 'token',
      scopes: ['events:read', 'users:manage'],
    });
    expect(heldPermissions(token)).toEqual(['events:read']);
  });
});

describe('tenantScope', () => {
  const known = tenantIds('a', 'b', 'c');

  it('gives an admin every known tenant, as a list', () => {
    expect(tenantScope(actor('admin', 'all'), undefined, known)).toEqual(['a', 'b', 'c']);
  });

  it("narrows to the actor's tenants and then to the requested ones", () => {
    const analyst = actor('soc_analyst', tenantIds('a', 'b'));
    expect(tenantScope(analyst, undefined, known)).toEqual(['a', 'b']);
    expect(tenantScope(analyst, ['b', 'c'], known)).toEqual(['b']);
  });

  it('refuses rather than widens when nothing requested is open to the actor', () => {
    const csirt = actor('csirt', tenantIds('a'));
    expect(forbidden(() => tenantScope(csirt, ['b'], known))).toContain('none of the requested tenants');
    expect(forbidden(() => tenantScope(csirt, ['nonexistent'], known))).toContain(
      'none of the requested tenants',
    );
    expect(forbidden(() => tenantScope(actor('csirt', []), undefined, known))).toContain('not assigned');
  });

  it('never includes a tenant the actor holds that does not exist', () => {
    expect(tenantScope(actor('soc_analyst', tenantIds('a', 'gone')), undefined, known)).toEqual(['a']);
  });
});
