import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpInputConfigSchema } from '../../inputs/http/config.js';
import { ArraySink, testApp } from '../test-support.js';

const TOKEN = '7f3b1c2e-0d4a-4b6e-9a51-2c8d7e6f1a30';
const TOKEN_GLOBEX = 'b2f0c9d8-1e2a-4c3b-8d7e-6f5a4b3c2d1e';

const sink = new ArraySink(1_000);
const http = httpInputConfigSchema.parse({
  hec: {
    tokens: [
      { token: TOKEN, tenant: 'acme', name: 'vector' },
      { token: TOKEN_GLOBEX, tenant: 'globex' },
    ],
  },
});
const { app } = testApp({ sink, config: { http, bodyLimitBytes: 64 * 1024 } });
let base = '';
let port = 0;

beforeAll(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  agent.destroy();
  await app.close();
});
beforeEach(() => {
  sink.messages.length = 0;
  sink.capacity = 1_000;
  sink.closing = false;
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** A plain node:http client on a keep-alive agent, as Fluent Bit and Vector hold connections open. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function post(path: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const auth = { authorization: `Splunk ${TOKEN}` };

describe('Splunk HEC endpoints on a listening server', () => {
  it('takes concatenated envelopes without newlines, as Vector sends them', async () => {
    const body =
      '{"event":"first","time":1700000000.25,"host":"h1"}{"event":{"k":"v"},"sourcetype":"json","fields":{"env":"prod"}}';
    const res = await post('/services/collector/event', body, auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ text: 'Success', code: 0 });
    expect(sink.messages.map((m) => [m.tenant, m.input, m.text, m.time, m.fields])).toEqual([
      ['acme', 'hec', 'first', 1700000000250, { 'host.name': 'h1', 'hec.token_name': 'vector' }],
      [
        'acme',
        'hec',
        '{"k":"v"}',
        undefined,
        { 'labels.env': 'prod', 'hec.sourcetype': 'json', 'hec.token_name': 'vector' },
      ],
    ]);
    expect(sink.messages[1]?.object).toEqual({ k: 'v' });
  });

  it('takes a gzip body on /services/collector, as Fluent Bit and the OTel collector send it', async () => {
    const lines = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ event: `line ${i}`, source: '/var/log/app.log' }),
    );
    const res = await post('/services/collector', gzipSync(lines.join('\n')), {
      authorization: `Splunk ${TOKEN_GLOBEX}`,
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(sink.messages).toHaveLength(200);
    expect(sink.messages[199]).toMatchObject({
      tenant: 'globex',
      text: 'line 199',
      fields: { 'log.file.path': '/var/log/app.log' },
    });
  });

  it('also answers on /services/collector/event/1.0', async () => {
    const res = await post('/services/collector/event/1.0', '{"event":"x"}', auth);
    expect(res.body).toEqual({ text: 'Success', code: 0 });
  });

  it('takes raw lines with the channel from the header and metadata from the query string', async () => {
    const res = await post(
      '/services/collector/raw?sourcetype=syslog&host=fw1&index=net',
      '<13>Nov 28 fw1 a\n<13>Nov 28 fw1 b\n',
      {
        ...auth,
        'x-splunk-request-channel': '0aeeac95-ac74-4aa9-b30d-6c4c0ac581ba',
        'content-type': 'text/plain',
      },
    );
    expect(res.status).toBe(200);
    expect(sink.messages.map((m) => [m.text, m.fields])).toEqual(
      ['<13>Nov 28 fw1 a', '<13>Nov 28 fw1 b'].map((text) => [
        text,
        {
          'host.name': 'fw1',
          'hec.sourcetype': 'syslog',
          'hec.index': 'net',
          'hec.channel': '0aeeac95-ac74-4aa9-b30d-6c4c0ac581ba',
          'hec.token_name': 'vector',
        },
      ]),
    );
  });

  it('takes the channel from ?channel= on the raw endpoint', async () => {
    await post('/services/collector/raw?channel=abc', 'one line', auth);
    expect(sink.messages[0]?.fields?.['hec.channel']).toBe('abc');
  });

  it('answers 401 code 2 without a token, 401 code 3 for another scheme, 403 code 4 for an unknown token', async () => {
    const none = await post('/services/collector/event', '{"event":"x"}');
    expect([none.status, none.body]).toEqual([401, { text: 'Token is required', code: 2 }]);
    const basic = await post('/services/collector/event', '{"event":"x"}', {
      authorization: 'Basic dXNlcjpwYXNz',
    });
    expect([basic.status, basic.body]).toEqual([401, { text: 'Invalid authorization', code: 3 }]);
    const wrong = await post('/services/collector/event', '{"event":"x"}', {
      authorization: 'Splunk 00000000-0000-0000-0000-000000000000',
    });
    expect([wrong.status, wrong.body]).toEqual([403, { text: 'Invalid token', code: 4 }]);
    expect(sink.messages).toEqual([]);
  });

  it('answers 400 code 6 with the invalid event number and queues none of the batch', async () => {
    const res = await post('/services/collector/event', '{"event":"a"}{"event":"b"}{"event":"c",', auth);
    expect([res.status, res.body]).toEqual([
      400,
      { text: 'Invalid data format', code: 6, 'invalid-event-number': 2 },
    ]);
    expect(sink.messages).toEqual([]);
  });

  it('answers 400 code 5 for an empty body', async () => {
    const res = await post('/services/collector/event', '', auth);
    expect([res.status, res.body]).toEqual([400, { text: 'No data', code: 5 }]);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await post('/services/collector/event', JSON.stringify({ event: 'x'.repeat(100_000) }), auth);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ text: 'Content too large' });
  });

  it('answers 503 code 9 with Retry-After when the queue is full, and the health check says so', async () => {
    sink.capacity = 0;
    const res = await post('/services/collector/event', '{"event":"x"}', auth);
    expect([res.status, res.body, res.headers['retry-after']]).toEqual([
      503,
      { text: 'Server is busy', code: 9 },
      '1',
    ]);
    const health = await fetch(`${base}/services/collector/health`);
    expect(health.status).toBe(503);
    sink.capacity = 1_000;
    const ok = await fetch(`${base}/services/collector/health/1.0`);
    expect([ok.status, await ok.json()]).toEqual([200, { text: 'HEC is healthy', code: 17 }]);
  });

  it('answers 503 before the body arrives when the queue is full', async () => {
    sink.capacity = 0;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(
          `POST /services/collector/event HTTP/1.1\r\nHost: x\r\nAuthorization: Splunk ${TOKEN}\r\nContent-Length: 50000\r\n\r\n`,
        ),
      );
      let data = '';
      socket.on('data', (c: Buffer) => {
        data += c.toString('utf8');
        if (data.includes('"code":9')) {
          socket.destroy();
          resolve(data);
        }
      });
      socket.on('error', reject);
      setTimeout(
        () => reject(new Error(`no answer before the body; got ${JSON.stringify(data)}`)),
        5000,
      ).unref();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 503/);
  });
});
