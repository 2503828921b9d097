import { describe, expect, it } from 'vitest';
import { splitArray, splitConcatenated } from './json-scan.js';

const slices = (text: string, spans: { start: number; end: number }[]) =>
  spans.map((s) => text.slice(s.start, s.end));

describe('splitConcatenated', () => {
  it('cuts objects that follow each other with no separator', () => {
    const text = '{"event":"a"}{"event":"b"}';
    expect(slices(text, splitConcatenated(text))).toEqual(['{"event":"a"}', '{"event":"b"}']);
  });

  it('accepts newlines and spaces between objects, and leading and trailing whitespace', () => {
    const text = '\n {"a":1}\n\n{"b":[1,{"c":2}]}  \r\n';
    expect(slices(text, splitConcatenated(text))).toEqual(['{"a":1}', '{"b":[1,{"c":2}]}']);
  });

  it('ignores braces and escaped quotes inside strings', () => {
    const text = '{"m":"a } { \\" b"}{"p":"C:\\\\dir\\\\"}{"q":"]"}';
    const parts = slices(text, splitConcatenated(text));
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => JSON.parse(p))).toEqual([{ m: 'a } { " b' }, { p: 'C:\\dir\\' }, { q: ']' }]);
  });

  it('lets an unterminated last value run to the end so JSON.parse can reject it', () => {
    const text = '{"a":1}{"b":';
    expect(slices(text, splitConcatenated(text))).toEqual(['{"a":1}', '{"b":']);
  });

  it('returns nothing for an empty or blank text', () => {
    expect(splitConcatenated('')).toEqual([]);
    expect(splitConcatenated(' \n ')).toEqual([]);
  });
});

describe('splitArray', () => {
  it('returns the exact text of each element', () => {
    const text = ' [ {"a": 1} , "line one",3, [1,2] ] ';
    const result = splitArray(text);
    expect('spans' in result && slices(text, result.spans)).toEqual(['{"a": 1}', '"line one"', '3', '[1,2]']);
  });

  it('accepts an empty array', () => {
    expect(splitArray('[ ]')).toEqual({ spans: [] });
  });

  it('reports the offset where the text stops being one array', () => {
    expect(splitArray('{"a":1}')).toEqual({ errorOffset: 0 });
    expect(splitArray('[{"a":1} {"b":2}]')).toEqual({ errorOffset: 9 });
    expect(splitArray('[{"a":1}] x')).toEqual({ errorOffset: 10 });
    expect(splitArray('[{"a":1},')).toEqual({ errorOffset: 9 });
  });
});
