// The frame type shared by the framing decoders, and the helpers that turn a frame's bytes into text.
import { isUtf8 } from 'node:buffer';

/** One message's bytes as cut out of a byte stream, before any parsing. */
export interface Frame {
  data: Buffer;
  /** The message was longer than the size limit and was cut. */
  truncated: boolean;
  /** The stream's framing broke just before this frame (a wrong octet count); its start may be garbled. */
  framingError: boolean;
}

/**
 * An incremental decoder: feed it the chunks of one byte stream in order; frames are appended to `out`.
 * A frame may span chunks and a chunk may hold many frames.
 */
export interface FrameDecoder {
  write(chunk: Buffer, out: Frame[]): void;
  /** The stream ended: flush a partial last frame, if any. */
  end(out: Frame[]): void;
}

/** Why a decoder lost the framing of its stream. */
export type FramingErrorReason = 'octet_count_malformed' | 'octet_count_mismatch';

export interface DecoderOptions {
  /** Longest frame in bytes; longer frames are cut to this size and marked truncated. */
  maxMessageSize: number;
  /** Called when the framing of the stream breaks and the decoder falls back to newline framing. */
  onFramingError?: (reason: FramingErrorReason, detail: string) => void;
}

/** Tag put on a message whose frame followed a framing error (see octet-counting.ts). */
export const FRAMING_ERROR_TAG = 'framing_error';

const CR = 0x0d;
const LF = 0x0a;
const NUL = 0x00;

/** End index of `data[0..end)` with trailing CR, LF and NUL bytes removed. */
export function trimLineEnd(data: Buffer, end: number = data.length): number {
  let e = end;
  while (e > 0) {
    const b = data[e - 1];
    if (b !== CR && b !== LF && b !== NUL) break;
    e--;
  }
  return e;
}

/**
 * Where to cut `data` so it holds at most `limit` bytes without splitting a UTF-8 character:
 * a truncated message should not also look like invalid UTF-8.
 */
export function utf8CutPoint(data: Buffer, limit: number): number {
  if (data.length <= limit) return data.length;
  let i = limit;
  // Step back over continuation bytes (10xxxxxx) to the first byte of the character that straddles the limit.
  let steps = 0;
  while (i > 0 && steps < 3 && ((data[i] ?? 0) & 0xc0) === 0x80) {
    i--;
    steps++;
  }
  // Not UTF-8 after all (no lead byte within 3 bytes): cut at the limit.
  if (steps > 0 && ((data[i] ?? 0) & 0xc0) !== 0xc0) return limit;
  return i === 0 ? limit : i;
}

/** Decodes a frame as UTF-8; invalid bytes become U+FFFD and `invalidUtf8` is set. */
export function frameText(data: Buffer): { text: string; invalidUtf8: boolean } {
  const text = data.toString('utf8');
  // The full validity check runs only when a replacement character shows up, which is rare.
  const invalidUtf8 = text.includes('\uFFFD') && !isUtf8(data);
  return { text, invalidUtf8 };
}

/** Joins buffered pieces into one buffer of at most `limit` bytes. */
export function joinParts(parts: Buffer[], total: number): Buffer {
  if (parts.length === 1) return parts[0] as Buffer;
  return Buffer.concat(parts, total);
}
