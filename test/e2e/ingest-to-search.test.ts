import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search, sendTcp, startServer, waitForHits, type ServerProcess } from './server-process.js';

const run = promisify(execFile);
const HEC_TOKEN = 'e2e-hec-token-0123456789';

const config = `
tenants:
  - id: default
    timeZone: Asia/Tokyo
  - id: acme
inputs:
  http:
    hec:
      tokens:
        - { token: ${HEC_TOKEN}, tenant: acme, name: fluent-bit }
`;

describe('a running yagura serve', () => {
  let server: ServerProcess;
  const tag = `m${Date.now().toString(36)}`;

  beforeAll(async () => {
    server = await startServer(config);
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
  });

  it('finds messages sent with util-linux logger over TCP and UDP, RFC 3164 and RFC 5424', async () => {
    const base = ['--server', '127.0.0.1', '-t', 'sshd'];
    await run('logger', [
      ...base,
      '--tcp',
      '--port',
      String(server.tcpPort),
      '--rfc3164',
      `${tag}-tcp3164 Failed password for root from 203.0.113.7 port 4242 ssh2`,
    ]);
    await run('logger', [
      ...base,
      '--tcp',
      '--port',
      String(server.tcpPort),
      '--rfc5424',
      `${tag}-tcp5424 hello over tcp`,
    ]);
    await run('logger', [
      ...base,
      '--tcp',
      '--octet-count',
      '--port',
      String(server.tcpPort),
      '--rfc5424',
      `${tag}-octet counted frame`,
    ]);
    await run('logger', [
      ...base,
      '--udp',
      '--port',
      String(server.udpPort),
      '--rfc3164',
      `${tag}-udp3164 hello over udp`,
    ]);
    await run('logger', [
      ...base,
      '--udp',
      '--port',
      String(server.udpPort),
      '--rfc5424',
      `${tag}-udp5424 hello over udp`,
    ]);

    for (const marker of ['tcp3164', 'tcp5424', 'octet', 'udp3164', 'udp5424']) {
      const hits = await waitForHits(server.url, `"${tag}-${marker}"`);
      expect(hits.events, marker).toHaveLength(1);
      const event = hits.events[0]!;
      expect(event.tenant).toBe('default');
      expect(event.input).toBe('syslog');
      expect(event.fields['process.name']).toBe('sshd');
      expect(event.raw).toContain(`${tag}-${marker}`);
    }
    const failed = await search(server.url, `process.name:sshd AND "${tag}-tcp3164"`);
    expect(
      failed.events[0]!.fields['log.syslog.hostname'] ?? failed.events[0]!.fields['host.hostname'],
    ).toBeTruthy();
  });

  it('accepts NDJSON on /api/ingest and finds the events by field and by CIDR', async () => {
    const lines = [
      { message: `${tag}-ndjson one`, source: { ip: '10.20.30.40' }, event: { action: 'login' } },
      { message: `${tag}-ndjson two`, source: { ip: '192.0.2.9' }, event: { action: 'logout' } },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const response = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: lines + '\n{not json}\n',
    });
    expect(response.status).toBeLessThan(300);
    await waitForHits(server.url, `"${tag}-ndjson"`, 2);
    const inRange = await search(server.url, `source.ip:10.0.0.0/8 AND "${tag}-ndjson"`);
    expect(inRange.events.map((e) => e.fields['event.action'])).toEqual(['login']);
    const broken = await waitForHits(server.url, 'tags:parse_error AND "not json"');
    expect(broken.events.length).toBeGreaterThanOrEqual(1);
  });

  it('accepts a Splunk HEC client (gzip, concatenated JSON) and files events under the token tenant', async () => {
    const body = [
      { time: Date.now() / 1000, host: 'web01', sourcetype: 'nginx', event: `${tag}-hec first` },
      { host: 'web02', event: { message: `${tag}-hec second`, status: 500 }, fields: { env: 'prod' } },
    ]
      .map((o) => JSON.stringify(o))
      .join('');
    const response = await fetch(`${server.url}/services/collector/event`, {
      method: 'POST',
      headers: {
        authorization: `Splunk ${HEC_TOKEN}`,
        'content-encoding': 'gzip',
        'content-type': 'application/json',
      },
      body: gzipSync(body),
    });
    expect(await response.json()).toEqual({ text: 'Success', code: 0 });
    const hits = await waitForHits(server.url, `"${tag}-hec"`, 2);
    expect(hits.events).toHaveLength(2);
    expect(new Set(hits.events.map((e) => e.tenant))).toEqual(new Set(['acme']));
    const denied = await fetch(`${server.url}/services/collector/event`, {
      method: 'POST',
      headers: { authorization: 'Splunk wrong-token-value-123456' },
      body: '{"event":"x"}',
    });
    expect(denied.status).toBe(403);
  });

  it('keeps malformed syslog (garbage, invalid UTF-8, oversized lines, bad octet counts) and stays up', async () => {
    const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x81, 0x0a]);
    const invalidUtf8 = Buffer.concat([
      Buffer.from(`${tag}-badutf8 `),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from('\n'),
    ]);
    const huge = `${tag}-huge ` + 'x'.repeat(1024 * 1024) + '\n';
    await sendTcp(server.tcpPort, garbage);
    await sendTcp(server.tcpPort, invalidUtf8);
    await sendTcp(server.tcpPort, huge);
    await sendTcp(server.tcpPort, `12 <13>short\n40 <13>${tag}-wrongcount this count is wrong\n`);
    await sendTcp(server.tcpPort, `<13>${tag}-truncated frame with no newline at the end`);

    const bad = await waitForHits(server.url, `"${tag}-badutf8"`);
    expect(bad.events[0]!.tags).toContain('invalid_utf8');
    const big = await waitForHits(server.url, `"${tag}-huge"`);
    expect(big.events[0]!.tags).toContain('truncated');
    expect((big.events[0]!.raw ?? '').length).toBeLessThanOrEqual(65536);
    const wrong = await waitForHits(server.url, `"${tag}-wrongcount"`);
    expect(wrong.events.length).toBe(1);
    expect((await waitForHits(server.url, `"${tag}-truncated"`)).events.length).toBe(1);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('answers bad API requests with a 4xx and a reason', async () => {
    const syntax = await fetch(`${server.url}/api/events/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.auth },
      body: JSON.stringify({ query: 'source.ip:(10.0.0.1' }),
    });
    expect(syntax.status).toBe(400);
    const body = (await syntax.json()) as {
      error: { code: string; details?: { location?: { column?: number } } };
    };
    expect(body.error.code).toBe('QUERY_SYNTAX');
    expect(body.error.details?.location?.column).toBeGreaterThan(0);
    const badJson = await fetch(`${server.url}/api/events/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.auth },
      body: '{"query":',
    });
    expect(badJson.status).toBe(400);
  });

  it('exposes Prometheus metrics with per-input counters', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/yagura_events_received_total\{input="syslog"\} \d+/);
    expect(text).toMatch(/yagura_events_stored_total\{input="hec"\} \d+/);
    expect(text).toMatch(/yagura_queue_depth \d+/);
  });
});
