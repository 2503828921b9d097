import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importStix } from './stix.js';

const bundle = JSON.parse(
  readFileSync(new URL('./fixtures/stix-bundle.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let serial = 0;
const indicator = (pattern: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
  pattern,
  pattern_type: 'stix',
  valid_from: '2025-01-01T00:00:00Z',
  ...extra,
});

describe('importStix', () => {
  const { indicators, problems, skipped, producer } = importStix(bundle);
  const byValue = new Map(indicators.map((i) => [i.value, i]));

  it('takes equality patterns on addresses, domains, URLs and file hashes, OR-ed ones included', () => {
    expect(indicators.map((i) => `${i.type}:${i.value}`).sort()).toEqual([
      'cidr:2001:db8:bad::/48',
      'cidr:203.0.113.0/24',
      'domain:login-portal.evil.example',
      'domain:new.evil.example',
      'ipv4:198.51.100.23',
      'md5:79054025255fb1a26e4bc422aef54eb4',
      'sha256:aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f',
      'url:http://files.evil.example/dl/stage2.bin',
    ]);
  });

  it('keeps validity, confidence, labels, ATT&CK phases, description and the STIX id', () => {
    expect(byValue.get('198.51.100.23')).toEqual({
      type: 'ipv4',
      value: '198.51.100.23',
      validFrom: Date.UTC(2025, 2, 1),
      validUntil: Date.UTC(2025, 8, 1),
      confidence: 90,
      labels: ['c2', 'loader', 'attack.command_and_control'],
      description: 'Command and control address seen in March 2025',
      ref: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    });
    expect(byValue.get('login-portal.evil.example')?.description).toBe('Phishing domain');
  });

  it('takes only the latest version of an indicator and skips revoked ones', () => {
    expect(byValue.has('old.evil.example')).toBe(false);
    expect(byValue.has('192.0.2.77')).toBe(false);
    expect(skipped).toBe(1);
  });

  it('reports AND, FOLLOWEDBY, other pattern languages and unparsable patterns with their index', () => {
    expect(problems.map((p) => [p.index, p.reason])).toEqual([
      [6, 'AND-combined comparisons cannot be matched on one field'],
      [7, 'FOLLOWEDBY needs a sequence of events'],
      [8, 'pattern_type "snort" is not matched; only "stix" is'],
      [12, 'the pattern cannot be parsed: expected "]"'],
    ]);
    expect(problems[0]?.entry).toBe('indicator--57c8b1a4-0f57-4a2b-9f58-3b0f4c0e2d11');
  });

  it('names the producer from the identity the indicators were created by', () => {
    expect(producer).toBe('Example CERT');
  });

  it('takes the simple parts of an OR and reports the others', () => {
    const r = importStix([
      indicator(
        "[domain-name:value = 'a.evil.example' OR (file:name = 'x.exe' AND file:size > 10)] OR " +
          "[ipv4-addr:value IN ('192.0.2.1', '192.0.2.300')] OR [process:name = 'evil.exe']",
      ),
    ]);
    expect(r.indicators.map((i) => i.value)).toEqual(['a.evil.example', '192.0.2.1']);
    expect(r.problems.map((p) => p.reason)).toEqual([
      'AND-combined comparisons cannot be matched on one field',
      'process:name is not a property indicators are matched on',
      '"192.0.2.300" is not a valid ipv4',
    ]);
  });

  it('refangs values, reads CIDR values of ipv4-addr and network-traffic references', () => {
    const r = importStix({
      type: 'bundle',
      objects: [
        indicator("[url:value = 'hxxp://evil[.]example/x']"),
        indicator("[ipv4-addr:value = '10.20.0.0/16']"),
        indicator("[network-traffic:dst_ref.value = 'c2.evil.example']"),
        indicator("[email-message:from_ref.value = 'Billing@Phish.Example']"),
      ],
    });
    expect(r.problems).toEqual([]);
    expect(r.indicators.map((i) => `${i.type}:${i.value}`)).toEqual([
      'url:http://evil.example/x',
      'cidr:10.20.0.0/16',
      'domain:c2.evil.example',
      'email:billing@phish.example',
    ]);
  });

  it('refuses NOT, ordering operators and qualifiers with the reason', () => {
    const r = importStix([
      indicator("[ipv4-addr:value NOT = '192.0.2.1']"),
      indicator("[url:value LIKE 'http://%.evil.example/%']"),
      indicator("[domain-name:value = 'x.evil.example'] REPEATS 3 TIMES"),
      indicator("[ipv4-addr:value = '1.2.3.4']", { valid_until: 'never' }),
    ]);
    expect(r.indicators).toEqual([]);
    expect(r.problems.map((p) => p.reason)).toEqual([
      'NOT (on ipv4-addr:value) cannot be matched against an indicator list',
      'the LIKE operator (on url:value) is not matched; only =, IN and ISSUBSET are',
      'the REPEATS 3 TIMES qualifier needs several events',
      'valid_until "never" is not a timestamp',
    ]);
  });

  it('reads a STIX 2.0 indicator, which has no pattern_type', () => {
    const { pattern_type: _, ...v20 } = indicator("[domain-name:value = 'v20.evil.example']");
    expect(importStix({ type: 'bundle', objects: [v20] }).indicators).toHaveLength(1);
  });

  it('reports a document that is not a bundle', () => {
    expect(importStix({ Event: {} }).problems).toEqual([{ reason: 'not a STIX bundle: no "objects" array' }]);
  });
});
