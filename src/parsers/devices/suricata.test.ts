import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 2, 14, 1), timeZone: 'Asia/Tokyo' };

function parse(line: string): ParsedRecord {
  const { record } = parseText(line, ctx);
  if (!record) throw new Error('no record');
  return record;
}

const eve = (o: Record<string, unknown>): string =>
  JSON.stringify({ timestamp: '2025-03-14T09:31:40.771203+0900', flow_id: 1653902246107154, ...o });

describe('suricata device parser', () => {
  it('maps an alert to rule.*, event.kind alert and the Sigma ids logsource', () => {
    const r = parse(
      eve({
        event_type: 'alert',
        src_ip: '10.20.30.41',
        src_port: 49822,
        dest_ip: '192.0.2.80',
        dest_port: 80,
        proto: 'TCP',
        alert: {
          action: 'blocked',
          gid: 1,
          signature_id: 2034567,
          rev: 4,
          signature: 'ET WEB_SERVER Possible Apache Struts OGNL Expression Injection',
          category: 'Attempted Administrator Privilege Gain',
          severity: 1,
          metadata: { mitre_technique_id: ['T1190'] },
        },
        app_proto: 'http',
      }),
    );
    expect(r.format).toBe('json+suricata');
    expect(r.logsource).toEqual({ product: 'suricata', category: 'ids' });
    expect(r.time).toBe(Date.UTC(2025, 2, 14, 0, 31, 40, 771));
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.category': ['network', 'intrusion_detection'],
      'event.type': ['denied'],
      'event.severity': 1,
      'rule.id': '2034567',
      'rule.version': '4',
      'rule.name': 'ET WEB_SERVER Possible Apache Struts OGNL Expression Injection',
      'rule.category': 'Attempted Administrator Privilege Gain',
      'threat.technique.id': ['T1190'],
      'source.ip': '10.20.30.41',
      'source.port': 49822,
      'destination.port': 80,
      'network.transport': 'tcp',
      'network.protocol': 'http',
      'observer.vendor': 'OISF',
      'observer.product': 'Suricata',
      'observer.type': 'ids',
      'suricata.eve.alert.gid': 1,
      'suricata.eve.flow_id': '1653902246107154',
    });
  });

  it('keeps EVE keys under suricata.eve and does not keep the ones moved to ECS', () => {
    const r = parse(
      eve({
        event_type: 'http',
        src_ip: '10.0.0.5',
        dest_ip: '10.0.0.80',
        proto: 'TCP',
        http: {
          hostname: 'intranet',
          url: '/login.php?next=%2F',
          http_method: 'POST',
          status: 404,
          length: 12,
        },
      }),
    );
    expect(r.fields['http.url']).toBeUndefined();
    expect(r.fields['src_ip']).toBeUndefined();
    expect(r.fields['suricata.eve.http.url']).toBeUndefined();
    expect(r.fields).toMatchObject({
      'url.original': '/login.php?next=%2F',
      'url.path': '/login.php',
      'url.query': 'next=%2F',
      'url.extension': 'php',
      'url.domain': 'intranet',
      'destination.domain': 'intranet',
      'http.request.method': 'POST',
      'http.response.status_code': 404,
      'http.response.body.bytes': 12,
      'event.outcome': 'failure',
      'event.category': ['network', 'web'],
    });
    expect(r.logsource).toEqual({ product: 'suricata', service: 'http' });
  });

  it('turns a DNS v1 answer into one answer and its resolved address', () => {
    const r = parse(
      eve({
        event_type: 'dns',
        src_ip: '10.20.0.53',
        dest_ip: '10.20.30.41',
        proto: 'UDP',
        dns: {
          type: 'answer',
          id: 12308,
          rcode: 'NOERROR',
          rrname: 'a.example',
          rrtype: 'A',
          ttl: 299,
          rdata: '198.51.100.7',
        },
      }),
    );
    expect(r.logsource).toEqual({ product: 'suricata', category: 'dns', service: 'dns' });
    expect(r.fields).toMatchObject({
      'dns.id': '12308',
      'dns.type': 'answer',
      'dns.response_code': 'NOERROR',
      'dns.answers.name': ['a.example'],
      'dns.answers.data': ['198.51.100.7'],
      'dns.answers.ttl': [299],
      'dns.resolved_ip': ['198.51.100.7'],
      'related.ip': ['198.51.100.7'],
    });
    // A v1 answer names the record, not the question.
    expect(r.fields['dns.question.name']).toBeUndefined();
  });

  it('reads DNS v2 detailed answers, and grouped-only answers as resolved addresses', () => {
    const detailed = parse(
      eve({
        event_type: 'dns',
        dns: {
          version: 2,
          type: 'answer',
          id: 1,
          rd: true,
          ra: true,
          rrname: 'b.example',
          rrtype: 'A',
          rcode: 'NOERROR',
          answers: [
            { rrname: 'b.example', rrtype: 'CNAME', ttl: 60, rdata: 'c.example' },
            { rrname: 'c.example', rrtype: 'A', ttl: 60, rdata: '192.0.2.9' },
          ],
        },
      }),
    );
    expect(detailed.fields).toMatchObject({
      'dns.question.name': 'b.example',
      'dns.question.type': 'A',
      'dns.answers.type': ['CNAME', 'A'],
      'dns.answers.data': ['c.example', '192.0.2.9'],
      'dns.resolved_ip': ['192.0.2.9'],
      'dns.header_flags': ['RD', 'RA'],
    });
    expect(detailed.fields['suricata.eve.dns.answers']).toBeUndefined();

    const grouped = parse(
      eve({
        event_type: 'dns',
        dns: { version: 2, type: 'answer', rrname: 'd.example', grouped: { AAAA: ['2001:db8::1'] } },
      }),
    );
    expect(grouped.fields['dns.resolved_ip']).toEqual(['2001:db8::1']);
    expect(grouped.fields['dns.answers.name']).toBeUndefined();
  });

  it('reads the question of a Suricata 8 (v3) DNS record and maps response to answer', () => {
    const r = parse(
      eve({
        event_type: 'dns',
        dns: { version: 3, type: 'response', id: 7, queries: [{ rrname: 'e.example', rrtype: 'TXT' }] },
      }),
    );
    expect(r.fields).toMatchObject({
      'dns.type': 'answer',
      'dns.question.name': 'e.example',
      'dns.question.type': 'TXT',
    });
  });

  it('splits TLS subject and issuer names, keeping commas that belong to a value', () => {
    const r = parse(
      eve({
        event_type: 'tls',
        tls: {
          subject: 'C=US, ST=New York, O=Acme U.S.A., INC., CN=update.acme.example',
          issuerdn: 'C=US, O=Example CA, OU=www.ca.example, CN=Example RSA CA 2018',
          serial: '0D:CE:DC',
          fingerprint: '18:3c:11:45',
          sni: 'update.acme.example.',
          version: 'TLS 1.2',
          notbefore: '2020-11-24T00:00:00',
        },
      }),
    );
    expect(r.fields).toMatchObject({
      'tls.server.x509.subject.organization': ['Acme U.S.A., INC.'],
      'tls.server.x509.subject.common_name': ['update.acme.example'],
      'tls.server.x509.issuer.organizational_unit': ['www.ca.example'],
      'tls.server.x509.serial_number': '0DCEDC',
      'tls.server.hash.sha1': '183C1145',
      'tls.server.not_before': '2020-11-24T00:00:00.000Z',
      'tls.client.server_name': 'update.acme.example',
      'suricata.eve.tls.sni': 'update.acme.example',
      'tls.version': '1.2',
      'tls.version_protocol': 'tls',
      'related.hash': ['183C1145'],
    });
  });

  it('marks a new flow as a connection start and gives the duration in nanoseconds', () => {
    const r = parse(
      eve({
        event_type: 'flow',
        src_ip: 'fe80::1',
        dest_ip: 'ff02::1:2',
        proto: 'UDP',
        flow: {
          pkts_toserver: 2,
          pkts_toclient: 0,
          bytes_toserver: 220,
          bytes_toclient: 0,
          start: '2025-03-14T09:30:00.000000+0900',
          end: '2025-03-14T09:30:01.500000+0900',
          state: 'new',
        },
      }),
    );
    expect(r.fields).toMatchObject({
      'event.type': ['connection', 'start'],
      'source.ip': 'fe80::1',
      'network.bytes': 220,
      'network.packets': 2,
      'event.duration': 1_500_000_000,
      'event.start': '2025-03-14T00:30:00.000Z',
    });
  });

  it('reads EVE behind a syslog header and keeps the header fields', () => {
    const r = parse(
      '<14>Mar 14 09:37:00 ids-02 suricata[2211]: ' +
        eve({ event_type: 'stats', stats: { uptime: 30, decoder: { pkts: 114 } } }),
    );
    expect(r.format).toBe('rfc3164+json+suricata');
    expect(r.fields).toMatchObject({
      'host.hostname': 'ids-02',
      'process.pid': 2211,
      'event.kind': 'metric',
      'suricata.eve.stats.decoder.pkts': 114,
    });
    expect(r.fields['message']).toBeUndefined();
    expect(r.time).toBe(Date.UTC(2025, 2, 14, 0, 31, 40, 771));
  });

  it('keeps a numeric protocol as its IANA number and handles a line with almost nothing in it', () => {
    const r = parse(
      eve({
        event_type: 'anomaly',
        proto: '047',
        anomaly: { type: 'decode', event: 'decoder.gre.pkt_too_small' },
      }),
    );
    expect(r.fields).toMatchObject({
      'network.iana_number': '47',
      'event.action': 'decoder.gre.pkt_too_small',
      'suricata.eve.anomaly.type': 'decode',
    });
    const bare = parse(
      JSON.stringify({ timestamp: '2025-03-14T09:38:00+0900', event_type: 'alert', alert: {} }),
    );
    expect(bare.fields['event.kind']).toBe('alert');
    expect(bare.fields['source.ip']).toBeUndefined();
  });

  it('gives an event type it has no table entry for its own Sigma service', () => {
    const r = parse(eve({ event_type: 'quic', src_ip: '10.0.0.1', quic: { sni: 'v.example' } }));
    expect(r.logsource).toEqual({ product: 'suricata', service: 'quic' });
    expect(r.fields['event.category']).toEqual(['network']);
  });

  it('does not claim JSON that only looks a little like EVE', () => {
    expect(parse('{"timestamp":"2025-03-14T00:00:00Z","event_type":"login","user":"a"}').format).toBe('json');
    expect(parse('{"event_type":"alert","user":"a"}').format).toBe('json');
  });
});
