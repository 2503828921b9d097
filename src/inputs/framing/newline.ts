// Newline framing (RFC 6587 "non-transparent framing"): one message per LF-terminated line; CRLF and NUL accepted.
import {
  type DecoderOptions,
  type Frame,
  type FrameDecoder,
  joinParts,
  trimLineEnd,
  utf8CutPoint,
} from './frame.js';

const LF = 0x0a;
const NUL = 0x00;

export interface NewlineDecoderOptions extends DecoderOptions {
  /** Also end a frame at a NUL byte (some syslog senders terminate with NUL). Default true. */
  splitOnNul?: boolean;
}

/**
 * Splits a byte stream at LF (and NUL). A trailing CR is removed and empty lines are skipped.
 * A line longer than the limit is delivered cut to the limit and marked truncated as soon as the limit is
 * reached; the rest of that line is skipped up to the next delimiter, so memory stays bounded.
 */
export class NewlineDecoder implements FrameDecoder {
  private readonly max: number;
  private readonly splitOnNul: boolean;
  private parts: Buffer[] = [];
  private partLen = 0;
  private skipping = false;
  private markNext = false;

  constructor(options: NewlineDecoderOptions) {
    this.max = options.maxMessageSize;
    this.splitOnNul = options.splitOnNul ?? true;
  }

  /** The next frame emitted follows a framing error (used by the octet-counting fallback). */
  markFramingError(): void {
    this.markNext = true;
  }

  write(chunk: Buffer, out: Frame[]): void {
    const len = chunk.length;
    let pos = 0;
    // Next delimiter positions are cached so each byte is scanned once even with many frames per chunk.
    let lf = chunk.indexOf(LF);
    let nul = this.splitOnNul ? chunk.indexOf(NUL) : -1;
    while (pos < len) {
      if (lf !== -1 && lf < pos) lf = chunk.indexOf(LF, pos);
      if (nul !== -1 && nul < pos) nul = chunk.indexOf(NUL, pos);
      const end = lf === -1 ? nul : nul === -1 ? lf : Math.min(lf, nul);
      if (this.skipping) {
        if (end === -1) return;
        this.skipping = false;
        pos = end + 1;
        continue;
      }
      if (end === -1) {
        this.hold(chunk, pos, out);
        return;
      }
      if (this.partLen === 0) {
        this.emit(chunk.subarray(pos, end), out);
      } else {
        this.parts.push(chunk.subarray(pos, end));
        const data = joinParts(this.parts, this.partLen + (end - pos));
        this.parts = [];
        this.partLen = 0;
        this.emit(data, out);
      }
      pos = end + 1;
    }
  }

  end(out: Frame[]): void {
    if (!this.skipping && this.partLen > 0) {
      const data = joinParts(this.parts, this.partLen);
      this.emit(data, out);
    }
    this.parts = [];
    this.partLen = 0;
    this.skipping = false;
  }

  private hold(chunk: Buffer, pos: number, out: Frame[]): void {
    const rest = chunk.length - pos;
    if (this.partLen + rest <= this.max) {
      this.parts.push(pos === 0 ? chunk : chunk.subarray(pos));
      this.partLen += rest;
      return;
    }
    // Over the limit with no delimiter yet: deliver the first `max` bytes now and skip the rest of the line.
    const take = Math.min(rest, this.max + 1 - this.partLen);
    this.parts.push(chunk.subarray(pos, pos + take));
    const data = joinParts(this.parts, this.partLen + take);
    this.parts = [];
    this.partLen = 0;
    this.skipping = true;
    this.push(data.subarray(0, utf8CutPoint(data, this.max)), true, out);
  }

  private emit(data: Buffer, out: Frame[]): void {
    const end = trimLineEnd(data);
    if (end === 0) return;
    if (end > this.max) {
      this.push(data.subarray(0, utf8CutPoint(data, this.max)), true, out);
    } else {
      this.push(end === data.length ? data : data.subarray(0, end), false, out);
    }
  }

  private push(data: Buffer, truncated: boolean, out: Frame[]): void {
    out.push({ data, truncated, framingError: this.markNext });
    this.markNext = false;
  }
}
