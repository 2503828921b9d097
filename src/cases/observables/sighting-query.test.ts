import { describe, expect, it } from 'vitest';
import type { Event, FieldValue } from '../../core/event.js';
import type { EventId, TenantId } from '../../core/ids.js';
import { parseQuery } from '../../search/parser.js';
import { compilePredicate } from '../../search/predicate.js';
import { observable, OBSERVABLE_TYPES, type Observable, type ObservableType } from './observable.js';
import { queryLiteral, SIGHTING_FIELDS, sightingQuery } from './sighting-query.js';

const T0 = Date.UTC(2025, 10, 28, 10, 0, 0);

function event(fields: Record<string, FieldValue>): Event {
  return {
    id: 'e1' as EventId,
    tenant: 'acme' as TenantId,
    time: T0,
    receivedAt: T0 + 1000,
    logsource: {},
    fields,
  };
}

/** Whether the sighting query of the observable, parsed and compiled by the real search code, selects the event. */
function finds(o: Observable, fields: Record<string, FieldValue>): boolean {
  return compilePredicate(parseQuery(sightingQuery(o)))(event(fields));
}

const samples: Record<ObservableType, string> = {
  ip: '2001:db8::1',
  domain: 'evil.example',
  url: 'https://evil.example/a b?x="1"'.replace(' ', '%20'),
  md5: '44d88612fea8a8f36de82e1278abb02f',
  sha1: 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d',
  sha256: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
  email: "o'brien+x@evil.example",
  user: 'CORP\\t.yamada',
  host: 'ws-042',
  file_path: 'C:\\Program Files (x86)\\Evil Corp\\upd "new".exe',
  registry_key: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
};

