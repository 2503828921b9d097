// The contacts directory: per-tenant contacts and installation-wide ones (JPCERT/CC, police), CRUD with audit.
import { sql, type Selectable } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { can } from '../../access/permissions.js';
import { permit } from '../../access/service-support.js';
import { YaguraError } from '../../core/errors.js';
import type { TenantId } from '../../core/ids.js';
import type { StateDb } from '../../state/database.js';
import {
  isRecordId,
  newRecordId,
  nowOf,
  permitFound,
  permittedScope,
  permitTenant,
  type TriageDeps,
} from '../../triage/service-support.js';
import { auditCaseChange } from '../case-support.js';
import {
  contactChangeSchema,
  contactInputSchema,
  normalizeChannels,
  toContact,
  type Contact,
  type ContactChange,
  type ContactInput,
  type ContactKind,
} from './contact-model.js';
import { containsPattern, parseInput } from './input.js';
import type { ContactsTable } from './tables.js';

export interface ContactFilter {
  tenants?: readonly string[];
  kind?: ContactKind;
  /** Words found in the organization, name, title or escalation notes. */
  q?: string;
  /** Installation-wide contacts too (default true). */
  shared?: boolean;
  limit?: number;
}

type ContactRow = Selectable<ContactsTable>;

const LIST_MAX = 1000;

/**
 * Contacts of a tenant are read with incidents:read in that tenant and changed with contacts:manage there. An
 * installation-wide contact (tenant null) is read by anyone who reads some tenant's incidents, and changed only by
 * holders of contacts:manage in every tenant (admins): it speaks for the whole installation.
 */
export class ContactService {
  constructor(private readonly deps: TriageDeps) {}

  async list(actor: Actor, filter: ContactFilter = {}): Promise<Contact[]> {
    const scope = await permittedScope(this.deps, actor, 'incidents:read', 'contact.list', filter.tenants);
    const shared = filter.shared ?? true;
    let query = this.deps.db
      .selectFrom('contacts')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where((eb) =>
        shared
          ? eb.or([eb('tenant', 'in', [...scope]), eb('tenant', 'is', null)])
          : eb('tenant', 'in', [...scope]),
      );
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    const q = filter.q?.trim();
    if (q) {
      const pattern = containsPattern(q);
      query = query.where(
        sql<boolean>`(organization like ${pattern} escape '\\' or coalesce(name, '') like ${pattern} escape '\\'
          or coalesce(title, '') like ${pattern} escape '\\' or coalesce(escalation_notes, '') like ${pattern} escape '\\')`,
      );
    }
    const rows = await query
      .orderBy(sql`tenant is null`)
      .orderBy('tenant')
      .orderBy('kind')
      .orderBy('organization')
      .orderBy('id')
      .limit(Math.min(filter.limit ?? LIST_MAX, LIST_MAX))
      .execute();
    return rows.map(toContact);
  }

  async get(actor: Actor, id: string): Promise<Contact> {
    const row = await this.load(id);
    await this.permitRead(actor, row, id, 'contact.read');
    return toContact(row!);
  }

