// How an audit entry is hashed: a fixed-order canonical serialization of its fields plus the previous hash.
import { createHash } from 'node:crypto';
import type { AuditLogTable } from './tables.js';

/** The `prev_hash` of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** Names the serialization, so a later format can be told apart from this one. */
const FORMAT = 'yagura-audit-v1';

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth and no whitespace. Values follow
 * JSON.stringify otherwise: undefined members are dropped, non-finite numbers become null, toJSON is used.
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
  // JSON.stringify returns undefined for a bare undefined or function; callers never pass those.
  return text ?? 'null';
}

/** The stored row minus its own hash: everything the hash covers. */
export type HashedFields = Omit<AuditLogTable, 'hash'>;

/**
 * SHA-256 (hex) over a JSON array of the row's fields in a fixed order. JSON string escaping keeps field
 * boundaries unambiguous; `details` is hashed as its stored canonical text.
 */
export function entryHash(row: HashedFields): string {
  const fields = [
    FORMAT,
    row.seq,
    row.id,
    row.at,
    row.actor_kind,
    row.actor_id,
    row.actor_name,
    row.actor_role,
    row.actor_token,
    row.address,
    row.tenant,
    row.action,
    row.outcome,
    row.target_type,
    row.target_id,
    row.details,
    row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}
