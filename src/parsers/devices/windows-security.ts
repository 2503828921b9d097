// Windows Security channel EventData to ECS (logons, process creation, privileges, account and group changes).
import { isIpAddress } from '../values.js';
import {
  type AccountKeys,
  type Fields,
  PARENT,
  PROCESS,
  USER,
  accountKeys,
  addRelated,
  keysOf,
  putCommandLine,
  putExecutable,
  text,
  toNumber,
} from './endpoint-common.js';
import { LOGON_FAILURE_REASONS, LOGON_FAILURE_STATUS, LOGON_TYPES, SECURITY } from './maps/windows.js';

const ED = 'winlog.event_data.';
const E = keysOf(ED, [
  'CommandLine',
  'FailureReason',
  'IpAddress',
  'IpPort',
  'LogonType',
  'MemberName',
  'MemberSid',
  'NewProcessId',
  'NewProcessName',
  'ParentProcessName',
  'ProcessId',
  'ProcessName',
  'Status',
  'SubStatus',
  'SubjectDomainName',
  'SubjectLogonId',
  'SubjectUserName',
  'SubjectUserSid',
  'TargetDomainName',
  'TargetLogonId',
  'TargetSid',
  'TargetUserName',
  'TargetUserSid',
  'Workstation',
  'WorkstationName',
] as const);
const ed = (f: Fields, name: keyof typeof E): string | undefined => text(f, E[name]);
const TARGET_USER = accountKeys('user.target');
const EFFECTIVE_USER = accountKeys('user.effective');
const GROUP = accountKeys('group');

// The SID Windows writes for "no account" (4688's TargetUserSid when the creator and the new process share a token).
const NULL_SID = 'S-1-0-0';
const MEMBER_CN = /^CN=((?:\\,|[^,])+)/i;
const ESCAPED_COMMA = /\\,/g;

function putAccount(f: Fields, k: AccountKeys, name?: string, domain?: string, sid?: string): void {
  if (name !== undefined) f[k.name] = name;
  if (domain !== undefined) f[k.domain] = domain;
  if (sid !== undefined && sid !== NULL_SID) f[k.id] = sid;
}

/** Process ids and logon ids of 0 are Windows' way of saying "none". */
function putPid(f: Fields, name: string, v: string | undefined): void {
  const n = toNumber(v);
  if (n > 0) f[name] = n;
}

function statusText(code: string | undefined): string | undefined {
  return code === undefined ? undefined : LOGON_FAILURE_STATUS[code.toUpperCase()];
}

/** 4625 and other failures: Status / SubStatus / FailureReason to winlog.logon.failure.*. */
function putFailure(f: Fields): void {
  const reason = ed(f, 'FailureReason');
  if (reason !== undefined) f['winlog.logon.failure.reason'] = LOGON_FAILURE_REASONS[reason] ?? reason;
  const status = statusText(ed(f, 'Status'));
  if (status !== undefined) f['winlog.logon.failure.status'] = status;
  const sub = statusText(ed(f, 'SubStatus'));
  if (sub !== undefined) f['winlog.logon.failure.sub_status'] = sub;
}

/** Logon source: IpAddress / IpPort / WorkstationName, without Windows' "-" and port 0 placeholders. */
function putSource(f: Fields): void {
  const ip = ed(f, 'IpAddress');
  if (ip !== undefined) {
    const addr = ip.startsWith('::ffff:') && ip.indexOf('.') > 0 ? ip.slice(7) : ip;
    if (isIpAddress(addr)) f['source.ip'] = addr;
  }
  const port = toNumber(ed(f, 'IpPort'));
  if (port > 0 && port <= 65535) f['source.port'] = port;
  const workstation = ed(f, 'WorkstationName') ?? ed(f, 'Workstation');
  if (workstation !== undefined) f['source.domain'] = workstation;
}

/** 4688: the new process, its creator (the parent) and, on Windows 10+, the account the new process runs as. */
function putProcessCreation(f: Fields): void {
  putExecutable(f, PROCESS, ed(f, 'NewProcessName'));
  putPid(f, PROCESS.pid, ed(f, 'NewProcessId'));
  putCommandLine(f, PROCESS, ed(f, 'CommandLine'));
  putExecutable(f, PARENT, ed(f, 'ParentProcessName'));
  putPid(f, PARENT.pid, ed(f, 'ProcessId'));
  putAccount(f, EFFECTIVE_USER, ed(f, 'TargetUserName'), ed(f, 'TargetDomainName'), ed(f, 'TargetUserSid'));
}

/** Maps one Security event's EventData; returns its Sigma category (4688 is process_creation). */
export function normalizeSecurity(f: Fields, id: string): string | undefined {
  const def = SECURITY[id];
  if (def) {
    if (def.category) f['event.category'] = def.category;
    f['event.type'] = def.type;
    f['event.action'] = def.action;
  }
  const target = ed(f, 'TargetUserName');
  if (def?.user === 'target' && target !== undefined) {
    putAccount(f, USER, target, ed(f, 'TargetDomainName'), ed(f, 'TargetUserSid'));
  } else {
    putAccount(f, USER, ed(f, 'SubjectUserName'), ed(f, 'SubjectDomainName'), ed(f, 'SubjectUserSid'));
  }
  const logonId = (def?.user === 'target' ? ed(f, 'TargetLogonId') : undefined) ?? ed(f, 'SubjectLogonId');
  if (logonId !== undefined && toNumber(logonId) !== 0) f['winlog.logon.id'] = logonId;
  if (def?.object === 'user') {
    putAccount(f, TARGET_USER, target, ed(f, 'TargetDomainName'), ed(f, 'TargetSid'));
  } else if (def?.object === 'group') {
    putAccount(f, GROUP, target, ed(f, 'TargetDomainName'), ed(f, 'TargetSid'));
    const member = ed(f, 'MemberName');
    const cn = member === undefined ? null : MEMBER_CN.exec(member);
    putAccount(f, TARGET_USER, cn?.[1]?.replace(ESCAPED_COMMA, ','), undefined, ed(f, 'MemberSid'));
  }
  if (def?.object !== 'group') addRelated(f, 'related.user', target);
  addRelated(f, 'related.user', ed(f, 'SubjectUserName'));

  const logonType = ed(f, 'LogonType');
  if (logonType !== undefined) f['winlog.logon.type'] = LOGON_TYPES[logonType] ?? logonType;
  putSource(f);
  if (id === '4688') {
    putProcessCreation(f);
  } else {
    putExecutable(f, PROCESS, ed(f, 'ProcessName'));
    putPid(f, PROCESS.pid, ed(f, 'ProcessId'));
  }
  if (id === '4625' || id === '4771' || id === '4776') putFailure(f);
  // A failed logon is a failure whatever the keywords say (and when a shipper left them out).
  if (id === '4625' || id === '4771') f['event.outcome'] = 'failure';
  return id === '4688' ? 'process_creation' : undefined;
}
