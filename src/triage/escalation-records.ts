// Rows around an escalation: the alert it starts from, its rule's tags and its tenant's name and time zone (read
// by the escalate flow), and an alert's escalations with their delivery logs.
import type { Actor } from '../access/actor.js';
import type { StateDb } from '../state/database.js';
import { readEscalations, type Escalation } from './escalation-log.js';
import { isRecordId, permitFound, type TriageDeps } from './service-support.js';

/** The alert's row, when the id is one an alert could have. */
export async function alertRow(db: StateDb, alertId: string) {
  return isRecordId(alertId)
    ? await db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst()
    : undefined;
}

/** The alert's rule tags, from its latest stored finding (alerts do not keep them). */
export async function ruleTags(db: StateDb, tenant: string, ruleId: string): Promise<string[]> {
  const latest = await db
    .selectFrom('findings')
    .select('detail')
    .where('tenant', '=', tenant)
    .where('rule_id', '=', ruleId)
    .orderBy('time', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return [];
  const detail = JSON.parse(latest.detail) as { tags?: unknown };
  return Array.isArray(detail.tags) ? detail.tags.filter((t): t is string => typeof t === 'string') : [];
}

/** The tenant's name and time zone, its id and UTC when its row is gone. */
export async function tenantPlace(
  db: StateDb,
  tenant: string,
): Promise<{ id: string; name: string; timeZone: string }> {
  const place = await db
    .selectFrom('tenants')
    .select(['id', 'name', 'time_zone'])
    .where('id', '=', tenant)
    .executeTakeFirst();
  return { id: tenant, name: place?.name ?? tenant, timeZone: place?.time_zone ?? 'UTC' };
}

/** The escalations of an alert with their delivery logs, newest first. */
export async function alertEscalations(
  deps: TriageDeps,
  actor: Actor,
  alertId: string,
): Promise<Escalation[]> {
  const row = isRecordId(alertId)
    ? await deps.db.selectFrom('alerts').select(['id', 'tenant']).where('id', '=', alertId).executeTakeFirst()
    : undefined;
  const tenant = await permitFound(deps, actor, 'alerts:read', row, {
    action: 'alert.escalations.read',
    target: { type: 'alert', id: alertId.slice(0, 80) },
    what: 'alert',
  });
  return readEscalations(deps.db, tenant, alertId);
}
