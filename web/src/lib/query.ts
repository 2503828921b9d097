// Builds search-language text from clicks: "filter for/out this value", so the query box always shows what runs.

export type FieldValue = string | number | boolean | null;

/** A value as the search language reads it exactly: numbers and booleans bare, text in quotes. */
export function quoteValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `field:"value"`, `-field:"value"`; a null value means "the field is absent" (or present, negated). */
export function filterClause(field: string, value: FieldValue, exclude: boolean): string {
  if (value === null) return exclude ? `${field}:*` : `-${field}:*`;
  return `${exclude ? '-' : ''}${field}:${quoteValue(value)}`;
}

/** Adds a clause with AND semantics, parenthesising a query that contains OR so the clause binds to all of it. */
export function addClause(query: string, clause: string): string {
  const q = query.trim();
  if (q === '' || q === '*') return clause;
  if (` ${q} `.includes(` ${clause} `)) return q;
  return /\bOR\b/.test(q) ? `(${q}) ${clause}` : `${q} ${clause}`;
}
