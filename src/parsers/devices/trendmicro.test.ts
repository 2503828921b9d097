import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext } from '../types.js';
import { classify } from './trendmicro.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2026, 10, 27, 3), timeZone: 'UTC' };

function parse(line: string) {
  const { record } = parseText(line, ctx);
  if (!record) throw new Error(`no record for ${line}`);
  return record;
}

describe('trendmicro device parser', () => {
  it('reads a Deep Security anti-malware event as an antivirus alert with the file hashes', () => {
    const r = parse(
      '<134>Nov 27 10:15:02 relay CEF:0|Trend Micro|Deep Security Agent|20.0|4000000|HEUR_SUSPICIOUS.B|6|cn1=301 cn1Label=Host ID ' +
        'dvchost=web01 filePath=/var/www/uploads/shell.php act=Quarantine msg=Realtime ' +
        'TrendMicroDsFileSHA256=2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824',
    );
    expect(r.format).toBe('rfc3164+cef+trendmicro');
    expect(r.logsource).toEqual({ product: 'trendmicro', category: 'antivirus' });
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.category': ['malware'],
      'event.type': ['info', 'denied'],
      'rule.name': 'HEUR_SUSPICIOUS.B',
      'file.path': '/var/www/uploads/shell.php',
      'file.name': 'shell.php',
      'file.hash.sha256': '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
      'host.id': '301',
      'host.hostname': 'web01',
      'log.syslog.hostname': 'relay',
      'cef.extensions.deviceAction': 'Quarantine',
    });
  });

  it('keeps the fields the CEF parser set (event.action, observer.*) as they were', () => {
    const r = parse(
      'CEF:0|Trend Micro|Deep Security Agent|1.2.3|20|Log for TCP Port 80|0|cn1=1 cn1Label=Host ID act=Log src=192.168.126.150 dst=72.14.204.147 proto=TCP spt=49617 dpt=80',
    );
    expect(r.fields).toMatchObject({
      'event.action': 'Log',
      'observer.product': 'Deep Security Agent',
      'network.transport': 'tcp',
      'event.category': ['network'],
      'rule.name': 'Log for TCP Port 80',
    });
    expect(r.logsource).toEqual({ product: 'trendmicro', category: 'firewall' });
  });

  it('reads an IPS event from IPv6 addresses as an alert with the rule id', () => {
    const r = parse(
      'CEF:0|Trend Micro|Deep Security Agent|20.0|1011122|Apache Log4j RCE|10|cn1=301 cn1Label=Host ID src=2001:db8:100::77 dst=2001:db8:40::11 act=Reset',
    );
    expect(r.fields).toMatchObject({
      'source.ip': '2001:db8:100::77',
      'event.kind': 'alert',
      'rule.id': '1011122',
      'event.type': ['info', 'denied'],
    });
    expect(r.logsource).toEqual({ product: 'trendmicro', category: 'ips' });
  });

  it('says a web reputation block that only the message tells is denied', () => {
    const r = parse(
      'CEF:0|Trend Micro|Deep Security Agent|20.0|5000000|WebReputation|5|cn1=1 cn1Label=Host ID dvchost=ws12 request=http://bad.example/x msg=Blocked By Admin',
    );
    expect(r.fields['event.type']).toEqual(['info', 'denied']);
    expect(r.fields['url.original']).toBe('http://bad.example/x');
  });

  it('reads Deep Security Manager sign-ins as authentication with an outcome', () => {
    const r = parse(
      'CEF:0|Trend Micro|Deep Security Manager|20.0|603|User Locked Out|6|src=203.0.113.40 suser=admin',
    );
    expect(r.fields).toMatchObject({ 'event.category': ['authentication'], 'event.outcome': 'failure' });
    expect(r.fields['host.hostname']).toBeUndefined();
  });

  it('reads Apex Central virus and web violation logs by their event id prefix', () => {
    const av = parse(
      'CEF:0|Trend Micro|Apex Central|2019|AV:File quarantined|TROJ_GEN.R002C0PKQ26|3|rt=Nov 27 2026 01:49:31 GMT+00:00 dhost=WS-SALES-07 act=File quarantined fileHash=A94A8FE5CCB19BA61C4C0873D391E987982FBBD3 cs1Label=VirusName cs1=TROJ_GEN.R002C0PKQ26',
    );
    expect(av.logsource).toEqual({ product: 'trendmicro', category: 'antivirus' });
    expect(av.fields).toMatchObject({
      'rule.name': 'TROJ_GEN.R002C0PKQ26',
      'file.hash.sha1': 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3',
      'event.type': ['info', 'denied'],
    });
    expect(new Date(av.time!).toISOString()).toBe('2026-11-27T01:49:31.000Z');
    const wb = parse(
      'CEF:0|Trend Micro|Apex Central|2019|WB:36|36|3|act=2 request=http://phish.example.net/ cs1Label=SLF_PolicyName cs1=Internal',
    );
    expect(wb.fields).toMatchObject({
      'event.category': ['web'],
      'event.type': ['info', 'denied'],
      'rule.ruleset': 'Internal',
    });
  });

  it('leaves an event class it does not know with the product logsource and no category', () => {
    const r = parse('CEF:0|Trend Micro|Apex Central|2019|XYZ:1|Future log|3|msg=hello');
    expect(r.logsource).toEqual({ product: 'trendmicro' });
    expect(r.fields['event.category']).toBeUndefined();
  });

  it('claims no CEF from another vendor', () => {
    expect(parse('CEF:0|Citrix|NetScaler|NS10.0|APPFW|APPFW_STARTURL|6|src=10.0.0.1').format).toBe('cef');
  });

  it('classifies Deep Security ids by range and Apex ids by prefix', () => {
    expect(classify('Deep Security Agent', '30')).toBe('integrity');
    expect(classify('Deep Security Agent', '3002795')).toBe('log_inspection');
    expect(classify('Deep Security Agent', '6001200')).toBe('app_control');
    expect(classify('Apex Central', '700211')).toBeUndefined();
    expect(classify('Apex Central', 'PML:File cleaned')).toBe('malware');
  });
});
