// Per-connection framing detection: octet-counted when the stream starts "digits SP <", newline otherwise.
import type { DecoderOptions, Frame, FrameDecoder } from './frame.js';
import { NewlineDecoder } from './newline.js';
import { OctetCountingDecoder } from './octet-counting.js';

export type Framing = 'newline' | 'octet-counting';

const SP = 0x20;
const LT = 0x3c;
const MAX_DIGITS = 10;

/** Decides the framing from the first bytes of a stream; undefined means more bytes are needed. */
export function detectFraming(head: Buffer): Framing | undefined {
  if (head.length === 0) return undefined;
  let i = 0;
  while (i < head.length && i <= MAX_DIGITS) {
    const b = head[i] as number;
    if (b < 0x30 || b > 0x39) break;
    i++;
  }
  if (i === 0 || i > MAX_DIGITS) return 'newline';
  if (i === head.length) return undefined;
  if (head[i] !== SP) return 'newline';
  if (i + 1 === head.length) return undefined;
  return head[i + 1] === LT ? 'octet-counting' : 'newline';
}

/** Creates the decoder for a configured framing ('auto' detects per stream). */
export function createFrameDecoder(framing: Framing | 'auto', options: DecoderOptions): FrameDecoder {
  if (framing === 'newline') return new NewlineDecoder({ ...options, splitOnNul: true });
  if (framing === 'octet-counting') return new OctetCountingDecoder(options);
  return new AutoDecoder(options);
}

/** Buffers the first few bytes of a stream until the framing is known, then hands everything to that decoder. */
export class AutoDecoder implements FrameDecoder {
  private readonly options: DecoderOptions;
  private inner: FrameDecoder | null = null;
  private head: Buffer | null = null;
  private detected: Framing | undefined;

  constructor(options: DecoderOptions) {
    this.options = options;
  }

  /** The framing detected for this stream, once known. */
  get framing(): Framing | undefined {
    return this.detected;
  }

  write(chunk: Buffer, out: Frame[]): void {
    if (this.inner) {
      this.inner.write(chunk, out);
      return;
    }
    const buf = this.head ? Buffer.concat([this.head, chunk]) : chunk;
    const framing = detectFraming(buf);
    if (framing === undefined) {
      this.head = buf;
      return;
    }
    this.head = null;
    this.start(framing).write(buf, out);
  }

  end(out: Frame[]): void {
    if (!this.inner && this.head) this.start('newline').write(this.head, out);
    this.head = null;
    this.inner?.end(out);
  }

  private start(framing: Framing): FrameDecoder {
    this.detected = framing;
    this.inner = createFrameDecoder(framing, this.options);
    return this.inner;
  }
}
