import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Event, FieldValue } from '../../core/event.js';
import type { EventId } from '../../core/ids.js';
import { tenantId } from '../../core/ids.js';
import type { IndicatorSet } from './indicator.js';
import { IndicatorIndex } from './indicator-index.js';
import { matchEvent } from './match.js';
import { importMisp } from './misp.js';
import { importStix } from './stix.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as unknown;

const MARCH = Date.UTC(2025, 2, 20, 9, 30);

function event(fields: Record<string, FieldValue>, logsource: Event['logsource'], time = MARCH): Event {
  return {
    id: 'evt-1' as EventId,
    tenant: tenantId('acme'),
    time,
    receivedAt: time,
    logsource,
    fields,
  };
}

// Field names and shapes as the device parsers produce them (test/golden/cases/*/*.expected.jsonl).
const suricataDns = event(
  {
    'destination.ip': '10.20.0.53',
    'destination.port': 53,
    'dns.question.name': 'c2.evil.example',
    'dns.question.registered_domain': 'evil.example',
    'dns.question.type': 'A',
    'dns.type': 'query',
    'network.protocol': 'dns',
    'observer.product': 'Suricata',
    'related.ip': ['10.20.30.41', '10.20.0.53'],
    'source.ip': '10.20.30.41',
    'source.port': 51432,
  },
  { product: 'suricata', category: 'dns', service: 'dns' },
);

const squidProxy = event(
  {
    'destination.ip': '198.51.100.23',
    'http.request.method': 'GET',
    'observer.product': 'Squid',
    'related.hosts': ['files.evil.example'],
    'related.ip': ['10.20.30.41', '198.51.100.23'],
    'source.ip': '10.20.30.41',
    'url.domain': 'files.evil.example',
    'url.original': 'http://files.evil.example/dl/stage2.bin',
    'url.path': '/dl/stage2.bin',
    'url.scheme': 'http',
  },
  { product: 'squid', category: 'proxy' },
);

const sysmonProcess = event(
  {
    'event.code': '1',
    'host.name': 'WS-FIN-023.corp.example.com',
    'process.executable': 'C:\\Users\\akira.tanaka\\Downloads\\invoice_0514.docm.exe',
    'process.hash.md5': '7353f60b1739074eb17c5f4dddefe239',
    'process.hash.sha1': '6cbce4a295c163791b60fc23d285e6d84f28ee4c',
    'process.hash.sha256': 'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c',
    'related.hash': [
      '6cbce4a295c163791b60fc23d285e6d84f28ee4c',
      '7353f60b1739074eb17c5f4dddefe239',
      'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c',
    ],
    'related.hosts': ['WS-FIN-023.corp.example.com'],
  },
  { product: 'windows', category: 'process_creation', service: 'sysmon' },
);

function setFrom(
  id: string,
  name: string,
  result: { indicators: IndicatorSet['indicators']; producer?: string },
) {
  return {
    id,
    name,
    source: result.producer ?? id,
    importedAt: Date.UTC(2025, 2, 10),
    indicators: result.indicators,
  } satisfies IndicatorSet;
}

const stixSet = setFrom('example-stix', 'Example CERT STIX', importStix(fixture('stix-bundle.json')));
const mispSet = setFrom('example-misp', 'Example CERT MISP', importMisp(fixture('misp-event.json')));
const index = new IndicatorIndex([stixSet, mispSet]);

