// The permission check for something of an incident: the incident's tenant (from IncidentLookup), then the permission.
import type { Actor } from '../../access/actor.js';
import type { Permission } from '../../access/permissions.js';
import type { TenantId } from '../../core/ids.js';
import { permitFound, type TriageDeps } from '../../triage/service-support.js';
import type { IncidentLookup } from '../case-support.js';

/** The incident's tenant once `actor` holds `permission` there; a missing incident and a foreign one look alike. */
export async function permitIncident(
  deps: TriageDeps,
  incidents: IncidentLookup,
  actor: Actor,
  permission: Permission,
  incidentId: string,
  action: string,
): Promise<TenantId> {
  const tenant = incidentId.length <= 200 ? await incidents.tenantOf(incidentId) : undefined;
  return permitFound(deps, actor, permission, tenant === undefined ? undefined : { tenant }, {
    action,
    target: { type: 'incident', id: incidentId.slice(0, 80) },
    what: 'incident',
  });
}
