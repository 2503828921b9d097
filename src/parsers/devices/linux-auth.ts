// Linux authentication logs (auth.log / secure) behind a syslog header: sshd, sudo, su, PAM, shadow-utils.
//
// Field names follow Elastic's system.auth data stream: system.auth.ssh.*, system.auth.sudo.*, user.name,
// user.effective.name, source.ip/port, event.action ssh_login / logged-on / logged-off / password-changed.
// The message text is kept (keyword rules search it); the kv.* pairs the generic parser read from free text
// (sudo's "TTY=pts/0", PAM's "rhost=") are removed: what they mean is mapped here.
import type { FieldValue } from '../../core/event.js';
import { LINUX_SERVICES } from '../../normalize/logsource.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toPort } from '../values.js';
import type { DeviceParser } from './index.js';
import { ACCOUNT_PROGRAMS, ACCOUNT_RULES } from './maps/linux-auth.js';

type Fields = Record<string, FieldValue>;

/** Programs whose syslog lines are authentication or account events. */
const PROGRAMS: ReadonlySet<string> = new Set([
  'sshd',
  'sshd-session',
  'sshd-auth',
  'sudo',
  'su',
  'login',
  'passwd',
  'chpasswd',
  'chage',
  'gpasswd',
  ...Object.keys(ACCOUNT_PROGRAMS),
]);

/** Sigma services for programs normalize's table does not list (OpenSSH 9.8+ logs as sshd-session). */
const EXTRA_SERVICES: Readonly<Record<string, string>> = {
  'sshd-session': 'sshd',
  'sshd-auth': 'sshd',
};

// --- sshd ---
const SSH_LOGIN =
  /^(Accepted|Failed|Postponed) (\S+) for (invalid user )?(.*?) from (\S+) port (\d+)(?: ssh2)?(?:: (.+))?$/;
const SSH_INVALID = /^Invalid user (.*?) from (\S+?)(?: port (\d+))?$/;
const SSH_MAX_TRIES =
  /^(?:error: )?maximum authentication attempts exceeded for (invalid user )?(.*?) from (\S+) port (\d+)/;
/** "Connection closed by authenticating user root 1.2.3.4 port 22 [preauth]" and the other ends of a connection. */
const SSH_END =
  /^(Connection closed by|Connection reset by|Disconnected from|Disconnecting|Received disconnect from) (?:(authenticating user|invalid user|user) (.*?) )?(\S+?)(?: port (\d+)|(?=: \d+: )|(?= \[preauth\]$)|$)(?:: ?(?:\d+: )?(.*?))?( \[preauth\])?$/;
const SSH_NO_IDENT = /^Did not receive identification string from (\S+)(?: port (\d+))?/;
const SSH_SUBSYSTEM = /^subsystem request for (\S+) by user (\S+)/;
const SSH_PAM_FAILURES = /^(?:error: )?PAM: [Aa]uthentication failure for (?:illegal user )?(\S+) from (\S+)/;
/** The peer in a line no pattern above explained ("Unable to negotiate with 1.2.3.4 port 22: ..."). */
const PEER_PORT = / (?:from|with|by) (\S+) port (\d+)/;

// --- PAM ---
const PAM = /^pam_(\w+)\(([^:)]*):(\w+)\): (.*)$/;
const PAM_SESSION =
  /^session (opened|closed) for user (\S+?)(?:\(uid=(\d+)\))?(?: by (\S*?)(?:\(uid=(\d+)\))?)?$/;
const PAM_PAIR = /(\w+)=(\S*)/g;
const PAM_PASSWORD_CHANGED = /^password changed for (\S+)/;

// --- sudo ---
const SUDO = /^\s*(\S+) : (.*)$/;
const SUDO_KEYS: Readonly<Record<string, string>> = {
  TTY: 'system.auth.sudo.tty',
  PWD: 'system.auth.sudo.pwd',
  USER: 'system.auth.sudo.user',
  GROUP: 'system.auth.sudo.group',
  ENV: 'system.auth.sudo.env',
  TSID: 'system.auth.sudo.tsid',
};

