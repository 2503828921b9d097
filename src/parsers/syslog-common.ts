// Pieces shared by the RFC 5424 and RFC 3164 header parsers: PRI decoding and the ECS log.syslog.* names.
import type { FieldValue } from '../core/event.js';

// Keywords as syslog tools spell them (`logger -p auth.err`, rsyslog selectors), so they are searchable as typed.
export const FACILITY_NAMES = [
  'kern',
  'user',
  'mail',
  'daemon',
  'auth',
  'syslog',
  'lpr',
  'news',
  'uucp',
  'cron',
  'authpriv',
  'ftp',
  'ntp',
  'security',
  'console',
  'solaris-cron',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
] as const;

export const SEVERITY_NAMES = [
  'emerg',
  'alert',
  'crit',
  'err',
  'warning',
  'notice',
  'info',
  'debug',
] as const;

/** Position after the PRI read by the last readPri call. */
export let priEnd = 0;

/** Reads "<PRI>" at the start: returns 0-191, -1 when there is no PRI, -2 when it is malformed or out of range. */
export function readPri(s: string): number {
  if (s.charCodeAt(0) !== 60 /* < */) return -1;
  let v = 0;
  let i = 1;
  for (; i < 5; i++) {
    const c = s.charCodeAt(i);
    if (c === 62 /* > */) break;
    if (c < 48 || c > 57) return -2;
    v = v * 10 + (c - 48);
  }
  if (i === 1 || i === 5 || v > 191) return -2;
  // RFC 5424: no leading zeros except "<0>".
  if (i > 2 && s.charCodeAt(1) === 48) return -2;
  priEnd = i + 1;
  return v;
}

export function putPri(fields: Record<string, FieldValue>, pri: number): void {
  const facility = pri >> 3;
  const severity = pri & 7;
  fields['log.syslog.priority'] = pri;
  fields['log.syslog.facility.code'] = facility;
  fields['log.syslog.facility.name'] = FACILITY_NAMES[facility] ?? String(facility);
  fields['log.syslog.severity.code'] = severity;
  fields['log.syslog.severity.name'] = SEVERITY_NAMES[severity] ?? String(severity);
}

export function putHostname(fields: Record<string, FieldValue>, host: string): void {
  fields['log.syslog.hostname'] = host;
  fields['host.hostname'] = host;
}

export function putAppname(fields: Record<string, FieldValue>, app: string): void {
  fields['log.syslog.appname'] = app;
  fields['process.name'] = app;
}

export function putProcid(fields: Record<string, FieldValue>, procid: string): void {
  fields['log.syslog.procid'] = procid;
  const pid = toPid(procid);
  if (pid >= 0) fields['process.pid'] = pid;
}

function toPid(s: string): number {
  if (s.length === 0 || s.length > 10) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
