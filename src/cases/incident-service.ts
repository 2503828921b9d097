// Incidents: opened by hand, from a customer report or from alerts (merged without duplicates), with the category's
// playbook tasks; updated, moved through the response phases, closed and reopened, assigned and linked. Every change
// checks permission and tenant first and is audited and put on the timeline in one transaction.
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import { LEVELS, type Level } from '../detect/sigma/rule.js';
import type { StateDb } from '../state/database.js';
import type { AlertService } from '../triage/alert-service.js';
import { checkLimit, permittedScope, permitTenant, type TriageDeps } from '../triage/service-support.js';
import {
  TIMELINE_KINDS,
  type IncidentCreator,
  type IncidentFacts,
  type IncidentFactsReader,
  type IncidentFromInquiry,
  type IncidentLookup,
  type TimelineEntryInput,
  type TimelineWriter,
} from './case-support.js';
import { checkFields, oneOf, type IncidentFields } from './incident-fields.js';
import { alertMaterials, attachAlerts } from './incident-alerts.js';
import { loadIncidentDetail, type IncidentDetail } from './incident-detail.js';
import {
  incidentRef,
  INCIDENT_SOURCES,
  toIncident,
  type Incident,
  type LinkRelation,
} from './incident-model.js';
import { linkIncidents, unlinkIncidents } from './incident-links.js';
import { addCategoryPlaybook } from './incident-playbook.js';
import { openIncident, type NewIncident } from './incident-open.js';
import { listIncidents, type IncidentPage, type IncidentQuery } from './incident-query.js';
import {
  appendIncidentTimeline,
  appendTimeline,
  auditIncident,
  checkCaseUser,
  checkText,
  distinct,
  loadIncident,
  nowOf,
  permitIncident,
  touchIncident,
  type IncidentRow,
} from './incident-support.js';
import {
  RESPONSE_PHASES,
  type IncidentCategory,
  type Playbook,
  type ResponsePhase,
} from './playbooks/playbook.js';
import type { IncidentsTable } from './tables.js';

export type { IncidentDetail } from './incident-detail.js';
export type { NewIncident } from './incident-open.js';
export type { IncidentFields } from './incident-fields.js';
export type { IncidentPage, IncidentQuery } from './incident-query.js';

export type AlertIncidentFields = Omit<
  NewIncident,
  'tenant' | 'source' | 'sourceRef' | 'title' | 'category'
> & {
  title?: string;
  category?: IncidentCategory;
};

export interface IncidentServiceOptions {
  /** The playbooks loaded at start (starter and user ones). */
  playbooks?: () => readonly Playbook[];
  /** Where createFromAlerts and addAlerts read alerts (with the caller's alerts:read permission). */
  alerts?: AlertService;
}

export class IncidentService implements TimelineWriter, IncidentLookup, IncidentCreator, IncidentFactsReader {
  constructor(
    private readonly deps: TriageDeps,
    private readonly options: IncidentServiceOptions = {},
  ) {}

  /** Opens an incident by hand or from a report, with its category's playbook tasks in the tenant's language. */
  async create(actor: Actor, input: NewIncident): Promise<IncidentDetail> {
    const tenant = await permitTenant(this.deps, actor, 'incidents:manage', input.tenant, {
      action: 'incident.create',
    });
    oneOf(INCIDENT_SOURCES, input.source, 'source');
    if (input.source === ('alerts' as string)) {
      throw new YaguraError('REQUEST_INVALID', 'Incidents from alerts are opened with createFromAlerts');
    }
    const id = await openIncident(this.deps, this.options, actor, tenant, input, []);
    return this.get(actor, id);
  }

  /**
   * Opens one incident from alerts of one tenant: their entities and matched values become observables, their
   * assets and users the affected ones, each alert a timeline entry at its first sight. Defaults: the most severe
   * alert's rule title and level, category `other`.
   */
  async createFromAlerts(
    actor: Actor,
    alertIds: readonly string[],
    fields: AlertIncidentFields = {},
  ): Promise<IncidentDetail> {
    const materials = await alertMaterials(this.deps, this.alertService(), actor, alertIds);
    const worst = [...materials].sort(
      (a, b) => b.alert.severity.score - a.alert.severity.score || a.alert.firstSeen - b.alert.firstSeen,
    )[0]!.alert;
    const tenant = await permitTenant(this.deps, actor, 'incidents:manage', worst.tenant, {
      action: 'incident.create',
    });
    const id = await openIncident(
      this.deps,
      this.options,
      actor,
      tenant,
      {
        ...fields,
        tenant,
        title: fields.title ?? worst.rule.title,
        category: fields.category ?? 'other',
        severity: fields.severity ?? worst.severity.level,
      },
      materials,
    );
    return this.get(actor, id);
  }

