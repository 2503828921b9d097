import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_PARSE_ERROR_TAG, parseText } from './detect.js';
import { registerDeviceParser, type DeviceParser } from './devices/index.js';
import type { ParseContext } from './types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };

describe('format detection', () => {
  it('tries JSON first for text starting with "{"', () => {
    expect(parseText('{"a":{"b":1}}', ctx).record?.format).toBe('json');
  });

  it('tells RFC 5424 from RFC 3164 by the version after the PRI', () => {
    expect(parseText('<13>1 2025-11-28T10:00:00Z h a - - - x', ctx).record?.format).toBe('rfc5424');
    expect(parseText('<13>Nov 28 10:00:00 h a: x', ctx).record?.format).toBe('rfc3164');
  });

  it('gives syslog header fields plus CEF fields for CEF over syslog', () => {
    const { record } = parseText(
      '<134>Nov 28 10:00:00 fw CEF:0|Vendor|Prod|1.0|100|Blocked|5|src=10.0.0.1 dpt=443 msg=denied',
      ctx,
    );
    expect(record?.format).toBe('rfc3164+cef');
    expect(record?.fields).toMatchObject({
      'log.syslog.priority': 134,
      'host.hostname': 'fw',
      'observer.vendor': 'Vendor',
      'source.ip': '10.0.0.1',
      'destination.port': 443,
      message: 'denied',
    });
  });

  it('reads key=value pairs in a syslog message and keeps the message text', () => {
    const { record } = parseText(
      '<189>Nov 28 10:00:00 fw01 fortigate: date=2025-11-28 srcip=10.0.0.1 action="accept"',
      ctx,
    );
    expect(record?.format).toBe('rfc3164+kv');
    expect(record?.fields['kv.srcip']).toBe('10.0.0.1');
    expect(record?.fields['kv.action']).toBe('accept');
    expect(record?.fields['message']).toBe('date=2025-11-28 srcip=10.0.0.1 action="accept"');
  });

  it('reads JSON and LEEF payloads behind syslog headers', () => {
    const j = parseText(
      '<13>1 2025-11-28T10:00:00Z h app - - - {"user":{"name":"joe"},"@timestamp":"2025-11-28T09:00:00Z"}',
      ctx,
    ).record;
    expect(j?.format).toBe('rfc5424+json');
    expect(j?.fields['user.name']).toBe('joe');
    expect(new Date(j?.time ?? 0).toISOString()).toBe('2025-11-28T09:00:00.000Z');
    const l = parseText('<13>Nov 28 10:00:00 h LEEF:1.0|V|P|1|E|src=1.1.1.1\tdst=2.2.2.2', ctx).record;
    expect(l?.format).toBe('rfc3164+leef');
    expect(l?.fields['destination.ip']).toBe('2.2.2.2');
  });

  it('reads bare CEF, LEEF and key=value lines', () => {
    expect(parseText('CEF:0|V|P|1|2|n|5|src=1.2.3.4', ctx).record?.format).toBe('cef');
    expect(parseText('LEEF:1.0|V|P|1|E|src=1.1.1.1', ctx).record?.format).toBe('leef');
    expect(parseText('a=1 b=2', ctx).record?.format).toBe('kv');
  });

  it('returns no record for text nothing understands, or a broken JSON object', () => {
    expect(parseText('hello world', ctx).record).toBeNull();
    expect(parseText('{"a": 1, "b=2 c=3', ctx).record).toBeNull();
  });

  it('explains which parser matched and why when asked', () => {
    const out = parseText('<134>Nov 28 10:00:00 fw CEF:0|V|P|1|2|n|5|src=1.2.3.4', ctx, { explain: true });
    expect(out.explanation[0]).toMatch(/^rfc3164: it starts with "<PRI>"/);
    expect(out.explanation[1]).toMatch(/^cef: the message after the rfc3164 header parsed as cef/);
    expect(parseText('hello', ctx, { explain: true }).explanation).toEqual([
      'no format parser understood the text; the device parsers look at it as plain text.',
      'no device parser knows the text either.',
    ]);
    expect(parseText('a=1 b=2', ctx).explanation).toEqual([]);
  });

  it('uses a pinned parser, also for a payload format behind a syslog header', () => {
    expect(parseText('a=1 b=2', ctx, { format: 'kv' }).record?.format).toBe('kv');
    expect(parseText('<13>Nov 28 10:00:00 h app: a=1 b=2', ctx, { format: 'kv' }).record?.format).toBe(
      'rfc3164+kv',
    );
    expect(parseText('{"a":1}', ctx, { format: 'kv' }).record).toBeNull();
  });

  it('explains an unknown pinned format instead of throwing', () => {
    const out = parseText('a=1 b=2', ctx, { format: 'nope', explain: true });
    expect(out.record).toBeNull();
    expect(out.explanation[0]).toMatch(/format "nope" is not a known parser/);
  });
});

