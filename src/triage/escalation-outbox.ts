// The escalation outbox: deliveries not through yet are kept with their rendered message and channel, retried with
// exponential backoff for a bounded time, and each attempt's outcome is written to the delivery log.
import type { Notification } from '../notify/channel.js';
import type { DeliveryAttempt } from '../notify/deliver.js';
import type { StateDb } from '../state/database.js';
import { settledStatus } from './escalation-log.js';
import type { ChannelSettings, Contact } from './escalation-policy.js';

export interface FollowUpPolicy {
  /** Wait before the first later retry (default 1 min); each further wait doubles. */
  firstDelayMs?: number;
  /** Cap of one wait (default 1 h). */
  maxDelayMs?: number;
  /** How long after the escalation a delivery is retried before it is failed for good (default 24 h). */
  windowMs?: number;
}

export interface OutboxEntry {
  deliveryId: string;
  escalationId: string;
  channel: ChannelSettings;
  contacts: readonly Contact[];
  message: Notification;
  retries: number;
}

const MINUTE = 60_000;

/** The wait before later retry number `n` (n >= 1). */
export function followUpDelay(n: number, policy: FollowUpPolicy = {}): number {
  const first = policy.firstDelayMs ?? MINUTE;
  return Math.min(first * 2 ** (n - 1), policy.maxDelayMs ?? 60 * MINUTE);
}

/** Puts a new delivery in the outbox, inside the transaction that writes its escalation. */
export async function addToOutbox(
  trx: StateDb,
  entry: Omit<OutboxEntry, 'retries'>,
  at: number,
  policy: FollowUpPolicy = {},
): Promise<void> {
  await trx
    .insertInto('escalation_outbox')
    .values({
      delivery_id: entry.deliveryId,
      escalation_id: entry.escalationId,
      channel: JSON.stringify(entry.channel),
      contacts: JSON.stringify(entry.contacts),
      message: JSON.stringify(entry.message),
      retries: 0,
      give_up_at: at + (policy.windowMs ?? 24 * 60 * MINUTE),
      next_attempt_at: at + followUpDelay(1, policy),
    })
    .execute();
}

/** Outbox entries due at `now`, soonest first. */
export async function dueEntries(db: StateDb, now: number, limit: number): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('escalation_outbox')
    .selectAll()
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('delivery_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    deliveryId: r.delivery_id,
    escalationId: r.escalation_id,
    channel: JSON.parse(r.channel) as ChannelSettings,
    contacts: JSON.parse(r.contacts) as Contact[],
    message: JSON.parse(r.message) as Notification,
    retries: r.retries,
  }));
}

export interface AttemptsOutcome {
  /** The attempts just made, numbered from 1 (renumbered after the logged ones). */
  attempts: readonly DeliveryAttempt[];
  delivered: boolean;
  lastError: string | null;
  finishedAt: number;
  /** True for a later retry (counts towards the backoff), false for the escalation request's own attempts. */
  retry: boolean;
}

/**
 * Writes attempts of an outbox delivery to its log. Delivered: it leaves the outbox. Not: it waits for the next
 * retry, or past the retry window is failed for good. The escalation's status follows its deliveries.
 */
export async function recordAttempts(
  db: StateDb,
  deliveryId: string,
  outcome: AttemptsOutcome,
  policy: FollowUpPolicy = {},
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('escalation_deliveries')
      .select(['escalation_id', 'attempts', 'attempt_log'])
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    const queued = await trx
      .selectFrom('escalation_outbox')
      .select(['retries', 'give_up_at'])
      .where('delivery_id', '=', deliveryId)
      .executeTakeFirst();
    if (!row || !queued) return;
    const log = [
      ...(JSON.parse(row.attempt_log) as DeliveryAttempt[]),
      ...outcome.attempts.map((a, i) => ({ ...a, attempt: row.attempts + i + 1 })),
    ];
    await trx
      .updateTable('escalation_deliveries')
      .set({
        status: outcome.delivered ? 'delivered' : 'failed',
        attempts: log.length,
        last_error: outcome.delivered ? null : outcome.lastError,
        finished_at: outcome.finishedAt,
        attempt_log: JSON.stringify(log),
      })
      .where('id', '=', deliveryId)
      .execute();
    const retries = queued.retries + (outcome.retry ? 1 : 0);
    if (outcome.delivered || outcome.finishedAt >= queued.give_up_at) {
      await trx.deleteFrom('escalation_outbox').where('delivery_id', '=', deliveryId).execute();
    } else {
      const next = Math.min(outcome.finishedAt + followUpDelay(retries + 1, policy), queued.give_up_at);
      await trx
        .updateTable('escalation_outbox')
        .set({ retries, next_attempt_at: next })
        .where('delivery_id', '=', deliveryId)
        .execute();
    }
    const statuses = await trx
      .selectFrom('escalation_deliveries')
      .select('status')
      .where('escalation_id', '=', row.escalation_id)
      .execute();
    await trx
      .updateTable('escalations')
      .set({ status: settledStatus(statuses.map((s) => s.status)) })
      .where('id', '=', row.escalation_id)
      .execute();
  });
}
