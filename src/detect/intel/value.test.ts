import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import {
  inferType,
  normalizeDomain,
  normalizeEmail,
  normalizeIndicator,
  normalizeUrl,
  whatwgUrl,
} from './value.js';

describe('inferType', () => {
  it('tells each indicator type from a bare value', () => {
    const cases: Record<string, string | undefined> = {
      '198.51.100.23': 'ipv4',
      '2001:db8::1': 'ipv6',
      '10.0.0.0/8': 'cidr',
      '2001:db8::/32': 'cidr',
      'evil.example': 'domain',
      'http://evil.example/x': 'url',
      'evil.example/path/x.php': 'url',
      '79054025255fb1a26e4bc422aef54eb4': 'md5',
      '6cbce4a295c163791b60fc23d285e6d84f28ee4c': 'sha1',
      ['a'.repeat(64)]: 'sha256',
      ['b'.repeat(128)]: 'sha512',
      'billing@phish.example': 'email',
      localhost: undefined,
      'not a value': undefined,
    };
    for (const [value, type] of Object.entries(cases)) expect(inferType(value), value).toBe(type);
  });
});

describe('normalizeIndicator', () => {
  it('refangs, then normalizes to the canonical form of the type', () => {
    expect(normalizeIndicator('EVIL[.]Example.')).toEqual({
      ok: true,
      type: 'domain',
      value: 'evil.example',
    });
    expect(normalizeIndicator('2001:DB8:0::1', 'ipv6')).toEqual({
      ok: true,
      type: 'ipv6',
      value: '2001:db8::1',
    });
    expect(normalizeIndicator('10.1.2.3/8', 'cidr')).toEqual({ ok: true, type: 'cidr', value: '10.0.0.0/8' });
    expect(normalizeIndicator('AEC0', 'md5')).toMatchObject({ ok: false });
  });

  it('reads a hint as the value needs: an "ip" block is a cidr, a mapped IPv6 address is IPv4', () => {
    expect(normalizeIndicator('203.0.113.0/24', 'ip')).toMatchObject({ type: 'cidr' });
    expect(normalizeIndicator('203.0.113.0/24', 'ipv4')).toMatchObject({ type: 'cidr' });
    expect(normalizeIndicator('::ffff:192.0.2.1', 'ipv6')).toEqual({
      ok: true,
      type: 'ipv4',
      value: '192.0.2.1',
    });
    expect(normalizeIndicator('192.0.2.1', 'domain')).toMatchObject({ type: 'ipv4' });
    expect(normalizeIndicator(`${'F'.repeat(40)}`, 'hash')).toMatchObject({
      type: 'sha1',
      value: 'f'.repeat(40),
    });
  });

  it('refuses a /0 block, a single-label domain and a hash of the wrong length, saying why', () => {
    expect(normalizeIndicator('0.0.0.0/0')).toEqual({
      ok: false,
      reason: '"0.0.0.0/0" would match every address',
    });
    expect(normalizeIndicator('com', 'domain')).toEqual({ ok: false, reason: '"com" is not a valid domain' });
    expect(normalizeIndicator('a'.repeat(40), 'sha256')).toMatchObject({ ok: false });
  });
});

describe('normalizeDomain', () => {
  it('drops a wildcard and the trailing dot and converts IDN to punycode', () => {
    expect(normalizeDomain('*.Evil.Example.')).toBe('evil.example');
    expect(normalizeDomain('bücher.example')).toBe('xn--bcher-kva.example');
  });

  it('refuses names with spaces, a numeric last label, or over-long labels', () => {
    expect(normalizeDomain('not a domain')).toBeUndefined();
    expect(normalizeDomain('198.51.100.300')).toBeUndefined();
    expect(normalizeDomain(`${'a'.repeat(64)}.example`)).toBeUndefined();
  });
});

