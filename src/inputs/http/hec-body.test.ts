import { describe, expect, it } from 'vitest';
import { tenantId } from '../../core/ids.js';
import { decodeHecEvents, decodeHecRaw, HecError } from './hec-body.js';

const ctx = { tenant: tenantId('acme'), input: 'hec', receivedAt: 1_700_000_000_000 };

function hecError(fn: () => unknown): ReturnType<HecError['body']> {
  try {
    fn();
  } catch (e) {
    if (e instanceof HecError) return e.body();
    throw e;
  }
  throw new Error('expected a HecError');
}

describe('decodeHecEvents', () => {
  it('maps the envelope: host to host.name, Splunk words under hec.*, fields under labels.*', () => {
    const body = JSON.stringify({
      time: 1700000000.123,
      host: 'web-1',
      source: '/var/log/nginx/access.log',
      sourcetype: 'nginx:access',
      index: 'web',
      event: 'GET / 200',
      fields: { env: 'prod', zone: ['a', 'b'], shard: 3 },
    });
    const [m] = decodeHecEvents(Buffer.from(body), ctx, { channel: 'c-1', tokenName: 'fluent-bit' });
    expect(m).toEqual({
      ...ctx,
      text: 'GET / 200',
      time: 1700000000123,
      fields: {
        'host.name': 'web-1',
        'hec.source': '/var/log/nginx/access.log',
        'log.file.path': '/var/log/nginx/access.log',
        'hec.sourcetype': 'nginx:access',
        'hec.index': 'web',
        'hec.channel': 'c-1',
        'hec.token_name': 'fluent-bit',
        'labels.env': 'prod',
        'labels.zone': ['a', 'b'],
        'labels.shard': 3,
      },
    });
  });

  it('keeps a source that is not a path out of log.file.path', () => {
    const [m] = decodeHecEvents(Buffer.from('{"event":"x","source":"http:app"}'), ctx);
    expect(m?.fields).toEqual({ 'hec.source': 'http:app' });
  });

  it('reads concatenated envelopes and takes time given as a string of seconds', () => {
    const messages = decodeHecEvents(
      Buffer.from('{"event":"a","time":"1700000000"}{"event":"b"}\n{"event":"c"}'),
      ctx,
    );
    expect(messages.map((m) => [m.text, m.time])).toEqual([
      ['a', 1700000000000],
      ['b', undefined],
      ['c', undefined],
    ]);
  });

  it('passes an object event decoded, with its JSON as text', () => {
    const [m] = decodeHecEvents(Buffer.from('{"event":{"user":"bob","action":"login"}}'), ctx);
    expect(m?.object).toEqual({ user: 'bob', action: 'login' });
    expect(JSON.parse(m?.text ?? '')).toEqual({ user: 'bob', action: 'login' });
  });

  it('lets query-string defaults give way to the envelope', () => {
    const [m] = decodeHecEvents(Buffer.from('{"event":"x","host":"inner"}'), ctx, {
      host: 'outer',
      sourcetype: 'st',
    });
    expect(m?.fields).toMatchObject({ 'host.name': 'inner', 'hec.sourcetype': 'st' });
  });

  it('answers as Splunk does, naming the 0-based event that failed', () => {
    expect(hecError(() => decodeHecEvents(Buffer.from(''), ctx))).toEqual({ text: 'No data', code: 5 });
    expect(hecError(() => decodeHecEvents(Buffer.from('{"event":"a"}{"time":1}'), ctx))).toEqual({
      text: 'Event field is required',
      code: 12,
      'invalid-event-number': 1,
    });
    expect(hecError(() => decodeHecEvents(Buffer.from('{"event":"a"}{"event":""}'), ctx))).toMatchObject({
      code: 13,
      'invalid-event-number': 1,
    });
    expect(hecError(() => decodeHecEvents(Buffer.from('{"event":"a"}{"event":"b",}'), ctx))).toEqual({
      text: 'Invalid data format',
      code: 6,
      'invalid-event-number': 1,
    });
    expect(
      hecError(() => decodeHecEvents(Buffer.from('{"event":"a","time":"yesterday"}'), ctx)),
    ).toMatchObject({
      code: 6,
      'invalid-event-number': 0,
    });
    expect(
      hecError(() => decodeHecEvents(Buffer.from('{"event":"a","fields":{"x":{"y":1}}}'), ctx)),
    ).toMatchObject({
      code: 15,
      'invalid-event-number': 0,
    });
    expect(hecError(() => decodeHecEvents(Buffer.from('["event"]'), ctx))).toMatchObject({ code: 6 });
  });
});

describe('decodeHecRaw', () => {
  it('makes one message per line, each with the request metadata', () => {
    const messages = decodeHecRaw(Buffer.from('line one\r\nline two\n\n'), ctx, {
      channel: 'ch',
      sourcetype: 'syslog',
    });
    expect(messages).toEqual([
      { ...ctx, text: 'line one', fields: { 'hec.channel': 'ch', 'hec.sourcetype': 'syslog' } },
      { ...ctx, text: 'line two', fields: { 'hec.channel': 'ch', 'hec.sourcetype': 'syslog' } },
    ]);
  });

  it('answers "No data" for a blank body', () => {
    expect(hecError(() => decodeHecRaw(Buffer.from('\n\n'), ctx))).toEqual({ text: 'No data', code: 5 });
  });
});
