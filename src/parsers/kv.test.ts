import { describe, expect, it } from 'vitest';
import { kv } from './kv.js';
import type { ParseContext } from './types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };

describe('kv', () => {
  it('reads bare and quoted values under the kv namespace', () => {
    const r = kv.parse('date=2025-11-28 devname="FGT60E" msg="a b c" action=accept', ctx);
    expect(r?.fields).toEqual({
      'kv.date': '2025-11-28',
      'kv.devname': 'FGT60E',
      'kv.msg': 'a b c',
      'kv.action': 'accept',
    });
  });

  it('reads single quotes and escaped quotes inside quoted values', () => {
    const r = kv.parse(`a='x y' b="say \\"hi\\"" c=1`, ctx);
    expect(r?.fields['kv.a']).toBe('x y');
    expect(r?.fields['kv.b']).toBe('say "hi"');
  });

  it('keeps keys that are already ECS dotted names', () => {
    const r = kv.parse('source.ip=1.2.3.4 event.action=deny vendor.thing=x', ctx);
    expect(r?.fields).toEqual({ 'source.ip': '1.2.3.4', 'event.action': 'deny', 'kv.vendor.thing': 'x' });
  });

  it('skips text that is not a pair and reads empty values', () => {
    const r = kv.parse('[UFW BLOCK] IN=eth0 OUT= MAC=aa:bb DF PROTO=TCP', ctx);
    expect(r?.fields).toEqual({ 'kv.IN': 'eth0', 'kv.OUT': '', 'kv.MAC': 'aa:bb', 'kv.PROTO': 'TCP' });
  });

  it('turns a repeated key into an array', () => {
    expect(kv.parse('ip=1 ip=2 ip=3', ctx)?.fields['kv.ip']).toEqual(['1', '2', '3']);
  });

  it('does not read "=" inside a word or a URL as a key', () => {
    const r = kv.parse('url=http://x/?a=b user=joe', ctx);
    expect(r?.fields).toEqual({ 'kv.url': 'http://x/?a=b', 'kv.user': 'joe' });
  });

  it('needs at least two pairs', () => {
    expect(kv.parse('session opened by (uid=0)', ctx)).toBeNull();
    expect(kv.parse('only=one', ctx)).toBeNull();
  });

  it('reads an unclosed quote as a bare value', () => {
    expect(kv.parse('a="open b=2', ctx)?.fields).toEqual({ 'kv.a': '"open', 'kv.b': '2' });
  });

  it('ends a bare value at a tab as at a blank, and reads a tab-separated line', () => {
    expect(kv.parse('a=1\tb=2 c="x\ty"\td=4', ctx)?.fields).toEqual({
      'kv.a': '1',
      'kv.b': '2',
      'kv.c': 'x\ty',
      'kv.d': '4',
    });
  });

  it('reads a quoted value whose backslash comes after it, and one escaping its own quote later in the line', () => {
    expect(kv.parse('a="x y" b=c:\\dir d="p\\"q" e=1', ctx)?.fields).toEqual({
      'kv.a': 'x y',
      'kv.b': 'c:\\dir',
      'kv.d': 'p"q',
      'kv.e': '1',
    });
  });

  it('keeps Japanese values', () => {
    expect(kv.parse('user=山田 msg="ログイン 失敗"', ctx)?.fields).toEqual({
      'kv.user': '山田',
      'kv.msg': 'ログイン 失敗',
    });
  });
});

describe('kv under key-cache pressure', () => {
  it('reads thousands of distinct keys and still turns repeats into arrays', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `key${i}=${i}`).join(' ');
    const r = kv.parse(`${many} key7=again`, ctx);
    expect(r?.fields['kv.key19999']).toBe('19999');
    expect(r?.fields['kv.key7']).toEqual(['7', 'again']);
    // And the next ordinary line is unaffected.
    expect(kv.parse('a=1 a=2 b=3', ctx)?.fields).toEqual({ 'kv.a': ['1', '2'], 'kv.b': '3' });
  });
});

describe('kv on hostile input', () => {
  it('reads a megabyte of one repeated key in linear time', () => {
    const line = 'a=1 '.repeat(250_000);
    const t0 = performance.now();
    const r = kv.parse(line, ctx);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect((r?.fields['kv.a'] as string[]).length).toBe(250_000);
  });

  it('reads tens of thousands of distinct keys, then repeats, in linear time', () => {
    const distinct = Array.from({ length: 60_000 }, (_, i) => `k${i}=${i}`).join(' ');
    const t0 = performance.now();
    const r = kv.parse(`${distinct} ${distinct}`, ctx);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r?.fields['kv.k59999']).toEqual(['59999', '59999']);
  });
});
