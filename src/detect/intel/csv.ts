// Imports indicators from CSV: a table with a header row, or a plain list with one value per line.
//
// Header columns (case-insensitive; spaces read as "_"):
//   value | indicator | ioc | observable    the indicator; its type from the `type` column, else inferred
//   type | indicator_type | ioc_type       an indicator type, a generic name (ip, hash, hostname, uri) or a
//                                          MISP attribute type (ip-dst, domain|ip, filename|sha256, ...)
//   <type> or <type>_hash                  a column named after a type (ip, domain, url, sha256, sha256_hash,
//                                          dst_ip, ...) holds values of that type; a row may fill several
//   valid_from | start                     ISO 8601, or epoch seconds or milliseconds; zoneless times are UTC
//   valid_until | expires | expiry | expiration | valid_to
//   confidence                             0-100
//   level | severity                       informational, low, medium, high, critical
//   labels | tags                          separated by ";", "|" or ","
//   description | comment
//   ref | id | uuid                        where the indicator is in its source
// Other columns are ignored. Without such a header every line is one value (the first cell) whose type is
// inferred. Lines starting with "#" are comments; a commented header just before the data (as abuse.ch feeds
// write it) is used as the header. An entry with any invalid cell is reported and skipped.
import { csvRecords, sniffDelimiter, type CsvRecord } from './csv-records.js';
import { excerpt, parseTime, type ImportProblem, type ImportResult, type Indicator } from './indicator.js';
import { LEVELS, type Level } from '../sigma/rule.js';
import { hintForTypeName, mispParts } from './type-names.js';
import { normalizeIndicator, type TypeHint } from './value.js';

type Column =
  'value' | 'type' | 'validFrom' | 'validUntil' | 'confidence' | 'level' | 'labels' | 'description' | 'ref';

const COLUMNS: Record<string, Column> = {
  value: 'value',
  indicator: 'value',
  ioc: 'value',
  observable: 'value',
  indicator_value: 'value',
  ioc_value: 'value',
  type: 'type',
  indicator_type: 'type',
  ioc_type: 'type',
  valid_from: 'validFrom',
  start: 'validFrom',
  valid_until: 'validUntil',
  expires: 'validUntil',
  expiry: 'validUntil',
  expiration: 'validUntil',
  valid_to: 'validUntil',
  confidence: 'confidence',
  level: 'level',
  severity: 'level',
  labels: 'labels',
  tags: 'labels',
  description: 'description',
  comment: 'description',
  ref: 'ref',
  id: 'ref',
  uuid: 'ref',
};

interface Header {
  columns: Partial<Record<Column, number>>;
  typed: Array<{ index: number; name: string }>;
}

export interface CsvImportOptions {
  /** "," by default, or sniffed from the first line (tab, ";"). */
  delimiter?: string;
}

export function importCsv(text: string, options: CsvImportOptions = {}): ImportResult {
  const indicators: Indicator[] = [];
  const problems: ImportProblem[] = [];
  const delimiter = options.delimiter ?? sniffDelimiter(firstDataLine(text));
  let header: Header | undefined;
  let started = false;
  let lastComment: string | undefined;
  for (const record of csvRecords(text, delimiter)) {
    const first = (record.cells[0] ?? '').trim();
    if (record.cells.every((c) => c.trim() === '')) continue;
    if (first.startsWith('#')) {
      if (!started) lastComment = record.text.replace(/^\s*#+\s*/, '');
      continue;
    }
    if (record.unterminated) {
      problems.push({
        line: record.line,
        entry: excerpt(record.text),
        reason: 'a quoted cell is never closed',
      });
      continue;
    }
    if (!started) {
      started = true;
      header = readHeader(record.cells);
      if (header) continue;
      if (lastComment !== undefined) header = readHeader(firstRecord(lastComment, delimiter));
    }
    if (header) readRow(record, header, indicators, problems);
    else readListLine(record, first, indicators, problems);
  }
  return { indicators, problems };
}

function firstDataLine(text: string): string {
  for (const line of text.split('\n', 50))
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) return line;
  return '';
}

