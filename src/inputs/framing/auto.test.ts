import { describe, expect, it } from 'vitest';
import { AutoDecoder, detectFraming } from './auto.js';
import type { Frame } from './frame.js';

describe('detectFraming', () => {
  it('detects octet counting from "digits SP <"', () => {
    expect(detectFraming(Buffer.from('57 <13>1 2024'))).toBe('octet-counting');
  });

  it('detects newline framing for a syslog line and for a line starting with a number', () => {
    expect(detectFraming(Buffer.from('<13>Jan  1 host app: hi'))).toBe('newline');
    expect(detectFraming(Buffer.from('2024-01-01 event'))).toBe('newline');
    expect(detectFraming(Buffer.from('42 is the answer'))).toBe('newline');
  });

  it('asks for more bytes while the start is ambiguous', () => {
    expect(detectFraming(Buffer.from('5'))).toBeUndefined();
    expect(detectFraming(Buffer.from('57 '))).toBeUndefined();
  });
});

describe('AutoDecoder', () => {
  function run(chunks: string[]): { texts: string[]; decoder: AutoDecoder } {
    const decoder = new AutoDecoder({ maxMessageSize: 1024 });
    const out: Frame[] = [];
    for (const c of chunks) decoder.write(Buffer.from(c), out);
    decoder.end(out);
    return { texts: out.map((f) => f.data.toString()), decoder };
  }

  it('decodes an octet-counted stream whose header arrives byte by byte', () => {
    const { texts, decoder } = run(['9', ' ', '<13>hel', 'lo8 <13>next']);
    expect(texts).toEqual(['<13>hello', '<13>next']);
    expect(decoder.framing).toBe('octet-counting');
  });

  it('decodes a newline stream including NUL-terminated and CRLF frames', () => {
    const { texts, decoder } = run(['<13>a\0<13>b\r\n<13>c\n']);
    expect(texts).toEqual(['<13>a', '<13>b', '<13>c']);
    expect(decoder.framing).toBe('newline');
  });

  it('delivers a stream shorter than the detection window', () => {
    expect(run(['12']).texts).toEqual(['12']);
  });
});
