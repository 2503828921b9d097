// Evidence rows and custody-ledger rows: their API shapes, and appending to a ledger inside a transaction.
import type { Selectable } from 'kysely';
import type { StateDb } from '../../state/database.js';
import {
  appendEntry,
  type CustodyAction,
  type CustodyEntry,
  type CustodyEntryInput,
} from './custody-ledger.js';
import type { CustodyEntriesTable, EvidenceTable } from './tables.js';

export type EvidenceRow = Selectable<EvidenceTable>;
type CustodyRow = Selectable<CustodyEntriesTable>;

export interface Person {
  id: string;
  name: string;
}

/** One evidence item of an incident, as the API shows it. */
export interface Evidence {
  id: string;
  incidentId: string;
  tenant: string;
  /** The original file name. */
  name: string;
  description: string | null;
  contentType: string;
  size: number;
  /** SHA-256 on arrival (lower-case hex). */
  sha256: string;
  receivedAt: number;
  receivedBy: Person;
  /** Where it came from: host, who collected it, how. */
  source: string | null;
  legalHold: { reason: string; by: Person; at: number } | null;
  disposed: { reason: string; by: Person; at: number } | null;
  /** The newest custody entry as recorded on the item; the ledger must still contain it. */
  custodyHead: { seq: number; hash: string };
}

export function toEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    incidentId: row.incident_id,
    tenant: row.tenant,
    name: row.name,
    description: row.description,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    receivedAt: row.received_at,
    receivedBy: { id: row.received_by_id, name: row.received_by_name },
    source: row.source,
    legalHold:
      row.legal_hold === 1
        ? {
            reason: row.hold_reason ?? '',
            by: { id: row.hold_by_id ?? '', name: row.hold_by_name ?? '' },
            at: row.hold_at ?? 0,
          }
        : null,
    disposed:
      row.disposed_at !== null
        ? {
            reason: row.disposal_reason ?? '',
            by: { id: row.disposed_by_id ?? '', name: row.disposed_by_name ?? '' },
            at: row.disposed_at,
          }
        : null,
    custodyHead: { seq: row.custody_seq, hash: row.custody_hash },
  };
}

function toEntry(row: CustodyRow): CustodyEntry {
  return {
    seq: row.seq,
    evidenceId: row.evidence_id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name },
    action: row.action as CustodyAction,
    from: row.origin,
    reason: row.reason,
    ...(row.hash_before !== null && { hashBefore: row.hash_before }),
    ...(row.hash_after !== null && { hashAfter: row.hash_after }),
    ...(row.note !== null && { note: row.note }),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The ledger of one evidence item, in seq order. */
export async function readLedger(db: StateDb, evidenceId: string): Promise<CustodyEntry[]> {
  const rows = await db
    .selectFrom('custody_entries')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .orderBy('seq')
    .execute();
  return rows.map(toEntry);
}

export async function insertEntry(trx: StateDb, entry: CustodyEntry): Promise<void> {
  await trx
    .insertInto('custody_entries')
    .values({
      evidence_id: entry.evidenceId,
      seq: entry.seq,
      at: entry.at,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      origin: entry.from,
      reason: entry.reason,
      hash_before: entry.hashBefore ?? null,
      hash_after: entry.hashAfter ?? null,
      note: entry.note ?? null,
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  await trx
    .updateTable('evidence')
    .set({ custody_seq: entry.seq, custody_hash: entry.hash })
    .where('id', '=', entry.evidenceId)
    .execute();
}

/**
 * Appends the next entry of an item's ledger and moves the item's head to it, inside the caller's transaction.
 * The entry follows the head kept on the item, not the last row found: if newest rows were deleted, the gap
 * stays visible to later checks instead of being papered over by a new entry with the same seq.
 */
export async function appendCustody(trx: StateDb, input: CustodyEntryInput): Promise<CustodyEntry> {
  const head = await trx
    .selectFrom('evidence')
    .select(['custody_seq', 'custody_hash'])
    .where('id', '=', input.evidenceId)
    .executeTakeFirstOrThrow();
  const previous: CustodyEntry | undefined =
    head.custody_seq > 0
      ? {
          ...input,
          seq: head.custody_seq,
          prevHash: '',
          hash: head.custody_hash,
        }
      : undefined;
  const entry = appendEntry(previous, input);
  await insertEntry(trx, entry);
  return entry;
}
