import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryQueue } from '../../bus/memory-queue.js';
import { httpInputConfigSchema } from '../../inputs/http/config.js';
import { ArraySink, testApp } from '../test-support.js';

const NDJSON = { 'content-type': 'application/x-ndjson' };
const TOKEN_ACME = 'acme-token-0123456789';
const TOKEN_GLOBEX = 'globex-token-0123456789';

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

function ingestApp(options: Parameters<typeof testApp>[0] = {}) {
  const t = testApp(options);
  apps.push(t.app);
  return t;
}

/** Sends only the request head over a raw socket and returns what the server answers before any body byte. */
function sendHeadOnly(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      data += chunk;
      if (data.includes('\r\n\r\n') && /"code"/.test(data)) {
        socket.destroy();
        resolve(data);
      }
    });
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer; got ${JSON.stringify(data)}`));
    }, 5000);
  });
}

describe('POST /api/ingest', () => {
  it('queues NDJSON lines, keeping bad lines as text and listing their numbers', async () => {
    const { app, sink } = ingestApp({ now: () => 1_700_000_000_000 });
    const res = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: '{"a":1}\nnot json\n{"b":2}\n',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 3, invalidLines: [2], invalidItems: [] });
    expect(sink.messages.map((m) => [m.tenant, m.input, m.text, m.object, m.receivedAt])).toEqual([
      ['acme', 'http', '{"a":1}', { a: 1 }, 1_700_000_000_000],
      ['acme', 'http', 'not json', undefined, 1_700_000_000_000],
      ['acme', 'http', '{"b":2}', { b: 2 }, 1_700_000_000_000],
    ]);
  });

  it('queues a JSON array and a single JSON object', async () => {
    const { app, sink } = ingestApp();
    const arr = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      payload: [{ user: 'a' }, { user: 'b' }],
    });
    expect(arr.json()).toMatchObject({ accepted: 2 });
    const one = await app.inject({ method: 'POST', url: '/api/ingest', payload: { user: 'c' } });
    expect(one.json()).toMatchObject({ accepted: 1 });
    expect(sink.messages.map((m) => m.object)).toEqual([{ user: 'a' }, { user: 'b' }, { user: 'c' }]);
  });

  it('queues plain text lines as raw messages', async () => {
    const { app, sink } = ingestApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: '<34>Oct 11 22:14:15 mymachine su: failed\nsecond line\n',
    });
    expect(res.json()).toEqual({ accepted: 2, invalidLines: [], invalidItems: [] });
    expect(sink.messages.map((m) => m.text)).toEqual([
      '<34>Oct 11 22:14:15 mymachine su: failed',
      'second line',
    ]);
  });

  it('pins the parser named in ?parser= on every message, and refuses one that does not exist', async () => {
    const { app, sink } = ingestApp();
    const ok = await app.inject({
      method: 'POST',
      url: '/api/ingest?parser=cisco-asa',
      headers: { 'content-type': 'text/plain' },
      payload: 'one\ntwo\n',
    });
    expect(ok.statusCode).toBe(202);
    expect(sink.messages.map((m) => m.format)).toEqual(['cisco-asa', 'cisco-asa']);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/ingest?parser=nope',
      headers: { 'content-type': 'text/plain' },
      payload: 'one\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^parser: "nope" is not a parser \(known: /);
    expect(sink.messages).toHaveLength(2);
  });

  it('decompresses a gzip body', async () => {
    const { app, sink } = ingestApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { ...NDJSON, 'content-encoding': 'gzip' },
      payload: gzipSync('{"z":1}\n{"z":2}\n'),
    });
    expect(res.statusCode).toBe(202);
    expect(sink.messages.map((m) => m.object)).toEqual([{ z: 1 }, { z: 2 }]);
  });

  it('refuses an invalid JSON body with BODY_INVALID_JSON and queues nothing', async () => {
    const { app, sink } = ingestApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { 'content-type': 'application/json' },
      payload: '[{"a":1}, {"b":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BODY_INVALID_JSON', details: { location: { line: 1 } } });
    expect(sink.messages).toEqual([]);
  });

  it('answers 413 for a body over the limit, compressed or not', async () => {
    const { app, sink } = ingestApp({ config: { bodyLimitBytes: 1024 } });
    const big = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: 'x'.repeat(2048),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('BODY_TOO_LARGE');
    // 100 KB of zeros gzips to about 100 bytes: the limit applies to what it expands to.
    const bomb = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
      payload: gzipSync(Buffer.alloc(100_000, 0x30)),
    });
    expect(bomb.statusCode).toBe(413);
    expect(sink.messages).toEqual([]);
  });

  it('answers 400 BODY_INVALID_ENCODING for a body that is not the gzip it claims', async () => {
    const { app } = ingestApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { ...NDJSON, 'content-encoding': 'gzip' },
      payload: '{"not":"gzip"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BODY_INVALID_ENCODING');
  });

  it('answers 415 for a content type or encoding it does not take', async () => {
    const { app } = ingestApp();
    const xml = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const br = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { ...NDJSON, 'content-encoding': 'br' },
      payload: 'x',
    });
    expect(br.statusCode).toBe(415);
  });

  it('maps bearer tokens to tenants once tokens are configured, and refuses a missing or unknown one', async () => {
    const http = httpInputConfigSchema.parse({
      tokens: [
        { token: TOKEN_ACME, tenant: 'acme' },
        { token: TOKEN_GLOBEX, tenant: 'globex', name: 'globex-shipper' },
      ],
    });
    const { app, sink } = ingestApp({ config: { http } });
    const send = (authorization?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/ingest',
        headers: { ...NDJSON, ...(authorization ? { authorization } : {}) },
        payload: '{"a":1}',
      });
    expect((await send(`Bearer ${TOKEN_GLOBEX}`)).statusCode).toBe(202);
    expect((await send(`bearer ${TOKEN_ACME}`)).statusCode).toBe(202);
    const missing = await send();
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('INGEST_TOKEN_INVALID');
    expect((await send('Bearer nope-nope-nope-nope')).statusCode).toBe(401);
    expect(sink.messages.map((m) => m.tenant)).toEqual(['globex', 'acme']);
  });

  it('uses the configured default tenant when no tokens are set', async () => {
    const http = httpInputConfigSchema.parse({ defaultTenant: 'globex' });
    const { app, sink } = ingestApp({ config: { http } });
    await app.inject({ method: 'POST', url: '/api/ingest', headers: NDJSON, payload: '{"a":1}' });
    expect(sink.messages[0]?.tenant).toBe('globex');
  });

  it('refuses to start with a token for a tenant that is not configured', async () => {
    const http = httpInputConfigSchema.parse({ tokens: [{ token: TOKEN_ACME, tenant: 'initech' }] });
    const { app } = testApp({ config: { http } });
    await expect(app.ready()).rejects.toThrow(/tenant "initech", which is not configured/);
  });

  it('answers 503 QUEUE_FULL with Retry-After when the queue is full, and SHUTTING_DOWN while closing', async () => {
    const sink = new ArraySink(1);
    const { app } = ingestApp({ sink });
    const first = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: '{"a":1}',
    });
    expect(first.statusCode).toBe(202);
    const full = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: '{"a":2}',
    });
    expect(full.statusCode).toBe(503);
    expect(full.headers['retry-after']).toBe('1');
    expect(full.json().error.code).toBe('QUEUE_FULL');
    sink.capacity = 100;
    sink.closing = true;
    const closing = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: '{"a":3}',
    });
    expect(closing.statusCode).toBe(503);
    expect(closing.json().error.code).toBe('SHUTTING_DOWN');
    expect(sink.messages).toHaveLength(1);
  });

  it('pushes back while the real ingest queue is full and takes events again once it drains', async () => {
    const queue = new MemoryQueue({ capacity: 100 });
    const { app } = ingestApp({ sink: queue });
    const lines = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ i })).join('\n');
    const fill = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: lines(150),
    });
    expect(fill.json()).toMatchObject({ accepted: 150 });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: lines(1),
    });
    expect([refused.statusCode, refused.headers['retry-after']]).toEqual([503, '1']);
    expect(queue.take(100)).toHaveLength(100);
    const again = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: lines(1),
    });
    expect(again.statusCode).toBe(202);
    expect(queue.depth).toBe(51);
  });

  it('answers 503 before reading the body when the queue is full', async () => {
    const sink = new ArraySink(0);
    const { app } = ingestApp({ sink });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    // The head promises a megabyte that never comes: an answer proves the body was not waited for.
    const answer = await sendHeadOnly(
      port,
      'POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000000\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 503/);
    expect(answer.toLowerCase()).toContain('retry-after: 1');
    expect(answer).toContain('QUEUE_FULL');
  });
});
