import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext, ParsedRecord } from '../types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2024, 4, 14, 12), timeZone: 'Europe/Berlin' };

function parse(obj: unknown): ParsedRecord {
  const text = typeof obj === 'string' ? obj : JSON.stringify(obj);
  const rec = parseText(text, ctx).record;
  if (!rec) throw new Error('no record');
  return rec;
}

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const PS = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

function winlogbeat(channel: string, id: string, data: Record<string, string>, extra: object = {}): object {
  return {
    '@timestamp': '2024-05-14T08:21:37.412Z',
    winlog: {
      channel,
      event_id: id,
      provider_name: channel === SYSMON ? 'Microsoft-Windows-Sysmon' : 'Microsoft-Windows-Security-Auditing',
      computer_name: 'WS-FIN-023.corp.example.com',
      record_id: 418233,
      user: { identifier: 'S-1-5-18' },
      event_data: data,
    },
    ...extra,
  };
}

const processCreate = {
  UtcTime: '2024-05-14 08:21:37.409',
  ProcessGuid: '{a1b2c3d4-1e2f-6643-5c02-000000001b00}',
  ProcessId: '6712',
  Image: PS,
  CommandLine: 'powershell.exe -NoProfile -EncodedCommand SQBFAFgA',
  User: 'CORP\\akira.tanaka',
  Hashes: 'SHA1=6CBCE4A295C163791B60FC23D285E6D84F28EE4C,IMPHASH=741776AACCFC5B71FF59832DCDCACE0F',
  ParentProcessId: '5408',
  ParentImage: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
  ParentCommandLine:
    '"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n "C:\\x\\a b.docm"',
};

