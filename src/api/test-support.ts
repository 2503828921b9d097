// Small real implementations of the app's dependencies for the API tests: an in-memory event store and a bounded sink.
import type { Event } from '../core/event.js';
import { newEventId, tenantId, type TenantId } from '../core/ids.js';
import type { IngestSink, RawMessage } from '../core/raw-message.js';
import { compilePredicate } from '../search/predicate.js';
import type {
  AggregateResult,
  Aggregation,
  EventStore,
  SearchPage,
  SearchRequest,
  SearchScope,
  StoreStats,
} from '../store/event-store.js';
import type { QueryNode } from '../search/ast.js';
import { createMetrics, type YaguraMetrics } from '../telemetry/metrics.js';
import { buildApp } from './app.js';
import type { AppDeps } from './deps.js';

/** A sink holding messages in an array; full at `capacity`, like the real queue's high-water mark. */
export class ArraySink implements IngestSink {
  readonly messages: RawMessage[] = [];
  closing = false;
  readonly drops: { input: string; count: number; reason: string }[] = [];

  constructor(public capacity = 1_000_000) {}

  get full(): boolean {
    return this.messages.length >= this.capacity;
  }

  push(messages: RawMessage[]): boolean {
    this.messages.push(...messages);
    return !this.full;
  }

  onDrain(): () => void {
    return () => {};
  }

  dropped(input: string, count: number, reason: string): void {
    this.drops.push({ input, count, reason });
  }
}

/** Filters by tenant, time and the query with the search module's own predicate; the cursor is an offset. */
export class MemoryEventStore implements EventStore {
  readonly events: Event[] = [];
  failing: Error | undefined;

  async append(batch: Event[]): Promise<void> {
    this.events.push(...batch);
  }

  private matching(scope: SearchScope & { query: QueryNode }): Event[] {
    if (this.failing) throw this.failing;
    const predicate = compilePredicate(scope.query);
    return this.events.filter(
      (e) => scope.tenants.includes(e.tenant) && e.time >= scope.from && e.time < scope.to && predicate(e),
    );
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const sorted = this.matching(request).sort((a, b) =>
      request.order === 'asc' ? a.time - b.time : b.time - a.time,
    );
    const offset = request.cursor ? Number(request.cursor) : 0;
    const events = sorted.slice(offset, offset + request.limit);
    const end = offset + events.length;
    return end < sorted.length ? { events, next: String(end), tookMs: 0 } : { events, tookMs: 0 };
  }

  async count(scope: SearchScope & { query: QueryNode }): Promise<number> {
    return this.matching(scope).length;
  }

  async aggregate(scope: SearchScope & { query: QueryNode }, by: Aggregation): Promise<AggregateResult> {
    const events = this.matching(scope);
    const counts = new Map<string | number, number>();
    for (const e of events) {
      const key =
        by.kind === 'histogram' ? Math.floor(e.time / by.intervalMs) * by.intervalMs : e.fields[by.field];
      if (key === undefined || key === null || typeof key === 'boolean' || Array.isArray(key)) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const buckets = [...counts].map(([key, count]) => ({ key, count }));
    if (by.kind === 'terms') buckets.sort((a, b) => b.count - a.count).splice(by.size);
    else buckets.sort((a, b) => (a.key as number) - (b.key as number));
    return { buckets, total: events.length, tookMs: 0 };
  }

  async prune(before: number): Promise<number> {
    const keep = this.events.filter((e) => e.time >= before);
    const gone = this.events.length - keep.length;
    this.events.splice(0, this.events.length, ...keep);
    return gone;
  }

  async stats(): Promise<StoreStats> {
    if (this.failing) throw this.failing;
    return { events: this.events.length, bytes: JSON.stringify(this.events).length, partitions: [] };
  }

  async close(): Promise<void> {}
}

export function testEvent(tenant: string, time: number, fields: Event['fields'], raw?: string): Event {
  const e: Event = {
    id: newEventId(time),
    tenant: tenantId(tenant),
    time,
    receivedAt: time,
    logsource: {},
    fields,
  };
  if (raw !== undefined) e.raw = raw;
  return e;
}

export const TENANTS: TenantId[] = [tenantId('acme'), tenantId('globex')];

export function testApp(overrides: Partial<AppDeps> = {}): {
  app: ReturnType<typeof buildApp>;
  sink: ArraySink;
  store: MemoryEventStore;
  metrics: YaguraMetrics;
} {
  const sink = overrides.sink instanceof ArraySink ? overrides.sink : new ArraySink();
  const store = overrides.store instanceof MemoryEventStore ? overrides.store : new MemoryEventStore();
  const metrics = overrides.metrics ?? createMetrics();
  const app = buildApp({ store, sink, metrics, tenants: TENANTS, config: {}, ...overrides });
  return { app, sink, store, metrics };
}
