// Incident reports (速報 and 最終報告書): the incident's snapshot gathered from the case services, rendered from the
// templates as HTML or PDF, and each generated report recorded on the timeline with the text the analyst wrote.
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { IncidentReportData } from '../report/incident-report-data.js';
import {
  REPORT_KINDS,
  REPORT_LANGUAGES,
  type IncidentReportKind,
  type ReportLanguage,
} from '../report/incident-report-data.js';
import { renderIncidentReportHtml } from '../report/render-incident-report.js';
import { htmlToPdf } from '../report/pdf.js';
import { nowOf, type TriageDeps } from '../triage/service-support.js';
import type { Cases } from './cases.js';
import type { CommunicationService } from './contacts/communication-service.js';
import type { EvidenceService } from './evidence-service.js';
import { incidentRef, type TimelineEntry } from './incident-model.js';
import { auditIncident, permitIncident } from './incident-support.js';

export const SECTION_KEYS = [
  'summary',
  'impact',
  'actionsTaken',
  'nextSteps',
  'cause',
  'response',
  'recommendations',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type ReportSections = Partial<Record<SectionKey, string>>;

export interface ReportRequest {
  kind: IncidentReportKind;
  language: ReportLanguage;
  sections: ReportSections;
  recipient?: string;
}

/** A report generated earlier, as its timeline entry keeps it. */
export interface ReportRecord {
  /** The timeline entry's id. */
  id: string;
  kind: IncidentReportKind;
  language: ReportLanguage;
  sequence: number;
  generatedAt: number;
  generatedBy: { id: string; name: string };
  sections: ReportSections;
  recipient: string | null;
}

export interface IncidentReportOptions {
  /** Folder of the user's report templates; a file there replaces the built-in one of the same name. */
  templateDir?: string;
  chromiumPath?: string;
  /** The SOC or CSIRT that signs the reports. */
  organization: string;
}

export interface IncidentReportSources {
  cases: Cases;
  evidence?: EvidenceService;
  communications?: CommunicationService;
}

const SECTION_MAX = 20_000;

export class IncidentReportService {
  constructor(
    private readonly deps: TriageDeps,
    private readonly sources: IncidentReportSources,
    private readonly options: IncidentReportOptions,
  ) {}

  /** The reports generated so far, newest first. */
  async history(actor: Actor, incidentId: string): Promise<ReportRecord[]> {
    return reportsOf(await this.sources.cases.timeline.list(actor, incidentId, { kinds: ['report'] }));
  }

  /** The report as HTML without recording it (a preview). */
  async preview(actor: Actor, incidentId: string, request: ReportRequest): Promise<string> {
    const checked = checkRequest(request);
    const { data } = await this.snapshot(actor, incidentId, checked);
    return renderIncidentReportHtml(data, {
      kind: checked.kind,
      language: checked.language,
      ...(this.options.templateDir ? { templateDir: this.options.templateDir } : {}),
    });
  }

  /** Renders the report and records it on the timeline (kind `report`) with its number and the analyst's text. */
  async generate(
    actor: Actor,
    incidentId: string,
    request: ReportRequest,
    format: 'html' | 'pdf',
  ): Promise<{ body: string | Buffer; sequence: number; filename: string }> {
    const row = await permitIncident(this.deps, actor, 'incidents:manage', incidentId, 'incident.report');
    const checked = checkRequest(request);
    const { data, sequence } = await this.snapshot(actor, incidentId, checked);
    const html = await renderIncidentReportHtml(data, {
      kind: checked.kind,
      language: checked.language,
      ...(this.options.templateDir ? { templateDir: this.options.templateDir } : {}),
    });
    const body =
      format === 'pdf'
        ? await htmlToPdf(html, {
            language: checked.language,
            ...(this.options.chromiumPath ? { chromiumPath: this.options.chromiumPath } : {}),
          })
        : html;
    const ref = incidentRef(row.year, row.seq);
    const now = nowOf(this.deps);
    const words = checked.kind === 'flash' ? `Flash report #${sequence}` : `Final report #${sequence}`;
    await this.deps.db.transaction().execute(async (trx) => {
      await this.sources.cases.incidents.append(trx, {
        incidentId,
        tenant: row.tenant,
        kind: 'report',
        summary: `${words} (${checked.language}, ${format.toUpperCase()}) generated`,
        actor: { id: actor.id, name: actor.name },
        details: {
          kind: checked.kind,
          language: checked.language,
          format,
          sequence,
          sections: checked.sections,
          recipient: checked.recipient ?? null,
        },
      });
      await auditIncident(this.deps, trx, actor, 'incident.report', row, {
        kind: checked.kind,
        language: checked.language,
        format,
        sequence,
        at: now,
      });
    });
    const filename = `${ref}-${checked.kind}-${sequence}.${checked.language}.${format}`;
    return { body, sequence, filename };
  }

  /**
   * Everything the templates may show, read with the actor's permissions, and the report's number (第N報): one more
   * than the reports of its kind already on the timeline.
   */
  private async snapshot(
    actor: Actor,
    incidentId: string,
    request: ReportRequest,
  ): Promise<{ data: IncidentReportData; sequence: number }> {
    const { cases, evidence, communications } = this.sources;
    const detail = await cases.incidents.get(actor, incidentId);
    const incident = detail.incident;
    const [timeline, files, talks, tenant, people, assets] = await Promise.all([
      cases.timeline.list(actor, incidentId),
      evidence ? evidence.list(actor, incidentId) : Promise.resolve([]),
      communications ? communications.list(actor, incidentId) : Promise.resolve([]),
      this.deps.db
        .selectFrom('tenants')
        .select(['name', 'time_zone'])
        .where('id', '=', incident.tenant)
        .executeTakeFirst(),
      this.userNames([...incident.assignees, ...detail.tasks.flatMap((t) => (t.owner ? [t.owner] : []))]),
      this.assetsOf(incident.affectedAssets),
    ]);
    const name = (id: string) => people.get(id) ?? id;
    const sequence = reportsOf(timeline).filter((r) => r.kind === request.kind).length + 1;
    const firstEvent = timeline
      .map((e) => e.eventTime)
      .filter((t): t is number => t !== null)
      .sort((a, b) => a - b)[0];
    const data: IncidentReportData = {
      incident: {
        number: incident.ref,
        title: incident.title,
        category: incident.category,
        severity: incident.severity,
        priority: incident.priority,
        tlp: incident.tlp,
        phase: incident.phase,
        status: incident.status,
        createdAt: incident.createdAt,
        closedAt: incident.closedAt,
        occurredAt: firstEvent ?? null,
        detectedAt: incident.createdAt,
        description: incident.description,
        assignees: incident.assignees.map(name),
        affectedAssets: assets,
        affectedUsers: incident.affectedUsers,
      },
      tenant: { name: tenant?.name ?? incident.tenant, timeZone: tenant?.time_zone ?? 'UTC' },
      timeline: [...timeline]
        .filter((e) => e.kind !== 'report')
        .sort((a, b) => (a.eventTime ?? a.recordedAt) - (b.eventTime ?? b.recordedAt))
        .map((e) => ({
          eventTime: e.eventTime,
          recordedAt: e.recordedAt,
          kind: e.kind,
          summary: e.summary,
          actor: e.actor.name,
        })),
      tasks: detail.tasks.map((t) => ({
        phase: t.phase,
        title: t.title[request.language],
        status: t.status,
        owner: t.owner ? name(t.owner) : null,
        due: t.dueAt,
      })),
      observables: detail.observables.map((o) => ({
        type: o.type,
        value: o.value,
        sightings: o.sighting?.count ?? null,
      })),
      communications: talks.map((c) => ({
        at: c.occurredAt,
        direction:
          c.direction === 'outgoing' ? 'outbound' : c.direction === 'incoming' ? 'inbound' : c.direction,
        counterpart: c.counterpart,
        subject: c.subject,
        summary: c.summary,
      })),
      evidence: files
        .filter((f) => f.disposed === null)
        .map((f) => ({ name: f.name, sha256: f.sha256, size: f.size, receivedAt: f.receivedAt })),
      sections: request.sections,
      author: { name: actor.name, organization: this.options.organization },
      ...(request.recipient ? { recipient: request.recipient } : {}),
      sequence,
      generatedAt: nowOf(this.deps),
    };
    return { data, sequence };
  }

  private async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.deps.db
      .selectFrom('users')
      .select(['id', 'display_name', 'username'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((r) => [r.id, r.display_name || r.username]));
  }

  private async assetsOf(ids: readonly string[]): Promise<{ name: string; criticality: string | null }[]> {
    if (ids.length === 0) return [];
    const rows = await this.deps.db
      .selectFrom('assets')
      .select(['id', 'name', 'criticality'])
      .where('id', 'in', [...ids])
      .execute();
    return rows.map((r) => ({
      name: r.name,
      criticality: r.criticality === null ? null : String(r.criticality),
    }));
  }
}

function checkRequest(request: ReportRequest): ReportRequest {
  if (!(REPORT_KINDS as readonly string[]).includes(request.kind)) {
    throw new YaguraError('REQUEST_INVALID', `The report kind must be one of ${REPORT_KINDS.join(', ')}`);
  }
  if (!(REPORT_LANGUAGES as readonly string[]).includes(request.language)) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `The report language must be one of ${REPORT_LANGUAGES.join(', ')}`,
    );
  }
  const sections: ReportSections = {};
  for (const [key, value] of Object.entries(request.sections)) {
    if (!(SECTION_KEYS as readonly string[]).includes(key)) {
      throw new YaguraError('REQUEST_INVALID', `Unknown report section "${key.slice(0, 40)}"`);
    }
    if (typeof value !== 'string') continue;
    if (value.length > SECTION_MAX) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `The section "${key}" may have at most ${SECTION_MAX} characters`,
      );
    }
    if (value.trim()) sections[key as SectionKey] = value.trim();
  }
  const recipient = request.recipient?.trim();
  return { kind: request.kind, language: request.language, sections, ...(recipient ? { recipient } : {}) };
}

/** The reports a timeline records, newest first. */
function reportsOf(entries: readonly TimelineEntry[]): ReportRecord[] {
  return entries
    .filter((e) => e.kind === 'report')
    .map((e) => recordOf(e.id, e.recordedAt, e.actor, e.details))
    .filter((r): r is ReportRecord => r !== undefined)
    .sort((a, b) => b.generatedAt - a.generatedAt || b.sequence - a.sequence);
}

function recordOf(
  id: string,
  at: number,
  actor: { id: string; name: string },
  details: Record<string, unknown> | null,
): ReportRecord | undefined {
  if (!details) return undefined;
  const kind = details.kind as IncidentReportKind;
  const language = details.language as ReportLanguage;
  if (!REPORT_KINDS.includes(kind) || !REPORT_LANGUAGES.includes(language)) return undefined;
  return {
    id,
    kind,
    language,
    sequence: typeof details.sequence === 'number' ? details.sequence : 1,
    generatedAt: at,
    generatedBy: actor,
    sections: (details.sections ?? {}) as ReportSections,
    recipient: typeof details.recipient === 'string' ? details.recipient : null,
  };
}