describe('windows', () => {
  it('maps Sysmon 1 from Winlogbeat to process_creation, keeping the EventData under winlog.event_data', () => {
    const r = parse(winlogbeat(SYSMON, '1', processCreate));
    expect(r.format).toBe('json+windows');
    expect(r.logsource).toEqual({ product: 'windows', category: 'process_creation', service: 'sysmon' });
    expect(new Date(r.time ?? 0).toISOString()).toBe('2024-05-14T08:21:37.409Z');
    expect(r.fields).toMatchObject({
      'event.code': '1',
      'event.category': ['process'],
      'event.type': ['start'],
      'process.executable': PS,
      'process.name': 'powershell.exe',
      'process.pid': 6712,
      'process.args': ['powershell.exe', '-NoProfile', '-EncodedCommand', 'SQBFAFgA'],
      'process.parent.pid': 5408,
      'process.parent.name': 'WINWORD.EXE',
      'process.parent.args': [
        'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
        '/n',
        'C:\\x\\a b.docm',
      ],
      'process.hash.sha1': '6cbce4a295c163791b60fc23d285e6d84f28ee4c',
      'process.pe.imphash': '741776aaccfc5b71ff59832dcdcace0f',
      'user.name': 'akira.tanaka',
      'user.domain': 'CORP',
      'winlog.event_data.Image': PS,
      'winlog.event_data.CommandLine': processCreate.CommandLine,
      'host.name': 'WS-FIN-023.corp.example.com',
    });
    expect(r.fields['related.hash']).toEqual([
      '6cbce4a295c163791b60fc23d285e6d84f28ee4c',
      '741776aaccfc5b71ff59832dcdcace0f',
    ]);
  });

  it("does not take Sysmon's own service account for the reported process's user", () => {
    const r = parse(winlogbeat(SYSMON, '1', processCreate));
    expect(r.fields['user.id']).toBeUndefined();
    expect(r.fields['winlog.user.identifier']).toBe('S-1-5-18');
  });

  it("rewrites NXLog's flat record into the same winlog.* names as Winlogbeat's", () => {
    const nx = {
      EventTime: '2024-05-14 10:21:37',
      Hostname: 'WS-FIN-023.corp.example.com',
      EventType: 'INFO',
      Severity: 'INFO',
      EventID: 1,
      SourceName: 'Microsoft-Windows-Sysmon',
      RecordNumber: 418233,
      ProcessID: 2964,
      Channel: SYSMON,
      UserID: 'S-1-5-18',
      Category: 'Process Create (rule: ProcessCreate)',
      Message: 'Process Create:',
      ...processCreate,
      SourceModuleType: 'im_msvistalog',
    };
    const a = parse(nx).fields;
    const b = parse(winlogbeat(SYSMON, '1', processCreate)).fields;
    for (const k of ['winlog.event_id', 'winlog.channel', 'winlog.computer_name', 'winlog.record_id'])
      expect(a[k], k).toEqual(b[k]);
    for (const k of Object.keys(processCreate))
      expect(a['winlog.event_data.' + k], k).toEqual(b['winlog.event_data.' + k]);
    expect(a).toMatchObject({
      'winlog.process.pid': 2964,
      'winlog.task': 'Process Create (rule: ProcessCreate)',
      'log.level': 'information',
      message: 'Process Create:',
      'nxlog.SourceModuleType': 'im_msvistalog',
      'process.command_line': processCreate.CommandLine,
    });
    expect(a['EventID']).toBeUndefined();
    expect(a['Image']).toBeUndefined();
  });

  it('reads NXLog EventTime in the tenant time zone when Sysmon gives no UtcTime', () => {
    const r = parse({ EventTime: '2024-05-14 10:00:00', EventID: 4, Channel: SYSMON, State: 'Started' });
    expect(new Date(r.time ?? 0).toISOString()).toBe('2024-05-14T08:00:00.000Z');
    expect(r.fields['winlog.event_data.State']).toBe('Started');
  });

  it("keeps Sysmon's registry EventType that NXLog's own EventType field overwrote", () => {
    const r = parse({
      EventID: 12,
      Channel: SYSMON,
      EventType: 'DeleteValue',
      TargetObject: 'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths\\C:\\tmp',
    });
    expect(r.fields['winlog.event_data.EventType']).toBe('DeleteValue');
    expect(r.logsource).toEqual({ product: 'windows', category: 'registry_delete', service: 'sysmon' });
    expect(r.fields['registry.hive']).toBe('HKLM');
  });

  it('gives Sysmon 12, 13 and 14 the Sigma registry categories and decodes DWORD and QWORD details', () => {
    const key = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\DisableAntiSpyware';
    const add = parse(winlogbeat(SYSMON, '12', { EventType: 'CreateKey', TargetObject: key }));
    expect(add.logsource?.category).toBe('registry_add');
    const set = parse(winlogbeat(SYSMON, '13', { TargetObject: key, Details: 'DWORD (0x00000001)' }));
    expect(set.logsource?.category).toBe('registry_set');
    expect(set.fields).toMatchObject({
      'registry.data.strings': ['1'],
      'registry.data.type': 'REG_DWORD',
      'registry.value': 'DisableAntiSpyware',
      'registry.key': 'SOFTWARE\\Policies\\Microsoft\\Windows Defender\\DisableAntiSpyware',
    });
    const q = parse(
      winlogbeat(SYSMON, '13', { TargetObject: key, Details: 'QWORD (0x00000001-0x00000002)' }),
    );
    expect(q.fields['registry.data.strings']).toEqual(['4294967298']);
    expect(parse(winlogbeat(SYSMON, '14', { TargetObject: key })).logsource?.category).toBe('registry_event');
  });

  it('splits Sysmon 22 answers into types, data and resolved IPs, unwrapping IPv4-mapped addresses', () => {
    const r = parse(
      winlogbeat(SYSMON, '22', {
        QueryName: 'cdn.update-check.co.uk',
        QueryStatus: '0',
        QueryResults: 'type:  5 edge-7.update-check.co.uk;::ffff:203.0.113.77;2001:db8:4a::17;',
      }),
    );
    expect(r.logsource?.category).toBe('dns_query');
    expect(r.fields).toMatchObject({
      'dns.question.name': 'cdn.update-check.co.uk',
      'dns.question.registered_domain': 'update-check.co.uk',
      'dns.question.top_level_domain': 'co.uk',
      'dns.question.subdomain': 'cdn',
      'dns.answers.type': ['CNAME', 'A', 'AAAA'],
      'dns.answers.data': ['edge-7.update-check.co.uk', '203.0.113.77', '2001:db8:4a::17'],
      'dns.resolved_ip': ['203.0.113.77', '2001:db8:4a::17'],
      'sysmon.dns.status': 'SUCCESS',
      'related.ip': ['203.0.113.77', '2001:db8:4a::17'],
    });
  });

  it('maps a Sysmon 3 IPv6 connection with ports as numbers and the direction', () => {
    const r = parse(
      winlogbeat(SYSMON, '3', {
        Protocol: 'tcp',
        Initiated: 'false',
        SourceIsIpv6: 'true',
        SourceIp: 'fe80:0:0:0:8d2c:11ff:fe4a:27b3',
        SourcePort: '51144',
        DestinationIp: 'fe80:0:0:0:5cf1:9aff:fe02:3e10',
        DestinationPort: '445',
        DestinationPortName: 'microsoft-ds',
      }),
    );
    expect(r.logsource?.category).toBe('network_connection');
    expect(r.fields).toMatchObject({
      'source.ip': 'fe80:0:0:0:8d2c:11ff:fe4a:27b3',
      'source.port': 51144,
      'destination.port': 445,
      'network.transport': 'tcp',
      'network.type': 'ipv6',
      'network.direction': 'ingress',
      'network.protocol': 'microsoft-ds',
    });
  });

  it('puts Sysmon 23 hashes on the deleted file, not on the deleting process', () => {
    const r = parse(
      winlogbeat(SYSMON, '23', {
        TargetFilename: 'C:\\x\\invoice.docm',
        Hashes: 'MD5=199E1CF5B2250BD515ECCCF4CA686301',
      }),
    );
    expect(r.logsource?.category).toBe('file_delete');
    expect(r.fields['file.hash.md5']).toBe('199e1cf5b2250bd515ecccf4ca686301');
    expect(r.fields['process.hash.md5']).toBeUndefined();
    expect(r.fields).toMatchObject({
      'file.name': 'invoice.docm',
      'file.extension': 'docm',
      'file.directory': 'C:\\x',
    });
  });

  it('maps a 4624 network logon to the target account, source address and logon type', () => {
    const ok = parse(
      winlogbeat('Security', '4624', {
        TargetUserSid: 'S-1-5-21-1-2-3-1013',
        TargetUserName: 'akira.tanaka',
        TargetDomainName: 'CORP',
        TargetLogonId: '0x8dcdc3',
        LogonType: '3',
        WorkstationName: 'WS-FIN-023',
        ProcessId: '0x0',
        IpAddress: '2001:db8:20:5::17',
        IpPort: '50611',
      }),
    );
    expect(ok.logsource).toEqual({ product: 'windows', service: 'security' });
    expect(ok.fields).toMatchObject({
      'event.action': 'logged-in',
      'event.category': ['authentication'],
      'user.name': 'akira.tanaka',
      'user.domain': 'CORP',
      'user.id': 'S-1-5-21-1-2-3-1013',
      'winlog.logon.id': '0x8dcdc3',
      'winlog.logon.type': 'Network',
      'source.ip': '2001:db8:20:5::17',
      'source.port': 50611,
      'source.domain': 'WS-FIN-023',
    });
    expect(ok.fields['process.pid']).toBeUndefined();
  });

  it('explains a 4625 with the failure reason and status texts and always marks it a failure', () => {
    const r = parse(
      winlogbeat('Security', '4625', {
        TargetUserSid: 'S-1-0-0',
        TargetUserName: 'administrator',
        Status: '0xc000006d',
        SubStatus: '0xC000006A',
        FailureReason: '%%2313',
        IpAddress: '::ffff:198.51.100.200',
        IpPort: '0',
      }),
    );
    expect(r.fields).toMatchObject({
      'event.outcome': 'failure',
      'winlog.logon.failure.reason': 'Unknown user name or bad password.',
      'winlog.logon.failure.status': 'This is either due to a bad username or authentication information',
      'winlog.logon.failure.sub_status': 'User logon with misspelled or bad password',
      'source.ip': '198.51.100.200',
    });
    expect(r.fields['user.id']).toBeUndefined(); // S-1-0-0 is "nobody"
    expect(r.fields['source.port']).toBeUndefined();
  });

  it('treats 4688 as process_creation in the security service, with hex process ids as numbers', () => {
    const ok = parse(
      winlogbeat('Security', '4688', {
        SubjectUserName: 'akira.tanaka',
        NewProcessId: '0x1a38',
        NewProcessName: 'C:\\Windows\\System32\\whoami.exe',
        ProcessId: '0x1a40',
        CommandLine: 'whoami /priv',
        ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
      }),
    );
    expect(ok.logsource).toEqual({ product: 'windows', category: 'process_creation', service: 'security' });
    expect(ok.fields).toMatchObject({
      'process.pid': 6712,
      'process.parent.pid': 6720,
      'process.name': 'whoami.exe',
      'process.parent.name': 'cmd.exe',
      'process.args': ['whoami', '/priv'],
      'user.name': 'akira.tanaka',
    });
  });

  it('names the group and the added member of a 4732', () => {
    const r = parse(
      winlogbeat('Security', '4732', {
        MemberName: 'CN=Tanaka\\, Akira,OU=Finance,DC=corp,DC=example,DC=com',
        MemberSid: 'S-1-5-21-1-2-3-1013',
        TargetUserName: 'Remote Desktop Users',
        TargetDomainName: 'Builtin',
        TargetSid: 'S-1-5-32-555',
        SubjectUserName: 'it.admin',
        SubjectDomainName: 'CORP',
      }),
    );
    expect(r.fields).toMatchObject({
      'event.action': 'added-member-to-group',
      'group.name': 'Remote Desktop Users',
      'group.id': 'S-1-5-32-555',
      'user.name': 'it.admin',
      'user.target.name': 'Tanaka, Akira',
      'user.target.id': 'S-1-5-21-1-2-3-1013',
    });
  });

  it('maps a Defender 1116 from NXLog, with blanks in EventData names turned into underscores', () => {
    const r = parse({
      EventTime: '2024-05-14 10:41:09',
      Hostname: 'SRV-APP-07',
      EventID: 1116,
      SourceName: 'Microsoft-Windows-Windows Defender',
      Channel: 'Microsoft-Windows-Windows Defender/Operational',
      UserID: 'S-1-5-18',
      'Threat Name': 'Trojan:Win32/Ceprolad.A',
      'Severity ID': '5',
      'Detection User': 'CORP\\svc-backup',
      'Process Name': 'C:\\Windows\\System32\\certutil.exe',
      Path: 'file:_C:\\Windows\\Temp\\a.exe; webfile:_C:\\Windows\\Temp\\a.exe|http://198.51.100.23/a.b',
    });
    expect(r.logsource).toEqual({ product: 'windows', service: 'windefend' });
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.category': ['malware'],
      'event.action': 'malware-detected',
      'rule.name': 'Trojan:Win32/Ceprolad.A',
      'event.severity': 5,
      'file.path': 'C:\\Windows\\Temp\\a.exe',
      'process.name': 'certutil.exe',
      'user.name': 'svc-backup',
      'winlog.event_data.Threat_Name': 'Trojan:Win32/Ceprolad.A',
    });
    expect(r.fields['user.id']).toBeUndefined();
  });

  it('drops the syslog header program and pid when NXLog JSON comes behind one', () => {
    const json = JSON.stringify({
      EventID: 4672,
      Channel: 'Security',
      SubjectUserName: 'SYSTEM',
      Message: 'Special',
    });
    const r = parse(`<110>May 14 10:03:12 FS01 Microsoft-Windows-Security-Auditing[640]: ${json}`);
    expect(r.format).toBe('rfc3164+json+windows');
    expect(r.fields['process.name']).toBeUndefined();
    expect(r.fields['log.syslog.appname']).toBe('Microsoft-Windows-Security-Auditing');
    expect(r.fields['message']).toBe('Special');
    expect(r.fields['event.action']).toBe('logged-in-special');
  });

  it('keeps an event of an unknown channel or id as a windows event without a category', () => {
    const r = parse({ winlog: { channel: 'Custom/Admin', event_id: 100, event_data: {} } });
    expect(r.logsource).toEqual({ product: 'windows' });
    expect(r.fields['winlog.event_id']).toBe('100');
    const bare = parse({ winlog: { channel: SYSMON } });
    expect(bare.format).toBe('json+windows');
  });

  it('never takes a sender value for a lookup-table member such as "constructor"', () => {
    const r = parse(winlogbeat('constructor', '4624', { LogonType: 'toString', TargetUserName: 'x' }));
    expect(r.logsource).toEqual({ product: 'windows' });
    const s = parse(winlogbeat('Security', 'constructor', { LogonType: 'constructor' }));
    expect(s.fields['event.action']).toBeUndefined();
    expect(s.fields['winlog.logon.type']).toBe('constructor');
  });

  it('does not claim JSON that only has an EventID, or other vendors’ JSON', () => {
    expect(parse({ EventID: 4624, message: 'x' }).format).toBe('json');
    expect(parse({ event_type: 'alert', src_ip: '10.0.0.1', EventID: 1 }).format).toBe('json');
  });
});
