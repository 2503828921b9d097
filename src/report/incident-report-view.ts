// Turns an incident snapshot into the values a report template sees: times in the tenant zone, codes in words.
import { YaguraError } from '../core/errors.js';
import {
  REPORT_KINDS,
  REPORT_LANGUAGES,
  TLP_LEVELS,
  type IncidentReportData,
  type IncidentReportKind,
  type ReportLanguage,
} from './incident-report-data.js';
import { assertTimeZone, defang, formatDateTime, formatSize, timeZoneLabel } from './report-format.js';
import { DONE_TASK_STATUSES, DROPPED_TASK_STATUSES, label, tlpMeaning } from './report-labels.js';
import type { TemplateValue } from './template.js';

type View = { [key: string]: TemplateValue };

function invalid(message: string, key: string): YaguraError {
  return new YaguraError('REPORT_DATA_INVALID', message, { location: { key } });
}

function assertTime(value: unknown, key: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid(`${key} must be a time in epoch milliseconds`, key);
  }
}

/** Checks the parts that would otherwise fail deep inside formatting, naming the field. */
export function assertReportOptions(kind: string, language: string): asserts kind is IncidentReportKind {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    throw invalid(`Unknown report kind "${kind}" (use ${REPORT_KINDS.join(' or ')})`, 'kind');
  }
  if (!(REPORT_LANGUAGES as readonly string[]).includes(language)) {
    throw invalid(`Unknown report language "${language}" (use ${REPORT_LANGUAGES.join(' or ')})`, 'language');
  }
}

function assertData(data: IncidentReportData): void {
  assertTimeZone(data.tenant.timeZone);
  if (!TLP_LEVELS.includes(data.incident.tlp)) {
    throw invalid(
      `Unknown TLP level "${String(data.incident.tlp)}" (use ${TLP_LEVELS.join(', ')})`,
      'incident.tlp',
    );
  }
  assertTime(data.generatedAt, 'generatedAt');
  assertTime(data.incident.createdAt, 'incident.createdAt');
  for (const key of ['closedAt', 'occurredAt', 'detectedAt'] as const) {
    if (data.incident[key] != null) assertTime(data.incident[key], `incident.${key}`);
  }
  data.timeline.forEach((t, i) => {
    assertTime(t.recordedAt, `timeline[${i}].recordedAt`);
    if (t.eventTime != null) assertTime(t.eventTime, `timeline[${i}].eventTime`);
  });
  data.tasks.forEach((t, i) => {
    if (t.due != null) assertTime(t.due, `tasks[${i}].due`);
  });
  data.communications.forEach((c, i) => assertTime(c.at, `communications[${i}].at`));
  data.evidence.forEach((e, i) => assertTime(e.receivedAt, `evidence[${i}].receivedAt`));
}

/** Blank text counts as not written. */
function written(text: string | undefined): string | null {
  return text !== undefined && text.trim() !== '' ? text.trim() : null;
}

