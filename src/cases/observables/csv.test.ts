import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, type CsvRow } from './csv.js';

describe('csvCell', () => {
  it('puts an apostrophe before text Excel would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=1')).toBe("'\t=1");
  });

  it('quotes cells with commas, quotes and line breaks, as RFC 4180 says', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('C:\\Program Files\\x.exe')).toBe('C:\\Program Files\\x.exe');
  });

  it('writes numbers and booleans as they are, dates in ISO 8601 and missing values empty', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(new Date(Date.UTC(2025, 10, 28, 1, 2, 3)))).toBe('2025-11-28T01:02:03.000Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  const rows: CsvRow[] = [
    {
      type: 'url',
      value: 'https://login.evil.example/a?x=1,2',
      firstSeen: '2025-11-28T10:00:00Z',
      source: 'メール本文',
    },
    { type: 'ip', value: '198.51.100.7', note: '=cmd() がメモに', firstSeen: '2025-11-28T10:05:00Z' },
  ];

  it('writes a header of type, value and the extra columns in order of first appearance, lines ending in CRLF', () => {
    expect(toCsv(rows)).toBe(
      'type,value,firstSeen,source,note\r\n' +
        'url,"https://login.evil.example/a?x=1,2",2025-11-28T10:00:00Z,メール本文,\r\n' +
        "ip,198.51.100.7,2025-11-28T10:05:00Z,,'=cmd() がメモに\r\n",
    );
  });

  it('writes only the columns asked for, defanged values and a byte order mark when asked', () => {
    expect(toCsv(rows, { columns: ['note'], defang: true, bom: true })).toBe(
      '\ufefftype,value,note\r\n' +
        'url,"hxxps://login[.]evil[.]example/a?x=1,2",\r\n' +
        "ip,198[.]51[.]100[.]7,'=cmd() がメモに\r\n",
    );
  });

  it('writes the header alone for no rows', () => {
    expect(toCsv([])).toBe('type,value\r\n');
  });
});
