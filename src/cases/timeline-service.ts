// The incident timeline: listed with filters (kinds, a time range), manual entries with an event time apart from the
// time recorded, comments, and a CSV export. Comments live on the timeline rather than in a table of their own: they
// are part of the case's story in order, and one list, one filter and one export cover them.
import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { TriageDeps } from '../triage/service-support.js';
import { TIMELINE_KINDS, type TimelineKind } from './case-support.js';
import { incidentRef, toTimelineEntry, type TimelineEntry } from './incident-model.js';
import {
  actorRef,
  appendTimeline,
  auditIncident,
  checkText,
  checkTime,
  nowOf,
  permitIncident,
  touchIncident,
} from './incident-support.js';
import { csvCell } from './observables/csv.js';

export interface TimelineFilter {
  kinds?: readonly TimelineKind[];
  /** On the entry's time (its event time when it has one, else when it was recorded): from inclusive, to exclusive. */
  from?: number;
  to?: number;
}

export interface ManualEntry {
  summary: string;
  /** When it happened; when recorded is now. */
  eventTime?: number;
  details?: Record<string, unknown>;
}

export const TIMELINE_MAX = 10_000;

/** The time an entry sorts and filters on: when it happened if known, else when it was recorded. */
const entryTime = sql<number>`coalesce(event_time, recorded_at)`;

export class IncidentTimelineService {
  constructor(private readonly deps: TriageDeps) {}

  /** In time order (event time where known), oldest first. */
  async list(actor: Actor, incidentId: string, filter: TimelineFilter = {}): Promise<TimelineEntry[]> {
    await permitIncident(this.deps, actor, 'incidents:read', incidentId, 'incident.timeline.list');
    for (const kind of filter.kinds ?? []) {
      if (!(TIMELINE_KINDS as readonly string[]).includes(kind)) {
        throw new YaguraError(
          'REQUEST_INVALID',
          `kind must be one of ${TIMELINE_KINDS.join(', ')}, not "${kind}"`,
        );
      }
    }
    let q = this.deps.db.selectFrom('incident_timeline').selectAll().where('incident_id', '=', incidentId);
    if (filter.kinds?.length) q = q.where('kind', 'in', [...filter.kinds]);
    if (filter.from !== undefined) q = q.where(entryTime, '>=', filter.from);
    if (filter.to !== undefined) q = q.where(entryTime, '<', filter.to);
    const rows = await q
      .orderBy(entryTime)
      .orderBy('recorded_at')
      .orderBy('id')
      .limit(TIMELINE_MAX)
      .execute();
    return rows.map(toTimelineEntry);
  }

  /** A manual entry: something that happened (a call, an observation) at `eventTime`, recorded now. */
  async add(actor: Actor, incidentId: string, entry: ManualEntry): Promise<TimelineEntry> {
    const row = await permitIncident(
      this.deps,
      actor,
      'incidents:manage',
      incidentId,
      'incident.timeline.add',
    );
    const summary = checkText(entry.summary, 'The summary');
    const eventTime = entry.eventTime === undefined ? undefined : checkTime(entry.eventTime, 'eventTime');
    if (entry.details !== undefined && JSON.stringify(entry.details).length > 20_000) {
      throw new YaguraError('REQUEST_INVALID', 'The details may take at most 20000 characters as JSON');
    }
    return this.write(actor, row, 'manual', summary, 'incident.timeline.add', {
      ...(eventTime !== undefined ? { eventTime } : {}),
      ...(entry.details ? { details: entry.details } : {}),
    });
  }

  /** A comment (the customer's CSIRT may comment too: incidents:comment). */
  async comment(actor: Actor, incidentId: string, text: string): Promise<TimelineEntry> {
    const row = await permitIncident(this.deps, actor, 'incidents:comment', incidentId, 'incident.comment');
    const body = checkText(text, 'A comment', 10_000);
    return this.write(actor, row, 'comment', body, 'incident.comment', {});
  }

  /**
   * The timeline as CSV (RFC 4180, CRLF, a UTF-8 byte order mark for Excel): times in ISO 8601 UTC, cells that
   * would start a formula neutralized (csv.ts).
   */
  async csv(
    actor: Actor,
    incidentId: string,
    filter: TimelineFilter = {},
  ): Promise<{ filename: string; text: string }> {
    const row = await permitIncident(
      this.deps,
      actor,
      'incidents:read',
      incidentId,
      'incident.timeline.export',
    );
    const entries = await this.list(actor, incidentId, filter);
    const header = ['event_time', 'recorded_at', 'kind', 'summary', 'actor', 'ref_type', 'ref_id'];
    const lines = [header.map(csvCell).join(',')];
    for (const e of entries) {
      lines.push(
        [
          e.eventTime === null ? null : new Date(e.eventTime),
          new Date(e.recordedAt),
          e.kind,
          e.summary,
          e.actor.name,
          e.ref?.type,
          e.ref?.id,
        ]
          .map(csvCell)
          .join(','),
      );
    }
    return {
      filename: `${incidentRef(row.year, row.seq)}-timeline.csv`,
      text: `\ufeff${lines.join('\r\n')}\r\n`,
    };
  }

  private async write(
    actor: Actor,
    row: { id: string; tenant: string },
    kind: 'manual' | 'comment',
    summary: string,
    action: string,
    extra: { eventTime?: number; details?: Record<string, unknown> },
  ): Promise<TimelineEntry> {
    const now = nowOf(this.deps);
    const id = await this.deps.db.transaction().execute(async (trx) => {
      await touchIncident(trx, row.id, actor, now);
      const entryId = await appendTimeline(
        trx,
        { incidentId: row.id, tenant: row.tenant, kind, summary, actor: actorRef(actor), ...extra },
        now,
      );
      await auditIncident(this.deps, trx, actor, action, row, {
        entry: entryId,
        chars: summary.length,
        ...(extra.eventTime !== undefined ? { eventTime: extra.eventTime } : {}),
      });
      return entryId;
    });
    const saved = await this.deps.db
      .selectFrom('incident_timeline')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toTimelineEntry(saved);
  }
}
