// Sysmon (Microsoft-Windows-Sysmon/Operational) EventData to ECS, as Elastic's sysmon_operational pipeline maps it.
import { parseIsoAt } from '../timestamps.js';
import type { ParsedRecord } from '../types.js';
import { isIpAddress } from '../values.js';
import {
  FILE,
  PARENT,
  PROCESS,
  USER,
  type Fields,
  addRelated,
  keysOf,
  putCommandLine,
  putDomainParts,
  putDomainUser,
  putExecutable,
  putFilePath,
  putNumber,
  text,
} from './endpoint-common.js';
import {
  DNS_QUERY_STATUS,
  DNS_TYPES,
  REGISTRY_DELETE_TYPES,
  REGISTRY_HIVES,
  SYSMON,
} from './maps/windows.js';

const ED = 'winlog.event_data.';

// Which object a Sysmon event's Hashes describe: the process image, or the file it loaded, wrote or deleted.
// Elastic files 23's hashes under process.hash; they are the deleted file's, so Yagura puts them in file.hash.
const PROCESS_HASH_EVENTS: ReadonlySet<string> = new Set(['1', '24', '25']);
const FILE_HASH_EVENTS: ReadonlySet<string> = new Set(['6', '7', '15', '23', '26', '27', '28', '29']);

const ZEROS = /^0+$/;
const BLANKS = /\s+/;

const E = keysOf(ED, [
  'Archived',
  'CommandLine',
  'Company',
  'CurrentDirectory',
  'Description',
  'DestinationPortName',
  'Details',
  'Device',
  'EventType',
  'FileVersion',
  'Hash',
  'Hashes',
  'ID',
  'Image',
  'ImageLoaded',
  'Initiated',
  'IsExecutable',
  'OriginalFileName',
  'ParentCommandLine',
  'ParentImage',
  'ParentProcessGuid',
  'ParentProcessId',
  'PipeName',
  'ProcessGuid',
  'ProcessId',
  'Product',
  'Protocol',
  'QueryName',
  'QueryResults',
  'QueryStatus',
  'RuleName',
  'Signature',
  'SignatureStatus',
  'Signed',
  'SourceImage',
  'SourcePortName',
  'SourceProcessGUID',
  'SourceProcessGuid',
  'SourceProcessId',
  'SourceThreadId',
  'SourceUser',
  'TargetFilename',
  'TargetObject',
  'User',
  'UtcTime',
  'SourceIp',
  'SourcePort',
  'SourceHostname',
  'DestinationIp',
  'DestinationPort',
  'DestinationHostname',
  'SourceIsIpv6',
] as const);
const ed = (f: Fields, name: keyof typeof E): string | undefined => text(f, E[name]);

const PE_NAMES = ['original_file_name', 'company', 'description', 'file_version', 'product'] as const;
const PROCESS_PE = keysOf('process.pe.', PE_NAMES);
const FILE_PE = keysOf('file.pe.', PE_NAMES);
const HASH_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  process: {
    ...keysOf('process.hash.', ['md5', 'sha1', 'sha256', 'sha384', 'sha512']),
    imphash: 'process.pe.imphash',
  },
  file: {
    ...keysOf('file.hash.', ['md5', 'sha1', 'sha256', 'sha384', 'sha512']),
    imphash: 'file.pe.imphash',
  },
};
const NETWORK_SIDES = [
  {
    ip: 'SourceIp',
    port: 'SourcePort',
    host: 'SourceHostname',
    keys: keysOf('source.', ['ip', 'port', 'domain']),
  },
  {
    ip: 'DestinationIp',
    port: 'DestinationPort',
    host: 'DestinationHostname',
    keys: keysOf('destination.', ['ip', 'port', 'domain']),
  },
] as const;

/** "SHA1=..,MD5=..,IMPHASH=.." to <prefix>.hash.* and <prefix>.pe.imphash, lower case, skipping all-zero values. */
function putHashes(f: Fields, prefix: 'process' | 'file', hashes: string): void {
  const keys = HASH_KEYS[prefix] as Readonly<Record<string, string>>;
  for (const part of hashes.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const algo = part.slice(0, eq).trim().toLowerCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .toLowerCase();
    if (value.length === 0 || ZEROS.test(value)) continue;
    f[keys[algo] ?? prefix + '.hash.' + algo] = value;
    addRelated(f, 'related.hash', value);
  }
}

