// Checks one evidence item end to end: the stored bytes, the hash recorded on arrival, and its custody ledger.
import { isYaguraError } from '../../core/errors.js';
import {
  verifyLedger,
  type CustodyEntry,
  type LedgerProblemKind,
  type LedgerVerification,
  type VerifyLedgerOptions,
} from './custody-ledger.js';
import { parseEvidenceId, type EvidenceFiles, type EvidenceVerification } from './evidence-files.js';

export type EvidenceProblemKind =
  | 'file_missing'
  | 'file_altered'
  | 'ledger_empty'
  | 'no_arrival_entry'
  | 'arrival_hash_mismatch'
  | 'last_hash_mismatch'
  | LedgerProblemKind;

export interface EvidenceProblem {
  kind: EvidenceProblemKind;
  /** The ledger entry concerned, when there is one. */
  seq?: number;
  /** A sentence for people: what is wrong, with the hashes, when, by whom. */
  message: string;
}

export interface EvidenceCheck {
  ok: boolean;
  /** The SHA-256 the evidence is expected to have (its id). */
  sha256: string;
  /** The stored file, relative to the evidence folder. */
  file: string;
  /** The re-hash of the stored bytes; undefined when the file is missing. */
  stored: EvidenceVerification | undefined;
  ledger: LedgerVerification;
  problems: EvidenceProblem[];
  /** One paragraph: "intact" or every problem in turn. */
  summary: string;
}

/** Which actions bring the evidence in; the first one (uploaded before collected) records the arrival hash. */
const ARRIVAL_ACTIONS = ['uploaded', 'collected'] as const;

/**
 * Re-hashes the stored file, compares it with the expected SHA-256, the hash its ledger recorded on arrival
 * and the newest hash in the ledger, and checks the ledger's chain. Never throws for a finding (a missing
 * file, a wrong hash, a broken chain are problems in the result); I/O failures and a malformed id do throw.
 */
export async function verifyEvidence(
  files: EvidenceFiles,
  ledgerEntries: readonly CustodyEntry[],
  expectedSha256: string,
  options: VerifyLedgerOptions = {},
): Promise<EvidenceCheck> {
  const sha256 = parseEvidenceId(expectedSha256);
  const file = files.relativePathOf(sha256);
  const problems: EvidenceProblem[] = [];
  const arrival = findArrival(ledgerEntries);

  let stored: EvidenceVerification | undefined;
  try {
    stored = await files.verify(sha256);
  } catch (e) {
    if (!(isYaguraError(e) && e.code === 'EVIDENCE_NOT_FOUND')) throw e;
  }

  if (!stored) {
    const last = ledgerEntries.at(-1);
    const disposed =
      last?.action === 'disposed' ? ` (the ledger records it was disposed ${byWhom(last)})` : '';
    problems.push({ kind: 'file_missing', message: `The stored file ${file} is missing${disposed}.` });
  } else if (!stored.ok) {
    const recorded =
      arrival?.hashAfter === sha256
        ? `when it arrived ${byWhom(arrival)} (ledger entry ${arrival.seq})`
        : 'as its id';
    problems.push({
      kind: 'file_altered',
      message: `The stored file ${file} has SHA-256 ${stored.actual}, but ${sha256} was recorded ${recorded}: the file was altered after it was stored.`,
    });
  }

  if (ledgerEntries.length === 0) {
    problems.push({
      kind: 'ledger_empty',
      message: `No chain-of-custody entries were given for evidence ${sha256}.`,
    });
  } else if (!arrival) {
    problems.push({
      kind: 'no_arrival_entry',
      message: `The custody ledger has no 'uploaded' or 'collected' entry recording the SHA-256 on arrival.`,
    });
  } else if (arrival.hashAfter !== sha256) {
    problems.push({
      kind: 'arrival_hash_mismatch',
      seq: arrival.seq,
      message: arrival.hashAfter
        ? `Ledger entry ${arrival.seq} (${arrival.action} ${byWhom(arrival)}) records SHA-256 ${arrival.hashAfter} on arrival, not ${sha256}.`
        : `Ledger entry ${arrival.seq} (${arrival.action} ${byWhom(arrival)}) does not record the SHA-256 on arrival.`,
    });
  }

  const lastHashed = ledgerEntries.findLast((e) => typeof e.hashAfter === 'string');
  if (lastHashed && lastHashed !== arrival && lastHashed.hashAfter !== sha256) {
    problems.push({
      kind: 'last_hash_mismatch',
      seq: lastHashed.seq,
      message: `The newest hash in the ledger, entry ${lastHashed.seq} (${lastHashed.action} ${byWhom(lastHashed)}), is ${lastHashed.hashAfter}, not ${sha256}.`,
    });
  }

  const ledger = verifyLedger(ledgerEntries, options);
  for (const p of ledger.problems) problems.push({ kind: p.kind, seq: p.seq, message: p.message });

  const ok = problems.length === 0;
  const summary = ok
    ? `Evidence ${sha256} is intact: the stored file (${stored?.size ?? 0} bytes) still has the SHA-256 recorded on arrival, and its ${ledgerEntries.length} custody entries are unbroken.`
    : `Evidence ${sha256} failed verification. ${problems.map((p) => p.message).join(' ')}`;
  return { ok, sha256, file, stored, ledger, problems, summary };
}

function findArrival(entries: readonly CustodyEntry[]): CustodyEntry | undefined {
  for (const action of ARRIVAL_ACTIONS) {
    const found = entries.find((e) => e.action === action);
    if (found) return found;
  }
  return undefined;
}

/** "on 2026-11-29 10:02 UTC by aoi (u_aoi)". */
function byWhom(entry: CustodyEntry): string {
  const when = Number.isFinite(entry.at)
    ? new Date(entry.at).toISOString().slice(0, 16).replace('T', ' ')
    : '?';
  const who =
    entry.actor?.name === entry.actor?.id ? entry.actor?.name : `${entry.actor?.name} (${entry.actor?.id})`;
  return `on ${when} UTC by ${who}`;
}
