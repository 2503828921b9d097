// Renders events for the terminal: an aligned table, JSON Lines, or CSV with chosen columns.
import type { Event, FieldValue } from '../core/event.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export const defaultColumns = ['@timestamp', 'tenant', 'host.hostname', 'message'];

/** Reads a column from an event: the Event's own members by name, else a dotted ECS field. */
export function columnValue(event: Event, column: string): FieldValue | undefined {
  switch (column) {
    case '@timestamp':
    case 'time':
      return new Date(event.time).toISOString();
    case 'receivedAt':
    case 'event.ingested':
      return new Date(event.receivedAt).toISOString();
    case 'tenant':
      return event.tenant;
    case 'id':
      return event.id;
    case 'input':
      return event.input ?? null;
    case 'tags':
      return event.tags ?? [];
    case 'raw':
    case 'event.original':
      return event.raw ?? null;
    case 'message':
      return event.fields['message'] ?? event.raw ?? null;
    case 'host.hostname':
      return event.fields['host.hostname'] ?? event.fields['host.name'] ?? null;
    default:
      return event.fields[column];
  }
}

function text(value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

export function toJsonLine(event: Event): string {
  return JSON.stringify(event);
}

/** Column names are the user's own choice (`@timestamp` included), so they are quoted but not defused. */
export function csvHeader(columns: string[]): string {
  return columns.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

export function toCsvRow(event: Event, columns: string[]): string {
  return columns.map((c) => csvCell(text(columnValue(event, c)))).join(',');
}

// Cells that start with = + - @ are prefixed with ' so a spreadsheet does not run them as formulas.
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toTable(events: Event[], columns: string[], width: number): string {
  const rows = events.map((e) => columns.map((c) => text(columnValue(e, c)).replace(/[\r\n\t]+/g, ' ')));
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  // The last column takes what is left of the terminal width.
  const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  widths[widths.length - 1] = Math.max(20, Math.min(widths[widths.length - 1]!, width - fixed));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const w = widths[i]!;
        const clipped = cell.length > w ? cell.slice(0, Math.max(0, w - 1)) + '…' : cell;
        return i === cells.length - 1 ? clipped : clipped.padEnd(w);
      })
      .join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
