import { describe, expect, it } from 'vitest';
import { rfc3164 } from './rfc3164.js';
import type { ParseContext } from './types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };
const iso = (ms: number | undefined): string => new Date(ms ?? NaN).toISOString();

describe('rfc3164', () => {
  it('reads PRI, time, host, tag and pid', () => {
    const r = rfc3164.parse('<38>Feb  9 21:19:40 precise32 sshd[8317]: subsystem request for sftp', ctx);
    expect(r?.fields).toMatchObject({
      'log.syslog.priority': 38,
      'log.syslog.facility.name': 'auth',
      'log.syslog.severity.name': 'info',
      'host.hostname': 'precise32',
      'process.name': 'sshd',
      'process.pid': 8317,
      'log.syslog.procid': '8317',
      message: 'subsystem request for sftp',
    });
    expect(iso(r?.time)).toBe('2025-02-09T21:19:40.000Z');
  });

  it('reads a line without PRI, as written to /var/log files', () => {
    const r = rfc3164.parse('Feb  9 21:19:40 precise32 sudo: pam_unix(sudo:session): session closed', ctx);
    expect(r?.fields['log.syslog.priority']).toBeUndefined();
    expect(r?.fields['process.name']).toBe('sudo');
    expect(r?.fields['message']).toBe('pam_unix(sudo:session): session closed');
  });

  it('interprets the time in the tenant zone', () => {
    const r = rfc3164.parse('<13>Nov 28 10:00:00 host app: x', { ...ctx, timeZone: 'Asia/Tokyo' });
    expect(iso(r?.time)).toBe('2025-11-28T01:00:00.000Z');
  });

  it('reads a line with no hostname, the tag right after the time', () => {
    const r = rfc3164.parse('<13>Nov 28 10:00:00 CRON[123]: job ran', ctx);
    expect(r?.fields['host.hostname']).toBeUndefined();
    expect(r?.fields['process.name']).toBe('CRON');
    expect(r?.fields['message']).toBe('job ran');
  });

  it('reads the Cisco ASA form with a year and a lone colon', () => {
    const r = rfc3164.parse(
      '<166>Nov 28 2025 10:00:00 fw01 : %ASA-6-302013: Built outbound TCP connection',
      ctx,
    );
    expect(r?.fields['host.hostname']).toBe('fw01');
    expect(r?.fields['process.name']).toBeUndefined();
    expect(r?.fields['message']).toBe('%ASA-6-302013: Built outbound TCP connection');
  });

  it('reads an ISO timestamp in place of the BSD one', () => {
    const r = rfc3164.parse(
      '2019-06-14T10:40:20.912134 localhost sudo: pam_unix(sudo-i:session): opened',
      ctx,
    );
    expect(iso(r?.time)).toBe('2019-06-14T10:40:20.912Z');
    expect(r?.fields['host.hostname']).toBe('localhost');
  });

  it('leaves a CEF payload untouched when it follows the host', () => {
    const r = rfc3164.parse('<134>Nov 28 10:00:00 fw CEF:0|V|P|1|2|n|3|src=1.2.3.4', ctx);
    expect(r?.fields['process.name']).toBeUndefined();
    expect(r?.fields['message']).toBe('CEF:0|V|P|1|2|n|3|src=1.2.3.4');
  });

  it('keeps everything after a PRI as the message when no timestamp follows', () => {
    const r = rfc3164.parse('<13>just some text', ctx);
    expect(r?.time).toBeUndefined();
    expect(r?.fields['message']).toBe('just some text');
  });

  it('does not take a PRI out of range or malformed', () => {
    expect(rfc3164.detect('<999>Nov 28 10:00:00 host app: x')).toBe(false);
    expect(rfc3164.parse('<999>Nov 28 10:00:00 host app: x', ctx)).toBeNull();
    expect(rfc3164.parse('<1a>Nov 28 10:00:00 host app: x', ctx)).toBeNull();
    expect(rfc3164.parse('<>x', ctx)).toBeNull();
  });

  it('reads a header truncated after the time', () => {
    const r = rfc3164.parse('<13>Nov 28 10:00:00', ctx);
    expect(iso(r?.time)).toBe('2025-11-28T10:00:00.000Z');
    expect(r?.fields['message']).toBeUndefined();
  });

  it('keeps Japanese host and message text', () => {
    const r = rfc3164.parse('<13>Nov 28 10:00:00 サーバー01 app: 認証に失敗しました', ctx);
    expect(r?.fields['host.hostname']).toBe('サーバー01');
    expect(r?.fields['message']).toBe('認証に失敗しました');
  });

  it('does not treat prose as syslog', () => {
    expect(rfc3164.detect('hello world')).toBe(false);
    expect(rfc3164.parse('hello world', ctx)).toBeNull();
  });
});