function putProcess(f: Fields, id: string): void {
  const guid = ed(f, 'ProcessGuid') ?? ed(f, 'SourceProcessGuid') ?? ed(f, 'SourceProcessGUID');
  if (guid !== undefined) f[PROCESS.entity_id] = guid;
  putNumber(f, PROCESS.pid, ed(f, 'ProcessId') ?? ed(f, 'SourceProcessId'));
  putNumber(f, 'process.thread.id', ed(f, 'SourceThreadId'));
  putExecutable(f, PROCESS, ed(f, 'Image') ?? ed(f, 'SourceImage'));
  putCommandLine(f, PROCESS, ed(f, 'CommandLine'));
  const cwd = ed(f, 'CurrentDirectory');
  if (cwd !== undefined) f['process.working_directory'] = cwd;
  const parentGuid = ed(f, 'ParentProcessGuid');
  if (parentGuid !== undefined) f[PARENT.entity_id] = parentGuid;
  putNumber(f, PARENT.pid, ed(f, 'ParentProcessId'));
  putExecutable(f, PARENT, ed(f, 'ParentImage'));
  putCommandLine(f, PARENT, ed(f, 'ParentCommandLine'));
  // Version information describes the loaded DLL in event 7 and the process image elsewhere.
  const pe = id === '7' ? FILE_PE : PROCESS_PE;
  const original = ed(f, 'OriginalFileName');
  if (original !== undefined) f[pe.original_file_name] = original;
  const company = ed(f, 'Company');
  if (company !== undefined) f[pe.company] = company;
  const description = ed(f, 'Description');
  if (description !== undefined) f[pe.description] = description;
  const version = ed(f, 'FileVersion');
  if (version !== undefined) f[pe.file_version] = version;
  const product = ed(f, 'Product');
  if (product !== undefined) f[pe.product] = product;
}

function putFile(f: Fields): void {
  const path = ed(f, 'TargetFilename') ?? ed(f, 'ImageLoaded') ?? ed(f, 'Device');
  putFilePath(f, FILE, path);
  const pipe = ed(f, 'PipeName');
  if (pipe !== undefined && path === undefined) f['file.name'] = pipe;
  const signature = ed(f, 'Signature');
  if (signature !== undefined) f['file.code_signature.subject_name'] = signature;
  const status = ed(f, 'SignatureStatus');
  if (status !== undefined) {
    f['file.code_signature.status'] = status;
    if (status === 'Valid') f['file.code_signature.valid'] = true;
  }
  const signed = ed(f, 'Signed');
  if (signed !== undefined) f['file.code_signature.signed'] = signed === 'true';
  const archived = ed(f, 'Archived');
  if (archived !== undefined) f['sysmon.file.archived'] = archived === 'true';
  const executable = ed(f, 'IsExecutable');
  if (executable !== undefined) f['sysmon.file.is_executable'] = executable === 'true';
}

function putNetwork(f: Fields): void {
  const transport = ed(f, 'Protocol');
  if (transport !== undefined) f['network.transport'] = transport.toLowerCase();
  const protocol = ed(f, 'DestinationPortName') ?? ed(f, 'SourcePortName');
  if (protocol !== undefined) f['network.protocol'] = protocol;
  for (const side of NETWORK_SIDES) {
    const ip = ed(f, side.ip);
    if (ip !== undefined && isIpAddress(ip)) f[side.keys.ip] = ip;
    putNumber(f, side.keys.port, ed(f, side.port));
    const host = ed(f, side.host);
    if (host !== undefined) f[side.keys.domain] = host;
  }
  const initiated = ed(f, 'Initiated');
  if (initiated !== undefined) f['network.direction'] = initiated === 'true' ? 'egress' : 'ingress';
  const v6 = ed(f, 'SourceIsIpv6');
  if (v6 !== undefined) f['network.type'] = v6 === 'true' ? 'ipv6' : 'ipv4';
}

/** An IPv4 address Windows wrote as IPv4-mapped IPv6 ("::ffff:1.2.3.4"), unwrapped. */
function unmapV4(ip: string): string {
  return ip.startsWith('::ffff:') && ip.indexOf('.') > 0 ? ip.slice(7) : ip;
}

/**
 * Sysmon 22: QueryResults ("type:  5 alias.example.net;::ffff:1.2.3.4;") to dns.answers and dns.resolved_ip. ECS
 * answers are objects; Yagura fields are flat, so they become the parallel lists dns.answers.type / dns.answers.data.
 */
