// Events as export files: CSV (RFC 4180, UTF-8 with BOM, guarded against spreadsheet formulas) and JSON Lines.
import type { Event, FieldValue } from '../core/event.js';
import { YaguraError } from '../core/errors.js';
import { builtinField, canonicalField, isValidFieldName } from './fields.js';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const DEFAULT_EXPORT_COLUMNS = ['@timestamp', 'tenant', 'input', 'message'] as const;
export const MAX_EXPORT_COLUMNS = 200;

/** Excel reads a CSV file as UTF-8 only when it starts with this byte order mark (otherwise as Shift_JIS in Japan). */
export const UTF8_BOM = '\uFEFF';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson',
};

/** A column to export: the name as asked (the header), and how to read it from an Event. */
export interface ExportColumn {
  name: string;
  read(event: Event): FieldValue | undefined;
  /** Epoch ms values written as ISO 8601 UTC. */
  time: boolean;
}

/** Parses `a,b,c` into columns; a name that is not a valid field name is REQUEST_INVALID at `columns`. */
export function parseColumns(text: string | undefined): ExportColumn[] {
  const names =
    text === undefined
      ? [...DEFAULT_EXPORT_COLUMNS]
      : text
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n !== '');
  if (names.length === 0) {
    throw new YaguraError('REQUEST_INVALID', 'columns: name at least one field', {
      location: { key: 'columns' },
    });
  }
  if (names.length > MAX_EXPORT_COLUMNS) {
    throw new YaguraError('REQUEST_INVALID', `columns: at most ${MAX_EXPORT_COLUMNS} fields`, {
      location: { key: 'columns' },
    });
  }
  return names.map((name) => {
    const canonical = canonicalField(name);
    if (!isValidFieldName(canonical)) {
      throw new YaguraError('REQUEST_INVALID', `columns: "${name.slice(0, 100)}" is not a valid field name`, {
        location: { key: 'columns' },
      });
    }
    const builtin = builtinField(canonical);
    if (builtin) return { name, read: builtin.read, time: builtin.kind === 'time' };
    return { name, read: (e: Event) => e.fields[canonical], time: false };
  });
}

// A spreadsheet runs a cell starting with one of these as a formula; log text is attacker-controlled.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet shows as text: a leading `'` stops a cell from being read as a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field holding a quote, comma or line break is quoted, its quotes doubled. */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function scalarText(value: FieldValue | undefined, time: boolean): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => scalarText(v, time)).join('|');
  if (time && typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
  return String(value);
}

/** One CSV cell: arrays joined with `|`, times as ISO 8601 UTC, text guarded and quoted. */
export function csvCell(value: FieldValue | undefined, time = false): string {
  const text = scalarText(value, time);
  // A lone number or boolean is no formula (and "-5" must stay a number); text and arrays are guarded.
  const guarded = typeof value === 'number' || typeof value === 'boolean' ? text : guardFormula(text);
  return quoteCsv(guarded);
}

/** The header line after the byte order mark: the column names as asked (valid field names, not log data). */
export function csvHeader(columns: readonly ExportColumn[]): string {
  return UTF8_BOM + columns.map((c) => quoteCsv(c.name)).join(',') + '\r\n';
}

export function csvLine(event: Event, columns: readonly ExportColumn[]): string {
  return columns.map((c) => csvCell(c.read(event), c.time)).join(',') + '\r\n';
}

/** The whole Event, as the search API returns it, on one line. */
export function jsonlLine(event: Event): string {
  return JSON.stringify(event) + '\n';
}

/** `yagura-events-20251128T120000.csv`: the export's UTC time, in a name every file system takes. */
export function exportFileName(format: ExportFormat, at: number): string {
  const stamp = new Date(at)
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '');
  return `yagura-events-${stamp}.${format}`;
}