describe('matchEvent', () => {
  it('finds a Suricata DNS query for a subdomain of a listed domain', () => {
    const findings = matchEvent(index, suricataDns);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toEqual({
      kind: 'intel',
      rule: {
        id: 'intel:example-misp',
        title: 'Threat intel: Example CERT MISP (domain)',
        level: 'high',
        author: 'Example CERT',
        tags: ['tlp:amber', 'misp-galaxy:mitre-attack-pattern="Phishing - T1566"', 'kill-chain:Delivery'],
      },
      tenant: 'acme',
      time: MARCH,
      events: [suricataDns],
      matched: { 'dns.question.name': 'c2.evil.example' },
      intel: { indicator: 'evil.example', type: 'domain', set: 'example-misp', source: 'Example CERT' },
    });
  });

  it('finds a proxy request by URL, by host and by destination address, one finding per indicator', () => {
    const findings = matchEvent(index, squidProxy);
    const summary = findings.map((f) => [f.rule.id, f.intel?.type, f.intel?.indicator, f.matched]);
    expect(summary).toEqual([
      [
        'intel:example-stix',
        'ipv4',
        '198.51.100.23',
        { 'destination.ip': '198.51.100.23', 'related.ip': '198.51.100.23' },
      ],
      [
        'intel:example-misp',
        'ipv4',
        '198.51.100.23',
        { 'destination.ip': '198.51.100.23', 'related.ip': '198.51.100.23' },
      ],
      [
        'intel:example-misp',
        'domain',
        'evil.example',
        {
          'url.domain': 'files.evil.example',
          'related.hosts': 'files.evil.example',
          'url.original': 'http://files.evil.example/dl/stage2.bin',
        },
      ],
      [
        'intel:example-stix',
        'url',
        'http://files.evil.example/dl/stage2.bin',
        { 'url.original': 'http://files.evil.example/dl/stage2.bin' },
      ],
    ]);
    expect(findings[0]?.rule.level).toBe('high');
    expect(findings[0]?.rule.tags).toEqual(['c2', 'loader', 'attack.command_and_control']);
  });

  it('finds a Sysmon process by its SHA-1, once, with both fields it appears in', () => {
    const findings = matchEvent(index, sysmonProcess);
    expect(findings.map((f) => [f.intel?.indicator, f.matched])).toEqual([
      [
        '6cbce4a295c163791b60fc23d285e6d84f28ee4c',
        {
          'process.hash.sha1': '6cbce4a295c163791b60fc23d285e6d84f28ee4c',
          'related.hash': '6cbce4a295c163791b60fc23d285e6d84f28ee4c',
        },
      ],
    ]);
  });

  it('does not match an indicator outside its validity at the event time', () => {
    const late = { ...squidProxy, time: Date.UTC(2025, 8, 1) };
    const stixOnly = new IndicatorIndex([stixSet]);
    // The STIX address expires on 2025-09-01; the URL indicator has no end.
    expect(matchEvent(stixOnly, late).map((f) => f.intel?.type)).toEqual(['url']);
    const early = { ...squidProxy, time: Date.UTC(2025, 1, 27) };
    expect(matchEvent(stixOnly, early)).toEqual([]);
  });

  it('collects every element of an array field that one block matches', () => {
    const block = new IndicatorIndex([
      {
        id: 'nets',
        name: 'Nets',
        source: 'unit',
        importedAt: 0,
        indicators: [{ type: 'cidr', value: '10.20.0.0/16' }],
      },
    ]);
    const [finding] = matchEvent(block, suricataDns);
    expect(finding?.matched).toEqual({
      'destination.ip': '10.20.0.53',
      'related.ip': ['10.20.30.41', '10.20.0.53'],
      'source.ip': '10.20.30.41',
    });
  });

  it('makes a path-only url.original whole with url.domain, as FortiGate and Suricata log it', () => {
    const urls = new IndicatorIndex([
      {
        id: 'urls',
        name: 'URLs',
        source: 'unit',
        importedAt: 0,
        indicators: [
          { type: 'url', value: 'https://www.example.com/docs/index.html?lang=ja' },
          { type: 'ipv6', value: '::1' },
        ],
      },
    ]);
    const forti = event(
      { 'url.domain': 'www.example.com', 'url.original': '/docs/index.html?lang=ja', 'url.scheme': 'https' },
      { product: 'fortigate', category: 'firewall' },
    );
    expect(matchEvent(urls, forti).map((f) => f.matched)).toEqual([
      { 'url.original': '/docs/index.html?lang=ja' },
    ]);
    const suricataHttp = event(
      {
        'destination.ip': '0000:0000:0000:0000:0000:0000:0000:0001',
        'destination.domain': '[::1]',
        'url.domain': '[::1]',
        'url.original': '/index.html',
      },
      { product: 'suricata', service: 'http' },
    );
    expect(matchEvent(urls, suricataHttp).map((f) => Object.keys(f.matched))).toEqual([
      ['destination.ip', 'url.domain', 'destination.domain', 'url.original'],
    ]);
  });

  it('gives one finding for an indicator listed twice in a set, and uses the level of its confidence', () => {
    const twice = new IndicatorIndex([
      {
        id: 'dup',
        name: 'Dup',
        source: 'unit',
        importedAt: 0,
        indicators: [
          { type: 'domain', value: 'evil.example', confidence: 30 },
          { type: 'domain', value: 'EVIL.example', confidence: 30 },
        ],
      },
    ]);
    const findings = matchEvent(twice, suricataDns);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.rule.level).toBe('low');
  });

  it('finds nothing in an event without indicator fields or with no listed value', () => {
    expect(matchEvent(index, event({ message: 'hello 198.51.100.23' }, {}))).toEqual([]);
    expect(
      matchEvent(index, event({ 'source.ip': '192.0.2.1', 'dns.question.name': 'example.org' }, {})),
    ).toEqual([]);
  });
});
