// The evidence locker's tables (evidence items and their chain-of-custody ledgers) as Kysely sees them. Times: epoch ms.

export interface EvidenceTable {
  id: string;
  incident_id: string;
  tenant: string;
  /** The original file name, as the uploader gave it. */
  name: string;
  description: string | null;
  content_type: string;
  size: number;
  /** SHA-256 on arrival, lower-case hex; also the stored file's name. */
  sha256: string;
  received_at: number;
  received_by_id: string;
  received_by_name: string;
  /** Where it came from: host, who collected it, how. */
  source: string | null;
  /** 1 while under legal hold, else 0. */
  legal_hold: number;
  hold_reason: string | null;
  hold_by_id: string | null;
  hold_by_name: string | null;
  hold_at: number | null;
  disposed_at: number | null;
  disposed_by_id: string | null;
  disposed_by_name: string | null;
  disposal_reason: string | null;
  /** The newest custody entry (seq and hash), kept here so removing the newest entries is detectable. */
  custody_seq: number;
  custody_hash: string;
}

/** One chain-of-custody entry (custody-ledger.ts): one ledger per evidence item, ordered by seq. */
export interface CustodyEntriesTable {
  evidence_id: string;
  seq: number;
  at: number;
  actor_id: string;
  actor_name: string;
  action: string;
  /** The entry's `from`: a network address or a place. */
  origin: string;
  reason: string;
  hash_before: string | null;
  hash_after: string | null;
  note: string | null;
  prev_hash: string;
  hash: string;
}

export interface EvidenceTables {
  evidence: EvidenceTable;
  custody_entries: CustodyEntriesTable;
}
