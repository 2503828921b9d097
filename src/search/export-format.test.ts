import { describe, expect, it } from 'vitest';
import type { Event } from '../core/event.js';
import { tenantId, type EventId } from '../core/ids.js';
import {
  UTF8_BOM,
  csvCell,
  csvHeader,
  csvLine,
  exportFileName,
  guardFormula,
  jsonlLine,
  parseColumns,
  quoteCsv,
} from './export-format.js';

const event: Event = {
  id: 'evt_1' as EventId,
  tenant: tenantId('acme'),
  time: Date.parse('2025-11-28T12:34:56.789Z'),
  receivedAt: Date.parse('2025-11-28T12:34:57.000Z'),
  input: 'syslog',
  logsource: { product: 'linux', service: 'sshd' },
  fields: {
    message: 'Failed password for root',
    'source.ip': '203.0.113.7',
    'destination.port': 22,
    'event.category': ['authentication', 'network'],
    'user.name': '=HYPERLINK("http://evil.example","click")',
    'x.none': null,
  },
  raw: '<38>Nov 28 12:34:56 bastion sshd[1]: Failed password for root',
  tags: ['perimeter', 'parse_error'],
};

describe('CSV cells', () => {
  it('quotes a field holding a quote, comma or line break and doubles its quotes (RFC 4180)', () => {
    expect(quoteCsv('plain text')).toBe('plain text');
    expect(quoteCsv('a,b')).toBe('"a,b"');
    expect(quoteCsv('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsv('two\nlines')).toBe('"two\nlines"');
    expect(quoteCsv('cr\rhere')).toBe('"cr\rhere"');
  });

  it('prefixes text a spreadsheet would run as a formula with an apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(guardFormula(`${start}cmd|' /C calc'!A0`)).toBe(`'${start}cmd|' /C calc'!A0`);
    }
    expect(guardFormula('safe = text')).toBe('safe = text');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`);
    expect(csvCell('\r\n=1')).toBe(`"'\r\n=1"`);
  });

  it('leaves numbers and booleans as they are, negative numbers included', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(22)).toBe('22');
    expect(csvCell(false)).toBe('false');
    expect(csvCell('-5')).toBe("'-5");
  });

  it('joins arrays with "|" and guards the joined text', () => {
    expect(csvCell(['authentication', 'network'])).toBe('authentication|network');
    expect(csvCell(['=evil', 'x'])).toBe("'=evil|x");
    expect(csvCell([1, null, 'a,b'])).toBe('"1||a,b"');
  });

  it('writes missing and null values as empty cells and times as ISO 8601 UTC', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Date.UTC(2025, 10, 28, 3), true)).toBe('2025-11-28T03:00:00.000Z');
  });
});

describe('CSV lines', () => {
  it('starts with the byte order mark and the column names as asked', () => {
    const header = csvHeader(parseColumns(undefined));
    expect(header.startsWith(UTF8_BOM)).toBe(true);
    expect(header).toBe(`${UTF8_BOM}@timestamp,tenant,input,message\r\n`);
    expect(Buffer.from(header, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads built-in fields, dotted fields, tags and raw text for each column', () => {
    const columns = parseColumns(
      '@timestamp,tenant,input,logsource.product,source.ip,destination.port,event.category,tags,raw,user.name,x.none,nope',
    );
    expect(csvLine(event, columns)).toBe(
      [
        '2025-11-28T12:34:56.789Z',
        'acme',
        'syslog',
        'linux',
        '203.0.113.7',
        '22',
        'authentication|network',
        'perimeter|parse_error',
        '<38>Nov 28 12:34:56 bastion sshd[1]: Failed password for root',
        `"'=HYPERLINK(""http://evil.example"",""click"")"`,
        '',
        '',
      ].join(',') + '\r\n',
    );
  });

  it('keeps Japanese text as UTF-8', () => {
    const line = csvLine(
      { ...event, fields: { message: 'ログイン失敗: ユーザー「山田」' } },
      parseColumns('message'),
    );
    expect(line).toBe('ログイン失敗: ユーザー「山田」\r\n');
  });

  it('refuses a column that is not a field name, and an empty list', () => {
    expect(() => parseColumns('message,bad name')).toThrow(/"bad name" is not a valid field name/);
    expect(() => parseColumns("x') OR 1=1 --")).toThrow(/not a valid field name/);
    expect(() => parseColumns(' , ')).toThrow(/at least one/);
    expect(() => parseColumns(Array.from({ length: 201 }, (_, i) => `f${i}`).join(','))).toThrow(
      /at most 200/,
    );
  });
});

describe('JSON Lines and file names', () => {
  it('writes the whole Event on one line', () => {
    const line = jsonlLine({ ...event, fields: { message: 'two\nlines' } });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ ...event, fields: { message: 'two\nlines' } });
  });

  it('names the file after the UTC time of the export', () => {
    expect(exportFileName('csv', Date.parse('2025-11-28T03:04:05.678Z'))).toBe(
      'yagura-events-20251128T030405.csv',
    );
    expect(exportFileName('jsonl', 0)).toBe('yagura-events-19700101T000000.jsonl');
  });
});
