import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext } from '../types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2026, 10, 27, 3), timeZone: 'UTC' };

function parse(line: string) {
  const { record } = parseText(line, ctx);
  if (!record) throw new Error(`no record for ${line}`);
  return record;
}

const MALWARE =
  '<185>date=2026-11-27 time=10:05:12 devid=FSA3KE3A17000123 devname=fsa-tokyo tzone=32400 logid=0106000001 ' +
  'type=alert subtype=malware level=critical jobid=8241769012459863601 fname="invoice.docm" ' +
  'md5=6F5902AC237024BDD0C176CB93063DC4 sha256=E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 ' +
  'mname="VBA/Agent.XYZ!tr" risk="High Risk" score=87 srcip=203.0.113.45 dstip=10.20.30.41 dstport=49822 ' +
  'proto=SMTP scanstart=1795741500 scaned=1795741512 jstatus=Done msg="File invoice.docm is rated High Risk"';

describe('fortisandbox device parser', () => {
  it('reads a High Risk file verdict as an antivirus alert with file, hashes, malware name and score', () => {
    const r = parse(MALWARE);
    expect(r.format).toBe('rfc3164+kv+fortisandbox');
    expect(r.logsource).toEqual({ product: 'fortisandbox', category: 'antivirus' });
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.category': ['malware'],
      'event.severity': 3,
      'event.risk_score': 87,
      'event.outcome': 'success',
      'file.name': 'invoice.docm',
      'file.extension': 'docm',
      'file.hash.md5': '6f5902ac237024bdd0c176cb93063dc4',
      'rule.name': 'VBA/Agent.XYZ!tr',
      'source.ip': '203.0.113.45',
      'destination.port': 49822,
      'network.protocol': 'smtp',
      'event.duration': 12_000_000_000,
      'observer.product': 'FortiSandbox',
      'observer.serial_number': 'FSA3KE3A17000123',
      'fortinet.sandbox.rating': 'High Risk',
      'fortinet.sandbox.jobid': '8241769012459863601',
      message: 'File invoice.docm is rated High Risk',
    });
    expect(Object.keys(r.fields).filter((k) => k.startsWith('kv.'))).toEqual([]);
  });

  it('reads date and time in the zone tzone= gives', () => {
    expect(new Date(parse(MALWARE).time!).toISOString()).toBe('2026-11-27T01:05:12.000Z');
  });

  it('does not call a Clean verdict an alert', () => {
    const r = parse(
      'date=2026-11-27 time=10:09:02 devid=FSA3KE3A17000123 type=alert subtype=malware fname=report.pdf risk=Clean score=0',
    );
    expect(r.fields['event.kind']).not.toBe('alert');
    expect(r.fields['event.severity']).toBe(0);
  });

  it('splits a Windows path into file.path and file.name, and reads IPv6 addresses', () => {
    const r = parse(
      'date=2026-11-27 time=10:07:40 devid=FSA3KE3A17000123 type=alert subtype=malware fname="C:\\Users\\t\\setup.exe" risk=Malicious srcip=2001:db8:20::41',
    );
    expect(r.fields).toMatchObject({
      'file.path': 'C:\\Users\\t\\setup.exe',
      'file.name': 'setup.exe',
      'source.ip': '2001:db8:20::41',
      'event.severity': 4,
    });
  });

  it('reads a network attack seen during detonation with its ip:port pairs', () => {
    const r = parse(
      'date=2026-11-27 time=10:11:05 devid=FSA3KE3A17000123 type=alert subtype=netattack attackid=7000012 attackname="Zeus.Botnet" srcipport=10.255.0.15:49201 dstipport=192.0.2.77:8080 host=cnc.example.net',
    );
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.category': ['intrusion_detection', 'network'],
      'rule.name': 'Zeus.Botnet',
      'source.ip': '10.255.0.15',
      'destination.port': 8080,
      'destination.domain': 'cnc.example.net',
    });
  });

  it('reads a URL verdict with the URL domain', () => {
    const r = parse(
      'date=2026-11-27 time=10:10:30 devid=FSA3KE3A17000123 type=alert subtype=url url="http://login.example.org/verify?id=42" risk="Medium Risk"',
    );
    expect(r.fields).toMatchObject({ 'url.domain': 'login.example.org', 'event.severity': 2 });
  });

  it('reads an administrator login event as authentication', () => {
    const r = parse(
      'date=2026-11-27 time=10:20:00 devid=FSA3KE3A17000123 type=event subtype=system user=admin action=login status=success',
    );
    expect(r.logsource).toEqual({ product: 'fortisandbox' });
    expect(r.fields).toMatchObject({
      'event.category': ['authentication'],
      'event.outcome': 'success',
      'user.name': 'admin',
    });
  });

  it('leaves FortiGate lines to the FortiGate parser', () => {
    const r = parse(
      'date=2026-11-27 time=10:00:00 devid=FG100FTK20001234 logid=0000000013 type=traffic subtype=forward',
    );
    expect(r.format.includes('fortisandbox')).toBe(false);
  });
});
