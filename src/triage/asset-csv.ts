// Reads an asset inventory from CSV: one asset a row, lists inside a cell separated by ";", problems by line.
import { YaguraError, isYaguraError } from '../core/errors.js';
import { csvRecords, type CsvRecord } from '../detect/intel/csv-records.js';
import { checkAsset, type CheckedAsset } from './asset-input.js';

/** The columns, as the header names them (case-insensitive); `name` is required, the others optional. */
export const ASSET_CSV_COLUMNS = [
  'name',
  'hostnames',
  'addresses',
  'users',
  'owner',
  'criticality',
  'tags',
] as const;
export type AssetCsvColumn = (typeof ASSET_CSV_COLUMNS)[number];
type Column = AssetCsvColumn;

// Singular and common spellings people use in exported spreadsheets.
const ALIASES: Record<string, Column> = {
  hostname: 'hostnames',
  host: 'hostnames',
  address: 'addresses',
  ip: 'addresses',
  ips: 'addresses',
  user: 'users',
  tag: 'tags',
};

export const MAX_CSV_ROWS = 100_000;

export interface CsvProblem {
  /** 1-based line the record starts on. */
  line: number;
  message: string;
}

export interface ParsedAssetCsv {
  /** The columns the header names: an import changes only these on existing assets. */
  columns: AssetCsvColumn[];
  rows: { line: number; asset: CheckedAsset }[];
  problems: CsvProblem[];
}

/**
 * Parses the CSV text. A bad header (no `name` column, an unknown or repeated column) is REQUEST_INVALID, since no
 * row can be read; a bad row is reported with its line and the good rows are kept. A name given twice is a problem
 * on its second line.
 */
export function parseAssetCsv(text: string): ParsedAssetCsv {
  const records = csvRecords(text);
  let header: IteratorResult<CsvRecord>;
  do header = records.next();
  while (!header.done && header.value.cells.every((c) => c.trim() === ''));
  if (header.done) throw new YaguraError('REQUEST_INVALID', 'The CSV file is empty; it needs a header line');
  const columns = readHeader(header.value.cells, header.value.line);
  const rows: ParsedAssetCsv['rows'] = [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const { line, cells } = record;
    if (cells.every((c) => c.trim() === '')) continue;
    if (rows.length + problems.length >= MAX_CSV_ROWS) {
      throw new YaguraError('REQUEST_INVALID', `A CSV import may have at most ${MAX_CSV_ROWS} rows`);
    }
    if (record.unterminated) {
      problems.push({ line, message: 'A quoted cell is never closed' });
      continue;
    }
    if (cells.length !== columns.length) {
      problems.push({ line, message: `The row has ${cells.length} cells; the header has ${columns.length}` });
      continue;
    }
    const cell = (c: Column): string | undefined => {
      const i = columns.indexOf(c);
      return i >= 0 ? cells[i]!.trim() : undefined;
    };
    try {
      const criticality = cell('criticality');
      if (criticality !== undefined && criticality !== '' && !/^\d+$/.test(criticality)) {
        throw new YaguraError(
          'REQUEST_INVALID',
          `Criticality must be a whole number from 1 to 5, not "${criticality}"`,
        );
      }
      const asset = checkAsset({
        name: cell('name') ?? '',
        hostnames: split(cell('hostnames')),
        addresses: split(cell('addresses')),
        users: split(cell('users')),
        owner: cell('owner') ?? null,
        criticality: criticality ? Number(criticality) : null,
        tags: split(cell('tags')),
      });
      const earlier = seen.get(asset.name);
      if (earlier !== undefined) {
        problems.push({ line, message: `The asset "${asset.name}" is already on line ${earlier}` });
        continue;
      }
      seen.set(asset.name, line);
      rows.push({ line, asset });
    } catch (error) {
      if (!isYaguraError(error)) throw error;
      problems.push({ line, message: error.message });
    }
  }
  return { columns, rows, problems };
}

function readHeader(cells: string[], line: number): Column[] {
  const columns: Column[] = [];
  for (const raw of cells) {
    const name = raw.trim().toLowerCase();
    const column = (ASSET_CSV_COLUMNS as readonly string[]).includes(name) ? (name as Column) : ALIASES[name];
    if (!column) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `Unknown column "${raw.trim()}" on line ${line}; the columns are ${ASSET_CSV_COLUMNS.join(', ')}`,
        { location: { line } },
      );
    }
    if (columns.includes(column)) {
      throw new YaguraError('REQUEST_INVALID', `The column "${column}" appears twice on line ${line}`, {
        location: { line },
      });
    }
    columns.push(column);
  }
  if (!columns.includes('name')) {
    throw new YaguraError('REQUEST_INVALID', `The header on line ${line} has no "name" column`, {
      location: { line },
    });
  }
  return columns;
}

function split(cell: string | undefined): string[] {
  return cell ? cell.split(';').map((v) => v.trim()) : [];
}
