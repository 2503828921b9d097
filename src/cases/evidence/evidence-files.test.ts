// Tests of the evidence locker against a real temporary folder.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { YaguraError } from '../../core/errors.js';
import { EVIDENCE_FILE_MODE, EvidenceFiles } from './evidence-files.js';

const MB = 1024 * 1024;

let dataDir: string;
let files: EvidenceFiles;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'yagura-evidence-'));
  files = new EvidenceFiles(join(dataDir, 'evidence'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A stream of `bytes` in chunks of 64 KiB, the way an upload arrives. */
function chunked(bytes: Buffer, chunkSize = 64 * 1024): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) return void this.push(null);
      this.push(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function caught(promise: Promise<unknown>): Promise<YaguraError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof YaguraError) return e;
    throw e;
  }
  throw new Error('expected a YaguraError');
}

/** Every file under the evidence folder, relative to it. */
async function listFiles(): Promise<string[]> {
  const entries = await readdir(files.dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(files.dir.length + 1));
}

describe('EvidenceFiles.store', () => {
  it('stores a 5 MB stream under its SHA-256, read-only, with the same hash node:crypto gives', async () => {
    const bytes = randomBytes(5 * MB);
    const stored = await files.store(chunked(bytes), { maxBytes: 10 * MB });

    const expected = sha256Of(bytes);
    expect(stored).toMatchObject({ id: expected, sha256: expected, size: bytes.length, deduplicated: false });
    expect(stored.path).toBe(join(files.dir, 'sha256', expected.slice(0, 2), expected.slice(2, 4), expected));
    expect((await readFile(stored.path)).equals(bytes)).toBe(true);
    expect((await stat(stored.path)).mode & 0o777).toBe(EVIDENCE_FILE_MODE);
    expect(await listFiles()).toEqual([files.relativePathOf(expected)]);
  });

  it('accepts an upload of exactly maxBytes and an empty one', async () => {
    const bytes = randomBytes(1000);
    expect((await files.store(chunked(bytes, 100), { maxBytes: 1000 })).size).toBe(1000);
    const empty = await files.store(Readable.from([]), { maxBytes: 0 });
    expect(empty.sha256).toBe(sha256Of(Buffer.alloc(0)));
    expect(empty.size).toBe(0);
  });

  it('aborts an upload past maxBytes with EVIDENCE_TOO_LARGE (413), leaving no file behind', async () => {
    const source = chunked(randomBytes(3 * MB));
    const error = await caught(files.store(source, { maxBytes: MB }));

    expect(error.code).toBe('EVIDENCE_TOO_LARGE');
    expect(error.status).toBe(413);
    expect(error.message).toContain(`${MB} bytes`);
    expect(source.destroyed).toBe(true);
    expect(await listFiles()).toEqual([]);
  });

  it('reports a source that fails mid-upload as EVIDENCE_UPLOAD_FAILED and leaves no file behind', async () => {
    let chunks = 0;
    const source = new Readable({
      read() {
        if (chunks++ < 4) this.push(randomBytes(64 * 1024));
        else this.destroy(new Error('connection reset'));
      },
    });
    const error = await caught(files.store(source, { maxBytes: MB }));

    expect(error.code).toBe('EVIDENCE_UPLOAD_FAILED');
    expect(error.status).toBe(400);
    expect(error.message).toContain('connection reset');
    expect(chunks).toBeGreaterThan(4);
    expect(await listFiles()).toEqual([]);
  });

  it('handles a source that fails before reading starts, without an unhandled error', async () => {
    const source = new Readable({ read() {} });
    const storing = files.store(source, { maxBytes: MB });
    source.destroy(new Error('client went away'));
    const error = await caught(storing);

    expect(error.code).toBe('EVIDENCE_UPLOAD_FAILED');
    expect(error.message).toContain('client went away');
    expect(await listFiles()).toEqual([]);
  });

  it('stops when the abort signal fires, also when it fired before the upload started', async () => {
    const controller = new AbortController();
    const source = new Readable({ read() {} });
    const storing = files.store(source, { maxBytes: MB, signal: controller.signal });
    source.push(randomBytes(1000));
    setTimeout(() => controller.abort(), 20);
    expect((await caught(storing)).code).toBe('EVIDENCE_UPLOAD_FAILED');

    const early = files.store(Readable.from([Buffer.from('x')]), {
      maxBytes: MB,
      signal: AbortSignal.abort(),
    });
    expect((await caught(early)).message).toContain('cancelled');
    expect(await listFiles()).toEqual([]);
  });

  it('keeps one file when the same content is stored twice, also at the same time', async () => {
    const bytes = randomBytes(300 * 1024);
    const first = await files.store(chunked(bytes), { maxBytes: MB });
    const second = await files.store(chunked(bytes, 4096), { maxBytes: MB });
    expect(second).toEqual({ ...first, deduplicated: true });

    const other = randomBytes(200 * 1024);
    const both = await Promise.all([
      files.store(chunked(other), { maxBytes: MB }),
      files.store(chunked(other), { maxBytes: MB }),
    ]);
    expect(both.map((s) => s.deduplicated).sort()).toEqual([false, true]);
    expect((await listFiles()).sort()).toEqual(
      [files.relativePathOf(first.sha256), files.relativePathOf(sha256Of(other))].sort(),
    );
  });
});

