import { describe, expect, it } from 'vitest';
import { csvRecords, sniffDelimiter } from './csv-records.js';

describe('csvRecords', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks, and counts lines', () => {
    const records = [...csvRecords('a,"b,c","say ""hi"""\r\n"multi\nline",x\nlast')];
    expect(records.map((r) => r.cells)).toEqual([['a', 'b,c', 'say "hi"'], ['multi\nline', 'x'], ['last']]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('flags a quote that is never closed', () => {
    const [record] = [...csvRecords('"open,cell')];
    expect(record?.unterminated).toBe(true);
  });
});

describe('sniffDelimiter', () => {
  it('prefers a comma, then a tab, then a semicolon on the first line', () => {
    expect(sniffDelimiter('type,value\tx')).toBe(',');
    expect(sniffDelimiter('type\tvalue\n')).toBe('\t');
    expect(sniffDelimiter('type;value')).toBe(';');
    expect(sniffDelimiter('evil.example')).toBe(',');
  });
});