function putDns(f: Fields): void {
  f['network.protocol'] = 'dns';
  const name = ed(f, 'QueryName');
  if (name !== undefined) {
    f['dns.question.name'] = name;
    putDomainParts(f, 'dns.question', name);
  }
  const status = ed(f, 'QueryStatus');
  if (status !== undefined) f['sysmon.dns.status'] = DNS_QUERY_STATUS[status] ?? status;
  const results = ed(f, 'QueryResults');
  if (results === undefined) return;
  const types: string[] = [];
  const data: string[] = [];
  const ips: string[] = [];
  const hosts: string[] = [];
  for (const raw of results.split(';')) {
    const answer = raw.trim();
    if (answer.length === 0) continue;
    if (answer.startsWith('type:')) {
      const parts = answer.slice(5).trim().split(BLANKS);
      const type = DNS_TYPES[parts[0] ?? ''] ?? parts[0] ?? '';
      if (parts.length >= 2 && parts[1]) {
        types.push(type);
        data.push(parts[1]);
        hosts.push(parts[1]);
      }
    } else {
      const ip = unmapV4(answer);
      if (isIpAddress(ip)) ips.push(ip);
    }
  }
  for (const ip of ips) {
    types.push(ip.indexOf(':') >= 0 ? 'AAAA' : 'A');
    data.push(ip);
  }
  if (data.length > 0) {
    f['dns.answers.type'] = types;
    f['dns.answers.data'] = data;
  }
  if (ips.length > 0) f['dns.resolved_ip'] = ips;
  for (const h of hosts) addRelated(f, 'related.hosts', h);
  if (name !== undefined) addRelated(f, 'related.hosts', name);
  for (const ip of ips) addRelated(f, 'related.ip', ip);
}

const DWORD = /^DWORD \((0x[0-9a-fA-F]{1,8})\)$/;
const QWORD = /^QWORD \((0x[0-9a-fA-F]{1,8})-(0x[0-9a-fA-F]{1,8})\)$/;

/** Sysmon 12/13/14: TargetObject and Details to ECS registry.*. */
function putRegistry(f: Fields): void {
  const path = ed(f, 'TargetObject');
  if (path === undefined) return;
  f['registry.path'] = path;
  const sep = path.indexOf('\\');
  const hive = REGISTRY_HIVES[sep < 0 ? path : path.slice(0, sep)];
  if (hive !== undefined) {
    f['registry.hive'] = hive;
    if (sep > 0) f['registry.key'] = path.slice(sep + 1);
  }
  f['registry.value'] = path.slice(path.lastIndexOf('\\') + 1);
  const details = ed(f, 'Details');
  if (details === undefined) return;
  let m = QWORD.exec(details);
  if (m) {
    const value = BigInt(m[1] as string) * 4294967296n + BigInt(m[2] as string);
    f['registry.data.strings'] = [value.toString()];
    f['registry.data.type'] = 'REG_QWORD';
    return;
  }
  m = DWORD.exec(details);
  if (m) {
    f['registry.data.strings'] = [String(parseInt((m[1] as string).slice(2), 16))];
    f['registry.data.type'] = 'REG_DWORD';
    return;
  }
  f['registry.data.strings'] = [details];
  f['registry.data.type'] = details === 'Binary Data' ? 'REG_BINARY' : 'REG_SZ';
}

/** Maps one Sysmon event's EventData; returns its Sigma category. */
export function normalizeSysmon(f: Fields, id: string, rec: ParsedRecord): string | undefined {
  const def = SYSMON[id];
  if (def) {
    if (def.category) f['event.category'] = def.category;
    f['event.type'] = def.type;
    f['event.action'] = def.action;
  }
  const utc = ed(f, 'UtcTime');
  if (utc !== undefined) {
    const t = parseIsoAt(utc, 0, 'UTC');
    if (!Number.isNaN(t)) rec.time = t;
  }
  const rule = ed(f, 'RuleName');
  if (rule !== undefined) f['rule.name'] = rule;
  putProcess(f, id);
  putFile(f);
  const hashes = ed(f, 'Hashes') ?? ed(f, 'Hash');
  if (hashes !== undefined) {
    if (PROCESS_HASH_EVENTS.has(id)) putHashes(f, 'process', hashes);
    else if (FILE_HASH_EVENTS.has(id)) putHashes(f, 'file', hashes);
  }
  putDomainUser(f, USER, ed(f, 'User') ?? ed(f, 'SourceUser'));
  if (id === '3') putNetwork(f);
  else if (id === '22') putDns(f);
  else if (id === '12' || id === '13' || id === '14') putRegistry(f);
  else if (id === '255') {
    const code = ed(f, 'ID');
    if (code !== undefined) f['error.code'] = code;
  }
  if (id === '12') {
    const type = ed(f, 'EventType');
    if (type !== undefined && REGISTRY_DELETE_TYPES.has(type)) return 'registry_delete';
  }
  return def?.sigma;
}
