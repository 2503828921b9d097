// What the incident-handling services share: their dependencies, the timeline every part of a case writes to, and
// the audit record each change leaves.
import type { Actor } from '../access/actor.js';
import type { TenantId } from '../core/ids.js';
import type { StateDb } from '../state/database.js';
import type { IncidentCategory } from './playbooks/playbook.js';
import type { TriageDeps } from '../triage/service-support.js';

/** The same dependencies as the triage services (state database, audit log, tenant directory, clock). */
export type CaseDeps = TriageDeps & {
  /** The data folder: evidence files live under <dataDir>/evidence. */
  dataDir: string;
};

/** What a timeline entry is about; automatic entries name the part of the case that wrote them. */
export const TIMELINE_KINDS = [
  'created',
  'status',
  'phase',
  'assignment',
  'alert',
  'task',
  'observable',
  'evidence',
  'communication',
  'inquiry',
  'report',
  'comment',
  'manual',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntryInput {
  incidentId: string;
  tenant: string;
  kind: TimelineKind;
  /** One line for the timeline, in the words of the actor or of the writing service. */
  summary: string;
  /** When it happened, if known and different from when it was recorded (manual entries, alerts' first sight). */
  eventTime?: number;
  actor: { id: string; name: string };
  /** What it refers to, e.g. { type: 'task', id } or { type: 'communication', id }. */
  ref?: { type: string; id: string };
  details?: Record<string, unknown>;
}

/**
 * Writes timeline entries inside the caller's transaction, so an entry exists exactly when the change it reports
 * was committed. The incident service implements it; contacts, communications, evidence and reports call it.
 */
export interface TimelineWriter {
  append(trx: StateDb, entry: TimelineEntryInput): Promise<string>;
}

/** How other case services find an incident: its tenant (for the permission check), or undefined if there is none. */
export interface IncidentLookup {
  tenantOf(incidentId: string): Promise<string | undefined>;
}

/** What an inquiry turned into an incident brings with it (see IncidentCreator). */
export interface IncidentFromInquiry {
  tenant: string;
  title: string;
  description: string;
  category?: IncidentCategory;
  /** The inquiry it came from; the incident records it as its source. */
  inquiryId: string;
}

/**
 * Opens an incident for an inquiry (問合せ). The incident service implements it; the inquiry service calls it inside
 * its own transaction (`trx`) so the incident and the inquiry's link to it commit together.
 */
export interface IncidentCreator {
  createFromInquiry(
    actor: Actor,
    trx: StateDb | undefined,
    input: IncidentFromInquiry,
  ): Promise<{ id: string }>;
}

/** The facts of an incident that communication templates quote ({{incident.number}}, {{incident.title}}, ...). */
export interface IncidentFacts {
  id: string;
  tenant: string;
  /** The reference people quote, e.g. INC-2026-0007. */
  ref: string;
  title: string;
  category: IncidentCategory;
  severity: string;
  priority: string;
  tlp: string;
  createdAt: number;
}

/** Reads an incident's facts for templates; the incident service implements it. Undefined when there is none. */
export interface IncidentFactsReader {
  factsOf(incidentId: string): Promise<IncidentFacts | undefined>;
}

/** The record a change is about, for the audit log; an installation-wide record (a shared contact) has no tenant. */
export interface CaseRecordRef {
  type: string;
  id: string;
  tenant: string | null;
}

/** Records a successful change to a case record (incident, contact, communication, inquiry) inside `trx`. */
export async function auditCaseChange(
  deps: TriageDeps,
  trx: StateDb,
  actor: Actor,
  action: string,
  record: CaseRecordRef,
  details: Record<string, unknown>,
): Promise<void> {
  await deps.audit.record(
    {
      actor,
      action,
      outcome: 'success',
      ...(record.tenant !== null ? { tenant: record.tenant as TenantId } : {}),
      target: { type: record.type, id: record.id },
      details,
    },
    { within: trx },
  );
}

/** Text as one timeline line: white space folded, cut at `max` characters with an ellipsis. */
export function timelineLine(text: string, max = 500): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
