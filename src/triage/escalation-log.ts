// The escalation log: one row per escalation and one per channel delivery with its attempts; written and read back.
import type { Actor } from '../access/actor.js';
import type { Delivery, DeliveryAttempt } from '../notify/deliver.js';
import type { Language } from '../notify/templates.js';
import type { StateDb } from '../state/database.js';

export interface DeliveryRecord {
  kind: Delivery['kind'];
  target: string;
  /** `pending`: not through yet and retried later (at `nextAttemptAt`). */
  status: Delivery['status'] | 'pending';
  nextAttemptAt: number | null;
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
  /** `pending` while a delivery is still being retried. */
  status: 'delivered' | 'partial' | 'failed' | 'pending';
  deliveries: DeliveryRecord[];
}

/** The stored status of an escalation (a delivery still pending counts as not through). */
export type SettledStatus = Exclude<Escalation['status'], 'pending'>;

/** A delivery as first written, before any attempt: it starts in the outbox, so a restart does not lose it. */
export interface NewDelivery {
  id: string;
  kind: Delivery['kind'];
  target: string;
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
  deliveries: readonly NewDelivery[];
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
      status: 'failed',
    })
    .execute();
  for (const d of e.deliveries) {
    await trx
      .insertInto('escalation_deliveries')
      .values({
        id: d.id,
        escalation_id: e.id,
        tenant: e.tenant,
        alert_id: e.alertId,
        channel_kind: d.kind,
        target: d.target,
        status: 'failed',
        attempts: 0,
        last_error: null,
        finished_at: e.at,
        attempt_log: '[]',
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
  const pending = new Map(
    (
      await db
        .selectFrom('escalation_outbox')
        .select(['delivery_id', 'next_attempt_at'])
        .where(
          'escalation_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((o) => [o.delivery_id, o.next_attempt_at]),
  );
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
    status: deliveries.some((d) => d.escalation_id === r.id && pending.has(d.id))
      ? 'pending'
      : (r.status as Escalation['status']),
    deliveries: deliveries
      .filter((d) => d.escalation_id === r.id)
      .map((d) => ({
        kind: d.channel_kind as Delivery['kind'],
        target: d.target,
        status: pending.has(d.id) ? 'pending' : (d.status as Delivery['status']),
        nextAttemptAt: pending.get(d.id) ?? null,
        attempts: d.attempts,
        lastError: d.last_error,
        finishedAt: d.finished_at,
        attemptLog: JSON.parse(d.attempt_log) as DeliveryAttempt[],
      })),
  }));
}

/** The status of an escalation from its deliveries' (pending ones counted as not through). */
export function settledStatus(statuses: readonly string[]): SettledStatus {
  const delivered = statuses.filter((s) => s === 'delivered').length;
  return delivered === statuses.length ? 'delivered' : delivered === 0 ? 'failed' : 'partial';
}

/**
 * The alert's history entry for an escalation: its outcome and each channel's. Every channel not through when the
 * request's attempts end is retried later (pending).
 */
export function historyText(
  policy: string,
  outcome: Escalation['status'],
  deliveries: readonly Delivery[],
): string {
  const lines = deliveries.map((d) => {
    const tries = `${d.attempts.length} attempt${d.attempts.length === 1 ? '' : 's'}`;
    return d.status === 'delivered'
      ? `${d.kind} ${d.target}: delivered after ${tries}`
      : `${d.kind} ${d.target}: not delivered after ${tries} (${d.lastError ?? 'unknown error'}), retried later`;
  });
  return clip([`Escalation (policy "${policy}"): ${outcome}`, ...lines].join('\n'), 2000);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
