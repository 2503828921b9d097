import { describe, expect, it } from 'vitest';
import type { Frame } from './frame.js';
import { NewlineDecoder } from './newline.js';

function decode(chunks: (string | Buffer)[], max = 1024, splitOnNul = true): Frame[] {
  const decoder = new NewlineDecoder({ maxMessageSize: max, splitOnNul });
  const out: Frame[] = [];
  for (const c of chunks) decoder.write(typeof c === 'string' ? Buffer.from(c) : c, out);
  decoder.end(out);
  return out;
}
const texts = (frames: Frame[]): string[] => frames.map((f) => f.data.toString());

describe('NewlineDecoder', () => {
  it('splits many lines arriving in one chunk', () => {
    expect(texts(decode(['a\nbb\nccc\n']))).toEqual(['a', 'bb', 'ccc']);
  });

  it('joins a line split across chunks', () => {
    expect(texts(decode(['hel', 'lo wo', 'rld\nnext', '\n']))).toEqual(['hello world', 'next']);
  });

  it('reassembles frames fed one byte at a time', () => {
    const bytes = Buffer.from('<13>one\r\n<14>two\n<15>three');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect(texts(decode(chunks))).toEqual(['<13>one', '<14>two', '<15>three']);
  });

  it('strips a trailing CR and skips empty lines', () => {
    expect(texts(decode(['a\r\n\r\n\n\nb\r\n']))).toEqual(['a', 'b']);
  });

  it('ends frames at NUL bytes unless told not to', () => {
    expect(texts(decode(['a\0b\0c\n']))).toEqual(['a', 'b', 'c']);
    expect(texts(decode(['a\0b\n'], 1024, false))).toEqual(['a\0b']);
  });

  it('delivers a last line without newline when the stream ends', () => {
    const frames = decode(['first\nlast without newline']);
    expect(texts(frames)).toEqual(['first', 'last without newline']);
    expect(frames.every((f) => !f.truncated)).toBe(true);
  });

  it('cuts an over-long line at the limit, tags it and skips the rest of that line', () => {
    const long = 'x'.repeat(5000);
    const frames = decode([`${long.slice(0, 700)}`, `${long.slice(700)}\nafter\n`], 1000);
    expect(frames).toHaveLength(2);
    expect(frames[0]?.truncated).toBe(true);
    expect(frames[0]?.data.length).toBe(1000);
    expect(frames[1]?.data.toString()).toBe('after');
    expect(frames[1]?.truncated).toBe(false);
  });

  it('cuts an over-long line that arrived whole in one chunk', () => {
    const frames = decode([`${'y'.repeat(3000)}\nok\n`], 1000);
    expect(frames.map((f) => [f.data.length, f.truncated])).toEqual([
      [1000, true],
      [2, false],
    ]);
  });

  it('keeps a line of exactly the limit whole, CR not counted', () => {
    const frames = decode([`${'z'.repeat(1000)}\r\n`], 1000);
    expect(frames[0]?.data.length).toBe(1000);
    expect(frames[0]?.truncated).toBe(false);
  });

  it('does not split a multi-byte character when cutting', () => {
    // "é" is 2 bytes: 999 ASCII bytes then "é" straddles the 1000-byte limit.
    const frames = decode([`${'a'.repeat(999)}é${'b'.repeat(10)}\n`], 1000);
    expect(frames[0]?.data.length).toBe(999);
    expect(frames[0]?.data.toString()).not.toContain('\uFFFD');
  });

  it('holds memory to the limit while skipping a huge line', () => {
    const decoder = new NewlineDecoder({ maxMessageSize: 100 });
    const out: Frame[] = [];
    for (let i = 0; i < 1000; i++) decoder.write(Buffer.alloc(1000, 0x41), out);
    expect(out).toHaveLength(1);
    decoder.write(Buffer.from('\nnext\n'), out);
    expect(texts(out).slice(1)).toEqual(['next']);
  });
});
