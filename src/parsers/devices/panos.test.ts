import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { panosTime, splitCsv } from './panos-columns.js';
import { panos } from './panos.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2026, 2, 2, 3), timeZone: 'Asia/Tokyo' };

function parse(line: string): ParsedRecord {
  const rec = parseText(line, ctx).record;
  if (!rec) throw new Error('no record');
  return rec;
}

const HEADER = 'Mar  2 10:15:30 PA-3220-HQ ';
const TRAFFIC =
  '1,2026/03/02 10:15:30,013201001234,TRAFFIC,end,2817,2026/03/02 10:15:30,10.1.20.15,203.0.113.50,198.51.100.20,' +
  '203.0.113.50,allow-web,corp\\jdoe,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,default,2026/03/02 10:15:30,' +
  '884120,1,52114,443,24011,443,0x400000,tcp,allow,95054,4821,90233,103,2026/03/02 10:14:52,38,' +
  'computer-and-internet-info,,7215549,0x8000000000000000,10.0.0.0-10.255.255.255,JP,,31,72,tcp-fin,0,0,0,0,,PA-3220-HQ';
const THREAT_URL =
  '1,2026/03/02 11:05:37,013201001234,THREAT,url,2817,2026/03/02 11:05:37,10.1.20.31,203.0.113.99,198.51.100.20,' +
  '203.0.113.99,allow-web,,,web-browsing,vsys1,trust,untrust,ethernet1/2,ethernet1/1,default,2026/03/02 11:05:37,' +
  '885001,1,60112,80,31002,80,0x402000,tcp,block-url,"casino.example.org/games/slots.php?id=7,8",(9999),gambling,' +
  'informational,client-to-server,7216000,0x2000000000000000,10.0.0.0-10.255.255.255,US';

