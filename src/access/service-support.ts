// What the access services share: their dependencies, the permission check that records denials, and
// building an Actor from a stored user.
import { YaguraError, isYaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import type { AuditEntryInput, AuditRecorder } from '../audit/types.js';
import type { StateDb } from '../state/database.js';
import type { Actor, Role } from './actor.js';
import { authorize, type Permission } from './permissions.js';
import type { UsersTable } from './tables.js';

export interface AccessDeps {
  db: StateDb;
  audit: AuditRecorder;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  clock?: () => number;
}

export function isoNow(deps: AccessDeps): string {
  return new Date((deps.clock ?? Date.now)()).toISOString();
}

type AuditContext = Omit<AuditEntryInput, 'actor' | 'outcome'>;

/** authorize(), recording the attempt as "denied" in the audit log before the FORBIDDEN error goes up. */
export async function permit(
  audit: AuditRecorder,
  actor: Actor,
  permission: Permission,
  context: AuditContext,
): Promise<void> {
  try {
    authorize(actor, permission, context.tenant);
  } catch (error) {
    if (isYaguraError(error) && error.code === 'FORBIDDEN') {
      await audit.record({
        ...context,
        actor,
        outcome: 'denied',
        details: { ...context.details, permission, reason: error.message },
      });
    }
    throw error;
  }
}

/** True for a primary-key or unique violation on SQLite (better-sqlite3) or PostgreSQL (pg). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/**
 * The Actor a stored user acts as. Disabled tenants drop out of a user's tenants; a non-admin left with
 * none cannot act at all (UNAUTHENTICATED), so disabling a tenant shuts its CSIRT out.
 */
export async function actorForUser(
  db: StateDb,
  user: Pick<UsersTable, 'id' | 'username' | 'role'>,
  extra: Pick<Actor, 'kind'> & Partial<Pick<Actor, 'address' | 'scopes' | 'tokenId'>>,
): Promise<Actor> {
  const role = user.role as Role;
  let tenants: Actor['tenants'] = 'all';
  if (role !== 'admin') {
    const rows = await db
      .selectFrom('user_tenants')
      .innerJoin('tenants', 'tenants.id', 'user_tenants.tenant_id')
      .select('tenants.id')
      .where('user_tenants.user_id', '=', user.id)
      .where('tenants.disabled_at', 'is', null)
      .orderBy('tenants.id')
      .execute();
    tenants = rows.map((r) => r.id as TenantId);
    if (tenants.length === 0) {
      throw new YaguraError('UNAUTHENTICATED', 'This account has no active tenant; ask an administrator.');
    }
  }
  return {
    kind: extra.kind,
    id: user.id,
    name: user.username,
    role,
    tenants,
    ...(extra.address !== undefined ? { address: extra.address } : {}),
    ...(extra.scopes !== undefined ? { scopes: extra.scopes } : {}),
    ...(extra.tokenId !== undefined ? { tokenId: extra.tokenId } : {}),
  };
}
