// Inquiries (問合せ) from a customer CSIRT: submitted and replied to by the customer (inquiries:submit), answered
// by the SOC (inquiries:answer), with SLA due times, a message thread, and conversion to an incident. Each method
// checks permission and tenant first; the roles live beside it (rows, query, status, thread, convert, SLA targets).
import type { Actor } from '../../access/actor.js';
import { YaguraError } from '../../core/errors.js';
import {
  checkLimit,
  newRecordId,
  nowOf,
  permitFound,
  permittedScope,
  permitTenant,
  type TriageDeps,
} from '../../triage/service-support.js';
import type { IncidentCreator, TimelineWriter } from '../case-support.js';
import { parseInput } from '../contacts/input.js';
import { checkConvertible, convertInquiry } from './inquiry-convert.js';
import {
  convertInputSchema,
  inquiryInputSchema,
  messageInputSchema,
  toInquiry,
  type ConvertInput,
  type Inquiry,
  type InquiryInput,
  type InquiryStatus,
  type MessageInput,
} from './inquiry-model.js';
import { listInquiries, type InquiryFilter, type InquiryPage } from './inquiry-query.js';
import {
  auditInquiry,
  inquiryContext,
  loadInquiry,
  loadInquiryDetail,
  type InquiryDetail,
  type InquiryRow,
} from './inquiry-rows.js';
import { checkMove, permitWriter, statusChange } from './inquiry-status.js';
import { noteInTimeline, writeMessage } from './inquiry-thread.js';
import { dueTimes, slaChangeSchema, type SlaChange } from './sla.js';
import { saveSlaTargets, targetsOf, targetsWithDefaults, type TenantSlaTargets } from './sla-targets.js';

export type { InquiryFilter, InquiryPage } from './inquiry-query.js';
export type { InquiryDetail } from './inquiry-rows.js';
export type { TenantSlaTargets } from './sla-targets.js';

export class InquiryService {
  constructor(
    private readonly deps: TriageDeps,
    private readonly timeline: TimelineWriter,
    private readonly incidents: IncidentCreator,
  ) {}

