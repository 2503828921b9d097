// Octet-counting framing (RFC 6587 section 3.4.1): each message is "MSG-LEN SP SYSLOG-MSG", with no delimiter.
import {
  type DecoderOptions,
  type Frame,
  type FrameDecoder,
  joinParts,
  trimLineEnd,
  utf8CutPoint,
} from './frame.js';
import { NewlineDecoder } from './newline.js';

const SP = 0x20;
const LT = 0x3c;
const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const ZERO = 0x30;
const NINE = 0x39;
/** A length of more than 10 digits is not a length. */
const MAX_DIGITS = 10;

export interface OctetCountingDecoderOptions extends DecoderOptions {
  /** Require each message to start with "<" (a syslog PRI); catches wrong counts early. Default true. */
  requirePri?: boolean;
}

/**
 * Decodes octet-counted frames.
 *
 * - A count above the size limit: the frame is still read to its end (the framing stays in step), the first
 *   `maxMessageSize` bytes are delivered marked truncated and the rest is skipped, the same outcome as an
 *   over-long newline frame.
 * - A malformed count (not digits then a space, more than 10 digits) or a message not starting with "<"
 *   (a wrong earlier count shifted us into the middle of a message): the framing is lost. The decoder reports
 *   it through `onFramingError` and decodes the rest of the connection with newline framing, starting with the
 *   bytes that failed, so nothing is discarded; the first frame after the break is marked `framingError`.
 *   Closing the connection instead would lose whatever the sender had queued and make it reconnect and resend
 *   the same broken framing.
 * LF, CR and NUL bytes between frames are ignored (some senders append a newline after each frame).
 */
export class OctetCountingDecoder implements FrameDecoder {
  private readonly options: OctetCountingDecoderOptions;
  private readonly max: number;
  private readonly requirePri: boolean;
  private inBody = false;
  private digits = '';
  private remaining = 0;
  private bodyStarted = false;
  private parts: Buffer[] = [];
  private partLen = 0;
  private fallback: NewlineDecoder | null = null;

  constructor(options: OctetCountingDecoderOptions) {
    this.options = options;
    this.max = options.maxMessageSize;
    this.requirePri = options.requirePri ?? true;
  }

  /** True once the framing broke and the rest of the stream is read as newline-framed. */
  get resynced(): boolean {
    return this.fallback !== null;
  }

  write(chunk: Buffer, out: Frame[]): void {
    if (this.fallback) {
      this.fallback.write(chunk, out);
      return;
    }
    const len = chunk.length;
    let pos = 0;
    while (pos < len) {
      if (!this.inBody) {
        const b = chunk[pos] as number;
        if (b >= ZERO && b <= NINE) {
          if (this.digits.length === MAX_DIGITS) {
            this.fail(chunk, pos, `a frame length of more than ${MAX_DIGITS} digits`, out);
            return;
          }
          this.digits += String.fromCharCode(b);
          pos++;
        } else if (b === SP && this.digits.length > 0) {
          this.remaining = Number(this.digits);
          pos++;
          if (this.remaining === 0) this.digits = '';
          else this.inBody = true;
        } else if (this.digits.length === 0 && (b === LF || b === CR || b === NUL)) {
          pos++;
        } else {
          this.fail(
            chunk,
            pos,
            `byte 0x${b.toString(16).padStart(2, '0')} where a frame length was expected`,
            out,
          );
          return;
        }
        continue;
      }
      if (!this.bodyStarted) {
        if (this.requirePri && chunk[pos] !== LT) {
          this.fail(chunk, pos, `a frame of ${this.digits} bytes that does not start with "<"`, out);
          return;
        }
        this.bodyStarted = true;
      }
      const take = Math.min(this.remaining, len - pos);
      if (take === this.remaining && this.partLen === 0) {
        this.emit(chunk.subarray(pos, pos + take), this.remaining > this.max, out);
      } else {
        // Keep at most max+1 bytes: enough to cut at a character boundary, never the whole oversized frame.
        const room = this.max + 1 - this.partLen;
        if (room > 0) {
          const keep = Math.min(room, take);
          this.parts.push(chunk.subarray(pos, pos + keep));
          this.partLen += keep;
        }
        if (take === this.remaining) {
          const data = joinParts(this.parts, this.partLen);
          this.emit(data, Number(this.digits) > this.max, out);
        }
      }
      this.remaining -= take;
      pos += take;
      if (this.remaining === 0) this.resetFrame();
    }
  }

  end(out: Frame[]): void {
    if (this.fallback) {
      this.fallback.end(out);
      return;
    }
    // The stream ended inside a frame: deliver what arrived, marked truncated.
    if (this.inBody && this.partLen > 0) {
      this.emit(joinParts(this.parts, this.partLen), true, out);
    } else if (!this.inBody && this.digits.length > 0) {
      out.push({ data: Buffer.from(this.digits, 'latin1'), truncated: true, framingError: false });
    }
    this.resetFrame();
  }

  private emit(data: Buffer, truncated: boolean, out: Frame[]): void {
    const end = trimLineEnd(data);
    if (end === 0) return;
    if (truncated || end > this.max) {
      out.push({
        data: data.subarray(0, utf8CutPoint(data.subarray(0, end), this.max)),
        truncated: true,
        framingError: false,
      });
    } else {
      out.push({
        data: end === data.length ? data : data.subarray(0, end),
        truncated: false,
        framingError: false,
      });
    }
  }

  private resetFrame(): void {
    this.inBody = false;
    this.digits = '';
    this.remaining = 0;
    this.bodyStarted = false;
    this.parts = [];
    this.partLen = 0;
  }

  private fail(chunk: Buffer, pos: number, detail: string, out: Frame[]): void {
    const fallback = new NewlineDecoder({ maxMessageSize: this.max, splitOnNul: true });
    fallback.markFramingError();
    this.fallback = fallback;
    this.options.onFramingError?.(
      'octet_count_malformed',
      `Found ${detail}; reading the rest as newline-framed.`,
    );
    // Replay the header bytes already consumed so the newline decoder sees the stream from the break on.
    const replay = this.digits + (this.inBody ? ' ' : '');
    this.resetFrame();
    if (replay.length > 0) fallback.write(Buffer.from(replay, 'latin1'), out);
    fallback.write(pos === 0 ? chunk : chunk.subarray(pos), out);
  }
}
