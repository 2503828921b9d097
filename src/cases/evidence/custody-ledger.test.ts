// Tests of the chain-of-custody ledger: building it, the hash formula, and naming each kind of tampering.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appendEntry,
  custodyEntryHash,
  GENESIS_HASH,
  verifyLedger,
  type CustodyEntry,
  type CustodyEntryInput,
} from './custody-ledger.js';

const EVIDENCE = 'ev_01';
const ARRIVAL_HASH = 'ab'.repeat(32);
const T0 = Date.UTC(2026, 10, 29, 10, 2);

function input(overrides: Partial<CustodyEntryInput> = {}): CustodyEntryInput {
  return {
    evidenceId: EVIDENCE,
    at: T0,
    actor: { id: 'u_aoi', name: 'aoi' },
    action: 'accessed',
    from: '192.0.2.10',
    reason: 'triage',
    ...overrides,
  };
}

/** A ledger of six entries: upload, hold, access, analysis, verification, download. */
function ledger(): CustodyEntry[] {
  const inputs: CustodyEntryInput[] = [
    input({
      action: 'uploaded',
      hashAfter: ARRIVAL_HASH,
      reason: 'received from customer',
      note: 'disk image',
    }),
    input({ action: 'hold_placed', at: T0 + 1000, reason: 'litigation expected' }),
    input({ action: 'accessed', at: T0 + 2000 }),
    input({ action: 'analysed', at: T0 + 3000, actor: { id: 'u_ken', name: 'ken' }, reason: 'timeline' }),
    input({ action: 'verified', at: T0 + 4000, hashBefore: ARRIVAL_HASH, hashAfter: ARRIVAL_HASH }),
    input({
      action: 'downloaded',
      at: T0 + 5000,
      from: 'evidence safe, room 3',
      reason: 'handed to counsel',
    }),
  ];
  const entries: CustodyEntry[] = [];
  for (const i of inputs) entries.push(appendEntry(entries.at(-1), i));
  return entries;
}

describe('appendEntry', () => {
  it('starts the chain at seq 1 from 64 zeros and links each entry to the one before', () => {
    const entries = ledger();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    expect(verifyLedger(entries)).toEqual({ ok: true, problems: [] });
  });

  it('hashes the documented canonical JSON: sorted keys, no whitespace, absent optional fields left out', () => {
    const first = appendEntry(undefined, input({ action: 'uploaded', hashAfter: ARRIVAL_HASH }));
    const canonical =
      '{"action":"uploaded","actor":{"id":"u_aoi","name":"aoi"},"at":' +
      T0 +
      ',"evidenceId":"ev_01","format":"yagura-custody-v1","from":"192.0.2.10","hashAfter":"' +
      ARRIVAL_HASH +
      '","prevHash":"' +
      GENESIS_HASH +
      '","reason":"triage","seq":1}';
    expect(first.hash).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    expect(Object.keys(first)).not.toContain('note');
  });

  it('treats a null optional field (as a database may return it) like an absent one', () => {
    const [first] = ledger();
    const fromDatabase = { ...first, hashBefore: null } as unknown as CustodyEntry;
    expect(custodyEntryHash(fromDatabase)).toBe(first?.hash);
  });

  it.each<[string, Partial<CustodyEntryInput>, string]>([
    ['an unknown action', { action: 'deleted' as never }, 'action "deleted" is not one of'],
    ['a missing actor name', { actor: { id: 'u_aoi', name: ' ' } }, 'actor needs an id and a name'],
    ['an empty reason', { reason: '' }, 'reason is empty'],
    ['a hash that is not hex', { hashAfter: 'xyz' }, 'hashAfter is not a lower-case hex SHA-256'],
    ['a time that is not epoch ms', { at: Number.NaN }, 'at is not a time'],
  ])('refuses %s with CUSTODY_ENTRY_INVALID', (_name, overrides, words) => {
    expect(() => appendEntry(undefined, input(overrides))).toThrow(
      expect.objectContaining({ code: 'CUSTODY_ENTRY_INVALID', message: expect.stringContaining(words) }),
    );
  });

  it('refuses to chain an entry of another evidence item', () => {
    const [first] = ledger();
    expect(() => appendEntry(first, input({ evidenceId: 'ev_02' }))).toThrow(
      expect.objectContaining({ code: 'CUSTODY_ENTRY_INVALID' }),
    );
  });
});

describe('verifyLedger', () => {
  it('names the entry whose field was changed', () => {
    const entries = ledger();
    entries[3] = { ...entries[3]!, actor: { id: 'u_mallory', name: 'mallory' } };
    const result = verifyLedger(entries);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        seq: 4,
        kind: 'hash_mismatch',
        message: 'Ledger entry 4 was altered: its content does not match its recorded hash.',
      },
    ]);
  });

  it('names the next entry when a changed entry had its hash recomputed', () => {
    const entries = ledger();
    const changed = { ...entries[1]!, reason: 'routine' };
    entries[1] = { ...changed, hash: custodyEntryHash(changed) };
    const result = verifyLedger(entries);
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([[3, 'broken_link']]);
    expect(result.problems[0]?.message).toContain(
      'Ledger entry 3 does not point at the entry before it (entry 2)',
    );
  });

  it('names the gap where an entry was removed', () => {
    const entries = ledger();
    entries.splice(2, 1);
    const result = verifyLedger(entries);
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [4, 'sequence_gap'],
      [4, 'broken_link'],
    ]);
    expect(result.problems[0]?.message).toBe('Ledger entry 4 follows entry 2: entry 3 is missing.');
  });

  it('names a removed first entry', () => {
    const result = verifyLedger(ledger().slice(2));
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [3, 'sequence_gap'],
      [3, 'broken_link'],
    ]);
    expect(result.problems[0]?.message).toBe('Ledger entry 3 is listed first: entries 1 to 2 are missing.');
  });

  it('names reordered entries as out of order', () => {
    const entries = ledger();
    [entries[2], entries[3]] = [entries[3]!, entries[2]!];
    const result = verifyLedger(entries);
    expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
      [4, 'sequence_gap'],
      [4, 'broken_link'],
      [3, 'sequence_gap'],
      [3, 'broken_link'],
      [5, 'sequence_gap'],
      [5, 'broken_link'],
    ]);
    expect(result.problems[0]?.message).toBe(
      'Ledger entry 4 follows entry 2: the entries are out of order (entry 3 is listed elsewhere).',
    );
    expect(result.problems[2]?.message).toBe(
      'Ledger entry 3 follows entry 4: the entries are out of order or repeated.',
    );
  });

  it('catches removed newest entries only against a head kept elsewhere', () => {
    const entries = ledger();
    const head = { seq: 6, hash: entries[5]!.hash };
    const truncated = entries.slice(0, 4);
    expect(verifyLedger(truncated).ok).toBe(true);
    expect(verifyLedger(truncated, { head }).problems).toEqual([
      {
        seq: 6,
        kind: 'sequence_gap',
        message: 'Ledger entry 6 was recorded as the newest but is missing (the ledger ends at entry 4).',
      },
    ]);
    expect(verifyLedger(entries, { head }).ok).toBe(true);
  });

  it('accepts an empty ledger (the caller decides whether one is required)', () => {
    expect(verifyLedger([])).toEqual({ ok: true, problems: [] });
  });

  it('verifies a ledger that went through JSON export and import', () => {
    const imported = JSON.parse(JSON.stringify(ledger())) as CustodyEntry[];
    expect(verifyLedger(imported).ok).toBe(true);
  });
});
