// The embedded EventStore: day files in SQLite, written by a worker thread, read on the calling thread.
import { mkdirSync } from 'node:fs';
import type { Event } from '../../core/event.js';
import { YaguraError } from '../../core/errors.js';
import type { TenantId } from '../../core/ids.js';
import type { QueryNode } from '../../search/ast.js';
import type {
  AggregateResult,
  Aggregation,
  Bucket,
  EventStore,
  HistogramSplit,
  SearchPage,
  SearchRequest,
  SearchScope,
  Series,
  StoreStats,
} from '../event-store.js';
import { splitScope } from '../tenant-scope.js';
import { DiskReserve, freeBytes } from './disk-space.js';
import { DAY_MS, dayBytes, dayStart, daysInRange, listDays } from './layout.js';
import {
  afterCursor,
  decodeCursor,
  encodeCursor,
  scopedWhere,
  seriesSource,
  termsSource,
  type Cursor,
  type Where,
} from './query-sql.js';
import { ReadPool } from './read-pool.js';
import { compileToSqlite } from '../../search/sqlite-compiler.js';
import { decodeRow, encodeBatch, SELECT_COLUMNS, type StoredRow } from './row-codec.js';
import { DEFAULT_TUNING, type WriterTuning } from './schema.js';
import { WriterClient } from './writer-client.js';

export interface SqliteEventStoreOptions {
  /** The data folder; events go to `<dataDir>/events/YYYY-MM-DD.db`. */
  dataDir: string;
  /** Appends are refused (STORE_DISK_FULL) when they would leave less free space than this. Default 256 MiB. */
  minFreeBytes?: number;
  /** Day files the writer keeps open. Default 3. */
  maxOpenWriteDays?: number;
  /** Day files kept open for reading. Default 32. */
  maxOpenReadDays?: number;
  /** Quiet time after which the writer merges full-text segments and checkpoints. Default 2000 ms. */
  idleMs?: number;
  /** Storage knobs; the defaults are the measured choice (bench/store/README.md). */
  tuning?: Partial<WriterTuning>;
}

const MAX_HISTOGRAM_FILL = 10_000;

