import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28), timeZone: 'Asia/Tokyo' };

function parse(line: string): ParsedRecord | null {
  return parseText(line, ctx).record;
}

function must(line: string): ParsedRecord {
  const r = parse(line);
  if (!r) throw new Error('no record');
  return r;
}

describe('squid device parser', () => {
  it('reads a native access.log line into web access fields and the Sigma proxy logsource', () => {
    const r = must(
      '1157689320.327   2864 10.105.21.199 TCP_MISS/200 10182 GET http://www.example.com/styles.css?v=2 badeyek DIRECT/175.16.199.61 text/css',
    );
    expect(r.format).toBe('text+squid');
    expect(r.logsource).toEqual({ product: 'squid', category: 'proxy' });
    expect(r.time).toBe(1157689320327);
    expect(r.fields).toMatchObject({
      'event.category': ['web'],
      'event.type': ['access'],
      'event.outcome': 'success',
      'event.duration': 2_864_000_000,
      'source.ip': '10.105.21.199',
      'source.user.name': 'badeyek',
      'destination.ip': '175.16.199.61',
      'destination.bytes': 10182,
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'url.domain': 'www.example.com',
      'url.path': '/styles.css',
      'url.query': 'v=2',
      'url.extension': 'css',
      'squid.result_code': 'TCP_MISS',
      'squid.status_code': 200,
      'squid.peer_status': 'DIRECT',
      'squid.content_type': 'text/css',
      'observer.type': 'proxy',
    });
  });

  it('splits a CONNECT target into domain and port, and takes the address from it when there is no peer', () => {
    const r = must(
      '1764284403.004      0 10.30.4.22 TCP_DENIED/407 3905 CONNECT files.example.net:443 - HIER_NONE/- text/html',
    );
    expect(r.fields).toMatchObject({
      'url.original': 'files.example.net:443',
      'url.domain': 'files.example.net',
      'url.port': 443,
      'destination.address': 'files.example.net',
      'event.type': ['access', 'denied'],
      'event.outcome': 'failure',
    });
    expect(r.fields['source.user.name']).toBeUndefined();
    expect(r.fields['url.path']).toBeUndefined();
  });

  it('reads IPv6 clients, aborted requests with status 000 and extra fields a custom format appends', () => {
    const r = must(
      '1764284406.991  15003 2001:db8:20::15 TCP_MISS_ABORTED/000 0 GET http://slow.example.net/stream - HIER_DIRECT/2001:db8:50::10 - "curl/8.5.0"',
    );
    expect(r.fields).toMatchObject({
      'source.ip': '2001:db8:20::15',
      'destination.ip': '2001:db8:50::10',
      'squid.status_code': 0,
      'event.outcome': 'unknown',
      'squid.extra': '"curl/8.5.0"',
    });
    expect(r.fields['http.response.status_code']).toBeUndefined();
  });

  it('reads the combined logformat with its zone, referrer and user agent', () => {
    const r = must(
      '10.30.4.30 - carol [28/Nov/2025:07:00:11 +0900] "GET http://shop.example.com/?q=%22tv%22 HTTP/1.1" 404 1203 ' +
        '"http://shop.example.com/" "Mozilla/5.0 \\"quoted\\"" TCP_MISS:HIER_DIRECT',
    );
    expect(r.time).toBe(Date.UTC(2025, 10, 27, 22, 0, 11));
    expect(r.fields).toMatchObject({
      'source.user.name': 'carol',
      'http.version': '1.1',
      'http.request.referrer': 'http://shop.example.com/',
      'user_agent.original': 'Mozilla/5.0 "quoted"',
      'event.outcome': 'failure',
      'squid.result_code': 'TCP_MISS',
      'squid.peer_status': 'HIER_DIRECT',
    });
  });

  it('reads the common logformat (no referrer or user agent)', () => {
    const r = must(
      '10.30.4.29 - - [28/Nov/2025:07:00:10 +0900] "GET http://news.example.com/ HTTP/1.1" 200 20311 TCP_HIT:HIER_NONE',
    );
    expect(r.fields).toMatchObject({ 'squid.result_code': 'TCP_HIT', 'destination.bytes': 20311 });
  });

  it('reads a line Squid sent through syslog and keeps the sending host', () => {
    const r = must(
      '<190>Nov 28 07:00:09 proxy01 squid[2210]: 1764284409.001     33 10.30.4.28 TCP_MISS/502 4102 GET http://down.example.org/ - HIER_DIRECT/203.0.113.42 text/html',
    );
    expect(r.format).toBe('rfc3164+squid');
    expect(r.time).toBe(1764284409001);
    expect(r.fields).toMatchObject({
      'observer.hostname': 'proxy01',
      'process.pid': 2210,
      'http.response.status_code': 502,
    });
    expect(r.fields['message']).toBeUndefined();
  });

  it('reads a custom format whose appended key=value fields the key=value parser took apart first', () => {
    const r = must(
      '1764284408.450     45 10.30.4.27 TCP_TUNNEL/200 1911 CONNECT api.example.com:443 - HIER_DIRECT/203.0.113.41 - sni=api.example.com tls=TLS/1.3',
    );
    expect(r.format).toBe('kv+squid');
    expect(r.fields['squid.extra']).toBe('sni=api.example.com tls=TLS/1.3');
    expect(Object.keys(r.fields).filter((k) => k.startsWith('kv.'))).toEqual([]);
  });

  it('does not claim web server logs without Squid result codes', () => {
    expect(
      parse(
        '10.30.4.31 - - [28/Nov/2025:07:00:12 +0900] "GET /index.html HTTP/1.1" 200 512 "-" "curl/8.5.0"',
      ),
    ).toBeNull();
    expect(parse('1764284409 is not a squid line')).toBeNull();
  });
});
