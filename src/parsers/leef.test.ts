import { describe, expect, it } from 'vitest';
import { leef } from './leef.js';
import type { ParseContext } from './types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };

describe('leef', () => {
  it('reads LEEF 1.0 with tab-separated attributes and maps them to ECS', () => {
    const r = leef.parse(
      'LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.0\tdst=172.50.123.1\tsrcPort=81\tdstPort=21\tusrName=joe.black\tproto=TCP',
      ctx,
    );
    expect(r?.fields).toMatchObject({
      'leef.version': '1.0',
      'leef.device.vendor': 'Microsoft',
      'leef.device.product': 'MSExchange',
      'leef.device.version': '4.0 SP1',
      'leef.event_id': '15345',
      'observer.vendor': 'Microsoft',
      'event.code': '15345',
      'source.ip': '192.0.2.0',
      'destination.ip': '172.50.123.1',
      'source.port': 81,
      'destination.port': 21,
      'user.name': 'joe.black',
      'network.transport': 'tcp',
      'leef.attributes.usrName': 'joe.black',
    });
  });

  it('reads LEEF 2.0 with a "^" delimiter', () => {
    const r = leef.parse(
      'LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5^sev=5^msg=a b c',
      ctx,
    );
    expect(r?.fields['source.ip']).toBe('10.0.1.8');
    expect(r?.fields['event.severity']).toBe(5);
    expect(r?.fields['message']).toBe('a b c');
  });

  it('reads LEEF 2.0 with the delimiter given as hex (x09, 0x7C)', () => {
    expect(leef.parse('LEEF:2.0|V|P|1|E|x09|src=1.1.1.1\tdst=2.2.2.2', ctx)?.fields['destination.ip']).toBe(
      '2.2.2.2',
    );
    expect(leef.parse('LEEF:2.0|V|P|1|E|0x7C|src=1.1.1.1|dst=2.2.2.2', ctx)?.fields['destination.ip']).toBe(
      '2.2.2.2',
    );
  });

  it('reads LEEF 2.0 without a delimiter field as tab-separated', () => {
    expect(leef.parse('LEEF:2.0|V|P|1|E|src=1.1.1.1\tdst=2.2.2.2', ctx)?.fields['source.ip']).toBe('1.1.1.1');
  });

  it('reads space-separated attributes from senders that ignore the delimiter', () => {
    const r = leef.parse('LEEF:1.0|V|P|1|E|src=1.1.1.1 usrName=joe msg=two words', ctx);
    expect(r?.fields['user.name']).toBe('joe');
    expect(r?.fields['message']).toBe('two words');
  });

  it('takes devTime as the time', () => {
    const r = leef.parse('LEEF:2.0|V|P|1|E|^|devTime=Nov 28 2025 10:00:00.123^src=1.1.1.1', ctx);
    expect(new Date(r?.time ?? 0).toISOString()).toBe('2025-11-28T10:00:00.123Z');
    expect(new Date(leef.parse('LEEF:1.0|V|P|1|E|devTime=1764324000000', ctx)?.time ?? 0).toISOString()).toBe(
      '2025-11-28T10:00:00.000Z',
    );
  });

  it('gives null for a truncated header', () => {
    expect(leef.parse('LEEF:1.0|V|P', ctx)).toBeNull();
  });
});

describe('leef on hostile input', () => {
  it('reads half a million delimiters without "=" in linear time', () => {
    const t0 = performance.now();
    const r = leef.parse('LEEF:1.0|V|P|1|E|' + 'x\t'.repeat(500_000) + 'src=1.1.1.1', ctx);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r?.fields['source.ip']).toBe('1.1.1.1');
  });
});
