import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv } from './csv.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('importCsv with a header row', () => {
  const { indicators, problems } = importCsv(fixture('indicators.csv'));
  const byValue = new Map(indicators.map((i) => [i.value, i]));

  it('takes every valid row with its documented columns', () => {
    expect(byValue.get('198.51.100.23')).toEqual({
      type: 'ipv4',
      value: '198.51.100.23',
      validFrom: Date.UTC(2025, 2, 1),
      validUntil: Date.UTC(2025, 8, 1),
      confidence: 90,
      labels: ['c2', 'loader'],
      description: 'C2 of the Example loader, seen in March',
    });
    expect(byValue.get('203.0.113.0/24')).toMatchObject({ type: 'cidr', confidence: 40 });
    expect(byValue.get('2001:db8:bad::10')).toMatchObject({ type: 'ipv6' });
    expect(byValue.get('6cbce4a295c163791b60fc23d285e6d84f28ee4c')).toMatchObject({ type: 'sha1' });
    expect(byValue.get('192.0.2.10')).toMatchObject({
      type: 'ipv4',
      description: 'MISP type names work too',
    });
    expect(byValue.get('cdn.phish.example')).toMatchObject({ type: 'domain' });
    expect(indicators).toHaveLength(10);
  });

  it('refangs values and reads quoted cells', () => {
    expect(byValue.get('evil.example')).toMatchObject({
      type: 'domain',
      level: 'high',
      validFrom: Date.UTC(2025, 2, 1),
      description: 'Campaign domain ("evil")',
    });
    expect(byValue.get('http://files.evil.example/dl/stage2.bin')).toMatchObject({
      type: 'url',
      level: 'critical',
      validUntil: 1756684800 * 1000,
    });
    expect(byValue.get('aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f')).toMatchObject({
      type: 'sha256',
    });
  });

  it('reports each bad row with its line and reason, and goes on', () => {
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [12, '"not a domain" is not a valid domain'],
      [13, '"198.51.100.300" is not a valid ipv4'],
      [14, 'valid_from "someday" is not a time'],
      [15, 'level "urgent" is not a Sigma level'],
      [16, 'unknown indicator type "registry-key"'],
    ]);
    expect(problems[0]?.entry).toBe('domain,not a domain,,,,,,');
  });

  it('reads zoneless times as UTC and epoch milliseconds as such', () => {
    const csv = 'value,valid_until\nevil.example,2025-06-01 12:00:00\nbad.example,1748779200000\n';
    const [a, b] = importCsv(csv).indicators;
    expect(a?.validUntil).toBe(Date.UTC(2025, 5, 1, 12));
    expect(b?.validUntil).toBe(1748779200000);
  });

  it('takes several typed columns of one row as several indicators sharing its other cells', () => {
    const csv = 'sha256_hash,md5_hash,tags\n' + `${'a'.repeat(64)},${'b'.repeat(32)},"exe,Loader"\n`;
    const { indicators: two } = importCsv(csv);
    expect(two).toEqual([
      { type: 'sha256', value: 'a'.repeat(64), labels: ['exe', 'Loader'] },
      { type: 'md5', value: 'b'.repeat(32), labels: ['exe', 'Loader'] },
    ]);
  });

  it('splits MISP composite types given in the type column', () => {
    const { indicators: both } = importCsv('type,value\ndomain|ip,c2.evil.example|198.51.100.7\n');
    expect(both.map((i) => `${i.type}:${i.value}`)).toEqual(['domain:c2.evil.example', 'ipv4:198.51.100.7']);
  });

  it('sniffs a tab-separated file', () => {
    const { indicators: tabbed } = importCsv('type\tvalue\nurl\thxxp://evil[.]example/a\n');
    expect(tabbed).toEqual([{ type: 'url', value: 'http://evil.example/a' }]);
  });
});

describe('importCsv without a header', () => {
  it('reads one value per line, inferring its type, skipping comments and blank lines', () => {
    const { indicators, problems } = importCsv(fixture('blocklist.txt'));
    expect(indicators.map((i) => `${i.type}:${i.value}`)).toEqual([
      'ipv4:198.51.100.23',
      'cidr:203.0.113.0/24',
      'cidr:2001:db8:bad::/48',
      'domain:evil.example',
      'url:https://cdn.phish.example/invoice/0514.docm',
      `sha256:aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f`,
    ]);
    expect(problems).toEqual([
      {
        line: 13,
        entry: 'this is not an indicator',
        reason: 'cannot tell the type of "this is not an indicator"',
      },
    ]);
  });

  it('uses a commented header just before the data, as abuse.ch URLhaus writes it', () => {
    const { indicators, problems } = importCsv(fixture('urlhaus.csv'));
    expect(problems).toEqual([]);
    expect(indicators).toEqual([
      {
        type: 'url',
        value: 'http://198.51.100.44:43690/i',
        labels: ['32-bit', 'elf', 'mips', 'Mozi'],
        ref: '3400001',
      },
      {
        type: 'url',
        value: 'https://files.evil.example/dl/stage2.bin',
        labels: ['exe', 'Loader'],
        ref: '3400000',
      },
    ]);
  });
});
