// The evidence locker: content-addressed, read-only files named by their SHA-256, written durably from a stream.
import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, open, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { YaguraError, isYaguraError } from '../../core/errors.js';

/** Mode of a stored evidence file: readable by owner and group, writable by nobody. */
export const EVIDENCE_FILE_MODE = 0o440;
const DIR_MODE = 0o750;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface StoreOptions {
  /** The largest upload accepted, in bytes; one byte more aborts the upload with EVIDENCE_TOO_LARGE. */
  maxBytes: number;
  /** Cancels the upload (e.g. the HTTP client went away); nothing is stored. */
  signal?: AbortSignal;
}

export interface StoredEvidence {
  /** The file's id: its SHA-256, lower-case hex. */
  id: string;
  sha256: string;
  size: number;
  /** Absolute path of the stored file. */
  path: string;
  /** True when these bytes were already stored, so no new file was written. */
  deduplicated: boolean;
}

export interface EvidenceVerification {
  /** True when the stored bytes still hash to their name. */
  ok: boolean;
  actual: string;
  expected: string;
  size: number;
}

/** Accepts a SHA-256 in hex (either case) and returns it lower-case; anything else is refused. */
export function parseEvidenceId(id: unknown): string {
  const lower = typeof id === 'string' ? id.toLowerCase() : '';
  if (!SHA256_HEX.test(lower)) {
    throw new YaguraError(
      'EVIDENCE_ID_INVALID',
      `Evidence id ${JSON.stringify(String(id)).slice(0, 80)} is not a SHA-256 in hex (64 characters 0-9, a-f).`,
    );
  }
  return lower;
}

/**
 * The files of one evidence folder (normally `<dataDir>/evidence`). Files live at `sha256/ab/cd/<sha256>`;
 * uploads are written to `incoming/` first (same file system, so linking into place is atomic).
 * Which case an item belongs to, its legal hold and its custody ledger are kept by the caller.
 */
export class EvidenceFiles {
  constructor(readonly dir: string) {}

  /** Where the file with this SHA-256 is (or would be) stored. Refuses anything that is not hex. */
  pathOf(sha256: string): string {
    const id = parseEvidenceId(sha256);
    return join(this.dir, 'sha256', id.slice(0, 2), id.slice(2, 4), id);
  }

  /** The stored file's path relative to the evidence folder, for messages. */
  relativePathOf(sha256: string): string {
    return relative(this.dir, this.pathOf(sha256));
  }

