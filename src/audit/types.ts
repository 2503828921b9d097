// What services hand to the audit log: one entry per state change, login and denial.
import type { TenantId } from '../core/ids.js';
import type { Actor } from '../access/actor.js';

export interface AuditEntryInput {
  actor: Actor;
  /** Dotted verb, e.g. "tenant.create", "user.role.change", "token.revoke", "auth.login", "auth.denied". */
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  /** The tenant the change concerns; absent for installation-wide changes. */
  tenant?: TenantId;
  /** What was acted on, e.g. { type: 'user', id: 'u_...' }. */
  target?: { type: string; id: string };
  /** Facts worth keeping (never secrets or password hashes). */
  details?: Record<string, unknown>;
}

export interface AuditRecorder {
  record(entry: AuditEntryInput): Promise<void>;
}