  /** Adds a contact to a tenant's directory, or to the installation's when `tenant` is null. */
  async create(actor: Actor, tenant: string | null, input: ContactInput): Promise<Contact> {
    const at = await this.permitManage(actor, tenant, 'contact.create');
    const fields = parseInput(contactInputSchema, input, 'contact');
    const now = nowOf(this.deps);
    const id = newRecordId();
    const row: ContactRow = {
      id,
      tenant: at,
      kind: fields.kind,
      organization: fields.organization,
      name: fields.name || null,
      title: fields.title || null,
      channels: JSON.stringify(normalizeChannels(fields.channels)),
      hours: fields.hours || null,
      escalation_notes: fields.escalationNotes || null,
      language: fields.language ?? 'ja',
      created_by: actor.id,
      created_at: now,
      updated_by: actor.id,
      updated_at: now,
      deleted_at: null,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('contacts').values(row).execute();
      await this.audit(trx, actor, 'contact.create', row, { after: toContact(row) });
    });
    return toContact(row);
  }

  async update(actor: Actor, id: string, change: ContactChange): Promise<Contact> {
    const row = await this.load(id);
    await this.permitChange(actor, row, id, 'contact.update');
    const fields = parseInput(contactChangeSchema, change, 'contact');
    const before = row!;
    const after: ContactRow = {
      ...before,
      ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
      ...(fields.organization !== undefined ? { organization: fields.organization } : {}),
      ...(fields.name !== undefined ? { name: fields.name || null } : {}),
      ...(fields.title !== undefined ? { title: fields.title || null } : {}),
      ...(fields.channels !== undefined
        ? { channels: JSON.stringify(normalizeChannels(fields.channels)) }
        : {}),
      ...(fields.hours !== undefined ? { hours: fields.hours || null } : {}),
      ...(fields.escalationNotes !== undefined ? { escalation_notes: fields.escalationNotes || null } : {}),
      ...(fields.language !== undefined ? { language: fields.language } : {}),
      updated_by: actor.id,
      updated_at: nowOf(this.deps),
    };
    await this.deps.db.transaction().execute(async (trx) => {
      const { id: _id, tenant: _tenant, created_at: _c, created_by: _b, deleted_at: _d, ...set } = after;
      await trx.updateTable('contacts').set(set).where('id', '=', id).execute();
      await this.audit(trx, actor, 'contact.update', after, {
        before: toContact(before),
        after: toContact(after),
      });
    });
    return toContact(after);
  }

  /** Removes a contact from the directory; communications logged with it keep its name as it was. */
  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.load(id);
    await this.permitChange(actor, row, id, 'contact.delete');
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('contacts')
        .set({ deleted_at: now, updated_at: now, updated_by: actor.id })
        .where('id', '=', id)
        .execute();
      await this.audit(trx, actor, 'contact.delete', row!, {
        organization: row!.organization,
        name: row!.name,
      });
    });
  }

  /**
   * A contact the incidents of `tenant` may use (the tenant's own or an installation-wide one), for the
   * communications log and the templates. No permission check: the caller has checked the incident.
   */
  async usableIn(tenant: string, id: string): Promise<Contact> {
    const row = await this.load(id);
    if (!row || (row.tenant !== null && row.tenant !== tenant)) {
      throw new YaguraError('NOT_FOUND', `No contact "${id.slice(0, 80)}" in tenant ${tenant}`, {
        location: { key: 'contactId' },
      });
    }
    return toContact(row);
  }

  private async load(id: string): Promise<ContactRow | undefined> {
    if (!isRecordId(id)) return undefined;
    return this.deps.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  private async permitRead(
    actor: Actor,
    row: ContactRow | undefined,
    id: string,
    action: string,
  ): Promise<void> {
    if (row && row.tenant === null) {
      await permit(this.deps.audit, actor, 'incidents:read', { action, target: { type: 'contact', id } });
      return;
    }
    await permitFound(
      this.deps,
      actor,
      'incidents:read',
      row as { tenant: string } | undefined,
      context(action, id),
    );
  }

  private async permitChange(
    actor: Actor,
    row: ContactRow | undefined,
    id: string,
    action: string,
  ): Promise<void> {
    if (row && row.tenant === null) {
      await this.permitManage(actor, null, action, id);
      return;
    }
    await permitFound(
      this.deps,
      actor,
      'contacts:manage',
      row as { tenant: string } | undefined,
      context(action, id),
    );
  }

  private async permitManage(
    actor: Actor,
    tenant: string | null,
    action: string,
    id?: string,
  ): Promise<TenantId | null> {
    const target = id ? { target: { type: 'contact', id } } : {};
    if (tenant !== null)
      return permitTenant(this.deps, actor, 'contacts:manage', tenant, { action, ...target });
    await permit(this.deps.audit, actor, 'contacts:manage', { action, ...target });
    if (actor.tenants !== 'all' || !can(actor, 'contacts:manage')) {
      const reason =
        'installation-wide contacts are changed only by holders of contacts:manage in every tenant';
      await this.deps.audit.record({
        actor,
        action,
        outcome: 'denied',
        ...target,
        details: { permission: 'contacts:manage', reason },
      });
      throw new YaguraError('FORBIDDEN', `Not permitted: ${reason}`, { permission: 'contacts:manage' });
    }
    return null;
  }

  private async audit(
    trx: StateDb,
    actor: Actor,
    action: string,
    row: ContactRow,
    details: Record<string, unknown>,
  ): Promise<void> {
    await auditCaseChange(
      this.deps,
      trx,
      actor,
      action,
      { type: 'contact', id: row.id, tenant: row.tenant },
      details,
    );
  }
}

function context(action: string, id: string) {
  return { action, target: { type: 'contact', id: id.slice(0, 80) }, what: 'contact' };
}
