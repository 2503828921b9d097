// The communications log of an incident: what was sent to and heard from whom, and requests still waiting on an
// answer. Every change writes a 'communication' timeline entry and an audit entry in the same transaction.
import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { YaguraError } from '../../core/errors.js';
import type { StateDb } from '../../state/database.js';
import type { StateTables } from '../../state/tables.js';
import {
  isRecordId,
  newRecordId,
  nowOf,
  permitFound,
  permittedScope,
  type TriageDeps,
} from '../../triage/service-support.js';
import { auditCaseChange, timelineLine, type IncidentLookup, type TimelineWriter } from '../case-support.js';
import {
  communicationChangeSchema,
  communicationInputSchema,
  toCommunication,
  type Communication,
  type CommunicationChange,
  type CommunicationInput,
  type RequestStatus,
} from './communication-model.js';
import { contactLabel } from './contact-model.js';
import type { ContactService } from './contact-service.js';
import { permitIncident } from './incident-access.js';
import { parseInput } from './input.js';
import type { CommunicationsTable } from './tables.js';

export interface CommunicationFilter {
  /** Only requests in this status. */
  requestStatus?: RequestStatus;
  /** Only open requests past their due time. */
  overdue?: boolean;
}

type CommunicationRow = Selectable<CommunicationsTable>;
type CommunicationQuery = SelectQueryBuilder<StateTables, 'communications', CommunicationRow>;

const ARROW = { outgoing: '→', incoming: '←' } as const;

export class CommunicationService {
  constructor(
    private readonly deps: TriageDeps,
    private readonly timeline: TimelineWriter,
    private readonly incidents: IncidentLookup,
    private readonly contacts: ContactService,
  ) {}

  /** An incident's communications in the order they happened. */
  async list(actor: Actor, incidentId: string, filter: CommunicationFilter = {}): Promise<Communication[]> {
    const tenant = await permitIncident(
      this.deps,
      this.incidents,
      actor,
      'incidents:read',
      incidentId,
      'communication.list',
    );
    const now = nowOf(this.deps);
    let query = this.deps.db
      .selectFrom('communications')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('incident_id', '=', incidentId);
    query = this.filtered(query, filter, now);
    const rows = await query.orderBy('occurred_at').orderBy('id').execute();
    return rows.map((r) => toCommunication(r, now));
  }

  /** Requests of the tenants' incidents that wait on an answer ("the vendor has not sent the logs yet"), due first. */
  async openRequests(
    actor: Actor,
    tenants?: readonly string[],
    filter: { overdue?: boolean } = {},
  ): Promise<Communication[]> {
    const scope = await permittedScope(this.deps, actor, 'incidents:read', 'communication.requests', tenants);
    const now = nowOf(this.deps);
    const query = this.filtered(
      this.deps.db
        .selectFrom('communications')
        .selectAll()
        .where('tenant', 'in', [...scope]),
      { requestStatus: 'open', ...(filter.overdue !== undefined ? { overdue: filter.overdue } : {}) },
      now,
    );
    const rows = await query.orderBy('due_at').orderBy('occurred_at').limit(1000).execute();
    // SQLite sorts nulls first; requests without a due time come after the dated ones.
    return rows.map((r) => toCommunication(r, now)).sort((a, b) => dueKey(a) - dueKey(b));
  }

  async get(actor: Actor, id: string): Promise<Communication> {
    const row = await this.load(id);
    await permitFound(this.deps, actor, 'incidents:read', row, context('communication.read', id));
    return toCommunication(row!, nowOf(this.deps));
  }

