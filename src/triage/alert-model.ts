// Alerts as the services hand them out, and their mapping from the alerts and alert_history tables.
import type { Selectable } from 'kysely';
import type { Level } from '../detect/sigma/rule.js';
import type { Entity } from './entity.js';
import type { SeverityLevel } from './severity.js';
import type { AlertStatus } from './status.js';
import type { AlertHistoryTable, AlertsTable } from './tables.js';

export interface Alert {
  id: string;
  tenant: string;
  rule: { id: string; title: string; level: Level };
  kind: string;
  entity: Entity;
  status: AlertStatus;
  /** What the analysts decided, kept when the alert is closed. */
  resolution: 'false_positive' | 'true_positive' | null;
  severity: { score: number; level: SeverityLevel };
  /** 1-5 from the asset inventory (3: no rated asset known). */
  criticality: number;
  assetIds: string[];
  intelHits: number;
  findings: number;
  events: number;
  firstSeen: number;
  lastSeen: number;
  /** New findings of the entity join this alert until this time (while it is open). */
  windowEnd: number;
  sampleEventIds: string[];
  /** User id. */
  assignee: string | null;
  createdAt: number;
  updatedAt: number;
  acknowledgedAt: number | null;
  escalatedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

export interface AlertHistoryEntry {
  id: string;
  at: number;
  actor: { kind: string; id: string; name: string };
  kind: 'status' | 'assign' | 'comment';
  from?: AlertStatus;
  to?: AlertStatus;
  assignee?: string | null;
  /** The reason of a status change or an assignment, or the comment. */
  text?: string;
}

export function toAlert(row: Selectable<AlertsTable>): Alert {
  const entity: Entity = {};
  if (row.host_name !== null) entity['host.name'] = row.host_name;
  if (row.user_name !== null) entity['user.name'] = row.user_name;
  if (row.source_ip !== null) entity['source.ip'] = row.source_ip;
  if (row.destination_ip !== null) entity['destination.ip'] = row.destination_ip;
  return {
    id: row.id,
    tenant: row.tenant,
    rule: { id: row.rule_id, title: row.rule_title, level: row.rule_level as Level },
    kind: row.kind,
    entity,
    status: row.status as AlertStatus,
    resolution: row.resolution as Alert['resolution'],
    severity: { score: row.severity, level: row.severity_level as SeverityLevel },
    criticality: row.criticality,
    assetIds: JSON.parse(row.asset_ids) as string[],
    intelHits: row.intel_hits,
    findings: row.finding_count,
    events: row.event_count,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    windowEnd: row.window_end,
    sampleEventIds: JSON.parse(row.sample_event_ids) as string[],
    assignee: row.assignee,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    acknowledgedAt: row.acknowledged_at,
    escalatedAt: row.escalated_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
  };
}

export function toHistoryEntry(row: Selectable<AlertHistoryTable>): AlertHistoryEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    kind: row.kind as AlertHistoryEntry['kind'],
    ...(row.from_status !== null ? { from: row.from_status as AlertStatus } : {}),
    ...(row.to_status !== null ? { to: row.to_status as AlertStatus } : {}),
    ...(row.kind === 'assign' ? { assignee: row.assignee } : {}),
    ...(row.text !== null ? { text: row.text } : {}),
  };
}
