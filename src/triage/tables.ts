// The triage tables (alerts, their history, per-finding triage marks, allow-list rules, assets) as Kysely sees them.
// Times are epoch milliseconds, as in the findings table.

export interface AlertsTable {
  id: string;
  tenant: string;
  rule_id: string;
  rule_title: string;
  rule_level: string;
  kind: string;
  /** The group key: tenant, rule id and entity values (see entity.ts). */
  group_key: string;
  host_name: string | null;
  user_name: string | null;
  source_ip: string | null;
  destination_ip: string | null;
  status: string;
  /** 'false_positive' or 'true_positive' once decided; kept when the alert is closed. */
  resolution: string | null;
  /** 0-100, see severity.ts. */
  severity: number;
  severity_level: string;
  /** 1-5, 3 when no asset is known. */
  criticality: number;
  /** JSON array of the asset ids matched when the alert was created. */
  asset_ids: string;
  intel_hits: number;
  finding_count: number;
  event_count: number;
  first_seen: number;
  last_seen: number;
  window_start: number;
  window_end: number;
  /** JSON array of event ids: the first and the latest few. */
  sample_event_ids: string;
  assignee: string | null;
  created_at: number;
  updated_at: number;
  acknowledged_at: number | null;
  escalated_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
}

export interface AlertHistoryTable {
  id: string;
  alert_id: string;
  tenant: string;
  at: number;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  /** 'status', 'assign' or 'comment'. */
  kind: string;
  from_status: string | null;
  to_status: string | null;
  assignee: string | null;
  /** The reason of a status change, or the comment. */
  text: string | null;
}

/** One row per finding the triage stage saw: the alert it joined, or the allow-list rule that suppressed it. */
export interface FindingTriageTable {
  finding_id: string;
  tenant: string;
  rule_id: string;
  time: number;
  alert_id: string | null;
  suppressed_by: string | null;
  /** JSON: the kept fields (entity, matched, context) the impact preview evaluates conditions on. */
  subject: string;
}

export interface AllowlistRulesTable {
  id: string;
  tenant: string;
  /** The detection rule id it applies to; null for every rule of the tenant. */
  rule_id: string | null;
  conditions: string;
  justification: string;
  owner: string;
  expires_at: number | null;
  source_alert_id: string | null;
  hits: number;
  last_hit_at: number | null;
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
  deleted_at: number | null;
}

export interface AssetsTable {
  id: string;
  tenant: string;
  name: string;
  /** JSON arrays of strings. */
  hostnames: string;
  addresses: string;
  users: string;
  tags: string;
  owner: string | null;
  /** 1-5; null when not rated (learned assets). */
  criticality: number | null;
  source: string;
  last_seen: number | null;
  created_at: number;
  updated_at: number;
}

export interface TriageTables {
  alerts: AlertsTable;
  alert_history: AlertHistoryTable;
  finding_triage: FindingTriageTable;
  allowlist_rules: AllowlistRulesTable;
  assets: AssetsTable;
}
