// What services hand to the audit log (one entry per state change, login and denial) and what it gives back.
import type { Kysely } from 'kysely';
import type { TenantId } from '../core/ids.js';
import type { Actor } from '../access/actor.js';
import type { StateTables } from '../state/tables.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'failure'];

export interface AuditEntryInput {
  actor: Actor;
  /** Dotted verb, e.g. "tenant.create", "user.role.change", "token.revoke", "auth.login", "auth.denied". */
  action: string;
  outcome: AuditOutcome;
  /** The tenant the change concerns; absent for installation-wide changes. */
  tenant?: TenantId;
  /** What was acted on, e.g. { type: 'user', id: 'u_...' }. */
  target?: { type: string; id: string };
  /** Facts worth keeping (never secrets or password hashes). */
  details?: Record<string, unknown>;
}

export interface RecordOptions {
  /**
   * A transaction of the state database to append in, so the entry commits or rolls back with the change
   * it records. Its first statement should be a write (see docs/audit.md). Without it, record() runs its
   * own transaction; do not call it that way from inside another transaction on the same database
   * (SQLite has one connection: it would wait for itself).
   */
  within?: Kysely<StateTables>;
}

export interface AuditRecorder {
  record(entry: AuditEntryInput, options?: RecordOptions): Promise<unknown>;
}

/** One stored entry, as the log returns it. */
export interface AuditEntry {
  seq: number;
  id: string;
  /** Epoch milliseconds. */
  at: number;
  actor: {
    kind: Actor['kind'];
    id: string;
    name: string;
    role: Actor['role'];
    /** The API token used, when kind is "token". */
    tokenId?: string;
    address?: string;
  };
  tenant?: TenantId;
  action: string;
  outcome: AuditOutcome;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  /** The caller's scope: "all" (installation-wide entries included) or only entries of these tenants. */
  tenants: 'all' | readonly TenantId[];
  /** Narrow to one tenant (within the scope). */
  tenant?: TenantId;
  actorId?: string;
  /** Actions starting with this text ("user." matches "user.create" and "user.role.change"). */
  action?: string;
  outcome?: AuditOutcome;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  /** Entries per page, 1..1000. */
  limit: number;
  /** The `next` of the previous page. */
  cursor?: string;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Present when older matching entries may remain. */
  next?: string;
}

export type AuditVerifyResult =
  | { ok: true; entries: number; head: { seq: number; hash: string } }
  | {
      ok: false;
      /** Entries checked and found good before the first bad one. */
      entries: number;
      firstBadSeq: number;
      reason: 'hash mismatch' | 'broken link' | 'sequence gap' | 'head mismatch' | 'anchor mismatch';
      /** A sentence saying what was found. */
      message: string;
    };
