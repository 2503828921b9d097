// Test fixtures for the contacts, communications and inquiry services: the real state database with two tenants
// and the real audit log, a small incident table standing in for the incident service (lookup, timeline, creator).
import { sql } from 'kysely';
import type { Actor, Role } from '../../access/actor.js';
import { accessFixture } from '../../access/test-support.js';
import { AuditLog } from '../../audit/audit-log.js';
import type { TenantId } from '../../core/ids.js';
import type { StateDb } from '../../state/database.js';
import type { TriageDeps } from '../../triage/service-support.js';
import type {
  IncidentCreator,
  IncidentFacts,
  IncidentFactsReader,
  IncidentFromInquiry,
  IncidentLookup,
  TimelineEntryInput,
  TimelineWriter,
} from '../case-support.js';

export const T0 = Date.parse('2025-04-01T00:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

export interface StoredTimelineEntry {
  id: string;
  incident_id: string;
  kind: string;
  summary: string;
  ref_id: string | null;
}

/** Incidents in a test table; timeline entries written in the caller's transaction, like the incident service's. */
export class FakeIncidents implements IncidentLookup, TimelineWriter, IncidentCreator, IncidentFactsReader {
  private next = 0;
  /** Set to make the next append throw after writing (to test that the caller's transaction rolls back). */
  failNextAppend = false;
  readonly created: IncidentFromInquiry[] = [];

  constructor(private readonly db: StateDb) {}

  async setUp(): Promise<void> {
    await sql`create table test_incidents (id text primary key, tenant text not null, title text not null)`.execute(
      this.db,
    );
    await sql`create table test_timeline (id text primary key, incident_id text not null, tenant text not null,
      kind text not null, summary text not null, ref_id text)`.execute(this.db);
  }

  async add(tenant: string, title = 'Ransomware on a file server'): Promise<string> {
    const id = `inc${++this.next}`;
    await sql`insert into test_incidents (id, tenant, title) values (${id}, ${tenant}, ${title})`.execute(
      this.db,
    );
    return id;
  }

  async tenantOf(incidentId: string): Promise<string | undefined> {
    const { rows } = await sql<{
      tenant: string;
    }>`select tenant from test_incidents where id = ${incidentId}`.execute(this.db);
    return rows[0]?.tenant;
  }

  async factsOf(incidentId: string): Promise<IncidentFacts | undefined> {
    const { rows } = await sql<{ tenant: string; title: string }>`select tenant, title from test_incidents
      where id = ${incidentId}`.execute(this.db);
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: incidentId,
      tenant: row.tenant,
      ref: 'INC-2025-0007',
      title: row.title,
      category: 'malware',
      severity: 'high',
      priority: 'P1',
      tlp: 'amber',
      createdAt: T0,
    };
  }

  async append(trx: StateDb, entry: TimelineEntryInput): Promise<string> {
    const id = `tl${++this.next}`;
    await sql`insert into test_timeline (id, incident_id, tenant, kind, summary, ref_id)
      values (${id}, ${entry.incidentId}, ${entry.tenant}, ${entry.kind}, ${entry.summary}, ${entry.ref?.id ?? null})`.execute(
      trx,
    );
    if (this.failNextAppend) {
      this.failNextAppend = false;
      throw new Error('timeline write failed');
    }
    return id;
  }

  async createFromInquiry(
    _actor: Actor,
    trx: StateDb | undefined,
    input: IncidentFromInquiry,
  ): Promise<{ id: string }> {
    const id = `inc${++this.next}`;
    await sql`insert into test_incidents (id, tenant, title) values (${id}, ${input.tenant}, ${input.title})`.execute(
      trx ?? this.db,
    );
    this.created.push(input);
    return { id };
  }

  async timeline(incidentId?: string): Promise<StoredTimelineEntry[]> {
    const { rows } =
      await sql<StoredTimelineEntry>`select id, incident_id, kind, summary, ref_id from test_timeline
      where ${incidentId ?? null} is null or incident_id = ${incidentId ?? null} order by rowid`.execute(
        this.db,
      );
    return rows;
  }
}

export interface CaseFixture {
  db: StateDb;
  deps: TriageDeps;
  audit: AuditLog;
  clock: { now: number };
  incidents: FakeIncidents;
  cli: Actor;
  user(name: string, role: Role, tenants: string[]): Promise<Actor>;
  auditActions(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function caseFixture(): Promise<CaseFixture> {
  const access = await accessFixture();
  const { db, clock, cli } = access;
  clock.now = T0;
  await access.tenants.create(cli, { name: 'Acme', id: 'acme', timeZone: 'Asia/Tokyo', language: 'ja' });
  await access.tenants.create(cli, { name: 'Globex', id: 'globex' });
  const audit = new AuditLog(db, { now: () => clock.now });
  const deps: TriageDeps = {
    db,
    audit,
    knownTenants: () => ['acme', 'globex'] as TenantId[],
    clock: () => clock.now,
  };
  const incidents = new FakeIncidents(db);
  await incidents.setUp();
  return {
    db,
    deps,
    audit,
    clock,
    incidents,
    cli,
    user: (name, role, tenants) => access.signIn(name, role, tenants),
    async auditActions(prefix) {
      const page = await audit.query({ tenants: 'all', limit: 1000, action: prefix });
      return page.entries.reverse().map((e) => `${e.action}:${e.outcome}`);
    },
    close: () => access.close(),
  };
}
