// Cisco IOS / IOS XE syslog ("%SEC-6-IPACCESSLOGP: list ...") -> ECS, vendor detail under cisco.ios.*.
//
// Decisions:
// - IOS writes "[<PRI>][count: ][host: ][seq: ][*]time[ zone]: %FAC-SEV-MNEMONIC: text"; a relay may add its own
//   header, which the generic parse reads (the IOS sequence number then lands in the syslog tag). The IOS
//   time wins over the relay's; a zone abbreviation after it is honoured (ZONE_OFFSETS), else the tenant zone.
// - Fields follow Elastic's cisco_ios integration (observer.type and event.provider "firewall" included, so
//   Elastic's dashboards and rules work unchanged); mnemonics it does not read (links, configuration,
//   command log, SSH logins) get fields in the same spirit under cisco.ios.*.
// - Logsource: { product: cisco, service: syslog }, and service: aaa for logins, logouts and the command log
//   (SigmaHQ's cisco/aaa rules look for typed commands).
import type { FieldValue, LogSource } from '../../core/event.js';
import { looksBsdAt, looksIsoAt, parseBsdAt, parseIsoAt } from '../timestamps.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toInt } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  AAA_KINDS,
  FACILITY_KINDS,
  LOG_LEVELS,
  MNEMONICS,
  ZONE_OFFSETS,
  type IosKind,
} from './maps/cisco-ios.js';
import { IANA_NUMBER, IANA_TRANSPORT, ecsMac } from './network.js';

type Fields = Record<string, FieldValue>;

/** "%FACILITY[-SUB]-SEVERITY-MNEMONIC:" at lastIndex (no colon when the code was read as the syslog tag). */
const CODE = /%([A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)*?)-([0-7])-([A-Z0-9_]+)(?::\s*|$)/y;
/** What IOS XE puts between the code and the text: "R0/0: fman_fp_image: ", "SIP0: ...". */
const SUB_PREFIX = /(?:\w+\d+(?:\/\d+)*:\s+)?(?:[A-Za-z0-9_]+:\s+)?/y;
/** How far into the message the code may start (count, host, sequence and time come first). */
const MAX_CODE_AT = 120;
const UPTIME = /^(?:(?:\d+[ywdhm])+\d*|\d+:\d\d:\d\d(?:\.\d+)?)$/;
const ZONE = /^[A-Za-z]{2,5}$/;
const DIGITS = /^\d+$/;

const ACL =
  /^list (\S+) (permitted|denied) (\S+) (?:([0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}) )?([^\s(]+)(?:\((\d+)\))?(?: \(([^)]*)\))?(?: ?([A-Za-z][\w./:-]*?))? ?-> ([^\s(,]+)(?:\((\d+)\))?(?: \((\d+)(?:\/(\d+))?\))?, (\d+) packets?/;
const ACL_STANDARD = /^list (\S+) (permitted|denied) ([^\s(,]+)(?: \(([^)]*)\))?,? (\d+) packets?/;
const ACL_RATE_LIMIT = /missed (\d+) packets?/;
const LINK = /^Interface ([^,]+), changed state to (.+?)\s*$/;
const LINE_PROTOCOL = /^Line protocol on Interface ([^,]+), changed state to (.+?)\s*$/;
const CONFIG = /^Configured from (\S+) by (\S+)(?: on (\S+))?(?: \(([^)]*)\))?/;
const CONFIG_PROGRAMMATIC = /^Configured programmatically by process (\S+) from (\S+) as (\S+) on (\S+)/;
const CONFIG_COMMAND = /^User:(\S+)\s+logged command:(.*)$/;
const BRACKETS = /\[(\w+): ([^\]]*)\]/g;
const SSH_USERAUTH =
  /^User '([^']*)' authentication for SSH2 Session from (\S+) \(tty = (\d+)\) using crypto cipher '([^']*)', hmac '([^']*)' (Succeeded|Failed)/;
const LOGOUT = /^User (\S+) has exited (\S+) session (\d+)\s*\(([^)]*)\)/;
const DOTTED_MAC = /^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/;
const SPACES = / +/g;

