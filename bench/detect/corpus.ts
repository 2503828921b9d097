// A deterministic mixed event stream for the detection bench: Windows Sysmon and Security events as NXLog ships
// them (process, file, registry, network, image load, logons), the shared firewall/sshd corpus lines, and proxy
// and DNS lines. Values come from everyday Windows and network activity, so few rules fire, as on a real feed.

import { seeded, type Random as Rand } from '../../src/core/seeded-random.js';

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const hex = (rand: Rand, n: number): string =>
  Array.from({ length: n }, () => '0123456789ABCDEF'[Math.floor(rand() * 16)]).join('');

const USERS = ['CORP\\tanaka', 'CORP\\suzuki', 'CORP\\sato', 'NT AUTHORITY\\SYSTEM', 'CORP\\svc_backup'];
const HOSTS = [
  'pc-0012.corp.example',
  'pc-0044.corp.example',
  'srv-file01.corp.example',
  'srv-app02.corp.example',
];
const SYS32 = 'C:\\Windows\\System32\\';
const PROCESSES: readonly [string, string[]][] = [
  [
    `${SYS32}svchost.exe`,
    ['-k netsvcs -p -s Schedule', '-k LocalService -p -s EventLog', '-k DcomLaunch -p'],
  ],
  [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    ['--type=renderer --lang=ja --num-raster-threads=2', '--type=gpu-process --field-trial-handle=1820'],
  ],
  ['C:\\Windows\\explorer.exe', ['', '/factory,{75dff2b7-6936-4c06-a8bb-676a7b00b24b} -Embedding']],
  [`${SYS32}conhost.exe`, ['0xffffffff -ForceV1']],
  [`${SYS32}RuntimeBroker.exe`, ['-Embedding']],
  [`${SYS32}taskhostw.exe`, ['', 'Install $(Arg0)']],
  [`${SYS32}dllhost.exe`, ['/Processid:{3EB3C877-1F16-487C-9050-104DBCD66683}']],
  [`${SYS32}WindowsPowerShell\\v1.0\\powershell.exe`, ['-NoProfile -File C:\\Scripts\\inventory.ps1']],
  [`${SYS32}cmd.exe`, ['/c echo backup done', '/c dir C:\\Users\\Public']],
  ['C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', ['/recycle']],
  ['C:\\Users\\tanaka\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe', ['--system-initiated']],
  ['C:\\Program Files\\Git\\cmd\\git.exe', ['fetch --all', 'status --porcelain']],
  [`${SYS32}msiexec.exe`, ['/V']],
  [`${SYS32}SearchIndexer.exe`, ['/Embedding']],
];
const PARENTS = [
  `${SYS32}services.exe`,
  'C:\\Windows\\explorer.exe',
  `${SYS32}svchost.exe`,
  `${SYS32}cmd.exe`,
];
const FOLDERS = [
  'C:\\Users\\tanaka\\AppData\\Local\\Temp\\',
  'C:\\Users\\suzuki\\Documents\\',
  'C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\',
  'C:\\Windows\\Prefetch\\',
];
const FILES = ['report_2026Q3.xlsx', 'tmp4A1F.tmp', 'CHROME.EXE-5C2A3B1D.pf', 'mpcache-3F2.bin', 'notes.txt'];
const KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer\\UserData\\S-1-5-18\\Products\\Flags',
  'HKU\\S-1-5-21-1004336348-1177238915-682003330-1001\\Software\\Microsoft\\Office\\16.0\\Common\\General\\Theme',
  'HKLM\\System\\CurrentControlSet\\Services\\bam\\State\\UserSettings\\LastRun',
];
const DLLS = [`${SYS32}kernel32.dll`, `${SYS32}ntdll.dll`, `${SYS32}combase.dll`, `${SYS32}wininet.dll`];
const DOMAINS = [
  'www.example.co.jp',
  'update.microsoft.com',
  'cdn.jsdelivr.net',
  'mail.corp.example',
  'news.example.jp',
];

function timeOf(i: number): string {
  return new Date(Date.UTC(2026, 10, 28, 9, 0, 0) + i * 5).toISOString();
}

function base(rand: Rand, i: number, eventId: number, channel: string): Record<string, unknown> {
  return {
    EventTime: timeOf(i),
    Hostname: pick(rand, HOSTS),
    EventID: eventId,
    SourceName: channel === 'Security' ? 'Microsoft-Windows-Security-Auditing' : 'Microsoft-Windows-Sysmon',
    Channel: channel === 'Security' ? 'Security' : 'Microsoft-Windows-Sysmon/Operational',
    Severity: 'INFO',
  };
}

