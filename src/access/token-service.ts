// Personal API tokens: `ygr_<id>_<secret>`, shown once, stored as a SHA-256 of the secret, optionally
// scoped to some of the owner's permissions, expiring and revocable.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { YaguraError, isYaguraError } from '../core/errors.js';
import { anonymousActor, type Actor, type Role } from './actor.js';
import { can, isPermission, permissionsOf, type Permission } from './permissions.js';
import { actorForUser, isoNow, permit, type AccessDeps } from './service-support.js';
import type { ApiTokensTable } from './tables.js';

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  /** The token's first characters, to recognise it in a list. */
  prefix: string;
  /** null: everything the owner's role allows. */
  scopes: Permission[] | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface CreateTokenInput {
  userId: string;
  name?: string;
  expiresAt?: Date | null;
  scopes?: readonly string[];
}

const TOKEN = /^ygr_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const INVALID_TOKEN = 'The API token is not valid (unknown, expired or revoked)';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class TokenService {
  constructor(private readonly deps: AccessDeps) {}

  /** Creates a token for a user; the returned `secret` (the whole `ygr_...` string) is never available again. */
  async create(actor: Actor, input: CreateTokenInput): Promise<{ token: ApiToken; secret: string }> {
    const target = { type: 'user', id: input.userId };
    await this.permitFor(actor, input.userId, 'token.create', target);
    const owner = await this.deps.db
      .selectFrom('users')
      .select(['id', 'role', 'disabled_at'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (!owner) throw new YaguraError('NOT_FOUND', `No user "${input.userId.slice(0, 80)}"`);
    if (owner.disabled_at !== null) throw new YaguraError('CONFLICT', 'The user is disabled');
    const scopes = input.scopes === undefined ? null : checkScopes(input.scopes, owner.role as Role);
    // A scoped token may mint tokens, but none wider than itself.
    if (actor.scopes && (scopes === null || scopes.some((s) => !actor.scopes!.includes(s)))) {
      throw new YaguraError(
        'FORBIDDEN',
        "Not permitted: a new token's scopes must lie within this token's scopes",
      );
    }
    const nowMs = (this.deps.clock ?? Date.now)();
    if (input.expiresAt && !(input.expiresAt.getTime() > nowMs)) {
      throw new YaguraError('REQUEST_INVALID', 'The expiry must be in the future');
    }
    const id = randomBytes(8).toString('hex');
    const secretPart = randomBytes(32).toString('base64url');
    const secret = `ygr_${id}_${secretPart}`;
    const row: ApiTokensTable = {
      id,
      user_id: owner.id,
      name: input.name?.trim() || 'token',
      token_hash: sha256(secretPart),
      prefix: `ygr_${id}_${secretPart.slice(0, 4)}`,
      scopes: scopes ? JSON.stringify(scopes) : null,
      expires_at: input.expiresAt ? input.expiresAt.toISOString() : null,
      revoked_at: null,
      last_used_at: null,
      created_at: new Date(nowMs).toISOString(),
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('api_tokens').values(row).execute();
      await this.deps.audit.record(
        {
          actor,
          action: 'token.create',
          outcome: 'success',
          target: { type: 'token', id },
          details: { userId: owner.id, name: row.name, scopes, expiresAt: row.expires_at },
        },
        { within: trx },
      );
    });
    return { token: toToken(row), secret };
  }

  /**
   * The Actor an `Authorization: Bearer ygr_...` request acts as (kind "token", the owner's current role and
   * tenants, narrowed by the token's scopes). Unknown, malformed, expired and revoked tokens and disabled
   * owners are all UNAUTHENTICATED with one message, and recorded as failed sign-ins.
   */
  async resolve(secret: string, address?: string): Promise<Actor> {
    const match = TOKEN.exec(secret.trim());
    const fail = async (reason: string, tokenId?: string): Promise<never> => {
      await this.deps.audit.record({
        actor: anonymousActor(address),
        action: 'auth.token',
        outcome: 'failure',
        ...(tokenId ? { target: { type: 'token', id: tokenId } } : {}),
        details: { reason },
      });
      throw new YaguraError('UNAUTHENTICATED', INVALID_TOKEN);
    };
    if (!match) return fail('malformed');
    const [, id, secretPart] = match as unknown as [string, string, string];
    const row = await this.deps.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([
        'api_tokens.id',
        'api_tokens.token_hash',
        'api_tokens.scopes',
        'api_tokens.expires_at',
        'api_tokens.revoked_at',
        'users.id as user_id',
        'users.username',
        'users.role',
        'users.disabled_at',
      ])
      .where('api_tokens.id', '=', id)
      .executeTakeFirst();
    const given = Buffer.from(sha256(secretPart), 'hex');
    const stored = Buffer.from(row?.token_hash ?? sha256(''), 'hex');
    if (!row || !timingSafeEqual(given, stored)) return fail('unknown', row ? id : undefined);
    const nowMs = (this.deps.clock ?? Date.now)();
    if (row.revoked_at !== null) return fail('revoked', id);
    if (row.expires_at !== null && Date.parse(row.expires_at) <= nowMs) return fail('expired', id);
    if (row.disabled_at !== null) return fail('owner disabled', id);
    let actor: Actor;
    try {
      actor = await actorForUser(
        this.deps.db,
        { id: row.user_id, username: row.username, role: row.role },
        {
          kind: 'token',
          tokenId: id,
          ...(row.scopes !== null ? { scopes: JSON.parse(row.scopes) as Permission[] } : {}),
          ...(address !== undefined ? { address } : {}),
        },
      );
    } catch (error) {
      if (isYaguraError(error) && error.code === 'UNAUTHENTICATED') return fail('no active tenant', id);
      throw error;
    }
    await this.deps.db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(nowMs).toISOString() })
      .where('id', '=', id)
      .execute();
    return actor;
  }

  async revoke(actor: Actor, tokenId: string): Promise<ApiToken> {
    const row = await this.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', tokenId)
      .executeTakeFirst();
    const target = { type: 'token', id: tokenId.slice(0, 80) };
    // Someone else's token and a missing one look alike to a non-admin: both FORBIDDEN.
    await this.permitFor(actor, row?.user_id ?? '', 'token.revoke', target);
    if (!row) throw new YaguraError('NOT_FOUND', `No token "${tokenId.slice(0, 80)}"`);
    const now = isoNow(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', tokenId)
        .where('revoked_at', 'is', null)
        .execute();
      await this.deps.audit.record(
        {
          actor,
          action: 'token.revoke',
          outcome: 'success',
          target,
          details: { userId: row.user_id, name: row.name },
        },
        { within: trx },
      );
    });
    return toToken({ ...row, revoked_at: row.revoked_at ?? now });
  }

  /** The actor's own tokens (users and tokens); with `userId`, that user's (their own, or admins). */
  async list(actor: Actor, userId: string = actor.id): Promise<ApiToken[]> {
    await this.permitFor(actor, userId, 'token.list', { type: 'user', id: userId });
    const rows = await this.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toToken);
  }

  private async permitFor(
    actor: Actor,
    userId: string,
    action: string,
    target: { type: string; id: string },
  ): Promise<void> {
    const own = (actor.kind === 'user' || actor.kind === 'token') && actor.id === userId;
    const permission: Permission =
      own && !can(actor, 'tokens:manage-any') ? 'tokens:manage-own' : 'tokens:manage-any';
    await permit(this.deps.audit, actor, permission, { action, target });
  }
}

function checkScopes(scopes: readonly string[], role: Role): Permission[] {
  const held = permissionsOf(role);
  const out: Permission[] = [];
  for (const scope of new Set(scopes)) {
    if (!isPermission(scope))
      throw new YaguraError('REQUEST_INVALID', `Unknown permission "${scope}" in scopes`);
    if (!held.includes(scope)) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `The ${role} role does not have ${scope}, so a token cannot either`,
      );
    }
    out.push(scope);
  }
  if (out.length === 0)
    throw new YaguraError('REQUEST_INVALID', 'Give at least one scope, or none for all of the role');
  return out;
}

function toToken(row: ApiTokensTable): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes === null ? null : (JSON.parse(row.scopes) as Permission[]),
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    createdAt: row.created_at,
  };
}
