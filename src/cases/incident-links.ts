// Links between incidents of one tenant (related, duplicate, parent, child), stored both ways so each side lists them.
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { StateDb } from '../state/database.js';
import type { TriageDeps } from '../triage/service-support.js';
import { oneOf } from './incident-fields.js';
import { incidentRef, INVERSE_RELATION, LINK_RELATIONS, type LinkRelation } from './incident-model.js';
import {
  actorRef,
  appendTimeline,
  auditIncident,
  nowOf,
  permitIncident,
  type IncidentRow,
} from './incident-support.js';

/** A link's timeline entry (kind `status`: the incident's relations are part of its state), naming the other one. */
function entry(
  trx: StateDb,
  row: IncidentRow,
  actor: Actor,
  now: number,
  summary: string,
  details: Record<string, unknown>,
  ref: { type: string; id: string },
): Promise<string> {
  return appendTimeline(
    trx,
    { incidentId: row.id, tenant: row.tenant, kind: 'status', summary, actor: actorRef(actor), ref, details },
    now,
  );
}

/** Links two incidents of one tenant, both ways: `relation` is what the other is to the first (parent, child, ...). */
export async function linkIncidents(
  deps: TriageDeps,
  actor: Actor,
  id: string,
  otherId: string,
  relation: LinkRelation,
): Promise<void> {
  oneOf(LINK_RELATIONS, relation, 'relation');
  const row = await permitIncident(deps, actor, 'incidents:manage', id, 'incident.link');
  const other = await permitIncident(deps, actor, 'incidents:manage', otherId, 'incident.link');
  if (other.id === row.id) throw new YaguraError('REQUEST_INVALID', 'An incident cannot be linked to itself');
  if (other.tenant !== row.tenant) {
    throw new YaguraError('REQUEST_INVALID', 'Only incidents of the same tenant can be linked');
  }
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    for (const [a, b, rel] of [
      [row, other, relation],
      [other, row, INVERSE_RELATION[relation]],
    ] as const) {
      await trx
        .deleteFrom('incident_links')
        .where('incident_id', '=', a.id)
        .where('other_id', '=', b.id)
        .execute();
      await trx
        .insertInto('incident_links')
        .values({
          incident_id: a.id,
          other_id: b.id,
          tenant: a.tenant,
          relation: rel,
          linked_at: now,
          linked_by: actor.id,
        })
        .execute();
      const summary = `Linked ${incidentRef(b.year, b.seq)} (${rel}): ${b.title}`;
      await entry(trx, a, actor, now, summary, { relation: rel }, { type: 'incident', id: b.id });
    }
    await auditIncident(deps, trx, actor, 'incident.link', row, { other: other.id, relation });
  });
}

/** Removes the link between two incidents (both ways). */
export async function unlinkIncidents(
  deps: TriageDeps,
  actor: Actor,
  id: string,
  otherId: string,
): Promise<void> {
  const row = await permitIncident(deps, actor, 'incidents:manage', id, 'incident.unlink');
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('incident_links')
      .where((eb) =>
        eb.or([
          eb.and([eb('incident_id', '=', id), eb('other_id', '=', otherId)]),
          eb.and([eb('incident_id', '=', otherId), eb('other_id', '=', id)]),
        ]),
      )
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) {
      throw new YaguraError('NOT_FOUND', `Incident ${row.id} has no link to "${otherId.slice(0, 80)}"`);
    }
    await entry(
      trx,
      row,
      actor,
      now,
      'Removed a link to another incident',
      {},
      {
        type: 'incident',
        id: otherId,
      },
    );
    await auditIncident(deps, trx, actor, 'incident.unlink', row, { other: otherId });
  });
}