function sysmon(rand: Rand, i: number): Record<string, unknown> {
  const [image, args] = pick(rand, PROCESSES);
  const name = image.slice(image.lastIndexOf('\\') + 1);
  const process = {
    UtcTime: timeOf(i).replace('T', ' ').replace('Z', ''),
    ProcessGuid: `{${hex(rand, 8)}-0000-0000-0000-${hex(rand, 12)}}`,
    ProcessId: String(1000 + Math.floor(rand() * 9000)),
    Image: image,
    User: pick(rand, USERS),
  };
  const r = rand();
  if (r < 0.35) {
    const commandLine = `"${image}" ${pick(rand, args)}`.trim();
    return {
      ...base(rand, i, 1, 'Sysmon'),
      ...process,
      CommandLine: commandLine,
      CurrentDirectory: 'C:\\Windows\\system32\\',
      OriginalFileName: name,
      Description: name,
      Product: 'Microsoft® Windows® Operating System',
      Company: 'Microsoft Corporation',
      IntegrityLevel: pick(rand, ['Medium', 'High', 'System']),
      Hashes: `SHA1=${hex(rand, 40)},MD5=${hex(rand, 32)},SHA256=${hex(rand, 64)},IMPHASH=${hex(rand, 32)}`,
      ParentImage: pick(rand, PARENTS),
      ParentCommandLine: `${pick(rand, PARENTS)}`,
      ParentProcessId: String(500 + Math.floor(rand() * 500)),
    };
  }
  if (r < 0.55) {
    return {
      ...base(rand, i, 11, 'Sysmon'),
      ...process,
      TargetFilename: pick(rand, FOLDERS) + pick(rand, FILES),
      CreationUtcTime: process.UtcTime,
    };
  }
  if (r < 0.75) {
    return {
      ...base(rand, i, 13, 'Sysmon'),
      ...process,
      EventType: 'SetValue',
      TargetObject: pick(rand, KEYS),
      Details: `DWORD (0x0000000${Math.floor(rand() * 9)})`,
    };
  }
  if (r < 0.9) {
    return {
      ...base(rand, i, 3, 'Sysmon'),
      ...process,
      Protocol: 'tcp',
      Initiated: 'true',
      SourceIp: `10.1.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`,
      SourcePort: String(49152 + Math.floor(rand() * 10000)),
      DestinationIp: `203.0.113.${Math.floor(rand() * 255)}`,
      DestinationHostname: pick(rand, DOMAINS),
      DestinationPort: pick(rand, ['443', '80', '53']),
    };
  }
  return {
    ...base(rand, i, 7, 'Sysmon'),
    ...process,
    ImageLoaded: pick(rand, DLLS),
    Signed: 'true',
    Signature: 'Microsoft Windows',
    Hashes: `SHA256=${hex(rand, 64)}`,
  };
}

function security(rand: Rand, i: number): Record<string, unknown> {
  const eventId = pick(rand, [4624, 4624, 4625, 4688, 4672]);
  return {
    ...base(rand, i, eventId, 'Security'),
    SubjectUserSid: 'S-1-5-18',
    SubjectUserName: 'SRV-FILE01$',
    SubjectDomainName: 'CORP',
    TargetUserName: pick(rand, ['tanaka', 'suzuki', 'svc_backup', 'Administrator']),
    TargetDomainName: 'CORP',
    LogonType: pick(rand, ['2', '3', '10']),
    IpAddress: `10.1.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`,
    WorkstationName: 'PC-0012',
    LogonProcessName: 'NtLmSsp',
    AuthenticationPackageName: 'NTLM',
    ...(eventId === 4688
      ? { NewProcessName: pick(rand, PROCESSES)[0], CommandLine: '', ParentProcessName: pick(rand, PARENTS) }
      : {}),
  };
}

function proxy(rand: Rand, i: number): string {
  const t = (Date.UTC(2026, 10, 28, 9, 0, 0) + i * 5) / 1000;
  const domain = pick(rand, DOMAINS);
  const path = pick(rand, ['/', '/index.html', '/api/v1/items?id=42', '/static/app.js', '/favicon.ico']);
  const status = pick(rand, ['200', '200', '304', '404']);
  return `${t.toFixed(3)}    ${Math.floor(rand() * 900)} 10.1.2.${Math.floor(rand() * 255)} TCP_MISS/${status} ${Math.floor(rand() * 90000)} GET http://${domain}${path} - HIER_DIRECT/203.0.113.${Math.floor(rand() * 255)} text/html`;
}

/**
 * `count` raw lines: Windows events (45 %: Sysmon 80 %, Security 20 %) as NXLog JSON, proxy access lines (10 %),
 * and the rest from the shared syslog corpus (firewalls, sshd, sudo), taken in turn.
 */
export function mixedLines(count: number, syslogLines: readonly string[], seed = 7): string[] {
  const rand = seeded(seed);
  const lines: string[] = [];
  let s = 0;
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.36) lines.push(JSON.stringify(sysmon(rand, i)));
    else if (r < 0.45) lines.push(JSON.stringify(security(rand, i)));
    else if (r < 0.55 || syslogLines.length === 0) lines.push(proxy(rand, i));
    else lines.push(syslogLines[s++ % syslogLines.length]!);
  }
  return lines;
}
