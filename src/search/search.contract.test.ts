// One query, two backends: the SQLite compiler (over the real day-file schema) and the JS predicate select the same events.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event, FieldValue } from '../core/event.js';
import type { EventId, TenantId } from '../core/ids.js';
import { parseQuery } from './parser.js';
import { compilePredicate } from './predicate.js';
import { createSearchTestDb } from './sqlite-fixture.js';
import { compileToSqlite } from './sqlite-compiler.js';

const T0 = Date.UTC(2025, 10, 28, 10, 0, 0); // 2025-11-28T10:00:00Z
const NOW = T0 + 2 * 3_600_000; // queries run at 12:00Z
const MIN = 60_000;

interface Spec {
  tenant?: string;
  time?: number;
  receivedAt?: number;
  input?: string;
  logsource?: Event['logsource'];
  message?: string;
  raw?: string;
  tags?: string[];
  fields?: Record<string, FieldValue>;
}

function ev(n: number, spec: Spec): Event {
  const time = spec.time ?? T0 + (n - 1) * 2 * MIN;
  const fields: Record<string, FieldValue> = { ...spec.fields };
  if (spec.message !== undefined) fields['message'] = spec.message;
  const e: Event = {
    id: `e${String(n).padStart(2, '0')}` as EventId,
    tenant: (spec.tenant ?? 'acme') as TenantId,
    time,
    receivedAt: spec.receivedAt ?? time + 1000,
    logsource: spec.logsource ?? {},
    fields,
  };
  if (spec.input !== undefined) e.input = spec.input;
  if (spec.raw !== undefined) e.raw = spec.raw;
  if (spec.tags !== undefined) e.tags = spec.tags;
  return e;
}

const events: Event[] = [
  ev(1, {
    input: 'syslog',
    logsource: { product: 'linux', service: 'sshd' },
    message: 'Failed password for invalid user admin from 10.0.0.5 port 52211 ssh2',
    raw: '<38>Nov 28 10:00:00 web1 sshd[123]: Failed password for invalid user admin from 10.0.0.5 port 52211 ssh2',
    fields: {
      'source.ip': '10.0.0.5',
      'user.name': 'admin',
      'event.action': 'ssh_login',
      'event.outcome': 'failure',
      'event.category': ['authentication'],
      'source.port': 52211,
    },
  }),
  ev(2, {
    input: 'syslog',
    logsource: { product: 'linux', service: 'sshd' },
    message: 'Accepted publickey for deploy from 192.168.1.20 port 40022 ssh2',
    raw: '<38>Nov 28 10:02:00 web1 sshd[124]: Accepted publickey for deploy from 192.168.1.20 port 40022 ssh2',
    fields: {
      'source.ip': '192.168.1.20',
      'user.name': 'deploy',
      'event.action': 'ssh_login',
      'event.outcome': 'success',
      'event.category': ['authentication'],
    },
  }),
  ev(3, {
    logsource: { product: 'fortigate', category: 'firewall' },
    raw: 'date=2025-11-28 time=10:04:00 devname="FG100" srcip=10.1.2.3 dstip=8.8.8.8 dstport=53 action="accept"',
    fields: {
      'source.ip': '10.1.2.3',
      'destination.ip': '8.8.8.8',
      'destination.port': 53,
      'event.action': 'accept',
      'event.category': ['network'],
      'network.transport': 'udp',
    },
  }),
  ev(4, {
    message: 'Denied RDP from 203.0.113.7',
    fields: {
      'source.ip': '203.0.113.7',
      'destination.ip': '10.0.0.10',
      'destination.port': 3389,
      'event.action': 'deny',
      'event.category': ['network'],
    },
  }),
  ev(5, {
    message: 'HTTPS allowed',
    fields: { 'source.ip': '10.0.0.99', 'destination.port': '443', 'event.action': 'accept' },
  }),
  ev(6, {
    message: 'IPv6 flow',
    fields: { 'source.ip': '2001:db8::1', 'destination.port': 1024, 'event.action': 'accept' },
  }),
  ev(7, {
    message: 'Proxy flow',
    fields: { 'source.ip': '2001:db8:abcd::42', 'destination.port': 8080, 'event.action': 'Accept' },
  }),
  ev(8, { message: 'Other v6', fields: { 'source.ip': '2001:0db9::1', 'destination.port': 22 } }),
  ev(9, {
    logsource: { product: 'windows', service: 'security' },
    message: 'An account was successfully logged on.',
    fields: {
      'user.name': 'Administrator',
      'event.action': 'logon',
      'event.code': 4624,
      'event.category': ['authentication', 'iam'],
      'winlog.event_data.TargetUserName': 'Administrator',
    },
  }),
  ev(10, {
    logsource: { product: 'windows' },
    message: 'An account failed to log on.',
    fields: { 'event.code': '4625', 'user.name': 'adm_backup', 'event.outcome': 'failure' },
  }),
  ev(11, {
    message: 'Café au lait: résumé uploaded',
    raw: 'Café au lait: résumé uploaded',
    tags: ['parse_error'],
  }),
  ev(12, { message: 'ログイン失敗 user=tanaka', fields: { 'user.name': 'tanaka' } }),
  ev(13, {
    logsource: { product: 'windows', category: 'process_creation' },
    message: 'Process created',
    fields: {
      'process.command_line': 'powershell.exe -enc SQBFAFgA',
      'process.executable': 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    },
  }),
  ev(14, {
    fields: {
      'process.command_line': 'cmd.exe /c whoami',
      'process.executable': 'C:\\Windows\\System32\\cmd.exe',
    },
  }),
  ev(15, {
    message: 'GET http://evil.example.com/a?b=1 200',
    fields: {
      'url.original': 'http://evil.example.com/a?b=1',
      'http.response.status_code': 200,
      'destination.domain': 'evil.example.com',
    },
  }),
  ev(16, { message: 'uploaded report (final).pdf', fields: { 'file.name': 'report (final).pdf' } }),
  ev(17, { fields: { 'file.name': 'a*b.txt', 'file.size': 1.5 } }),
  ev(18, { message: 'risk high', fields: { 'event.severity': '7', 'event.risk_score': 73.5 } }),
  ev(19, { fields: { 'tls.established': true, 'labels.nat_translated': false } }),
  ev(20, { message: 'null user', fields: { 'user.name': null } }),
  ev(21, { time: T0 - 86_400_000, receivedAt: T0 + 3 * 3_600_000, input: 'file', message: 'late arrival' }),
  ev(22, { message: 'start iso', fields: { 'event.start': '2025-11-28T09:30:00+09:00' } }),
  ev(23, { fields: { 'event.start': '2025-11-28T11:00:00Z' } }),
  ev(24, { fields: { 'event.start': T0 } }),
  ev(25, {
    tenant: 'beta',
    message: 'Failed password for root from 10.9.9.9',
    fields: { 'source.ip': '10.9.9.9', 'user.name': 'root' },
  }),
  ev(26, { fields: { 'source.ip': '::ffff:10.20.30.40' } }),
  ev(27, { message: 'multi ip', fields: { 'related.ip': ['10.0.0.5', '8.8.4.4'] } }),
  ev(28, { message: 'percent 100% done_ok', raw: 'percent 100% done_ok' }),
  ev(29, { message: 'tagged', tags: ['vip', 'Test'] }),
  ev(30, { input: 'http', fields: { 'event.action': 'heartbeat' } }),
];

