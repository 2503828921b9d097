// The escalation tables (per-tenant policies, escalations, the delivery log) as Kysely sees them. Times: epoch ms.

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

export interface EscalationTables {
  escalation_policies: EscalationPoliciesTable;
  escalations: EscalationsTable;
  escalation_deliveries: EscalationDeliveriesTable;
}
