import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { isYaguraError } from '../core/errors.js';
import type { Evidence } from './evidence-service.js';
import { alterStoredByte, evidenceFixture, type EvidenceFixture } from './evidence/test-support.js';

let f: EvidenceFixture;
let analyst: Actor;

beforeEach(async () => {
  f = await evidenceFixture({ maxBytes: 1024 * 1024 });
  analyst = { ...(await f.user('aoi', 'soc_analyst', ['acme'])), address: '192.0.2.7' };
});
afterEach(async () => {
  await f.close();
});

const bytes = Buffer.from('Subject: invoice\r\n\r\nPlease open the attached macro document.\r\n');
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function upload(content: Buffer = bytes, incident = 'inc-acme-1', actor = analyst): Promise<Evidence> {
  return f.service.upload(actor, incident, Readable.from([content]), {
    name: 'invoice.eml',
    reason: 'Phishing mail reported by the user',
    source: 'Mailbox of taro, exported by aoi',
    contentType: 'message/rfc822',
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (isYaguraError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a YaguraError');
}

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('EvidenceService', () => {
  it('stores an upload under its SHA-256 and records the arrival in the ledger, the timeline and the audit log', async () => {
    const item = await upload();
    expect(item).toMatchObject({
      incidentId: 'inc-acme-1',
      tenant: 'acme',
      name: 'invoice.eml',
      contentType: 'message/rfc822',
      size: bytes.length,
      sha256: sha(bytes),
      receivedBy: { id: analyst.id, name: 'aoi' },
      source: 'Mailbox of taro, exported by aoi',
      legalHold: null,
      disposed: null,
      custodyHead: { seq: 1 },
    });
    const { entries, verification } = await f.service.custody(analyst, item.id);
    expect(verification.ok).toBe(true);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      seq: 1,
      action: 'uploaded',
      actor: { id: analyst.id, name: 'aoi' },
      from: '192.0.2.7',
      reason: 'Phishing mail reported by the user',
      hashAfter: sha(bytes),
    });
    expect(f.timeline.entries).toEqual([
      expect.objectContaining({
        incidentId: 'inc-acme-1',
        tenant: 'acme',
        kind: 'evidence',
        ref: { type: 'evidence', id: item.id },
        inTransaction: true,
      }),
    ]);
    const audited = await f.audit.query({ tenants: 'all', limit: 10, action: 'evidence' });
    expect(audited.entries.map((e) => e.action)).toEqual(['evidence.upload']);
  });

  it('leaves neither record nor file when the timeline cannot be written (one transaction)', async () => {
    f.timeline.failNext = true;
    await expect(upload()).rejects.toThrow('the timeline could not be written');
    expect(await f.service.list(analyst, 'inc-acme-1')).toEqual([]);
    expect(await f.access.db.selectFrom('custody_entries').selectAll().execute()).toEqual([]);
    expect(await f.files.has(sha(bytes))).toBe(false);
  });

  it('refuses an upload over the size limit and leaves no file', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 0x41);
    expect(await codeOf(upload(big))).toBe('EVIDENCE_TOO_LARGE');
    expect(await f.service.list(analyst, 'inc-acme-1')).toEqual([]);
    expect(await readdir(join(f.files.dir, 'incoming'))).toEqual([]);
    expect(await f.files.has(sha(big))).toBe(false);
  });

  it('hands out the file with a fresh hash check and records the download', async () => {
    const item = await upload();
    const { stream, evidence } = await f.service.download(analyst, item.id, {
      reason: 'Sandbox analysis',
    });
    expect(await read(stream)).toEqual(bytes);
    expect(evidence.custodyHead.seq).toBe(2);
    const { entries } = await f.service.custody(analyst, item.id);
    expect(entries[1]).toMatchObject({
      action: 'downloaded',
      reason: 'Sandbox analysis',
      hashAfter: sha(bytes),
    });
  });

  it('refuses to hand out an altered file, naming it and both hashes, and records verification_failed', async () => {
    const item = await upload();
    const path = f.files.pathOf(item.sha256);
    await alterStoredByte(path, 3);
    const download = f.service.download(analyst, item.id, { reason: 'Sandbox analysis' });
    await expect(download).rejects.toMatchObject({ code: 'EVIDENCE_ALTERED' });
    const error = (await download.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('invoice.eml');
    expect(error.message).toContain(f.files.relativePathOf(item.sha256));
    expect(error.message).toContain(item.sha256);
    const { entries, verification } = await f.service.custody(analyst, item.id);
    expect(verification.ok).toBe(true);
    expect(entries.map((e) => e.action)).toEqual(['uploaded', 'verification_failed']);
    expect(entries[1]?.hashBefore).toBe(item.sha256);
    expect(entries[1]?.hashAfter).not.toBe(item.sha256);

    const check = await f.service.verify(analyst, item.id);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.kind)).toContain('file_altered');
    expect(check.summary).toContain(f.files.relativePathOf(item.sha256));
    expect(check.summary).toContain(check.stored?.actual);
  });

  it('verifies an intact item and records it', async () => {
    const item = await upload();
    const check = await f.service.verify(analyst, item.id, { reason: 'Before handing over to the police' });
    expect(check.ok).toBe(true);
    const { entries } = await f.service.custody(analyst, item.id);
    expect(entries.at(-1)).toMatchObject({ action: 'verified', hashAfter: item.sha256 });
  });

  it('names the ledger entry that was altered in the database', async () => {
    const item = await upload();
    await f.service.addCustodyEntry(analyst, item.id, {
      action: 'transferred',
      reason: 'Handed to the forensic contractor',
      from: 'evidence safe, room 3',
    });
    await f.service.download(analyst, item.id, { reason: 'copy' }).then((d) => d.stream.destroy());
    await f.access.db
      .updateTable('custody_entries')
      .set({ reason: 'Kept in the safe' })
      .where('evidence_id', '=', item.id)
      .where('seq', '=', 2)
      .execute();
    const { verification } = await f.service.custody(analyst, item.id);
    expect(verification.ok).toBe(false);
    expect(verification.problems).toEqual([
      expect.objectContaining({ seq: 2, kind: 'hash_mismatch', message: expect.stringContaining('entry 2') }),
    ]);
    const check = await f.service.verify(analyst, item.id);
    expect(check.ok).toBe(false);
    expect(check.summary).toContain('Ledger entry 2 was altered');
  });

  it('detects removed newest entries through the head kept on the item', async () => {
    const item = await upload();
    await f.service.verify(analyst, item.id);
    await f.access.db.deleteFrom('custody_entries').where('seq', '=', 2).execute();
    const { verification } = await f.service.custody(analyst, item.id);
    expect(verification.problems).toEqual([
      expect.objectContaining({ seq: 2, message: expect.stringContaining('missing') }),
    ]);
    // A new entry follows the head, so the gap stays visible.
    await f.service.verify(analyst, item.id);
    const after = await f.service.custody(analyst, item.id);
    expect(after.entries.map((e) => e.seq)).toEqual([1, 3]);
    expect(after.verification.ok).toBe(false);
  });

  it('accepts hand-written entries only for handling outside Yagura', async () => {
    const item = await upload();
    const entry = await f.service.addCustodyEntry(analyst, item.id, {
      action: 'analysed',
      reason: 'Macro extracted with olevba',
      note: 'Dropper URL hxxp://evil[.]example/a',
      hashBefore: item.sha256.toUpperCase(),
      hashAfter: item.sha256,
    });
    expect(entry).toMatchObject({ seq: 2, action: 'analysed', hashBefore: item.sha256, from: '192.0.2.7' });
    expect(
      await codeOf(
        f.service.addCustodyEntry(analyst, item.id, { action: 'disposed' as 'analysed', reason: 'x' }),
      ),
    ).toBe('REQUEST_INVALID');
    expect(
      await codeOf(f.service.addCustodyEntry(analyst, item.id, { action: 'analysed', reason: ' ' })),
    ).toBe('REQUEST_INVALID');
  });

  it('refuses disposal under legal hold, and disposes after release, keeping the record and ledger', async () => {
    const item = await upload();
    const held = await f.service.placeHold(analyst, item.id, { reason: 'Litigation hold from legal' });
    expect(held.legalHold).toMatchObject({ reason: 'Litigation hold from legal', by: { name: 'aoi' } });
    expect(await codeOf(f.service.dispose(analyst, item.id, { reason: 'Case closed' }))).toBe(
      'EVIDENCE_LEGAL_HOLD',
    );
    expect(await codeOf(f.service.placeHold(analyst, item.id, { reason: 'again' }))).toBe('CONFLICT');
    expect(await f.files.has(item.sha256)).toBe(true);
    await f.service.releaseHold(analyst, item.id, { reason: 'Litigation ended' });
    const { evidence, fileRemoved } = await f.service.dispose(analyst, item.id, { reason: 'Case closed' });
    expect(fileRemoved).toBe(true);
    expect(evidence.disposed).toMatchObject({ reason: 'Case closed' });
    expect(await f.files.has(item.sha256)).toBe(false);
    const { entries, verification } = await f.service.custody(analyst, item.id);
    expect(verification.ok).toBe(true);
    expect(entries.map((e) => e.action)).toEqual(['uploaded', 'hold_placed', 'hold_released', 'disposed']);
    expect(await codeOf(f.service.download(analyst, item.id, { reason: 'x' }))).toBe('CONFLICT');
    expect(f.timeline.entries.map((e) => e.summary)).toEqual([
      expect.stringContaining('added'),
      'Legal hold placed on evidence "invoice.eml"',
      'Legal hold released on evidence "invoice.eml"',
      'Evidence "invoice.eml" disposed of',
    ]);
    expect(f.timeline.entries.every((e) => e.inTransaction)).toBe(true);
  });

  it('keeps the file on disposal while another item refers to the same bytes', async () => {
    const first = await upload();
    const second = await upload(bytes, 'inc-acme-2');
    expect(second.sha256).toBe(first.sha256);
    expect((await f.service.dispose(analyst, first.id, { reason: 'Duplicate' })).fileRemoved).toBe(false);
    expect(await f.files.has(first.sha256)).toBe(true);
    expect((await f.service.verify(analyst, second.id)).ok).toBe(true);
    expect((await f.service.dispose(analyst, second.id, { reason: 'Closed' })).fileRemoved).toBe(true);
  });

  it("keeps other tenants' evidence out of reach", async () => {
    const item = await upload();
    const other = await f.user('gin', 'soc_analyst', ['globex']);
    expect(await codeOf(f.service.get(other, item.id))).toBe('FORBIDDEN');
    expect(await codeOf(f.service.list(other, 'inc-acme-1'))).toBe('FORBIDDEN');
    expect(await codeOf(upload(bytes, 'inc-acme-1', other))).toBe('FORBIDDEN');
    expect(await codeOf(f.service.get(f.access.cli, 'nope'))).toBe('NOT_FOUND');
    expect(await codeOf(upload(bytes, 'inc-none', f.access.cli))).toBe('NOT_FOUND');
  });

  it('lets readers download and verify but not upload or dispose', async () => {
    const item = await upload();
    const viewer = await f.user('mei', 'viewer', ['acme']);
    expect((await f.service.verify(viewer, item.id)).ok).toBe(true);
    expect(await codeOf(upload(bytes, 'inc-acme-1', viewer))).toBe('FORBIDDEN');
    expect(await codeOf(f.service.dispose(viewer, item.id, { reason: 'x' }))).toBe('FORBIDDEN');
  });
});
