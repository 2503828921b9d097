// The alert stage's hot path: each stored finding is suppressed by an allow-list rule or placed in an alert group,
// in memory; what changed is written to the state database in batches (write-behind).
import type { Event } from '../core/event.js';
import type { RecordedFinding, StoredFinding } from '../detection/findings-service.js';
import type { StateDb } from '../state/database.js';
import { entityKey, entityOf, type Entity } from './entity.js';
import {
  OpenAlerts,
  SAMPLE_FIRST,
  samplesOf,
  type Assessment,
  type OpenAlert,
  type Placement,
} from './open-alerts.js';
import { newRecordId } from './service-support.js';
import { subjectOf } from './subject.js';
import { BatchStatement } from './batch-statement.js';
import type { AlertsTable, FindingTriageTable } from './tables.js';

/** Decides whether an allow-list rule suppresses a finding (AllowlistService implements it). */
export interface Suppressor {
  /** The id of the rule that suppresses the finding (its hit counted), or undefined. */
  suppress(finding: StoredFinding, events: readonly Event[], now: number): string | undefined;
}

/** Finds the assets behind a new alert (AssetService implements it). */
export interface AlertAssessor {
  assess(placement: Placement): Assessment;
}

export interface AlertIngestOptions {
  windowMs: (tenant: string) => number;
  clock: () => number;
  /**
   * Background flushes write the counters of alerts already stored at most this often (default 1000 ms of
   * monotonic time); new alerts and triage marks go out at every flush. A busy alert takes findings from many
   * batches: rewriting its row for each one cost more than the marks themselves.
   */
  alertUpdateEveryMs?: number;
  monotonic?: () => number;
  suppressor?: Suppressor;
  assessor?: AlertAssessor;
  newId?: () => string;
}

export interface TriageRow {
  finding: StoredFinding;
  events: readonly Event[];
  entity: Entity;
  alertId: string | null;
  suppressedBy: string | null;
}

export interface IngestCounts {
  findings: number;
  suppressed: number;
  alertsCreated: number;
}

const TRIAGE_COLUMNS = [
  'finding_id',
  'tenant',
  'rule_id',
  'time',
  'alert_id',
  'suppressed_by',
  'subject',
] as const satisfies readonly (keyof FindingTriageTable)[];

// SQLite binds at most 32,766 values a statement: 7 x 2000 and 31 x 300 stay well below.
const insertTriage = new BatchStatement<FindingTriageTable>(
  TRIAGE_COLUMNS,
  (db, rows) => db.insertInto('finding_triage').values(rows),
  2000,
);

const ALERT_COLUMNS = [
  'id',
  'tenant',
  'rule_id',
  'rule_title',
  'rule_level',
  'kind',
  'group_key',
  'host_name',
  'user_name',
  'source_ip',
  'destination_ip',
  'status',
  'resolution',
  'severity',
  'severity_level',
  'criticality',
  'asset_ids',
  'intel_hits',
  'finding_count',
  'event_count',
  'first_seen',
  'last_seen',
  'window_start',
  'window_end',
  'sample_event_ids',
  'assignee',
  'created_at',
  'updated_at',
  'acknowledged_at',
  'escalated_at',
  'resolved_at',
  'closed_at',
] as const satisfies readonly (keyof AlertsTable)[];

// New alerts are inserted; alerts written before get their counters only (status, assignee and the analysts'
// timestamps are theirs), in the same multi-row statement.
const upsertAlerts = new BatchStatement<AlertsTable>(
  ALERT_COLUMNS,
  (db, rows) =>
    db
      .insertInto('alerts')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          severity: eb.ref('excluded.severity'),
          severity_level: eb.ref('excluded.severity_level'),
          intel_hits: eb.ref('excluded.intel_hits'),
          finding_count: eb.ref('excluded.finding_count'),
          event_count: eb.ref('excluded.event_count'),
          first_seen: eb.ref('excluded.first_seen'),
          last_seen: eb.ref('excluded.last_seen'),
          sample_event_ids: eb.ref('excluded.sample_event_ids'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      ),
  300,
);

const SWEEP_EVERY = 50_000;

export class AlertIngest {
  readonly open: OpenAlerts;
  private rows: TriageRow[] = [];
  private created = new Set<OpenAlert>();
  private dirty = new Set<OpenAlert>();
  private chain: Promise<void> = Promise.resolve();
  private sinceSweep = 0;
  private lastAlertUpdate = Number.NEGATIVE_INFINITY;
  readonly counts: IngestCounts = { findings: 0, suppressed: 0, alertsCreated: 0 };

  constructor(
    private readonly db: StateDb,
    private readonly options: AlertIngestOptions,
  ) {
    const assessor = options.assessor;
    this.open = new OpenAlerts({
      windowMs: options.windowMs,
      newId: options.newId ?? newRecordId,
      assess: assessor ? (p) => assessor.assess(p) : () => ({ assetIds: [] }),
    });
  }

  /** Findings (and alerts) waiting to be written. */
  get pending(): number {
    return this.rows.length;
  }

