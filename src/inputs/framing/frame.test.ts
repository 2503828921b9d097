import { describe, expect, it } from 'vitest';
import { frameText, trimLineEnd, utf8CutPoint } from './frame.js';

describe('frameText', () => {
  it('decodes valid UTF-8 without the invalid flag, even with a real U+FFFD in it', () => {
    expect(frameText(Buffer.from('héllo'))).toEqual({ text: 'héllo', invalidUtf8: false });
    expect(frameText(Buffer.from('a\uFFFDb'))).toEqual({ text: 'a\uFFFDb', invalidUtf8: false });
  });

  it('replaces invalid bytes and flags them', () => {
    const { text, invalidUtf8 } = frameText(Buffer.from([0x61, 0xff, 0xfe, 0x62]));
    expect(invalidUtf8).toBe(true);
    expect(text).toBe('a\uFFFD\uFFFDb');
  });
});

describe('utf8CutPoint', () => {
  it('steps back to the start of a character that straddles the limit', () => {
    const buf = Buffer.from('ab日'); // 日 is 3 bytes at offsets 2..4
    expect(utf8CutPoint(buf, 3)).toBe(2);
    expect(utf8CutPoint(buf, 4)).toBe(2);
    expect(utf8CutPoint(buf, 2)).toBe(2);
  });

  it('cuts binary data at the limit', () => {
    expect(utf8CutPoint(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80]), 5)).toBe(5);
  });
});

describe('trimLineEnd', () => {
  it('removes trailing CR, LF and NUL only', () => {
    expect(trimLineEnd(Buffer.from('a b\r\n\0'))).toBe(3);
    expect(trimLineEnd(Buffer.from('\r\n'))).toBe(0);
  });
});
