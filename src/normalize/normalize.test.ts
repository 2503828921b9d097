import { describe, expect, it } from 'vitest';
import { Tags } from '../core/event.js';
import { tenantId } from '../core/ids.js';
import type { RawMessage } from '../core/raw-message.js';
import type { ParseContext } from '../parsers/types.js';
import { normalize } from './normalize.js';

const receivedAt = Date.UTC(2025, 10, 28, 18);
const ctx: ParseContext = { receivedAt, timeZone: 'UTC' };
const tenant = tenantId('acme');
const raw = (text: string, extra: Partial<RawMessage> = {}): RawMessage => ({
  tenant,
  input: 'syslog',
  receivedAt,
  text,
  ...extra,
});

describe('normalize', () => {
  it('builds an Event from a syslog line with its time, fields, raw text and input', () => {
    const line =
      '<38>Nov 28 17:00:00 web01 sshd[42]: Failed password for root from 203.0.113.5 port 4242 ssh2';
    const e = normalize(raw(line), ctx);
    expect(e.tenant).toBe('acme');
    expect(e.input).toBe('syslog');
    expect(e.receivedAt).toBe(receivedAt);
    expect(new Date(e.time).toISOString()).toBe('2025-11-28T17:00:00.000Z');
    expect(e.raw).toBe(line);
    expect(e.fields['host.hostname']).toBe('web01');
    expect(e.fields['message']).toBe('Failed password for root from 203.0.113.5 port 4242 ssh2');
    expect(e.tags).toBeUndefined();
    expect(e.id).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('files an event whose own time is days ahead or before 1990 at its time of receipt, keeping the original', () => {
    const future = normalize(
      raw('{"@timestamp":"2099-01-01T00:00:00Z","message":"clock from the future"}'),
      ctx,
    );
    expect(future.time).toBe(receivedAt);
    expect(future.tags).toContain('time_out_of_range');
    expect(future.fields['yagura.original_time']).toBe('2099-01-01T00:00:00.000Z');
    const ancient = normalize(raw('{"@timestamp":"1970-01-02T00:00:00Z","message":"epoch zero"}'), ctx);
    expect([ancient.time, ancient.tags]).toEqual([receivedAt, ['time_out_of_range']]);
    const skewed = normalize(raw(`{"@timestamp":"${new Date(receivedAt + 3_600_000).toISOString()}"}`), ctx);
    expect([skewed.time, skewed.tags]).toEqual([receivedAt + 3_600_000, undefined]);
  });

  it('routes well-known Linux programs to a linux logsource and leaves others empty', () => {
    expect(normalize(raw('<38>Nov 28 17:00:00 web01 sshd[42]: x'), ctx).logsource).toEqual({
      product: 'linux',
      service: 'sshd',
    });
    expect(normalize(raw('<85>Nov 28 17:00:00 web01 sudo: x'), ctx).logsource).toEqual({
      product: 'linux',
      service: 'sudo',
    });
    expect(normalize(raw('<134>Nov 28 17:00:00 fw01 fortigate: a=1 b=2'), ctx).logsource).toEqual({});
  });

  it('keeps text no parser understands as the message, tagged parse_error', () => {
    const e = normalize(raw('just words'), ctx);
    expect(e.fields).toEqual({ message: 'just words' });
    expect(e.raw).toBe('just words');
    expect(e.tags).toEqual([Tags.parseError, Tags.timeFromReceipt]);
    expect(e.time).toBe(receivedAt);
  });

  it('never throws on binary garbage, lone surrogates or control characters', () => {
    const samples = [
      '\u0000\u0001\u0002\uFFFD\uD800<\u0007>\u001b[31m',
      '<13>\uD800\uDFFF\u0000',
      '{"a":\u0000}',
      'CEF:0|\\|\\|\\',
      'LEEF:2.0|a|b|c|d|xZZ|',
      '<13>1 \u0000',
      '=\u0000=\u0000=',
    ];
    let seed = 7;
    for (let i = 0; i < 200; i++) {
      let s = '';
      for (let j = 0; j < 64; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        s += String.fromCharCode(seed % 0x3000);
      }
      samples.push(s);
    }
    for (const s of samples) {
      const e = normalize(raw(s), ctx);
      expect(e.raw).toBe(s);
    }
  });

  it('handles a 1 MB line without truncating or throwing', () => {
    const big = '<13>Nov 28 17:00:00 h app: ' + 'x'.repeat(1 << 20);
    const e = normalize(raw(big), ctx);
    expect((e.fields['message'] as string).length).toBe(1 << 20);
    const bigKv = Array.from({ length: 50_000 }, (_, i) => `k${i}=v${i}`).join(' ');
    expect(normalize(raw(bigKv), ctx).fields['kv.k49999']).toBe('v49999');
  });

  it('flattens an already-decoded object without parsing the text again', () => {
    const e = normalize(
      raw('this text is not JSON', {
        input: 'http',
        object: { '@timestamp': '2025-11-28T10:00:00Z', user: { name: 'joe' } },
      }),
      ctx,
    );
    expect(e.fields).toEqual({ 'user.name': 'joe', 'event.kind': 'event', 'related.user': ['joe'] });
    expect(new Date(e.time).toISOString()).toBe('2025-11-28T10:00:00.000Z');
    expect(e.raw).toBe('this text is not JSON');
    expect(e.tags).toBeUndefined();
  });

  it('lets parsed fields win over input fields, except input.*, labels.* and log.source.*', () => {
    const e = normalize(
      raw('<13>Nov 28 17:00:00 parsed-host app: x', {
        fields: {
          'host.hostname': 'from-input',
          'hec.sourcetype': 'syslog',
          'labels.site': 'tokyo',
          'input.type': 'tcp',
        },
        sourceAddress: '192.0.2.1',
      }),
      ctx,
    );
    expect(e.fields['host.hostname']).toBe('parsed-host');
    expect(e.fields['hec.sourcetype']).toBe('syslog');
    expect(e.fields['labels.site']).toBe('tokyo');
    expect(e.fields['input.type']).toBe('tcp');
    expect(e.fields['log.source.address']).toBe('192.0.2.1');
  });

  it('takes the transport time when the message has none, else the receipt time with a tag', () => {
    const t = Date.UTC(2025, 10, 28, 12);
    expect(normalize(raw('a=1 b=2', { time: t }), ctx).time).toBe(t);
    const e = normalize(raw('a=1 b=2'), ctx);
    expect(e.time).toBe(receivedAt);
    expect(e.tags).toEqual([Tags.timeFromReceipt]);
  });

  it('prefers the message time over the transport time', () => {
    const e = normalize(raw('<13>Nov 28 17:00:00 h app: x', { time: 1 }), ctx);
    expect(new Date(e.time).toISOString()).toBe('2025-11-28T17:00:00.000Z');
  });

  it('carries input tags over and adds parsed tags without duplicates', () => {
    const e = normalize(raw('{"tags":["x","invalid_utf8"],"a":1}', { tags: [Tags.invalidUtf8] }), ctx);
    expect(e.tags).toEqual([Tags.invalidUtf8, 'x', Tags.timeFromReceipt]);
  });

  it('uses a pinned format from the input', () => {
    const e = normalize(raw('{"a":1}', { format: 'kv' }), ctx);
    expect(e.tags).toContain(Tags.parseError);
  });

  it('uses the receipt time of the message, not of the context, to pick a year', () => {
    const jan = Date.UTC(2026, 0, 1, 0, 5);
    const e = normalize(raw('<13>Dec 31 23:59:00 h app: x', { receivedAt: jan }), ctx);
    expect(new Date(e.time).toISOString()).toBe('2025-12-31T23:59:00.000Z');
    expect(e.receivedAt).toBe(jan);
  });

  it('gives an empty message an Event with no raw text', () => {
    const e = normalize(raw(''), ctx);
    expect(e.raw).toBeUndefined();
    expect(e.fields).toEqual({});
    expect(e.tags).toContain(Tags.parseError);
  });
});

describe('normalize with device parsers', () => {
  it('runs device parsers on already-decoded objects too', async () => {
    const { registerDeviceParser } = await import('../parsers/devices/index.js');
    const off = registerDeviceParser({
      name: 'edr-test',
      description: 'test EDR JSON',
      why: 'the JSON says vendor edr',
      match: (r) => r.fields['vendor'] === 'edr',
      normalize: (r) => ({ ...r, logsource: { product: 'edr', category: 'process_creation' } }),
    });
    try {
      const e = normalize(raw('', { input: 'http', object: { vendor: 'edr', cmd: 'whoami' } }), ctx);
      expect(e.logsource).toEqual({ product: 'edr', category: 'process_creation' });
      expect(e.fields['cmd']).toBe('whoami');
    } finally {
      off();
    }
  });
});