  /** Synchronous and in memory: the findings' triage marks and alert changes wait for the next flush. */
  ingest(batch: readonly RecordedFinding[]): void {
    const now = this.options.clock();
    const suppressor = this.options.suppressor;
    for (const { stored, events } of batch) {
      this.counts.findings++;
      const entity = entityOf(stored, events);
      const suppressedBy = suppressor?.suppress(stored, events, now);
      let alertId: string | null = null;
      if (suppressedBy === undefined) {
        const { alert, created } = this.open.place(
          {
            tenant: stored.tenant,
            ruleId: stored.rule.id,
            ruleTitle: stored.rule.title,
            level: stored.rule.level,
            kind: stored.kind,
            time: stored.time,
            eventIds: stored.eventIds,
            intel: stored.kind === 'intel' || stored.intel !== undefined,
            entity,
            entityKey: entityKey(entity),
            firstEvent: events[0],
          },
          now,
        );
        alertId = alert.id;
        if (created) {
          this.created.add(alert);
          this.counts.alertsCreated++;
        } else this.dirty.add(alert);
      } else this.counts.suppressed++;
      this.rows.push({ finding: stored, events, entity, alertId, suppressedBy: suppressedBy ?? null });
    }
    this.sinceSweep += batch.length;
    if (this.sinceSweep >= SWEEP_EVERY) {
      this.sinceSweep = 0;
      this.open.sweep(now);
    }
  }

  /**
   * Writes what is pending in one transaction; flushes run one after another. A failed batch is kept for the next.
   * `all: false` (background flushes) may leave counter updates of stored alerts for a later flush.
   */
  flush(all = true): Promise<void> {
    const run = this.chain.then(() => this.write(all));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Hands over what is pending and starts afresh (the writer's snapshot; a bench discards it). */
  takePending(withDirty = true): { rows: TriageRow[]; created: Set<OpenAlert>; dirty: Set<OpenAlert> } {
    const taken = {
      rows: this.rows,
      created: this.created,
      dirty: withDirty ? this.dirty : new Set<OpenAlert>(),
    };
    this.rows = [];
    this.created = new Set();
    if (withDirty) this.dirty = new Set();
    return taken;
  }

  private async write(all: boolean): Promise<void> {
    if (this.rows.length === 0 && this.created.size === 0 && this.dirty.size === 0) return;
    const monotonic = this.options.monotonic ?? performance.now.bind(performance);
    const withDirty = all || monotonic() - this.lastAlertUpdate >= (this.options.alertUpdateEveryMs ?? 1000);
    const { rows, created, dirty } = this.takePending(withDirty);
    if (withDirty) this.lastAlertUpdate = monotonic();
    // A new alert that took more findings is written whole: drop it from the deferred updates.
    if (!withDirty) for (const a of created) this.dirty.delete(a);
    const now = this.options.clock();
    // Values are read now, synchronously: ingest may change the alerts while the transaction runs.
    const alerts = [...created, ...[...dirty].filter((a) => !created.has(a))].map((a) => alertRow(a, now));
    const triage = rows.map((r): FindingTriageTable => ({
      finding_id: r.finding.id,
      tenant: r.finding.tenant,
      rule_id: r.finding.rule.id,
      time: r.finding.time,
      alert_id: r.alertId,
      suppressed_by: r.suppressedBy,
      subject: JSON.stringify(subjectOf(r.finding, r.events, r.entity)),
    }));
    try {
      await this.db.transaction().execute(async (trx) => {
        await upsertAlerts.run(trx, alerts);
        await insertTriage.run(trx, triage);
      });
    } catch (error) {
      this.rows = rows.concat(this.rows);
      for (const a of created) this.created.add(a);
      for (const a of dirty) this.dirty.add(a);
      throw error;
    }
  }
}

function alertRow(a: OpenAlert, now: number): AlertsTable {
  return {
    id: a.id,
    tenant: a.tenant,
    rule_id: a.ruleId,
    rule_title: a.ruleTitle,
    rule_level: a.level,
    kind: a.kind,
    group_key: a.key,
    host_name: a.entity['host.name'] ?? null,
    user_name: a.entity['user.name'] ?? null,
    source_ip: a.entity['source.ip'] ?? null,
    destination_ip: a.entity['destination.ip'] ?? null,
    status: 'new',
    resolution: null,
    severity: a.severity.score,
    severity_level: a.severity.level,
    criticality: a.criticality,
    asset_ids: JSON.stringify(a.assetIds),
    intel_hits: a.intelHits,
    finding_count: a.findings,
    event_count: a.events,
    first_seen: a.firstSeen,
    last_seen: a.lastSeen,
    window_start: a.windowStart,
    window_end: a.windowEnd,
    sample_event_ids: JSON.stringify(samplesOf(a)),
    assignee: null,
    created_at: a.createdAt,
    updated_at: now,
    acknowledged_at: null,
    escalated_at: null,
    resolved_at: null,
    closed_at: null,
  };
}

/** An open alert as the database holds it, back into memory (at start-up). */
export function openAlertOf(row: AlertsTable, touchedAt: number): OpenAlert {
  const samples = JSON.parse(row.sample_event_ids) as string[];
  const entity: OpenAlert['entity'] = {};
  if (row.host_name !== null) entity['host.name'] = row.host_name;
  if (row.user_name !== null) entity['user.name'] = row.user_name;
  if (row.source_ip !== null) entity['source.ip'] = row.source_ip;
  if (row.destination_ip !== null) entity['destination.ip'] = row.destination_ip;
  return {
    id: row.id,
    tenant: row.tenant,
    ruleId: row.rule_id,
    ruleTitle: row.rule_title,
    level: row.rule_level as OpenAlert['level'],
    kind: row.kind,
    key: row.group_key,
    entityKey: entityKey(entity),
    entity,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    findings: row.finding_count,
    events: row.event_count,
    intelHits: row.intel_hits,
    firstSamples: samples.slice(0, SAMPLE_FIRST),
    lastSamples: samples.slice(SAMPLE_FIRST),
    criticality: row.criticality,
    assetIds: JSON.parse(row.asset_ids) as string[],
    severity: { score: row.severity, level: row.severity_level as OpenAlert['severity']['level'] },
    createdAt: row.created_at,
    touchedAt,
  };
}