describe('panos', () => {
  it('maps a TRAFFIC end log to the session, NAT, bytes, zones and policy', () => {
    const r = parse(HEADER + TRAFFIC);
    expect(r.format).toBe('rfc3164+panos');
    expect(r.logsource).toEqual({ product: 'paloalto', category: 'firewall' });
    expect(r.time).toBe(Date.UTC(2026, 2, 2, 1, 15, 30));
    expect(r.fields).toMatchObject({
      'source.ip': '10.1.20.15',
      'source.port': 52114,
      'source.nat.ip': '198.51.100.20',
      'source.nat.port': 24011,
      'destination.ip': '203.0.113.50',
      'destination.port': 443,
      'source.user.name': 'jdoe',
      'source.user.domain': 'corp',
      'user.name': 'jdoe',
      'network.application': 'ssl',
      'network.transport': 'tcp',
      'network.bytes': 95054,
      'source.bytes': 4821,
      'destination.bytes': 90233,
      'network.direction': 'outbound',
      'event.action': 'flow_terminated',
      'event.outcome': 'success',
      'event.duration': 38_000_000_000,
      'event.start': '2026-03-02T01:14:52.000Z',
      'event.reason': 'tcp-fin',
      'observer.ingress.zone': 'trust',
      'observer.egress.zone': 'untrust',
      'observer.hostname': 'PA-3220-HQ',
      'observer.serial_number': '013201001234',
      'rule.name': 'allow-web',
      'labels.nat_translated': true,
      'panw.panos.flow_id': '884120',
      'panw.panos.repeat_count': 1,
      'source.geo.name': '10.0.0.0-10.255.255.255',
      'destination.geo.name': 'JP',
    });
    expect(r.fields['event.type']).toEqual(['allowed', 'end', 'connection']);
    expect(r.fields['panw.panos.source.ip']).toBeUndefined();
  });

  it('reads a CSV line that arrives without a syslog header', () => {
    const r = parse(TRAFFIC);
    expect(r.format).toBe('text+panos');
    expect(r.fields['source.ip']).toBe('10.1.20.15');
    expect(r.fields['message']).toBe(TRAFFIC);
  });

  it('turns a URL filtering block into a denied alert with the URL split', () => {
    const r = parse(HEADER + THREAT_URL);
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.action': 'url_filtering',
      'event.outcome': 'failure',
      'event.type': ['denied'],
      'event.severity': 5,
      'url.original': 'casino.example.org/games/slots.php?id=7,8',
      'url.domain': 'casino.example.org',
      'url.path': '/games/slots.php',
      'url.query': 'id=7,8',
      'destination.domain': 'casino.example.org',
      'panw.panos.threat.id': '9999',
      'panw.panos.threat.name': 'URL-filtering',
      'panw.panos.network.direction': 'client-to-server',
      'network.direction': 'outbound',
    });
  });

  it('reads the threat name and id, the file and its hash of a virus log', () => {
    const line = THREAT_URL.replace(',url,', ',virus,')
      .replace(
        'block-url,"casino.example.org/games/slots.php?id=7,8",(9999)',
        'reset-both,eicar.com,Eicar Test File(100000)',
      )
      .concat(',0,,0,275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f');
    const r = parse(HEADER + line);
    expect(r.fields).toMatchObject({
      'event.action': 'virus_detected',
      'event.category': ['intrusion_detection', 'threat', 'network', 'malware'],
      'file.name': 'eicar.com',
      'file.hash.sha256': '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      'panw.panos.threat.name': 'Eicar Test File',
      'panw.panos.threat.id': '100000',
      'panw.panos.action': 'reset-both',
    });
  });

  it('reads IPv6 sessions and drops NAT fields that say no translation', () => {
    const line = TRAFFIC.replace(
      '10.1.20.15,203.0.113.50,198.51.100.20,203.0.113.50',
      '2001:db8::15,2001:db8:ff::80,::,::',
    )
      .replace('52114,443,24011,443', '50322,443,0,0')
      .replace(',end,', ',deny,')
      .replace(',allow,', ',reset both,');
    const r = parse(HEADER + line);
    expect(r.fields['source.ip']).toBe('2001:db8::15');
    expect(r.fields['network.type']).toBe('ipv6');
    expect(r.fields['source.nat.ip']).toBeUndefined();
    expect(r.fields['destination.nat.port']).toBeUndefined();
    expect(r.fields['panw.panos.action']).toBe('reset-both');
    expect(r.fields['event.type']).toEqual(['denied', 'connection']);
    expect(r.fields['event.outcome']).toBe('failure');
  });

  it('reads a SYSTEM authentication failure with the user and where it came from', () => {
    const r = parse(
      HEADER +
        '1,2026/03/02 09:01:15,013201001234,SYSTEM,auth,2817,2026/03/02 09:01:15,,auth-fail,,0,0,,medium,' +
        '"failed authentication for user \'admin\'. Reason: Invalid username/password. From: 192.0.2.201.",7217000,0x0,0,0,0,0,,PA-3220-HQ',
    );
    expect(r.fields).toMatchObject({
      'event.code': 'auth-fail',
      'event.category': ['configuration', 'authentication'],
      'event.outcome': 'failure',
      'user.name': 'admin',
      'source.ip': '192.0.2.201',
      message:
        "failed authentication for user 'admin'. Reason: Invalid username/password. From: 192.0.2.201.",
    });
  });

  it('reads a CONFIG change by an administrator', () => {
    const r = parse(
      HEADER +
        '1,2026/03/02 09:08:12,013201001234,CONFIG,0,2817,2026/03/02 09:08:12,10.1.1.5,vsys1,delete,admin,Web,Succeeded,' +
        ' vsys  vsys1 rulebase security rules  block-tor,7217100,0x0,0,0,0,0,,PA-3220-HQ',
    );
    expect(r.fields).toMatchObject({
      'event.action': 'delete',
      'event.category': ['configuration'],
      'event.outcome': 'success',
      'user.name': 'admin',
      'source.ip': '10.1.1.5',
      'panw.panos.config.path': ' vsys  vsys1 rulebase security rules  block-tor',
      'observer.hostname': 'PA-3220-HQ',
    });
  });

  it('keeps the header of a log type it has no layout for', () => {
    const r = parse(
      HEADER +
        '1,2026/03/02 09:20:00,013201001234,GLOBALPROTECT,0,2817,2026/03/02 09:20:00,vsys1,gateway-auth',
    );
    expect(r.fields['panw.panos.type']).toBe('GLOBALPROTECT');
    expect(r.fields['event.kind']).toBe('event');
    expect(r.time).toBe(Date.UTC(2026, 2, 2, 0, 20, 0));
  });

  it('keeps a value that is not an address under panw.panos.*', () => {
    const r = parse(
      HEADER + '1,2026/03/02 09:21:00,013201001234,THREAT,vulnerability,2817,not-a-date,garbage',
    );
    expect(r.fields['panw.panos.source.ip']).toBe('garbage');
    expect(r.fields['source.ip']).toBeUndefined();
  });

  it('claims only PAN-OS CSV messages', () => {
    const rec = (message: string): ParsedRecord => ({ format: 'text', fields: { message } });
    expect(panos.match(rec(TRAFFIC), '')).toBe(true);
    expect(panos.match(rec('1,2026/03/02 10:00:00,0123,SOMETHING,x,1,2026/03/02 10:00:00'), '')).toBe(false);
    expect(panos.match(rec('a,b,c,d,e'), '')).toBe(false);
    expect(panos.match(rec('date=2026-03-02 time=10:00:00 logid=1'), '')).toBe(false);
  });

  it('splits quoted CSV fields with commas and doubled quotes', () => {
    expect(splitCsv('a,"b,c",,"say ""hi""",e')).toEqual(['a', 'b,c', '', 'say "hi"', 'e']);
    expect(splitCsv('x,')).toEqual(['x', '']);
  });

  it("reads PAN-OS times in the tenant's zone", () => {
    expect(panosTime('2026/03/02 10:15:30', 'Asia/Tokyo')).toBe(Date.UTC(2026, 2, 2, 1, 15, 30));
    expect(panosTime('2026/13/02 10:15:30', 'UTC')).toBeNaN();
    expect(panosTime('2026-03-02T10:15:30.412+09:00', 'UTC')).toBe(Date.UTC(2026, 2, 2, 1, 15, 30, 412));
  });
});
