// The event store boundary: the embedded SQLite store and (later) ClickHouse implement it alike.
import type { Event } from '../core/event.js';
import type { TenantId } from '../core/ids.js';
import type { QueryNode } from '../search/ast.js';
import type { TenantScope } from './tenant-scope.js';

export { systemScope, type TenantScope } from './tenant-scope.js';

/** Which events a caller may see and which time range it asks about. A query without a scope cannot be written. */
export interface SearchScope {
  /** Tenants the caller may read; never empty, and only `tenantScope()` or `systemScope()` make one. */
  tenants: TenantScope;
  /** Inclusive lower bound, epoch ms. */
  from: number;
  /** Exclusive upper bound, epoch ms. */
  to: number;
}

export interface SearchRequest extends SearchScope {
  query: QueryNode;
  /** Page size, 1..10000. */
  limit: number;
  /** Opaque cursor from the previous page's `next`. */
  cursor?: string;
  /** Newest first (default) or oldest first. */
  order?: 'desc' | 'asc';
}

export interface SearchPage {
  events: Event[];
  /** Cursor for the next page, absent on the last one. */
  next?: string;
  /** Milliseconds the store spent. */
  tookMs: number;
}

export type Aggregation =
  { kind: 'terms'; field: string; size: number } | { kind: 'histogram'; intervalMs: number } | HistogramSplit;

/**
 * A histogram per value of a field (one series per value, events without the field in the series keyed null), for
 * the `size` values with the most events. Events that also match `flag` are counted apart (`flagged`) in every
 * bucket, series and total, in the same pass.
 */
export interface HistogramSplit {
  kind: 'histogram-split';
  intervalMs: number;
  field: string;
  size: number;
  flag?: QueryNode;
}

export interface Bucket {
  /** A field value (terms) or the bucket start in epoch ms (histogram). */
  key: string | number | boolean | null;
  count: number;
}

export interface AggregateResult {
  /** Terms: the top values. Histograms (split ones too): every matching event per interval, ascending. */
  buckets: Bucket[];
  /** Events that matched in all (terms: including those outside the top N). */
  total: number;
  /** histogram-split: matching events that also match `flag`. */
  flagged?: number;
  /** histogram-split: the series, most events first (ties by key). */
  series?: Series[];
  tookMs: number;
}

/** One value's histogram; its buckets hold only the intervals that have events, ascending. */
export interface Series {
  key: Bucket['key'];
  count: number;
  flagged: number;
  buckets: { key: number; count: number; flagged: number }[];
}

export interface StoreStats {
  events: number;
  bytes: number;
  /** One entry per partition (a day file for the embedded store). */
  partitions: { name: string; from: number; to: number; bytes: number; events: number }[];
  freeBytes?: number;
}

export interface EventStore {
  /** Writes a batch durably; resolves once it is committed. */
  append(batch: Event[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchPage>;
  count(scope: SearchScope & { query: QueryNode }): Promise<number>;
  aggregate(scope: SearchScope & { query: QueryNode }, by: Aggregation): Promise<AggregateResult>;
  /** Drops partitions that end before `before` (epoch ms); returns how many events went. */
  prune(before: number): Promise<number>;
  /** Deletes one tenant's events older than `before` (its own retention, shorter than the store's); returns how many went. */
  purgeTenant(tenant: TenantId, before: number): Promise<number>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
