// Incident tasks: listed per incident (or those assigned to the caller), made by hand, and worked (owner, due date,
// status, notes, checklist marks). Each change goes on the timeline (kind `task`) and into the audit log.
import type { Actor } from '../access/actor.js';
import { can } from '../access/permissions.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import { checkLimit, isRecordId, permittedScope, type TriageDeps } from '../triage/service-support.js';
import {
  TASK_STATUSES,
  toTask,
  type ChecklistItem,
  type IncidentTask,
  type TaskStatus,
} from './incident-model.js';
import {
  actorRef,
  appendTimeline,
  auditIncident,
  checkCaseUser,
  checkText,
  checkTime,
  nowOf,
  permitIncident,
  touchIncident,
} from './incident-support.js';
import {
  RESPONSE_PHASES,
  RESPONSE_ROLES,
  type ResponsePhase,
  type ResponseRole,
} from './playbooks/playbook.js';
import { insertTask } from './task-rows.js';
import type { IncidentTasksTable } from './tables.js';

export interface NewTask {
  phase: ResponsePhase;
  title: string;
  description?: string;
  role?: ResponseRole;
  /** A user id or name. */
  owner?: string;
  dueAt?: number;
  /** Steps, in order. */
  checklist?: string[];
}

export interface TaskChange {
  owner?: string | null;
  dueAt?: number | null;
  status?: TaskStatus;
  notes?: string | null;
  /** Marks by position in the checklist. */
  checklist?: { index: number; done: boolean }[];
}

export interface TaskFilter {
  status?: readonly TaskStatus[];
  /** A user id. */
  owner?: string;
}

/** What a task's owner may change without incidents:manage (with incidents:comment): their own work on it. */
const OWNER_FIELDS: readonly (keyof TaskChange)[] = ['status', 'notes', 'checklist'];

function checkStatus(status: string): TaskStatus {
  if (!(TASK_STATUSES as readonly string[]).includes(status)) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `status must be one of ${TASK_STATUSES.join(', ')}, not "${status.slice(0, 40)}"`,
    );
  }
  return status as TaskStatus;
}

export class IncidentTaskService {
  constructor(private readonly deps: TriageDeps) {}

  async list(actor: Actor, incidentId: string, filter: TaskFilter = {}): Promise<IncidentTask[]> {
    await permitIncident(this.deps, actor, 'incidents:read', incidentId, 'incident.tasks.list');
    let q = this.deps.db.selectFrom('incident_tasks').selectAll().where('incident_id', '=', incidentId);
    if (filter.status?.length) q = q.where('status', 'in', filter.status.map(checkStatus));
    if (filter.owner !== undefined) q = q.where('owner', '=', filter.owner);
    return (await q.orderBy('position').orderBy('id').execute()).map(toTask);
  }