describe('device parsers', () => {
  let unregister: Array<() => void> = [];
  afterEach(() => {
    for (const u of unregister) u();
    unregister = [];
  });

  const acme: DeviceParser = {
    name: 'acme-fw',
    description: 'Acme firewall key=value over syslog (test device)',
    why: 'the syslog program is acmefw',
    match: (record) => record.fields['process.name'] === 'acmefw',
    normalize: (record) => {
      const f = record.fields;
      if (typeof f['kv.src'] === 'string') f['source.ip'] = f['kv.src'];
      f['observer.vendor'] = 'Acme';
      return { ...record, logsource: { product: 'acme', category: 'firewall' } };
    },
  };

  it('runs a matching device parser after the generic parse', () => {
    unregister.push(registerDeviceParser(acme));
    const out = parseText('<13>Nov 28 10:00:00 fw1 acmefw: src=10.1.1.1 act=drop', ctx, { explain: true });
    expect(out.record?.fields['source.ip']).toBe('10.1.1.1');
    expect(out.record?.fields['observer.vendor']).toBe('Acme');
    expect(out.record?.logsource).toEqual({ product: 'acme', category: 'firewall' });
    expect(out.explanation.at(-1)).toBe(
      'device acme-fw: matched because the syslog program is acmefw; fields refined.',
    );
    expect(out.record?.format).toBe('rfc3164+kv+acme-fw');
  });

  it('offers a line no format parser understood to the device parsers as plain text', () => {
    unregister.push(
      registerDeviceParser({
        name: 'acme-proxy',
        description: 'Acme proxy access log (test device)',
        why: 'the line starts with ACMEPROXY',
        match: (record) =>
          record.format === 'text' && String(record.fields['message']).startsWith('ACMEPROXY '),
        normalize: (record) => ({ ...record, fields: { ...record.fields, 'url.original': 'http://x/' } }),
      }),
    );
    const out = parseText('ACMEPROXY GET http://x/', ctx);
    expect(out.record?.format).toBe('text+acme-proxy');
    expect(out.record?.fields['url.original']).toBe('http://x/');
    expect(parseText('OTHERPROXY GET http://x/', ctx).record).toBeNull();
  });

  it('runs only the pinned device parser, without asking it to match', () => {
    unregister.push(registerDeviceParser(acme));
    const out = parseText('<13>Nov 28 10:00:00 fw1 other: src=10.1.1.1', ctx, {
      format: 'acme-fw',
      explain: true,
    });
    expect(out.record?.fields['observer.vendor']).toBe('Acme');
    expect(out.explanation.at(-1)).toBe('device acme-fw: pinned by the input; fields refined.');
  });

  it('leaves records it does not match alone', () => {
    unregister.push(registerDeviceParser(acme));
    const out = parseText('<13>Nov 28 10:00:00 fw1 other: src=10.1.1.1 act=drop', ctx);
    expect(out.record?.fields['source.ip']).toBeUndefined();
  });

  it('keeps the generic record and tags it when a device parser throws', () => {
    unregister.push(
      registerDeviceParser({
        name: 'broken',
        description: 'always throws',
        why: 'it matches everything',
        match: () => true,
        normalize: () => {
          throw new Error('boom');
        },
      }),
    );
    const out = parseText('a=1 b=2', ctx);
    expect(out.record?.fields['kv.a']).toBe('1');
    expect(out.record?.tags).toEqual([DEVICE_PARSE_ERROR_TAG]);
  });

  it('stops running a device parser once it is unregistered', () => {
    registerDeviceParser(acme)();
    expect(
      parseText('<13>Nov 28 10:00:00 fw1 acmefw: src=10.1.1.1 act=drop', ctx).record?.fields[
        'observer.vendor'
      ],
    ).toBeUndefined();
  });
});
