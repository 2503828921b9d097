import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2021, 8, 8, 12), timeZone: 'America/Chicago' };

function parse(line: string, c: ParseContext = ctx): ParsedRecord {
  const { record } = parseText(line, c);
  if (!record) throw new Error('no record');
  return record;
}

describe('snort device parser', () => {
  it('reads a fast alert line into rule, endpoints and the Sigma ids logsource', () => {
    const r = parse(
      '05/30-19:09:28.472094  [**] [1:2012811:2] ET DNS DNS Query to a .tk domain - Likely Hostile [**] ' +
        '[Classification: Potentially Bad Traffic] [Priority: 2] {UDP} 192.168.88.10:1029 -> 4.2.2.3:53',
    );
    expect(r.format).toBe('text+snort');
    expect(r.logsource).toEqual({ product: 'snort', category: 'ids' });
    expect(r.time).toBe(Date.parse('2021-05-30T19:09:28.472-05:00'));
    expect(r.fields).toMatchObject({
      'snort.gid': 1,
      'rule.id': '2012811',
      'rule.version': '2',
      'rule.description': 'ET DNS DNS Query to a .tk domain - Likely Hostile',
      'rule.category': 'Potentially Bad Traffic',
      'event.severity': 2,
      'event.kind': 'alert',
      'network.transport': 'udp',
      'network.type': 'ipv4',
      'network.direction': 'outbound',
      'source.ip': '192.168.88.10',
      'source.port': 1029,
      'destination.ip': '4.2.2.3',
      'destination.port': 53,
      'event.timezone': 'America/Chicago',
    });
  });

  it('takes the year from the receipt time, a year back when the date would be in the future', () => {
    const r = parse(
      '12/30-14:09:21.116402  [**] [1:1917:6] SCAN UPnP [**] [Priority: 3] {TCP} 10.0.0.1:1 -> 10.0.0.2:2',
    );
    expect(new Date(r.time ?? 0).toISOString()).toBe('2020-12-30T20:09:21.116Z');
    const withYear = parse(
      '12/30/21-14:09:21.116402  [**] [1:1917:6] SCAN UPnP [**] [Priority: 3] {TCP} 10.0.0.1:1 -> 10.0.0.2:2',
    );
    expect(new Date(withYear.time ?? 0).toISOString()).toBe('2021-12-30T20:09:21.116Z');
  });

  it('reads ICMP alerts without ports and a missing classification', () => {
    const r = parse(
      '05/30-19:09:10.917356  [**] [1:477:3] ICMP Packet [**] [Priority: 0] {ICMP} 172.25.212.245 -> 172.25.212.153',
    );
    expect(r.fields['source.port']).toBeUndefined();
    expect(r.fields['rule.category']).toBeUndefined();
    expect(r.fields).toMatchObject({
      'event.severity': 0,
      'network.direction': 'internal',
      'network.transport': 'icmp',
    });
  });

  it('reads Snort 3 quoted messages, AppID and bracketed IPv6 endpoints', () => {
    const r = parse(
      '11/27-23:43:05.004411 [**] [1:31978:5] "OS-OTHER Bash CGI injection" [**] [Classification: Attempted Administrator Privilege Gain] ' +
        '[Priority: 1] [AppID: HTTP] {TCP} [2001:db8:77::5]:40112 -> [fd00:12::80]:80',
    );
    expect(r.fields).toMatchObject({
      'rule.name': 'OS-OTHER Bash CGI injection',
      'network.application': 'http',
      'source.ip': '2001:db8:77::5',
      'source.port': 40112,
      'destination.ip': 'fd00:12::80',
      'destination.port': 80,
      'network.type': 'ipv6',
      'network.direction': 'inbound',
    });
  });

  it('reads the syslog output and keeps the header; a Suricata program name makes it a Suricata alert', () => {
    const r = parse(
      '<33>May 30 19:09:10 ids-edge snort[1822]: [1:2013028:7] ET POLICY curl User-Agent Outbound ' +
        '[Classification: Attempted Information Leak] [Priority: 2]: {TCP} 10.12.3.44:51910 -> 198.51.100.80:80',
    );
    expect(r.format).toBe('rfc3164+snort');
    expect(r.fields).toMatchObject({
      'host.hostname': 'ids-edge',
      'process.pid': 1822,
      'observer.hostname': 'ids-edge',
      'rule.id': '2013028',
      'source.port': 51910,
    });
    const s = parse(
      '<33>May 30 19:09:10 fw suricata[4011]: [1:2210045:2] SURICATA STREAM Packet with invalid ack ' +
        '[Classification: Generic Protocol Command Decode] [Priority: 3] {TCP} 10.0.0.1:1 -> 10.0.0.2:443',
    );
    expect(s.logsource).toEqual({ product: 'suricata', category: 'ids' });
    expect(s.fields['observer.product']).toBe('Suricata');
  });

  it('reads a full alert record joined on one line, with IP, TCP details and references', () => {
    const r = parse(
      '[**] [1:1000010:1] SSH connection to bastion [**] [Classification: Attempted Administrator Privilege Gain] [Priority: 1] ' +
        '05/30-19:45:33.234567 192.168.1.23:51211 -> 10.10.0.5:22 TCP TTL:64 TOS:0x10 ID:36532 IpLen:20 DgmLen:60 DF ' +
        '******S* Seq: 0x4B2C1A8E  Ack: 0x0  Win: 0x7210  TcpLen: 40 [Xref => http://cve.example/2024-6387]',
    );
    expect(r.time).toBe(Date.parse('2021-05-30T19:45:33.234-05:00'));
    expect(r.fields).toMatchObject({
      'network.transport': 'tcp',
      'destination.port': 22,
      'snort.ip.ttl': 64,
      'snort.ip.tos': 16,
      'snort.ip.flags': 'DF',
      'snort.tcp.flags': 'S',
      'snort.tcp.seq': 0x4b2c1a8e,
      'snort.tcp.window': 0x7210,
      'rule.reference': ['http://cve.example/2024-6387'],
    });
  });

  it('reads a full record whose lines are still separated by newlines', () => {
    const r = parse(
      '[**] [1:384:5] ICMP PING [**]\n[Classification: Misc activity] [Priority: 3] \n05/30-19:46:02.551000 10.12.3.44 -> 10.12.0.1\n' +
        'ICMP TTL:64 TOS:0x0 ID:4242 IpLen:20 DgmLen:84 DF\nType:8  Code:0  ID:31337   Seq:1  ECHO\n',
    );
    expect(r.fields).toMatchObject({ 'snort.icmp.type': 8, 'snort.icmp.seq': 1, 'source.ip': '10.12.3.44' });
  });

  it('keeps a Snort-looking line of an unknown shape as text instead of guessing', () => {
    const line =
      '05/30-19:47:00.000000  [**] [1:1000099:1] no protocol block [**] [Priority: 2] 10.0.0.1 -> 10.0.0.2';
    const r = parse(line);
    expect(r.fields).toEqual({ message: line });
  });

  it('reads an alert whose message the key=value parser took apart first', () => {
    const r = parse(
      '05/30-19:09:10.917356  [**] [1:1000020:1] Suspicious query user=admin pass=x [**] [Priority: 1] {TCP} 10.0.0.5:41000 -> 10.0.0.80:80',
    );
    expect(r.format).toBe('kv+snort');
    expect(r.fields['rule.name']).toBe('Suspicious query user=admin pass=x');
    expect(Object.keys(r.fields).filter((k) => k.startsWith('kv.'))).toEqual([]);
  });

  it('gives up on a long hostile line in linear time, keeping it as text', () => {
    const line = '[1:1:1] ' + '[ '.repeat(4_000) + ' '.repeat(4_000) + '[Priority: 1] no protocol block';
    const start = performance.now();
    const r = parse(line);
    expect(performance.now() - start).toBeLessThan(200);
    expect(r.fields['message']).toBe(line);
  });

  it('leaves other bracketed syslog messages alone', () => {
    expect(parse('<13>May 30 19:09:10 h app[1]: [1234] worker started').format).toBe('rfc3164');
  });
});
