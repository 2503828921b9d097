// The zod schemas of the incident routes: incidents, tasks, timeline entries, observables, and their shared pieces.
import { z } from 'zod';
import { TIMELINE_KINDS } from '../../cases/case-support.js';
import {
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  LINK_RELATIONS,
  OBSERVABLE_SOURCES,
  PRIORITIES,
  TASK_STATUSES,
  TLPS,
} from '../../cases/incident-model.js';
import { OBSERVABLE_TYPES } from '../../cases/observables/observable.js';
import {
  INCIDENT_CATEGORIES,
  LANGUAGES,
  RESPONSE_PHASES,
  RESPONSE_ROLES,
} from '../../cases/playbooks/playbook.js';
import { LEVELS } from '../../detect/sigma/rule.js';
import { timeParam } from '../time-range.js';

export const categoryEnum = z
  .enum(INCIDENT_CATEGORIES)
  .describe('The incident category (docs/incidents.md).');
export const phaseEnum = z.enum(RESPONSE_PHASES).describe('A response phase (NIST SP 800-61).');
export const severityEnum = z.enum(LEVELS);
export const priorityEnum = z.enum(PRIORITIES).describe('P1 (act now) to P4.');
export const tlpEnum = z.enum(TLPS).describe('Traffic Light Protocol 2.0 label.');
export const taskStatusEnum = z.enum(TASK_STATUSES);
export const timelineKindEnum = z.enum(TIMELINE_KINDS);
export const relationEnum = z
  .enum(LINK_RELATIONS)
  .describe('What the other incident is to this one: related, duplicate, parent or child.');

export const localizedSchema = z.object({ ja: z.string(), en: z.string() }).meta({
  id: 'LocalizedText',
  description: 'A text in Japanese and English.',
});

/** A time in a body: epoch ms, or text (ISO 8601, now-2h, ...). */
export const timeInput = z
  .union([z.number().int().min(0), z.string().min(1).max(100)])
  .describe('Epoch ms, ISO 8601 or a relative time such as now-2h.');

export function timeValue(value: number | string, now: number, key: string): number {
  return typeof value === 'number' ? value : timeParam(value, now, key);
}

export const incidentSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    ref: z.string().describe('For humans: INC-<year>-<number>, numbered per tenant and year.'),
    title: z.string(),
    description: z.string(),
    category: categoryEnum,
    severity: severityEnum,
    priority: priorityEnum,
    tlp: tlpEnum,
    phase: phaseEnum,
    status: z.enum(INCIDENT_STATUSES),
    source: z.enum(INCIDENT_SOURCES).describe('How the incident came in.'),
    sourceRef: z.string().nullable().describe('What the source refers to (an inquiry id), if anything.'),
    playbook: z
      .object({ id: z.string(), version: z.number() })
      .nullable()
      .describe('The playbook its tasks came from.'),
    language: z.enum(LANGUAGES).describe("The tenant's language when it was opened."),
    assignees: z.array(z.string()).describe('User ids.'),
    affectedAssets: z.array(z.string()).describe('Asset ids of the inventory.'),
    affectedUsers: z.array(z.string()),
    dueAt: z.number().nullable(),
    createdAt: z.number(),
    createdBy: z.object({ id: z.string(), name: z.string() }),
    updatedAt: z.number(),
    updatedBy: z.string(),
    closedAt: z.number().nullable(),
    closedBy: z.string().nullable(),
    closeReason: z.string().nullable(),
  })
  .meta({ id: 'Incident', description: 'An incident (case). Times are epoch ms.' });

const templateSchema = z.object({ id: z.string(), title: localizedSchema, body: localizedSchema });

export const taskSchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    tenant: z.string(),
    phase: phaseEnum,
    title: localizedSchema,
    description: localizedSchema.nullable(),
    role: z.enum(RESPONSE_ROLES).nullable(),
    owner: z.string().nullable().describe('A user id.'),
    dueAt: z.number().nullable(),
    status: taskStatusEnum,
    checklist: z.array(
      z.object({
        text: localizedSchema,
        done: z.boolean(),
        doneAt: z.number().optional(),
        doneBy: z.string().optional(),
      }),
    ),
    notes: z.string().nullable(),
    order: z.number(),
    templates: z.array(templateSchema).describe("The playbook's texts for the task (requests, notices)."),
    playbook: z
      .object({ id: z.string(), version: z.number(), taskId: z.string() })
      .nullable()
      .describe('The playbook task it came from; null when made by hand.'),
    createdAt: z.number(),
    updatedAt: z.number(),
    completedAt: z.number().nullable(),
  })
  .meta({ id: 'IncidentTask', description: 'A task of an incident, from its playbook or made by hand.' });

export const timelineEntrySchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    tenant: z.string(),
    kind: timelineKindEnum,
    summary: z.string(),
    eventTime: z.number().nullable().describe('When it happened, if known apart from when it was recorded.'),
    recordedAt: z.number(),
    actor: z.object({ id: z.string(), name: z.string() }),
    ref: z.object({ type: z.string(), id: z.string() }).nullable().describe('What the entry is about.'),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'TimelineEntry', description: 'One entry of an incident timeline.' });

export const observableSchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    tenant: z.string(),
    type: z.enum(OBSERVABLE_TYPES),
    value: z.string().describe('Canonical form.'),
    source: z.enum(OBSERVABLE_SOURCES).describe('How it first came in.'),
    firstSeen: z.number(),
    lastSeen: z.number(),
    note: z.string().nullable(),
    sighting: z
      .object({
        count: z
          .number()
          .describe("Events of the tenant where it appears, over the store's whole retention."),
        hosts: z
          .array(z.object({ name: z.string(), count: z.number() }))
          .describe('Distinct host.name values.'),
        firstSeen: z.number().nullable(),
        lastSeen: z.number().nullable(),
        searchedAt: z.number(),
      })
      .nullable()
      .describe('The last sighting search; null before the first.'),
    createdAt: z.number(),
  })
  .meta({ id: 'IncidentObservable', description: 'An observable (IOC) of an incident.' });

export const detailSchema = z
  .object({
    incident: incidentSchema,
    tasks: z.array(taskSchema),
    alertIds: z.array(z.string()),
    observables: z.array(observableSchema),
    links: z.array(
      z.object({
        incidentId: z.string(),
        ref: z.string(),
        title: z.string(),
        status: z.enum(INCIDENT_STATUSES),
        relation: relationEnum,
        linkedAt: z.number(),
      }),
    ),
    counts: z.object({
      tasks: z.number(),
      tasksOpen: z.number(),
      alerts: z.number(),
      observables: z.number(),
      timeline: z.number(),
    }),
  })
  .meta({ id: 'IncidentDetail', description: 'An incident with its tasks, alerts, observables and links.' });

export const incidentParams = z.object({ id: z.string().min(1).max(200) });

/** A text download (CSV): documented here, sent as bytes so it is not serialized as JSON. */
export function download(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.string() } } };
}

/** What sendCsv needs of a route's reply (each route's reply has its own schema-typed send). */
interface CsvReply<R> {
  header(name: string, value: string): R;
  send(payload: string): R;
}

/** Sends CSV text as an attachment, not cached, as bytes so it is not serialized as JSON (see `download`). */
export function sendCsv<R extends CsvReply<R>>(reply: R, filename: string, text: string): R {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(text, 'utf8') as unknown as string);
}
