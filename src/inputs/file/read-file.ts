// Reads a log file (plain or gzip, detected by its magic bytes) as batches of RawMessages, one per line.
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Tags } from '../../core/event.js';
import { YaguraError } from '../../core/errors.js';
import type { TenantId } from '../../core/ids.js';
import type { RawMessage } from '../../core/raw-message.js';
import { type Frame, frameText } from '../framing/frame.js';
import { NewlineDecoder } from '../framing/newline.js';

export const FILE_INPUT = 'file';
/** ECS field naming the file a message was read from (absolute path). */
export const FILE_PATH_FIELD = 'log.file.path';

export interface FileProgress {
  /** Bytes of the file read so far (compressed bytes for a .gz file). */
  bytesRead: number;
  /** Size of the file on disk. */
  totalBytes: number;
}

export interface ReadLogFileOptions {
  tenant: TenantId;
  /** Longest line in bytes; longer lines are cut and tagged "truncated". Default 4 MiB. */
  maxMessageSize?: number;
  /** Most messages per yielded batch. Default 1000. */
  batchSize?: number;
  /** Called after each chunk read from disk. */
  onProgress?: (progress: FileProgress) => void;
}

export interface FileReadSummary {
  path: string;
  compressed: boolean;
  lines: number;
  truncated: number;
  invalidUtf8: number;
}

const DEFAULT_MAX_LINE = 4 * 1024 * 1024;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b] as const;

function unreadable(path: string, what: string, cause: unknown): YaguraError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new YaguraError(
    'FILE_UNREADABLE',
    `Cannot ${what} "${path}": ${reason}`,
    { location: { path } },
    { cause },
  );
}

/**
 * Yields the lines of `path` as RawMessages (input "file", field `log.file.path`), in batches. Lines are left as
 * text: the parser stage detects NDJSON, syslog or CEF. CRLF, a last line without a newline and invalid UTF-8
 * (replaced, tagged "invalid_utf8") are handled. A damaged gzip stream ends the read with FILE_UNREADABLE
 * after the lines decoded before the damage were yielded (the last of them tagged "truncated").
 */
export async function* readLogFile(
  path: string,
  options: ReadLogFileOptions,
): AsyncGenerator<RawMessage[], FileReadSummary, undefined> {
  const absolute = resolve(path);
  const maxMessageSize = options.maxMessageSize ?? DEFAULT_MAX_LINE;
  const batchSize = options.batchSize ?? 1000;

  let handle;
  try {
    handle = await open(absolute, 'r');
  } catch (error) {
    throw unreadable(absolute, 'open', error);
  }
  let totalBytes: number;
  let compressed: boolean;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a regular file');
    totalBytes = stat.size;
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    compressed = bytesRead === 2 && magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1];
  } catch (error) {
    await handle.close();
    throw unreadable(absolute, 'read', error);
  }

  let bytesRead = 0;
  const progress = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length;
      options.onProgress?.({ bytesRead, totalBytes });
      callback(null, chunk);
    },
  });
  const raw = handle.createReadStream({ start: 0, highWaterMark: 256 * 1024, autoClose: true });
  // Errors of any stage surface when iterating the last one; the callback only keeps pipeline from throwing.
  const stream: Readable = compressed
    ? pipeline(raw, progress, createGunzip(), () => {})
    : pipeline(raw, progress, () => {});

  const summary: FileReadSummary = { path: absolute, compressed, lines: 0, truncated: 0, invalidUtf8: 0 };
  const decoder = new NewlineDecoder({ maxMessageSize, splitOnNul: false });
  let batch: RawMessage[] = [];
  let batchBytes = 0;
  /** Batches filled and waiting to be yielded. */
  const ready: RawMessage[][] = [];
  const frames: Frame[] = [];

  const collect = (receivedAt: number, lastTruncated: boolean): void => {
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i] as Frame;
      const { text, invalidUtf8 } = frameText(frame.data);
      const message: RawMessage = {
        tenant: options.tenant,
        input: FILE_INPUT,
        receivedAt,
        text,
        fields: { [FILE_PATH_FIELD]: absolute },
      };
      const truncated = frame.truncated || (lastTruncated && i === frames.length - 1);
      if (truncated || invalidUtf8) {
        message.tags = [];
        if (truncated) {
          message.tags.push(Tags.truncated);
          summary.truncated++;
        }
        if (invalidUtf8) {
          message.tags.push(Tags.invalidUtf8);
          summary.invalidUtf8++;
        }
      }
      batch.push(message);
      batchBytes += frame.data.length;
      if (batch.length >= batchSize || batchBytes >= MAX_BATCH_BYTES) {
        ready.push(batch);
        batch = [];
        batchBytes = 0;
      }
    }
    summary.lines += frames.length;
    frames.length = 0;
  };

  let failure: unknown;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decoder.write(chunk, frames);
      collect(Date.now(), false);
      while (ready.length > 0) yield ready.shift() as RawMessage[];
    }
  } catch (error) {
    failure = error;
  } finally {
    stream.destroy();
  }
  decoder.end(frames);
  // After a failure the last line is whatever was decoded before the damage: mark it truncated.
  collect(Date.now(), failure !== undefined);
  if (batch.length > 0) ready.push(batch);
  while (ready.length > 0) yield ready.shift() as RawMessage[];
  if (failure !== undefined) throw unreadable(absolute, compressed ? 'decompress' : 'read', failure);
  return summary;
}
