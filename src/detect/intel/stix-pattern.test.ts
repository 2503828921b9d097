import { describe, expect, it } from 'vitest';
import { parseStixPattern } from './stix-pattern.js';

describe('parseStixPattern', () => {
  it('parses one comparison with a quoted hash name in its path', () => {
    expect(parseStixPattern("[file:hashes.'SHA-256' = 'abc']")).toEqual({
      kind: 'observation',
      qualifiers: [],
      comparison: {
        kind: 'test',
        objectType: 'file',
        property: 'hashes.SHA-256',
        op: '=',
        negated: false,
        values: ['abc'],
      },
    });
  });

  it('gives AND precedence over OR inside an observation and between observations', () => {
    const tree = parseStixPattern("[a:x = '1' OR a:y = '2' AND a:z = '3'] OR [b:v = '4'] AND [c:v = '5']");
    expect(tree.kind).toBe('or');
    if (tree.kind !== 'or') return;
    const [first, second] = tree.items;
    expect(second?.kind).toBe('and');
    expect(first?.kind === 'observation' && first.comparison.kind).toBe('or');
    const inner =
      first?.kind === 'observation' && first.comparison.kind === 'or' ? first.comparison.items : [];
    expect(inner.map((i) => i.kind)).toEqual(['test', 'and']);
  });

  it('reads IN sets, NOT, ISSUBSET, escapes, list indexes and numbers', () => {
    const tree = parseStixPattern(
      "[ipv4-addr:value IN ('192.0.2.1', '192.0.2.2') OR email-message:to_refs[*].value NOT = 'it\\'s@x.example'" +
        " OR ipv4-addr:value ISSUBSET '203.0.113.0/24' OR network-traffic:dst_port = 443]",
    );
    if (tree.kind !== 'observation' || tree.comparison.kind !== 'or') throw new Error('unexpected tree');
    expect(tree.comparison.items).toMatchObject([
      { op: 'IN', values: ['192.0.2.1', '192.0.2.2'] },
      { property: 'to_refs[*].value', negated: true, values: ["it's@x.example"] },
      { op: 'ISSUBSET', values: ['203.0.113.0/24'] },
      { op: '=', values: [443] },
    ]);
  });

  it('keeps qualifiers and FOLLOWEDBY in the tree', () => {
    const tree = parseStixPattern(
      "([a:v = '1'] FOLLOWEDBY [b:v = '2']) WITHIN 300 SECONDS OR [c:v = '3'] REPEATS 5 TIMES" +
        " START t'2025-01-01T00:00:00Z' STOP t'2025-02-01T00:00:00Z'",
    );
    if (tree.kind !== 'or') throw new Error('unexpected tree');
    expect(tree.items.map((i) => [i.kind, i.qualifiers])).toEqual([
      ['followedby', ['WITHIN 300 SECONDS']],
      ['observation', ['REPEATS 5 TIMES', 'START/STOP']],
    ]);
  });

  it('says what is wrong with a malformed pattern', () => {
    expect(() => parseStixPattern("[ipv4-addr:value = '1.2.3.4'")).toThrow('expected "]"');
    expect(() => parseStixPattern("[ipv4-addr:value = '1.2.3.4]")).toThrow('never closed');
    expect(() => parseStixPattern("ipv4-addr:value = '1.2.3.4'")).toThrow('expected "[" or "("');
    expect(() => parseStixPattern("[ipv4-addr:value '1.2.3.4']")).toThrow('expected an operator');
    expect(() => parseStixPattern("[a:v = '1'] [b:v = '2']")).toThrow('after the pattern');
  });
});
