// The one table of permissions and the roles that hold them, and the checks every service makes first.
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import { grantedScope, type TenantScope } from '../store/tenant-scope.js';
import type { Actor, Role } from './actor.js';

export interface PermissionSpec {
  /** Installation-wide, or exercised inside one tenant (checked against the actor's tenants). */
  scope: 'installation' | 'tenant';
  roles: readonly Role[];
  description: string;
}

// Admins hold everything; the other roles are listed one by one so that adding a permission grants it to
// nobody by accident.
const ALL: readonly Role[] = ['admin', 'soc_analyst', 'csirt', 'viewer'];

export const PERMISSIONS = {
  'tenants:read': {
    scope: 'tenant',
    roles: ALL,
    description: 'See the tenants one may act in and their settings.',
  },
  'tenants:manage': {
    scope: 'installation',
    roles: ['admin'],
    description: 'Create, rename, disable tenants and change their settings.',
  },
  'users:manage': {
    scope: 'installation',
    roles: ['admin'],
    description: 'Create and disable users, change their roles, tenants and passwords.',
  },
  'tokens:manage-own': {
    scope: 'installation',
    roles: ALL,
    description: "Create, list and revoke one's own API tokens.",
  },
  'tokens:manage-any': {
    scope: 'installation',
    roles: ['admin'],
    description: "Create, list and revoke any user's API tokens.",
  },
  'ingest-tokens:manage': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description: 'Create, list and revoke the ingest and HEC tokens that deliver events into a tenant.',
  },
  'events:read': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description: 'Search and export stored events.',
  },
  'events:ingest': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description: 'Send events through the ingest API.',
  },
  'findings:read': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description: 'Read detection findings (rule, indicator and correlation matches) and follow them live.',
  },
  'detection:manage': {
    scope: 'installation',
    roles: ['admin'],
    description: 'Reload rules, import threat-intel sets and enable or disable rule sets per tenant.',
  },
  'alerts:read': { scope: 'tenant', roles: ALL, description: 'Read alerts.' },
  'alerts:triage': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description: 'Acknowledge, assign, close and escalate alerts.',
  },
  'allowlist:manage': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description: 'Create, change and remove allow-list (suppression) rules and preview their impact.',
  },
  'assets:manage': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description: 'Add, change, remove and import assets of the inventory.',
  },
  'incidents:read': { scope: 'tenant', roles: ALL, description: 'Read incidents and their timelines.' },
  'incidents:manage': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description: 'Open, update and close incidents.',
  },
  'incidents:comment': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst', 'csirt'],
    description: "Comment on incidents, and work on one's own incident tasks (status, notes, checklist).",
  },
  'contacts:manage': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description:
      "Add, change and remove contacts of a tenant's directory (installation-wide contacts: with every tenant).",
  },
  'reports:read': { scope: 'tenant', roles: ALL, description: 'Read and download reports.' },
  'inquiries:submit': {
    scope: 'tenant',
    roles: ['admin', 'csirt'],
    description: 'Submit inquiries to the SOC, reply in their threads and close them.',
  },
  'inquiries:read': {
    scope: 'tenant',
    roles: ALL,
    description: 'Read inquiries and their message threads.',
  },
  'inquiries:answer': {
    scope: 'tenant',
    roles: ['admin', 'soc_analyst'],
    description: 'Answer inquiries, assign them, change their status and turn them into incidents.',
  },
  'mail:submit': {
    scope: 'tenant',
    roles: ['admin', 'csirt'],
    description: 'Submit suspicious emails for analysis.',
  },
  'audit:read': {
    scope: 'installation',
    roles: ['admin'],
    description: 'Read the whole audit log.',
  },
  'audit:read-own-tenant': {
    scope: 'tenant',
    roles: ['admin', 'csirt', 'viewer'],
    description: "Read the audit entries of one's own tenant.",
  },
} as const satisfies Record<string, PermissionSpec>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** Permissions a role holds, in table order. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p].roles as readonly Role[]).includes(role),
  );
}

/** The permissions an actor may exercise somewhere: its role's, narrowed to a token's scopes. In table order. */
export function heldPermissions(actor: Actor): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor, p));
}

/** True when the actor may exercise `permission` (in `tenant`, when one is named). */
export function can(actor: Actor, permission: Permission, tenant?: TenantId): boolean {
  const spec: PermissionSpec = PERMISSIONS[permission];
  if (!spec.roles.includes(actor.role)) return false;
  if (actor.scopes && !actor.scopes.includes(permission)) return false;
  if (tenant !== undefined && actor.tenants !== 'all' && !actor.tenants.includes(tenant)) return false;
  return true;
}

/**
 * Throws FORBIDDEN unless the actor may exercise `permission` (in `tenant`). The message names the permission
 * and the tenant the caller asked for, never whether that tenant exists.
 */
export function authorize(actor: Actor, permission: Permission, tenant?: TenantId): void {
  if (can(actor, permission, tenant)) return;
  const spec: PermissionSpec = PERMISSIONS[permission];
  const reason = !spec.roles.includes(actor.role)
    ? `the ${actor.role} role does not have ${permission}`
    : actor.scopes && !actor.scopes.includes(permission)
      ? `this token's scopes do not include ${permission}`
      : `${permission} is not granted in tenant "${tenant}"`;
  throw new YaguraError('FORBIDDEN', `Not permitted: ${reason}`, {
    permission,
    ...(tenant !== undefined ? { tenant } : {}),
  });
}

/**
 * The tenants an actor may read: `known` (every tenant that exists) narrowed to the actor's tenants and, when
 * given, to the requested ones. The result is a concrete list, never "all"; an empty one is FORBIDDEN, so a
 * request naming only foreign or unknown tenants cannot widen into an unscoped query.
 */
export function tenantScope(
  actor: Actor,
  requested: readonly string[] | undefined,
  known: readonly TenantId[],
): TenantScope {
  const allowed = actor.tenants === 'all' ? known : known.filter((t) => actor.tenants.includes(t));
  const wanted =
    requested && requested.length > 0 ? allowed.filter((t) => requested.includes(t)) : [...allowed];
  if (wanted.length === 0) {
    throw new YaguraError(
      'FORBIDDEN',
      requested && requested.length > 0
        ? `Not permitted: none of the requested tenants (${requested.join(', ')}) is open to you`
        : 'Not permitted: you are not assigned to any tenant',
      requested && requested.length > 0 ? { tenants: [...requested] } : {},
    );
  }
  return grantedScope(wanted);
}
