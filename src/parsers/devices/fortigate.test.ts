import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { eventTimeMs, fortigate, tzOffsetMinutes } from './fortigate.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2026, 2, 2, 3), timeZone: 'Asia/Tokyo' };

function parse(line: string): ParsedRecord {
  const rec = parseText(line, ctx).record;
  if (!rec) throw new Error('no record');
  return rec;
}

const HEAD = 'date=2026-03-02 time=09:15:22 devname="FGT-HQ-01" devid="FG100FTK21000123" tz="+0900"';

describe('fortigate', () => {
  it('maps a forward traffic log to source, destination, NAT, bytes and the policy', () => {
    const r = parse(
      `${HEAD} eventtime=1772410522331993908 logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" ` +
        'srcip=10.10.20.15 srcport=52114 srcintf="port5" dstip=203.0.113.50 dstport=443 dstintf="wan1" sessionid=48211937 ' +
        'proto=6 action="close" policyid=12 policyname="LAN-to-Internet" service="HTTPS" transip=198.51.100.10 transport=61423 ' +
        'duration=38 sentbyte=4821 rcvdbyte=90233 sentpkt=31 rcvdpkt=72 srcmac="00:0c:29:ab:cd:ef"',
    );
    expect(r.format).toBe('kv+fortigate');
    expect(r.logsource).toEqual({ product: 'fortigate', category: 'firewall' });
    expect(r.time).toBe(Date.UTC(2026, 2, 2, 0, 15, 22));
    expect(r.fields).toMatchObject({
      'source.ip': '10.10.20.15',
      'source.port': 52114,
      'destination.ip': '203.0.113.50',
      'destination.port': 443,
      'source.nat.ip': '198.51.100.10',
      'source.nat.port': 61423,
      'source.bytes': 4821,
      'destination.bytes': 90233,
      'network.bytes': 95054,
      'network.packets': 103,
      'network.transport': 'tcp',
      'network.protocol': 'https',
      'network.direction': 'outbound',
      'event.action': 'close',
      'event.duration': 38_000_000_000,
      'event.start': '2026-03-02T00:15:22.331Z',
      'event.code': '0000000013',
      'rule.id': '12',
      'rule.name': 'LAN-to-Internet',
      'source.mac': '00-0C-29-AB-CD-EF',
      'observer.ingress.interface.name': 'port5',
      'observer.egress.interface.name': 'wan1',
      'observer.vendor': 'Fortinet',
      'fortinet.firewall.sessionid': 48211937,
      'fortinet.firewall.vd': 'root',
    });
    expect(r.fields['event.type']).toEqual(['connection', 'end', 'allowed']);
    expect(Object.keys(r.fields).some((k) => k.startsWith('kv.'))).toBe(false);
  });

  it('marks a denied session as denied', () => {
    const r = parse(
      `${HEAD} logid="0000000013" type="traffic" subtype="forward" vd="root" srcip=10.0.0.7 dstip=198.51.100.200 ` +
        'dstport=3389 proto=6 action="deny" policyid=0',
    );
    expect(r.fields['event.type']).toEqual(['connection', 'end', 'denied']);
    expect(r.fields['event.action']).toBe('deny');
  });

  it('reads IPv6 addresses', () => {
    const r = parse(
      `${HEAD} logid="0000000013" type="traffic" subtype="forward" vd="root" srcip=2001:db8:10::15 srcport=50322 ` +
        'dstip=fd00::53 dstport=53 proto=17 action="accept"',
    );
    expect(r.fields['source.ip']).toBe('2001:db8:10::15');
    expect(r.fields['destination.ip']).toBe('fd00::53');
    expect(r.fields['network.transport']).toBe('udp');
    expect(r.fields['network.direction']).toBe('inbound');
  });

  it("reads date and time in the tenant's zone when the log carries no tz", () => {
    const r = parse(
      '<189>date=2026-03-02 time=09:20:01 devname="FGT-BR-02" devid="FGT60FTK2209ABCD" logid="0000000013" ' +
        'type="traffic" subtype="forward" vd="branch" srcip=10.20.30.8 dstip=10.10.0.53 proto=1 action="accept"',
    );
    expect(r.format).toBe('rfc3164+kv+fortigate');
    expect(r.time).toBe(Date.UTC(2026, 2, 2, 0, 20, 1));
    expect(r.fields['log.syslog.priority']).toBe(189);
  });

  it('keeps a value that does not convert under fortinet.firewall.* instead of dropping it', () => {
    const r = parse(
      `${HEAD} logid="0000000013" type="traffic" subtype="forward" vd="root" srcip=10.0.0.1 srcport=-1 dstip=nowhere sentbyte=abc`,
    );
    expect(r.fields['source.port']).toBeUndefined();
    expect(r.fields['fortinet.firewall.srcport']).toBe('-1');
    expect(r.fields['fortinet.firewall.dstip']).toBe('nowhere');
    expect(r.fields['fortinet.firewall.sentbyte']).toBe('abc');
  });

  it('turns a virus detection into a malware alert with the file and URL', () => {
    const r = parse(
      `${HEAD} logid="0211008192" type="utm" subtype="virus" eventtype="infected" level="warning" vd="root" ` +
        'msg="File is infected." action="blocked" service="HTTP" srcip=10.10.20.15 dstip=203.0.113.80 srcport=53002 ' +
        'dstport=80 proto=6 direction="incoming" filename="eicar.com" virus="EICAR_TEST_FILE" ' +
        'url="http://files.example.net/download/eicar.com" profile="default" agent="Mozilla/5.0"',
    );
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.category': ['network', 'malware'],
      'event.type': ['denied'],
      'event.action': 'FortiGate-av-infect-warning',
      'rule.name': 'EICAR_TEST_FILE',
      'rule.ruleset': 'default',
      'file.name': 'eicar.com',
      'url.domain': 'files.example.net',
      'url.path': '/download/eicar.com',
      'user_agent.original': 'Mozilla/5.0',
      message: 'File is infected.',
      // UTM `direction` is the way the content flowed, not network.direction.
      'network.direction': 'outbound',
      'fortinet.firewall.direction': 'incoming',
    });
  });

  it('maps an IPS signature to an intrusion_detection alert named after the attack', () => {
    const r = parse(
      `${HEAD} logid="0419016384" type="utm" subtype="ips" eventtype="signature" vd="root" severity="critical" ` +
        'srcip=192.0.2.200 dstip=10.10.50.20 action="dropped" proto=6 attack="Apache.Log4j.Error.Log.Remote.Code.Execution" ' +
        'attackid=51006 srcport=44332 dstport=8080',
    );
    expect(r.fields['event.kind']).toBe('alert');
    expect(r.fields['event.category']).toEqual(['network', 'intrusion_detection']);
    expect(r.fields['rule.name']).toBe('Apache.Log4j.Error.Log.Remote.Code.Execution');
    expect(r.fields['fortinet.firewall.attackid']).toBe('51006');
  });

  it('maps DNS queries and answers', () => {
    const r = parse(
      `${HEAD} logid="1501054802" type="utm" subtype="dns" eventtype="dns-response" vd="root" srcip=10.10.20.15 ` +
        'dstip=10.10.0.53 proto=17 qname="www.example.com" qtype="A" qclass="IN" ipaddr="192.0.2.14, 192.0.2.15" action="pass"',
    );
    expect(r.fields).toMatchObject({
      'dns.question.name': 'www.example.com',
      'dns.question.type': 'A',
      'dns.resolved_ip': ['192.0.2.14', '192.0.2.15'],
      'event.type': ['allowed', 'info'],
      'related.hosts': ['www.example.com'],
    });
  });

  it('handles a UTM subtype it has no mapping for', () => {
    const r = parse(
      `${HEAD} logid="2400064600" type="utm" subtype="virtual-patch" eventtype="signature" vd="root" srcip=10.0.0.1 ` +
        'dstip=10.0.0.2 action="block" vpatchsig="X"',
    );
    expect(r.fields['event.kind']).toBe('event');
    expect(r.fields['event.action']).toBe('signature');
    expect(r.fields['event.type']).toEqual(['denied']);
    expect(r.fields['fortinet.firewall.vpatchsig']).toBe('X');
  });

  it('reads an admin login failure as authentication with the role from the message', () => {
    const r = parse(
      `${HEAD} logid="0100032002" type="event" subtype="system" level="alert" vd="root" logdesc="Admin login failed" ` +
        'user="admin" ui="https(172.16.1.2)" method="https" srcip=172.16.1.2 dstip=172.16.1.1 action="login" ' +
        'status="failed" reason="passwd_invalid" msg="Administrator admin login failed from https(172.16.1.2) because of invalid password"',
    );
    expect(r.logsource).toEqual({ product: 'fortigate', category: 'firewall', service: 'event' });
    expect(r.fields).toMatchObject({
      'event.action': 'login',
      'event.category': ['authentication'],
      'event.outcome': 'failure',
      'event.reason': 'passwd_invalid',
      'user.name': 'admin',
      'user.roles': ['Administrator'],
      'source.user.name': 'admin',
      'rule.description': 'Admin login failed',
    });
  });

  it('keeps the configuration path and action Sigma rules look for', () => {
    const r = parse(
      `${HEAD} logid="0100044547" type="event" subtype="system" vd="root" user="admin" ui="GUI(10.10.1.5)" ` +
        'action="Add" cfgpath="system.admin" cfgobj="backup_adm" msg="Add system.admin backup_adm"',
    );
    expect(r.fields).toMatchObject({
      'fortinet.firewall.action': 'Add',
      'fortinet.firewall.cfgpath': 'system.admin',
      'event.action': 'FortiGate-event-config-objattr',
      'event.category': ['configuration'],
      'event.type': ['change'],
    });
  });

  it('makes the remote VPN peer the source and counts bytes from its side', () => {
    const r = parse(
      `${HEAD} logid="0101037141" type="event" subtype="vpn" vd="root" action="tunnel-stats" remip=172.20.114.249 ` +
        'locip=172.20.121.252 remport=500 locport=500 user="172.20.114.249" eapuser="test01" assignip=192.168.3.100 ' +
        'sentbyte=97846 rcvdbyte=34319 duration=385 advpnsc=0',
    );
    expect(r.fields).toMatchObject({
      'source.ip': '172.20.114.249',
      'destination.ip': '172.20.121.252',
      'source.port': 500,
      'source.user.name': 'test01',
      'destination.bytes': 97846,
      'source.bytes': 34319,
      'fortinet.firewall.user': '172.20.114.249',
      'fortinet.firewall.advpnsc': false,
      'related.ip': ['192.168.3.100'],
    });
  });

  it('claims only lines with FortiOS logid and type plus devid or vd, not FortiSandbox ones', () => {
    const rec = (fields: Record<string, string>): ParsedRecord => ({ format: 'kv', fields });
    expect(fortigate.match(rec({ 'kv.logid': '1', 'kv.type': 'event', 'kv.devid': 'FG1' }), '')).toBe(true);
    expect(fortigate.match(rec({ 'kv.logid': '1', 'kv.type': 'event', 'kv.vd': 'root' }), '')).toBe(true);
    expect(fortigate.match(rec({ 'kv.log_id': '1', 'kv.type': 'event', 'kv.device_id': 'FE1' }), '')).toBe(
      false,
    );
    expect(fortigate.match(rec({ 'kv.logid': '1', 'kv.devid': 'FG1' }), '')).toBe(false);
    expect(
      fortigate.match(rec({ 'kv.logid': '1', 'kv.type': 'alert', 'kv.devid': 'FSA3KD3R16000071' }), ''),
    ).toBe(false);
  });

  it('reads FortiOS tz spellings and eventtime precisions', () => {
    expect(tzOffsetMinutes('-0700')).toBe(-420);
    expect(tzOffsetMinutes('+02:00')).toBe(120);
    expect(tzOffsetMinutes('GMT+9:00')).toBe(540);
    expect(tzOffsetMinutes('+0530')).toBe(330);
    expect(tzOffsetMinutes('PST-8')).toBe(-480);
    expect(tzOffsetMinutes('UTC')).toBe(0);
    expect(tzOffsetMinutes('Tokyo')).toBeNaN();
    expect(eventTimeMs('1775176270239669800')).toBe(1775176270239);
    expect(eventTimeMs('1775176270239669')).toBe(1775176270239);
    expect(eventTimeMs('1775176270')).toBe(1775176270000);
    expect(eventTimeMs('soon')).toBeNaN();
  });
});
