// Per-tenant ingest tokens for POST /api/ingest (`ygi_...`) and Splunk HEC (a UUID): created, listed and revoked
// through the services like other settings, stored as a SHA-256 of the secret, and looked up from memory.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { YaguraError } from '../core/errors.js';
import { isTenantId, type TenantId } from '../core/ids.js';
import type { Actor } from './actor.js';
import { can } from './permissions.js';
import { isoNow, isUniqueViolation, permit, type AccessDeps } from './service-support.js';
import type { IngestTokensTable } from './tables.js';

export const INGEST_TOKEN_KINDS = ['ingest', 'hec'] as const;
export type IngestTokenKind = (typeof INGEST_TOKEN_KINDS)[number];

export interface IngestToken {
  id: string;
  tenant: TenantId;
  /** "ingest": `Authorization: Bearer` on POST /api/ingest; "hec": `Authorization: Splunk` on HEC. */
  kind: IngestTokenKind;
  name: string;
  /** The secret's first characters, to recognise it in a list. */
  prefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  /** Kept to the minute: it is written at most once a minute per token. */
  lastUsedAt: string | null;
}

export interface CreateIngestTokenInput {
  tenant: string;
  kind: IngestTokenKind;
  name: string;
}

/** What a valid secret grants: the tenant its events go to. */
export interface IngestTokenGrant {
  tenant: TenantId;
  tokenId: string;
  name: string;
}

export interface IngestTokenServiceOptions {
  /** How stale the in-memory table may get before a lookup reloads it (default 5 seconds). */
  refreshMs?: number;
  /** Least time between two writes of one token's last_used_at (default a minute). */
  touchEveryMs?: number;
}

const PERMISSION = 'ingest-tokens:manage';
const ID = /^it_[0-9a-f]{16}$/;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function grantKey(kind: IngestTokenKind, hash: string): string {
  return `${kind}:${hash}`;
}

export class IngestTokenService {
  private readonly refreshMs: number;
  private readonly touchEveryMs: number;
  // Keyed by kind and secret hash, so a lookup is one hash and one map read: ingest must not query per request.
  private grants = new Map<string, IngestTokenGrant>();
  // Kinds with any token row, revoked or not: once a tenant has had ingest tokens, anonymous ingest stays off.
  private kindsInUse = new Set<IngestTokenKind>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | undefined;
  private started = 0;
  private applied = 0;
  private readonly touchedAt = new Map<string, number>();
  private readonly touches = new Set<Promise<void>>();

