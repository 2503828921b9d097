import { describe, expect, it } from 'vitest';
import {
  defang,
  queryLiteral,
  sightingQuery,
  sightingSearchUrl,
  type Observable,
} from './observable-format.js';

const observable = (over: Partial<Observable>): Observable => ({
  id: 'o1',
  incidentId: 'i1',
  tenant: 'acme',
  type: 'ip',
  value: '203.0.113.7',
  source: 'manual',
  firstSeen: 0,
  lastSeen: 0,
  note: null,
  sighting: null,
  createdAt: 0,
  ...over,
});

describe('defang', () => {
  it('brackets the dots of IPv4 addresses, domains and host names', () => {
    expect(defang('ip', '203.0.113.7')).toBe('203[.]0[.]113[.]7');
    expect(defang('domain', 'evil.example.com')).toBe('evil[.]example[.]com');
    expect(defang('host', 'ws01.corp.local')).toBe('ws01[.]corp[.]local');
  });

  it('brackets the colons of IPv6 addresses', () => {
    expect(defang('ip', '2001:db8::1')).toBe('2001[:]db8[:][:]1');
  });

  it('defangs the scheme and host of a URL but leaves its path', () => {
    expect(defang('url', 'https://evil.example/a.php?x=1.2')).toBe('hxxps://evil[.]example/a.php?x=1.2');
    expect(defang('url', 'ftp://user@files.example/x')).toBe('fxp://user@files[.]example/x');
  });

  it('brackets the @ and the domain dots of an e-mail address', () => {
    expect(defang('email', 'first.last@evil.example')).toBe('first.last[@]evil[.]example');
  });

  it('leaves hashes, users, paths and registry keys as they are', () => {
    expect(defang('sha256', 'ab'.repeat(32))).toBe('ab'.repeat(32));
    expect(defang('file_path', 'C:\\Users\\a.exe')).toBe('C:\\Users\\a.exe');
    expect(defang('registry_key', 'HKLM\\Software\\Run')).toBe('HKLM\\Software\\Run');
  });
});

describe('sighting search links', () => {
  it('quotes values the query language would otherwise split or misread', () => {
    expect(queryLiteral('acme')).toBe('acme');
    expect(queryLiteral('AND')).toBe('"AND"');
    expect(queryLiteral('my tenant')).toBe('"my tenant"');
    expect(queryLiteral('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('searches the value as a phrase in the tenant, on one host when given', () => {
    expect(sightingQuery('acme', '203.0.113.7')).toBe('tenant:acme AND "203.0.113.7"');
    expect(sightingQuery('acme', 'C:\\x.exe', 'WS01')).toBe(
      'tenant:acme AND host.name:WS01 AND "C:\\\\x.exe"',
    );
  });

  it('links to the search over the sighting’s first to last time, the end made inclusive', () => {
    const url = sightingSearchUrl(
      observable({
        sighting: { count: 3, hosts: [], firstSeen: 1000, lastSeen: 5000, searchedAt: 6000 },
      }),
      'WS02',
    );
    const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    expect(url.startsWith('/search?')).toBe(true);
    expect(params.get('q')).toBe('tenant:acme AND host.name:WS02 AND "203.0.113.7"');
    expect(params.get('from')).toBe('1000');
    expect(params.get('to')).toBe('5001');
  });

  it('keeps the search page’s default range when nothing was sighted', () => {
    const url = sightingSearchUrl(observable({}));
    expect(url).toBe(`/search?q=${encodeURIComponent('tenant:acme AND "203.0.113.7"').replace(/%20/g, '+')}`);
  });
});
