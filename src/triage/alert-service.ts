// Alerts: built from findings by the alert stage (ingest), and worked by analysts (list, read, move through the
// status machine one by one or in bulk, assign, comment). Every actor call checks permission and tenant first and
// records its change in the audit log, in the same transaction.
import type { Selectable } from 'kysely';
import type { Actor } from '../access/actor.js';
import { YaguraError, isYaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import type { RecordedFinding } from '../detection/findings-service.js';
import type { StateDb } from '../state/database.js';
import { AlertIngest, openAlertOf, type AlertAssessor, type Suppressor } from './alert-ingest.js';
import { assignableUsers, checkAssignee, type Assignee } from './alert-assignee.js';
import { toAlert, toHistoryEntry, type Alert, type AlertHistoryEntry } from './alert-model.js';
import { listAlerts, type AlertPage, type AlertQuery } from './alert-query.js';
import type { Asset } from './asset-index.js';
import type { Entity } from './entity.js';
import {
  checkLimit,
  isRecordId,
  newRecordId,
  nowOf,
  permitFound,
  permittedScope,
  type TriageDeps,
} from './service-support.js';
import {
  checkReason,
  checkTransition,
  isAlertStatus,
  isOpenStatus,
  OPEN_STATUSES,
  type AlertStatus,
} from './status.js';
import type { AlertsTable } from './tables.js';

export type { AlertPage, AlertQuery } from './alert-query.js';

const MINUTE = 60_000;
export const DEFAULT_WINDOW_MS = 60 * MINUTE;

export interface ResponseTargets {
  /** From the alert's creation to its first move out of "new". */
  acknowledgeMs: number;
  /** From the alert's creation to its escalation (true positive). */
  escalateMs: number;
}

export const DEFAULT_TARGETS: ResponseTargets = { acknowledgeMs: 15 * MINUTE, escalateMs: 60 * MINUTE };

export interface AlertServiceOptions {
  /** Grouping window per tenant; 1 h by default. */
  windowMs?: (tenant: string) => number;
  /** Response targets per tenant; DEFAULT_TARGETS by default. */
  targets?: (tenant: string) => ResponseTargets;
  suppressor?: Suppressor;
  assessor?: AlertAssessor;
  /** The inventory's current assets for an alert's entity, shown with the alert. */
  assetsOf?: (tenant: string, entity: Entity) => Asset[];
}

export interface AlertTiming {
  acknowledgeMs: number | null;
  escalateMs: number | null;
  targets: ResponseTargets;
  /** Not acknowledged within the target (still unacknowledged and past it, or acknowledged late). */
  acknowledgeOverdue: boolean;
  /** Escalated later than the target. */
  escalateOverdue: boolean;
}

export interface AlertDetail {
  alert: Alert;
  history: AlertHistoryEntry[];
  /** The linked findings, oldest first (at most FINDINGS_SHOWN). */
  findingIds: string[];
  assets: Asset[];
  timing: AlertTiming;
}

export type BulkResult =
  { id: string; ok: true; status: AlertStatus } | { id: string; ok: false; code: string; message: string };

export const FINDINGS_SHOWN = 100;
export const BULK_MAX = 500;

type Row = Selectable<AlertsTable>;

export class AlertService {
  private readonly stage: AlertIngest;
  private readonly windowOf: (tenant: string) => number;

  constructor(
    private readonly deps: TriageDeps,
    private readonly options: AlertServiceOptions = {},
  ) {
    this.windowOf = options.windowMs ?? (() => DEFAULT_WINDOW_MS);
    this.stage = new AlertIngest(deps.db, {
      windowMs: this.windowOf,
      clock: () => nowOf(deps),
      ...(options.suppressor ? { suppressor: options.suppressor } : {}),
      ...(options.assessor ? { assessor: options.assessor } : {}),
    });
  }

  /** Reads back the open alerts that took findings within their window, so grouping continues after a restart. */
  async open(): Promise<void> {
    const now = nowOf(this.deps);
    const rows = await this.deps.db
      .selectFrom('alerts')
      .selectAll()
      .where('status', 'in', [...OPEN_STATUSES])
      .where('updated_at', '>=', now - 24 * DEFAULT_WINDOW_MS)
      .execute();
    for (const row of rows) {
      if (now - row.updated_at <= this.windowOf(row.tenant))
        this.stage.open.restore(openAlertOf(row, row.updated_at));
    }
  }

  /** For FindingsService.onRecorded: synchronous, in memory; writes follow with flush(). */
  ingest(batch: readonly RecordedFinding[]): void {
    this.stage.ingest(batch);
  }

  /** Writes what ingest left pending; `all: false` may defer counter updates of stored alerts (see AlertIngest). */
  flush(all = true): Promise<void> {
    return this.stage.flush(all);
  }

  get pending(): number {
    return this.stage.pending;
  }

  get counts(): AlertIngest['counts'] {
    return this.stage.counts;
  }

  async list(actor: Actor, query: AlertQuery): Promise<AlertPage> {
    const limit = checkLimit(query.limit);
    const scope = await permittedScope(this.deps, actor, 'alerts:read', 'alert.list', query.tenants);
    return listAlerts(this.deps.db, scope, { ...query, limit });
  }

  /** Who alerts of these tenants (all the actor's by default) may be assigned to. */
  async assignees(actor: Actor, tenants?: readonly string[]): Promise<Assignee[]> {
    const scope = await permittedScope(this.deps, actor, 'alerts:read', 'alert.assignees', tenants);
    return assignableUsers(this.deps.db, [...scope]);
  }

  async get(actor: Actor, id: string): Promise<AlertDetail> {
    const row = await this.load(id);
    const tenant = await permitFound(this.deps, actor, 'alerts:read', row, this.context('alert.read', id));
    const alert = toAlert(row!);
    const [history, findings] = await Promise.all([
      this.deps.db
        .selectFrom('alert_history')
        .selectAll()
        .where('alert_id', '=', id)
        .orderBy('at')
        .orderBy('id')
        .execute(),
      this.deps.db
        .selectFrom('finding_triage')
        .select('finding_id')
        .where('tenant', '=', tenant)
        .where('rule_id', '=', alert.rule.id)
        // Every time a finding of the alert can have (see OpenAlerts), not first/last seen: those may lag a second.
        .where('time', '>', row!.window_start - this.windowOf(tenant))
        .where('time', '<', row!.window_end)
        .where('alert_id', '=', id)
        .orderBy('time')
        .limit(FINDINGS_SHOWN)
        .execute(),
    ]);
    return {
      alert,
      history: history.map(toHistoryEntry),
      findingIds: findings.map((f) => f.finding_id),
      assets: this.options.assetsOf?.(tenant, alert.entity) ?? [],
      timing: this.timing(alert),
    };
  }

  /** Moves one alert to `to`, with a reason; an illegal move is ALERT_TRANSITION_INVALID. */
  async transition(actor: Actor, id: string, to: AlertStatus, reason: string): Promise<Alert> {
    const why = checkReason(reason);
    if (!isAlertStatus(to)) throw new YaguraError('REQUEST_INVALID', `Unknown alert status "${to}"`);
    const row = await this.load(id);
    await permitFound(this.deps, actor, 'alerts:triage', row, this.context('alert.transition', id));
    checkTransition(row!.status as AlertStatus, to, id);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.applyTransition(trx, actor, row!, to, why, now))) throw changedMeanwhile(id);
    });
    if (!isOpenStatus(to)) this.stage.open.close(id);
    return toAlert((await this.load(id))!);
  }

  /**
   * Moves many alerts with one reason. Allowed moves are made in one transaction; each alert that is missing,
   * foreign or cannot make the move is reported in its result, the others are not held back by it.
   */
  async bulkTransition(
    actor: Actor,
    ids: readonly string[],
    to: AlertStatus,
    reason: string,
  ): Promise<BulkResult[]> {
    const why = checkReason(reason);
    if (!isAlertStatus(to)) throw new YaguraError('REQUEST_INVALID', `Unknown alert status "${to}"`);
    const unique = [...new Set(ids)];
    if (unique.length === 0 || unique.length > BULK_MAX) {
      throw new YaguraError('REQUEST_INVALID', `A bulk change takes 1 to ${BULK_MAX} alerts`);
    }
    const valid = unique.filter(isRecordId);
    const rows = valid.length
      ? await this.deps.db.selectFrom('alerts').selectAll().where('id', 'in', valid).execute()
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const results = new Map<string, BulkResult>();
    const allowed: Row[] = [];
    for (const id of unique) {
      const row = byId.get(id);
      try {
        await permitFound(this.deps, actor, 'alerts:triage', row, this.context('alert.transition', id));
        checkTransition(row!.status as AlertStatus, to, id);
        allowed.push(row!);
      } catch (error) {
        if (!isYaguraError(error)) throw error;
        results.set(id, { id, ok: false, code: error.code, message: error.message });
      }
    }
    if (allowed.length > 0) {
      const now = nowOf(this.deps);
      await this.deps.db.transaction().execute(async (trx) => {
        for (const row of allowed) {
          const done = await this.applyTransition(trx, actor, row, to, why, now);
          const error = changedMeanwhile(row.id);
          results.set(
            row.id,
            done
              ? { id: row.id, ok: true, status: to }
              : { id: row.id, ok: false, code: error.code, message: error.message },
          );
        }
      });
      if (!isOpenStatus(to)) for (const row of allowed) this.stage.open.close(row.id);
    }
    return unique.map((id) => results.get(id)!);
  }

  /** Assigns the alert to a user who may triage alerts of its tenant, or unassigns it (null). */
  async assign(actor: Actor, id: string, assignee: string | null, note?: string): Promise<Alert> {
    const row = await this.load(id);
    const tenant = await permitFound(
      this.deps,
      actor,
      'alerts:triage',
      row,
      this.context('alert.assign', id),
    );
    const userId = assignee === null ? null : await checkAssignee(this.deps.db, assignee, tenant);
    const text = note === undefined || note.trim() === '' ? null : checkReason(note, 'An assignment note');
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('alerts')
        .set({ assignee: userId, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.history(trx, actor, row!, now, { kind: 'assign', assignee: userId, text });
      await this.deps.audit.record(
        {
          actor,
          action: 'alert.assign',
          outcome: 'success',
          tenant,
          target: { type: 'alert', id },
          details: { from: row!.assignee, to: userId, ...(text ? { note: text } : {}) },
        },
        { within: trx },
      );
    });
    return toAlert((await this.load(id))!);
  }

  async comment(actor: Actor, id: string, text: string): Promise<AlertHistoryEntry> {
    const body = checkReason(text, 'A comment');
    const row = await this.load(id);
    const tenant = await permitFound(
      this.deps,
      actor,
      'alerts:triage',
      row,
      this.context('alert.comment', id),
    );
    const now = nowOf(this.deps);
    const entryId = await this.deps.db.transaction().execute(async (trx) => {
      const made = await this.history(trx, actor, row!, now, { kind: 'comment', text: body });
      await this.deps.audit.record(
        {
          actor,
          action: 'alert.comment',
          outcome: 'success',
          tenant,
          target: { type: 'alert', id },
          details: { entry: made, chars: body.length },
        },
        { within: trx },
      );
      return made;
    });
    const saved = await this.deps.db
      .selectFrom('alert_history')
      .selectAll()
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow();
    return toHistoryEntry(saved);
  }

  private async applyTransition(
    trx: StateDb,
    actor: Actor,
    row: Row,
    to: AlertStatus,
    reason: string,
    now: number,
  ): Promise<boolean> {
    const from = row.status as AlertStatus;
    const set: Partial<AlertsTable> = { status: to, updated_at: now };
    if (row.acknowledged_at === null) set.acknowledged_at = now;
    if (to === 'false_positive' || to === 'true_positive') {
      set.resolution = to;
      set.resolved_at = now;
      set.closed_at = null;
    }
    if (to === 'true_positive' && row.escalated_at === null) set.escalated_at = now;
    if (to === 'closed') set.closed_at = now;
    if (to === 'in_progress' && (from === 'closed' || from === 'false_positive')) {
      set.resolution = null;
      set.resolved_at = null;
      set.closed_at = null;
    }
    // The status it had when read: a change made meanwhile by someone else is not overwritten.
    const result = await trx
      .updateTable('alerts')
      .set(set)
      .where('id', '=', row.id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await this.history(trx, actor, row, now, { kind: 'status', from, to, text: reason });
    await this.deps.audit.record(
      {
        actor,
        action: 'alert.transition',
        outcome: 'success',
        tenant: row.tenant as TenantId,
        target: { type: 'alert', id: row.id },
        details: { from, to, reason },
      },
      { within: trx },
    );
    return true;
  }

  private async history(
    trx: StateDb,
    actor: Actor,
    row: Row,
    at: number,
    entry: {
      kind: AlertHistoryEntry['kind'];
      from?: string;
      to?: string;
      assignee?: string | null;
      text?: string | null;
    },
  ): Promise<string> {
    // Time-ordered ids: entries of the same millisecond still list in the order they were made.
    const id = newRecordId();
    await trx
      .insertInto('alert_history')
      .values({
        id,
        alert_id: row.id,
        tenant: row.tenant,
        at,
        actor_kind: actor.kind,
        actor_id: actor.id,
        actor_name: actor.name,
        kind: entry.kind,
        from_status: entry.from ?? null,
        to_status: entry.to ?? null,
        assignee: entry.assignee ?? null,
        text: entry.text ?? null,
      })
      .execute();
    return id;
  }

  private timing(alert: Alert): AlertTiming {
    const targets = this.options.targets?.(alert.tenant) ?? DEFAULT_TARGETS;
    const now = nowOf(this.deps);
    const acknowledgeMs = alert.acknowledgedAt === null ? null : alert.acknowledgedAt - alert.createdAt;
    const escalateMs = alert.escalatedAt === null ? null : alert.escalatedAt - alert.createdAt;
    return {
      acknowledgeMs,
      escalateMs,
      targets,
      acknowledgeOverdue: (acknowledgeMs ?? now - alert.createdAt) > targets.acknowledgeMs,
      escalateOverdue: escalateMs !== null && escalateMs > targets.escalateMs,
    };
  }

  private async load(id: string): Promise<Row | undefined> {
    if (!isRecordId(id)) return undefined;
    return this.deps.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private context(action: string, id: string) {
    return { action, target: { type: 'alert', id: id.slice(0, 80) }, what: 'alert' };
  }
}

function changedMeanwhile(id: string): YaguraError {
  return new YaguraError(
    'CONFLICT',
    `Alert ${id} was changed by someone else meanwhile; reload it and try again`,
  );
}
