// Incidents as the services hand them out: the vocabularies (priority, TLP, status, source, link relations, task
// status), the model types, and their mapping from the incident tables.
import type { Selectable } from 'kysely';
import type { Level } from '../detect/sigma/rule.js';
import type { TimelineKind } from './case-support.js';
import type { Observable, ObservableType } from './observables/observable.js';
import type {
  IncidentCategory,
  Language,
  LocalizedText,
  PlaybookTemplate,
  ResponsePhase,
  ResponseRole,
} from './playbooks/playbook.js';
import type {
  IncidentObservablesTable,
  IncidentsTable,
  IncidentTasksTable,
  IncidentTimelineTable,
} from './tables.js';

/** P1 (act now) to P4 (when there is time): how soon, as opposed to severity (how bad). */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Traffic Light Protocol 2.0 labels: who the incident's information may be shared with. */
export const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLPS)[number];

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** How the incident came in. */
export const INCIDENT_SOURCES = ['alerts', 'customer_report', 'inquiry', 'email', 'manual'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** A link read from the incident that holds it: "parent" means the other incident is this one's parent. */
export const LINK_RELATIONS = ['related', 'duplicate', 'parent', 'child'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

export const INVERSE_RELATION: Readonly<Record<LinkRelation, LinkRelation>> = {
  related: 'related',
  duplicate: 'duplicate',
  parent: 'child',
  child: 'parent',
};

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'skipped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const OBSERVABLE_SOURCES = ['alert', 'text', 'manual'] as const;
export type ObservableSource = (typeof OBSERVABLE_SOURCES)[number];

export interface Incident {
  id: string;
  tenant: string;
  /** For humans: INC-2026-0007 (per tenant and year). */
  ref: string;
  title: string;
  description: string;
  category: IncidentCategory;
  severity: Level;
  priority: Priority;
  tlp: Tlp;
  phase: ResponsePhase;
  status: IncidentStatus;
  source: IncidentSource;
  sourceRef: string | null;
  playbook: { id: string; version: number } | null;
  language: Language;
  /** User ids. */
  assignees: string[];
  /** Asset ids of the inventory. */
  affectedAssets: string[];
  /** User names as the logs write them. */
  affectedUsers: string[];
  dueAt: number | null;
  createdAt: number;
  createdBy: { id: string; name: string };
  updatedAt: number;
  updatedBy: string;
  closedAt: number | null;
  closedBy: string | null;
  closeReason: string | null;
}

export interface ChecklistItem {
  text: LocalizedText;
  done: boolean;
  doneAt?: number;
  /** A user id. */
  doneBy?: string;
}

export interface IncidentTask {
  id: string;
  incidentId: string;
  tenant: string;
  phase: ResponsePhase;
  title: LocalizedText;
  description: LocalizedText | null;
  role: ResponseRole | null;
  owner: string | null;
  dueAt: number | null;
  status: TaskStatus;
  checklist: ChecklistItem[];
  notes: string | null;
  order: number;
  templates: PlaybookTemplate[];
  /** The playbook task it came from; null for a task made by hand. */
  playbook: { id: string; version: number; taskId: string } | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

export interface TimelineEntry {
  id: string;
  incidentId: string;
  tenant: string;
  kind: TimelineKind;
  summary: string;
  eventTime: number | null;
  recordedAt: number;
  actor: { id: string; name: string };
  ref: { type: string; id: string } | null;
  details: Record<string, unknown> | null;
}

export interface Sighting {
  /** Events of the tenant where the observable appears, over the whole store. */
  count: number;
  /** The distinct host.name values of those events (the most frequent first, at most SIGHTING_HOSTS_MAX). */
  hosts: { name: string; count: number }[];
  firstSeen: number | null;
  lastSeen: number | null;
  /** When the search ran. */
  searchedAt: number;
}

export interface IncidentObservable extends Observable {
  id: string;
  incidentId: string;
  tenant: string;
  type: ObservableType;
  source: ObservableSource;
  firstSeen: number;
  lastSeen: number;
  note: string | null;
  sighting: Sighting | null;
  createdAt: number;
}

export interface IncidentLink {
  incidentId: string;
  ref: string;
  title: string;
  status: IncidentStatus;
  relation: LinkRelation;
  linkedAt: number;
}

export function incidentRef(year: number, seq: number): string {
  return `INC-${year}-${String(seq).padStart(4, '0')}`;
}

const list = (text: string): string[] => JSON.parse(text) as string[];

export function toIncident(row: Selectable<IncidentsTable>): Incident {
  return {
    id: row.id,
    tenant: row.tenant,
    ref: incidentRef(row.year, row.seq),
    title: row.title,
    description: row.description,
    category: row.category as IncidentCategory,
    severity: row.severity as Level,
    priority: row.priority as Priority,
    tlp: row.tlp as Tlp,
    phase: row.phase as ResponsePhase,
    status: row.status as IncidentStatus,
    source: row.source as IncidentSource,
    sourceRef: row.source_ref,
    playbook:
      row.playbook_id !== null && row.playbook_version !== null
        ? { id: row.playbook_id, version: row.playbook_version }
        : null,
    language: row.language as Language,
    assignees: list(row.assignees),
    affectedAssets: list(row.affected_assets),
    affectedUsers: list(row.affected_users),
    dueAt: row.due_at,
    createdAt: row.created_at,
    createdBy: { id: row.created_by, name: row.created_by_name },
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    closeReason: row.close_reason,
  };
}

export function toTask(row: Selectable<IncidentTasksTable>): IncidentTask {
  return {
    id: row.id,
    incidentId: row.incident_id,
    tenant: row.tenant,
    phase: row.phase as ResponsePhase,
    title: { ja: row.title_ja, en: row.title_en },
    description:
      row.description_ja !== null && row.description_en !== null
        ? { ja: row.description_ja, en: row.description_en }
        : null,
    role: row.role as ResponseRole | null,
    owner: row.owner,
    dueAt: row.due_at,
    status: row.status as TaskStatus,
    checklist: JSON.parse(row.checklist) as ChecklistItem[],
    notes: row.notes,
    order: row.position,
    templates: JSON.parse(row.templates) as PlaybookTemplate[],
    playbook:
      row.playbook_id !== null && row.playbook_version !== null && row.playbook_task_id !== null
        ? { id: row.playbook_id, version: row.playbook_version, taskId: row.playbook_task_id }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

export function toTimelineEntry(row: Selectable<IncidentTimelineTable>): TimelineEntry {
  return {
    id: row.id,
    incidentId: row.incident_id,
    tenant: row.tenant,
    kind: row.kind as TimelineKind,
    summary: row.summary,
    eventTime: row.event_time,
    recordedAt: row.recorded_at,
    actor: { id: row.actor_id, name: row.actor_name },
    ref: row.ref_type !== null && row.ref_id !== null ? { type: row.ref_type, id: row.ref_id } : null,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
  };
}

export function toIncidentObservable(row: Selectable<IncidentObservablesTable>): IncidentObservable {
  return {
    id: row.id,
    incidentId: row.incident_id,
    tenant: row.tenant,
    type: row.type as ObservableType,
    value: row.value,
    source: row.source as ObservableSource,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    note: row.note,
    sighting:
      row.sighted_at === null
        ? null
        : {
            count: row.sighting_count ?? 0,
            hosts: JSON.parse(row.sighting_hosts ?? '[]') as Sighting['hosts'],
            firstSeen: row.sighting_first,
            lastSeen: row.sighting_last,
            searchedAt: row.sighted_at,
          },
    createdAt: row.created_at,
  };
}