// --- su (util-linux and shadow-utils wordings) ---
const SU_UTIL_LINUX = /^(FAILED SU )?\(to (\S+)\) (\S+) on (\S+)$/;
const SU_SHADOW = /^(Successful|FAILED) su for (\S+) by (\S+)$/;
const SU_SHADOW_SHORT = /^([+-]) (\S+) (\S+):(\S+)$/;

const PASSWD_CHANGED_BY = /^password for '([^']*)' changed by '([^']*)'/;

function setSource(f: Fields, addr: string | undefined, port: string | undefined): void {
  if (!addr) return;
  if (isIpAddress(addr)) f['source.ip'] = addr;
  else if (addr !== 'UNKNOWN') f['source.domain'] = addr;
  if (port !== undefined) {
    const p = toPort(port);
    if (!Number.isNaN(p)) f['source.port'] = p;
  }
}

function outcome(f: Fields, category: string[], type: string[], result?: 'success' | 'failure'): void {
  f['event.category'] = category;
  f['event.type'] = type;
  if (result) f['event.outcome'] = result;
}

function sshd(msg: string, f: Fields): void {
  let m = SSH_LOGIN.exec(msg);
  if (m) {
    const event = m[1] as string;
    f['system.auth.ssh.event'] = event;
    f['system.auth.ssh.method'] = m[2] as string;
    if (m[4]) f['user.name'] = m[4];
    setSource(f, m[5], m[6]);
    if (m[7]) f['system.auth.ssh.signature'] = m[7];
    f['event.action'] = 'ssh_login';
    if (event === 'Accepted') outcome(f, ['authentication', 'session'], ['info'], 'success');
    else if (event === 'Failed') outcome(f, ['authentication'], ['info'], 'failure');
    else outcome(f, ['authentication'], ['info']);
    return;
  }
  if ((m = SSH_INVALID.exec(msg))) {
    f['system.auth.ssh.event'] = 'Invalid';
    if (m[1]) f['user.name'] = m[1];
    setSource(f, m[2], m[3]);
    f['event.action'] = 'ssh_login';
    outcome(f, ['authentication'], ['info'], 'failure');
    return;
  }
  if ((m = SSH_END.exec(msg))) {
    const who = m[2];
    if (m[3]) f['user.name'] = m[3];
    if (isIpAddress(m[4] as string)) setSource(f, m[4], m[5]);
    if (m[6]) f['event.reason'] = m[6];
    f['event.action'] = 'ssh_disconnect';
    // After a login the session ends; before one (preauth) only the connection does.
    if (who === 'user' && !m[7]) outcome(f, ['session'], ['end']);
    else outcome(f, ['network'], ['connection', 'end']);
    return;
  }
  if ((m = SSH_MAX_TRIES.exec(msg))) {
    if (m[2]) f['user.name'] = m[2];
    setSource(f, m[3], m[4]);
    f['event.action'] = 'ssh_login';
    f['event.reason'] = 'maximum authentication attempts exceeded';
    outcome(f, ['authentication'], ['info'], 'failure');
    return;
  }
  if ((m = SSH_SUBSYSTEM.exec(msg))) {
    f['system.auth.ssh.subsystem'] = m[1] as string;
    f['user.name'] = m[2] as string;
    return;
  }
  if ((m = SSH_NO_IDENT.exec(msg))) {
    const ip = m[1] as string;
    if (isIpAddress(ip)) f['system.auth.ssh.dropped_ip'] = ip;
    setSource(f, ip, m[2]);
    f['event.action'] = 'ssh_dropped';
    outcome(f, ['network'], ['connection', 'denied']);
    return;
  }
  if ((m = SSH_PAM_FAILURES.exec(msg))) {
    f['user.name'] = m[1] as string;
    setSource(f, m[2], undefined);
    f['event.action'] = 'authentication_failure';
    outcome(f, ['authentication'], ['info'], 'failure');
    return;
  }
  if (msg.startsWith('PAM ') && msg.includes('authentication failure')) {
    pamPairs(msg, f);
    f['event.action'] = 'authentication_failure';
    outcome(f, ['authentication'], ['info'], 'failure');
    return;
  }
  if ((m = PEER_PORT.exec(msg)) && isIpAddress(m[1] as string)) setSource(f, m[1], m[2]);
}

/** "logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.7  user=root" -> system.auth.pam.*, source, user. */
function pamPairs(text: string, f: Fields): void {
  PAM_PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAM_PAIR.exec(text))) {
    const key = m[1] as string;
    const value = m[2] as string;
    if (value.length === 0) continue;
    if (key === 'user') f['user.name'] = value;
    else if (key === 'rhost') {
      f['system.auth.pam.rhost'] = value;
      setSource(f, value, undefined);
    } else f['system.auth.pam.' + key] = value;
  }
}

