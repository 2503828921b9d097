// The detection tables as Kysely sees them.
export interface FindingsTable {
  id: string;
  tenant: string;
  kind: 'sigma' | 'correlation' | 'intel';
  rule_id: string;
  rule_title: string;
  level: string;
  /** Epoch ms of the event (or the event that completed a correlation). */
  time: number;
  created_at: number;
  /** JSON array of the matched events' ids (a correlation's sample). */
  event_ids: string;
  /** JSON: author, tags, matched fields, intel or correlation facts. */
  detail: string;
}

export interface TenantRuleSetsTable {
  tenant: string;
  rule_set: string;
  /** 1 or 0. */
  enabled: number;
  changed_by: string;
  changed_at: number;
}

export interface DetectionTables {
  findings: FindingsTable;
  tenant_rule_sets: TenantRuleSetsTable;
}