  async record(actor: Actor, incidentId: string, input: CommunicationInput): Promise<Communication> {
    const tenant = await permitIncident(
      this.deps,
      this.incidents,
      actor,
      'incidents:manage',
      incidentId,
      'communication.record',
    );
    const fields = parseInput(communicationInputSchema, input, 'communication');
    const contact = fields.contactId ? await this.contacts.usableIn(tenant, fields.contactId) : undefined;
    const counterpart = fields.counterpart || (contact ? contactLabel(contact) : '');
    if (!counterpart) {
      throw new YaguraError('REQUEST_INVALID', 'A communication needs a contactId or a counterpart', {
        location: { key: 'counterpart' },
      });
    }
    const now = nowOf(this.deps);
    const row: CommunicationRow = {
      id: newRecordId(),
      tenant,
      incident_id: incidentId,
      direction: fields.direction,
      channel: fields.channel,
      contact_id: contact?.id ?? null,
      counterpart,
      subject: fields.subject,
      summary: fields.summary,
      body: fields.body ?? null,
      occurred_at: fields.occurredAt ?? now,
      recorded_at: now,
      recorded_by: actor.id,
      recorded_by_name: actor.name,
      attachments: JSON.stringify([...new Set(fields.attachments ?? [])]),
      request_status: fields.request ? (fields.request.status ?? 'open') : null,
      due_at: fields.request?.dueAt ?? null,
      updated_at: now,
    };
    const request = row.request_status ? ` [${row.request_status}]` : '';
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('communications').values(row).execute();
      await this.timeline.append(trx, {
        incidentId,
        tenant,
        kind: 'communication',
        summary: timelineLine(
          `${ARROW[fields.direction]} ${counterpart} (${fields.channel})${request}: ${fields.summary}`,
        ),
        eventTime: row.occurred_at,
        actor: { id: actor.id, name: actor.name },
        ref: { type: 'communication', id: row.id },
        details: {
          direction: row.direction,
          channel: row.channel,
          subject: row.subject,
          ...(row.contact_id ? { contactId: row.contact_id } : {}),
          ...(row.request_status ? { requestStatus: row.request_status, dueAt: row.due_at } : {}),
        },
      });
      await this.audit(trx, actor, 'communication.record', row, {
        incident: incidentId,
        direction: row.direction,
        channel: row.channel,
        counterpart,
        subject: row.subject,
      });
    });
    return toCommunication(row, now);
  }

  /** Changes a logged communication, most often a request's status ("the vendor sent the logs": answered). */
  async update(actor: Actor, id: string, change: CommunicationChange): Promise<Communication> {
    const before = await this.load(id);
    await permitFound(this.deps, actor, 'incidents:manage', before, context('communication.update', id));
    const fields = parseInput(communicationChangeSchema, change, 'communication');
    const now = nowOf(this.deps);
    const row: CommunicationRow = {
      ...before!,
      ...(fields.subject !== undefined ? { subject: fields.subject } : {}),
      ...(fields.summary !== undefined ? { summary: fields.summary } : {}),
      ...(fields.body !== undefined ? { body: fields.body } : {}),
      ...(fields.attachments !== undefined
        ? { attachments: JSON.stringify([...new Set(fields.attachments)]) }
        : {}),
      ...(fields.requestStatus !== undefined ? { request_status: fields.requestStatus } : {}),
      ...(fields.dueAt !== undefined ? { due_at: fields.dueAt } : {}),
      updated_at: now,
    };
    if (row.request_status === null) row.due_at = null;
    const changed = (
      ['subject', 'summary', 'body', 'attachments', 'request_status', 'due_at'] as const
    ).filter((k) => row[k] !== before![k]);
    if (changed.length === 0) return toCommunication(before!, now);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('communications')
        .set({
          subject: row.subject,
          summary: row.summary,
          body: row.body,
          attachments: row.attachments,
          request_status: row.request_status,
          due_at: row.due_at,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await this.timeline.append(trx, {
        incidentId: row.incident_id,
        tenant: row.tenant,
        kind: 'communication',
        summary: timelineLine(changeSummary(before!, row, fields.note)),
        actor: { id: actor.id, name: actor.name },
        ref: { type: 'communication', id },
        details: { changed, ...(fields.note ? { note: fields.note } : {}) },
      });
      await this.audit(trx, actor, 'communication.update', row, {
        incident: row.incident_id,
        changed,
        before: pick(before!, changed),
        after: pick(row, changed),
      });
    });
    return toCommunication(row, now);
  }

  private filtered(query: CommunicationQuery, filter: CommunicationFilter, now: number): CommunicationQuery {
    let q = query;
    if (filter.requestStatus) q = q.where('request_status', '=', filter.requestStatus);
    if (filter.overdue === true) q = q.where('request_status', '=', 'open').where('due_at', '<', now);
    return q;
  }

  private async load(id: string): Promise<CommunicationRow | undefined> {
    if (!isRecordId(id)) return undefined;
    return this.deps.db.selectFrom('communications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private async audit(
    trx: StateDb,
    actor: Actor,
    action: string,
    row: CommunicationRow,
    details: Record<string, unknown>,
  ): Promise<void> {
    await auditCaseChange(
      this.deps,
      trx,
      actor,
      action,
      { type: 'communication', id: row.id, tenant: row.tenant },
      details,
    );
  }
}

function changeSummary(before: CommunicationRow, after: CommunicationRow, note: string | undefined): string {
  const why = note ? ` (${note})` : '';
  if (before.request_status !== after.request_status) {
    return `${after.counterpart} "${after.subject}": ${before.request_status ?? 'no request'} → ${after.request_status ?? 'no request'}${why}`;
  }
  return `${after.counterpart} "${after.subject}": updated${why}`;
}

function pick(row: CommunicationRow, keys: readonly (keyof CommunicationRow)[]): Record<string, unknown> {
  // The body can be long; the audit keeps whether it changed, not the text.
  return Object.fromEntries(
    keys.map((k) => [k, k === 'body' ? (row.body === null ? null : `${row.body.length} chars`) : row[k]]),
  );
}

function dueKey(c: Communication): number {
  return c.request?.dueAt ?? Number.MAX_SAFE_INTEGER;
}

function context(action: string, id: string) {
  return { action, target: { type: 'communication', id: id.slice(0, 80) }, what: 'communication' };
}
