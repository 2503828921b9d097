// Splits CSV text into records (RFC 4180: quoted cells, "" inside quotes, line breaks inside quotes, CRLF or LF).

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  cells: string[];
  /** The record's text as written, for problem reports. */
  text: string;
  /** A quote was opened and never closed before the end of the text. */
  unterminated?: boolean;
}

export function* csvRecords(text: string, delimiter = ','): Generator<CsvRecord> {
  const d = delimiter.charCodeAt(0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = i;
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let unterminated = false;
    for (;;) {
      if (i >= text.length) {
        cells.push(cell);
        break;
      }
      const c = text.charCodeAt(i);
      if (c === 34 && cell.trim() === '') {
        // A quoted cell: everything up to the closing quote, "" standing for one quote.
        cell = '';
        i++;
        for (;;) {
          if (i >= text.length) {
            unterminated = true;
            break;
          }
          const q = text.charCodeAt(i);
          if (q === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q === 10) line++;
          cell += text[i];
          i++;
        }
        // Text between the closing quote and the delimiter is kept, as lenient readers do.
        while (
          i < text.length &&
          text.charCodeAt(i) !== d &&
          text.charCodeAt(i) !== 10 &&
          text.charCodeAt(i) !== 13
        )
          cell += text[i++];
        continue;
      }
      if (c === d) {
        cells.push(cell);
        cell = '';
        i++;
        continue;
      }
      if (c === 10 || c === 13) {
        cells.push(cell);
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
        break;
      }
      cell += text[i];
      i++;
    }
    const end = i;
    const record: CsvRecord = { line: startLine, cells, text: text.slice(start, end).replace(/\r?\n$/, '') };
    if (unterminated) record.unterminated = true;
    yield record;
  }
}

/** The delimiter of a CSV text: tab or semicolon when its first line has those and no comma, else comma. */
export function sniffDelimiter(text: string): string {
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}