const ids = (...n: number[]): string[] => n.map((i) => `e${String(i).padStart(2, '0')}`);
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const except = (...n: number[]): string[] => ids(...range(1, 30).filter((i) => !n.includes(i)));

const cases: [query: string, expected: string[]][] = [
  ['', except()],
  ['*', except()],
  ['failed', ids(1, 10, 25)],
  ['"Failed password"', ids(1, 25)],
  ['"password for invalid"', ids(1)],
  ['fail*', ids(1, 10, 25)],
  ['*word', ids(1, 25)],
  ['-failed', except(1, 10, 25)],
  ['NOT NOT failed', ids(1, 10, 25)],
  ['failed OR tagged AND vip', ids(1, 10, 25)],
  ['(failed OR tagged) tags:vip', ids(29)],
  ['user.name:admin', ids(1)],
  ['user.name:ADMIN', ids(1)],
  ['user.name:adm*', ids(1, 9, 10)],
  ['user.name:adm?n', ids(1)],
  ['user.name:adm_*', ids(10)],
  ['user.name:*', ids(1, 2, 9, 10, 12, 25)],
  ['NOT user.name:*', except(1, 2, 9, 10, 12, 25)],
  ['user.name:root OR user.name:deploy', ids(2, 25)],
  ['destination.port:443', ids(5)],
  ['destination.port:53', ids(3)],
  ['destination.port:[1 TO 1024]', ids(3, 5, 6, 8)],
  ['destination.port:{53 TO 1024}', ids(5)],
  ['destination.port:>=1024', ids(4, 6, 7)],
  ['destination.port:<53', ids(8)],
  ['source.ip:10.0.0.0/8', ids(1, 3, 5, 25, 26)],
  ['source.ip:2001:db8::/32', ids(6, 7)],
  ['source.ip:"2001:db8::/32"', ids(6, 7)],
  ['source.ip:2001:db8::1', ids(6)],
  ['related.ip:8.8.4.4', ids(27)],
  ['related.ip:10.0.0.0/24', ids(27)],
  ['event.category:authentication', ids(1, 2, 9)],
  ['event.category:iam OR event.category:network', ids(3, 4, 9)],
  ['event.action:accept', ids(3, 5, 6, 7)],
  ['event.action:(accept OR deny) AND NOT source.ip:10.0.0.0/8', ids(4, 6, 7)],
  ['event.action:accept -destination.port:[1 TO 1024]', ids(7)],
  ['event.code:(4624 OR 4625)', ids(9, 10)],
  ['event.code:>4624', ids(10)],
  ['@timestamp:>=2025-11-28T10:30:00Z', ids(16, 17, 18, 19, 20, 22, 23, 24, 25, 26, 27, 28, 29, 30)],
  ['@timestamp:2025-11-27', ids(21)],
  ['@timestamp:[now-2h TO now-110m}', ids(1, 2, 3, 4, 5)],
  ['time:<now-1d', ids(21)],
  ['event.ingested:>now', ids(21)],
  ['event.start:[2025-11-28T00:00:00Z TO 2025-11-28T10:00:00Z]', ids(22, 24)],
  ['event.start:>now-1h', []],
  ['event.start:>=now-1h', ids(23)],
  ['file.name:report\\ \\(final\\).pdf', ids(16)],
  ['file.name:"report (final).pdf"', ids(16)],
  ['file.name:a\\*b.txt', ids(17)],
  ['file.name:a\\**', ids(17)],
  ['file.size:1.5', ids(17)],
  ['file.size:>1', ids(17)],
  ['event.severity:>=5', ids(18)],
  ['event.risk_score:[70 TO 80]', ids(18)],
  ['tls.established:true', ids(19)],
  ['labels.nat_translated:false', ids(19)],
  ['tls.established:*', ids(19)],
  ['message:"Process created"', ids(13)],
  ['message:process*', ids(13)],
  ['raw:*sshd*', ids(1, 2)],
  ['event.original:*FG100*', ids(3)],
  ['process.command_line:*-enc*', ids(13)],
  ['process.executable:"C:\\Windows\\System32\\cmd.exe"', ids(14)],
  ['process.executable:*\\\\cmd.exe', ids(14)],
  ['tags:parse_error', ids(11)],
  ['tags:test', ids(29)],
  ['tags:*', ids(11, 29)],
  ['tenant:beta', ids(25)],
  ['_id:e03 OR _id:(e14 OR e99)', ids(3, 14)],
  ['logsource.product:windows AND logsource.service:security', ids(9)],
  ['input:file OR input:HTTP', ids(21, 30)],
  ['cafe', ids(11)],
  ['résumé', ids(11)],
  ['ログイン失敗', ids(12)],
  ['失敗', []],
  ['*失敗*', ids(12)],
  ['"100%"', ids(28)],
  ['done_ok', ids(28)],
  ['*100%*', ids(28)],
  ['*t_1*', []],
  ['evil.example.com', ids(15)],
  ['url.original:"http://evil.example.com/a?b=1"', ids(15)],
  ['http.response.status_code:200', ids(15)],
  ['winlog.event_data.TargetUserName:administrator', ids(9)],
  ['heartbeat', []],
  ['event.action:heartbeat', ids(30)],
  ['no.such.field:x OR no.such.field:*', []],
];

describe('the SQLite compiler and the JS predicate', () => {
  let db: Database.Database;

  beforeAll(() => {
    db = createSearchTestDb(events);
  });

  afterAll(() => db.close());

  function viaSqlite(query: string): string[] {
    const { sql, params } = compileToSqlite(parseQuery(query, { now: NOW }));
    const rows = db
      .prepare(
        `SELECT id FROM events e WHERE e.tenant IN (?, ?) AND e.time >= ? AND e.time < ? AND (${sql}) ORDER BY id`,
      )
      .all('acme', 'beta', 0, 8.64e15, ...params) as { id: string }[];
    return rows.map((r) => r.id);
  }

  function viaPredicate(query: string): string[] {
    const match = compilePredicate(parseQuery(query, { now: NOW }));
    return events
      .filter(match)
      .map((e) => e.id)
      .sort();
  }

  it.each(cases)('select the same events for %j', (query, expected) => {
    expect(viaSqlite(query)).toEqual(expected);
    expect(viaPredicate(query)).toEqual(expected);
  });
});