const SYSLOG: LogSource = { product: 'cisco', service: 'syslog' };
const AAA: LogSource = { product: 'cisco', service: 'aaa' };

function codeAt(s: string, i: number): boolean {
  if (s.startsWith('%ASA-', i) || s.startsWith('%FTD-', i)) return false; // cisco-asa reads those
  CODE.lastIndex = i;
  return CODE.test(s);
}

function match(record: ParsedRecord): boolean {
  const f = record.fields;
  const m = f['message'];
  if (typeof m === 'string') {
    const k = m.indexOf('%');
    if (k >= 0 && k <= MAX_CODE_AT && codeAt(m, k)) return true;
  }
  const p = f['process.name'];
  return typeof p === 'string' && p.charCodeAt(0) === 37 && codeAt(p, 0);
}

/** Field names of one side, spelled out once so hot paths build no strings. */
interface Side {
  address: string;
  ip: string;
  domain: string;
}
const SOURCE: Side = { address: 'source.address', ip: 'source.ip', domain: 'source.domain' };
const DESTINATION: Side = {
  address: 'destination.address',
  ip: 'destination.ip',
  domain: 'destination.domain',
};

function putAddress(f: Fields, s: Side, v: string): void {
  f[s.address] = v;
  if (isIpAddress(v)) f[s.ip] = v;
  else f[s.domain] = v;
}

function putInt(f: Fields, name: string, v: string | undefined): void {
  if (v === undefined) return;
  const n = toInt(v);
  if (!Number.isNaN(n)) f[name] = n;
}

/** ECS MAC from "00-00-5E-00-53-23" or Cisco's dotted "0011.2233.4455". */
function mac(v: string): string {
  if (!DOTTED_MAC.test(v)) return ecsMac(v);
  const h = v.replace(/\./g, '').toUpperCase();
  return `${h.slice(0, 2)}-${h.slice(2, 4)}-${h.slice(4, 6)}-${h.slice(6, 8)}-${h.slice(8, 10)}-${h.slice(10, 12)}`;
}

/** "(GigabitEthernet0/0 0011.2233.4455)" after an ACL source: the input interface and the sender's MAC. */
function putInput(f: Fields, v: string): void {
  const sp = v.indexOf(' ');
  const name = sp < 0 ? v : v.slice(0, sp);
  if (name.length > 0) f['observer.ingress.interface.name'] = name;
  if (sp > 0) {
    const m = v.slice(sp + 1).trim();
    if (m.length > 0) f['source.mac'] = mac(m);
  }
}

function putProtocol(f: Fields, v: string): void {
  const p = v.toLowerCase();
  if (DIGITS.test(p)) {
    f['network.iana_number'] = p;
    const name = IANA_TRANSPORT[p];
    if (name !== undefined && p !== '0') f['network.transport'] = name;
  } else if (p === 'ipv6' || p === 'ip') {
    f['network.type'] = p === 'ip' ? 'ipv4' : 'ipv6';
  } else {
    const name = p === 'icmpv6' || p === 'icmp6' ? 'ipv6-icmp' : p;
    f['network.transport'] = name;
    const n = IANA_NUMBER[name];
    if (n !== undefined) f['network.iana_number'] = n;
  }
}

function putVerdict(f: Fields, verdict: string): void {
  const allowed = verdict === 'permitted';
  f['event.action'] = allowed ? 'allow' : 'deny';
  f['event.type'] = ['info', allowed ? 'allowed' : 'denied'];
  f['event.outcome'] = allowed ? 'success' : 'failure';
}

function putList(f: Fields, list: string): void {
  f['cisco.ios.access_list'] = list;
  f['rule.name'] = list;
}

function putPackets(f: Fields, v: string): void {
  const n = toInt(v);
  if (Number.isNaN(n)) return;
  f['source.packets'] = n;
  f['network.packets'] = n;
}

function putNetworkType(f: Fields): void {
  const ip = f['source.ip'];
  if (typeof ip === 'string') f['network.type'] = ip.indexOf(':') >= 0 ? 'ipv6' : 'ipv4';
}

