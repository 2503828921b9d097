import { describe, expect, it } from 'vitest';
import { tenantId } from '../../core/ids.js';
import { isYaguraError } from '../../core/errors.js';
import { decodeIngestBody, ingestFormatOf } from './ingest-body.js';

const ctx = {
  tenant: tenantId('acme'),
  input: 'http',
  receivedAt: 1_700_000_000_000,
  sourceAddress: '192.0.2.7',
};

describe('ingestFormatOf', () => {
  it('reads the media type and ignores parameters and case', () => {
    expect(ingestFormatOf('application/x-ndjson')).toBe('ndjson');
    expect(ingestFormatOf('Application/JSON; charset=utf-8')).toBe('json');
    expect(ingestFormatOf('text/plain;charset=UTF-8')).toBe('text');
    expect(ingestFormatOf('application/xml')).toBeUndefined();
    expect(ingestFormatOf(undefined)).toBeUndefined();
  });
});

describe('decodeIngestBody', () => {
  it('keeps each NDJSON line as text and its decoded object', () => {
    const r = decodeIngestBody('ndjson', Buffer.from('{"a":1}\r\n{"b":"x"}\n'), ctx);
    expect(r.messages).toEqual([
      { ...ctx, text: '{"a":1}', object: { a: 1 } },
      { ...ctx, text: '{"b":"x"}', object: { b: 'x' } },
    ]);
    expect(r.invalidLines).toEqual([]);
  });

  it('delivers bad NDJSON lines as text and reports their line numbers, counting blank lines', () => {
    const r = decodeIngestBody('ndjson', Buffer.from('{"a":1}\n\nnot json\n42\n{"b":2}\n{"c":'), ctx);
    expect(r.invalidLines).toEqual([3, 4, 6]);
    expect(r.messages.map((m) => [m.text, m.object])).toEqual([
      ['{"a":1}', { a: 1 }],
      ['not json', undefined],
      ['42', undefined],
      ['{"b":2}', { b: 2 }],
      ['{"c":', undefined],
    ]);
  });

  it('takes a single JSON object as one message', () => {
    const r = decodeIngestBody('json', Buffer.from(' {"msg":"hello"}\n'), ctx);
    expect(r.messages).toEqual([{ ...ctx, text: '{"msg":"hello"}', object: { msg: 'hello' } }]);
  });

  it('takes a JSON array: objects keep their original text, strings are raw lines, other values are flagged', () => {
    const r = decodeIngestBody('json', Buffer.from('[{"a": 1},\n "<13>Nov 28 host app: hi", true]'), ctx);
    expect(r.messages.map((m) => [m.text, m.object])).toEqual([
      ['{"a": 1}', { a: 1 }],
      ['<13>Nov 28 host app: hi', undefined],
      ['true', undefined],
    ]);
    expect(r.invalidItems).toEqual([3]);
  });

  it('refuses a JSON body that is not JSON as a whole, saying where', () => {
    let caught: unknown;
    try {
      decodeIngestBody('json', Buffer.from('[{"a":1},\n{"b":}]'), ctx);
    } catch (e) {
      caught = e;
    }
    expect(isYaguraError(caught) && caught.code).toBe('BODY_INVALID_JSON');
    expect(isYaguraError(caught) && caught.details?.location).toMatchObject({ line: 2, column: 1 });
    expect(() => decodeIngestBody('json', Buffer.from('"just a string"'), ctx)).toThrow(
      /JSON object or an array/,
    );
    expect(() => decodeIngestBody('json', Buffer.from('  '), ctx)).toThrow(/empty/);
  });

  it('takes each non-blank text line as one raw message', () => {
    const r = decodeIngestBody('text', Buffer.from('first line\r\n\n  \nsecond {line}\n'), ctx);
    expect(r.messages.map((m) => m.text)).toEqual(['first line', 'second {line}']);
    expect(r.messages[0]?.object).toBeUndefined();
  });

  it('replaces invalid UTF-8 and tags only the lines that had it', () => {
    const body = Buffer.concat([
      Buffer.from('ok line\nbad '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' line\n'),
    ]);
    const r = decodeIngestBody('text', body, ctx);
    expect(r.messages.map((m) => [m.text, m.tags])).toEqual([
      ['ok line', undefined],
      ['bad \uFFFD\uFFFD line', ['invalid_utf8']],
    ]);
  });
});
