// Who an alert may be assigned to: an active user whose role triages alerts and who works in the alert's tenant.
import { PERMISSIONS } from '../access/permissions.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import type { StateDb } from '../state/database.js';

/** The user's id (given by id or user name); REQUEST_INVALID naming the reason otherwise. */
export async function checkAssignee(db: StateDb, assignee: string, tenant: TenantId): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'disabled_at'])
    .where((eb) => eb.or([eb('id', '=', assignee), eb('username', '=', assignee)]))
    .executeTakeFirst();
  if (!user || user.disabled_at !== null) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `No active user "${assignee.slice(0, 80)}" to assign the alert to`,
    );
  }
  const roles: readonly string[] = PERMISSIONS['alerts:triage'].roles;
  if (!roles.includes(user.role)) {
    throw new YaguraError('REQUEST_INVALID', `${user.username} (${user.role}) cannot triage alerts`);
  }
  if (user.role !== 'admin') {
    const member = await db
      .selectFrom('user_tenants')
      .select('user_id')
      .where('user_id', '=', user.id)
      .where('tenant_id', '=', tenant)
      .executeTakeFirst();
    if (!member)
      throw new YaguraError('REQUEST_INVALID', `${user.username} does not work in tenant "${tenant}"`);
  }
  return user.id;
}

export interface Assignee {
  id: string;
  username: string;
  displayName: string;
  /** The tenants of the asked ones this user may triage. */
  tenants: string[];
}

/** Active users who may be assigned alerts of at least one of `tenants`, by user name. */
export async function assignableUsers(db: StateDb, tenants: readonly TenantId[]): Promise<Assignee[]> {
  const roles: readonly string[] = PERMISSIONS['alerts:triage'].roles;
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', [...roles])
    .orderBy('username')
    .execute();
  if (users.length === 0 || tenants.length === 0) return [];
  const memberships = await db
    .selectFrom('user_tenants')
    .select(['user_id', 'tenant_id'])
    .where('tenant_id', 'in', [...tenants])
    .execute();
  const byUser = new Map<string, string[]>();
  for (const m of memberships) byUser.set(m.user_id, [...(byUser.get(m.user_id) ?? []), m.tenant_id]);
  return users.flatMap((u) => {
    const own = u.role === 'admin' ? [...tenants] : (byUser.get(u.id) ?? []);
    return own.length === 0
      ? []
      : [{ id: u.id, username: u.username, displayName: u.display_name, tenants: own }];
  });
}
