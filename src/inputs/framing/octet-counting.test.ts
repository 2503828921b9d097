import { describe, expect, it } from 'vitest';
import type { Frame, FramingErrorReason } from './frame.js';
import { OctetCountingDecoder } from './octet-counting.js';

function frame(msg: string): string {
  return `${Buffer.byteLength(msg)} ${msg}`;
}

function decode(chunks: (string | Buffer)[], max = 1024) {
  const errors: { reason: FramingErrorReason; detail: string }[] = [];
  const decoder = new OctetCountingDecoder({
    maxMessageSize: max,
    onFramingError: (reason, detail) => errors.push({ reason, detail }),
  });
  const out: Frame[] = [];
  for (const c of chunks) decoder.write(typeof c === 'string' ? Buffer.from(c) : c, out);
  decoder.end(out);
  return { frames: out, texts: out.map((f) => f.data.toString()), errors, decoder };
}

describe('OctetCountingDecoder', () => {
  it('decodes back-to-back frames in one chunk, newlines inside messages kept', () => {
    const { texts, errors } = decode([frame('<13>a') + frame('<13>multi\nline') + frame('<14>c')]);
    expect(texts).toEqual(['<13>a', '<13>multi\nline', '<14>c']);
    expect(errors).toEqual([]);
  });

  it('reassembles frames fed one byte at a time', () => {
    const bytes = Buffer.from(frame('<13>hello') + frame('<14>wörld'));
    const { texts } = decode([...bytes].map((b) => Buffer.from([b])));
    expect(texts).toEqual(['<13>hello', '<14>wörld']);
  });

  it('counts bytes, not characters', () => {
    const msg = '<13>日本語のログ';
    expect(decode([frame(msg)]).texts).toEqual([msg]);
  });

  it('ignores newlines senders put between frames', () => {
    expect(decode([`${frame('<13>a')}\n${frame('<13>b')}\r\n`]).texts).toEqual(['<13>a', '<13>b']);
  });

  it('cuts a frame whose count is over the limit and stays in step for the next frame', () => {
    const big = `<13>${'x'.repeat(5000)}`;
    const { frames, errors } = decode(
      [frame(big).slice(0, 3000), frame(big).slice(3000) + frame('<13>next')],
      1000,
    );
    expect(frames.map((f) => [f.data.length, f.truncated])).toEqual([
      [1000, true],
      [8, false],
    ]);
    expect(frames[1]?.data.toString()).toBe('<13>next');
    expect(errors).toEqual([]);
  });

  it('falls back to newline framing after a count that is too small, keeping the bytes', () => {
    // The count says 8 but the message is longer: the next "header" is the middle of the message.
    const { texts, frames, errors, decoder } = decode(['8 <13>abcdefgh rest of message\n<14>later\n']);
    expect(texts).toEqual(['<13>abcd', 'efgh rest of message', '<14>later']);
    expect(frames.map((f) => f.framingError)).toEqual([false, true, false]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.reason).toBe('octet_count_malformed');
    expect(decoder.resynced).toBe(true);
  });

  it('notices a count that is too large when the next frame does not start with "<"', () => {
    const { texts, errors } = decode(['12 <13>abc', ' 9 <14>def', 'g\n']);
    // The first frame swallowed the next header; the next length field reads "def".
    expect(texts[0]).toBe('<13>abc 9 <1');
    expect(texts.slice(1)).toEqual(['4>defg']);
    expect(errors).toHaveLength(1);
  });

  it('treats non-digits where a length belongs as a framing error', () => {
    const { texts, errors } = decode(['abc def\nghi\n']);
    expect(texts).toEqual(['abc def', 'ghi']);
    expect(errors[0]?.detail).toContain('0x61');
  });

  it('treats a length of more than 10 digits as a framing error', () => {
    const { texts, errors } = decode(['123456789012 <13>x\n']);
    expect(texts).toEqual(['123456789012 <13>x']);
    expect(errors).toHaveLength(1);
  });

  it('delivers a frame cut short by the end of the stream as truncated', () => {
    const { frames } = decode(['20 <13>only part']);
    expect(frames.map((f) => [f.data.toString(), f.truncated])).toEqual([['<13>only part', true]]);
  });
});
