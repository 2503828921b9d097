// Exports observables as CSV (RFC 4180) that is safe to open in Excel: no cell is ever read as a formula.
import type { Observable } from './observable.js';
import { defang } from './refang.js';

export type CsvCell = string | number | boolean | Date | null | undefined;

/** An observable with extra columns, such as firstSeen, source or note. */
export type CsvRow = Observable & { readonly [column: string]: CsvCell };

export interface CsvOptions {
  /** The extra columns, in this order; by default every extra key of the rows, in order of first appearance. */
  columns?: readonly string[];
  /** Write values defanged (hxxp, [.]), so a spreadsheet does not turn them into live links. */
  defang?: boolean;
  /** Start with a UTF-8 byte order mark, without which Excel in Japanese reads UTF-8 as Shift_JIS. */
  bom?: boolean;
}

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (=1+1, +cmd, -2+3, @SUM),
// tab and carriage return included (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text starting like a formula gets a leading apostrophe, then RFC 4180 quoting where needed. */
export function csvCell(value: CsvCell): string {
  let text: string;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') return String(value);
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function extraColumns(rows: readonly CsvRow[]): string[] {
  const columns: string[] = [];
  for (const row of rows)
    for (const key of Object.keys(row))
      if (key !== 'type' && key !== 'value' && !columns.includes(key)) columns.push(key);
  return columns;
}

/**
 * CSV text: a header `type,value,<extra columns>`, then one line per row, lines ending in CRLF. Numbers and
 * booleans are written as they are, dates in ISO 8601, missing cells empty.
 */
export function toCsv(rows: readonly CsvRow[], options: CsvOptions = {}): string {
  const columns = options.columns ?? extraColumns(rows);
  const lines = [['type', 'value', ...columns].map(csvCell).join(',')];
  for (const row of rows) {
    const value = options.defang ? defang(row) : row.value;
    lines.push([row.type, value, ...columns.map((c) => row[c])].map(csvCell).join(','));
  }
  return `${options.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}
