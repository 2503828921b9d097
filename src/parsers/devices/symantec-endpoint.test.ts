import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext } from '../types.js';
import { splitColumns } from './symantec-endpoint.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2026, 10, 27, 6), timeZone: 'Asia/Tokyo' };

function parse(line: string) {
  const { record } = parseText(line, ctx);
  if (!record) throw new Error(`no record for ${line}`);
  return record;
}

const RISK =
  '<54>Nov 27 14:02:11 sepm01 SymantecServer: Virus found,IP Address: 10.20.30.41,Computer name: WS-SALES-07,' +
  'Source: Auto-Protect scan,Risk name: Trojan.Gen.MBT,Occurrences: 1,C:\\Users\\tanaka\\invoice.exe,,' +
  'Actual action: Quarantined,Requested action: Quarantined,Secondary action: Deleted,Event time: 2026-11-27 05:01:57,' +
  'Inserted: 2026-11-27 05:02:10,End: 2026-11-27 05:01:57,Domain: Default,Group: Example Corp\\Sales,Server: sepm01,' +
  'User: tanaka,File size (bytes): 803328,Certificate thumbprint: AB6EF1497C6E1C8CCC12F06E945A4954FB41AD45,Signing timestamp: 0';

describe('symantec-endpoint device parser', () => {
  it('reads an Agent Risk log as an antivirus alert with the file, user and endpoint', () => {
    const r = parse(RISK);
    expect(r.format).toBe('rfc3164+symantec-endpoint');
    expect(r.logsource).toEqual({ product: 'symantec', category: 'antivirus' });
    expect(r.fields).toMatchObject({
      'event.provider': 'Agent Risk Log',
      'event.kind': 'alert',
      'event.category': ['malware'],
      'event.action': 'Quarantined',
      message: 'Virus found',
      'rule.name': 'Trojan.Gen.MBT',
      'file.path': 'C:\\Users\\tanaka\\invoice.exe',
      'file.size': 803328,
      'file.hash.sha1': 'ab6ef1497c6e1c8ccc12f06e945a4954fb41ad45',
      'host.hostname': 'WS-SALES-07',
      'host.ip': '10.20.30.41',
      'user.name': 'tanaka',
      'observer.hostname': 'sepm01',
      'symantec_endpoint.log.risk_name': 'Trojan.Gen.MBT',
      'symantec_endpoint.log.event_time': '2026-11-27T05:01:57.000Z',
    });
    expect(r.fields['file.x509.not_before']).toBeUndefined();
  });

  it("takes the event time as UTC, whatever the tenant's zone", () => {
    expect(new Date(parse(RISK).time!).toISOString()).toBe('2026-11-27T05:01:57.000Z');
  });

  it('reads a traffic log as a host firewall connection with MACs in ECS form and ingress for inbound', () => {
    const r = parse(
      '<54>Nov 27 14:10:02 sepm01 SymantecServer: WS-SALES-07,Local Host IP: 10.20.30.41,Local Port: 445,' +
        'Local Host MAC: 0050.56a1.2b3c,Remote Host IP: 10.20.99.5,Remote Host Name: ,Remote Port: 51544,' +
        'Remote Host MAC: 000000000000,TCP,Inbound,Begin: 2026-11-27 05:09:58,End Time: 2026-11-27 05:09:58,' +
        'Occurrences: 3,Application: C:/WINDOWS/system32/NTOSKRNL.EXE,Rule: Block SMB,Location: Office,' +
        'User Name: tanaka,Domain Name: EXAMPLE,Action: Blocked,SHA-256: ,MD-5:',
    );
    expect(r.logsource).toEqual({ product: 'symantec', category: 'firewall' });
    expect(r.fields).toMatchObject({
      'event.provider': 'Agent Traffic Log',
      'source.ip': '10.20.30.41',
      'source.port': 445,
      'source.mac': '00-50-56-A1-2B-3C',
      'destination.ip': '10.20.99.5',
      'network.transport': 'tcp',
      'network.direction': 'ingress',
      'rule.name': 'Block SMB',
      'event.action': 'blocked',
      'event.type': ['connection', 'denied'],
    });
    expect(r.fields['destination.mac']).toBeUndefined();
  });

  it('reads a header-less line (a file dump or a relay that strips the header)', () => {
    const r = parse('Site: Tokyo,Server: sepm01,Database maintenance finished successfully.');
    expect(r.format).toBe('text+symantec-endpoint');
    expect(r.fields).toMatchObject({
      'event.provider': 'System Log',
      message: 'Database maintenance finished successfully.',
    });
  });

  it('marks administrator log-ons with their outcome', () => {
    const r = parse(
      '<54>Nov 27 14:31:00 sepm01 SymantecServer: Site: Tokyo,Server: sepm01,Domain: Default,Admin: admin,Administrator log on failed',
    );
    expect(r.fields).toMatchObject({
      'event.provider': 'Administrative Log',
      'user.name': 'admin',
      'event.category': ['authentication'],
      'event.outcome': 'failure',
    });
  });

  it('keeps the columns of a log type it does not know under the namespace', () => {
    const r = parse('<54>Nov 27 14:50:00 sepm01 SymantecServer: WS-X,Some Future Label: value');
    expect(r.fields['symantec_endpoint.log.some_future_label']).toBe('value');
    expect(r.fields['event.provider']).toBeUndefined();
    expect(r.logsource).toEqual({ product: 'symantec' });
  });

  it('claims no plain text line that merely holds commas', () => {
    expect(parseText('hello, world: nothing here', ctx).record).toBeNull();
  });

  it('splits columns with quoted commas and single-quoted text', () => {
    expect(splitColumns(`a,"Group: X, Y\\",'Scan started.',,b`)).toEqual([
      'a',
      'Group: X, Y\\',
      'Scan started.',
      '',
      'b',
    ]);
  });
});