describe('EvidenceFiles ids', () => {
  it.each([
    '../../etc/passwd',
    '../' + 'a'.repeat(61),
    'a'.repeat(63),
    'a'.repeat(65),
    'g'.repeat(64),
    'a'.repeat(62) + '/a',
    '',
  ])('refuses %j as an id everywhere', async (id) => {
    expect(() => files.pathOf(id)).toThrow(expect.objectContaining({ code: 'EVIDENCE_ID_INVALID' }));
    expect((await caught(files.open(id))).code).toBe('EVIDENCE_ID_INVALID');
    expect((await caught(files.verify(id))).code).toBe('EVIDENCE_ID_INVALID');
    expect((await caught(files.remove(id, { legalHold: false }))).code).toBe('EVIDENCE_ID_INVALID');
    expect((await caught(files.has(id))).code).toBe('EVIDENCE_ID_INVALID');
  });

  it('accepts an upper-case hex id as the same file', async () => {
    const stored = await files.store(Readable.from([Buffer.from('evidence')]), { maxBytes: 100 });
    expect(await files.has(stored.sha256.toUpperCase())).toBe(true);
  });
});

describe('EvidenceFiles.open and verify', () => {
  it('opens the stored bytes for reading', async () => {
    const bytes = randomBytes(100_000);
    const { sha256 } = await files.store(chunked(bytes), { maxBytes: MB });
    const chunks: Buffer[] = [];
    for await (const chunk of await files.open(sha256)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('says EVIDENCE_NOT_FOUND (404) for a hash that is not stored', async () => {
    const error = await caught(files.open('0'.repeat(64)));
    expect(error.code).toBe('EVIDENCE_NOT_FOUND');
    expect(error.status).toBe(404);
    expect((await caught(files.verify('0'.repeat(64)))).code).toBe('EVIDENCE_NOT_FOUND');
  });

  it('verifies an untouched file and reports a single flipped byte', async () => {
    const bytes = randomBytes(MB);
    const { sha256, path } = await files.store(chunked(bytes), { maxBytes: 2 * MB });
    expect(await files.verify(sha256)).toEqual({ ok: true, actual: sha256, expected: sha256, size: MB });

    const altered = Buffer.from(bytes);
    altered[12345] = (altered[12345] ?? 0) ^ 0x01;
    await chmod(path, 0o640);
    await writeFile(path, altered);

    expect(await files.verify(sha256)).toEqual({
      ok: false,
      actual: sha256Of(altered),
      expected: sha256,
      size: MB,
    });
  });
});

describe('EvidenceFiles.remove', () => {
  it('refuses while under legal hold, then removes once released', async () => {
    const { sha256, path } = await files.store(Readable.from([Buffer.from('keep me')]), { maxBytes: 100 });

    const error = await caught(files.remove(sha256, { legalHold: true }));
    expect(error.code).toBe('EVIDENCE_LEGAL_HOLD');
    expect(error.status).toBe(409);
    expect((await stat(path)).isFile()).toBe(true);

    expect(await files.remove(sha256, { legalHold: false })).toBe(true);
    expect(await files.has(sha256)).toBe(false);
    expect(await files.remove(sha256, { legalHold: false })).toBe(false);
  });
});