describe('normalizeUrl', () => {
  it('lowercases scheme and host, removes the default port, user info and fragment', () => {
    expect(normalizeUrl('HTTP://User:pw@Files.Evil.Example:80/DL/x.bin#top')?.key).toBe(
      'http://files.evil.example/DL/x.bin',
    );
    expect(normalizeUrl('https://evil.example:443/')?.key).toBe('https://evil.example/');
    expect(normalizeUrl('https://evil.example:8443/')?.key).toBe('https://evil.example:8443/');
  });

  it('treats "/" as the root path and ignores one trailing slash elsewhere', () => {
    expect(normalizeUrl('http://evil.example')?.key).toBe('http://evil.example/');
    expect(normalizeUrl('http://evil.example/a/')?.key).toBe(normalizeUrl('http://evil.example/a')?.key);
    expect(normalizeUrl('http://evil.example/a/?q=1')?.key).toBe('http://evil.example/a?q=1');
  });

  it('resolves dot segments, uppercases percent escapes and reads a schemeless URL as http', () => {
    expect(normalizeUrl('http://evil.example/a/../b/%2fc')?.key).toBe('http://evil.example/b/%2Fc');
    expect(normalizeUrl('evil.example/gate.php?id=1')?.key).toBe('http://evil.example/gate.php?id=1');
  });

  it('gives the host for the domain check, IPv6 in brackets', () => {
    expect(normalizeUrl('http://[2001:db8::1]:8080/x')?.host).toBe('[2001:db8::1]');
    expect(normalizeUrl('http://a.b.evil.example/x')?.host).toBe('a.b.evil.example');
    expect(normalizeUrl('http://exa mple/')).toBeUndefined();
    expect(normalizeUrl('/gate.php')).toBeUndefined();
  });
});

describe('normalizeUrl fast path', () => {
  // Every URL the device parsers' golden outputs hold, and variations around what the fast path accepts.
  const golden = new URL('../../../test/golden/cases/', import.meta.url);
  const fromGolden = readdirSync(golden, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.expected.jsonl'))
    .flatMap((f) => [
      ...readFileSync(new URL(f, golden), 'utf8').matchAll(/"url\.(?:full|original)":"([^"]+)"/g),
    ])
    .map((m) => m[1] as string)
    .filter((u) => /^[a-z]+:\/\//i.test(u));
  const hosts = [
    'evil.example',
    'A.B.Evil.Example',
    'x-1.example',
    '-bad.example',
    'a..b.example',
    'xn--bcher-kva.example',
    'host.123',
    'evil.example.',
    '198.51.100.7',
    'under_score.example',
    'a.b-',
  ];
  const ports = ['', ':80', ':443', ':8080', ':080', ':0', ':65535', ':65536', ':'];
  const paths = [
    '',
    '/',
    '/a/',
    '/a/b.php',
    '/a/./b',
    '/a/../b',
    '/.well-known/x',
    '/a//b/',
    "/it's",
    '/a%2fb',

    '/~u/(x)*,;=:@!$&+',
    '/\\x',
    '/a|b',
    '/"q"',
  ];
  const queries = ['', '?', '?a=1&b=2', "?q='x'", '?a=%7e', '?x?y=/:@', '?<x>'];
  const variants: string[] = [];
  for (const scheme of ['http', 'HTTPS', 'ftp'])
    for (const host of hosts)
      for (const port of ports)
        for (const path of paths)
          for (const query of queries) variants.push(`${scheme}://${host}${port}${path}${query}#frag`);

  it(`gives the same key as the WHATWG parser for ${fromGolden.length} golden URLs and generated variants`, () => {
    expect(fromGolden.length).toBeGreaterThan(10);
    const differing = [...fromGolden, ...variants].filter(
      (u) => JSON.stringify(normalizeUrl(u)) !== JSON.stringify(whatwgUrl(u.trim())),
    );
    expect(differing).toEqual([]);
  });
});

describe('normalizeEmail', () => {
  it('unwraps display names and mailto:, lowercases', () => {
    expect(normalizeEmail('Billing <Billing@Phish.Example>')).toBe('billing@phish.example');
    expect(normalizeEmail('mailto:x@phish.example')).toBe('x@phish.example');
    expect(normalizeEmail('no-at-sign.example')).toBeUndefined();
  });
});