function pam(msg: string, f: Fields): boolean {
  const m = PAM.exec(msg);
  if (!m) return false;
  f['system.auth.pam.module'] = 'pam_' + m[1];
  f['system.auth.pam.service'] = m[2] as string;
  const kind = m[3] as string;
  const text = m[4] as string;
  const s = PAM_SESSION.exec(text);
  if (s) {
    const opened = s[1] === 'opened';
    const forUser = s[2] as string;
    const byUser = s[4];
    // As Elastic: the user who acted is user.name, the account the session runs as is user.effective.name.
    if (byUser) {
      f['user.name'] = byUser;
      if (s[5] !== undefined) f['user.id'] = s[5];
      f['user.effective.name'] = forUser;
    } else {
      f['user.name'] = forUser;
      const uid = s[3] ?? s[5];
      if (uid !== undefined) f['user.id'] = uid;
    }
    f['event.action'] = opened ? 'logged-on' : 'logged-off';
    outcome(f, ['session'], [opened ? 'start' : 'end'], 'success');
    return true;
  }
  if (text.startsWith('authentication failure')) {
    pamPairs(text, f);
    f['event.action'] = 'authentication_failure';
    outcome(f, kind === 'chauthtok' ? ['iam'] : ['authentication'], ['info'], 'failure');
    return true;
  }
  if (kind === 'chauthtok') {
    const p = PAM_PASSWORD_CHANGED.exec(text);
    if (p) {
      f['user.name'] = p[1] as string;
      f['user.target.name'] = p[1] as string;
    }
    f['event.action'] = 'password-changed';
    outcome(f, ['iam'], ['user', 'change'], p ? 'success' : 'failure');
    return true;
  }
  if (text.startsWith('check pass; user unknown')) {
    outcome(f, ['authentication'], ['info'], 'failure');
    return true;
  }
  if (kind === 'auth' || kind === 'account') outcome(f, ['authentication'], ['info']);
  return true;
}

function sudo(msg: string, f: Fields): void {
  const m = SUDO.exec(msg);
  if (!m) return;
  const rest = m[2] as string;
  const cmd = rest.indexOf('COMMAND=');
  // "(command continued) ..." lines and host warnings carry no TTY/COMMAND: only the message.
  if (cmd < 0 && rest.indexOf('TTY=') < 0) return;
  f['user.name'] = m[1] as string;
  const head = cmd >= 0 ? rest.slice(0, cmd) : rest;
  let error: string | undefined;
  for (const part of head.split(' ; ')) {
    const p = part.trim();
    if (p.length === 0) continue;
    const eq = p.indexOf('=');
    const name = eq > 0 ? SUDO_KEYS[p.slice(0, eq)] : undefined;
    if (name) f[name] = p.slice(eq + 1);
    else if (eq < 0 && error === undefined) error = p;
  }
  if (cmd >= 0) f['system.auth.sudo.command'] = rest.slice(cmd + 8);
  const runAs = f['system.auth.sudo.user'];
  if (typeof runAs === 'string') f['user.effective.name'] = runAs;
  f['event.action'] = 'sudo_command';
  if (error !== undefined) {
    f['system.auth.sudo.error'] = error;
    f['event.reason'] = error;
    const auth = error.includes('password');
    outcome(f, auth ? ['authentication', 'process'] : ['process'], ['info'], 'failure');
  } else {
    outcome(f, ['process'], ['start'], 'success');
  }
}

