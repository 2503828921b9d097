// Multi-row statements for the alert stage's batched writes: Kysely builds the SQL once per row count (so it stays
// right for SQLite and PostgreSQL), later batches only bind their values.
import { CompiledQuery, type Compilable } from 'kysely';
import type { StateDb } from '../state/database.js';

/**
 * A statement over rows of `columns`, built by `build(rows)`, run in chunks of `chunk` rows. Building a Kysely query
 * for thousands of rows allocates a node per value; at the stage's volume that cost more than SQLite's own work.
 */
export class BatchStatement<R extends object> {
  private readonly sql = new Map<number, string>();

  constructor(
    private readonly columns: readonly (keyof R & string)[],
    private readonly build: (db: StateDb, rows: R[]) => Compilable,
    private readonly chunk: number,
  ) {}

  async run(db: StateDb, rows: readonly R[]): Promise<void> {
    for (let i = 0; i < rows.length; i += this.chunk) {
      const part = rows.slice(i, i + this.chunk);
      const params: unknown[] = [];
      for (const row of part) for (const c of this.columns) params.push((row as Record<string, unknown>)[c]);
      await db.executeQuery(CompiledQuery.raw(this.sqlFor(db, part.length), params));
    }
  }

  private sqlFor(db: StateDb, n: number): string {
    let text = this.sql.get(n);
    if (text !== undefined) return text;
    // Distinct placeholder values show that the compiled parameters are the rows' values in column order.
    const rows = Array.from({ length: n }, (_, r) =>
      Object.fromEntries(this.columns.map((c, k) => [c, `${r}:${k}`])),
    ) as unknown as R[];
    const compiled = this.build(db, rows).compile();
    const expected = rows.flatMap((row) => this.columns.map((c) => (row as Record<string, unknown>)[c]));
    if (
      compiled.parameters.length !== expected.length ||
      compiled.parameters.some((p, i) => p !== expected[i])
    ) {
      throw new Error('BatchStatement: the built statement does not bind the rows in column order');
    }
    text = compiled.sql;
    if (this.sql.size > 64) this.sql.clear();
    this.sql.set(n, text);
    return text;
  }
}
