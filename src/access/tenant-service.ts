// Tenants and their settings: create, list, rename, disable, and change time zone, language, retention and
// source ranges. Every call checks permission and tenant first and records its outcome in the audit log.
import { YaguraError } from '../core/errors.js';
import { isTenantId, type TenantId } from '../core/ids.js';
import { parseCidr } from '../search/cidr.js';
import type { StateDb } from '../state/database.js';
import type { TenantScope } from '../store/tenant-scope.js';
import type { Actor } from './actor.js';
import { tenantScope } from './permissions.js';
import { isUniqueViolation, isoNow, permit, type AccessDeps } from './service-support.js';
import type { TenantsTable } from './tables.js';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Tenant {
  id: TenantId;
  name: string;
  timeZone: string;
  language: Language;
  /** Days events are kept; null means the installation default. */
  retentionDays: number | null;
  /** Addresses or CIDR ranges whose syslog messages belong to this tenant. */
  sources: string[];
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TenantSettings {
  timeZone?: string;
  language?: Language;
  retentionDays?: number | null;
  sources?: readonly string[];
}

export interface CreateTenantInput extends TenantSettings {
  name: string;
  /** Defaults to the name lower-cased with other characters turned into "-". */
  id?: string;
}

export class TenantService {
  constructor(private readonly deps: AccessDeps) {}

  async create(actor: Actor, input: CreateTenantInput): Promise<Tenant> {
    const name = checkName(input.name);
    const id = input.id ?? idFromName(name);
    const target = { type: 'tenant', id };
    await permit(this.deps.audit, actor, 'tenants:manage', { action: 'tenant.create', target });
    if (!isTenantId(id)) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `Invalid tenant id "${id}": use 1-63 lowercase letters, digits, "_" or "-"`,
      );
    }
    const settings = checkSettings(input);
    const now = isoNow(this.deps);
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('tenants')
          .values({
            id,
            name,
            time_zone: settings.timeZone ?? 'UTC',
            language: settings.language ?? 'en',
            retention_days: settings.retentionDays ?? null,
            disabled_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        if (settings.sources && settings.sources.length > 0) {
          await trx
            .insertInto('tenant_sources')
            .values(settings.sources.map((cidr) => ({ tenant_id: id, cidr })))
            .execute();
        }
        await this.deps.audit.record(
          {
            actor,
            action: 'tenant.create',
            outcome: 'success',
            tenant: id,
            target,
            details: { name, ...settings },
          },
          { within: trx },
        );
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new YaguraError('CONFLICT', `A tenant with id "${id}" already exists`);
      throw error;
    }
    return this.load(id);
  }

  /** The tenants the actor may see, by id. */
  async list(actor: Actor): Promise<Tenant[]> {
    await permit(this.deps.audit, actor, 'tenants:read', { action: 'tenant.list' });
    let query = this.deps.db.selectFrom('tenants').selectAll().orderBy('id');
    if (actor.tenants !== 'all') {
      if (actor.tenants.length === 0) return [];
      query = query.where('id', 'in', [...actor.tenants]);
    }
    const rows = await query.execute();
    const sources = await this.sourcesOf(rows.map((r) => r.id));
    return rows.map((row) => toTenant(row, sources.get(row.id) ?? []));
  }

  async get(actor: Actor, id: string): Promise<Tenant> {
    const tenant = asTenantId(id);
    await permit(this.deps.audit, actor, 'tenants:read', {
      action: 'tenant.read',
      tenant,
      target: { type: 'tenant', id },
    });
    return this.load(tenant);
  }

  /**
   * The concrete tenants a read by `actor` covers: existing tenants narrowed to the actor's and to `requested`.
   * Never "all", never empty (FORBIDDEN instead).
   */
  async scope(actor: Actor, requested?: readonly string[]): Promise<TenantScope> {
    const known = await this.deps.db.selectFrom('tenants').select('id').orderBy('id').execute();
    return tenantScope(
      actor,
      requested,
      known.map((r) => r.id as TenantId),
    );
  }

  /**
   * Each tenant's own retention in days (null: the installation's), for a scope a permission check already made;
   * the scope is the proof, so nothing else is checked here.
   */
  async retentionOf(scope: TenantScope): Promise<{ tenant: TenantId; retentionDays: number | null }[]> {
    const rows = await this.deps.db
      .selectFrom('tenants')
      .select(['id', 'retention_days'])
      .where('id', 'in', [...scope])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ tenant: r.id as TenantId, retentionDays: r.retention_days }));
  }

  async rename(actor: Actor, id: string, name: string): Promise<Tenant> {
    const newName = checkName(name);
    return this.change(actor, id, 'tenant.rename', { name: newName }, async (trx, now) => {
      await trx.updateTable('tenants').set({ name: newName, updated_at: now }).where('id', '=', id).execute();
    });
  }

  async disable(actor: Actor, id: string): Promise<Tenant> {
    return this.change(actor, id, 'tenant.disable', {}, async (trx, now) => {
      await trx
        .updateTable('tenants')
        .set({ disabled_at: now, updated_at: now })
        .where('id', '=', id)
        .where('disabled_at', 'is', null)
        .execute();
    });
  }

  async enable(actor: Actor, id: string): Promise<Tenant> {
    return this.change(actor, id, 'tenant.enable', {}, async (trx, now) => {
      await trx
        .updateTable('tenants')
        .set({ disabled_at: null, updated_at: now })
        .where('id', '=', id)
        .execute();
    });
  }

  /** Changes the given settings only; `sources` replaces the whole list. */
  async updateSettings(actor: Actor, id: string, changes: TenantSettings): Promise<Tenant> {
    const settings = checkSettings(changes);
    return this.change(actor, id, 'tenant.settings.update', { ...settings }, async (trx, now) => {
      await trx
        .updateTable('tenants')
        .set({
          updated_at: now,
          ...(settings.timeZone !== undefined ? { time_zone: settings.timeZone } : {}),
          ...(settings.language !== undefined ? { language: settings.language } : {}),
          ...(settings.retentionDays !== undefined ? { retention_days: settings.retentionDays } : {}),
        })
        .where('id', '=', id)
        .execute();
      if (settings.sources !== undefined) {
        await trx.deleteFrom('tenant_sources').where('tenant_id', '=', id).execute();
        if (settings.sources.length > 0) {
          await trx
            .insertInto('tenant_sources')
            .values(settings.sources.map((cidr) => ({ tenant_id: id, cidr })))
            .execute();
        }
      }
    });
  }

  // Permission first (so a foreign tenant is FORBIDDEN whether or not it exists), then existence, then the change.
  private async change(
    actor: Actor,
    id: string,
    action: string,
    details: Record<string, unknown>,
    apply: (trx: StateDb, now: string) => Promise<void>,
  ): Promise<Tenant> {
    const tenant = asTenantId(id);
    const target = { type: 'tenant', id };
    await permit(this.deps.audit, actor, 'tenants:manage', { action, tenant, target });
    await this.load(tenant);
    const now = isoNow(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await apply(trx, now);
      await this.deps.audit.record(
        { actor, action, outcome: 'success', tenant, target, details },
        { within: trx },
      );
    });
    return this.load(tenant);
  }

  private async load(id: TenantId): Promise<Tenant> {
    const row = await this.deps.db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new YaguraError('NOT_FOUND', `No tenant "${id}"`);
    const sources = await this.sourcesOf([id]);
    return toTenant(row, sources.get(id) ?? []);
  }

  private async sourcesOf(ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (ids.length === 0) return out;
    const rows = await this.deps.db
      .selectFrom('tenant_sources')
      .select(['tenant_id', 'cidr'])
      .where('tenant_id', 'in', ids)
      .orderBy('tenant_id')
      .orderBy('cidr')
      .execute();
    for (const row of rows) {
      const list = out.get(row.tenant_id) ?? [];
      list.push(row.cidr);
      out.set(row.tenant_id, list);
    }
    return out;
  }
}

