// Local user accounts: create with a role and tenants, change them, disable, set passwords, and sign in
// with failed-login counting and temporary lockout.
import { randomBytes } from 'node:crypto';
import { YaguraError, isYaguraError } from '../core/errors.js';
import { isTenantId, type TenantId } from '../core/ids.js';
import type { StateDb } from '../state/database.js';
import { anonymousActor, isRole, type Actor, type Role } from './actor.js';
import {
  DEFAULT_HASH_COST,
  assertPasswordPolicy,
  hashNeedsUpgrade,
  hashPassword,
  verifyPassword,
  type PasswordHashCost,
} from './passwords.js';
import { actorForUser, isUniqueViolation, isoNow, permit, type AccessDeps } from './service-support.js';
import type { UsersTable } from './tables.js';
import { LANGUAGES, type Language } from './tenant-service.js';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Assigned tenants; empty for admins, who act in every tenant. */
  tenants: TenantId[];
  failedLogins: number;
  lockedUntil: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
  passwordChangedAt: string;
}

/** A user's own console settings; null where the user has not chosen. */
export interface UserPreferences {
  language: Language | null;
}

export interface CreateUserInput {
  username: string;
  displayName?: string;
  role: Role;
  tenants?: readonly string[];
  password: string;
}

export interface UserServiceOptions {
  /** Failed sign-ins in a row that lock the account (default 5). */
  maxFailedLogins?: number;
  /** How long a locked account stays locked (default 15 minutes). */
  lockoutMs?: number;
  /** argon2id cost for new hashes; older hashes are upgraded at the next successful sign-in. */
  hashCost?: PasswordHashCost;
}

const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
const WRONG_CREDENTIALS = 'Wrong user name or password';

