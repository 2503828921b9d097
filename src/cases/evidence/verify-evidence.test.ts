// End-to-end tests of verifyEvidence: a real stored file, its custody ledger, and tampering with either.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, open, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEntry, type CustodyEntry, type CustodyEntryInput } from './custody-ledger.js';
import { EvidenceFiles, type StoredEvidence } from './evidence-files.js';
import { verifyEvidence } from './verify-evidence.js';

const T0 = Date.UTC(2026, 10, 29, 10, 2);

let dataDir: string;
let files: EvidenceFiles;
let stored: StoredEvidence;
let entries: CustodyEntry[];

function record(overrides: Partial<CustodyEntryInput>): void {
  entries.push(
    appendEntry(entries.at(-1), {
      evidenceId: 'ev_01',
      at: T0,
      actor: { id: 'u_aoi', name: 'aoi' },
      action: 'accessed',
      from: '192.0.2.10',
      reason: 'triage',
      ...overrides,
    }),
  );
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'yagura-evidence-'));
  files = new EvidenceFiles(join(dataDir, 'evidence'));
  stored = await files.store(Readable.from([randomBytes(256 * 1024)]), { maxBytes: 1024 * 1024 });
  entries = [];
  record({ action: 'uploaded', hashAfter: stored.sha256, reason: 'received from customer' });
  record({ action: 'analysed', at: T0 + 60_000, actor: { id: 'u_ken', name: 'ken' }, reason: 'timeline' });
  record({ action: 'verified', at: T0 + 120_000, hashBefore: stored.sha256, hashAfter: stored.sha256 });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Flips the lowest bit of one byte of the stored file in place. */
async function flipByte(path: string, position: number): Promise<void> {
  await chmod(path, 0o640);
  const handle = await open(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, position);
    byte[0] = (byte[0] ?? 0) ^ 0x01;
    await handle.write(byte, 0, 1, position);
  } finally {
    await handle.close();
  }
}

describe('verifyEvidence', () => {
  it('reports intact evidence as intact', async () => {
    const result = await verifyEvidence(files, entries, stored.sha256);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.summary).toBe(
      `Evidence ${stored.sha256} is intact: the stored file (262144 bytes) still has the SHA-256 recorded on arrival, and its 3 custody entries are unbroken.`,
    );
  });

  it('names the file, both hashes and the arrival when one byte of the stored file is altered', async () => {
    await flipByte(stored.path, 1000);
    const result = await verifyEvidence(files, entries, stored.sha256);

    expect(result.ok).toBe(false);
    expect(result.stored?.ok).toBe(false);
    const actual = result.stored?.actual ?? '';
    expect(actual).not.toBe(stored.sha256);
    expect(result.problems).toEqual([
      {
        kind: 'file_altered',
        message:
          `The stored file ${files.relativePathOf(stored.sha256)} has SHA-256 ${actual}, but ${stored.sha256} ` +
          'was recorded when it arrived on 2026-11-29 10:02 UTC by aoi (u_aoi) (ledger entry 1): ' +
          'the file was altered after it was stored.',
      },
    ]);
    expect(result.summary).toContain(files.relativePathOf(stored.sha256));
  });

  it('names the altered ledger entry', async () => {
    entries[1] = { ...entries[1]!, reason: 'nothing to see' };
    const result = await verifyEvidence(files, entries, stored.sha256);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        kind: 'hash_mismatch',
        seq: 2,
        message: 'Ledger entry 2 was altered: its content does not match its recorded hash.',
      },
    ]);
  });

  it('reports an arrival hash that differs from the evidence id', async () => {
    entries = [];
    record({ action: 'uploaded', hashAfter: 'cd'.repeat(32), reason: 'received' });
    const result = await verifyEvidence(files, entries, stored.sha256);
    expect(result.problems.map((p) => [p.kind, p.seq])).toEqual([['arrival_hash_mismatch', 1]]);
    expect(result.problems[0]?.message).toBe(
      `Ledger entry 1 (uploaded on 2026-11-29 10:02 UTC by aoi (u_aoi)) records SHA-256 ${'cd'.repeat(32)} on arrival, not ${stored.sha256}.`,
    );
  });

  it('reports a newest ledger hash that differs from the stored one', async () => {
    record({
      action: 'verification_failed',
      at: T0 + 180_000,
      hashAfter: 'ef'.repeat(32),
      reason: 'weekly check',
    });
    const result = await verifyEvidence(files, entries, stored.sha256);
    expect(result.problems.map((p) => [p.kind, p.seq])).toEqual([['last_hash_mismatch', 4]]);
    expect(result.problems[0]?.message).toContain(
      `entry 4 (verification_failed on 2026-11-29 10:05 UTC by aoi`,
    );
  });

  it('reports a missing file and a missing ledger without throwing', async () => {
    await unlink(stored.path);
    const result = await verifyEvidence(files, [], stored.sha256);
    expect(result.problems.map((p) => p.kind)).toEqual(['file_missing', 'ledger_empty']);
    expect(result.problems[0]?.message).toBe(
      `The stored file ${files.relativePathOf(stored.sha256)} is missing.`,
    );
  });

  it('refuses an id that is not a SHA-256', async () => {
    await expect(verifyEvidence(files, entries, '../etc/passwd')).rejects.toMatchObject({
      code: 'EVIDENCE_ID_INVALID',
    });
  });
});
