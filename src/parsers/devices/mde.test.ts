import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2024, 4, 14, 12), timeZone: 'UTC' };

function parse(obj: unknown): ParsedRecord {
  const rec = parseText(JSON.stringify(obj), ctx).record;
  if (!rec) throw new Error('no record');
  return rec;
}

const alert = {
  id: 'da638513040211223344_-1122334455',
  incidentId: 4102,
  investigationId: null,
  severity: 'High',
  status: 'New',
  detectionSource: 'WindowsDefenderAtp',
  category: 'CredentialAccess',
  title: 'Suspicious access to LSASS service memory',
  description: 'A process accessed the memory of lsass.exe.',
  alertCreationTime: '2024-05-14T08:23:05.4412209Z',
  firstEventTime: '2024-05-14T08:22:59.9480000Z',
  lastEventTime: '2024-05-14T08:23:01.0023117Z',
  machineId: '1f2e3d4c',
  computerDnsName: 'WS-FIN-023.corp.example.com',
  aadTenantId: '5b7c9d1e',
  relatedUser: { userName: 'akira.tanaka', domainName: 'CORP' },
  mitreTechniques: ['T1003.001'],
  comments: [],
};

describe('mde', () => {
  it('maps an alert with one evidence object to an ECS alert under the m365 defender_endpoint logsource', () => {
    const r = parse({
      ...alert,
      evidence: {
        entityType: 'User',
        accountName: 'akira.tanaka',
        userSid: 'S-1-5-21-1-2-3-1013',
        sha1: null,
      },
    });
    expect(r.format).toBe('json+mde');
    expect(r.logsource).toEqual({ product: 'm365', service: 'defender_endpoint' });
    expect(new Date(r.time ?? 0).toISOString()).toBe('2024-05-14T08:23:05.441Z');
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.id': 'da638513040211223344_-1122334455',
      'event.severity': 4,
      'event.action': 'CredentialAccess',
      'event.category': ['host'],
      'event.type': ['user', 'creation', 'start'],
      'event.duration': 1054311700,
      message: 'Suspicious access to LSASS service memory',
      'rule.description': 'A process accessed the memory of lsass.exe.',
      'observer.name': 'WindowsDefenderAtp',
      'host.hostname': 'WS-FIN-023.corp.example.com',
      'host.name': 'ws-fin-023.corp.example.com',
      'user.name': 'akira.tanaka',
      'user.domain': 'CORP',
      'user.id': 'S-1-5-21-1-2-3-1013',
      'cloud.provider': 'azure',
      'cloud.instance.id': '1f2e3d4c',
      'threat.technique.id': ['T1003.001'],
      'microsoft.defender_endpoint.incidentId': '4102',
      'microsoft.defender_endpoint.evidence.entityType': 'User',
      'microsoft.defender_endpoint.evidence.accountName': 'akira.tanaka',
    });
    expect(r.fields['microsoft.defender_endpoint.investigationId']).toBeUndefined();
    expect(r.fields['microsoft.defender_endpoint.comments']).toBeUndefined();
    expect(r.fields['microsoft.defender_endpoint.evidence.sha1']).toBeUndefined();
    expect(r.fields['title']).toBeUndefined();
  });

  it("reads the API's evidence list: the first value of each field, every hash and address as related", () => {
    const r = parse({
      ...alert,
      evidence: [
        {
          entityType: 'Process',
          fileName: 'rundll32.exe',
          filePath: 'C:\\Windows\\System32',
          sha1: 'aa'.repeat(20),
          processId: 7116,
          processCommandLine: 'rundll32.exe comsvcs.dll, MiniDump 728 C:\\l.dmp full',
          parentProcessFileName: 'powershell.exe',
          parentProcessFilePath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
        },
        { entityType: 'File', fileName: 'l.dmp', filePath: 'C:\\', sha1: 'bb'.repeat(20) },
        { entityType: 'Ip', ipAddress: '2001:db8:4a::17' },
      ],
    });
    expect(r.fields).toMatchObject({
      'event.category': ['host', 'process'],
      'file.name': 'rundll32.exe',
      'file.hash.sha1': 'aa'.repeat(20),
      'process.pid': 7116,
      'process.name': 'rundll32.exe',
      'process.executable': 'C:\\Windows\\System32\\rundll32.exe',
      'process.parent.executable': 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'related.hash': ['aa'.repeat(20), 'bb'.repeat(20)],
      'related.ip': ['2001:db8:4a::17'],
    });
    expect(typeof r.fields['microsoft.defender_endpoint.evidence']).toBe('string');
  });

  it('does not claim the empty {"value": []} page, which the ingest side splits', () => {
    expect(parse({ value: [] }).format).toBe('json');
  });

  it('keeps an alert without evidence or times as an alert', () => {
    const r = parse({
      id: 'x',
      detectionSource: 'CustomDetection',
      alertCreationTime: 'soon',
      severity: 'Unknown',
    });
    expect(r.fields['event.kind']).toBe('alert');
    expect(r.time).toBeUndefined();
    expect(r.fields['event.severity']).toBeUndefined();
  });
});
