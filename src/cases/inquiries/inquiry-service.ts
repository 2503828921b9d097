// Inquiries (問合せ) from a customer CSIRT: submitted and replied to by the customer (inquiries:submit), answered
// by the SOC (inquiries:answer), with SLA due times, a message thread, and conversion to an incident.
import { sql, type Selectable } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { can } from '../../access/permissions.js';
import { permit } from '../../access/service-support.js';
import { YaguraError } from '../../core/errors.js';
import type { TenantId } from '../../core/ids.js';
import type { StateDb } from '../../state/database.js';
import {
  checkLimit,
  decodeCursor,
  encodeCursor,
  isRecordId,
  newRecordId,
  nowOf,
  permitFound,
  permittedScope,
  permitTenant,
  type TriageDeps,
} from '../../triage/service-support.js';
import { auditCaseChange, timelineLine, type IncidentCreator, type TimelineWriter } from '../case-support.js';
import { containsPattern, parseInput } from '../contacts/input.js';
import {
  convertInputSchema,
  inquiryInputSchema,
  messageInputSchema,
  STATUS_MOVES,
  toInquiry,
  toMessage,
  type ConvertInput,
  type Inquiry,
  type InquiryInput,
  type InquiryMessage,
  type InquiryStatus,
  type MessageInput,
  type Side,
} from './inquiry-model.js';
import {
  DEFAULT_SLA,
  dueTimes,
  INQUIRY_PRIORITIES,
  resumedDue,
  slaChangeSchema,
  type InquiryPriority,
  type SlaChange,
  type SlaTargets,
} from './sla.js';
import type { InquiriesTable } from './tables.js';

export interface InquiryFilter {
  tenants?: readonly string[];
  status?: readonly InquiryStatus[];
  /** Only inquiries past a first-response or resolution due time. */
  overdue?: boolean;
  /** A user id, or `none`. */
  assignee?: string;
  /** Words in the subject or the body. */
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface InquiryPage {
  inquiries: Inquiry[];
  next?: string;
}

export interface InquiryDetail {
  inquiry: Inquiry;
  messages: InquiryMessage[];
}

type InquiryRow = Selectable<InquiriesTable>;

/** What the conversion writes in the thread, so the customer sees where the inquiry went. */
const CONVERTED_MESSAGE =
  '本件はインシデントとして対応を開始しました。進捗はインシデントにてご確認いただけます。\n' +
  'This inquiry is now handled as an incident; follow its progress there.';

export class InquiryService {
  constructor(
    private readonly deps: TriageDeps,
    private readonly timeline: TimelineWriter,
    private readonly incidents: IncidentCreator,
  ) {}

