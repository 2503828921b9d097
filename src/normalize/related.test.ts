import { describe, expect, it } from 'vitest';
import { fillRelated } from './related.js';

describe('fillRelated', () => {
  it("keeps a device's related.* values first, then adds the source fields in order, once each, as text", () => {
    const f = {
      'related.ip': ['10.0.0.9'],
      'destination.ip': '10.0.0.2',
      'source.ip': '10.0.0.1',
      'source.nat.ip': '10.0.0.1',
      'user.name': 'alice',
      'source.user.name': ['alice', 'bob'],
      'host.hostname': 'fw01',
      'url.domain': '',
      'file.hash.md5': null,
      'process.pid': 42,
    };
    fillRelated(f);
    expect(f).toMatchObject({
      'related.ip': ['10.0.0.9', '10.0.0.1', '10.0.0.2'],
      'related.user': ['alice', 'bob'],
      'related.hosts': ['fw01'],
    });
    expect(f).not.toHaveProperty('related.hash');
  });

  it('writes numbers as text and adds nothing when no source field is set', () => {
    const f: Record<string, string | number> = { 'host.ip': 167772161 };
    fillRelated(f);
    expect(f['related.ip']).toEqual(['167772161']);
    const empty = { message: 'x' };
    fillRelated(empty);
    expect(Object.keys(empty)).toEqual(['message']);
  });
});
