// The audit log: appends hash-chained entries, pages through them within a tenant scope, and verifies the chain.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import type { StateTables } from '../state/tables.js';
import { canonicalJson, entryHash, GENESIS_HASH } from './chain.js';
import type { AuditLogTable } from './tables.js';
import {
  AUDIT_OUTCOMES,
  type AuditEntry,
  type AuditEntryInput,
  type AuditOutcome,
  type AuditPage,
  type AuditQuery,
  type AuditRecorder,
  type AuditVerifyResult,
  type RecordOptions,
} from './types.js';

export const AUDIT_PAGE_MAX = 1000;
const ACTION = /^[A-Za-z0-9_.-]{1,100}$/;

export interface AuditLogOptions {
  /** The clock; tests pass their own. */
  now?: () => number;
}

export interface AuditHead {
  /** The newest entry's seq (0 for an empty log). */
  seq: number;
  /** The newest entry's hash (the genesis value for an empty log). */
  hash: string;
}

export interface VerifyOptions {
  /** A head exported earlier: the entry at `seq` must still exist and still have this hash. */
  anchor?: AuditHead;
  /** Rows read per query while walking; memory stays bounded by it. */
  pageSize?: number;
}

type Row = Selectable<AuditLogTable>;
type Failure = Extract<AuditVerifyResult, { ok: false }>;

export class AuditLog implements AuditRecorder {
  readonly #db: Kysely<StateTables>;
  readonly #now: () => number;

  constructor(db: Kysely<StateTables>, options: AuditLogOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
  }

  /** Appends one entry at the end of the chain and returns it as stored. */
  async record(input: AuditEntryInput, options: RecordOptions = {}): Promise<AuditEntry> {
    checkInput(input);
    const base = {
      id: randomUUID(),
      at: this.#now(),
      actor_kind: input.actor.kind,
      actor_id: input.actor.id,
      actor_name: input.actor.name,
      actor_role: input.actor.role,
      actor_token: input.actor.tokenId ?? null,
      address: input.actor.address ?? null,
      tenant: input.tenant ?? null,
      action: input.action,
      outcome: input.outcome,
      target_type: input.target?.type ?? null,
      target_id: input.target?.id ?? null,
      details: input.details === undefined ? null : canonicalJson(input.details),
    };
    const append = async (trx: Kysely<StateTables>): Promise<Row> => {
      // Moving the head first makes the transaction's first statement a write: it waits for the write lock
      // (SQLite) or the head row's lock (PostgreSQL) before reading the previous hash, so appends queue up.
      const head = await trx
        .updateTable('audit_head')
        .set((eb) => ({ seq: eb('seq', '+', 1) }))
        .where('id', '=', 1)
        .returning(['seq', 'hash'])
        .executeTakeFirst();
      if (!head)
        throw new YaguraError('STORE_FAILED', 'The audit log has no head row; the state database is damaged');
      const unhashed = { ...base, seq: Number(head.seq), prev_hash: head.hash };
      const row = { ...unhashed, hash: entryHash(unhashed) };
      await trx.insertInto('audit_log').values(row).execute();
      await trx.updateTable('audit_head').set({ hash: row.hash }).where('id', '=', 1).execute();
      return row;
    };
    const within = options.within;
    let row: Row;
    try {
      if (within?.isTransaction) row = await append(within);
      else row = await (within ?? this.#db).transaction().execute(append);
    } catch (error) {
      if (error instanceof YaguraError) throw error;
      throw new YaguraError(
        'STORE_FAILED',
        `The audit entry "${input.action}" could not be recorded: ${String(error)}`,
        {},
        {
          cause: error,
        },
      );
    }
    return toEntry(row);
  }

  /** Entries matching the filters within the caller's tenant scope, newest first. */
  async query(query: AuditQuery): Promise<AuditPage> {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > AUDIT_PAGE_MAX) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}, not ${query.limit}`,
      );
    }
    const scope = query.tenants;
    if (scope !== 'all' && scope.length === 0) return { entries: [] };
    if (query.tenant !== undefined && scope !== 'all' && !scope.includes(query.tenant))
      return { entries: [] };

    let q = this.#db.selectFrom('audit_log').selectAll();
    if (scope !== 'all') q = q.where('tenant', 'in', [...scope]);
    if (query.tenant !== undefined) q = q.where('tenant', '=', query.tenant);
    if (query.actorId !== undefined) q = q.where('actor_id', '=', query.actorId);
    if (query.action !== undefined && query.action !== '') {
      // substr rather than LIKE: no wildcard escaping, and case-sensitive in SQLite and PostgreSQL alike.
      q = q.where(sql<string>`substr(action, 1, ${[...query.action].length})`, '=', query.action);
    }
    if (query.outcome !== undefined) q = q.where('outcome', '=', query.outcome);
    if (query.from !== undefined) q = q.where('at', '>=', query.from);
    if (query.to !== undefined) q = q.where('at', '<', query.to);
    if (query.cursor !== undefined) q = q.where('seq', '<', decodeCursor(query.cursor));

    const rows = await q
      .orderBy('seq', 'desc')
      .limit(query.limit + 1)
      .execute();
    const entries = rows.slice(0, query.limit).map(toEntry);
    const last = entries.at(-1);
    return rows.length > query.limit && last ? { entries, next: encodeCursor(last.seq) } : { entries };
  }

  /** The newest entry's seq and hash: export it now and then to detect later truncation or rewriting. */
  async head(): Promise<AuditHead> {
    const head = await this.#db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    if (!head)
      throw new YaguraError('STORE_FAILED', 'The audit log has no head row; the state database is damaged');
    return { seq: Number(head.seq), hash: head.hash };
  }

  /**
   * Walks the whole chain in seq order, a page at a time, recomputing each hash and link; then checks that
   * the chain ends where the head row says (and at the anchor's hash when one is given).
   */
  async verify(options: VerifyOptions = {}): Promise<AuditVerifyResult> {
    const pageSize = options.pageSize ?? 1000;
    const anchor = options.anchor;
    let expected = 1;
    let prevHash = GENESIS_HASH;
    const fail = (firstBadSeq: number, reason: Failure['reason'], message: string): Failure => ({
      ok: false,
      entries: expected - 1,
      firstBadSeq,
      reason,
      message,
    });

    // Reads entries from `expected` on until the table ends; returns a failure or undefined.
    const walk = async (): Promise<Failure | undefined> => {
      for (;;) {
        const rows = await this.#db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>=', expected)
          .orderBy('seq', 'asc')
          .limit(pageSize)
          .execute();
        if (rows.length === 0) return undefined;
        for (const stored of rows) {
          const row = normalize(stored);
          if (row.seq !== expected) {
            return fail(
              expected,
              'sequence gap',
              `Entry ${expected} is missing: the entry after ${expected - 1} is ${row.seq}.`,
            );
          }
          if (row.prev_hash !== prevHash) {
            return fail(
              row.seq,
              'broken link',
              `Entry ${row.seq} names a previous hash that is not entry ${row.seq - 1}'s hash.`,
            );
          }
          if (entryHash(row) !== row.hash) {
            return fail(
              row.seq,
              'hash mismatch',
              `Entry ${row.seq}'s content does not match its stored hash: it was altered.`,
            );
          }
          if (anchor && anchor.seq === row.seq && anchor.hash !== row.hash) {
            return fail(
              row.seq,
              'anchor mismatch',
              `Entry ${row.seq}'s hash differs from the anchor: the chain was rewritten.`,
            );
          }
          prevHash = row.hash;
          expected++;
        }
      }
    };

    let failure = await walk();
    if (failure) return failure;
    for (;;) {
      const last = expected - 1;
      const head = await this.#db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirst();
      if (!head) return fail(last + 1, 'head mismatch', 'The head row is missing.');
      const headSeq = Number(head.seq);
      if (headSeq === last) {
        if (head.hash !== prevHash)
          return fail(last, 'head mismatch', `The head's hash is not entry ${last}'s hash.`);
        break;
      }
      if (headSeq < last) {
        return fail(
          headSeq + 1,
          'head mismatch',
          `Entries after ${headSeq} were added without moving the head.`,
        );
      }
      // The head is ahead: either entries were appended while walking, or the newest ones were removed.
      failure = await walk();
      if (failure) return failure;
      if (expected - 1 === last) {
        return fail(
          last + 1,
          'head mismatch',
          `The head names entry ${headSeq} but the log ends at ${last}: newest entries were removed.`,
        );
      }
    }
    if (anchor && anchor.seq > expected - 1) {
      return fail(
        expected,
        'anchor mismatch',
        `The anchor names entry ${anchor.seq} but the log ends at ${expected - 1}: it was truncated.`,
      );
    }
    return { ok: true, entries: expected - 1, head: { seq: expected - 1, hash: prevHash } };
  }
}

