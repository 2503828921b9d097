import { describe, expect, it } from 'vitest';
import { AssetIndex, criticalityOf, normaliseUser, type Asset } from './asset-index.js';

function asset(id: string, extra: Partial<Asset>): Asset {
  return {
    id,
    tenant: 'acme',
    name: id,
    hostnames: [],
    addresses: [],
    users: [],
    owner: null,
    criticality: null,
    tags: [],
    source: 'manual',
    lastSeen: null,
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

describe('AssetIndex', () => {
  const index = new AssetIndex();
  index.put(asset('dc', { hostnames: ['DC01.corp.example'], addresses: ['10.0.0.10'], criticality: 5 }));
  index.put(asset('servers', { addresses: ['10.0.0.0/24'], criticality: 4 }));
  index.put(asset('office', { addresses: ['10.0.0.0/16'], criticality: 2 }));
  index.put(asset('ceo', { users: ['CORP\\Hanako.Sato'], criticality: 5 }));
  index.put(asset('v6', { addresses: ['2001:db8::/64'], criticality: 3 }));

  it('finds a host by its full name or its first label, in any case', () => {
    expect(index.findHost('dc01').map((a) => a.id)).toEqual(['dc']);
    expect(index.findHost('DC01.CORP.EXAMPLE.').map((a) => a.id)).toEqual(['dc']);
    expect(index.findHost('dc01.other.example').map((a) => a.id)).toEqual(['dc']);
    expect(index.findHost('dc02')).toEqual([]);
  });

  it('finds an address exactly and inside ranges, narrowest range first', () => {
    expect(index.findAddress('10.0.0.10').map((a) => a.id)).toEqual(['dc', 'servers', 'office']);
    expect(index.findAddress('10.0.7.1').map((a) => a.id)).toEqual(['office']);
    expect(index.findAddress('2001:db8::1').map((a) => a.id)).toEqual(['v6']);
    expect(index.findAddress('not an ip')).toEqual([]);
  });

  it('finds a user with or without the domain', () => {
    expect(normaliseUser('CORP\\Hanako.Sato')).toBe('hanako.sato');
    expect(normaliseUser('hanako.sato@corp.example')).toBe('hanako.sato');
    expect(index.findUser('hanako.sato@corp.example').map((a) => a.id)).toEqual(['ceo']);
  });

  it('looks up several values at once, without duplicates, and takes the highest criticality', () => {
    const found = index.lookup({ host: 'dc01', ips: ['10.0.0.10', '10.0.0.11'], user: 'hanako.sato' });
    expect(found.map((a) => a.id)).toEqual(['dc', 'servers', 'office', 'ceo']);
    expect(criticalityOf(found)).toBe(5);
    expect(criticalityOf([asset('x', {})])).toBeUndefined();
  });

  it('forgets an asset removed or replaced', () => {
    const i = new AssetIndex();
    i.put(asset('a', { hostnames: ['ws01'] }));
    i.put(asset('a', { hostnames: ['ws02'] }));
    expect(i.findHost('ws01')).toEqual([]);
    expect(i.findHost('ws02').map((a) => a.id)).toEqual(['a']);
    i.remove('a');
    expect(i.findHost('ws02')).toEqual([]);
    expect(i.size).toBe(0);
  });
});
