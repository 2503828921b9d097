import { describe, expect, it } from 'vitest';
import { rfc5424 } from './rfc5424.js';
import type { ParseContext } from './types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };

describe('rfc5424', () => {
  it('reads every header field into log.syslog.* and the ECS host/process fields', () => {
    const r = rfc5424.parse(
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 1234 ID47 - An application event',
      ctx,
    );
    expect(r?.fields).toEqual({
      'log.syslog.priority': 165,
      'log.syslog.facility.code': 20,
      'log.syslog.facility.name': 'local4',
      'log.syslog.severity.code': 5,
      'log.syslog.severity.name': 'notice',
      'log.syslog.version': '1',
      'log.syslog.hostname': 'mymachine.example.com',
      'host.hostname': 'mymachine.example.com',
      'log.syslog.appname': 'evntslog',
      'process.name': 'evntslog',
      'log.syslog.procid': '1234',
      'process.pid': 1234,
      'log.syslog.msgid': 'ID47',
      message: 'An application event',
    });
    expect(new Date(r?.time ?? 0).toISOString()).toBe('2003-10-11T22:14:15.003Z');
  });

  it('leaves nil fields out and keeps a non-numeric PROCID only as log.syslog.procid', () => {
    const r = rfc5424.parse('<13>1 - - app worker-3 - - hello', ctx);
    expect(r?.time).toBeUndefined();
    expect(r?.fields['host.hostname']).toBeUndefined();
    expect(r?.fields['log.syslog.procid']).toBe('worker-3');
    expect(r?.fields['process.pid']).toBeUndefined();
    expect(r?.fields['message']).toBe('hello');
  });

  it('keeps structured data per SD-ID and unescapes \\" \\\\ and \\]', () => {
    const r = rfc5424.parse(
      '<165>1 2003-10-11T22:14:15.003Z host app - ID47 [exampleSDID@32473 iut="3" eventSource="Ap\\"pl\\\\ic\\]ation"][meta seq="1"] \uFEFFmsg',
      ctx,
    );
    expect(r?.fields['log.syslog.structured_data.exampleSDID@32473.iut']).toBe('3');
    expect(r?.fields['log.syslog.structured_data.exampleSDID@32473.eventSource']).toBe('Ap"pl\\ic]ation');
    expect(r?.fields['log.syslog.structured_data.meta.seq']).toBe('1');
    expect(r?.fields['message']).toBe('msg');
  });

  it('turns a repeated SD parameter into an array', () => {
    const r = rfc5424.parse('<13>1 - h a - - [x@1 ip="10.0.0.1" ip="10.0.0.2"]', ctx);
    expect(r?.fields['log.syslog.structured_data.x@1.ip']).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(r?.fields['message']).toBeUndefined();
  });

  it('keeps the text as the message when the structured data is malformed', () => {
    const r = rfc5424.parse('<13>1 - h a - - [broken param=unquoted] text', ctx);
    expect(r?.fields['message']).toBe('[broken param=unquoted] text');
  });

  it('converts a time with an offset to UTC', () => {
    const r = rfc5424.parse(
      '<30>1 2023-09-28T12:10:12.175599+02:00 test.lab.com systemd 153589 - - Stopped',
      ctx,
    );
    expect(new Date(r?.time ?? 0).toISOString()).toBe('2023-09-28T10:10:12.175Z');
  });

  it('reads a header without PRI, as written to files', () => {
    const r = rfc5424.parse('1 2023-09-28T12:10:12Z host app - - - from a file', ctx);
    expect(r?.fields['log.syslog.priority']).toBeUndefined();
    expect(r?.fields['host.hostname']).toBe('host');
    expect(r?.fields['message']).toBe('from a file');
  });

  it('does not claim text that only starts with a digit', () => {
    expect(rfc5424.detect('1 apple a day')).toBe(false);
    expect(rfc5424.detect('<13>Nov 28 10:00:00 host app: x')).toBe(false);
  });

  it('rejects an out-of-range PRI and a garbled timestamp', () => {
    expect(rfc5424.detect('<999>1 2023-09-28T12:10:12Z h a - - - x')).toBe(false);
    expect(rfc5424.parse('<999>1 2023-09-28T12:10:12Z h a - - - x', ctx)).toBeNull();
    expect(rfc5424.parse('<13>1 2023-99-28T12:10:12Z h a - - - x', ctx)).toBeNull();
  });

  it('reads a truncated header as far as it goes', () => {
    const r = rfc5424.parse('<13>1 2023-09-28T12:10:12Z host', ctx);
    expect(r?.fields['host.hostname']).toBe('host');
    expect(r?.fields['message']).toBeUndefined();
  });

  it('keeps Japanese text in the message intact', () => {
    const r = rfc5424.parse(
      '<13>1 2023-09-28T12:10:12Z host app - - - ログインに失敗しました ユーザー=山田',
      ctx,
    );
    expect(r?.fields['message']).toBe('ログインに失敗しました ユーザー=山田');
  });
});
