import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { checkpoint, readBracketPairs } from './checkpoint.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2026, 2, 2, 3), timeZone: 'Asia/Tokyo' };

function parse(line: string): ParsedRecord {
  const rec = parseText(line, ctx).record;
  if (!rec) throw new Error('no record');
  return rec;
}

const HEADER = '<134>1 2026-03-02T01:15:22Z gw-hq-01 CheckPoint 26203 - ';

describe('checkpoint', () => {
  it('maps an accepted connection with NAT like Elastic, client/server included', () => {
    const r = parse(
      HEADER +
        '[action:"Accept"; ifdir:"outbound"; ifname:"eth1"; loguid:"{0x1,0x2}"; origin:"10.0.0.1"; sequencenum:"14"; ' +
        '__policy_id_tag:"product=VPN-1 & FireWall-1[db_tag={A1};mgmt=m;date=1;policy_name=HQ_Policy\\]"; dst:"203.0.113.50"; ' +
        'inzone:"Internal"; outzone:"External"; layer_name:"Network"; rule_uid:"2c3d"; product:"VPN-1 & FireWall-1"; proto:"6"; ' +
        's_port:"52114"; service:"443"; service_id:"https"; src:"10.10.20.15"; xlatesport:"61423"; xlatesrc:"198.51.100.10"; ' +
        'xlatedport:"0"; xlatedst:"0.0.0.0"; match_id:"12"]',
    );
    expect(r.format).toBe('rfc5424+checkpoint');
    expect(r.logsource).toEqual({ product: 'checkpoint', category: 'firewall' });
    expect(r.time).toBe(Date.UTC(2026, 2, 2, 1, 15, 22));
    expect(r.fields).toMatchObject({
      'source.ip': '10.10.20.15',
      'source.port': 52114,
      'client.ip': '10.10.20.15',
      'client.port': 52114,
      'destination.ip': '203.0.113.50',
      'destination.port': 443,
      'server.port': 443,
      'source.nat.ip': '198.51.100.10',
      'source.nat.port': 61423,
      'client.nat.port': 61423,
      'network.iana_number': '6',
      'network.transport': 'tcp',
      'network.application': 'https',
      'network.direction': 'outbound',
      'network.name': 'Network',
      'observer.egress.interface.name': 'eth1',
      'observer.ingress.zone': 'Internal',
      'observer.egress.zone': 'External',
      'observer.name': '10.0.0.1',
      'observer.product': 'VPN-1 & FireWall-1',
      'observer.vendor': 'Checkpoint',
      'event.action': 'Accept',
      'event.id': '{0x1,0x2}',
      'event.sequence': 14,
      'event.outcome': 'success',
      'event.type': ['allowed', 'connection'],
      'rule.uuid': '2c3d',
      'rule.ruleset': 'HQ_Policy',
      'checkpoint.match_id': '12',
    });
    expect(r.fields['destination.nat.ip']).toBeUndefined();
    expect(r.fields['destination.nat.port']).toBeUndefined();
  });

  it('reads a drop from an IPv6 address as denied', () => {
    const r = parse(
      HEADER +
        '[action:"Drop"; ifdir:"inbound"; ifname:"eth0"; loguid:"{0x3}"; origin:"10.0.0.1"; dst:"2001:db8:ffff::80"; ' +
        'product:"VPN-1 & FireWall-1"; proto:"17"; s_port:"50322"; service:"6881"; src:"2001:db8:10::15"]',
    );
    expect(r.fields).toMatchObject({
      'source.ip': '2001:db8:10::15',
      'destination.ip': '2001:db8:ffff::80',
      'network.transport': 'udp',
      'event.type': ['denied', 'connection'],
      'observer.ingress.interface.name': 'eth0',
    });
  });

  it('turns a threat prevention log into an alert with the file, hashes and protection', () => {
    const r = parse(
      HEADER +
        '[action:"Prevent"; loguid:"{0x4}"; origin:"10.0.0.1"; file_md5:"44D88612FEA8A8F36DE82E1278ABB02F"; ' +
        'file_name:"eicar.com"; product:"Anti-Virus"; protection_name:"EICAR-Test-File"; severity:"4"; ' +
        'resource:"http://files.example.net/download/eicar.com"; src:"203.0.113.80"; dst:"10.10.20.15"]',
    );
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.category': ['network', 'malware'],
      'event.severity': 4,
      'file.name': 'eicar.com',
      'file.hash.md5': '44d88612fea8a8f36de82e1278abb02f',
      'rule.name': 'EICAR-Test-File',
      'url.domain': 'files.example.net',
    });
  });

  it('reads Identity Awareness user names and logins', () => {
    const r = parse(
      HEADER +
        '[action:"Log In"; loguid:"{0x5}"; origin:"10.0.0.1"; auth_status:"Successful Login"; product:"Identity Awareness"; ' +
        'src:"10.10.20.15"; src_user_name:"Taro Tanaka (ttanaka)"]',
    );
    expect(r.fields).toMatchObject({
      'source.user.name': 'ttanaka',
      'source.user.full_name': 'Taro Tanaka',
      'event.category': ['network', 'authentication'],
      'event.type': ['start'],
      'event.outcome': 'success',
    });
  });

  it('reads a SmartConsole administrator login failure', () => {
    const r = parse(
      HEADER +
        '[loguid:"{0x6}"; origin:"10.0.0.2"; administrator:"admin"; client_ip:"10.10.1.5"; operation:"Log In"; ' +
        'product:"SmartConsole"; status:"Failure"]',
    );
    expect(r.fields).toMatchObject({
      'user.name': 'admin',
      'source.ip': '10.10.1.5',
      'event.action': 'Log In',
      'event.outcome': 'failure',
      'event.category': ['network', 'configuration', 'authentication'],
    });
  });

  it('reads the key="value" form and takes the time from `time` when there is no header', () => {
    const r = parse(
      'time="1772414122" action="Accept" origin="10.0.0.1" loguid="{0x7}" product="VPN-1 & FireWall-1" src="10.10.20.16" ' +
        'dst="203.0.113.51" proto="17" s_port="53001" service="53"',
    );
    expect(r.format).toBe('kv+checkpoint');
    expect(r.time).toBe(1772414122000);
    expect(r.fields['source.ip']).toBe('10.10.20.16');
    expect(r.fields['destination.port']).toBe(53);
    expect(Object.keys(r.fields).some((k) => k.startsWith('kv.'))).toBe(false);
  });

  it('reads the JSON form', () => {
    const r = parse(
      '{"time":"1772414140","action":"Accept","origin":"10.0.0.1","loguid":"{0x8}","src":"10.10.20.17","dst":"203.0.113.52","service":"443"}',
    );
    expect(r.format).toBe('json+checkpoint');
    expect(r.fields['destination.port']).toBe(443);
    expect(r.fields['src']).toBeUndefined();
  });

  it('keeps values that do not convert and unknown keys under checkpoint.*', () => {
    const r = parse(
      HEADER + '[loguid:"{0x9}"; origin:"10.0.0.1"; src:"not-an-ip"; s_port:"x"; note:"a \\"b\\"; c"]',
    );
    expect(r.fields).toMatchObject({
      'checkpoint.src': 'not-an-ip',
      'checkpoint.s_port': 'x',
      'checkpoint.note': 'a "b"; c',
    });
  });

  it('reads bracket pairs with doubled colons, escapes and repeated keys', () => {
    const pairs = new Map<string, string>();
    expect(
      readBracketPairs('[sys_message::"installed \\"Std\\""; version:"5"; version:"1.0"; x:"a]b"]', pairs),
    ).toBe(4);
    expect(pairs.get('sys_message')).toBe('installed "Std"');
    expect(pairs.get('version')).toBe('5');
    expect(pairs.get('version_2')).toBe('1.0');
    expect(pairs.get('x')).toBe('a]b');
  });

  it('claims Check Point lines only', () => {
    const rec = (fields: Record<string, string>): ParsedRecord => ({ format: 'rfc5424', fields });
    expect(checkpoint.match(rec({ 'log.syslog.appname': 'CheckPoint', message: '[]' }), '')).toBe(true);
    expect(checkpoint.match(rec({ 'kv.loguid': '{0x1}', 'kv.origin': '10.0.0.1' }), '')).toBe(true);
    expect(checkpoint.match(rec({ message: '[loguid:"{0x1}"; origin:"10.0.0.1"]' }), '')).toBe(true);
    expect(checkpoint.match(rec({ message: '[info] something happened' }), '')).toBe(false);
    expect(checkpoint.match(rec({ 'kv.loguid': '1' }), '')).toBe(false);
  });
});