function readAcl(f: Fields, body: string): void {
  const m = ACL.exec(body);
  if (!m) return;
  putList(f, m[1] as string);
  putVerdict(f, m[2] as string);
  putProtocol(f, m[3] as string);
  if (m[4]) f['source.mac'] = mac(m[4]);
  putAddress(f, SOURCE, m[5] as string);
  putInt(f, 'source.port', m[6]);
  if (m[7]) putInput(f, m[7]);
  if (m[8]) f['observer.ingress.interface.name'] = m[8];
  putAddress(f, DESTINATION, m[9] as string);
  putInt(f, 'destination.port', m[10]);
  if (m[12] !== undefined) {
    putInt(f, 'icmp.type', m[11]);
    putInt(f, 'icmp.code', m[12]);
  } else if (m[11] !== undefined) {
    putInt(f, f['network.transport'] === 'igmp' ? 'igmp.type' : 'icmp.type', m[11]);
  }
  putPackets(f, m[13] as string);
  putNetworkType(f);
}

function readAclStandard(f: Fields, body: string): void {
  const m = ACL_STANDARD.exec(body);
  if (!m) return;
  putList(f, m[1] as string);
  putVerdict(f, m[2] as string);
  putAddress(f, SOURCE, m[3] as string);
  if (m[4]) putInput(f, m[4]);
  putPackets(f, m[5] as string);
  putNetworkType(f);
}

function readAclRateLimit(f: Fields, body: string): void {
  const m = ACL_RATE_LIMIT.exec(body);
  if (m) putInt(f, 'cisco.ios.missed_packets', m[1]);
}

function putState(f: Fields, prefix: string, m: RegExpExecArray): void {
  const state = (m[2] as string).toLowerCase();
  f['cisco.ios.interface.name'] = m[1] as string;
  f['cisco.ios.interface.state'] = state;
  f['event.action'] = prefix + state.replace(SPACES, '-');
}

function readLink(f: Fields, body: string): void {
  const m = LINK.exec(body);
  if (m) putState(f, 'interface-', m);
}

function readLineProtocol(f: Fields, body: string): void {
  const m = LINE_PROTOCOL.exec(body);
  if (m) putState(f, 'line-protocol-', m);
}

function configured(f: Fields, action: string): void {
  f['event.category'] = ['configuration'];
  f['event.type'] = ['change'];
  f['event.outcome'] = 'success';
  f['event.action'] = action;
}

function readConfig(f: Fields, body: string): void {
  configured(f, 'configuration-change');
  const m = CONFIG.exec(body);
  if (m) {
    f['cisco.ios.config.source'] = m[1] as string;
    if (m[3]) {
      f['user.name'] = m[2] as string;
      f['cisco.ios.line'] = m[3];
    } else {
      f['cisco.ios.line'] = m[2] as string;
    }
    if (m[4] && isIpAddress(m[4])) putAddress(f, SOURCE, m[4]);
    return;
  }
  const p = CONFIG_PROGRAMMATIC.exec(body);
  if (p) {
    f['process.name'] = p[1] as string;
    f['cisco.ios.config.source'] = p[2] as string;
    f['user.name'] = p[3] as string;
    f['cisco.ios.line'] = p[4] as string;
  }
}

function readConfigCommand(f: Fields, body: string): void {
  configured(f, 'configuration-command');
  const m = CONFIG_COMMAND.exec(body);
  if (!m) return;
  f['user.name'] = m[1] as string;
  f['cisco.ios.command'] = (m[2] as string).trim();
}

function authenticated(f: Fields, ok: boolean, user: string | undefined): void {
  f['event.category'] = ['authentication'];
  f['event.type'] = ['start'];
  f['event.outcome'] = ok ? 'success' : 'failure';
  f['event.action'] = ok ? 'logged-in' : 'logon-failed';
  if (user !== undefined && user.length > 0) {
    f['user.name'] = user;
    f['source.user.name'] = user;
  }
}