export class UserService {
  private readonly maxFailedLogins: number;
  private readonly lockoutMs: number;
  private readonly hashCost: PasswordHashCost;
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly deps: AccessDeps,
    options: UserServiceOptions = {},
  ) {
    this.maxFailedLogins = options.maxFailedLogins ?? 5;
    this.lockoutMs = options.lockoutMs ?? 15 * 60_000;
    this.hashCost = options.hashCost ?? DEFAULT_HASH_COST;
  }

  /** True while no enabled admin exists: the installation must be bootstrapped with `yagura user add`. */
  async needsBootstrap(): Promise<boolean> {
    const row = await this.deps.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return row === undefined;
  }

  async create(actor: Actor, input: CreateUserInput): Promise<User> {
    const target = { type: 'user', id: input.username };
    await permit(this.deps.audit, actor, 'users:manage', { action: 'user.create', target });
    if (!USERNAME.test(input.username)) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `Invalid user name "${input.username.slice(0, 80)}": use 1-64 lowercase letters, digits, ".", "_", "@" or "-"`,
      );
    }
    const tenants = await this.checkAssignment(input.role, input.tenants ?? []);
    assertPasswordPolicy(input.password, { username: input.username });
    const hash = await hashPassword(input.password, this.hashCost);
    const id = `u_${randomBytes(10).toString('hex')}`;
    const now = isoNow(this.deps);
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('users')
          .values({
            id,
            username: input.username,
            display_name: input.displayName?.trim() || input.username,
            role: input.role,
            password_hash: hash,
            failed_logins: 0,
            locked_until: null,
            disabled_at: null,
            created_at: now,
            updated_at: now,
            password_changed_at: now,
            language: null,
          })
          .execute();
        if (tenants.length > 0) {
          await trx
            .insertInto('user_tenants')
            .values(tenants.map((tenant_id) => ({ user_id: id, tenant_id })))
            .execute();
        }
        await this.deps.audit.record(
          {
            actor,
            action: 'user.create',
            outcome: 'success',
            target: { type: 'user', id },
            ...(tenants.length === 1 ? { tenant: tenants[0] } : {}),
            details: { username: input.username, role: input.role, tenants },
          },
          { within: trx },
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new YaguraError('CONFLICT', `A user named "${input.username}" already exists`);
      }
      throw error;
    }
    return this.load(id);
  }

  async list(actor: Actor): Promise<User[]> {
    await permit(this.deps.audit, actor, 'users:manage', { action: 'user.list' });
    const rows = await this.deps.db.selectFrom('users').selectAll().orderBy('username').execute();
    const assignments = await this.deps.db
      .selectFrom('user_tenants')
      .selectAll()
      .orderBy('tenant_id')
      .execute();
    return rows.map((row) =>
      toUser(
        row,
        assignments.filter((a) => a.user_id === row.id).map((a) => a.tenant_id as TenantId),
      ),
    );
  }

  /** A user by id; any user may read their own account, admins every account. */
  async get(actor: Actor, id: string): Promise<User> {
    if (!(actor.kind === 'user' || actor.kind === 'token') || actor.id !== id) {
      await permit(this.deps.audit, actor, 'users:manage', {
        action: 'user.read',
        target: { type: 'user', id },
      });
    }
    return this.load(id);
  }

  async getByUsername(actor: Actor, username: string): Promise<User> {
    const row = await this.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (!row) {
      await permit(this.deps.audit, actor, 'users:manage', {
        action: 'user.read',
        target: { type: 'user', id: username },
      });
      throw new YaguraError('NOT_FOUND', `No user named "${username}"`);
    }
    return this.get(actor, row.id);
  }

  /** Changes role and tenants together, since each role fixes how many tenants it takes. */
  async setRole(actor: Actor, id: string, role: Role, tenants: readonly string[] = []): Promise<User> {
    const target = { type: 'user', id };
    await permit(this.deps.audit, actor, 'users:manage', { action: 'user.role.change', target });
    const before = await this.load(id);
    const assigned = await this.checkAssignment(role, tenants);
    if (before.role === 'admin' && role !== 'admin') await this.assertNotLastAdmin(id);
    const now = isoNow(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ role, updated_at: now }).where('id', '=', id).execute();
      await trx.deleteFrom('user_tenants').where('user_id', '=', id).execute();
      if (assigned.length > 0) {
        await trx
          .insertInto('user_tenants')
          .values(assigned.map((tenant_id) => ({ user_id: id, tenant_id })))
          .execute();
      }
      await this.deps.audit.record(
        {
          actor,
          action: 'user.role.change',
          outcome: 'success',
          target,
          ...(assigned.length === 1 ? { tenant: assigned[0] } : {}),
          details: { from: { role: before.role, tenants: before.tenants }, to: { role, tenants: assigned } },
        },
        { within: trx },
      );
    });
    return this.load(id);
  }

  /** Replaces the tenants of a non-admin user, keeping the role. */
  async setTenants(actor: Actor, id: string, tenants: readonly string[]): Promise<User> {
    await permit(this.deps.audit, actor, 'users:manage', {
      action: 'user.role.change',
      target: { type: 'user', id },
    });
    const user = await this.load(id);
    return this.setRole(actor, id, user.role, tenants);
  }

  async disable(actor: Actor, id: string): Promise<User> {
    const target = { type: 'user', id };
    await permit(this.deps.audit, actor, 'users:manage', { action: 'user.disable', target });
    const user = await this.load(id);
    if (user.role === 'admin') await this.assertNotLastAdmin(id);
    const now = isoNow(this.deps);
    await this.applyUserChange(actor, 'user.disable', user, (trx) =>
      trx
        .updateTable('users')
        .set({ disabled_at: now, updated_at: now })
        .where('id', '=', id)
        .where('disabled_at', 'is', null)
        .execute(),
    );
    return this.load(id);
  }

  async enable(actor: Actor, id: string): Promise<User> {
    await permit(this.deps.audit, actor, 'users:manage', {
      action: 'user.enable',
      target: { type: 'user', id },
    });
    const user = await this.load(id);
    await this.applyUserChange(actor, 'user.enable', user, (trx) =>
      trx
        .updateTable('users')
        .set({ disabled_at: null, updated_at: isoNow(this.deps) })
        .where('id', '=', id)
        .execute(),
    );
    return this.load(id);
  }

  /** Ends a lockout early and clears the failed-login count. */
  async unlock(actor: Actor, id: string): Promise<User> {
    await permit(this.deps.audit, actor, 'users:manage', {
      action: 'user.unlock',
      target: { type: 'user', id },
    });
    const user = await this.load(id);
    await this.applyUserChange(actor, 'user.unlock', user, (trx) =>
      trx
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null, updated_at: isoNow(this.deps) })
        .where('id', '=', id)
        .execute(),
    );
    return this.load(id);
  }

  /**
   * Sets a new password. Admins may set anyone else's; a signed-in user (not a token) sets their own by giving
   * the current one. Clears the failed-login count and any lockout.
   */
  async setPassword(actor: Actor, id: string, password: string, currentPassword?: string): Promise<User> {
    const target = { type: 'user', id };
    if (actor.kind === 'user' && actor.id === id) {
      const row = await this.row(id);
      if (currentPassword === undefined || !(await verifyPassword(row.password_hash, currentPassword))) {
        await this.deps.audit.record({
          actor,
          action: 'user.password.set',
          outcome: 'failure',
          target,
          details: { reason: 'current password wrong or missing' },
        });
        throw new YaguraError('UNAUTHENTICATED', 'The current password is wrong');
      }
    } else {
      await permit(this.deps.audit, actor, 'users:manage', { action: 'user.password.set', target });
    }
    const user = await this.load(id);
    assertPasswordPolicy(password, { username: user.username });
    const hash = await hashPassword(password, this.hashCost);
    const now = isoNow(this.deps);
    await this.applyUserChange(actor, 'user.password.set', user, (trx) =>
      trx
        .updateTable('users')
        .set({
          password_hash: hash,
          password_changed_at: now,
          updated_at: now,
          failed_logins: 0,
          locked_until: null,
        })
        .where('id', '=', id)
        .execute(),
    );
    return this.load(id);
  }

  /** The caller's own preferences (a signed-in user, or a user's API token). */
  async preferences(actor: Actor): Promise<UserPreferences> {
    const row = await this.row(ownAccount(actor));
    return { language: row.language };
  }

  /** Changes the caller's own preferences; anyone may, for their own account only. */
  async setPreferences(actor: Actor, changes: Partial<UserPreferences>): Promise<UserPreferences> {
    const id = ownAccount(actor);
    const { language } = changes;
    if (language !== undefined && language !== null && !LANGUAGES.includes(language)) {
      throw new YaguraError('REQUEST_INVALID', `Unknown language "${String(language).slice(0, 20)}"`, {
        location: { key: 'language' },
      });
    }
    const before = await this.row(id);
    const tenant = await this.singleTenant(id);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ ...(language !== undefined ? { language } : {}), updated_at: isoNow(this.deps) })
        .where('id', '=', id)
        .execute();
      await this.deps.audit.record(
        {
          actor,
          action: 'user.preferences',
          outcome: 'success',
          target: { type: 'user', id },
          ...(tenant ? { tenant } : {}),
          details: { from: { language: before.language }, to: { language: language ?? before.language } },
        },
        { within: trx },
      );
    });
    return this.preferences(actor);
  }

  /**
   * Signs a user in by name and password and returns the Actor they act as. Unknown names cost one hash
   * like known ones, and all wrong-credential cases share one message. `maxFailedLogins` failures in a row
   * lock the account for `lockoutMs` (ACCOUNT_LOCKED, with `retryAfterSeconds`).
   */
  async authenticate(username: string, password: string, address?: string): Promise<Actor> {
    const db = this.deps.db;
    const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const who = row ? { kind: 'user' as const, id: row.id, name: row.username } : undefined;
    const fail = async (reason: string, tenant?: TenantId): Promise<never> => {
      await this.deps.audit.record({
        actor: who ? { ...anonymousActor(address), ...who } : anonymousActor(address),
        action: 'auth.login',
        outcome: 'failure',
        ...(tenant ? { tenant } : {}),
        ...(row ? { target: { type: 'user', id: row.id } } : {}),
        details: { username: username.slice(0, 128), reason },
      });
      throw new YaguraError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    };
    if (!row) {
      await verifyPassword(await this.dummy(), password);
      return fail('unknown user');
    }
    const tenant = await this.singleTenant(row.id);
    const nowMs = (this.deps.clock ?? Date.now)();
    if (row.locked_until !== null && Date.parse(row.locked_until) > nowMs) {
      await verifyPassword(await this.dummy(), password);
      const retryAfterSeconds = Math.ceil((Date.parse(row.locked_until) - nowMs) / 1000);
      await this.deps.audit.record({
        actor: { ...anonymousActor(address), ...who! },
        action: 'auth.login',
        outcome: 'failure',
        ...(tenant ? { tenant } : {}),
        target: { type: 'user', id: row.id },
        details: { username, reason: 'locked' },
      });
      throw new YaguraError(
        'ACCOUNT_LOCKED',
        `Too many failed sign-ins; this account is locked until ${row.locked_until}`,
        { retryAfterSeconds, lockedUntil: row.locked_until },
      );
    }
    const ok = await verifyPassword(row.password_hash, password);
    if (!ok) {
      await this.countFailure(db, row.id, nowMs);
      return fail('wrong password', tenant);
    }
    if (row.disabled_at !== null) return fail('disabled', tenant);
    let actor: Actor;
    try {
      actor = await actorForUser(db, row, { kind: 'user', ...(address !== undefined ? { address } : {}) });
    } catch (error) {
      if (isYaguraError(error) && error.code === 'UNAUTHENTICATED') return fail('no active tenant', tenant);
      throw error;
    }
    const now = new Date(nowMs).toISOString();
    const upgrade = hashNeedsUpgrade(row.password_hash, this.hashCost)
      ? { password_hash: await hashPassword(password, this.hashCost) }
      : {};
    await db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, ...upgrade })
      .where('id', '=', row.id)
      .execute();
    await this.deps.audit.record({
      actor,
      action: 'auth.login',
      outcome: 'success',
      ...(tenant ? { tenant } : {}),
      target: { type: 'user', id: row.id },
      details: { at: now },
    });
    return actor;
  }

  // Counting in SQL keeps concurrent failures from overwriting each other; the lock is set by whichever
  // failure reaches the limit, and the count restarts so the next lock needs another full run.
  private async countFailure(db: StateDb, id: string, nowMs: number): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', id)
        .returning('failed_logins')
        .executeTakeFirst();
      if (updated && updated.failed_logins >= this.maxFailedLogins) {
        await trx
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: new Date(nowMs + this.lockoutMs).toISOString() })
          .where('id', '=', id)
          .execute();
      }
    });
  }

  // The change and its audit entry commit together.
  private async applyUserChange(
    actor: Actor,
    action: string,
    user: User,
    change: (trx: StateDb) => Promise<unknown>,
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      await change(trx);
      await this.deps.audit.record(
        {
          actor,
          action,
          outcome: 'success',
          target: { type: 'user', id: user.id },
          ...(user.tenants.length === 1 ? { tenant: user.tenants[0] } : {}),
          details: { username: user.username },
        },
        { within: trx },
      );
    });
  }

  // csirt and viewer users belong to exactly one tenant, soc_analysts to one or more, admins to none.
  private async checkAssignment(role: Role, tenants: readonly string[]): Promise<TenantId[]> {
    if (!isRole(role)) throw new YaguraError('REQUEST_INVALID', `Unknown role "${String(role)}"`);
    const unique = [...new Set(tenants)];
    if (role === 'admin' && unique.length > 0) {
      throw new YaguraError('REQUEST_INVALID', 'An admin acts in every tenant; give no tenants');
    }
    if ((role === 'csirt' || role === 'viewer') && unique.length !== 1) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `A ${role} user belongs to exactly one tenant (got ${unique.length})`,
      );
    }
    if (role === 'soc_analyst' && unique.length === 0) {
      throw new YaguraError('REQUEST_INVALID', 'A soc_analyst needs at least one assigned tenant');
    }
    const valid = unique.filter(isTenantId);
    const found =
      valid.length === 0
        ? []
        : await this.deps.db.selectFrom('tenants').select('id').where('id', 'in', valid).execute();
    const missing = unique.filter((t) => !found.some((f) => f.id === t));
    if (missing.length > 0) {
      throw new YaguraError('TENANT_UNKNOWN', `No such tenant: ${missing.join(', ')}`);
    }
    return unique as TenantId[];
  }

  private async assertNotLastAdmin(id: string): Promise<void> {
    const others = await this.deps.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (!others)
      throw new YaguraError('CONFLICT', 'This is the last enabled admin; create another admin first');
  }

  private async singleTenant(userId: string): Promise<TenantId | undefined> {
    const rows = await this.deps.db
      .selectFrom('user_tenants')
      .select('tenant_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.length === 1 ? (rows[0]!.tenant_id as TenantId) : undefined;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'), this.hashCost);
    return this.dummyHash;
  }

  private async row(id: string): Promise<UsersTable> {
    const row = await this.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new YaguraError('NOT_FOUND', `No user "${id.slice(0, 80)}"`);
    return row;
  }

  private async load(id: string): Promise<User> {
    const row = await this.row(id);
    const tenants = await this.deps.db
      .selectFrom('user_tenants')
      .select('tenant_id')
      .where('user_id', '=', id)
      .orderBy('tenant_id')
      .execute();
    return toUser(
      row,
      tenants.map((t) => t.tenant_id as TenantId),
    );
  }
}

/** The account an actor acts for: users and their tokens have one; the CLI and the server itself do not. */
function ownAccount(actor: Actor): string {
  if (actor.kind !== 'user' && actor.kind !== 'token') {
    throw new YaguraError('REQUEST_INVALID', `The ${actor.kind} actor has no user account of its own`);
  }
  return actor.id;
}

function toUser(row: UsersTable, tenants: TenantId[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    tenants,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
  };
}