  async submit(actor: Actor, tenant: string, input: InquiryInput): Promise<Inquiry> {
    const at = await permitTenant(this.deps, actor, 'inquiries:submit', tenant, { action: 'inquiry.submit' });
    const fields = parseInput(inquiryInputSchema, input, 'inquiry');
    const targets = await this.targetsOf(at);
    const now = nowOf(this.deps);
    const priority = fields.priority ?? 'normal';
    const due = dueTimes(now, targets[priority]);
    const id = newRecordId();
    await this.deps.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('inquiries')
        .select((eb) => eb.fn.max('number').as('number'))
        .where('tenant', '=', at)
        .executeTakeFirst();
      const row: InquiryRow = {
        id,
        tenant: at,
        number: Number(last?.number ?? 0) + 1,
        type: fields.type,
        subject: fields.subject,
        body: fields.body,
        priority,
        status: 'new',
        submitted_by: actor.id,
        submitted_by_name: actor.name,
        assignee: null,
        created_at: now,
        updated_at: now,
        first_response_at: null,
        first_response_due_at: due.firstResponseDueAt,
        resolution_due_at: due.resolutionDueAt,
        waiting_since: null,
        resolved_at: null,
        closed_at: null,
        incident_id: null,
      };
      await trx.insertInto('inquiries').values(row).execute();
      await this.audit(trx, actor, 'inquiry.submit', row, {
        number: row.number,
        type: row.type,
        priority: row.priority,
        subject: row.subject,
      });
    });
    return toInquiry((await this.load(id))!, now);
  }

  /** Newest first, keyset-paged. */
  async list(actor: Actor, filter: InquiryFilter = {}): Promise<InquiryPage> {
    const scope = await permittedScope(this.deps, actor, 'inquiries:read', 'inquiry.list', filter.tenants);
    const limit = checkLimit(filter.limit ?? 100);
    const now = nowOf(this.deps);
    let query = this.deps.db
      .selectFrom('inquiries')
      .selectAll()
      .where('tenant', 'in', [...scope]);
    if (filter.status && filter.status.length > 0) query = query.where('status', 'in', [...filter.status]);
    if (filter.assignee !== undefined) {
      query =
        filter.assignee === 'none'
          ? query.where('assignee', 'is', null)
          : query.where('assignee', '=', filter.assignee);
    }
    const q = filter.q?.trim();
    if (q) {
      const pattern = containsPattern(q);
      query = query.where(
        sql<boolean>`(subject like ${pattern} escape '\\' or body like ${pattern} escape '\\')`,
      );
    }
    if (filter.overdue === true) {
      // The same rule as slaState(): a paused inquiry is overdue only if it was overdue when the pause began.
      query = query.where(
        sql<boolean>`((first_response_at is null and first_response_due_at < ${now})
          or (status in ('new', 'answered') and resolution_due_at < ${now})
          or (status = 'waiting_customer' and resolution_due_at < waiting_since))`,
      );
    }
    if (filter.cursor) {
      const [created, id] = decodeCursor(filter.cursor);
      query = query.where((eb) =>
        eb.or([eb('created_at', '<', created), eb.and([eb('created_at', '=', created), eb('id', '<', id)])]),
      );
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      inquiries: page.map((r) => toInquiry(r, now)),
      ...(rows.length > limit && last ? { next: encodeCursor(last.created_at, last.id) } : {}),
    };
  }

  async get(actor: Actor, id: string): Promise<InquiryDetail> {
    const row = await this.load(id);
    await permitFound(this.deps, actor, 'inquiries:read', row, context('inquiry.read', id));
    return this.detail(row!);
  }

  /**
   * Adds a message to the thread. Whoever holds inquiries:answer in the tenant writes as the SOC (the first such
   * message is the first response); a holder of inquiries:submit writes as the customer. Closed inquiries take no
   * more messages.
   */
  async addMessage(actor: Actor, id: string, input: MessageInput): Promise<InquiryDetail> {
    const row = await this.load(id);
    const tenant = await permitFound(this.deps, actor, 'inquiries:read', row, context('inquiry.message', id));
    const side = await this.sideOf(actor, tenant, id, 'inquiry.message');
    const fields = parseInput(messageInputSchema, input, 'message');
    const from = row!.status as InquiryStatus;
    if (from === 'closed') throw new YaguraError('CONFLICT', `Inquiry #${row!.number} is closed`);
    const to = fields.status ?? (side === 'soc' ? 'answered' : 'new');
    checkMove(side, from, to, row!.number);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      const changed = statusChange(row!, to, now);
      await trx
        .updateTable('inquiries')
        .set({
          ...changed,
          ...(side === 'soc' && row!.first_response_at === null ? { first_response_at: now } : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await this.writeMessage(trx, actor, row!, side, fields.body, to !== from ? to : null, now);
      await this.timelineNote(
        trx,
        actor,
        row!,
        `${side === 'soc' ? 'SOC' : 'Customer'} wrote in inquiry #${row!.number}`,
      );
      await this.audit(trx, actor, 'inquiry.message', row!, { side, from, to });
    });
    return this.detail((await this.load(id))!);
  }

  async setStatus(actor: Actor, id: string, status: InquiryStatus, reason?: string): Promise<Inquiry> {
    const row = await this.load(id);
    const tenant = await permitFound(this.deps, actor, 'inquiries:read', row, context('inquiry.status', id));
    const side = await this.sideOf(actor, tenant, id, 'inquiry.status');
    const from = row!.status as InquiryStatus;
    if (from === status) return toInquiry(row!, nowOf(this.deps));
    checkMove(side, from, status, row!.number);
    const note = reason?.trim().slice(0, 2000);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('inquiries')
        .set({ ...statusChange(row!, status, now), updated_at: now })
        .where('id', '=', id)
        .execute();
      if (note) await this.writeMessage(trx, actor, row!, side, note, status, now);
      await this.timelineNote(trx, actor, row!, `Inquiry #${row!.number}: ${from} → ${status}`);
      await this.audit(trx, actor, 'inquiry.status', row!, {
        from,
        to: status,
        ...(note ? { reason: note } : {}),
      });
    });
    return toInquiry((await this.load(id))!, now);
  }

  /** Assigns the inquiry to a SOC user (null: nobody). */
  async assign(actor: Actor, id: string, assignee: string | null): Promise<Inquiry> {
    const row = await this.load(id);
    await permitFound(this.deps, actor, 'inquiries:answer', row, context('inquiry.assign', id));
    if (assignee !== null) {
      const user = await this.deps.db
        .selectFrom('users')
        .select('id')
        .where('id', '=', assignee)
        .executeTakeFirst();
      if (!user)
        throw new YaguraError('REQUEST_INVALID', `No user "${assignee.slice(0, 80)}"`, {
          location: { key: 'assignee' },
        });
    }
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('inquiries').set({ assignee, updated_at: now }).where('id', '=', id).execute();
      await this.audit(trx, actor, 'inquiry.assign', row!, { from: row!.assignee, to: assignee });
    });
    return toInquiry((await this.load(id))!, now);
  }

  /**
   * Opens an incident for the inquiry through the IncidentCreator, in one transaction with the inquiry's link to
   * it, a SOC message in the thread and an 'inquiry' entry in the incident's timeline.
   */
  async convertToIncident(
    actor: Actor,
    id: string,
    input: ConvertInput = {},
  ): Promise<{ inquiry: Inquiry; incidentId: string }> {
    const row = await this.load(id);
    const tenant = await permitFound(
      this.deps,
      actor,
      'inquiries:answer',
      row,
      context('inquiry.convert', id),
    );
    // Checked here, before the transaction, so a denial is audited on its own and not rolled back with it.
    await permitTenant(this.deps, actor, 'incidents:manage', tenant, {
      action: 'inquiry.convert',
      target: { type: 'inquiry', id },
    });
    const fields = parseInput(convertInputSchema, input, 'conversion');
    if (row!.incident_id !== null) {
      throw new YaguraError(
        'CONFLICT',
        `Inquiry #${row!.number} is already linked to incident ${row!.incident_id}`,
        {
          incidentId: row!.incident_id,
        },
      );
    }
    if (row!.status === 'closed') throw new YaguraError('CONFLICT', `Inquiry #${row!.number} is closed`);
    const now = nowOf(this.deps);
    const from = row!.status as InquiryStatus;
    const to: InquiryStatus = from === 'new' ? 'answered' : from;
    let incidentId = '';
    await this.deps.db.transaction().execute(async (trx) => {
      ({ id: incidentId } = await this.incidents.createFromInquiry(actor, trx, {
        tenant,
        title: fields.title ?? row!.subject,
        description: fields.description ?? row!.body,
        ...(fields.category ? { category: fields.category } : {}),
        inquiryId: id,
      }));
      await trx
        .updateTable('inquiries')
        .set({
          ...statusChange(row!, to, now),
          incident_id: incidentId,
          first_response_at: row!.first_response_at ?? now,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await this.writeMessage(trx, actor, row!, 'soc', CONVERTED_MESSAGE, to !== from ? to : null, now);
      await this.timeline.append(trx, {
        incidentId,
        tenant,
        kind: 'inquiry',
        summary: timelineLine(
          `Opened from inquiry #${row!.number} (${row!.type}, ${row!.priority}): ${row!.subject}`,
        ),
        eventTime: row!.created_at,
        actor: { id: actor.id, name: actor.name },
        ref: { type: 'inquiry', id },
        details: { number: row!.number, submittedBy: row!.submitted_by_name },
      });
      await this.audit(trx, actor, 'inquiry.convert', row!, { incident: incidentId });
    });
    return { inquiry: toInquiry((await this.load(id))!, now), incidentId };
  }

  /** A tenant's SLA targets per priority, and which of them are the defaults. */
  async slaTargets(
    actor: Actor,
    tenant: string,
  ): Promise<{ targets: SlaTargets; defaults: InquiryPriority[] }> {
    const at = await permitTenant(this.deps, actor, 'inquiries:read', tenant, { action: 'inquiry.sla.read' });
    return this.targetsWithDefaults(at);
  }

  /** Sets a tenant's targets (tenants:manage: they are part of the contract); new inquiries use them. */
  async setSlaTargets(
    actor: Actor,
    tenant: string,
    change: SlaChange,
  ): Promise<{ targets: SlaTargets; defaults: InquiryPriority[] }> {
    const at = await permitTenant(this.deps, actor, 'tenants:manage', tenant, {
      action: 'inquiry.sla.update',
    });
    const fields = parseInput(slaChangeSchema, change, 'SLA targets');
    const before = await this.targetsOf(at);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      for (const priority of INQUIRY_PRIORITIES) {
        const target = fields[priority];
        if (!target) continue;
        const values = {
          first_response_minutes: target.firstResponseMinutes,
          resolution_minutes: target.resolutionMinutes,
          updated_by: actor.id,
          updated_at: now,
        };
        await trx
          .insertInto('inquiry_sla')
          .values({ tenant: at, priority, ...values })
          .onConflict((oc) => oc.columns(['tenant', 'priority']).doUpdateSet(values))
          .execute();
      }
      await this.deps.audit.record(
        {
          actor,
          action: 'inquiry.sla.update',
          outcome: 'success',
          tenant: at,
          target: { type: 'tenant', id: at },
          details: { before, after: { ...before, ...fields } },
        },
        { within: trx },
      );
    });
    return this.targetsWithDefaults(at);
  }

  private async targetsWithDefaults(
    tenant: string,
  ): Promise<{ targets: SlaTargets; defaults: InquiryPriority[] }> {
    const rows = await this.deps.db
      .selectFrom('inquiry_sla')
      .selectAll()
      .where('tenant', '=', tenant)
      .execute();
    const set = new Set(rows.map((r) => r.priority));
    return { targets: await this.targetsOf(tenant), defaults: INQUIRY_PRIORITIES.filter((p) => !set.has(p)) };
  }

  private async targetsOf(tenant: string): Promise<SlaTargets> {
    const rows = await this.deps.db
      .selectFrom('inquiry_sla')
      .selectAll()
      .where('tenant', '=', tenant)
      .execute();
    const targets: SlaTargets = { ...DEFAULT_SLA };
    for (const r of rows) {
      if ((INQUIRY_PRIORITIES as readonly string[]).includes(r.priority)) {
        targets[r.priority as InquiryPriority] = {
          firstResponseMinutes: r.first_response_minutes,
          resolutionMinutes: r.resolution_minutes,
        };
      }
    }
    return targets;
  }

  /** The SOC side for holders of inquiries:answer, else the customer's for holders of inquiries:submit. */
  private async sideOf(actor: Actor, tenant: TenantId, id: string, action: string): Promise<Side> {
    if (can(actor, 'inquiries:answer', tenant)) return 'soc';
    await permit(this.deps.audit, actor, 'inquiries:submit', {
      action,
      tenant,
      target: { type: 'inquiry', id },
    });
    return 'customer';
  }

  private async detail(row: InquiryRow): Promise<InquiryDetail> {
    const messages = await this.deps.db
      .selectFrom('inquiry_messages')
      .selectAll()
      .where('inquiry_id', '=', row.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return { inquiry: toInquiry(row, nowOf(this.deps)), messages: messages.map(toMessage) };
  }

  private async writeMessage(
    trx: StateDb,
    actor: Actor,
    row: InquiryRow,
    side: Side,
    body: string,
    statusAfter: InquiryStatus | null,
    at: number,
  ): Promise<void> {
    await trx
      .insertInto('inquiry_messages')
      .values({
        id: newRecordId(),
        inquiry_id: row.id,
        tenant: row.tenant,
        side,
        author_id: actor.id,
        author_name: actor.name,
        body,
        at,
        status_after: statusAfter,
      })
      .execute();
  }

  /** Once an inquiry is linked to an incident, its thread shows in the incident's timeline. */
  private async timelineNote(trx: StateDb, actor: Actor, row: InquiryRow, summary: string): Promise<void> {
    if (row.incident_id === null) return;
    await this.timeline.append(trx, {
      incidentId: row.incident_id,
      tenant: row.tenant,
      kind: 'inquiry',
      summary: timelineLine(summary),
      actor: { id: actor.id, name: actor.name },
      ref: { type: 'inquiry', id: row.id },
    });
  }

  private async load(id: string): Promise<InquiryRow | undefined> {
    if (!isRecordId(id)) return undefined;
    return this.deps.db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private async audit(
    trx: StateDb,
    actor: Actor,
    action: string,
    row: InquiryRow,
    details: Record<string, unknown>,
  ): Promise<void> {
    await auditCaseChange(
      this.deps,
      trx,
      actor,
      action,
      { type: 'inquiry', id: row.id, tenant: row.tenant },
      details,
    );
  }
}

/** The columns a move to `to` changes: the SLA pause, resolution and closing times. */
function statusChange(row: InquiryRow, to: InquiryStatus, now: number): Partial<InquiryRow> {
  const from = row.status as InquiryStatus;
  if (from === to) return {};
  const change: Partial<InquiryRow> = { status: to };
  if (from === 'waiting_customer' && row.waiting_since !== null) {
    change.resolution_due_at = resumedDue(row.resolution_due_at, row.waiting_since, now);
    change.waiting_since = null;
  }
  if (to === 'waiting_customer') change.waiting_since = now;
  if (to === 'resolved') change.resolved_at = now;
  if (to === 'closed') {
    change.closed_at = now;
    change.resolved_at = row.resolved_at ?? now;
  }
  if (to === 'new' || to === 'answered' || to === 'waiting_customer') change.resolved_at = null;
  return change;
}

function checkMove(side: Side, from: InquiryStatus, to: InquiryStatus, number: number): void {
  if (from === to) return;
  const allowed = STATUS_MOVES[side][from];
  if (!allowed.includes(to)) {
    throw new YaguraError(
      'CONFLICT',
      `Inquiry #${number} cannot move from ${from} to ${to} (${side === 'soc' ? 'SOC' : 'customer'}); allowed: ${allowed.join(', ') || 'none'}`,
    );
  }
}

function context(action: string, id: string) {
  return { action, target: { type: 'inquiry', id: id.slice(0, 80) }, what: 'inquiry' };
}