  /** Links more alerts (same tenant); alerts already linked, observables and assets already known are not added again. */
  async addAlerts(actor: Actor, id: string, alertIds: readonly string[]): Promise<IncidentDetail> {
    const row = await permitIncident(this.deps, actor, 'incidents:manage', id, 'incident.alerts');
    const materials = await alertMaterials(this.deps, this.alertService(), actor, alertIds);
    if (materials[0]!.alert.tenant !== row.tenant) {
      throw new YaguraError('REQUEST_INVALID', "The alerts belong to another tenant than the incident's");
    }
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await touchIncident(trx, id, actor, now);
      const done = await attachAlerts(trx, row, materials, actor, now);
      await auditIncident(this.deps, trx, actor, 'incident.alerts', row, {
        linked: done.linked,
        alreadyLinked: materials.length - done.linked.length,
        observablesAdded: done.observablesAdded,
      });
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: IncidentQuery): Promise<IncidentPage> {
    const limit = checkLimit(query.limit);
    for (const s of query.severity === undefined ? [] : [query.severity]) oneOf(LEVELS, s, 'severity');
    const scope = await permittedScope(this.deps, actor, 'incidents:read', 'incident.list', query.tenants);
    return listIncidents(this.deps.db, scope, { ...query, limit });
  }

  async get(actor: Actor, id: string): Promise<IncidentDetail> {
    const row = await permitIncident(this.deps, actor, 'incidents:read', id, 'incident.read');
    return loadIncidentDetail(this.deps.db, row);
  }

