import { describe, expect, it } from 'vitest';
import { json, parseJsonObject } from './json.js';
import type { ParseContext } from './types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };

describe('json', () => {
  it('flattens nested objects to dotted names and keeps arrays of scalars as arrays', () => {
    const r = json.parse(
      '{"source":{"ip":"1.2.3.4","port":5},"event":{"category":["network"],"severity":3},"ok":true,"n":null}',
      ctx,
    );
    expect(r?.fields).toEqual({
      'source.ip': '1.2.3.4',
      'source.port': 5,
      'event.category': ['network'],
      'event.severity': 3,
      ok: true,
      n: null,
    });
  });

  it('keeps arrays of objects as JSON text', () => {
    const r = json.parse('{"dns":{"answers":[{"name":"a","ttl":5}]}}', ctx);
    expect(r?.fields['dns.answers']).toBe('[{"name":"a","ttl":5}]');
  });

  it('keeps already-dotted names as they are', () => {
    expect(json.parse('{"source.ip":"1.2.3.4"}', ctx)?.fields['source.ip']).toBe('1.2.3.4');
  });

  it('takes the ECS @timestamp as the time and the tags array as tags', () => {
    const r = json.parse('{"@timestamp":"2025-11-28T10:00:00.123Z","tags":["a","b"],"message":"m"}', ctx);
    expect(new Date(r?.time ?? 0).toISOString()).toBe('2025-11-28T10:00:00.123Z');
    expect(r?.tags).toEqual(['a', 'b']);
    expect(r?.fields).toEqual({ message: 'm' });
  });

  it('keeps an unreadable @timestamp as a field', () => {
    const r = json.parse('{"@timestamp":"soon"}', ctx);
    expect(r?.time).toBeUndefined();
    expect(r?.fields['@timestamp']).toBe('soon');
  });

  it('ignores a UTF-8 byte order mark before the object', () => {
    expect(json.parse('\uFEFF{"a":1}', ctx)?.fields).toEqual({ a: 1 });
  });

  it('gives null for broken JSON, arrays and scalars', () => {
    expect(json.parse('{"a":', ctx)).toBeNull();
    expect(json.parse('{"a":1} trailing', ctx)).toBeNull();
    expect(json.parse('[1,2]', ctx)).toBeNull();
  });

  it('does not let a "__proto__" key change the prototype of fields', () => {
    const r = json.parse('{"__proto__":{"polluted":1},"a":1}', ctx);
    expect(Object.getPrototypeOf(r?.fields)).toBe(Object.prototype);
    expect(r?.fields['__proto__.polluted']).toBe(1);
  });

  it('flattens an already-decoded object without touching text', () => {
    const obj = { user: { name: '山田' }, list: [1, 2] };
    const r = parseJsonObject(obj, ctx);
    expect(r.fields).toEqual({ 'user.name': '山田', list: [1, 2] });
    expect(r.fields['list']).not.toBe(obj.list);
  });

  it('stops flattening at a depth limit and keeps the rest as JSON text', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const r = parseJsonObject(deep, ctx);
    const key = Object.keys(r.fields)[0] ?? '';
    expect(key.split('.').length).toBe(33);
    expect(typeof r.fields[key]).toBe('string');
  });
});
