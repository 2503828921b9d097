// The chain-of-custody ledger of one evidence item: hash-chained entries, built and checked without I/O.
import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH } from '../../audit/chain.js';
import { YaguraError } from '../../core/errors.js';

export { GENESIS_HASH };

/** Names the hashed serialization, so a later format can be told apart from this one. */
export const CUSTODY_FORMAT = 'yagura-custody-v1';

export const CUSTODY_ACTIONS = [
  'collected',
  'uploaded',
  'accessed',
  'downloaded',
  'transferred',
  'analysed',
  'hold_placed',
  'hold_released',
  'verified',
  'verification_failed',
  'disposed',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

export interface CustodyActor {
  id: string;
  name: string;
}

/** What the caller says happened; the ledger adds seq, prevHash and hash. */
export interface CustodyEntryInput {
  evidenceId: string;
  /** When it happened, epoch ms. */
  at: number;
  actor: CustodyActor;
  action: CustodyAction;
  /** From where: a network address or a place ("evidence safe, room 3"). */
  from: string;
  reason: string;
  /** SHA-256 of the evidence before the action, when it was checked. */
  hashBefore?: string;
  /** SHA-256 of the evidence after the action (for 'collected'/'uploaded': the hash on arrival). */
  hashAfter?: string;
  note?: string;
}

export interface CustodyEntry extends CustodyEntryInput {
  /** Position in the ledger: 1, 2, 3… with no gaps. */
  seq: number;
  /** The previous entry's hash; entry 1's is GENESIS_HASH (64 zeros). */
  prevHash: string;
  /** custodyEntryHash of this entry. */
  hash: string;
}

export type LedgerProblemKind = 'hash_mismatch' | 'broken_link' | 'sequence_gap';

export interface LedgerProblem {
  /** The entry that is wrong (its seq as stored). */
  seq: number;
  kind: LedgerProblemKind;
  message: string;
}

export interface LedgerVerification {
  ok: boolean;
  problems: LedgerProblem[];
}

export interface VerifyLedgerOptions {
  /** The newest entry as recorded elsewhere (e.g. on the evidence record); catches removed newest entries. */
  head?: { seq: number; hash: string };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * SHA-256 (lower-case hex) of the UTF-8 canonical JSON of
 * `{ format: "yagura-custody-v1", seq, evidenceId, at, actor: { id, name }, action, from, reason,
 *    hashBefore?, hashAfter?, note?, prevHash }`:
 * keys sorted at every depth, no whitespace, optional fields left out when absent (null counts as absent).
 */
export function custodyEntryHash(entry: Omit<CustodyEntry, 'hash'>): string {
  const hashed: Record<string, unknown> = {
    format: CUSTODY_FORMAT,
    seq: entry.seq,
    evidenceId: entry.evidenceId,
    at: entry.at,
    actor: { id: entry.actor?.id, name: entry.actor?.name },
    action: entry.action,
    from: entry.from,
    reason: entry.reason,
    prevHash: entry.prevHash,
  };
  for (const key of ['hashBefore', 'hashAfter', 'note'] as const) {
    const value = entry[key];
    if (value !== undefined && value !== null) hashed[key] = value;
  }
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

/** Builds the entry that follows `previous` (or the first entry). Malformed input gives CUSTODY_ENTRY_INVALID. */
export function appendEntry(previous: CustodyEntry | undefined, input: CustodyEntryInput): CustodyEntry {
  validateInput(input);
  if (previous && previous.evidenceId !== input.evidenceId) {
    throw invalid(
      `This ledger is for evidence ${previous.evidenceId}; an entry for ${input.evidenceId} cannot follow it.`,
    );
  }
  const entry: Omit<CustodyEntry, 'hash'> = {
    seq: previous ? previous.seq + 1 : 1,
    evidenceId: input.evidenceId,
    at: input.at,
    actor: { id: input.actor.id, name: input.actor.name },
    action: input.action,
    from: input.from,
    reason: input.reason,
    ...(input.hashBefore !== undefined && { hashBefore: input.hashBefore }),
    ...(input.hashAfter !== undefined && { hashAfter: input.hashAfter }),
    ...(input.note !== undefined && { note: input.note }),
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...entry, hash: custodyEntryHash(entry) };
}

/**
 * Checks every entry of a ledger, in the order given: its hash against its content, its link to the entry
 * before it, and that seq runs 1, 2, 3… Every problem is reported, each naming the entry it was found at.
 */
export function verifyLedger(
  entries: readonly CustodyEntry[],
  options: VerifyLedgerOptions = {},
): LedgerVerification {
  const problems: LedgerProblem[] = [];
  const listed = new Set(entries.map((e) => e.seq));
  let previous: CustodyEntry | undefined;
  for (const entry of entries) {
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (entry.seq !== expectedSeq) {
      problems.push({
        seq: entry.seq,
        kind: 'sequence_gap',
        message: sequenceMessage(entry.seq, expectedSeq, previous, listed),
      });
    }
    if (custodyEntryHash(entry) !== entry.hash) {
      problems.push({
        seq: entry.seq,
        kind: 'hash_mismatch',
        message: `Ledger entry ${entry.seq} was altered: its content does not match its recorded hash.`,
      });
    }
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) {
      problems.push({
        seq: entry.seq,
        kind: 'broken_link',
        message: previous
          ? `Ledger entry ${entry.seq} does not point at the entry before it (entry ${previous.seq}): ` +
            'an entry between them was removed, inserted or reordered, or the earlier entry was rewritten.'
          : `Ledger entry ${entry.seq} is listed first but does not start the chain (its prevHash is not 64 zeros): ` +
            'the entries before it were removed.',
      });
    }
    previous = entry;
  }
  const head = options.head;
  if (head) {
    const held = entries.find((e) => e.seq === head.seq);
    const last = entries.at(-1);
    if (!held) {
      problems.push({
        seq: head.seq,
        kind: 'sequence_gap',
        message: `Ledger entry ${head.seq} was recorded as the newest but is missing (the ledger ends at entry ${last?.seq ?? 0}).`,
      });
    } else if (held.hash !== head.hash) {
      problems.push({
        seq: head.seq,
        kind: 'hash_mismatch',
        message: `Ledger entry ${head.seq} is not the entry recorded as the newest: its hash differs from the one kept.`,
      });
    }
  }
  return { ok: problems.length === 0, problems };
}

function sequenceMessage(
  seq: number,
  expected: number,
  previous: CustodyEntry | undefined,
  listed: ReadonlySet<number>,
): string {
  const place = previous
    ? `Ledger entry ${seq} follows entry ${previous.seq}`
    : `Ledger entry ${seq} is listed first`;
  if (seq < expected) return `${place}: the entries are out of order or repeated.`;
  const skipped: number[] = [];
  for (let s = expected; s < seq && skipped.length <= 1000; s++) skipped.push(s);
  const missing = skipped.filter((s) => !listed.has(s));
  if (missing.length === 0) {
    return `${place}: the entries are out of order (${nameEntries(skipped)} listed elsewhere).`;
  }
  return `${place}: ${nameEntries(missing)} missing.`;
}

/** "entry 3 is", "entries 3 to 7 are", "entries 3, 5 are". */
function nameEntries(seqs: readonly number[]): string {
  const first = seqs[0];
  const last = seqs.at(-1);
  if (seqs.length === 1) return `entry ${first} is`;
  if (last !== undefined && first !== undefined && last - first === seqs.length - 1) {
    return `entries ${first} to ${last} are`;
  }
  return `entries ${seqs.join(', ')} are`;
}

function validateInput(input: CustodyEntryInput): void {
  const problems: string[] = [];
  if (!nonEmpty(input.evidenceId)) problems.push('evidenceId is empty');
  if (!Number.isSafeInteger(input.at) || input.at < 0)
    problems.push('at is not a time in epoch milliseconds');
  if (!nonEmpty(input.actor?.id) || !nonEmpty(input.actor?.name))
    problems.push('actor needs an id and a name');
  if (!(CUSTODY_ACTIONS as readonly string[]).includes(input.action)) {
    problems.push(`action ${JSON.stringify(input.action)} is not one of ${CUSTODY_ACTIONS.join(', ')}`);
  }
  if (typeof input.from !== 'string') problems.push('from is not a string');
  if (!nonEmpty(input.reason)) problems.push('reason is empty');
  for (const key of ['hashBefore', 'hashAfter'] as const) {
    const value = input[key];
    if (value !== undefined && !(typeof value === 'string' && SHA256_HEX.test(value))) {
      problems.push(`${key} is not a lower-case hex SHA-256`);
    }
  }
  if (input.note !== undefined && typeof input.note !== 'string') problems.push('note is not a string');
  if (problems.length > 0) throw invalid(`Invalid custody entry: ${problems.join('; ')}.`);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function invalid(message: string): YaguraError {
  return new YaguraError('CUSTODY_ENTRY_INVALID', message);
}