  /**
   * Changes the given fields; each change is listed on the timeline (kind `status`) and in the audit log. A new
   * category adds its playbook's tasks to the ones the incident has (see addCategoryPlaybook).
   */
  async update(actor: Actor, id: string, fields: IncidentFields): Promise<Incident> {
    const row = await permitIncident(this.deps, actor, 'incidents:manage', id, 'incident.update');
    const set = await checkFields(this.deps.db, row.tenant, fields);
    const changes: { field: string; from: unknown; to: unknown }[] = [];
    for (const [column, value] of Object.entries(set) as [keyof IncidentsTable, unknown][]) {
      if (row[column] !== value) changes.push({ field: column, from: row[column], to: value });
    }
    if (changes.length === 0) return toIncident(row);
    const now = nowOf(this.deps);
    const category = set.category !== undefined && set.category !== row.category ? set.category : undefined;
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('incidents')
        .set({ ...set, updated_at: now, updated_by: actor.id })
        .where('id', '=', id)
        .execute();
      const shown = changes.map((c) => `${c.field} ${short(c.from)} → ${short(c.to)}`).join('; ');
      await appendIncidentTimeline(trx, row, actor, now, 'status', `Changed: ${shown}`, { changes });
      const added =
        category === undefined
          ? undefined
          : await addCategoryPlaybook(
              trx,
              row,
              category as IncidentCategory,
              (set.severity ?? row.severity) as Level,
              this.options.playbooks?.() ?? [],
              actor,
              now,
            );
      await auditIncident(this.deps, trx, actor, 'incident.update', row, {
        changes,
        ...(added ? { playbook: added.playbook, tasksAdded: added.taskIds } : {}),
      });
    });
    return toIncident((await loadIncident(this.deps.db, id))!);
  }

  /** Moves the incident to another response phase (any order: a phase may be revisited). */
  async setPhase(actor: Actor, id: string, phase: ResponsePhase, note?: string): Promise<Incident> {
    oneOf(RESPONSE_PHASES, phase, 'phase');
    const text = note === undefined || note.trim() === '' ? undefined : checkText(note, 'The note');
    const row = await permitIncident(this.deps, actor, 'incidents:manage', id, 'incident.phase');
    if (row.status === 'closed') throw closedError(row);
    if (row.phase === phase) return toIncident(row);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('incidents')
        .set({ phase, updated_at: now, updated_by: actor.id })
        .where('id', '=', id)
        .execute();
      const summary = `Phase ${row.phase} → ${phase}${text ? `: ${text}` : ''}`;
      await appendIncidentTimeline(trx, row, actor, now, 'phase', summary, { from: row.phase, to: phase });
      await auditIncident(this.deps, trx, actor, 'incident.phase', row, {
        from: row.phase,
        to: phase,
        ...(text ? { note: text } : {}),
      });
    });
    return toIncident((await loadIncident(this.deps.db, id))!);
  }

  async close(actor: Actor, id: string, reason: string): Promise<Incident> {
    return this.setStatus(actor, id, 'closed', reason);
  }

  async reopen(actor: Actor, id: string, reason: string): Promise<Incident> {
    return this.setStatus(actor, id, 'open', reason);
  }

  /** Sets who handles the incident (user ids or names of users who work in its tenant); [] unassigns all. */
  async assign(actor: Actor, id: string, assignees: readonly string[]): Promise<Incident> {
    const row = await permitIncident(this.deps, actor, 'incidents:manage', id, 'incident.assign');
    if (assignees.length > 50)
      throw new YaguraError('REQUEST_INVALID', 'An incident takes at most 50 assignees');
    const ids: string[] = [];
    for (const user of distinct(assignees)) ids.push(await checkCaseUser(this.deps.db, user, row.tenant));
    const before = JSON.parse(row.assignees) as string[];
    const after = distinct(ids);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('incidents')
        .set({ assignees: JSON.stringify(after), updated_at: now, updated_by: actor.id })
        .where('id', '=', id)
        .execute();
      const summary = after.length === 0 ? 'Unassigned' : `Assigned to ${await this.userNames(trx, after)}`;
      await appendIncidentTimeline(trx, row, actor, now, 'assignment', summary, { from: before, to: after });
      await auditIncident(this.deps, trx, actor, 'incident.assign', row, { from: before, to: after });
    });
    return toIncident((await loadIncident(this.deps.db, id))!);
  }

  /** Links two incidents of one tenant: `relation` is what the other incident is to this one (parent, child, ...). */
  async link(actor: Actor, id: string, otherId: string, relation: LinkRelation): Promise<IncidentDetail> {
    await linkIncidents(this.deps, actor, id, otherId, relation);
    return this.get(actor, id);
  }

  /** Removes the link between two incidents (both ways). */
  async unlink(actor: Actor, id: string, otherId: string): Promise<IncidentDetail> {
    await unlinkIncidents(this.deps, actor, id, otherId);
    return this.get(actor, id);
  }

  /** TimelineWriter: for the other case services, inside their transaction (they checked permission). */
  async append(trx: StateDb, entry: TimelineEntryInput): Promise<string> {
    if (!(TIMELINE_KINDS as readonly string[]).includes(entry.kind)) {
      throw new YaguraError('REQUEST_INVALID', `Unknown timeline kind "${String(entry.kind)}"`);
    }
    return appendTimeline(trx, entry, nowOf(this.deps));
  }

  /** IncidentLookup: the incident's tenant, or undefined when there is no such incident. */
  async tenantOf(incidentId: string): Promise<string | undefined> {
    return (await loadIncident(this.deps.db, incidentId))?.tenant;
  }

  /** For the inquiry service: opens the incident inside its transaction, so the inquiry's link commits with it. */
  async createFromInquiry(
    actor: Actor,
    trx: StateDb | undefined,
    input: IncidentFromInquiry,
  ): Promise<{ id: string }> {
    const tenant = await permitTenant(this.deps, actor, 'incidents:manage', input.tenant, {
      action: 'incident.create',
    });
    const fields: NewIncident = {
      tenant,
      title: input.title,
      description: input.description,
      category: input.category ?? 'other',
      source: 'inquiry',
      sourceRef: input.inquiryId,
    };
    return { id: await openIncident(this.deps, this.options, actor, tenant, fields, [], trx) };
  }

  /** The facts communication templates quote; undefined when there is no such incident. */
  async factsOf(incidentId: string): Promise<IncidentFacts | undefined> {
    const row = await this.deps.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', incidentId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      tenant: row.tenant,
      ref: incidentRef(row.year, row.seq),
      title: row.title,
      category: row.category as IncidentCategory,
      severity: row.severity,
      priority: row.priority,
      tlp: row.tlp,
      createdAt: row.created_at,
    };
  }

  private async setStatus(
    actor: Actor,
    id: string,
    to: 'open' | 'closed',
    reason: string,
  ): Promise<Incident> {
    const why = checkText(reason, to === 'closed' ? 'The reason for closing' : 'The reason for reopening');
    const action = to === 'closed' ? 'incident.close' : 'incident.reopen';
    const row = await permitIncident(this.deps, actor, 'incidents:manage', id, action);
    if (row.status === to) {
      throw new YaguraError('CONFLICT', `Incident ${incidentRef(row.year, row.seq)} is already ${to}`);
    }
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      const changed = await trx
        .updateTable('incidents')
        .set(
          to === 'closed'
            ? {
                status: to,
                closed_at: now,
                closed_by: actor.id,
                close_reason: why,
                updated_at: now,
                updated_by: actor.id,
              }
            : {
                status: to,
                closed_at: null,
                closed_by: null,
                close_reason: null,
                updated_at: now,
                updated_by: actor.id,
              },
        )
        .where('id', '=', id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) {
        throw new YaguraError('CONFLICT', 'The incident was changed meanwhile; reload it and try again');
      }
      const summary = `${to === 'closed' ? 'Closed' : 'Reopened'}: ${why}`;
      await appendIncidentTimeline(trx, row, actor, now, 'status', summary, {
        from: row.status,
        to,
        reason: why,
      });
      await auditIncident(this.deps, trx, actor, action, row, { reason: why });
    });
    return toIncident((await loadIncident(this.deps.db, id))!);
  }

  private async userNames(trx: StateDb, ids: readonly string[]): Promise<string> {
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('id', 'in', [...ids])
      .execute();
    const names = new Map(rows.map((r) => [r.id, r.username]));
    return ids.map((id) => names.get(id) ?? id).join(', ');
  }

  private alertService(): AlertService {
    if (!this.options.alerts)
      throw new YaguraError('INTERNAL', 'The incident service was built without alerts');
    return this.options.alerts;
  }
}

function short(value: unknown): string {
  const text = value === null || value === undefined ? '—' : String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function closedError(row: IncidentRow): YaguraError {
  return new YaguraError('CONFLICT', `Incident ${incidentRef(row.year, row.seq)} is closed; reopen it first`);
}
