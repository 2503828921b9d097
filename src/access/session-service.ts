// Browser sessions: a random cookie value stored only as its hash, a synchronizer CSRF token, and idle and
// absolute time limits. The Actor is rebuilt from the user on every request, so role changes apply at once.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { YaguraError, isYaguraError } from '../core/errors.js';
import { anonymousActor, type Actor } from './actor.js';
import { actorForUser, type AccessDeps } from './service-support.js';

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie value; the value itself is never stored. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  address: string | null;
  /** Epoch milliseconds. */
  created_at: number;
  last_seen_at: number;
  /** The absolute end: created_at + the absolute limit. */
  expires_at: number;
}

export interface SessionTables {
  sessions: SessionsTable;
}

export interface SessionOptions {
  /** A session unused this long ends (default 8 hours). */
  idleMs?: number;
  /** A session ends this long after sign-in however busy it is (default 24 hours). */
  absoluteMs?: number;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  /** Epoch ms when the session ends if used no more. */
  expiresAt: number;
}

const INVALID_SESSION = 'The session is not valid (unknown, expired or signed out); sign in again';
// Writing last_seen_at on every request would turn each read into a write; a minute of slack is harmless.
const TOUCH_EVERY_MS = 60_000;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class SessionService {
  private readonly idleMs: number;
  private readonly absoluteMs: number;

  constructor(
    private readonly deps: AccessDeps,
    options: SessionOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 8 * 3_600_000;
    this.absoluteMs = options.absoluteMs ?? 24 * 3_600_000;
  }

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  /** Starts a session for a user who has just signed in; returns the cookie value and the CSRF token. */
  async start(actor: Actor): Promise<{ secret: string; csrfToken: string; expiresAt: number }> {
    if (actor.kind !== 'user') throw new YaguraError('FORBIDDEN', 'Only a signed-in user can hold a session');
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.deps.db
      .insertInto('sessions')
      .values({
        id_hash: sha256(secret),
        user_id: actor.id,
        csrf_token: csrfToken,
        address: actor.address ?? null,
        created_at: now,
        last_seen_at: now,
        expires_at: now + this.absoluteMs,
      })
      .execute();
    // Sessions past their end are dropped as new ones start, so the table stays small without a job.
    await this.deps.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - this.idleMs)]))
      .execute();
    return { secret, csrfToken, expiresAt: Math.min(now + this.idleMs, now + this.absoluteMs) };
  }

  /**
   * The Actor a session cookie stands for. Unknown, idle-expired and expired sessions and disabled users are
   * UNAUTHENTICATED with one message, recorded as failures.
   */
  async resolve(secret: string, address?: string): Promise<ResolvedSession> {
    const idHash = sha256(secret);
    const fail = async (reason: string, userId?: string): Promise<never> => {
      await this.deps.audit.record({
        actor: anonymousActor(address),
        action: 'auth.session',
        outcome: 'failure',
        ...(userId ? { target: { type: 'user', id: userId } } : {}),
        details: { reason },
      });
      throw new YaguraError('UNAUTHENTICATED', INVALID_SESSION);
    };
    const row = await this.deps.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id_hash',
        'sessions.csrf_token',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'users.id as user_id',
        'users.username',
        'users.role',
        'users.disabled_at',
      ])
      .where('sessions.id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return fail('unknown');
    const now = this.now();
    if (row.expires_at <= now || row.last_seen_at + this.idleMs <= now) {
      await this.deps.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return fail(row.expires_at <= now ? 'expired' : 'idle', row.user_id);
    }
    if (row.disabled_at !== null) return fail('user disabled', row.user_id);
    let actor: Actor;
    try {
      actor = await actorForUser(
        this.deps.db,
        { id: row.user_id, username: row.username, role: row.role },
        { kind: 'user', ...(address !== undefined ? { address } : {}) },
      );
    } catch (error) {
      if (isYaguraError(error) && error.code === 'UNAUTHENTICATED')
        return fail('no active tenant', row.user_id);
      throw error;
    }
    let lastSeen = row.last_seen_at;
    if (now - row.last_seen_at >= TOUCH_EVERY_MS) {
      lastSeen = now;
      await this.deps.db
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('id_hash', '=', idHash)
        .execute();
    }
    return { actor, csrfToken: row.csrf_token, expiresAt: Math.min(lastSeen + this.idleMs, row.expires_at) };
  }

  /**
   * Ends every session of a user (after a password change or when the account is disabled), except the one
   * whose cookie value is `keep`. Returns how many ended.
   */
  async endAllFor(userId: string, keep?: string): Promise<number> {
    let query = this.deps.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keep !== undefined) query = query.where('id_hash', '!=', sha256(keep));
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Ends the session of a cookie value and records the sign-out. */
  async end(secret: string, actor: Actor): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('id_hash', '=', sha256(secret)).execute();
      await this.deps.audit.record(
        {
          actor,
          action: 'auth.logout',
          outcome: 'success',
          ...(actor.tenants !== 'all' && actor.tenants.length === 1 ? { tenant: actor.tenants[0] } : {}),
          target: { type: 'user', id: actor.id },
        },
        { within: trx },
      );
    });
  }
}

/** Compares a presented CSRF token with the session's in constant time. */
export function csrfTokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(sha256(presented), 'hex');
  const b = Buffer.from(sha256(expected), 'hex');
  return timingSafeEqual(a, b);
}
