// The incident tables (incidents, their alerts, links, tasks, timeline and observables) as Kysely sees them.
// Times are epoch milliseconds; lists are JSON arrays in text columns.

export interface IncidentsTable {
  id: string;
  tenant: string;
  /** The year of creation (UTC) and the running number within it per tenant: INC-<year>-<seq, 4 digits>. */
  year: number;
  seq: number;
  title: string;
  description: string;
  category: string;
  severity: string;
  priority: string;
  tlp: string;
  phase: string;
  status: string;
  source: string;
  /** What the source refers to (an inquiry id, a mail analysis id), when it has one. */
  source_ref: string | null;
  playbook_id: string | null;
  playbook_version: number | null;
  /** 'ja' or 'en': the tenant's language when the incident was opened; the tasks' one text is in it. */
  language: string;
  /** JSON arrays of strings: user ids, asset ids, user names. */
  assignees: string;
  affected_assets: string;
  affected_users: string;
  due_at: number | null;
  created_at: number;
  created_by: string;
  created_by_name: string;
  updated_at: number;
  updated_by: string;
  closed_at: number | null;
  closed_by: string | null;
  close_reason: string | null;
}

export interface IncidentAlertsTable {
  incident_id: string;
  alert_id: string;
  tenant: string;
  linked_at: number;
  linked_by: string;
}

/** Stored both ways: (a, b, parent) beside (b, a, child); related and duplicate mirror themselves. */
export interface IncidentLinksTable {
  incident_id: string;
  other_id: string;
  tenant: string;
  relation: string;
  linked_at: number;
  linked_by: string;
}

export interface IncidentTasksTable {
  id: string;
  incident_id: string;
  tenant: string;
  phase: string;
  title_ja: string;
  title_en: string;
  description_ja: string | null;
  description_en: string | null;
  /** A response role (playbook.ts RESPONSE_ROLES); null for tasks made by hand without one. */
  role: string | null;
  /** A user id. */
  owner: string | null;
  due_at: number | null;
  status: string;
  /** JSON: [{ text: { ja, en }, done, doneAt?, doneBy? }]. */
  checklist: string;
  notes: string | null;
  position: number;
  /** JSON: the playbook's template texts for the task. */
  templates: string;
  playbook_id: string | null;
  playbook_version: number | null;
  playbook_task_id: string | null;
  created_at: number;
  created_by: string;
  updated_at: number;
  completed_at: number | null;
}

export interface IncidentTimelineTable {
  id: string;
  incident_id: string;
  tenant: string;
  kind: string;
  summary: string;
  /** When it happened, if known apart from when it was recorded. */
  event_time: number | null;
  recorded_at: number;
  actor_id: string;
  actor_name: string;
  ref_type: string | null;
  ref_id: string | null;
  /** JSON object or null. */
  details: string | null;
}

export interface IncidentObservablesTable {
  id: string;
  incident_id: string;
  tenant: string;
  type: string;
  /** Canonical (normalizeObservable). */
  value: string;
  /** observableKey: unique per incident. */
  key: string;
  /** 'alert', 'text' or 'manual': how it first came in. */
  source: string;
  first_seen: number;
  last_seen: number;
  note: string | null;
  /** The last sighting search: events found, distinct hosts (JSON array), first and last event time, when it ran. */
  sighting_count: number | null;
  sighting_hosts: string | null;
  sighting_first: number | null;
  sighting_last: number | null;
  sighted_at: number | null;
  created_at: number;
  created_by: string;
}

export interface CaseTables {
  incidents: IncidentsTable;
  incident_alerts: IncidentAlertsTable;
  incident_links: IncidentLinksTable;
  incident_tasks: IncidentTasksTable;
  incident_timeline: IncidentTimelineTable;
  incident_observables: IncidentObservablesTable;
}