describe('sightingQuery', () => {
  it.each(OBSERVABLE_TYPES.map((t) => [t]))('gives a query the search parser accepts for a %s', (type) => {
    const q = sightingQuery(observable(type, samples[type]));
    expect(() => parseQuery(q)).not.toThrow();
    for (const field of SIGHTING_FIELDS[type]) expect(q).toContain(`${field}:`);
  });

  it('searches an IPv4 address as a /32 network, so zero-padded and IPv4-mapped forms are found too', () => {
    const ip = observable('ip', '198.51.100.7');
    expect(sightingQuery(ip)).toMatch(
      /^source\.ip:198\.51\.100\.7\/32 OR destination\.ip:198\.51\.100\.7\/32 OR /,
    );
    expect(finds(ip, { 'destination.ip': '198.51.100.7' })).toBe(true);
    expect(finds(ip, { 'related.ip': ['10.0.0.1', '::ffff:198.51.100.7'] })).toBe(true);
    expect(finds(ip, { 'source.ip': '198.051.100.007' })).toBe(true);
    expect(finds(ip, { 'source.ip': '198.51.100.70' })).toBe(false);
  });

  it('finds an IPv6 address however the event writes it', () => {
    expect(finds(observable('ip', '2001:db8::1'), { 'source.ip': '2001:0DB8:0:0::1' })).toBe(true);
  });

  it('finds a domain and its subdomains in DNS, TLS and URL fields, but not a look-alike', () => {
    const d = observable('domain', 'evil.example');
    expect(finds(d, { 'dns.question.name': 'EVIL.example' })).toBe(true);
    expect(finds(d, { 'tls.client.server_name': 'cdn.login.evil.example' })).toBe(true);
    expect(finds(d, { 'url.domain': 'notevil.example' })).toBe(false);
    expect(finds(d, { message: 'evil.example' })).toBe(false);
  });

  it('finds a URL with or without the trailing slash of an empty path', () => {
    expect(finds(observable('url', 'http://evil.example'), { 'url.original': 'http://evil.example/' })).toBe(
      true,
    );
    expect(finds(observable('url', 'http://evil.example/'), { 'url.full': 'http://evil.example' })).toBe(
      true,
    );
    expect(finds(observable('url', 'http://evil.example/a'), { 'url.full': 'http://evil.example/ab' })).toBe(
      false,
    );
  });

  it('finds a hash in the process and related fields, whatever its case', () => {
    const h = observable('sha256', samples.sha256);
    expect(finds(h, { 'process.hash.sha256': samples.sha256.toUpperCase() })).toBe(true);
    expect(finds(h, { 'related.hash': ['abc', samples.sha256] })).toBe(true);
  });

  it('quotes a Windows path with spaces, parentheses, quotes and backslashes so it matches exactly', () => {
    const p = observable('file_path', samples.file_path);
    expect(sightingQuery(p)).toContain(
      'file.path:"C:\\\\Program Files (x86)\\\\Evil Corp\\\\upd \\"new\\".exe"',
    );
    expect(finds(p, { 'process.executable': samples.file_path })).toBe(true);
    expect(finds(p, { 'process.executable': 'C:\\Program Files (x86)\\Evil Corp\\upd.exe' })).toBe(false);
  });

  it('keeps the double backslash of a UNC path', () => {
    const unc = '\\\\fs01\\share\\drop.exe';
    expect(finds(observable('file_path', unc), { 'file.path': unc })).toBe(true);
    expect(finds(observable('file_path', unc), { 'file.path': '\\fs01\\share\\drop.exe' })).toBe(false);
  });

  it('finds a %APPDATA% path where the event has it expanded', () => {
    const p = observable('file_path', '%APPDATA%\\Microsoft\\upd.exe');
    expect(finds(p, { 'file.path': 'C:\\Users\\t.yamada\\AppData\\Roaming\\Microsoft\\upd.exe' })).toBe(true);
    expect(finds(p, { 'file.path': 'C:\\Users\\t.yamada\\AppData\\Local\\Microsoft\\upd.exe' })).toBe(false);
  });

  it('finds a registry key as Sysmon writes it (a value under it) and split into hive and key', () => {
    const run = observable(
      'registry_key',
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run',
    );
    expect(
      finds(run, {
        'registry.path':
          'HKU\\S-1-5-21-1004336348-1177238915-682003330-1001\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater',
      }),
    ).toBe(true);
    expect(
      finds(run, {
        'registry.hive': 'HKCU',
        'registry.key': 'Software\\Microsoft\\Windows\\CurrentVersion\\Run',
      }),
    ).toBe(true);
    expect(
      finds(run, {
        'registry.hive': 'HKLM',
        'registry.key': 'Software\\Microsoft\\Windows\\CurrentVersion\\Run',
      }),
    ).toBe(false);
    expect(
      finds(run, { 'registry.path': 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce' }),
    ).toBe(false);
  });

  it('finds DOMAIN\\user whole, or split into user.domain and user.name', () => {
    const u = observable('user', 'CORP\\t.yamada');
    expect(finds(u, { 'user.domain': 'corp', 'user.name': 'T.Yamada' })).toBe(true);
    expect(finds(u, { 'related.user': ['CORP\\t.yamada'] })).toBe(true);
    expect(finds(u, { 'user.domain': 'OTHER', 'user.name': 't.yamada' })).toBe(false);
  });

  it('finds a short host name as the first label of its FQDN, and an FQDN by its short name', () => {
    expect(finds(observable('host', 'WS-042'), { 'host.name': 'ws-042.corp.example' })).toBe(true);
    expect(finds(observable('host', 'ws-042.corp.example'), { 'host.hostname': 'WS-042' })).toBe(true);
    expect(finds(observable('host', 'ws-042'), { 'host.name': 'ws-0421' })).toBe(false);
  });

  it('finds an e-mail address with a quote and a plus in it', () => {
    expect(finds(observable('email', samples.email), { 'email.from.address': samples.email })).toBe(true);
  });
});

describe('queryLiteral', () => {
  it('leaves plain values bare and quotes or escapes the rest', () => {
    expect(queryLiteral('t.yamada')).toBe('t.yamada');
    expect(queryLiteral('OR')).toBe('"OR"');
    expect(queryLiteral('a b')).toBe('"a b"');
    expect(queryLiteral('a*b')).toBe('"a*b"');
    expect(queryLiteral('10.0.0.0/8')).toBe('10.0.0.0\\/8');
    expect(parseQuery(`user.name:${queryLiteral('10.0.0.0/8')}`)).toEqual({
      kind: 'term',
      field: 'user.name',
      value: '10.0.0.0/8',
      quoted: false,
    });
  });
});