function su(msg: string, f: Fields): void {
  let target: string | undefined;
  let ok: boolean;
  let m = SU_UTIL_LINUX.exec(msg);
  if (m) {
    ok = !m[1];
    target = m[2];
    f['user.name'] = m[3] as string;
    f['system.auth.su.tty'] = m[4] as string;
  } else if ((m = SU_SHADOW.exec(msg))) {
    ok = m[1] === 'Successful';
    target = m[2];
    f['user.name'] = m[3] as string;
  } else if ((m = SU_SHADOW_SHORT.exec(msg))) {
    ok = m[1] === '+';
    f['system.auth.su.tty'] = m[2] as string;
    f['user.name'] = m[3] as string;
    target = m[4];
  } else {
    return;
  }
  if (target) f['user.effective.name'] = target;
  f['event.action'] = 'su';
  outcome(f, ['authentication'], ['info'], ok ? 'success' : 'failure');
}

/** useradd, usermod, groupadd, gpasswd, passwd, ...: account changes (event.category iam). */
function account(app: string, msg: string, f: Fields): void {
  const p = PASSWD_CHANGED_BY.exec(msg);
  if (p) {
    f['user.target.name'] = p[1] as string;
    f['user.name'] = p[2] as string;
    f['event.action'] = 'password-changed';
    outcome(f, ['iam'], ['user', 'change'], 'success');
    return;
  }
  for (const rule of ACCOUNT_RULES) {
    const m = rule.pattern.exec(msg);
    if (!m) continue;
    rule.groups.forEach((field, i) => {
      const v = m[i + 1];
      if (field && v !== undefined && v.length > 0) f[field] = v;
    });
    f['event.action'] = rule.action;
    outcome(f, ['iam'], rule.type.slice(), msg.includes('fail') ? 'failure' : 'success');
    return;
  }
  const defaults = ACCOUNT_PROGRAMS[app];
  if (defaults) outcome(f, ['iam'], defaults.slice(), msg.includes('fail') ? 'failure' : undefined);
}

/** The fields without the kv.* pairs; a new object, since deleting would make the record a slow dictionary. */
function withoutKv(src: Fields): Fields {
  const out: Fields = {};
  const keys = Object.keys(src);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (k.charCodeAt(0) !== 107 /* k */ || !k.startsWith('kv.')) out[k] = src[k] as FieldValue;
  }
  return out;
}

function match(record: ParsedRecord): boolean {
  const f = record.fields;
  const app = f['log.syslog.appname'];
  if (typeof app !== 'string' || f['process.name'] !== app) return false;
  if (PROGRAMS.has(app)) return true;
  const msg = f['message'];
  return typeof msg === 'string' && msg.startsWith('pam_');
}

function normalize(record: ParsedRecord, _ctx: ParseContext): ParsedRecord {
  let f = record.fields;
  if (record.format.includes('+kv')) f = record.fields = withoutKv(f);
  const app = f['process.name'] as string;
  // Trailing blanks (a "\r" from senders that end lines with CRLF) would defeat the anchored patterns.
  const msg = typeof f['message'] === 'string' ? f['message'].trimEnd() : '';
  if (!pam(msg, f)) {
    if (app === 'sshd' || app === 'sshd-session' || app === 'sshd-auth') sshd(msg, f);
    else if (app === 'sudo') sudo(msg, f);
    else if (app === 'su') su(msg, f);
    else account(app, msg, f);
  }
  const service = Object.prototype.hasOwnProperty.call(LINUX_SERVICES, app)
    ? LINUX_SERVICES[app]
    : EXTRA_SERVICES[app];
  record.logsource = service ? { product: 'linux', service } : { product: 'linux' };
  return record;
}

export const linuxAuth: DeviceParser = {
  name: 'linux-auth',
  description:
    'Linux auth.log: sshd logins, sudo commands, su, PAM sessions and failures, useradd/usermod/groupadd/passwd.',
  why: 'the syslog program is sshd, sudo, su, a shadow-utils tool, or the message is a PAM line',
  match,
  normalize,
};
