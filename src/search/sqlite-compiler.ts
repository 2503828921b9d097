// Compiles a QueryNode to a boolean SQLite expression over `events e` (the embedded store's day files).
//
// Every value is bound as a parameter; field names (the only text that reaches SQL) are checked against the
// strict pattern of fields.ts first. Each expression yields 0 or 1, never NULL, so NOT keeps its meaning.
import { YaguraError } from '../core/errors.js';
import type { QueryNode, RangeNode } from './ast.js';
import { builtinField, isValidFieldName } from './fields.js';
import {
  asciiLower,
  ftsAllTokens,
  isNumericText,
  likePattern,
  sqlIsNumericText,
  sqlLooksLikeIsoDate,
  textTokens,
} from './values.js';

export type SqlParam = string | number;

export interface SqlExpression {
  sql: string;
  params: SqlParam[];
}

/** A piece of SQL with its parameters in order. Only `raw` puts text into SQL, and never a user value. */
class Frag {
  constructor(
    readonly sql: string,
    readonly params: readonly SqlParam[],
  ) {}
}

const raw = (sql: string): Frag => new Frag(sql, []);
const param = (value: SqlParam): Frag => new Frag('?', [value]);

function sql(strings: TemplateStringsArray, ...values: Frag[]): Frag {
  let text = strings[0]!;
  const params: SqlParam[] = [];
  values.forEach((v, i) => {
    text += v.sql + strings[i + 1]!;
    params.push(...v.params);
  });
  return new Frag(text, params);
}

function join(frags: Frag[], separator: string): Frag {
  return new Frag(
    frags.map((f) => f.sql).join(separator),
    frags.flatMap((f) => f.params),
  );
}

const TRUE = raw('1');
const FALSE = raw('0');

/**
 * The JSON type name of a value ('text', 'integer', 'real', 'true', 'false', 'null'): known when the value is a
 * column, an SQL expression (`j.type`, `json_type(...)`) when it comes from the JSON fields.
 */
type ValueType = { known: 'text' | 'integer' } | { expr: Frag };

/** `t IN (names)`: a constant when the type is known, so column conditions stay plain (and can use indexes). */
function typeIn(t: ValueType, ...names: string[]): Frag | boolean {
  if ('known' in t) return names.includes(t.known);
  return names.length === 1
    ? sql`${t.expr} = ${raw(`'${names[0]}'`)}`
    : sql`${t.expr} IN (${raw(names.map((n) => `'${n}'`).join(', '))})`;
}

/** `type AND rest`, folded when the type test is constant. */
function when(type: Frag | boolean, rest: Frag): Frag | undefined {
  if (type === false) return undefined;
  return type === true ? rest : sql`(${type} AND ${rest})`;
}

function anyOf(alternatives: (Frag | undefined)[]): Frag {
  const present = alternatives.filter((a): a is Frag => a !== undefined);
  if (present.length === 0) return FALSE;
  return present.length === 1 ? present[0]! : sql`(${join(present, ' OR ')})`;
}

/** A condition on one value `v` of JSON type `t`. */
type ValueCondition = (v: Frag, t: ValueType) => Frag;

function termCondition(value: string): ValueCondition {
  const lower = asciiLower(value);
  return (v, t) =>
    anyOf([
      when(typeIn(t, 'text'), sql`lower(${v}) = ${param(lower)}`),
      isNumericText(value)
        ? when(typeIn(t, 'integer', 'real'), sql`${v} = ${param(Number(value))}`)
        : undefined,
      lower === 'true' || lower === 'false' ? when(typeIn(t, lower), TRUE) : undefined,
    ]);
}

function rangeCondition(node: RangeNode): ValueCondition {
  return (v, t) => {
    const fromText =
      node.type === 'number'
        ? sql`${raw(sqlIsNumericText(v.sql))} THEN CAST(${v} AS REAL)`
        : sql`${raw(sqlLooksLikeIsoDate(v.sql))} THEN round(unixepoch(${v}, 'subsec') * 1000)`;
    const numeric = typeIn(t, 'integer', 'real');
    const text = typeIn(t, 'text');
    const asNumber = (): Frag => {
      if (numeric === true) return v;
      const branches: Frag[] = [];
      if (numeric !== false) branches.push(sql`WHEN ${numeric} THEN ${v}`);
      if (text === true) branches.push(sql`WHEN ${fromText}`);
      else if (text !== false) branches.push(sql`WHEN ${text} AND ${fromText}`);
      return sql`(CASE ${join(branches, ' ')} END)`;
    };
    const parts: Frag[] = [];
    if (node.lower)
      parts.push(
        sql`${asNumber()} ${raw(node.lower.inclusive ? '>=' : '>')} ${param(finite(node.lower.value))}`,
      );
    if (node.upper)
      parts.push(
        sql`${asNumber()} ${raw(node.upper.inclusive ? '<=' : '<')} ${param(finite(node.upper.value))}`,
      );
    if (parts.length === 0) parts.push(sql`${asNumber()} IS NOT NULL`);
    return sql`(${join(parts, ' AND ')})`;
  };
}

function finite(n: number): number {
  if (!Number.isFinite(n))
    throw new YaguraError('QUERY_INVALID_VALUE', `A range bound must be a finite number, not ${n}`);
  return n;
}

