import { describe, expect, it } from 'vitest';
import { KvFields, KvNames, KvPairs } from './kv-pairs.js';
import { readPairs, scanPairs } from './kv.js';

describe('KvPairs', () => {
  it('reads a pair by the slot of its name and keeps every pair in line order', () => {
    const names = new KvNames();
    const k = names.slotsOf(['srcip', 'dstip'] as const);
    const p = new KvPairs(names);
    p.add('kv.dstip', '10.0.0.2');
    p.add('kv.other', 'x');
    expect(p.at(k.dstip)).toBe('10.0.0.2');
    expect(p.at(k.srcip)).toBeUndefined();
    expect(p.size).toBe(2);
    expect([p.nameAt(1), p.valueAt(1)]).toEqual(['kv.other', 'x']);
  });

  it('forgets the previous line on clear', () => {
    const names = new KvNames();
    const a = names.slot('kv.a');
    const p = new KvPairs(names);
    p.add('kv.a', '1');
    p.clear();
    expect(p.at(a)).toBeUndefined();
    expect(p.size).toBe(0);
    p.add('kv.b', '2');
    p.add('kv.a', '3');
    expect(p.at(a)).toBe('3');
  });

  it('answers with the first pair of a name', () => {
    const names = new KvNames();
    const a = names.slot('kv.a');
    const p = new KvPairs(names);
    p.add('kv.a', '1');
    p.add('kv.a', '2');
    expect(p.at(a)).toBe('1');
  });
});

describe('KvFields', () => {
  it('reads the kv.* fields of a merged record by slot', () => {
    const names = new KvNames();
    const k = names.slotsOf(['srcip', 'dstip'] as const);
    const view = new KvFields(names, { 'kv.srcip': '10.0.0.1', message: 'm' });
    expect(view.at(k.srcip)).toBe('10.0.0.1');
    expect(view.at(k.dstip)).toBeUndefined();
  });
});

describe('scanPairs', () => {
  it('reads the same pairs as readPairs, in line order', () => {
    const line = 'date=2025-11-28 devname="FGT 60E" msg=\'a b\' esc="x\\"y" bare=1';
    const p = new KvPairs(new KvNames());
    const n = scanPairs(line, p);
    const fields = {};
    expect(readPairs(line, fields, 2)).toBe(n);
    const scanned = Array.from({ length: p.size }, (_, i) => [p.nameAt(i), p.valueAt(i)]);
    expect(scanned).toEqual(Object.entries(fields));
  });

  it('declines lines whose pairs would not be plain kv.* fields: a repeated key, a dotted ECS key, too few pairs', () => {
    const p = new KvPairs(new KvNames());
    expect(scanPairs('a=1 b=2 a=3', p)).toBe(0);
    expect(scanPairs('a=1 source.ip=10.0.0.1', p)).toBe(0);
    expect(scanPairs('a=1', p)).toBe(0);
    expect(p.size).toBe(0);
  });
});

describe('KvNames.slotOrNew', () => {
  it('gives every name a slot on first use, so a parser can keep per-key decisions by slot', () => {
    const names = new KvNames();
    const p = new KvPairs(names);
    p.add('kv.unlisted', 'x');
    const s = p.slotAt(0);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(names.nameOf(s)).toBe('kv.unlisted');
    expect(names.slotOrNew('kv.unlisted')).toBe(s);
    expect(p.at(s)).toBe('x');
    p.clear();
    expect(p.at(s)).toBeUndefined();
  });

  it('stops giving slots once the table is full, and the pairs are still kept', () => {
    const names = new KvNames();
    for (let i = 0; names.slotOrNew(`kv.k${i}`) >= 0; i++);
    const p = new KvPairs(names);
    p.add('kv.late', 'y');
    expect(p.slotAt(0)).toBe(-1);
    expect([p.nameAt(0), p.valueAt(0)]).toEqual(['kv.late', 'y']);
  });
});