  /** The tasks assigned to the caller in incidents of their tenants, soonest due first. */
  async assignedToMe(
    actor: Actor,
    query: { tenants?: readonly string[]; status?: readonly TaskStatus[]; limit: number },
  ): Promise<IncidentTask[]> {
    const limit = checkLimit(query.limit);
    const scope = await permittedScope(
      this.deps,
      actor,
      'incidents:read',
      'incident.tasks.mine',
      query.tenants,
    );
    const statuses = query.status?.length
      ? query.status.map(checkStatus)
      : (['todo', 'in_progress'] as const);
    const rows = await this.deps.db
      .selectFrom('incident_tasks')
      .selectAll()
      .where('tenant', 'in', [...scope])
      .where('owner', '=', actor.id)
      .where('status', 'in', [...statuses])
      .orderBy((eb) => eb.fn.coalesce('due_at', eb.lit(Number.MAX_SAFE_INTEGER)))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toTask);
  }

  async create(actor: Actor, incidentId: string, input: NewTask): Promise<IncidentTask> {
    const row = await permitIncident(
      this.deps,
      actor,
      'incidents:manage',
      incidentId,
      'incident.task.create',
    );
    if (!(RESPONSE_PHASES as readonly string[]).includes(input.phase)) {
      throw new YaguraError('REQUEST_INVALID', `phase must be one of ${RESPONSE_PHASES.join(', ')}`);
    }
    if (input.role !== undefined && !(RESPONSE_ROLES as readonly string[]).includes(input.role)) {
      throw new YaguraError('REQUEST_INVALID', `role must be one of ${RESPONSE_ROLES.join(', ')}`);
    }
    const title = checkText(input.title, 'The task title', 300);
    const description = input.description?.trim()
      ? checkText(input.description, 'The description', 10_000)
      : null;
    const owner =
      input.owner === undefined ? null : await checkCaseUser(this.deps.db, input.owner, row.tenant);
    const checklist: ChecklistItem[] = (input.checklist ?? []).map((step) => {
      const text = checkText(step, 'A checklist step', 500);
      return { text: { ja: text, en: text }, done: false };
    });
    if (checklist.length > 100) throw new YaguraError('REQUEST_INVALID', 'A checklist has at most 100 steps');
    const now = nowOf(this.deps);
    const id = await this.deps.db.transaction().execute(async (trx) => {
      await touchIncident(trx, row.id, actor, now);
      const last = await trx
        .selectFrom('incident_tasks')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('incident_id', '=', row.id)
        .executeTakeFirst();
      const taskId = await insertTask(trx, {
        incident_id: row.id,
        tenant: row.tenant,
        phase: input.phase,
        // A task made by hand has one text, shown in either language.
        title_ja: title,
        title_en: title,
        description_ja: description,
        description_en: description,
        role: input.role ?? null,
        owner,
        due_at: input.dueAt === undefined ? null : checkTime(input.dueAt, 'dueAt'),
        status: 'todo',
        checklist: JSON.stringify(checklist),
        notes: null,
        position: Number(last?.max ?? 0) + 1,
        templates: '[]',
        playbook_id: null,
        playbook_version: null,
        playbook_task_id: null,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
        completed_at: null,
      });
      await appendTimeline(
        trx,
        {
          incidentId: row.id,
          tenant: row.tenant,
          kind: 'task',
          summary: `Task added: ${title}`,
          actor: actorRef(actor),
          ref: { type: 'task', id: taskId },
          details: { phase: input.phase, ...(owner ? { owner } : {}) },
        },
        now,
      );
      await auditIncident(this.deps, trx, actor, 'incident.task.create', row, { task: taskId, title });
      return taskId;
    });
    return this.load(id);
  }

  /**
   * Changes a task. incidents:manage may change everything; the task's owner with incidents:comment (a customer's
   * CSIRT member) may change its status, notes and checklist marks.
   */
  async update(actor: Actor, incidentId: string, taskId: string, change: TaskChange): Promise<IncidentTask> {
    const task = isRecordId(taskId)
      ? await this.deps.db
          .selectFrom('incident_tasks')
          .selectAll()
          .where('id', '=', taskId)
          .where('incident_id', '=', incidentId)
          .executeTakeFirst()
      : undefined;
    const ownerOnly =
      task !== undefined &&
      task.owner === actor.id &&
      !can(actor, 'incidents:manage', task.tenant as TenantId) &&
      (Object.keys(change) as (keyof TaskChange)[]).every((k) => OWNER_FIELDS.includes(k));
    const row = await permitIncident(
      this.deps,
      actor,
      ownerOnly ? 'incidents:comment' : 'incidents:manage',
      incidentId,
      'incident.task.update',
    );
    if (!task) throw new YaguraError('NOT_FOUND', `Incident ${row.id} has no task "${taskId.slice(0, 80)}"`);
    const set: Partial<IncidentTasksTable> = {};
    const said: string[] = [];
    const now = nowOf(this.deps);
    if (change.owner !== undefined) {
      set.owner = change.owner === null ? null : await checkCaseUser(this.deps.db, change.owner, row.tenant);
      said.push(set.owner === null ? 'owner removed' : `owner ${change.owner}`);
    }
    if (change.dueAt !== undefined) {
      set.due_at = change.dueAt === null ? null : checkTime(change.dueAt, 'dueAt');
      said.push(set.due_at === null ? 'due date removed' : `due ${new Date(set.due_at).toISOString()}`);
    }
    if (change.status !== undefined && change.status !== task.status) {
      set.status = checkStatus(change.status);
      set.completed_at = set.status === 'done' || set.status === 'skipped' ? now : null;
      said.push(`${task.status} → ${set.status}`);
    }
    if (change.notes !== undefined) {
      set.notes =
        change.notes === null || change.notes.trim() === ''
          ? null
          : checkText(change.notes, 'The notes', 20_000);
      said.push('notes updated');
    }
    if (change.checklist !== undefined && change.checklist.length > 0) {
      const items = JSON.parse(task.checklist) as ChecklistItem[];
      for (const mark of change.checklist) {
        const item = Number.isInteger(mark.index) ? items[mark.index] : undefined;
        if (!item) throw new YaguraError('REQUEST_INVALID', `The checklist has no step ${mark.index}`);
        if (item.done === mark.done) continue;
        item.done = mark.done;
        if (mark.done) {
          item.doneAt = now;
          item.doneBy = actor.id;
        } else {
          delete item.doneAt;
          delete item.doneBy;
        }
        said.push(`${mark.done ? 'checked' : 'unchecked'} "${item.text.en.slice(0, 60)}"`);
      }
      set.checklist = JSON.stringify(items);
    }
    if (said.length === 0) return toTask(task);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('incident_tasks')
        .set({ ...set, updated_at: now })
        .where('id', '=', task.id)
        .execute();
      await touchIncident(trx, row.id, actor, now);
      const title = row.language === 'ja' ? task.title_ja : task.title_en;
      await appendTimeline(
        trx,
        {
          incidentId: row.id,
          tenant: row.tenant,
          kind: 'task',
          summary: `Task "${title}": ${said.join('; ')}`,
          actor: actorRef(actor),
          ref: { type: 'task', id: task.id },
          details: { changes: said },
        },
        now,
      );
      await auditIncident(this.deps, trx, actor, 'incident.task.update', row, {
        task: task.id,
        changes: said,
      });
    });
    return this.load(task.id);
  }

  private async load(id: string): Promise<IncidentTask> {
    return toTask(
      await this.deps.db
        .selectFrom('incident_tasks')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );
  }
}