export class SqliteEventStore implements EventStore {
  readonly dataDir: string;
  private readonly writer: WriterClient;
  private readonly readers: ReadPool;
  private readonly reserve: DiskReserve;
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    this.dataDir = options.dataDir;
    mkdirSync(this.dataDir, { recursive: true });
    this.reserve = new DiskReserve(this.dataDir, options.minFreeBytes ?? 256 * 1024 * 1024);
    this.readers = new ReadPool(this.dataDir, options.maxOpenReadDays ?? 32);
    this.writer = new WriterClient({
      dataDir: this.dataDir,
      tuning: { ...DEFAULT_TUNING, ...options.tuning },
      maxOpenDays: options.maxOpenWriteDays ?? 3,
      idleMs: options.idleMs ?? 2000,
    });
  }

  /** Free space appends keep in reserve (STORE_DISK_FULL below it); retention shares this value. */
  get minFreeBytes(): number {
    return this.reserve.minFreeBytes;
  }

  set minFreeBytes(bytes: number) {
    this.reserve.minFreeBytes = bytes;
  }

  /** The writer thread (exposed so tests can stop it and see the error surface). */
  get writerThread(): WriterClient['worker'] {
    return this.writer.worker;
  }

  async append(batch: Event[]): Promise<void> {
    this.assertOpen();
    if (batch.length === 0) return;
    const encoded = encodeBatch(batch);
    this.reserve.check(encoded.chars * 2);
    await this.writer.append(encoded.groups);
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    this.assertOpen();
    const started = performance.now();
    if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > 10_000) {
      throw new YaguraError('REQUEST_INVALID', 'The page size must be an integer from 1 to 10000');
    }
    scopedWhere(request, request.query); // validates the scope and the query before any file is touched
    const order = request.order ?? 'desc';
    const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor, order);
    const dir = order === 'desc' ? 'DESC' : 'ASC';
    const want = request.limit + 1;
    const rows: { day: string; row: StoredRow }[] = [];
    for (const day of daysInRange(this.dataDir, request.from, request.to, order)) {
      if (cursor && (order === 'desc' ? day > cursor.day : day < cursor.day)) continue;
      const found = this.pageOfDay(
        day,
        request,
        request.query,
        cursor?.day === day ? cursor : undefined,
        dir,
        want - rows.length,
      );
      for (const row of found) rows.push({ day, row });
      if (rows.length >= want) break;
    }
    const page = rows.slice(0, request.limit);
    const result: SearchPage = { events: page.map((r) => decodeRow(r.row)), tookMs: 0 };
    const last = page[page.length - 1];
    if (rows.length > request.limit && last) {
      result.next = encodeCursor({ day: last.day, time: last.row.time, rowid: last.row.rowid, order });
    }
    result.tookMs = performance.now() - started;
    return result;
  }

  async count(scope: SearchScope & { query: QueryNode }): Promise<number> {
    this.assertOpen();
    const where = scopedWhere(scope, scope.query);
    let total = 0;
    for (const day of daysInRange(this.dataDir, scope.from, scope.to, 'asc')) {
      const stmt = this.readers.statement(day, `SELECT count(*) FROM events e WHERE ${where.sql}`);
      if (stmt) total += stmt.pluck().get(...where.params) as number;
    }
    return total;
  }

  async aggregate(scope: SearchScope & { query: QueryNode }, by: Aggregation): Promise<AggregateResult> {
    this.assertOpen();
    const started = performance.now();
    scopedWhere(scope, scope.query);
    if (by.kind === 'histogram-split') {
      return { ...(await this.histogramSplit(scope, by)), tookMs: performance.now() - started };
    }
    const buckets =
      by.kind === 'terms' ? this.terms(scope, by.field, by.size) : this.histogram(scope, by.intervalMs);
    return { buckets, total: await this.count(scope), tookMs: performance.now() - started };
  }

  async prune(before: number): Promise<number> {
    this.assertOpen();
    const days = listDays(this.dataDir).filter((d) => dayStart(d) + DAY_MS <= before);
    if (days.length === 0) return 0;
    let events = 0;
    for (const day of days) {
      events += this.daySummary(day)?.events ?? 0;
      this.readers.close(day);
    }
    await this.writer.drop(days);
    return events;
  }

  async purgeTenant(tenant: TenantId, before: number): Promise<number> {
    this.assertOpen();
    const days = listDays(this.dataDir).filter((d) => dayStart(d) < before);
    if (days.length === 0) return 0;
    return this.writer.purge(tenant, before, days);
  }

  async stats(): Promise<StoreStats> {
    this.assertOpen();
    const partitions: StoreStats['partitions'] = [];
    for (const day of listDays(this.dataDir)) {
      const s = this.daySummary(day);
      const start = dayStart(day);
      partitions.push({
        name: day,
        from: s?.min_time ?? start,
        to: s?.max_time ?? start + DAY_MS - 1,
        bytes: dayBytes(this.dataDir, day),
        events: s?.events ?? 0,
      });
    }
    return {
      events: partitions.reduce((n, p) => n + p.events, 0),
      bytes: partitions.reduce((n, p) => n + p.bytes, 0),
      partitions,
      freeBytes: freeBytes(this.dataDir),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.readers.closeAll();
    await this.writer.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new YaguraError('STORE_FAILED', 'The event store is closed');
  }

  private daySummary(
    day: string,
  ): { events: number; min_time: number | null; max_time: number | null } | undefined {
    const stmt = this.readers.statement(day, 'SELECT events, min_time, max_time FROM yg_day WHERE id = 1');
    return stmt?.get() as { events: number; min_time: number | null; max_time: number | null } | undefined;
  }

  /**
   * Up to `limit` rows of one day in page order. With several tenants each is read on its own and merged, so
   * every read walks the (tenant, time) index in order instead of sorting the whole range.
   */
  private pageOfDay(
    day: string,
    scope: SearchScope,
    query: QueryNode,
    cursor: Cursor | undefined,
    dir: 'ASC' | 'DESC',
    limit: number,
  ): StoredRow[] {
    const groups = scope.tenants.length > 1 ? splitScope(scope.tenants) : [scope.tenants];
    const rows: StoredRow[] = [];
    for (const tenants of groups) {
      const where: Where = scopedWhere({ ...scope, tenants }, query);
      if (cursor) {
        const after = afterCursor(cursor);
        where.sql += ` AND ${after.sql}`;
        where.params.push(...after.params);
      }
      const sql = `SELECT ${SELECT_COLUMNS} FROM events e WHERE ${where.sql} ORDER BY e.time ${dir}, e.rowid ${dir} LIMIT ?`;
      const stmt = this.readers.statement(day, sql);
      if (stmt) rows.push(...(stmt.all(...where.params, limit) as StoredRow[]));
    }
    if (groups.length === 1) return rows;
    const sign = dir === 'DESC' ? -1 : 1;
    rows.sort((a, b) => sign * (a.time - b.time || a.rowid - b.rowid));
    return rows.slice(0, limit);
  }

  private terms(scope: SearchScope & { query: QueryNode }, field: string, size: number): Bucket[] {
    const where = scopedWhere(scope, scope.query);
    const src = termsSource(field);
    const sql =
      `SELECT ${src.type} AS t, ${src.value} AS k, count(*) AS c FROM events e${src.join} ` +
      `WHERE ${where.sql} AND ${src.notNull} GROUP BY 1, 2`;
    const counts = new Map<string, Bucket>();
    for (const day of daysInRange(this.dataDir, scope.from, scope.to, 'asc')) {
      const stmt = this.readers.statement(day, sql);
      if (!stmt) continue;
      for (const r of stmt.all(...where.params) as { t: string; k: string | number; c: number }[]) {
        const key = r.t === 'true' ? true : r.t === 'false' ? false : r.k;
        const id = `${typeof key}:${String(key)}`;
        const b = counts.get(id);
        if (b) b.count += r.c;
        else counts.set(id, { key, count: r.c });
      }
    }
    return [...counts.values()]
      .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)))
      .slice(0, Math.max(0, size));
  }

  /** Epoch-aligned buckets, ascending; empty buckets are filled in when there are at most 10,000. */
  private histogram(scope: SearchScope & { query: QueryNode }, intervalMs: number): Bucket[] {
    assertInterval(intervalMs);
    const where = scopedWhere(scope, scope.query);
    const sql = `SELECT e.time - (e.time % ?) AS k, count(*) AS c FROM events e WHERE ${where.sql} GROUP BY 1`;
    const counts = new Map<number, number>();
    for (const day of daysInRange(this.dataDir, scope.from, scope.to, 'asc')) {
      const stmt = this.readers.statement(day, sql);
      if (!stmt) continue;
      for (const r of stmt.all(intervalMs, ...where.params) as { k: number; c: number }[]) {
        counts.set(r.k, (counts.get(r.k) ?? 0) + r.c);
      }
    }
    return filledBuckets(counts, scope, intervalMs);
  }

  /**
   * One GROUP BY (interval, value) per day file, counting the flagged events with a conditional sum in the same
   * pass. A column field gives each event one row, so the totals come from the series; a JSON field may give an
   * event several rows (arrays) or none, so its totals are counted apart.
   */
  private async histogramSplit(
    scope: SearchScope & { query: QueryNode },
    by: HistogramSplit,
  ): Promise<Omit<AggregateResult, 'tookMs'>> {
    assertInterval(by.intervalMs);
    const where = scopedWhere(scope, scope.query);
    const src = seriesSource(by.field);
    const flag = by.flag ? compileToSqlite(by.flag) : { sql: '0', params: [] };
    const sql =
      `SELECT e.time - (e.time % ?) AS b, ${src.type} AS t, ${src.value} AS k, count(*) AS c, ` +
      `sum(CASE WHEN (${flag.sql}) THEN 1 ELSE 0 END) AS f FROM events e${src.join} WHERE ${where.sql} GROUP BY 1, 2, 3`;
    const series = new Map<string, Series & { at: Map<number, { count: number; flagged: number }> }>();
    for (const day of daysInRange(this.dataDir, scope.from, scope.to, 'asc')) {
      const stmt = this.readers.statement(day, sql);
      if (!stmt) continue;
      const rows = stmt.all(by.intervalMs, ...flag.params, ...where.params) as {
        b: number;
        t: string | null;
        k: string | number | null;
        c: number;
        f: number;
      }[];
      for (const r of rows) {
        const key = r.t === 'true' ? true : r.t === 'false' ? false : r.k;
        const id = `${typeof key}:${String(key)}`;
        let s = series.get(id);
        if (!s) series.set(id, (s = { key, count: 0, flagged: 0, buckets: [], at: new Map() }));
        s.count += r.c;
        s.flagged += r.f;
        const b = s.at.get(r.b);
        if (b) {
          b.count += r.c;
          b.flagged += r.f;
        } else s.at.set(r.b, { count: r.c, flagged: r.f });
      }
    }
    const all = [...series.values()];
    let total: number;
    let flagged: number;
    let buckets: Bucket[];
    if (src.scalar) {
      total = all.reduce((n, s) => n + s.count, 0);
      flagged = all.reduce((n, s) => n + s.flagged, 0);
      const counts = new Map<number, number>();
      for (const s of all) for (const [k, b] of s.at) counts.set(k, (counts.get(k) ?? 0) + b.count);
      buckets = filledBuckets(counts, scope, by.intervalMs);
    } else {
      total = await this.count(scope);
      flagged = by.flag
        ? await this.count({ ...scope, query: { kind: 'and', children: [scope.query, by.flag] } })
        : 0;
      buckets = this.histogram(scope, by.intervalMs);
    }
    const top = all
      .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)))
      .slice(0, Math.max(0, by.size))
      .map(({ at, ...s }) => ({
        ...s,
        buckets: [...at.entries()].sort((a, b) => a[0] - b[0]).map(([key, b]) => ({ key, ...b })),
      }));
    return { buckets, total, flagged, series: top };
  }
}

function assertInterval(intervalMs: number): void {
  if (!Number.isInteger(intervalMs) || intervalMs < 1) {
    throw new YaguraError(
      'REQUEST_INVALID',
      'A histogram interval must be a positive whole number of milliseconds',
    );
  }
}

/** Counts by bucket start as ascending buckets, the empty ones filled in when there are at most 10,000. */
function filledBuckets(
  counts: Map<number, number>,
  scope: { from: number; to: number },
  intervalMs: number,
): Bucket[] {
  const first = scope.from - (((scope.from % intervalMs) + intervalMs) % intervalMs);
  if ((scope.to - first) / intervalMs <= MAX_HISTOGRAM_FILL) {
    for (let k = first; k < scope.to; k += intervalMs) if (!counts.has(k)) counts.set(k, 0);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([key, count]) => ({ key, count }));
}