/** SEC_LOGIN: "Login Success [user: u] [Source: a] [localport: p] [Reason: r] at <time>". */
function readLogin(f: Fields, body: string, mnemonic: string): void {
  let user: string | undefined;
  BRACKETS.lastIndex = 0;
  for (let m = BRACKETS.exec(body); m; m = BRACKETS.exec(body)) {
    const key = (m[1] as string).toLowerCase();
    const v = (m[2] as string).trim();
    if (key === 'user') user = v;
    else if (key === 'source') putAddress(f, SOURCE, v);
    else if (key === 'localport') putInt(f, 'destination.port', v);
    else if (key === 'reason') f['event.reason'] = v;
  }
  authenticated(f, !mnemonic.endsWith('FAILED'), user);
}

function readSshUserauth(f: Fields, body: string): void {
  const m = SSH_USERAUTH.exec(body);
  if (!m) return;
  authenticated(f, m[6] === 'Succeeded', m[1]);
  putAddress(f, SOURCE, m[2] as string);
  f['cisco.ios.tty'] = m[3] as string;
  f['cisco.ios.ssh.cipher'] = m[4] as string;
  f['cisco.ios.ssh.hmac'] = m[5] as string;
  f['network.protocol'] = 'ssh';
}

function readLogout(f: Fields, body: string): void {
  const m = LOGOUT.exec(body);
  if (!m) return;
  f['event.category'] = ['authentication'];
  f['event.type'] = ['end'];
  f['event.outcome'] = 'success';
  f['event.action'] = 'logged-out';
  f['user.name'] = m[1] as string;
  f['source.user.name'] = m[1] as string;
  f['cisco.ios.session.type'] = m[2] as string;
  f['cisco.ios.session.number'] = m[3] as string;
  if (m[4]) putAddress(f, SOURCE, m[4]);
}

const READERS: Readonly<Record<IosKind, (f: Fields, body: string, mnemonic: string) => void>> = {
  acl: readAcl,
  acl_standard: readAclStandard,
  acl_rate_limit: readAclRateLimit,
  link: readLink,
  line_protocol: readLineProtocol,
  config: readConfig,
  config_command: readConfigCommand,
  login: readLogin,
  web_login: readLogin,
  ssh_userauth: readSshUserauth,
  logout: readLogout,
};

/** Reads "Mmm dd [yyyy] hh:mm:ss[.fff][ ZONE]" in [i, e); sets the time and event.timezone. */
function readTime(record: ParsedRecord, s: string, i: number, e: number, ctx: ParseContext): boolean {
  const f = record.fields;
  if (looksIsoAt(s, i)) {
    const t = parseIsoAt(s, i, ctx.timeZone);
    if (Number.isNaN(t)) return false;
    record.time = t;
    return true;
  }
  if (!looksBsdAt(s, i)) return false;
  const sp = s.lastIndexOf(' ', e - 1);
  const tail = sp > i ? s.slice(sp + 1, e) : '';
  const zone = ZONE.test(tail) ? tail.toUpperCase() : undefined;
  const offset = zone === undefined ? undefined : ZONE_OFFSETS[zone];
  const t =
    offset === undefined
      ? parseBsdAt(s, i, ctx.timeZone, ctx.receivedAt)
      : parseBsdAt(s, i, 'UTC', ctx.receivedAt) - offset * 60_000;
  if (Number.isNaN(t)) return false;
  record.time = t;
  f['event.timezone'] = zone ?? ctx.timeZone;
  return true;
}