function checkInput(input: AuditEntryInput): void {
  if (!ACTION.test(input.action)) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `Audit action "${input.action}" must be 1-100 letters, digits, ".", "_" or "-"`,
    );
  }
  if (!AUDIT_OUTCOMES.includes(input.outcome)) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `Audit outcome must be one of ${AUDIT_OUTCOMES.join(', ')}, not "${String(input.outcome)}"`,
    );
  }
}

// PostgreSQL returns bigint columns as strings; the hash covers numbers.
function normalize(row: Row): Row {
  return { ...row, seq: Number(row.seq), at: Number(row.at) };
}

function toEntry(stored: Row): AuditEntry {
  const row = normalize(stored);
  const actor: AuditEntry['actor'] = {
    kind: row.actor_kind as Actor['kind'],
    id: row.actor_id,
    name: row.actor_name,
    role: row.actor_role as Actor['role'],
  };
  if (row.actor_token !== null) actor.tokenId = row.actor_token;
  if (row.address !== null) actor.address = row.address;
  const entry: AuditEntry = {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actor,
    action: row.action,
    outcome: row.outcome as AuditOutcome,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
  if (row.tenant !== null) entry.tenant = row.tenant as TenantId;
  if (row.target_type !== null && row.target_id !== null)
    entry.target = { type: row.target_type, id: row.target_id };
  if (row.details !== null) entry.details = JSON.parse(row.details) as Record<string, unknown>;
  return entry;
}

function encodeCursor(seq: number): string {
  return Buffer.from(`s:${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^s:([1-9][0-9]{0,15})$/.exec(text);
  if (!match?.[1]) throw new YaguraError('REQUEST_INVALID', 'The audit cursor is not one this server issued');
  return Number(match[1]);
}
