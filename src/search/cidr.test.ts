import { describe, expect, it } from 'vitest';
import { ipInCidr, parseCidr, parseIPv4, parseIPv6 } from './cidr.js';

describe('parseIPv4 and parseIPv6', () => {
  it('read valid addresses', () => {
    expect(parseIPv4('10.0.0.1')).toBe(0x0a000001);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4('010.000.000.001')).toBe(0x0a000001);
    expect(parseIPv6('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('fe80::')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6('::ffff:10.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0a00, 1]);
    expect(parseIPv6('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '1..2.3', '1.2.3.', 'a.b.c.d', '1.2.3.4 '])(
    'reject IPv4 %j',
    (s) => {
      expect(parseIPv4(s)).toBe(-1);
    },
  );

  it.each([
    ':',
    ':1',
    '1:',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::',
    'g::1',
    '1:2:3:4:5:6:7::8:9',
    '::1.2.3',
  ])('reject IPv6 %j', (s) => {
    expect(parseIPv6(s)).toBeUndefined();
  });
});

describe('parseCidr', () => {
  it('normalises networks and clears host bits', () => {
    expect(parseCidr('10.1.2.3/8')?.text).toBe('10.0.0.0/8');
    expect(parseCidr('192.168.1.77/32')?.text).toBe('192.168.1.77/32');
    expect(parseCidr('0.0.0.0/0')?.text).toBe('0.0.0.0/0');
    expect(parseCidr('2001:DB8:0:0::1/32')?.text).toBe('2001:db8::/32');
    expect(parseCidr('2001:db8:1:2:3:4:5:6/64')?.text).toBe('2001:db8:1:2::/64');
    expect(parseCidr('2001:0:0:1:0:0:0:1/128')?.text).toBe('2001:0:0:1::1/128');
    expect(parseCidr('fe80::1/10')?.text).toBe('fe80::/10');
  });

  it('treats a single address as a host network', () => {
    expect(parseCidr('10.0.0.1')).toMatchObject({ version: 4, prefix: 32 });
    expect(parseCidr('::1')).toMatchObject({ version: 6, prefix: 128 });
  });

  it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/a', 'fe80::1%eth0/64', 'host/8'])(
    'rejects %j',
    (s) => {
      expect(parseCidr(s)).toBeUndefined();
    },
  );
});

describe('ipInCidr', () => {
  it.each([
    ['10.0.0.5', '10.0.0.0/8', true],
    ['10.255.255.255', '10.0.0.0/8', true],
    ['11.0.0.0', '10.0.0.0/8', false],
    ['192.168.1.20', '192.168.1.0/24', true],
    ['192.168.2.20', '192.168.1.0/24', false],
    ['1.2.3.4', '0.0.0.0/0', true],
    ['172.16.5.4', '172.16.0.0/12', true],
    ['172.32.0.1', '172.16.0.0/12', false],
    ['10.0.0.1', '10.0.0.1/32', true],
    ['10.0.0.2', '10.0.0.1/32', false],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db8:ffff:ffff::', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['fe80::1%eth0', 'fe80::/10', true],
    ['febf::1', 'fe80::/10', true],
    ['fec0::1', 'fe80::/10', false],
    ['::ffff:10.20.30.40', '10.0.0.0/8', true],
    ['::ffff:11.20.30.40', '10.0.0.0/8', false],
    ['10.20.30.40', '::ffff:0:0/96', true],
    ['10.0.0.1', '2001:db8::/32', false],
    ['2001:db8::1', '10.0.0.0/8', false],
    ['not an ip', '10.0.0.0/8', false],
    ['10.0.0.1', 'not a cidr', false],
    ['', '::/0', false],
  ])('says %s in %s is %s', (ip, cidr, expected) => {
    expect(ipInCidr(ip, cidr)).toBe(expected);
  });

  it('checks a million IPv4 addresses against a network (and prints the cost per check)', () => {
    const start = performance.now();
    let hits = 0;
    for (let i = 0; i < 1 << 20; i++) if (ipInCidr(`10.${i & 255}.${(i >> 8) & 255}.1`, '10.0.0.0/9')) hits++;
    const ms = performance.now() - start;
    expect(hits).toBe(1 << 19);
    console.log(`ipInCidr: ${((ms * 1000) / (1 << 20)).toFixed(3)} us per IPv4 check`);
  });
});