/** The parts before the code, separated by ": ": message count, device name, sequence number, uptime or time. */
function readPrefix(record: ParsedRecord, s: string, end: number, ctx: ParseContext): void {
  const f = record.fields;
  // "<PRI>N: " right after the PRI (no header time) is the message count; a later number is the sequence.
  let countFirst = f['log.syslog.priority'] !== undefined && record.time === undefined;
  let i = 0;
  while (i < end) {
    while (i < end && s.charCodeAt(i) === 32) i++;
    let j = s.indexOf(': ', i);
    if (j < 0 || j > end) j = end;
    let e = j;
    while (e > i && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 58)) e--;
    // "*" marks a clock never set since boot (its "Mar  1 00:01:02" means nothing): the time is kept as text
    // and the event time stays the relay's or the receipt's. "." marks a clock set but not synchronised.
    if (s.charCodeAt(i) === 42) {
      if (e > i + 1) f['cisco.ios.device_time'] = s.slice(i + 1, e);
      i = e;
    }
    if (s.charCodeAt(i) === 46) i++;
    if (e > i) {
      const c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        const piece = s.slice(i, e);
        if (DIGITS.test(piece) && !looksIsoAt(s, i)) {
          if (countFirst) f['cisco.ios.message_count'] = Number(piece);
          else putSequence(f, piece);
        } else if (UPTIME.test(piece)) {
          f['cisco.ios.uptime'] = piece;
        } else if (!readTime(record, s, i, e, ctx) && piece.indexOf(' ') < 0) {
          putDeviceName(f, piece);
        }
      } else if (!readTime(record, s, i, e, ctx)) {
        const name = s.slice(i, e);
        if (name.indexOf(' ') < 0) putDeviceName(f, name);
      }
    }
    countFirst = false;
    i = j + 2;
  }
}

function putSequence(f: Fields, v: string): void {
  f['cisco.ios.sequence'] = v;
  f['event.sequence'] = Number(v);
}

function putDeviceName(f: Fields, name: string): void {
  f['observer.hostname'] = name;
  if (f['host.hostname'] === undefined) f['host.hostname'] = name;
}

function dropKv(f: Fields): void {
  for (const k in f) if (k.startsWith('kv.')) delete f[k];
}

function normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const msg = typeof f['message'] === 'string' ? f['message'] : '';
  const tag = f['process.name'];
  const inTag = typeof tag === 'string' && tag.charCodeAt(0) === 37 && codeAt(tag, 0);
  const at = inTag ? 0 : msg.indexOf('%');
  CODE.lastIndex = at;
  const code = CODE.exec(inTag ? (tag as string) : msg);
  if (!code) return record;
  let body = inTag ? msg : msg.slice(CODE.lastIndex);
  SUB_PREFIX.lastIndex = 0;
  if (SUB_PREFIX.test(body) && SUB_PREFIX.lastIndex > 0) body = body.slice(SUB_PREFIX.lastIndex);
  if (typeof tag === 'string') {
    // The tag before an IOS body is its sequence number or its name, never a program.
    if (!inTag) {
      if (DIGITS.test(tag)) putSequence(f, tag);
      else putDeviceName(f, tag);
    }
    delete f['process.name'];
    delete f['log.syslog.appname'];
  }
  if (at > 0) readPrefix(record, msg, at, ctx);
  if (record.format.endsWith('+kv')) dropKv(f);

  const facility = code[1] as string;
  const severity = Number(code[2]);
  const mnemonic = code[3] as string;
  f['message'] = body;
  f['event.code'] = mnemonic;
  f['cisco.ios.facility'] = facility;
  f['event.severity'] = severity;
  f['log.level'] = LOG_LEVELS[severity] as string;
  f['event.provider'] = 'firewall';
  f['event.category'] = ['network'];
  f['event.type'] = ['info'];
  f['observer.vendor'] = 'Cisco';
  f['observer.product'] = 'IOS';
  f['observer.type'] = 'firewall';

  let kind: IosKind | undefined = MNEMONICS[mnemonic];
  if (kind !== undefined) kind = FACILITY_KINDS[`${facility}-${mnemonic}`] ?? kind;
  if (kind !== undefined) READERS[kind](f, body, mnemonic);
  record.logsource = kind !== undefined && AAA_KINDS.has(kind) ? { ...AAA } : { ...SYSLOG };
  return record;
}

export const ciscoIos: DeviceParser = {
  name: 'cisco-ios',
  description:
    'Cisco IOS / IOS XE syslog ("%FAC-SEV-MNEMONIC:"): ACL permit/deny, interface state, configuration, logins and the command log to ECS + cisco.ios.*.',
  why: 'the message carries a Cisco "%FACILITY-SEVERITY-MNEMONIC:" code',
  match,
  normalize,
};
