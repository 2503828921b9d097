// Findings kept in the state database: written as detection produces them, listed per tenant, and followed live.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.js';
import { authorize, tenantScope } from '../access/permissions.js';
import type { Event, FieldValue } from '../core/event.js';
import type { TenantId } from '../core/ids.js';
import type { CorrelationHit, Finding, FindingKind, IntelHit } from '../detect/finding.js';
import type { Level } from '../detect/sigma/rule.js';
import type { StateTables } from '../state/tables.js';

/** A finding as stored and served: the events by id (they are in the event store), not whole. */
export interface StoredFinding {
  id: string;
  tenant: string;
  kind: FindingKind;
  rule: { id: string; title: string; level: Level; author?: string; tags: string[] };
  time: number;
  createdAt: number;
  eventIds: string[];
  matched: Record<string, FieldValue>;
  intel?: IntelHit;
  correlation?: CorrelationHit;
}

export interface FindingQuery {
  tenants?: readonly string[];
  from?: number;
  to?: number;
  kind?: FindingKind;
  level?: Level;
  ruleId?: string;
  ids?: readonly string[];
  limit: number;
  /** The previous page's last finding, as `${time}:${id}`. */
  cursor?: string;
}

type Listener = (findings: readonly StoredFinding[]) => void;

/** A stored finding with the events it matched, for stages inside the server (the alert stage). */
export interface RecordedFinding {
  stored: StoredFinding;
  events: Event[];
}

type RecordedListener = (batch: readonly RecordedFinding[]) => void;

interface Detail {
  author?: string;
  tags: string[];
  matched: Record<string, FieldValue>;
  intel?: IntelHit;
  correlation?: CorrelationHit;
}

export class FindingsService {
  private readonly listeners = new Set<Listener>();
  private readonly stages = new Set<RecordedListener>();
  private recorded = 0;

  constructor(
    private readonly db: Kysely<StateTables>,
    private readonly knownTenants: () => readonly TenantId[],
    private readonly now: () => number = Date.now,
  ) {}

  get total(): number {
    return this.recorded;
  }

  /** Stores the findings of a batch in one transaction and tells the listeners. Detection's own write: no actor. */
  async record(findings: readonly Finding[]): Promise<StoredFinding[]> {
    if (findings.length === 0) return [];
    const createdAt = this.now();
    const stored = findings.map((f) => toStored(f, createdAt));
    await this.db.transaction().execute(async (trx) => {
      // SQLite allows 32k bound values a statement; 10 columns a row.
      for (let i = 0; i < stored.length; i += 500) {
        await trx
          .insertInto('findings')
          .values(stored.slice(i, i + 500).map(toRow))
          .execute();
      }
    });
    this.recorded += stored.length;
    for (const listener of this.listeners) listener(stored);
    if (this.stages.size > 0) {
      const batch = stored.map((s, i) => ({ stored: s, events: findings[i]!.events }));
      for (const stage of this.stages) stage(batch);
    }
    return stored;
  }

  /** Newest first, within the tenants the actor may read. */
  async list(actor: Actor, query: FindingQuery): Promise<{ findings: StoredFinding[]; next?: string }> {
    const scope = tenantScope(actor, query.tenants, this.knownTenants());
    for (const t of scope) authorize(actor, 'findings:read', t);
    let q = this.db
      .selectFrom('findings')
      .selectAll()
      .where('tenant', 'in', [...scope]);
    if (query.from !== undefined) q = q.where('time', '>=', query.from);
    if (query.to !== undefined) q = q.where('time', '<', query.to);
    if (query.kind) q = q.where('kind', '=', query.kind);
    if (query.level) q = q.where('level', '=', query.level);
    if (query.ruleId) q = q.where('rule_id', '=', query.ruleId);
    if (query.ids) q = q.where('id', 'in', query.ids.length > 0 ? [...query.ids] : ['']);
    if (query.cursor) {
      const [time, id] = parseCursor(query.cursor);
      q = q.where((eb) => eb.or([eb('time', '<', time), eb.and([eb('time', '=', time), eb('id', '<', id)])]));
    }
    const rows = await q
      .orderBy('time', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit).map(fromRow);
    const last = page.at(-1);
    return rows.length > query.limit && last
      ? { findings: page, next: `${last.time}:${last.id}` }
      : { findings: page };
  }

  /**
   * Calls `listener` with each stored batch, narrowed to the tenants the actor may read; returns the unsubscribe.
   * Permission is checked now, for every tenant the actor has.
   */
  follow(actor: Actor, tenants: readonly string[] | undefined, listener: Listener): () => void {
    const scope = tenantScope(actor, tenants, this.knownTenants());
    for (const t of scope) authorize(actor, 'findings:read', t);
    const allowed = new Set<string>(scope);
    const narrowed: Listener = (batch) => {
      const mine = batch.filter((f) => allowed.has(f.tenant));
      if (mine.length > 0) listener(mine);
    };
    this.listeners.add(narrowed);
    return () => this.listeners.delete(narrowed);
  }

  /** For the alert stage inside the server: every stored batch, all tenants, with the matched events. */
  onRecorded(listener: RecordedListener): () => void {
    this.stages.add(listener);
    return () => this.stages.delete(listener);
  }
}

function parseCursor(cursor: string): [number, string] {
  const at = cursor.indexOf(':');
  const time = Number(cursor.slice(0, at));
  if (at < 1 || !Number.isFinite(time)) return [Number.MAX_SAFE_INTEGER, ''];
  return [time, cursor.slice(at + 1)];
}

function toStored(f: Finding, createdAt: number): StoredFinding {
  return {
    id: randomUUID(),
    tenant: f.tenant,
    kind: f.kind,
    rule: { ...f.rule },
    time: f.time,
    createdAt,
    eventIds: f.events.map((e) => e.id),
    matched: f.matched,
    ...(f.intel ? { intel: f.intel } : {}),
    ...(f.correlation ? { correlation: f.correlation } : {}),
  };
}

function toRow(f: StoredFinding): StateTables['findings'] {
  const detail: Detail = {
    ...(f.rule.author !== undefined ? { author: f.rule.author } : {}),
    tags: f.rule.tags,
    matched: f.matched,
    ...(f.intel ? { intel: f.intel } : {}),
    ...(f.correlation ? { correlation: f.correlation } : {}),
  };
  return {
    id: f.id,
    tenant: f.tenant,
    kind: f.kind,
    rule_id: f.rule.id,
    rule_title: f.rule.title,
    level: f.rule.level,
    time: f.time,
    created_at: f.createdAt,
    event_ids: JSON.stringify(f.eventIds),
    detail: JSON.stringify(detail),
  };
}

function fromRow(row: StateTables['findings']): StoredFinding {
  const detail = JSON.parse(row.detail) as Detail;
  return {
    id: row.id,
    tenant: row.tenant,
    kind: row.kind,
    rule: {
      id: row.rule_id,
      title: row.rule_title,
      level: row.level as Level,
      ...(detail.author !== undefined ? { author: detail.author } : {}),
      tags: detail.tags,
    },
    time: row.time,
    createdAt: row.created_at,
    eventIds: JSON.parse(row.event_ids) as string[],
    matched: detail.matched,
    ...(detail.intel ? { intel: detail.intel } : {}),
    ...(detail.correlation ? { correlation: detail.correlation } : {}),
  };
}