function conditionFor(node: Extract<QueryNode, { field: string }>): ValueCondition {
  switch (node.kind) {
    case 'term':
      return termCondition(node.value);
    case 'wildcard': {
      const pattern = likePattern(node.pattern, true);
      return (v, t) =>
        when(typeIn(t, 'text', 'integer', 'real'), sql`${v} LIKE ${param(pattern)} ESCAPE '\\'`) ?? FALSE;
    }
    case 'exists':
      return (_v, t) => ('known' in t ? TRUE : sql`${t.expr} <> 'null'`);
    case 'range':
      return rangeCondition(node);
    case 'cidr':
      return (v, t) => when(typeIn(t, 'text'), sql`yg_cidr(${v}, ${param(node.cidr)})`) ?? FALSE;
  }
}

function jsonPathLiteral(field: string): Frag {
  // The field name is checked by the caller; it holds no quote of either kind.
  return raw(`'$."${field}"'`);
}

/** Applies a value condition to a field: any element matches for arrays; missing or NULL never matches. */
function fieldMatch(field: string, cond: ValueCondition): Frag {
  if (!isValidFieldName(field))
    throw new YaguraError('QUERY_SYNTAX', `Invalid field name "${field.slice(0, 100)}"`);
  const builtin = builtinField(field);
  const each = { expr: raw('j.type') };
  if (builtin?.kind === 'time') return cond(raw(`e.${builtin.column}`), { known: 'integer' });
  if (builtin?.kind === 'text') {
    const col = raw(`e.${builtin.column}`);
    return sql`(${col} IS NOT NULL AND ${cond(col, { known: 'text' })})`;
  }
  if (builtin?.kind === 'tags')
    return sql`EXISTS (SELECT 1 FROM json_each(e.tags) j WHERE ${cond(raw('j.value'), each)})`;
  // json_each yields the scalar itself or each array element. Measured on 200k rows it is as fast as
  // json_extract on scalars (~0.9 us/row) and faster than json_type + json_extract with a json_each fallback.
  return sql`EXISTS (SELECT 1 FROM json_each(e.fields, ${jsonPathLiteral(field)}) j WHERE ${cond(raw('j.value'), each)})`;
}

function textLike(pattern: string): Frag {
  return sql`(coalesce(e.message LIKE ${param(pattern)} ESCAPE '\\', 0) OR coalesce(e.raw LIKE ${param(pattern)} ESCAPE '\\', 0))`;
}

function fullText(node: Extract<QueryNode, { kind: 'text' }>): Frag {
  if (node.match === 'wildcard') return textLike(likePattern(node.pattern, false));
  const prefix = node.match === 'prefix';
  const tokens = textTokens(node.value);
  // Text without letters or digits has no FTS tokens: look for it as a substring instead.
  if (tokens.length === 0) {
    return textLike(
      likePattern(
        prefix
          ? [{ kind: 'literal', text: node.value }, { kind: 'many' }]
          : [{ kind: 'literal', text: node.value }],
        false,
      ),
    );
  }
  const candidates = sql`e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ${param(ftsAllTokens(tokens, prefix))})`;
  if (tokens.length === 1) return candidates;
  return sql`(${candidates} AND yg_phrase(e.message, e.raw, ${param(JSON.stringify(tokens))}, ${param(prefix ? 1 : 0)}))`;
}

type FieldNode = Extract<QueryNode, { field: string }>;

/**
 * The alternatives of an OR, the tests of one field merged into one: "some value matches a, or some value matches b"
 * is "some value matches a or b", and one json_each per field costs far less than one per value (Sigma value lists).
 */
function sameFieldTogether(children: readonly QueryNode[]): Frag[] {
  const byField = new Map<string, FieldNode[]>();
  const order: (QueryNode | string)[] = [];
  for (const child of children) {
    if (!('field' in child)) {
      order.push(child);
      continue;
    }
    const group = byField.get(child.field);
    if (group) group.push(child);
    else {
      byField.set(child.field, [child]);
      order.push(child.field);
    }
  }
  return order.map((item) => {
    if (typeof item !== 'string') return compile(item);
    const group = byField.get(item)!;
    if (group.length === 1) return compile(group[0]!);
    const conditions = group.map(conditionFor);
    return fieldMatch(item, (v, t) => anyOf(conditions.map((c) => c(v, t))));
  });
}

function compile(node: QueryNode): Frag {
  switch (node.kind) {
    case 'all':
      return TRUE;
    case 'and':
      return node.children.length === 0 ? TRUE : sql`(${join(node.children.map(compile), ' AND ')})`;
    case 'or':
      return node.children.length === 0 ? FALSE : sql`(${join(sameFieldTogether(node.children), ' OR ')})`;
    case 'not':
      return sql`NOT (${compile(node.child)})`;
    case 'text':
      return fullText(node);
    default:
      return fieldMatch(node.field, conditionFor(node));
  }
}

/**
 * A boolean SQL expression (0 or 1) for the WHERE clause of `SELECT ... FROM events e`, with its parameters in order.
 * It calls `yg_cidr` for CIDR terms and `yg_phrase` for phrases (register both with `registerSearchFunctions`) and
 * reads `events_fts` for full text.
 */
export function compileToSqlite(node: QueryNode): SqlExpression {
  const f = compile(node);
  return { sql: f.sql, params: [...f.params] };
}