  constructor(
    private readonly deps: AccessDeps,
    options: IngestTokenServiceOptions = {},
  ) {
    this.refreshMs = options.refreshMs ?? 5_000;
    this.touchEveryMs = options.touchEveryMs ?? 60_000;
  }

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  /** Creates a token for a tenant; the returned `secret` is never available again. */
  async create(actor: Actor, input: CreateIngestTokenInput): Promise<{ token: IngestToken; secret: string }> {
    const tenant = asTenantId(input.tenant);
    const id = `it_${randomBytes(8).toString('hex')}`;
    const target = { type: 'ingest-token', id };
    await permit(this.deps.audit, actor, PERMISSION, { action: 'ingest-token.create', tenant, target });
    if (!(INGEST_TOKEN_KINDS as readonly string[]).includes(input.kind)) {
      throw new YaguraError('REQUEST_INVALID', `The kind must be ingest or hec, not "${input.kind}"`);
    }
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) {
      throw new YaguraError('REQUEST_INVALID', 'An ingest token name must have 1 to 200 characters');
    }
    const owner = await this.deps.db
      .selectFrom('tenants')
      .select(['id', 'disabled_at'])
      .where('id', '=', tenant)
      .executeTakeFirst();
    if (!owner) throw new YaguraError('NOT_FOUND', `No tenant "${tenant}"`);
    if (owner.disabled_at !== null) throw new YaguraError('CONFLICT', `The tenant "${tenant}" is disabled`);
    // HEC clients expect GUID-shaped tokens; the ingest endpoint's own tokens carry a recognisable prefix.
    const secret = input.kind === 'hec' ? randomUUID() : `ygi_${randomBytes(32).toString('base64url')}`;
    const row: IngestTokensTable = {
      id,
      tenant_id: tenant,
      kind: input.kind,
      name,
      token_hash: sha256(secret),
      prefix: secret.slice(0, 8),
      created_by: actor.name,
      created_at: isoNow(this.deps),
      revoked_at: null,
      last_used_at: null,
    };
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await trx.insertInto('ingest_tokens').values(row).execute();
        await this.deps.audit.record(
          {
            actor,
            action: 'ingest-token.create',
            outcome: 'success',
            tenant,
            target,
            details: { kind: row.kind, name, prefix: row.prefix },
          },
          { within: trx },
        );
      });
    } catch (error) {
      // A repeated random id or secret: vanishingly rare, and safe to report rather than retry.
      if (isUniqueViolation(error)) throw new YaguraError('CONFLICT', 'Token collision; try again');
      throw error;
    }
    await this.refresh();
    return { token: toIngestToken(row), secret };
  }

  /** Tokens of one tenant, or of every tenant the actor manages; never the secrets. */
  async list(actor: Actor, filter: { tenant?: string } = {}): Promise<IngestToken[]> {
    let query = this.deps.db.selectFrom('ingest_tokens').selectAll();
    if (filter.tenant !== undefined) {
      const tenant = asTenantId(filter.tenant);
      await permit(this.deps.audit, actor, PERMISSION, {
        action: 'ingest-token.list',
        tenant,
        target: { type: 'tenant', id: tenant },
      });
      const exists = await this.deps.db
        .selectFrom('tenants')
        .select('id')
        .where('id', '=', tenant)
        .executeTakeFirst();
      if (!exists) throw new YaguraError('NOT_FOUND', `No tenant "${tenant}"`);
      query = query.where('tenant_id', '=', tenant);
    } else {
      await permit(this.deps.audit, actor, PERMISSION, { action: 'ingest-token.list' });
      if (actor.tenants !== 'all') {
        if (actor.tenants.length === 0) return [];
        query = query.where('tenant_id', 'in', [...actor.tenants]);
      }
    }
    const rows = await query.orderBy('tenant_id').orderBy('created_at').orderBy('id').execute();
    return rows.map(toIngestToken);
  }

  /** Revokes a token; lookups in this process refuse it at once, other processes within `refreshMs`. */
  async revoke(actor: Actor, id: string): Promise<IngestToken> {
    const action = 'ingest-token.revoke';
    const target = { type: 'ingest-token', id: id.slice(0, 80) };
    const row = ID.test(id)
      ? await this.deps.db.selectFrom('ingest_tokens').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
    const tenant = row ? (row.tenant_id as TenantId) : undefined;
    if (!can(actor, PERMISSION)) {
      await permit(this.deps.audit, actor, PERMISSION, { action, target, ...(tenant ? { tenant } : {}) });
    }
    // A token of a foreign tenant and a missing one look alike to a tenant-bound caller: both FORBIDDEN.
    const open = tenant !== undefined ? can(actor, PERMISSION, tenant) : actor.tenants === 'all';
    if (!open) {
      const reason = `${PERMISSION} is not granted in the requested tenant`;
      await this.deps.audit.record({
        actor,
        action,
        outcome: 'denied',
        ...(tenant ? { tenant } : {}),
        target,
        details: { permission: PERMISSION, reason },
      });
      throw new YaguraError('FORBIDDEN', `Not permitted: ${reason}`, { permission: PERMISSION });
    }
    if (!row || !tenant) throw new YaguraError('NOT_FOUND', `No ingest token "${id.slice(0, 80)}"`);
    const now = isoNow(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('ingest_tokens')
        .set({ revoked_at: now })
        .where('id', '=', row.id)
        .where('revoked_at', 'is', null)
        .execute();
      await this.deps.audit.record(
        {
          actor,
          action,
          outcome: 'success',
          tenant,
          target,
          details: { kind: row.kind, name: row.name, prefix: row.prefix },
        },
        { within: trx },
      );
    });
    await this.refresh();
    return toIngestToken({ ...row, revoked_at: row.revoked_at ?? now });
  }

  /**
   * The grant of a presented secret, or undefined for an unknown or revoked one or one of a disabled tenant.
   * Answered from memory; the table is reloaded after changes here and at most every `refreshMs` otherwise.
   */
  async lookup(kind: IngestTokenKind, secret: string): Promise<IngestTokenGrant | undefined> {
    await this.fresh();
    const grant = this.grants.get(grantKey(kind, sha256(secret)));
    if (grant) this.touch(grant.tokenId);
    return grant;
  }

  /** True once a token of this kind has been created for any tenant (revoked ones included). */
  async anyOfKind(kind: IngestTokenKind): Promise<boolean> {
    await this.fresh();
    return this.kindsInUse.has(kind);
  }

  /** Waits for pending last_used_at writes (tests, shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.touches]);
  }

  private async fresh(): Promise<void> {
    if (this.now() - this.loadedAt < this.refreshMs) return;
    if (!this.loading) {
      const hadTable = this.loadedAt > -Infinity;
      this.loading = this.refresh()
        .catch((error: unknown) => {
          // With a table already loaded, keep answering from it and try again after another refreshMs.
          if (!hadTable) throw error;
          this.loadedAt = this.now();
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    await this.loading;
  }

  /** Reloads the in-memory table now (after a tenant is disabled or enabled, say). */
  // Loads are numbered so that a slow older load never overwrites a newer one's result.
  async refresh(): Promise<void> {
    const number = ++this.started;
    const startedAt = this.now();
    const rows = await this.deps.db
      .selectFrom('ingest_tokens')
      .innerJoin('tenants', 'tenants.id', 'ingest_tokens.tenant_id')
      .select([
        'ingest_tokens.id',
        'ingest_tokens.tenant_id',
        'ingest_tokens.kind',
        'ingest_tokens.name',
        'ingest_tokens.token_hash',
        'ingest_tokens.revoked_at',
        'tenants.disabled_at',
      ])
      .execute();
    if (number < this.applied) return;
    const grants = new Map<string, IngestTokenGrant>();
    const kinds = new Set<IngestTokenKind>();
    for (const row of rows) {
      kinds.add(row.kind);
      if (row.revoked_at !== null || row.disabled_at !== null) continue;
      grants.set(grantKey(row.kind, row.token_hash), {
        tenant: row.tenant_id as TenantId,
        tokenId: row.id,
        name: row.name,
      });
    }
    this.grants = grants;
    this.kindsInUse = kinds;
    this.applied = number;
    this.loadedAt = startedAt;
  }

  // last_used_at is written in the background and at most once a minute per token, never awaited by a request.
  private touch(tokenId: string): void {
    const now = this.now();
    if (now - (this.touchedAt.get(tokenId) ?? -Infinity) < this.touchEveryMs) return;
    this.touchedAt.set(tokenId, now);
    const write = this.deps.db
      .updateTable('ingest_tokens')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('id', '=', tokenId)
      .execute()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.touches.delete(write));
    this.touches.add(write);
  }
}

// A malformed id cannot name any tenant; refusing it early keeps it out of queries and audit entries.
function asTenantId(id: string): TenantId {
  if (!isTenantId(id)) throw new YaguraError('NOT_FOUND', `No tenant "${id.slice(0, 64)}"`);
  return id;
}

function toIngestToken(row: IngestTokensTable): IngestToken {
  return {
    id: row.id,
    tenant: row.tenant_id as TenantId,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
