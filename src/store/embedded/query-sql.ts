// SQL for one day file: the scoped WHERE clause around the compiled query, paging cursors, aggregation terms.
import { YaguraError } from '../../core/errors.js';
import type { QueryNode } from '../../search/ast.js';
import { builtinField, canonicalField, isValidFieldName } from '../../search/fields.js';
import { compileToSqlite } from '../../search/sqlite-compiler.js';
import type { SearchScope } from '../event-store.js';

export type Param = string | number;

export interface Where {
  sql: string;
  params: Param[];
}

/** `e.tenant IN (...) AND e.time >= ? AND e.time < ? AND (<query>)`: every statement starts from this. */
export function scopedWhere(scope: SearchScope, query: QueryNode): Where {
  if (scope.tenants.length === 0) {
    throw new YaguraError('REQUEST_INVALID', 'A search needs at least one tenant in its scope');
  }
  const compiled = compileToSqlite(query);
  const tenants = scope.tenants.map(() => '?').join(', ');
  return {
    sql: `e.tenant IN (${tenants}) AND e.time >= ? AND e.time < ? AND (${compiled.sql})`,
    params: [...scope.tenants, scope.from, scope.to, ...compiled.params],
  };
}

/** Where a page ended: the day file, then (time, rowid) inside it. */
export interface Cursor {
  day: string;
  time: number;
  rowid: number;
  order: 'asc' | 'desc';
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.day, c.time, c.rowid, c.order])).toString('base64url');
}

export function decodeCursor(text: string, order: 'asc' | 'desc'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    typeof parsed[0] !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(parsed[0]) ||
    !Number.isFinite(parsed[1]) ||
    !Number.isInteger(parsed[2]) ||
    parsed[3] !== order
  ) {
    throw new YaguraError(
      'REQUEST_INVALID',
      'The cursor is not one this search returned (or the order changed)',
    );
  }
  return { day: parsed[0], time: parsed[1] as number, rowid: parsed[2] as number, order };
}

/** Rows strictly after the cursor position in the page order. */
export function afterCursor(c: Cursor): Where {
  const cmp = c.order === 'desc' ? '<' : '>';
  return { sql: `(e.time ${cmp} ? OR (e.time = ? AND e.rowid ${cmp} ?))`, params: [c.time, c.time, c.rowid] };
}

/**
 * What a terms aggregation groups by: `FROM` additions and the value/type expressions. Built-in fields read
 * their column (as the query compiler does); tags and Event.fields go through json_each so each array
 * element counts on its own.
 */
export interface TermsSource {
  join: string;
  value: string;
  type: string;
  notNull: string;
}

export function termsSource(field: string): TermsSource {
  const name = canonicalField(field);
  if (!isValidFieldName(name))
    throw new YaguraError('REQUEST_INVALID', `Invalid field name "${field.slice(0, 100)}"`);
  const builtin = builtinField(name);
  if (builtin?.kind === 'time') {
    return {
      join: '',
      value: `e.${builtin.column}`,
      type: `'integer'`,
      notNull: `e.${builtin.column} IS NOT NULL`,
    };
  }
  if (builtin?.kind === 'text') {
    return {
      join: '',
      value: `e.${builtin.column}`,
      type: `'text'`,
      notNull: `e.${builtin.column} IS NOT NULL`,
    };
  }
  const each = builtin?.kind === 'tags' ? 'json_each(e.tags) j' : `json_each(e.fields, '$."${name}"') j`;
  return { join: `, ${each}`, value: 'j.value', type: 'j.type', notNull: `j.type <> 'null'` };
}

/**
 * What a split histogram groups by: like `termsSource`, but a LEFT JOIN, so events without the field are counted
 * (keyed null). `scalar` says each event yields exactly one row, so the series add up to the events themselves.
 */
export interface SeriesSource {
  join: string;
  value: string;
  type: string;
  scalar: boolean;
}

export function seriesSource(field: string): SeriesSource {
  const name = canonicalField(field);
  if (!isValidFieldName(name))
    throw new YaguraError('REQUEST_INVALID', `Invalid field name "${field.slice(0, 100)}"`);
  const builtin = builtinField(name);
  if (builtin?.kind === 'time') {
    return { join: '', value: `e.${builtin.column}`, type: `'integer'`, scalar: true };
  }
  if (builtin?.kind === 'text') {
    return { join: '', value: `e.${builtin.column}`, type: `'text'`, scalar: true };
  }
  const each = builtin?.kind === 'tags' ? 'json_each(e.tags) j' : `json_each(e.fields, '$."${name}"') j`;
  return { join: ` LEFT JOIN ${each}`, value: 'j.value', type: 'j.type', scalar: false };
}
