import { describe, expect, it } from 'vitest';
import { formatIPv4, formatIPv6, ipv6PrefixKey, mappedIPv4, parseCidr, parseIPv4, parseIPv6 } from './ip.js';

describe('parseIPv4', () => {
  it('reads dotted quads, zero-padded parts as decimal', () => {
    expect(formatIPv4(parseIPv4('198.51.100.23'))).toBe('198.51.100.23');
    expect(formatIPv4(parseIPv4('010.001.000.255'))).toBe('10.1.0.255');
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
  });

  it('refuses anything else', () => {
    for (const s of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', '1.2.3.4 ', 'a.b.c.d', '', '1.2.3.0004'])
      expect(parseIPv4(s), s).toBe(-1);
  });
});

describe('parseIPv6', () => {
  it('expands compressed forms to 32 hex digits', () => {
    expect(parseIPv6('2001:db8::1')).toBe('20010db8000000000000000000000001');
    expect(parseIPv6('::')).toBe('0'.repeat(32));
    expect(parseIPv6('::1')).toBe(`${'0'.repeat(31)}1`);
    expect(parseIPv6('2001:DB8:0:0:0:0:0:1')).toBe('20010db8000000000000000000000001');
  });

  it('reads IPv4 tails, brackets and zones', () => {
    expect(mappedIPv4(parseIPv6('::ffff:192.0.2.1') as string)).toBe(parseIPv4('192.0.2.1'));
    expect(parseIPv6('[2001:db8::1]')).toBe(parseIPv6('2001:db8::1'));
    expect(parseIPv6('fe80::1%eth0')).toBe(parseIPv6('fe80::1'));
  });

  it('refuses malformed addresses', () => {
    for (const s of [
      '1:2:3:4:5:6:7:8:9',
      '1::2::3',
      ':1::',
      '12345::',
      '1:2:3:4:5:6:7',
      'g::1',
      '1.2.3.4',
      '::1.2.3',
    ])
      expect(parseIPv6(s), s).toBeUndefined();
  });

  it('formats as RFC 5952: lowercase, longest zero run compressed, single zero groups kept', () => {
    expect(formatIPv6(parseIPv6('2001:0DB8:0000:0000:0000:0000:0000:0001') as string)).toBe('2001:db8::1');
    expect(formatIPv6(parseIPv6('2001:db8:0:1:1:1:1:1') as string)).toBe('2001:db8:0:1:1:1:1:1');
    expect(formatIPv6(parseIPv6('2001:0:0:1:0:0:0:1') as string)).toBe('2001:0:0:1::1');
    expect(formatIPv6(parseIPv6('::') as string)).toBe('::');
  });
});

describe('parseCidr', () => {
  it('clears host bits of IPv4 and IPv6 blocks', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({ version: 4, network: parseIPv4('10.0.0.0'), prefix: 8 });
    const v6 = parseCidr('2001:db8:bad:1234::1/50');
    expect(v6?.version).toBe(6);
    expect(v6?.network).toBe(parseIPv6('2001:db8:bad:0::'));
  });

  it('refuses prefixes past the address size and malformed text', () => {
    for (const s of ['10.0.0.0/33', '2001:db8::/129', '10.0.0.0', '10.0.0.0/', '10.0.0.0/x', 'a/8'])
      expect(parseCidr(s), s).toBeUndefined();
  });

  it('keys an IPv6 network by the hex digits its prefix covers', () => {
    const hex = parseIPv6('2001:db8:bad:ffff::1') as string;
    expect(ipv6PrefixKey(hex, 48)).toBe('20010db80bad');
    expect(ipv6PrefixKey(hex, 50)).toBe('20010db80badc');
    expect(ipv6PrefixKey(hex, 0)).toBe('');
  });
});
