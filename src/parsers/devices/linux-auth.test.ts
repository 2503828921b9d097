import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext } from '../types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2026, 10, 28, 12), timeZone: 'UTC' };

function parse(line: string) {
  const { record } = parseText(line, ctx);
  if (!record) throw new Error(`no record for ${line}`);
  return record;
}

describe('linux-auth device parser', () => {
  it('reads a failed sshd password for an unknown user as a failed ssh_login', () => {
    const r = parse(
      '<38>Nov 28 09:15:02 bastion01 sshd[4242]: Failed password for invalid user oracle from 203.0.113.7 port 52144 ssh2',
    );
    expect(r.format).toBe('rfc3164+linux-auth');
    expect(r.logsource).toEqual({ product: 'linux', service: 'sshd' });
    expect(r.fields).toMatchObject({
      'system.auth.ssh.event': 'Failed',
      'system.auth.ssh.method': 'password',
      'user.name': 'oracle',
      'source.ip': '203.0.113.7',
      'source.port': 52144,
      'event.action': 'ssh_login',
      'event.category': ['authentication'],
      'event.outcome': 'failure',
    });
  });

  it('keeps the key fingerprint of an accepted publickey login from an IPv6 address', () => {
    const r = parse(
      'Nov 28 09:20:00 bastion01 sshd[4300]: Accepted publickey for alice from 2001:db8::7 port 60022 ssh2: ED25519 SHA256:abcDEF123',
    );
    expect(r.fields).toMatchObject({
      'user.name': 'alice',
      'source.ip': '2001:db8::7',
      'source.port': 60022,
      'system.auth.ssh.signature': 'ED25519 SHA256:abcDEF123',
      'event.category': ['authentication', 'session'],
      'event.outcome': 'success',
    });
  });

  it('reads "Invalid user" and "maximum authentication attempts exceeded" as failures', () => {
    expect(
      parse('Nov 28 09:20:00 h sshd[1]: Invalid user admin from 198.51.100.9 port 4444').fields,
    ).toMatchObject({ 'system.auth.ssh.event': 'Invalid', 'user.name': 'admin', 'event.outcome': 'failure' });
    const r = parse(
      'Nov 28 09:20:00 h sshd[1]: error: maximum authentication attempts exceeded for root from 198.51.100.9 port 4444 ssh2 [preauth]',
    );
    expect(r.fields).toMatchObject({
      'user.name': 'root',
      'source.ip': '198.51.100.9',
      'event.reason': 'maximum authentication attempts exceeded',
      'event.outcome': 'failure',
    });
  });

  it('tells a preauth connection close from the end of a logged-in session', () => {
    const pre = parse(
      'Nov 28 09:20:00 h sshd[1]: Connection closed by authenticating user root 198.51.100.9 port 4444 [preauth]',
    );
    expect(pre.fields).toMatchObject({
      'user.name': 'root',
      'source.ip': '198.51.100.9',
      'event.category': ['network'],
      'event.action': 'ssh_disconnect',
    });
    const post = parse('Nov 28 09:20:00 h sshd[1]: Disconnected from user alice 10.0.0.5 port 50000');
    expect(post.fields).toMatchObject({ 'event.category': ['session'], 'event.type': ['end'] });
  });

  it('reads the old "Received disconnect from IP: 11:" wording without taking the colon into the address', () => {
    const r = parse(
      'Feb 22 10:26:52 precise32 sshd[1332]: Received disconnect from 10.0.2.2: 11: disconnected by user',
    );
    expect(r.fields['source.ip']).toBe('10.0.2.2');
    expect(r.fields['event.reason']).toBe('disconnected by user');
  });

  it('does not take the listening address of "Server listening on" as a source', () => {
    const r = parse('Nov 28 09:20:00 h sshd[1]: Server listening on 0.0.0.0 port 22.');
    expect(r.fields['source.ip']).toBeUndefined();
    expect(r.logsource).toEqual({ product: 'linux', service: 'sshd' });
  });

  it('splits a sudo command line and removes the kv.* pairs the generic parser read from it', () => {
    const r = parse(
      '<85>Nov 28 09:05:13 h sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/env A=1 B=2 id',
    );
    expect(r.logsource).toEqual({ product: 'linux', service: 'sudo' });
    expect(r.fields).toMatchObject({
      'user.name': 'alice',
      'user.effective.name': 'root',
      'system.auth.sudo.tty': 'pts/0',
      'system.auth.sudo.pwd': '/home/alice',
      'system.auth.sudo.command': '/usr/bin/env A=1 B=2 id',
      'event.category': ['process'],
      'event.outcome': 'success',
    });
    expect(Object.keys(r.fields).filter((k) => k.startsWith('kv.'))).toEqual([]);
    expect(r.fields['message']).toContain('COMMAND=/usr/bin/env');
  });

  it('reads sudo refusals (wrong passwords, not in sudoers) as failures with the reason', () => {
    const r = parse(
      'Nov 28 09:06:41 h sudo:      bob : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/cat /etc/shadow',
    );
    expect(r.fields).toMatchObject({
      'user.name': 'bob',
      'system.auth.sudo.error': '3 incorrect password attempts',
      'event.outcome': 'failure',
      'event.category': ['authentication', 'process'],
    });
    const n = parse(
      'Nov 28 09:07:02 h sudo: mallory : user NOT in sudoers ; TTY=pts/2 ; PWD=/tmp ; USER=root ; COMMAND=/bin/bash',
    );
    expect(n.fields['event.reason']).toBe('user NOT in sudoers');
  });

  it('leaves a sudo continuation line as a message only', () => {
    const r = parse("Feb  9 21:21:02 precise32 sudo:  vagrant : (command continued) '/etc/x.yml)");
    expect(r.fields['user.name']).toBeUndefined();
    expect(r.fields['message']).toBe(" vagrant : (command continued) '/etc/x.yml)");
  });

  it('reads PAM sessions as Elastic does: the acting user, the account the session runs as, logged-on', () => {
    const r = parse(
      'Nov 28 09:05:13 h sudo: pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)',
    );
    expect(r.fields).toMatchObject({
      'user.name': 'alice',
      'user.id': '1000',
      'user.effective.name': 'root',
      'event.action': 'logged-on',
      'event.category': ['session'],
    });
    const c = parse(
      'Nov 28 10:17:01 h CRON[7001]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)',
    );
    expect(c.fields).toMatchObject({ 'user.name': 'root', 'user.id': '0' });
    expect(c.logsource).toEqual({ product: 'linux', service: 'cron' });
  });

  it('takes the remote host and user of a PAM authentication failure', () => {
    const r = parse(
      'Nov 28 03:12:12 h sshd[9]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.23  user=root',
    );
    expect(r.fields).toMatchObject({
      'source.ip': '198.51.100.23',
      'user.name': 'root',
      'event.action': 'authentication_failure',
      'event.outcome': 'failure',
      'system.auth.pam.tty': 'ssh',
    });
    expect(r.fields['system.auth.pam.logname']).toBeUndefined();
  });

  it('reads su in the util-linux and the shadow-utils wording', () => {
    expect(parse('Nov 28 09:11:00 h su: FAILED SU (to root) bob on pts/1').fields).toMatchObject({
      'user.name': 'bob',
      'user.effective.name': 'root',
      'event.outcome': 'failure',
    });
    expect(parse('Nov 28 09:12:00 h su[811]: Successful su for root by carol').fields).toMatchObject({
      'user.name': 'carol',
      'event.outcome': 'success',
    });
  });

  it('reads account changes as iam events and strips the trailing commas kv would leave', () => {
    const r = parse(
      'Nov 28 10:00:01 h useradd[6001]: new user: name=backdoor, UID=0, GID=0, home=/root, shell=/bin/bash, from=/dev/pts/0',
    );
    expect(r.fields).toMatchObject({
      'user.name': 'backdoor',
      'user.id': '0',
      'group.id': '0',
      'system.auth.useradd.shell': '/bin/bash',
      'event.category': ['iam'],
      'event.type': ['user', 'creation'],
      'event.action': 'user-created',
    });
    expect(r.fields['kv.name']).toBeUndefined();
    expect(parse("Nov 28 10:00:02 h usermod[1]: add 'deploy' to group 'sudo'").fields).toMatchObject({
      'user.name': 'deploy',
      'group.name': 'sudo',
      'event.action': 'group-member-added',
    });
    const d = parse("Nov 28 10:00:07 h userdel[1]: delete user 'deploy'");
    expect(d.fields['event.type']).toEqual(['user', 'deletion']);
    expect(d.logsource).toEqual({ product: 'linux' });
  });

  it("marks an unknown line of an account tool with the tool's event type only", () => {
    const r = parse('Nov 28 10:00:01 h groupmod[1]: something new in a later release');
    expect(r.fields).toMatchObject({ 'event.category': ['iam'], 'event.type': ['group', 'change'] });
    expect(r.fields['event.action']).toBeUndefined();
  });

  it('maps the sshd-session program of OpenSSH 9.8+ to the sshd service', () => {
    const r = parse(
      'Nov 28 09:31:00 h sshd-session[5123]: Accepted password for bob from 192.0.2.10 port 50100 ssh2',
    );
    expect(r.logsource).toEqual({ product: 'linux', service: 'sshd' });
    expect(r.fields['event.outcome']).toBe('success');
  });

  it('claims no JSON record that merely names sshd as its process', () => {
    const r = parse(
      '{"process":{"name":"sshd"},"message":"Failed password for root from 1.2.3.4 port 1 ssh2"}',
    );
    expect(r.format).toBe('json');
  });

  it('tolerates a CR at the end of the line', () => {
    const r = parse('Nov 28 09:15:02 h sshd[1]: Failed password for root from 203.0.113.7 port 52144 ssh2\r');
    expect(r.fields['event.outcome']).toBe('failure');
  });
});
