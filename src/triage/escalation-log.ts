// The escalation log: one row per escalation and one per channel delivery with its attempts; written and read back.
import type { Actor } from '../access/actor.js';
import type { Delivery, DeliveryAttempt } from '../notify/deliver.js';
import type { Language } from '../notify/templates.js';
import type { StateDb } from '../state/database.js';
import { newRecordId } from './service-support.js';

export interface DeliveryRecord {
  kind: Delivery['kind'];
  target: string;
  status: Delivery['status'];
  attempts: number;
  lastError: string | null;
  finishedAt: number;
  attemptLog: DeliveryAttempt[];
}

export interface Escalation {
  id: string;
  tenant: string;
  alertId: string;
  policyId: string;
  at: number;
  actor: { id: string; name: string };
  language: Language;
  assessment: string;
  recommendedActions: string[];
  status: 'delivered' | 'partial' | 'failed';
  deliveries: DeliveryRecord[];
}

export interface EscalationWrite {
  id: string;
  tenant: string;
  alertId: string;
  policyId: string;
  at: number;
  actor: Pick<Actor, 'id' | 'name'>;
  language: Language;
  assessment: string;
  recommendedActions: readonly string[];
  status: Escalation['status'];
  deliveries: readonly Delivery[];
}

/** Inside the caller's transaction (with its audit entry). */
export async function writeEscalation(trx: StateDb, e: EscalationWrite): Promise<void> {
  await trx
    .insertInto('escalations')
    .values({
      id: e.id,
      tenant: e.tenant,
      alert_id: e.alertId,
      policy_id: e.policyId,
      at: e.at,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      language: e.language,
      assessment: e.assessment,
      recommended_actions: JSON.stringify(e.recommendedActions),
      status: e.status,
    })
    .execute();
  for (const d of e.deliveries) {
    await trx
      .insertInto('escalation_deliveries')
      .values({
        id: newRecordId(),
        escalation_id: e.id,
        tenant: e.tenant,
        alert_id: e.alertId,
        channel_kind: d.kind,
        target: d.target,
        status: d.status,
        attempts: d.attempts.length,
        last_error: d.lastError,
        finished_at: d.finishedAt,
        attempt_log: JSON.stringify(d.attempts),
      })
      .execute();
  }
}

/** The escalations of an alert with their delivery logs, newest first (only the one given by `only`). */
export async function readEscalations(
  db: StateDb,
  tenant: string,
  alertId: string,
  only?: string,
): Promise<Escalation[]> {
  let query = db
    .selectFrom('escalations')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('alert_id', '=', alertId);
  if (only) query = query.where('id', '=', only);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').execute();
  if (rows.length === 0) return [];
  const deliveries = await db
    .selectFrom('escalation_deliveries')
    .selectAll()
    .where(
      'escalation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tenant: r.tenant,
    alertId: r.alert_id,
    policyId: r.policy_id,
    at: r.at,
    actor: { id: r.actor_id, name: r.actor_name },
    language: r.language as Language,
    assessment: r.assessment,
    recommendedActions: JSON.parse(r.recommended_actions) as string[],
    status: r.status as Escalation['status'],
    deliveries: deliveries
      .filter((d) => d.escalation_id === r.id)
      .map((d) => ({
        kind: d.channel_kind as Delivery['kind'],
        target: d.target,
        status: d.status as Delivery['status'],
        attempts: d.attempts,
        lastError: d.last_error,
        finishedAt: d.finished_at,
        attemptLog: JSON.parse(d.attempt_log) as DeliveryAttempt[],
      })),
  }));
}

/** The alert's history entry for an escalation: its outcome and each channel's. */
export function historyText(
  policy: string,
  outcome: Escalation['status'],
  deliveries: readonly Delivery[],
): string {
  const lines = deliveries.map((d) => {
    const tries = `${d.attempts.length} attempt${d.attempts.length === 1 ? '' : 's'}`;
    return d.status === 'delivered'
      ? `${d.kind} ${d.target}: delivered after ${tries}`
      : `${d.kind} ${d.target}: failed after ${tries} (${d.lastError ?? 'unknown error'})`;
  });
  return clip([`Escalation (policy "${policy}"): ${outcome}`, ...lines].join('\n'), 2000);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