  /**
   * Streams `source` to a temporary file while hashing and counting it, then links it into place under
   * its SHA-256, read-only and fsynced. Too large, a failing or cancelled source, or a write error leave no
   * file behind. The source is destroyed when the upload is refused, so the caller should end the request.
   */
  async store(source: Readable, options: StoreOptions): Promise<StoredEvidence> {
    const { maxBytes, signal } = options;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
      throw new TypeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
    }
    // Until the copy loop reads the source, an error it emits (a client that went away while the folder
    // is prepared) would have no listener and crash the process; the loop still sees it as the stream's error.
    const ignoreUntilRead = (): void => undefined;
    source.on('error', ignoreUntilRead);
    try {
      return await this.storeFrom(source, maxBytes, signal);
    } catch (e) {
      // Also when the folder could not be prepared: stop the upload rather than leave it unread.
      source.destroy();
      throw e;
    } finally {
      source.off('error', ignoreUntilRead);
    }
  }

  private async storeFrom(
    source: Readable,
    maxBytes: number,
    signal: AbortSignal | undefined,
  ): Promise<StoredEvidence> {
    const incoming = join(this.dir, 'incoming');
    await this.ensureDir(incoming);
    const tempPath = join(incoming, `${randomUUID()}.part`);
    let handle: FileHandle | undefined;
    try {
      handle = await this.fsStep('create a temporary file', () => open(tempPath, 'wx', 0o600));
      const { sha256, size } = await copyHashing(source, handle, maxBytes, signal);
      await this.fsStep('flush the uploaded file', async () => {
        await handle?.sync();
        await handle?.chmod(EVIDENCE_FILE_MODE);
      });
      await handle.close();
      handle = undefined;

      const finalPath = this.pathOf(sha256);
      await this.ensureDir(dirname(finalPath));
      // link() never replaces an existing file, so two uploads of the same bytes cannot race each other.
      const deduplicated = await this.fsStep('move the uploaded file into place', async () => {
        try {
          await link(tempPath, finalPath);
          return false;
        } catch (e) {
          if (errorCode(e) === 'EEXIST') return true;
          throw e;
        }
      });
      await this.fsStep('flush the evidence folder', () => fsyncDir(dirname(finalPath)));
      return { id: sha256, sha256, size, path: finalPath, deduplicated };
    } finally {
      await handle?.close().catch(() => undefined);
      // The temporary name goes in every case; when linked, the stored name keeps the bytes.
      await unlink(tempPath).catch(() => undefined);
    }
  }

  /** Whether a file with this SHA-256 is stored. */
  async has(sha256: string): Promise<boolean> {
    const path = this.pathOf(sha256);
    try {
      return (await stat(path)).isFile();
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return false;
      throw this.storeFailed('look up an evidence file', e);
    }
  }

  /** Opens the stored file for reading; EVIDENCE_NOT_FOUND when there is none. */
  async open(sha256: string): Promise<Readable> {
    const handle = await this.openStored(sha256);
    return handle.createReadStream();
  }

  /** Re-reads the stored bytes and compares their SHA-256 with the file's name. */
  async verify(sha256: string): Promise<EvidenceVerification> {
    const expected = parseEvidenceId(sha256);
    const handle = await this.openStored(expected);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of handle.createReadStream({ autoClose: false }) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
      }
    } catch (e) {
      throw this.storeFailed('read an evidence file', e);
    } finally {
      await handle.close().catch(() => undefined);
    }
    const actual = hash.digest('hex');
    return { ok: actual === expected, actual, expected, size };
  }

  /**
   * Deletes the stored file. Refused with EVIDENCE_LEGAL_HOLD while the caller says a hold is in place.
   * Returns false when there was no such file. The caller must also check that no other case refers to
   * the same bytes (files are shared by content).
   */
  async remove(sha256: string, options: { legalHold: boolean }): Promise<boolean> {
    const path = this.pathOf(sha256);
    if (options.legalHold) {
      throw new YaguraError(
        'EVIDENCE_LEGAL_HOLD',
        `Evidence ${parseEvidenceId(sha256)} is under legal hold; release the hold before removing it.`,
      );
    }
    try {
      await unlink(path);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return false;
      throw this.storeFailed('remove an evidence file', e);
    }
    await fsyncDir(dirname(path)).catch(() => undefined);
    return true;
  }

  private async openStored(sha256: string): Promise<FileHandle> {
    const path = this.pathOf(sha256);
    try {
      return await open(path, 'r');
    } catch (e) {
      if (errorCode(e) === 'ENOENT') {
        throw new YaguraError('EVIDENCE_NOT_FOUND', `No evidence file is stored with SHA-256 ${sha256}.`);
      }
      throw this.storeFailed('open an evidence file', e);
    }
  }

  /** Creates a folder (and its parents) and fsyncs the parent of each new one, so the entry survives a crash. */
  private async ensureDir(path: string): Promise<void> {
    const firstCreated = await this.fsStep('create the evidence folder', () =>
      mkdir(path, { recursive: true, mode: DIR_MODE }),
    );
    if (firstCreated === undefined) return;
    for (let dir = path; ; dir = dirname(dir)) {
      await this.fsStep('flush the evidence folder', () => fsyncDir(dirname(dir)));
      if (dir === firstCreated || dirname(dir) === dir) break;
    }
  }

  private async fsStep<T>(what: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (e) {
      throw isYaguraError(e) ? e : this.storeFailed(what, e);
    }
  }

  private storeFailed(what: string, cause: unknown): YaguraError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new YaguraError(
      'EVIDENCE_STORE_FAILED',
      `Could not ${what} in ${this.dir}: ${reason}`,
      undefined,
      {
        cause,
      },
    );
  }
}

/** Copies the source into the file, hashing and counting; throws before writing the byte past maxBytes. */
async function copyHashing(
  source: Readable,
  handle: FileHandle,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const onAbort = (): void => {
    source.destroy(new YaguraError('EVIDENCE_UPLOAD_FAILED', 'The evidence upload was cancelled.'));
  };
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Leaving this loop by a throw destroys the source (async iterator return), which stops the upload.
    for await (const chunk of source as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (size + bytes.length > maxBytes) {
        throw new YaguraError(
          'EVIDENCE_TOO_LARGE',
          `The evidence upload is larger than the limit of ${maxBytes} bytes; nothing was stored.`,
          { maxBytes },
        );
      }
      hash.update(bytes);
      size += bytes.length;
      try {
        await writeAll(handle, bytes);
      } catch (e) {
        throw new YaguraError(
          'EVIDENCE_STORE_FAILED',
          `Could not write the evidence upload: ${e instanceof Error ? e.message : String(e)}`,
          undefined,
          { cause: e },
        );
      }
    }
  } catch (e) {
    if (isYaguraError(e)) throw e;
    throw new YaguraError(
      'EVIDENCE_UPLOAD_FAILED',
      `The evidence upload failed before it ended: ${e instanceof Error ? e.message : String(e)}; nothing was stored.`,
      undefined,
      { cause: e },
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return { sha256: hash.digest('hex'), size };
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

async function fsyncDir(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
    ? e.code
    : undefined;
}
