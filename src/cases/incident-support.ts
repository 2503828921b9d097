// What the incident services share: loading an incident with its permission check (tenant first), the timeline
// write, the audit record in the same transaction, and checks of users and texts.
import type { Selectable } from 'kysely';
import type { Actor } from '../access/actor.js';
import { PERMISSIONS } from '../access/permissions.js';
import { YaguraError } from '../core/errors.js';
import type { StateDb } from '../state/database.js';
import { isRecordId, newRecordId, nowOf, permitFound, type TriageDeps } from '../triage/service-support.js';
import type { Permission } from '../access/permissions.js';
import { auditCaseChange, type TimelineEntryInput } from './case-support.js';
import type { IncidentsTable } from './tables.js';

export type IncidentRow = Selectable<IncidentsTable>;

export { nowOf };

export async function loadIncident(db: StateDb, id: string): Promise<IncidentRow | undefined> {
  if (!isRecordId(id)) return undefined;
  return db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The incident, once `permission` is granted in its tenant; a missing or foreign one is NOT_FOUND or FORBIDDEN. */
export async function permitIncident(
  deps: TriageDeps,
  actor: Actor,
  permission: Permission,
  id: string,
  action: string,
): Promise<IncidentRow> {
  const row = await loadIncident(deps.db, id);
  await permitFound(deps, actor, permission, row, {
    action,
    target: { type: 'incident', id: id.slice(0, 80) },
    what: 'incident',
  });
  return row!;
}

/** Writes one timeline entry inside `trx` (the caller's transaction) and returns its id. */
export async function appendTimeline(trx: StateDb, entry: TimelineEntryInput, now: number): Promise<string> {
  // Time-ordered ids: entries of one millisecond still list in the order they were written.
  const id = newRecordId();
  await trx
    .insertInto('incident_timeline')
    .values({
      id,
      incident_id: entry.incidentId,
      tenant: entry.tenant,
      kind: entry.kind,
      summary: entry.summary.slice(0, 2000),
      event_time: entry.eventTime ?? null,
      recorded_at: now,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      ref_type: entry.ref?.type ?? null,
      ref_id: entry.ref?.id ?? null,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute();
  return id;
}

/** Writes a timeline entry about the incident `row` by `actor` inside `trx`, and returns its id. */
export function appendIncidentTimeline(
  trx: StateDb,
  row: { id: string; tenant: string },
  actor: Actor,
  now: number,
  kind: TimelineEntryInput['kind'],
  summary: string,
  details: Record<string, unknown>,
  ref?: { type: string; id: string },
): Promise<string> {
  return appendTimeline(
    trx,
    {
      incidentId: row.id,
      tenant: row.tenant,
      kind,
      summary,
      actor: actorRef(actor),
      ...(ref ? { ref } : {}),
      details,
    },
    now,
  );
}

/** Records a successful change to an incident in the audit log, inside `trx`. */
export async function auditIncident(
  deps: TriageDeps,
  trx: StateDb,
  actor: Actor,
  action: string,
  incident: { id: string; tenant: string },
  details: Record<string, unknown>,
): Promise<void> {
  await auditCaseChange(deps, trx, actor, action, { type: 'incident', ...incident }, details);
}

/** Marks the incident as changed now by `actor`: the first write of most transactions here. */
export async function touchIncident(trx: StateDb, id: string, actor: Actor, now: number): Promise<void> {
  await trx
    .updateTable('incidents')
    .set({ updated_at: now, updated_by: actor.id })
    .where('id', '=', id)
    .execute();
}

/**
 * A user an incident or task of `tenant` may be given to: active, holding incidents:read, working in the tenant.
 * Taken by id or user name; returns the id.
 */
export async function checkCaseUser(db: StateDb, user: string, tenant: string): Promise<string> {
  const found = await db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'disabled_at'])
    .where((eb) => eb.or([eb('id', '=', user), eb('username', '=', user)]))
    .executeTakeFirst();
  if (!found || found.disabled_at !== null) {
    throw new YaguraError('REQUEST_INVALID', `No active user "${user.slice(0, 80)}"`);
  }
  const roles: readonly string[] = PERMISSIONS['incidents:read'].roles;
  if (!roles.includes(found.role)) {
    throw new YaguraError('REQUEST_INVALID', `${found.username} (${found.role}) cannot work on incidents`);
  }
  if (found.role !== 'admin') {
    const member = await db
      .selectFrom('user_tenants')
      .select('user_id')
      .where('user_id', '=', found.id)
      .where('tenant_id', '=', tenant)
      .executeTakeFirst();
    if (!member) {
      throw new YaguraError('REQUEST_INVALID', `${found.username} does not work in tenant "${tenant}"`);
    }
  }
  return found.id;
}

/** Trimmed text of 1..max characters; REQUEST_INVALID naming `what` otherwise. */
export function checkText(text: string | undefined, what: string, max = 2000): string {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') throw new YaguraError('REQUEST_INVALID', `${what} is empty`);
  if (trimmed.length > max) {
    throw new YaguraError('REQUEST_INVALID', `${what} may have at most ${max} characters`);
  }
  return trimmed;
}

/** An epoch-ms time, or REQUEST_INVALID naming `what`. */
export function checkTime(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 8.64e15) {
    throw new YaguraError('TIME_INVALID', `${what} is not a valid time: ${value}`);
  }
  return Math.trunc(value);
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

export function incidentTarget(id: string): { type: string; id: string } {
  return { type: 'incident', id };
}

export function actorRef(actor: Actor): { id: string; name: string } {
  return { id: actor.id, name: actor.name };
}

export { newRecordId };