export function buildIncidentReportView(
  data: IncidentReportData,
  kind: IncidentReportKind,
  language: ReportLanguage,
): View {
  assertData(data);
  const zone = data.tenant.timeZone;
  const time = (ms: number) => formatDateTime(ms, zone, language);
  const optionalTime = (ms: number | null | undefined) => (ms == null ? null : time(ms));
  const join = (items: readonly string[]) => items.join(language === 'ja' ? '、' : ', ');
  const { incident } = data;

  const tasks = data.tasks.map((t) => ({
    title: t.title,
    phase: t.phase,
    phaseLabel: label('phase', t.phase, language),
    status: t.status,
    statusLabel: label('taskStatus', t.status, language),
    owner: t.owner ?? null,
    due: optionalTime(t.due),
    done: DONE_TASK_STATUSES.has(t.status),
  }));
  const tasksDone = tasks.filter((t) => t.done);
  const tasksOpen = tasks.filter((t) => !t.done && !DROPPED_TASK_STATUSES.has(t.status));

  const timeline = data.timeline
    .map((t, index) => ({ t, index, at: t.eventTime ?? t.recordedAt }))
    .sort((a, b) => a.at - b.at || a.t.recordedAt - b.t.recordedAt || a.index - b.index)
    .map(({ t, at }) => ({
      time: time(at),
      recordedAt: time(t.recordedAt),
      kind: t.kind,
      kindLabel: label('timelineKind', t.kind, language),
      summary: t.summary,
      actor: t.actor,
    }));
  const earliestEvent = data.timeline.reduce<number | undefined>(
    (min, t) => (t.eventTime != null && (min === undefined || t.eventTime < min) ? t.eventTime : min),
    undefined,
  );

  const tlp = incident.tlp;
  const sequence = data.sequence ?? null;

  return {
    lang: language,
    report: {
      kind,
      sequence: sequence === null ? null : String(sequence),
      sequenceLabel:
        sequence === null ? null : language === 'ja' ? `第${sequence}報` : `Update no. ${sequence}`,
      generatedAt: time(data.generatedAt),
      timeZone: timeZoneLabel(zone, data.generatedAt),
      recipient: written(data.recipient),
    },
    tlp: {
      label: `TLP:${tlp.toUpperCase()}`,
      className: `tlp-${tlp.replace('+', '-')}`,
      meaning: tlpMeaning(tlp, language),
    },
    tenant: { name: data.tenant.name, timeZone: zone },
    author: {
      name: data.author.name,
      organization: data.author.organization,
      email: written(data.author.email),
      phone: written(data.author.phone),
    },
    incident: {
      number: incident.number,
      title: incident.title,
      category: incident.category,
      categoryLabel: label('category', incident.category, language),
      severity: incident.severity,
      severityLabel: label('level', incident.severity, language),
      priority: incident.priority,
      priorityLabel: label('level', incident.priority, language),
      phase: incident.phase,
      phaseLabel: label('phase', incident.phase, language),
      status: incident.status,
      statusLabel: label('incidentStatus', incident.status, language),
      createdAt: time(incident.createdAt),
      occurredAt: optionalTime(incident.occurredAt ?? earliestEvent),
      detectedAt: time(incident.detectedAt ?? incident.createdAt),
      closedAt: optionalTime(incident.closedAt),
      description: incident.description,
      assigneesText: join(incident.assignees),
      affectedUsersText: join(incident.affectedUsers),
      assignees: [...incident.assignees],
      affectedUsers: [...incident.affectedUsers],
      affectedAssets: incident.affectedAssets.map((a) => ({
        name: a.name,
        criticality: a.criticality ?? null,
        criticalityLabel: a.criticality == null ? null : label('level', a.criticality, language),
      })),
    },
    sections: {
      summary: written(data.sections.summary),
      impact: written(data.sections.impact),
      actionsTaken: written(data.sections.actionsTaken),
      nextSteps: written(data.sections.nextSteps),
      cause: written(data.sections.cause),
      response: written(data.sections.response),
      recommendations: written(data.sections.recommendations),
    },
    timeline,
    tasks,
    tasksDone,
    tasksOpen,
    observables: data.observables.map((o) => ({
      type: o.type,
      typeLabel: label('observableType', o.type, language),
      value: o.value,
      defanged: defang(o.type, o.value),
      sightings: o.sightings == null ? null : String(o.sightings),
    })),
    communications: [...data.communications]
      .sort((a, b) => a.at - b.at)
      .map((c) => ({
        at: time(c.at),
        direction: c.direction,
        directionLabel: label('direction', c.direction, language),
        counterpart: c.counterpart,
        subject: c.subject,
        summary: c.summary,
      })),
    evidence: [...data.evidence]
      .sort((a, b) => a.receivedAt - b.receivedAt)
      .map((e) => ({
        name: e.name,
        sha256: e.sha256,
        size: formatSize(e.size),
        sizeBytes: String(e.size),
        receivedAt: time(e.receivedAt),
      })),
    counts: {
      timeline: timeline.length,
      tasks: tasks.length,
      tasksDone: tasksDone.length,
      tasksOpen: tasksOpen.length,
      observables: data.observables.length,
      communications: data.communications.length,
      evidence: data.evidence.length,
      assignees: incident.assignees.length,
      affectedAssets: incident.affectedAssets.length,
      affectedUsers: incident.affectedUsers.length,
    },
  };
}