function firstRecord(text: string, delimiter: string): string[] {
  return csvRecords(text, delimiter).next().value?.cells ?? [];
}

function columnName(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, '_');
}

/** The header a record is, or undefined when it names no column an indicator can come from. */
function readHeader(cells: string[]): Header | undefined {
  const header: Header = { columns: {}, typed: [] };
  cells.forEach((cell, index) => {
    const name = columnName(cell);
    const column = COLUMNS[name];
    if (column !== undefined) {
      if (header.columns[column] === undefined) header.columns[column] = index;
    } else if (hintForTypeName(name) !== undefined) header.typed.push({ index, name });
  });
  return header.columns.value !== undefined || header.typed.length > 0 ? header : undefined;
}

function readListLine(record: CsvRecord, value: string, out: Indicator[], problems: ImportProblem[]): void {
  const n = normalizeIndicator(value);
  if (n.ok) out.push({ type: n.type, value: n.value });
  else problems.push({ line: record.line, entry: excerpt(record.text), reason: n.reason });
}

function readRow(record: CsvRecord, header: Header, out: Indicator[], problems: ImportProblem[]): void {
  const cell = (column: Column): string => {
    const i = header.columns[column];
    return i === undefined ? '' : (record.cells[i] ?? '').trim();
  };
  const problem = (reason: string): void => {
    problems.push({ line: record.line, entry: excerpt(record.text), reason });
  };
  const common = readCommon(cell);
  if (typeof common === 'string') return problem(common);

  const parts: Array<{ hint?: TypeHint; value: string }> = [];
  const value = cell('value');
  if (value !== '') {
    const typeName = cell('type');
    if (typeName === '') parts.push({ value });
    else {
      const hint = hintForTypeName(typeName);
      const typed = hint !== undefined ? [{ hint, value }] : mispParts(typeName, value);
      if (!typed) return problem(`unknown indicator type "${typeName}"`);
      parts.push(...typed);
    }
  }
  for (const { index, name } of header.typed) {
    const v = (record.cells[index] ?? '').trim();
    const hint = hintForTypeName(name);
    if (v !== '' && hint !== undefined) parts.push({ hint, value: v });
  }
  if (parts.length === 0) return problem('the row has no indicator value');
  const taken: Indicator[] = [];
  for (const part of parts) {
    const n = normalizeIndicator(part.value, part.hint);
    if (!n.ok) return problem(n.reason);
    taken.push({ type: n.type, value: n.value, ...common });
  }
  out.push(...taken);
}

type Common = Omit<Indicator, 'type' | 'value'>;

/** The cells every indicator of a row shares, or the reason one of them is invalid. */
function readCommon(cell: (c: Column) => string): Common | string {
  const common: Common = {};
  for (const key of ['validFrom', 'validUntil'] as const) {
    const text = cell(key);
    if (text === '') continue;
    const t = parseTime(text);
    if (t === undefined)
      return `${key === 'validFrom' ? 'valid_from' : 'valid_until'} "${text}" is not a time`;
    common[key] = t;
  }
  const confidence = cell('confidence');
  if (confidence !== '') {
    const c = Number(confidence);
    if (!Number.isFinite(c) || c < 0 || c > 100)
      return `confidence "${confidence}" is not a number from 0 to 100`;
    common.confidence = c;
  }
  const level = cell('level').toLowerCase();
  if (level !== '') {
    if (!(LEVELS as readonly string[]).includes(level)) return `level "${level}" is not a Sigma level`;
    common.level = level as Level;
  }
  const labels = cell('labels')
    .split(/[;|,]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (labels.length > 0) common.labels = labels;
  const description = cell('description');
  if (description !== '') common.description = description;
  const ref = cell('ref');
  if (ref !== '') common.ref = ref;
  return common;
}
