// Read connections to day files, one per day, opened on demand and kept until pruned, evicted or closed.
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { registerSearchFunctions } from '../../search/sql-functions.js';
import { dayFile } from './layout.js';
import { applyConnectionPragmas, DEFAULT_TUNING } from './schema.js';

interface Handle {
  db: Database.Database;
  /** Inode of the file when opened: another process may have pruned and recreated the day since. */
  ino: number;
  statements: Map<string, Database.Statement>;
}

const MAX_STATEMENTS = 64;

export class ReadPool {
  private readonly handles = new Map<string, Handle>();

  constructor(
    private readonly dataDir: string,
    private readonly maxOpen: number,
  ) {}

  /** A prepared statement on the day's file; undefined when the file is gone or not yet initialised. */
  statement(day: string, sql: string): Database.Statement | undefined {
    const h = this.handle(day);
    if (!h) return undefined;
    let stmt = h.statements.get(sql);
    if (!stmt) {
      try {
        stmt = h.db.prepare(sql);
      } catch (e) {
        // A file the writer has created but not yet given its tables holds no events yet.
        if (e instanceof Error && /no such table/.test(e.message)) return undefined;
        throw e;
      }
      if (h.statements.size >= MAX_STATEMENTS) {
        const [oldest] = h.statements.keys();
        if (oldest !== undefined) h.statements.delete(oldest);
      }
      h.statements.set(sql, stmt);
    }
    return stmt;
  }

  close(day: string): void {
    const h = this.handles.get(day);
    if (!h) return;
    this.handles.delete(day);
    h.statements.clear();
    h.db.close();
  }

  closeAll(): void {
    for (const day of [...this.handles.keys()]) this.close(day);
  }

  private handle(day: string): Handle | undefined {
    const path = dayFile(this.dataDir, day);
    let existing = this.handles.get(day);
    if (existing && statSync(path, { throwIfNoEntry: false })?.ino !== existing.ino) {
      this.close(day);
      existing = undefined;
    }
    if (existing) {
      this.handles.delete(day);
      this.handles.set(day, existing);
      return existing;
    }
    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: true });
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CANTOPEN') return undefined;
      throw e;
    }
    // Read-write open with query_only: a read-only open cannot create the -shm file a WAL reader needs.
    applyConnectionPragmas(db, { cacheKiB: 16_384, mmapBytes: DEFAULT_TUNING.mmapBytes });
    db.pragma('query_only = 1');
    registerSearchFunctions(db);
    const h: Handle = { db, ino: statSync(path).ino, statements: new Map() };
    this.handles.set(day, h);
    while (this.handles.size > this.maxOpen) {
      const [oldest] = this.handles.keys();
      if (oldest === undefined) break;
      this.close(oldest);
    }
    return h;
  }
}