function toTenant(row: TenantsTable, sources: string[]): Tenant {
  return {
    id: row.id as TenantId,
    name: row.name,
    timeZone: row.time_zone,
    language: row.language,
    retentionDays: row.retention_days,
    sources,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// A malformed id cannot name any tenant; refusing it early keeps it out of queries and audit entries.
function asTenantId(id: string): TenantId {
  if (!isTenantId(id)) throw new YaguraError('NOT_FOUND', `No tenant "${id.slice(0, 64)}"`);
  return id;
}

function idFromName(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 63);
  if (!isTenantId(id)) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `Cannot derive a tenant id from the name "${name}"; give one (lowercase letters, digits, "_" or "-")`,
    );
  }
  return id;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw new YaguraError('REQUEST_INVALID', 'A tenant name must have 1 to 200 characters');
  }
  return trimmed;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkSettings(input: TenantSettings): TenantSettings {
  const out: TenantSettings = {};
  if (input.timeZone !== undefined) {
    if (!isTimeZone(input.timeZone)) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `"${input.timeZone}" is not an IANA time zone (e.g. "Asia/Tokyo")`,
      );
    }
    out.timeZone = input.timeZone;
  }
  if (input.language !== undefined) {
    if (!(LANGUAGES as readonly string[]).includes(input.language)) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `The language must be one of ${LANGUAGES.join(', ')}, not "${input.language}"`,
      );
    }
    out.language = input.language;
  }
  if (input.retentionDays !== undefined) {
    const days = input.retentionDays;
    if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 36500)) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `Retention must be a whole number of days from 1 to 36500, not ${days}`,
      );
    }
    out.retentionDays = days;
  }
  if (input.sources !== undefined) {
    const sources = [...new Set(input.sources.map((s) => s.trim()))];
    for (const source of sources) {
      const text = source.includes('/') ? source : source.includes(':') ? `${source}/128` : `${source}/32`;
      if (!parseCidr(text)) {
        throw new YaguraError('REQUEST_INVALID', `"${source}" is not an address or CIDR range`);
      }
    }
    out.sources = sources;
  }
  return out;
}