  async submit(actor: Actor, tenant: string, input: InquiryInput): Promise<Inquiry> {
    const at = await permitTenant(this.deps, actor, 'inquiries:submit', tenant, { action: 'inquiry.submit' });
    const fields = parseInput(inquiryInputSchema, input, 'inquiry');
    const targets = await targetsOf(this.deps.db, at);
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
      await auditInquiry(this.deps, trx, actor, 'inquiry.submit', row, {
        number: row.number,
        type: row.type,
        priority: row.priority,
        subject: row.subject,
      });
    });
    return toInquiry((await loadInquiry(this.deps.db, id))!, now);
  }

  /** Newest first, keyset-paged. */
  async list(actor: Actor, filter: InquiryFilter = {}): Promise<InquiryPage> {
    const scope = await permittedScope(this.deps, actor, 'inquiries:read', 'inquiry.list', filter.tenants);
    const limit = checkLimit(filter.limit ?? 100);
    return listInquiries(this.deps.db, scope, filter, limit, nowOf(this.deps));
  }

  async get(actor: Actor, id: string): Promise<InquiryDetail> {
    const row = await loadInquiry(this.deps.db, id);
    await permitFound(this.deps, actor, 'inquiries:read', row, inquiryContext('inquiry.read', id));
    return loadInquiryDetail(this.deps, row!);
  }

  /**
   * Adds a message to the thread. Whoever holds inquiries:answer in the tenant writes as the SOC (the first such
   * message is the first response); a holder of inquiries:submit writes as the customer. Closed inquiries take no
   * more messages.
   */
  async addMessage(actor: Actor, id: string, input: MessageInput): Promise<InquiryDetail> {
    const { row, side } = await permitWriter(this.deps, actor, id, 'inquiry.message');
    const fields = parseInput(messageInputSchema, input, 'message');
    const from = row.status as InquiryStatus;
    if (from === 'closed') throw new YaguraError('CONFLICT', `Inquiry #${row.number} is closed`);
    const to = fields.status ?? (side === 'soc' ? 'answered' : 'new');
    checkMove(side, from, to, row.number);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      const changed = statusChange(row, to, now);
      await trx
        .updateTable('inquiries')
        .set({
          ...changed,
          ...(side === 'soc' && row.first_response_at === null ? { first_response_at: now } : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await writeMessage(trx, actor, row, side, fields.body, to !== from ? to : null, now);
      const writer = side === 'soc' ? 'SOC' : 'Customer';
      await noteInTimeline(this.timeline, trx, actor, row, `${writer} wrote in inquiry #${row.number}`);
      await auditInquiry(this.deps, trx, actor, 'inquiry.message', row, { side, from, to });
    });
    return loadInquiryDetail(this.deps, (await loadInquiry(this.deps.db, id))!);
  }

  async setStatus(actor: Actor, id: string, status: InquiryStatus, reason?: string): Promise<Inquiry> {
    const { row, side } = await permitWriter(this.deps, actor, id, 'inquiry.status');
    const from = row.status as InquiryStatus;
    if (from === status) return toInquiry(row, nowOf(this.deps));
    checkMove(side, from, status, row.number);
    const note = reason?.trim().slice(0, 2000);
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('inquiries')
        .set({ ...statusChange(row, status, now), updated_at: now })
        .where('id', '=', id)
        .execute();
      if (note) await writeMessage(trx, actor, row, side, note, status, now);
      await noteInTimeline(this.timeline, trx, actor, row, `Inquiry #${row.number}: ${from} → ${status}`);
      await auditInquiry(this.deps, trx, actor, 'inquiry.status', row, {
        from,
        to: status,
        ...(note ? { reason: note } : {}),
      });
    });
    return toInquiry((await loadInquiry(this.deps.db, id))!, now);
  }

  /** Assigns the inquiry to a SOC user (null: nobody). */
  async assign(actor: Actor, id: string, assignee: string | null): Promise<Inquiry> {
    const row = await loadInquiry(this.deps.db, id);
    await permitFound(this.deps, actor, 'inquiries:answer', row, inquiryContext('inquiry.assign', id));
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
      await auditInquiry(this.deps, trx, actor, 'inquiry.assign', row!, {
        from: row!.assignee,
        to: assignee,
      });
    });
    return toInquiry((await loadInquiry(this.deps.db, id))!, now);
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
    const row = await loadInquiry(this.deps.db, id);
    const tenant = await permitFound(
      this.deps,
      actor,
      'inquiries:answer',
      row,
      inquiryContext('inquiry.convert', id),
    );
    // Checked here, before the transaction, so a denial is audited on its own and not rolled back with it.
    await permitTenant(this.deps, actor, 'incidents:manage', tenant, {
      action: 'inquiry.convert',
      target: { type: 'inquiry', id },
    });
    const fields = parseInput(convertInputSchema, input, 'conversion');
    checkConvertible(row!);
    const now = nowOf(this.deps);
    const services = { timeline: this.timeline, incidents: this.incidents };
    const incidentId = await convertInquiry(this.deps, services, actor, row!, tenant, fields, now);
    return { inquiry: toInquiry((await loadInquiry(this.deps.db, id))!, now), incidentId };
  }

  /** A tenant's SLA targets per priority, and which of them are the defaults. */
  async slaTargets(actor: Actor, tenant: string): Promise<TenantSlaTargets> {
    const at = await permitTenant(this.deps, actor, 'inquiries:read', tenant, { action: 'inquiry.sla.read' });
    return targetsWithDefaults(this.deps.db, at);
  }

  /** Sets a tenant's targets (tenants:manage: they are part of the contract); new inquiries use them. */
  async setSlaTargets(actor: Actor, tenant: string, change: SlaChange): Promise<TenantSlaTargets> {
    const at = await permitTenant(this.deps, actor, 'tenants:manage', tenant, {
      action: 'inquiry.sla.update',
    });
    const fields = parseInput(slaChangeSchema, change, 'SLA targets');
    const before = await targetsOf(this.deps.db, at);
    await saveSlaTargets(this.deps, actor, at, fields, before, nowOf(this.deps));
    return targetsWithDefaults(this.deps.db, at);
  }
}
