import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2024, 4, 14, 12), timeZone: 'UTC' };

function parse(obj: unknown): ParsedRecord {
  const rec = parseText(JSON.stringify(obj), ctx).record;
  if (!rec) throw new Error('no record');
  return rec;
}

function falcon(eventType: string, event: Record<string, unknown>, created = 1715675210412): object {
  return {
    metadata: {
      customerIDString: '8f3b2c1d',
      offset: 0,
      eventType,
      eventCreationTime: created,
      version: '1.0',
    },
    event,
  };
}

const epp = {
  ProcessStartTime: 1715675208,
  ProcessEndTime: 0,
  ProcessId: 38291310557,
  ParentProcessId: 38291042881,
  Hostname: 'WS-FIN-023',
  UserName: 'CORP\\akira.tanaka',
  Name: 'CredentialDumping',
  Description: 'A process tried to read credentials from LSASS memory.',
  Severity: 90,
  SeverityName: 'Critical',
  FileName: 'rundll32.exe',
  FilePath: '\\Device\\HarddiskVolume3\\Windows\\System32\\rundll32.exe',
  CommandLine: '"C:\\Windows\\System32\\rundll32.exe" comsvcs.dll, MiniDump 728 C:\\l.dmp full',
  SHA256String: '9f1e8d7c6b5a49382716f5e4d3c2b1a0f9e8d7c6b5a49382716f5e4d3c2b1a0f',
  LogonDomain: 'CORP',
  AgentId: 'c0a8b3e1',
  LocalIP: '',
  LocalIPv6: '2001:db8:10::3',
  Tactic: 'Credential Access',
  TacticId: 'TA0006',
  Technique: 'OS Credential Dumping',
  TechniqueId: 'T1003',
  PatternDispositionDescription: 'Prevention, process killed.',
  PatternDispositionFlags: { KillProcess: true, Detect: false },
  ParentImageFileName: 'powershell.exe',
  ParentCommandLine: 'powershell.exe -nop',
  ParentImageFilePath:
    '\\Device\\HarddiskVolume3\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  GrandParentImageFileName: 'WINWORD.EXE',
  HostGroups: 'aa11,bb22',
  PatternId: 10233,
  FalconHostLink: 'https://falcon.example/detections/1',
};

