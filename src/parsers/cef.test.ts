import { describe, expect, it } from 'vitest';
import { cef } from './cef.js';
import type { ParseContext } from './types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };

describe('cef', () => {
  it('puts the header under cef.* and observer.*, event.code and event.severity', () => {
    const r = cef.parse(
      'CEF:0|Trend Micro|Deep Security Agent|1.2.3|600|User Signed In|3|src=10.52.116.160',
      ctx,
    );
    expect(r?.fields).toMatchObject({
      'cef.version': 0,
      'cef.device.vendor': 'Trend Micro',
      'cef.device.product': 'Deep Security Agent',
      'cef.device.version': '1.2.3',
      'cef.device.event_class_id': '600',
      'cef.name': 'User Signed In',
      'cef.severity': '3',
      'observer.vendor': 'Trend Micro',
      'observer.product': 'Deep Security Agent',
      'observer.version': '1.2.3',
      'event.code': '600',
      'event.severity': 3,
      'source.ip': '10.52.116.160',
    });
  });

  it('unescapes \\| and \\\\ in header fields', () => {
    const r = cef.parse('CEF:0|Ven\\|dor|Pro\\\\duct|1|2|a\\|b|5|', ctx);
    expect(r?.fields['cef.device.vendor']).toBe('Ven|dor');
    expect(r?.fields['cef.device.product']).toBe('Pro\\duct');
    expect(r?.fields['cef.name']).toBe('a|b');
  });

  it('reads extension values with spaces, \\= \\\\ and \\n escapes, and trailing blanks trimmed', () => {
    const r = cef.parse(
      'CEF:0|V|P|1|2|n|5|msg=line one\\nline two with a\\=b filePath=C:\\\\Users\\\\x.exe request=http://x/?a\\=b act=not blocked   ',
      ctx,
    );
    expect(r?.fields['cef.extensions.message']).toBe('line one\nline two with a=b');
    expect(r?.fields['message']).toBe('line one\nline two with a=b');
    expect(r?.fields['file.path']).toBe('C:\\Users\\x.exe');
    expect(r?.fields['url.original']).toBe('http://x/?a=b');
    expect(r?.fields['event.action']).toBe('not blocked');
  });

  it('keeps an unescaped "=" inside a value when no key precedes it', () => {
    const r = cef.parse('CEF:0|V|P|1|2|n|5|request=https://x/?q=1&r=2 src=1.2.3.4', ctx);
    expect(r?.fields['url.original']).toBe('https://x/?q=1&r=2');
    expect(r?.fields['source.ip']).toBe('1.2.3.4');
  });

  it('maps well-known keys to ECS with types and keeps all under full names', () => {
    const r = cef.parse(
      'CEF:0|V|P|1|2|n|5|src=10.0.0.1 dst=10.0.0.2 spt=1234 dpt=443 proto=TCP suser=alice duser=bob shost=ws1 dhost=srv1 ' +
        'out=1019 fsize=20 fname=a.exe fileHash=44D88612FEA8A8F36DE82E1278ABB02F dvchost=fw1 cs1=custom cs1Label=Reason',
      ctx,
    );
    expect(r?.fields).toMatchObject({
      'source.ip': '10.0.0.1',
      'destination.ip': '10.0.0.2',
      'source.port': 1234,
      'destination.port': 443,
      'network.transport': 'tcp',
      'source.user.name': 'alice',
      'destination.user.name': 'bob',
      'source.domain': 'ws1',
      'destination.domain': 'srv1',
      'destination.bytes': 1019,
      'file.size': 20,
      'file.name': 'a.exe',
      'file.hash.md5': '44d88612fea8a8f36de82e1278abb02f',
      'observer.hostname': 'fw1',
      'cef.extensions.sourceAddress': '10.0.0.1',
      'cef.extensions.destinationPort': '443',
      'cef.extensions.deviceCustomString1': 'custom',
      'cef.extensions.deviceCustomString1Label': 'Reason',
    });
  });

  it('does not put a value that is not an IP or port into an ECS IP or port field', () => {
    const r = cef.parse('CEF:0|V|P|1|2|n|5|dvc=hostname spt=99999', ctx);
    expect(r?.fields['observer.ip']).toBeUndefined();
    expect(r?.fields['source.port']).toBeUndefined();
    expect(r?.fields['cef.extensions.deviceAddress']).toBe('hostname');
  });

  it('uses the CEF name as the message when there is no msg', () => {
    expect(cef.parse('CEF:0|V|P|1|2|Port scan|5|src=1.2.3.4', ctx)?.fields['message']).toBe('Port scan');
  });

  it('reads severity words', () => {
    expect(cef.parse('CEF:0|V|P|1|2|n|Very-High|', ctx)?.fields['event.severity']).toBe(9);
    expect(cef.parse('CEF:0|V|P|1|2|n|low|', ctx)?.fields['event.severity']).toBe(0);
  });

  it('takes rt as the time, in the zone named by dtz', () => {
    expect(new Date(cef.parse('CEF:0|V|P|1|2|n|5|rt=1764324000000', ctx)?.time ?? 0).toISOString()).toBe(
      '2025-11-28T10:00:00.000Z',
    );
    const r = cef.parse('CEF:0|V|P|1|2|n|5|rt=Nov 28 2025 10:00:00 dtz=Asia/Tokyo', ctx);
    expect(new Date(r?.time ?? 0).toISOString()).toBe('2025-11-28T01:00:00.000Z');
  });

  it('gives null for a truncated header', () => {
    expect(cef.parse('CEF:0|Vendor|Product|1.0', ctx)).toBeNull();
    expect(cef.parse('not cef', ctx)).toBeNull();
  });

  it('keeps Japanese text in values', () => {
    const r = cef.parse('CEF:0|V|P|1|2|不正アクセス|5|msg=ログイン失敗 ユーザー suser=山田', ctx);
    expect(r?.fields['message']).toBe('ログイン失敗 ユーザー');
    expect(r?.fields['source.user.name']).toBe('山田');
    expect(r?.fields['cef.name']).toBe('不正アクセス');
  });

  it('reads a 1 MB extension value in linear time', () => {
    const big = 'a'.repeat(1 << 20);
    const t0 = performance.now();
    const r = cef.parse(`CEF:0|V|P|1|2|n|5|msg=${big} src=1.2.3.4`, ctx);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect((r?.fields['message'] as string).length).toBe(1 << 20);
  });
});
