import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importMisp, mispManifestFiles } from './misp.js';

const event = JSON.parse(readFileSync(new URL('./fixtures/misp-event.json', import.meta.url), 'utf8')) as {
  Event: Record<string, unknown>;
};

describe('importMisp', () => {
  const { indicators, problems, skipped, producer } = importMisp(event);
  const byValue = new Map(indicators.map((i) => [i.value, i]));

  it('takes to_ids attributes of matchable types, in objects too, splitting composite types', () => {
    expect(indicators.map((i) => `${i.type}:${i.value}`)).toEqual([
      'ipv4:198.51.100.23',
      'ipv6:2001:db8:bad::10',
      'domain:evil.example',
      'domain:cdn.phish.example',
      'ipv4:203.0.113.5',
      'url:https://cdn.phish.example/invoice/0514.docm',
      'sha1:6cbce4a295c163791b60fc23d285e6d84f28ee4c',
      'email:billing@phish.example',
      'sha256:aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f',
    ]);
  });

  it('skips attributes not flagged to_ids, deleted ones and unmatchable types, without reporting them', () => {
    expect(byValue.has('www.benign-lookalike.example')).toBe(false);
    expect(byValue.has('192.0.2.200')).toBe(false);
    // hostname (to_ids off), text, the deleted ip-src, and the filename in the object
    expect(skipped).toBe(4);
  });

  it('sets level from the threat level, labels from event and attribute tags, description and ref', () => {
    expect(byValue.get('evil.example')).toEqual({
      type: 'domain',
      value: 'evil.example',
      level: 'high',
      labels: ['tlp:amber', 'misp-galaxy:mitre-attack-pattern="Phishing - T1566"', 'kill-chain:Delivery'],
      description: 'registered domain of the campaign',
      ref: 'a1a1a1a1-0003-4000-8000-000000000003',
    });
    expect(byValue.get('203.0.113.5')?.description).toBe('Phishing campaign delivering Example loader');
    expect(producer).toBe('Example CERT');
  });

  it('reports malformed values with the attribute index and where it is', () => {
    expect(problems).toEqual([
      {
        index: 9,
        entry: 'Attribute[9] ip-dst 198.51.100.300',
        reason: '"198.51.100.300" is not a valid ipv4',
      },
      {
        index: 13,
        entry: 'Object[0].Attribute[2] md5 79054025255fb1a26e4bc422aef54eb',
        reason: '"79054025255fb1a26e4bc422aef54eb" is not a valid md5',
      },
    ]);
  });

  it('takes every attribute with includeNonIds', () => {
    const all = importMisp(event, { includeNonIds: true });
    expect(all.indicators.map((i) => i.value)).toContain('www.benign-lookalike.example');
    expect(all.skipped).toBe(3);
  });

  it('reads REST search results, "1"/"0" flags, and no threat level', () => {
    const r = importMisp({
      response: [
        {
          Event: {
            info: 'x',
            threat_level_id: '4',
            Attribute: [
              { type: 'ip-src', value: '192.0.2.9', to_ids: '1' },
              { type: 'ip-src', value: '192.0.2.10', to_ids: '0' },
            ],
          },
        },
      ],
    });
    expect(r.indicators).toEqual([{ type: 'ipv4', value: '192.0.2.9', description: 'x' }]);
  });

  it('reports a document without an Event', () => {
    expect(importMisp({ objects: [] }).problems).toEqual([{ reason: 'not a MISP event: no "Event" object' }]);
  });
});

describe('mispManifestFiles', () => {
  it('lists the event files a feed manifest names', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('./fixtures/misp-feed/manifest.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(mispManifestFiles(manifest)).toEqual([
      '5f1d3c2a-7b8e-4c9d-a0b1-c2d3e4f5a6b7.json',
      '6a2e4d3b-8c9f-4dae-b1c2-d3e4f5a6b7c8.json',
      '7b3f5e4c-9d0a-4ebf-82d3-e4f5a6b7c8d9.json',
    ]);
    expect(mispManifestFiles({ type: 'bundle' })).toBeUndefined();
  });
});
