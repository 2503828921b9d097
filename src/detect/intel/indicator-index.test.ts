import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorSet } from './indicator.js';
import { IndicatorIndex, type LookupKind } from './indicator-index.js';

const T0 = Date.UTC(2025, 2, 15);

function setOf(indicators: Indicator[], extra: Partial<IndicatorSet> = {}): IndicatorSet {
  return { id: 'test', name: 'Test', source: 'unit', importedAt: T0, indicators, ...extra };
}

function indexOf(...indicators: Indicator[]): IndicatorIndex {
  return new IndicatorIndex([setOf(indicators)]);
}

const hits = (index: IndicatorIndex, kind: LookupKind, value: string, at = T0): string[] =>
  index.lookup(kind, value, at).map((e) => e.indicator.value);

describe('IndicatorIndex: addresses', () => {
  const index = indexOf(
    { type: 'ipv4', value: '198.51.100.23' },
    { type: 'ipv6', value: '2001:db8::1' },
    { type: 'cidr', value: '10.0.0.0/8' },
    { type: 'cidr', value: '203.0.113.0/24' },
    { type: 'cidr', value: '192.0.2.77/32' },
    { type: 'cidr', value: '2001:db8:bad:1::/64' },
  );

  it('matches exact IPv4 and IPv6 addresses whatever their written form', () => {
    expect(hits(index, 'ip', '198.51.100.23')).toEqual(['198.51.100.23']);
    expect(hits(index, 'ip', '::ffff:198.51.100.23')).toEqual(['198.51.100.23']);
    expect(hits(index, 'ip', '2001:DB8:0:0::0001')).toEqual(['2001:db8::1']);
    expect(hits(index, 'ip', '198.51.100.24')).toEqual([]);
    expect(hits(index, 'ip', '2001:db8::2')).toEqual([]);
  });

  it('matches addresses inside /8, /24 and /32 blocks and not beside them', () => {
    expect(hits(index, 'ip', '10.255.255.255')).toEqual(['10.0.0.0/8']);
    expect(hits(index, 'ip', '11.0.0.0')).toEqual([]);
    expect(hits(index, 'ip', '203.0.113.0')).toEqual(['203.0.113.0/24']);
    expect(hits(index, 'ip', '203.0.113.255')).toEqual(['203.0.113.0/24']);
    expect(hits(index, 'ip', '203.0.114.0')).toEqual([]);
    expect(hits(index, 'ip', '192.0.2.77')).toEqual(['192.0.2.77/32']);
    expect(hits(index, 'ip', '192.0.2.78')).toEqual([]);
  });

  it('matches addresses inside an IPv6 /64 and not in the next /64', () => {
    expect(hits(index, 'ip', '2001:db8:bad:1:ffff:ffff:ffff:ffff')).toEqual(['2001:db8:bad:1::/64']);
    expect(hits(index, 'ip', '2001:db8:bad:1::42')).toEqual(['2001:db8:bad:1::/64']);
    expect(hits(index, 'ip', '2001:db8:bad:2::42')).toEqual([]);
  });

  it('keeps one map per prefix length, /32 with the exact addresses', () => {
    expect(index.stats()).toMatchObject({
      ipv4PrefixLengths: [24, 8],
      ipv6PrefixLengths: [64],
      indicators: 6,
    });
  });

  it('ignores values that are not addresses', () => {
    expect(hits(index, 'ip', '10.0.0')).toEqual([]);
    expect(hits(index, 'ip', 'evil.example')).toEqual([]);
    expect(hits(index, 'ip', '')).toEqual([]);
  });

  it('matches one address in a block and as itself: both indicators', () => {
    const both = indexOf({ type: 'ipv4', value: '10.1.2.3' }, { type: 'cidr', value: '10.1.0.0/16' });
    expect(hits(both, 'ip', '10.1.2.3').sort()).toEqual(['10.1.0.0/16', '10.1.2.3']);
  });
});

describe('IndicatorIndex: domains', () => {
  const index = indexOf({ type: 'domain', value: 'evil.example' }, { type: 'domain', value: 'Bad.Example.' });

  it('matches the domain and its subdomains, any case, with a trailing dot', () => {
    expect(hits(index, 'domain', 'evil.example')).toEqual(['evil.example']);
    expect(hits(index, 'domain', 'a.b.evil.example')).toEqual(['evil.example']);
    expect(hits(index, 'domain', 'C2.EVIL.EXAMPLE.')).toEqual(['evil.example']);
    expect(hits(index, 'domain', 'www.bad.example')).toEqual(['bad.example']);
  });

  it('does not match look-alikes that only share characters', () => {
    for (const name of [
      'notevil.example',
      'evil.example.com',
      'evil.examples',
      'evil-example',
      'example',
      'vil.example',
    ])
      expect(hits(index, 'domain', name), name).toEqual([]);
  });

  it('looks an address in a host field up as an address', () => {
    const mixed = indexOf(
      { type: 'ipv4', value: '198.51.100.23' },
      { type: 'domain', value: '1password.example' },
    );
    expect(hits(mixed, 'domain', '198.51.100.23')).toEqual(['198.51.100.23']);
    expect(hits(mixed, 'domain', 'my.1password.example')).toEqual(['1password.example']);
  });
});

