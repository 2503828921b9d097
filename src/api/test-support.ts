// Small real implementations of the app's dependencies for the API tests: an in-memory event store and a bounded sink.
import type { Event } from '../core/event.js';
import { newEventId, tenantId, type TenantId } from '../core/ids.js';
import type { IngestSink, RawMessage } from '../core/raw-message.js';
import { compilePredicate } from '../search/predicate.js';
import type {
  AggregateResult,
  Aggregation,
  EventStore,
  HistogramSplit,
  SearchPage,
  SearchRequest,
  SearchScope,
  Series,
  StoreStats,
} from '../store/event-store.js';
import { builtinField, canonicalField } from '../search/fields.js';
import type { QueryNode } from '../search/ast.js';
import { createHash } from 'node:crypto';
import { cliActor } from '../access/actor.js';
import { IngestTokenService } from '../access/ingest-token-service.js';
import { SessionService, type SessionOptions } from '../access/session-service.js';
import { TEST_HASH_COST } from '../access/test-support.js';
import { TenantService } from '../access/tenant-service.js';
import { TokenService } from '../access/token-service.js';
import { UserService, type UserServiceOptions } from '../access/user-service.js';
import { AuditLog } from '../audit/audit-log.js';
import { openStateDb, type StateDb } from '../state/database.js';
import { createMetrics, type YaguraMetrics } from '../telemetry/metrics.js';
import { buildApp } from './app.js';
import type { ApiAccess, AppDeps } from './deps.js';

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
    if (by.kind === 'histogram-split') return splitHistogram(events, by);
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

  async purgeTenant(tenant: TenantId, before: number): Promise<number> {
    const keep = this.events.filter((e) => e.tenant !== tenant || e.time >= before);
    const gone = this.events.length - keep.length;
    this.events.splice(0, this.events.length, ...keep);
    return gone;
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

/** The memory store's split histogram: sparse buckets, series keyed by each value of the field (null when missing). */
function splitHistogram(events: Event[], by: HistogramSplit): AggregateResult {
  const flag = by.flag ? compilePredicate(by.flag) : () => false;
  const field = canonicalField(by.field);
  const read = builtinField(field)?.read ?? ((e: Event) => e.fields[field]);
  const overall = new Map<number, number>();
  const series = new Map<string, Series>();
  let flagged = 0;
  for (const e of events) {
    const start = Math.floor(e.time / by.intervalMs) * by.intervalMs;
    const hit = flag(e) ? 1 : 0;
    overall.set(start, (overall.get(start) ?? 0) + 1);
    flagged += hit;
    const value = read(e);
    const keys = Array.isArray(value) ? (value.length > 0 ? value : [null]) : [value ?? null];
    for (const key of keys) {
      const id = `${typeof key}:${String(key)}`;
      let s = series.get(id);
      if (!s) series.set(id, (s = { key, count: 0, flagged: 0, buckets: [] }));
      s.count++;
      s.flagged += hit;
      let b = s.buckets.find((x) => x.key === start);
      if (!b) s.buckets.push((b = { key: start, count: 0, flagged: 0 }));
      b.count++;
      b.flagged += hit;
    }
  }
  const top = [...series.values()]
    .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)))
    .slice(0, by.size);
  for (const s of top) s.buckets.sort((a, b) => a.key - b.key);
  const buckets = [...overall].sort((a, b) => a[0] - b[0]).map(([key, count]) => ({ key, count }));
  return { buckets, total: events.length, flagged, series: top, tookMs: 0 };
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

/** A fixed admin API token the test access layer stores, so tests can call the API without signing in. */
export const ADMIN_TOKEN = `ygr_${'0'.repeat(15)}1_${'A'.repeat(43)}`;
export const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` } as const;

export interface TestAccess {
  access: ApiAccess;
  db: StateDb;
  /** The services' clock; tests move `clock.now`. */
  clock: { now: number };
  close(): Promise<void>;
}

export interface TestAccessOptions {
  /** The state database folder; in memory by default. */
  dataDir?: string;
  tenants?: readonly TenantId[];
  users?: UserServiceOptions;
  sessions?: SessionOptions;
  /** Start of the services' clock (default: the real time). */
  now?: number;
}

/** Real access services over a state database, with the tenants created and an admin holding ADMIN_TOKEN. */
export async function testAccess(options: TestAccessOptions = {}): Promise<TestAccess> {
  const db = await openStateDb({ dataDir: options.dataDir ?? ':memory:' });
  const clock = { now: options.now ?? Date.now() };
  const audit = new AuditLog(db, { now: () => clock.now });
  const deps = { db, audit, clock: () => clock.now };
  const access: ApiAccess = {
    audit,
    tenants: new TenantService(deps),
    users: new UserService(deps, { hashCost: TEST_HASH_COST, ...options.users }),
    tokens: new TokenService(deps),
    ingestTokens: new IngestTokenService(deps),
    sessions: new SessionService(deps, options.sessions),
  };
  const cli = cliActor();
  for (const id of options.tenants ?? TENANTS) await access.tenants.create(cli, { id, name: id });
  const admin = await access.users.create(cli, {
    username: 'admin',
    role: 'admin',
    password: 'plum-kettle-harbour-42',
  });
  const [, tokenId, secretPart] = ADMIN_TOKEN.split('_') as [string, string, string];
  await db
    .insertInto('api_tokens')
    .values({
      id: tokenId,
      user_id: admin.id,
      name: 'test admin',
      token_hash: createHash('sha256').update(secretPart).digest('hex'),
      prefix: ADMIN_TOKEN.slice(0, 25),
      scopes: null,
      expires_at: null,
      revoked_at: null,
      last_used_at: null,
      created_at: new Date(clock.now).toISOString(),
    })
    .execute();
  return { access, db, clock, close: () => db.destroy() };
}

export function testApp(overrides: Partial<AppDeps> = {}): {
  app: ReturnType<typeof buildApp>;
  sink: ArraySink;
  store: MemoryEventStore;
  metrics: YaguraMetrics;
} {
  const sink = overrides.sink instanceof ArraySink ? overrides.sink : new ArraySink();
  const store = overrides.store instanceof MemoryEventStore ? overrides.store : new MemoryEventStore();
  const metrics = overrides.metrics ?? createMetrics();
  const tenants = overrides.tenants ?? TENANTS;
  let opened: Promise<TestAccess> | undefined;
  const access = overrides.access ?? (opened = testAccess({ tenants })).then((t) => t.access);
  const app = buildApp({ store, sink, metrics, tenants, config: {}, access, ...overrides });
  if (opened) {
    const pending = opened;
    app.addHook('onClose', async () => (await pending).close());
  }
  return { app, sink, store, metrics };
}
