// Which tenants a request reads: the caller's permission, then tenantScope() over the tenants that exist.
import type { FastifyRequest } from 'fastify';
import { tenantScope, type Permission } from '../access/permissions.js';
import { permit } from '../access/service-support.js';
import { YaguraError } from '../core/errors.js';
import type { TenantScope } from '../store/tenant-scope.js';
import { actorOf } from './auth/authenticate.js';
import type { RouteDeps } from './deps.js';

/**
 * The tenants a request may read with `permission`: every tenant open to the caller, or the ones named. Naming
 * a tenant outside the caller's tenants is FORBIDDEN with one message whether or not that tenant exists (admins,
 * who may know every tenant, get TENANT_UNKNOWN for a name that does not exist).
 */
export async function readScope(
  request: FastifyRequest,
  deps: RouteDeps,
  permission: Permission,
  action: string,
  requested: readonly string[] | undefined,
): Promise<TenantScope> {
  const actor = actorOf(request);
  await permit(deps.access.audit, actor, permission, { action });
  const known = deps.knownTenants();
  if (requested && requested.length > 0) {
    const allowed = actor.tenants === 'all' ? known : known.filter((t) => actor.tenants.includes(t));
    const outside = requested.filter((t) => !(allowed as readonly string[]).includes(t));
    if (outside.length > 0) {
      if (actor.tenants === 'all') {
        throw new YaguraError('TENANT_UNKNOWN', `No such tenant: ${outside.join(', ')}`, {
          location: { key: 'tenants' },
        });
      }
      // Recorded without a tenant and with the names asked for: only admins read installation-wide entries.
      await deps.access.audit.record({
        actor,
        action,
        outcome: 'denied',
        details: { permission, requested: [...requested], reason: 'tenant outside the caller scope' },
      });
      throw new YaguraError(
        'FORBIDDEN',
        'Not permitted: the request names a tenant that is not open to you',
        {
          location: { key: 'tenants' },
        },
      );
    }
  }
  return tenantScope(actor, requested, known);
}

/** A query parameter given once or repeated (`?tenant=a&tenant=b`), as a list; undefined when absent. */
export function asList<T extends string>(value: T | T[] | undefined): T[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}
