// The escalation tables (policies, escalations, delivery log, retry outbox) as Kysely sees them. Times: epoch ms.

export interface EscalationPoliciesTable {
  id: string;
  tenant: string;
  name: string;
  /** The lowest alert severity level the policy applies to. */
  min_severity: string;
  /** JSON array of rule tags or tag prefixes (`attack.credential_access`, `attack`) or alert kinds; empty: any. */
  categories: string;
  /** JSON array of { name, email?, phone?, note? }. */
  contacts: string;
  /** JSON array of channel settings (see escalation-policy.ts); holds webhook secrets, never returned whole. */
  channels: string;
  language: string;
  response_target_minutes: number | null;
  /** Lower first when several policies match. */
  priority: number;
  /** 1 or 0. */
  enabled: number;
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
  deleted_at: number | null;
}

export interface EscalationsTable {
  id: string;
  tenant: string;
  alert_id: string;
  policy_id: string;
  at: number;
  actor_id: string;
  actor_name: string;
  language: string;
  assessment: string;
  /** JSON array of strings. */
  recommended_actions: string;
  /** 'delivered' (every channel), 'partial' or 'failed' (none). */
  status: string;
}

export interface EscalationDeliveriesTable {
  id: string;
  escalation_id: string;
  tenant: string;
  alert_id: string;
  channel_kind: string;
  target: string;
  status: string;
  attempts: number;
  last_error: string | null;
  finished_at: number;
  /** JSON array of DeliveryAttempt. */
  attempt_log: string;
}

/** A delivery still being retried; its row in escalation_deliveries shows the attempts so far. */
export interface EscalationOutboxTable {
  /** The escalation_deliveries row it completes. */
  delivery_id: string;
  escalation_id: string;
  /** JSON channel settings as at escalation time (a webhook's secret included, as in the policy). */
  channel: string;
  /** JSON array of the policy's contacts at escalation time (email channels without recipients use them). */
  contacts: string;
  /** JSON Notification: the message rendered at escalation time, sent as it is. */
  message: string;
  /** Retries made after the escalation request's own attempts. */
  retries: number;
  /** After a failed attempt at or past this time the delivery is failed for good. */
  give_up_at: number;
  next_attempt_at: number;
}

export interface EscalationTables {
  escalation_policies: EscalationPoliciesTable;
  escalations: EscalationsTable;
  escalation_deliveries: EscalationDeliveriesTable;
  escalation_outbox: EscalationOutboxTable;
}