describe('crowdstrike', () => {
  it('turns an EPP detection summary into an ECS malware alert with the Falcon fields under crowdstrike.*', () => {
    const r = parse(falcon('EppDetectionSummaryEvent', epp));
    expect(r.format).toBe('json+crowdstrike');
    expect(r.logsource).toEqual({ product: 'crowdstrike', service: 'falcon' });
    expect(new Date(r.time ?? 0).toISOString()).toBe('2024-05-14T08:26:50.412Z');
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.category': ['malware'],
      'event.action': 'Prevention, process killed.',
      'event.severity': 99,
      'event.reference': 'https://falcon.example/detections/1',
      'rule.name': 'CredentialDumping',
      'host.name': 'WS-FIN-023',
      'host.domain': 'CORP',
      'user.name': 'akira.tanaka',
      'user.domain': 'CORP',
      'source.ip': '2001:db8:10::3',
      'process.pid': 38291310557,
      'process.entity_id': '38291310557',
      'process.start': '2024-05-14T08:26:48.000Z',
      'process.name': 'rundll32.exe',
      'process.executable': 'C:\\Windows\\System32\\rundll32.exe',
      'process.parent.pid': 38291042881,
      'process.parent.name': 'powershell.exe',
      'process.parent.executable':
        '\\Device\\HarddiskVolume3\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'file.hash.sha256': '9f1e8d7c6b5a49382716f5e4d3c2b1a0f9e8d7c6b5a49382716f5e4d3c2b1a0f',
      'threat.framework': 'MITRE ATT&CK',
      'threat.tactic.id': ['TA0006'],
      'threat.technique.name': ['OS Credential Dumping'],
      'crowdstrike.event.SensorId': 'c0a8b3e1',
      'crowdstrike.event.GrandparentImageFileName': 'WINWORD.EXE',
      'crowdstrike.event.HostGroups': ['aa11', 'bb22'],
      'crowdstrike.event.PatternId': '10233',
      'crowdstrike.event.PatternDispositionFlags.KillProcess': true,
      'crowdstrike.metadata.offset': 0,
    });
    // Falcon's PascalCase `event` keys never stay beside ECS event.*; its zero end time is "still running".
    expect(Object.keys(r.fields).filter((k) => /^event\.[A-Z]/.test(k))).toEqual([]);
    expect(r.fields['process.end']).toBeUndefined();
    expect(r.fields['crowdstrike.event.ProcessEndTime']).toBeUndefined();
  });

  it("names Falcon's own framework when the tactic and technique carry no ATT&CK ids", () => {
    const r = parse(
      falcon('EppDetectionSummaryEvent', { Tactic: 'Malware', Technique: 'PUP', SeverityName: 'Low' }),
    );
    expect(r.fields['threat.framework']).toBe('CrowdStrike Falcon Detections Framework');
    expect(r.fields['event.severity']).toBe(21);
  });

  it('maps the legacy DetectionSummaryEvent, whose FilePath is the directory', () => {
    const r = parse(
      falcon('DetectionSummaryEvent', {
        ComputerName: 'WS-FIN-023',
        DetectName: 'Suspicious Activity',
        DetectDescription: 'Encoded PowerShell.',
        DetectId: 'ldt:abc:1',
        FileName: 'powershell.exe',
        FilePath: '\\Device\\HarddiskVolume3\\Windows\\System32\\WindowsPowerShell\\v1.0',
        CommandLine: 'powershell.exe -enc AAAA',
        MachineDomain: 'CORP',
        SeverityName: 'Medium',
      }),
    );
    expect(r.fields).toMatchObject({
      message: 'Encoded PowerShell.',
      'rule.description': 'Encoded PowerShell.',
      'rule.id': 'ldt:abc:1',
      'host.name': 'WS-FIN-023',
      'event.severity': 47,
      'process.executable':
        '\\Device\\HarddiskVolume3\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    });
  });

  it('keeps audit events as events with who, from where and the outcome', () => {
    const r = parse(
      falcon('AuthActivityAuditEvent', {
        UserId: 'it.admin@corp.example.com',
        UserIp: '198.51.100.14',
        OperationName: 'twoFactorAuthenticate',
        Success: false,
        UTCTimestamp: 1715675598,
      }),
    );
    expect(r.fields).toMatchObject({
      'event.kind': 'event',
      'event.action': 'twoFactorAuthenticate',
      'event.outcome': 'failure',
      'user.name': 'it.admin@corp.example.com',
      'user.email': 'it.admin@corp.example.com',
      'source.ip': '198.51.100.14',
    });
    expect(new Date(r.time ?? 0).toISOString()).toBe('2024-05-14T08:33:18.000Z');
  });

  it("reads the SIEM connector's JSON behind a syslog header, without the connector as the process", () => {
    const json = JSON.stringify(
      falcon('AuthActivityAuditEvent', { UserId: 'a@b.c', OperationName: 'login' }),
    );
    const rec = parseText(`<14>May 14 08:33:20 siem-01 CrowdStrike[1204]: ${json}`, ctx).record;
    expect(rec?.format).toBe('rfc3164+json+crowdstrike');
    expect(rec?.fields['event.action']).toBe('login');
    expect(rec?.fields['process.name']).toBeUndefined();
    expect(rec?.fields['log.syslog.appname']).toBe('CrowdStrike');
  });

  it('does not claim JSON with a metadata object of another kind', () => {
    expect(parse({ metadata: { eventType: 'x' }, event: { Name: 'y' } }).format).toBe('json');
  });
});
