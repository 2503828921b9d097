// What the triage services share: their dependencies, the permission checks (tenant first), and id checks.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import { can, tenantScope, type Permission } from '../access/permissions.js';
import { permit } from '../access/service-support.js';
import type { AuditRecorder } from '../audit/types.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import type { StateDb } from '../state/database.js';
import type { TenantScope } from '../store/tenant-scope.js';

export interface TriageDeps {
  db: StateDb;
  audit: AuditRecorder;
  /** Every tenant that exists (the server's tenant directory). */
  knownTenants: () => readonly TenantId[];
  /** Milliseconds since the epoch; injectable so tests can move time. */
  clock?: () => number;
}

export function nowOf(deps: TriageDeps): number {
  return (deps.clock ?? Date.now)();
}

// Record ids: base-36 milliseconds, a per-process random part and a counter (24 characters). They sort by creation,
// so new rows land at the end of the primary-key index instead of on random pages (random UUIDs cost the alert
// stage a page write per row).
const RECORD_ID = /^[0-9a-z]{24}$/;
const processPart = randomBytes(5).toString('hex');
let lastMs = 0;
let counter = 0;

export function newRecordId(): string {
  const now = Math.max(Date.now(), lastMs);
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  if (counter > 0xffffff) {
    lastMs++;
    counter = 0;
  }
  return lastMs.toString(36).padStart(9, '0') + processPart + counter.toString(36).padStart(5, '0');
}

export function isRecordId(id: string): boolean {
  return RECORD_ID.test(id);
}

/**
 * The tenants a read or change by `actor` covers, each checked for `permission` (a denial is audited). Never
 * empty: an actor naming only foreign tenants gets FORBIDDEN.
 */
export async function permittedScope(
  deps: TriageDeps,
  actor: Actor,
  permission: Permission,
  action: string,
  requested?: readonly string[],
): Promise<TenantScope> {
  const scope = tenantScope(actor, requested, deps.knownTenants());
  for (const tenant of scope) await permit(deps.audit, actor, permission, { action, tenant });
  return scope;
}

/** Checks `permission` in one named tenant, auditing a denial. */
export async function permitTenant(
  deps: TriageDeps,
  actor: Actor,
  permission: Permission,
  tenant: string,
  context: { action: string; target?: { type: string; id: string } },
): Promise<TenantId> {
  await permit(deps.audit, actor, permission, { ...context, tenant: tenant as TenantId });
  if (!deps.knownTenants().includes(tenant as TenantId)) {
    throw new YaguraError('NOT_FOUND', `No tenant "${tenant.slice(0, 64)}"`);
  }
  return tenant as TenantId;
}

/**
 * The permission check for a resource looked up by id, whose tenant is known only once it is found. A resource
 * of a foreign tenant and a missing one look alike to a tenant-bound caller (FORBIDDEN, audited); a caller of
 * every tenant is told NOT_FOUND.
 */
export async function permitFound(
  deps: TriageDeps,
  actor: Actor,
  permission: Permission,
  found: { tenant: string } | undefined,
  context: { action: string; target: { type: string; id: string }; what: string },
): Promise<TenantId> {
  const tenant = found?.tenant as TenantId | undefined;
  if (tenant !== undefined && can(actor, permission, tenant)) return tenant;
  if (tenant === undefined && can(actor, permission) && actor.tenants === 'all') {
    throw new YaguraError('NOT_FOUND', `No ${context.what} "${context.target.id.slice(0, 80)}"`);
  }
  await permit(deps.audit, actor, permission, {
    action: context.action,
    target: context.target,
    ...(tenant !== undefined ? { tenant } : {}),
  });
  // permit() passed: the role has the permission but not in this tenant (or the resource does not exist).
  const reason = `${permission} is not granted in the tenant of this ${context.what}`;
  await deps.audit.record({
    actor,
    action: context.action,
    outcome: 'denied',
    target: context.target,
    ...(tenant !== undefined ? { tenant } : {}),
    details: { permission, reason },
  });
  throw new YaguraError('FORBIDDEN', `Not permitted: ${reason}`, { permission });
}

/** Keyset cursors `${value}:${id}` for pages sorted by (value desc, id desc). */
export function encodeCursor(value: number, id: string): string {
  return `${value}:${id}`;
}

export function decodeCursor(cursor: string): [number, string] {
  const at = cursor.indexOf(':');
  const value = Number(cursor.slice(0, at));
  if (at < 1 || !Number.isFinite(value)) throw new YaguraError('REQUEST_INVALID', 'The cursor is not valid');
  return [value, cursor.slice(at + 1)];
}

export function checkLimit(limit: number, max = 500): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new YaguraError('REQUEST_INVALID', `limit must be a whole number from 1 to ${max}, not ${limit}`);
  }
  return limit;
}