describe('IndicatorIndex: URLs', () => {
  const index = indexOf(
    { type: 'url', value: 'http://files.evil.example/dl/stage2.bin' },
    { type: 'url', value: 'https://gate.example/panel/' },
    { type: 'domain', value: 'phish.example' },
    { type: 'ipv4', value: '198.51.100.44' },
  );

  it('matches a URL written differently but equal once normalized', () => {
    for (const url of [
      'http://files.evil.example/dl/stage2.bin',
      'HTTP://FILES.EVIL.EXAMPLE:80/dl/stage2.bin',
      'http://files.evil.example/dl/./stage2.bin#frag',
      'files.evil.example/dl/stage2.bin',
    ])
      expect(hits(index, 'url', url), url).toEqual(['http://files.evil.example/dl/stage2.bin']);
    expect(hits(index, 'url', 'https://gate.example/panel')).toEqual(['https://gate.example/panel']);
  });

  it('does not match another path, query, port or scheme', () => {
    for (const url of [
      'http://files.evil.example/dl/stage3.bin',
      'http://files.evil.example/dl/stage2.bin?x=1',
      'http://files.evil.example:8080/dl/stage2.bin',
      'https://files.evil.example/dl/stage2.bin',
      'http://files.evil.example/DL/stage2.bin',
    ])
      expect(hits(index, 'url', url), url).toEqual([]);
  });

  it('checks the host of any URL against domain and address indicators', () => {
    expect(hits(index, 'url', 'https://login.phish.example/o365?u=1')).toEqual(['phish.example']);
    expect(hits(index, 'url', 'http://198.51.100.44:43690/i')).toEqual(['198.51.100.44']);
    expect(hits(index, 'url', 'http://phish.example.net/')).toEqual([]);
  });
});

describe('IndicatorIndex: hashes and addresses', () => {
  const sha256 = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f';
  const index = indexOf(
    { type: 'sha256', value: sha256.toUpperCase() },
    { type: 'md5', value: '79054025255fb1a26e4bc422aef54eb4' },
    { type: 'email', value: 'billing@phish.example' },
    { type: 'domain', value: 'spoof.example' },
  );

  it('matches hashes case-insensitively', () => {
    expect(hits(index, 'hash', sha256.toUpperCase())).toEqual([sha256]);
    expect(hits(index, 'hash', '79054025255FB1A26E4BC422AEF54EB4')).toEqual([
      '79054025255fb1a26e4bc422aef54eb4',
    ]);
    expect(hits(index, 'hash', sha256.slice(0, 63))).toEqual([]);
  });

  it('matches an email address, and its domain against domain indicators', () => {
    expect(hits(index, 'email', 'Billing@Phish.Example')).toEqual(['billing@phish.example']);
    expect(hits(index, 'email', 'Accounts <ceo@mail.spoof.example>')).toEqual(['spoof.example']);
    expect(hits(index, 'email', 'other@phish.example')).toEqual([]);
  });

  it('counts indicators of a hand-built set that do not normalize, and never matches them', () => {
    const bad = indexOf({ type: 'ipv4', value: '300.1.1.1' }, { type: 'md5', value: 'xyz' });
    expect(bad.stats()).toMatchObject({ indicators: 0, rejected: 2 });
  });
});

describe('IndicatorIndex: validity', () => {
  const day = 86_400_000;

  it('matches from validFrom (inclusive) to validUntil (exclusive)', () => {
    const index = indexOf({ type: 'ipv4', value: '192.0.2.1', validFrom: T0, validUntil: T0 + day });
    expect(hits(index, 'ip', '192.0.2.1', T0 - 1)).toEqual([]);
    expect(hits(index, 'ip', '192.0.2.1', T0)).toEqual(['192.0.2.1']);
    expect(hits(index, 'ip', '192.0.2.1', T0 + day - 1)).toEqual(['192.0.2.1']);
    expect(hits(index, 'ip', '192.0.2.1', T0 + day)).toEqual([]);
  });

  it('expires indicators without validUntil at import time + the set TTL; their own validUntil wins', () => {
    const index = new IndicatorIndex([
      setOf(
        [
          { type: 'domain', value: 'ttl.example' },
          { type: 'domain', value: 'own.example', validUntil: T0 + 30 * day },
        ],
        { defaultTtlMs: 7 * day },
      ),
    ]);
    expect(hits(index, 'domain', 'ttl.example', T0 + 7 * day - 1)).toEqual(['ttl.example']);
    expect(hits(index, 'domain', 'ttl.example', T0 + 7 * day)).toEqual([]);
    expect(hits(index, 'domain', 'own.example', T0 + 20 * day)).toEqual(['own.example']);
  });

  it('never expires an indicator with no validUntil in a set without TTL', () => {
    const index = indexOf({ type: 'domain', value: 'forever.example' });
    expect(hits(index, 'domain', 'forever.example', T0 + 3650 * day)).toEqual(['forever.example']);
  });
});
