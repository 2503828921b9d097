// Tables of the audit log: the append-only chain of entries and the one-row head that serializes appends.

/** One audit entry as stored. `seq` is the chain order: 1, 2, 3… with no gaps. */
export interface AuditLogTable {
  seq: number;
  id: string;
  /** Epoch milliseconds. */
  at: number;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  /** The API token used, for actor_kind "token". */
  actor_token: string | null;
  address: string | null;
  tenant: string | null;
  action: string;
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  /** Canonical JSON (sorted keys), or null when the entry has no details. */
  details: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * The single row (id = 1) naming the newest entry. Every append updates it first, which takes the write
 * lock before the last hash is read, so appenders in any process queue up instead of forking the chain.
 */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
