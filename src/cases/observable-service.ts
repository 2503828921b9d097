// An incident's observables (IOCs): added by hand or pasted as text (defanged forms accepted), removed, searched for
// across all stored events of the tenant ("where else did this appear?"), and exported as STIX 2.1 or CSV.
import type { Actor } from '../access/actor.js';
import { tenantScope } from '../access/permissions.js';
import { YaguraError } from '../core/errors.js';
import { parseQuery } from '../search/parser.js';
import type { EventStore } from '../store/event-store.js';
import type { TriageDeps } from '../triage/service-support.js';
import { isRecordId } from '../triage/service-support.js';
import {
  incidentRef,
  toIncidentObservable,
  type IncidentObservable,
  type Sighting,
  type Tlp,
} from './incident-model.js';
import {
  actorRef,
  appendTimeline,
  auditIncident,
  checkText,
  nowOf,
  permitIncident,
  touchIncident,
  type IncidentRow,
} from './incident-support.js';
import { mergeObservables, type ObservableInput } from './observable-rows.js';
import { toCsv, type CsvRow } from './observables/csv.js';
import { extractObservables } from './observables/extract.js';
import {
  isObservableType,
  normalizeObservable,
  OBSERVABLE_TYPES,
  type ObservableType,
} from './observables/observable.js';
import { sightingQuery } from './observables/sighting-query.js';
import { toStixBundle, type StixBundle } from './observables/stix.js';

export const SIGHTING_HOSTS_MAX = 50;
export const PASTE_MAX_CHARS = 1_000_000;
const DAY = 86_400_000;

export interface AddResult {
  /** The observables named, as stored now (new ones and those the incident already had). */
  observables: IncidentObservable[];
  added: number;
  known: number;
}

export interface IncidentObservableServiceOptions {
  /** Where sighting searches run; without it they fail with STORE_FAILED. */
  store?: EventStore;
}

export class IncidentObservableService {
  constructor(
    private readonly deps: TriageDeps,
    private readonly options: IncidentObservableServiceOptions = {},
  ) {}

  async list(actor: Actor, incidentId: string): Promise<IncidentObservable[]> {
    await permitIncident(this.deps, actor, 'incidents:read', incidentId, 'incident.observables.list');
    return this.all(incidentId);
  }

  /** One observable of a type, normalized (OBSERVABLE_INVALID says why a value is not one). */
  async add(
    actor: Actor,
    incidentId: string,
    input: { type: ObservableType; value: string; note?: string },
  ): Promise<AddResult> {
    if (!isObservableType(input.type)) {
      throw new YaguraError('REQUEST_INVALID', `type must be one of ${OBSERVABLE_TYPES.join(', ')}`);
    }
    const row = await permitIncident(
      this.deps,
      actor,
      'incidents:manage',
      incidentId,
      'incident.observables.add',
    );
    const value = normalizeObservable(input.type, input.value);
    const note = input.note?.trim() ? checkText(input.note, 'The note', 2000) : undefined;
    const now = nowOf(this.deps);
    return this.merge(
      actor,
      row,
      [
        {
          type: input.type,
          value,
          source: 'manual',
          firstSeen: now,
          lastSeen: now,
          ...(note ? { note } : {}),
        },
      ],
      'incident.observables.add',
    );
  }

  /** Every observable found in pasted text (an e-mail, a report, log lines); defanged values are refanged. */
  async extract(actor: Actor, incidentId: string, text: string): Promise<AddResult> {
    if (typeof text !== 'string' || text.trim() === '')
      throw new YaguraError('REQUEST_INVALID', 'The text is empty');
    if (text.length > PASTE_MAX_CHARS) {
      throw new YaguraError('REQUEST_INVALID', `The text may have at most ${PASTE_MAX_CHARS} characters`);
    }
    const row = await permitIncident(
      this.deps,
      actor,
      'incidents:manage',
      incidentId,
      'incident.observables.extract',
    );
    const now = nowOf(this.deps);
    const found = extractObservables(text);
    return this.merge(
      actor,
      row,
      found.map((o) => ({ ...o, source: 'text' as const, firstSeen: now, lastSeen: now })),
      'incident.observables.extract',
    );
  }

  async remove(actor: Actor, incidentId: string, observableId: string): Promise<void> {
    const { row, obs } = await this.permitObservable(
      actor,
      incidentId,
      observableId,
      'incident.observables.remove',
    );
    const now = nowOf(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('incident_observables').where('id', '=', obs.id).execute();
      await touchIncident(trx, row.id, actor, now);
      await appendTimeline(
        trx,
        {
          incidentId: row.id,
          tenant: row.tenant,
          kind: 'observable',
          summary: `Observable removed: ${obs.type} ${obs.value}`,
          actor: actorRef(actor),
          ref: { type: 'observable', id: obs.id },
        },
        now,
      );
      await auditIncident(this.deps, trx, actor, 'incident.observables.remove', row, {
        observable: obs.id,
        type: obs.type,
        value: obs.value,
      });
    });
  }

  /**
   * Searches every stored event of the incident's tenant (the store's whole retention) for the observable: how many
   * events, on which hosts, first and last seen. The result is kept on the observable.
   */
  async sightings(actor: Actor, incidentId: string, observableId: string): Promise<IncidentObservable> {
    const { row, obs } = await this.permitObservable(
      actor,
      incidentId,
      observableId,
      'incident.observables.sightings',
    );
    const store = this.options.store;
    if (!store) throw new YaguraError('STORE_FAILED', 'No event store is open for sighting searches');
    const now = nowOf(this.deps);
    const text = sightingQuery(obs);
    const scope = {
      tenants: tenantScope(actor, [row.tenant], this.deps.knownTenants()),
      from: 0,
      to: now + DAY,
      query: parseQuery(text),
    };
    // A syslog sender names itself in host.hostname and often sets no host.name: those events count by that name.
    const senders = { ...scope, query: parseQuery(`(${text}) AND NOT host.name:*`) };
    const [named, unnamed, oldest, newest] = await Promise.all([
      store.aggregate(scope, { kind: 'terms', field: 'host.name', size: SIGHTING_HOSTS_MAX }),
      store.aggregate(senders, { kind: 'terms', field: 'host.hostname', size: SIGHTING_HOSTS_MAX }),
      store.search({ ...scope, limit: 1, order: 'asc' }),
      store.search({ ...scope, limit: 1, order: 'desc' }),
    ]);
    const sighting: Sighting = {
      count: named.total,
      hosts: hostCounts([...named.buckets, ...unnamed.buckets]),
      firstSeen: oldest.events[0]?.time ?? null,
      lastSeen: newest.events[0]?.time ?? null,
      searchedAt: now,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('incident_observables')
        .set({
          sighting_count: sighting.count,
          sighting_hosts: JSON.stringify(sighting.hosts),
          sighting_first: sighting.firstSeen,
          sighting_last: sighting.lastSeen,
          sighted_at: now,
        })
        .where('id', '=', obs.id)
        .execute();
      const hostText = sighting.hosts
        .map((h) => h.name)
        .slice(0, 10)
        .join(', ');
      await appendTimeline(
        trx,
        {
          incidentId: row.id,
          tenant: row.tenant,
          kind: 'observable',
          summary:
            `Sighting search for ${obs.type} ${obs.value}: ${sighting.count} event${sighting.count === 1 ? '' : 's'}` +
            (sighting.hosts.length ? ` on ${sighting.hosts.length} host(s): ${hostText}` : ''),
          actor: actorRef(actor),
          ref: { type: 'observable', id: obs.id },
          details: { count: sighting.count, hosts: sighting.hosts.length },
        },
        now,
      );
      await auditIncident(this.deps, trx, actor, 'incident.observables.sightings', row, {
        observable: obs.id,
        count: sighting.count,
        hosts: sighting.hosts.length,
      });
    });
    return toIncidentObservable(
      (await this.deps.db
        .selectFrom('incident_observables')
        .selectAll()
        .where('id', '=', obs.id)
        .executeTakeFirst())!,
    );
  }

  /**
   * A STIX 2.1 bundle of indicators marked with the incident's TLP 2.0 label, ids stable per incident (a TIP updates
   * rather than duplicates on re-import).
   */
  async stix(
    actor: Actor,
    incidentId: string,
    createdBy?: string,
  ): Promise<{ filename: string; bundle: StixBundle }> {
    const row = await permitIncident(
      this.deps,
      actor,
      'incidents:read',
      incidentId,
      'incident.observables.export',
    );
    const observables = await this.all(row.id);
    const bundle = toStixBundle(observables, {
      now: nowOf(this.deps),
      incidentTitle: `${incidentRef(row.year, row.seq)} ${row.title}`,
      idScope: row.id,
      tlp: row.tlp as Tlp,
      ...(createdBy ? { createdBy } : {}),
    });
    return { filename: `${incidentRef(row.year, row.seq)}-observables.stix.json`, bundle };
  }

  /** CSV safe to open in Excel (no formulas, a byte order mark); `defang` writes hxxp and [.] forms. */
  async csv(actor: Actor, incidentId: string, defang = false): Promise<{ filename: string; text: string }> {
    const row = await permitIncident(
      this.deps,
      actor,
      'incidents:read',
      incidentId,
      'incident.observables.export',
    );
    const rows: CsvRow[] = (await this.all(row.id)).map((o) => ({
      type: o.type,
      value: o.value,
      source: o.source,
      first_seen: new Date(o.firstSeen),
      last_seen: new Date(o.lastSeen),
      note: o.note,
      sightings: o.sighting?.count,
      sighting_hosts: o.sighting?.hosts.map((h) => h.name).join(' '),
    }));
    const columns = ['source', 'first_seen', 'last_seen', 'note', 'sightings', 'sighting_hosts'];
    return {
      filename: `${incidentRef(row.year, row.seq)}-observables.csv`,
      text: toCsv(rows, { columns, defang, bom: true }),
    };
  }

  private async merge(
    actor: Actor,
    row: IncidentRow,
    inputs: ObservableInput[],
    action: string,
  ): Promise<AddResult> {
    const now = nowOf(this.deps);
    const result = await this.deps.db.transaction().execute(async (trx) => {
      await touchIncident(trx, row.id, actor, now);
      const merged = await mergeObservables(trx, row, inputs, actor, now);
      if (merged.added.length > 0) {
        const only = inputs.length === 1 ? inputs[0] : undefined;
        await appendTimeline(
          trx,
          {
            incidentId: row.id,
            tenant: row.tenant,
            kind: 'observable',
            summary: only
              ? `Observable added: ${only.type} ${only.value}`
              : `${merged.added.length} observables added (${merged.known.length} already known)`,
            actor: actorRef(actor),
            details: { added: merged.added.length, known: merged.known.length, source: inputs[0]?.source },
          },
          now,
        );
      }
      await auditIncident(this.deps, trx, actor, action, row, {
        added: merged.added.length,
        known: merged.known.length,
      });
      return merged;
    });
    const ids = [...result.added, ...result.known];
    const rows = ids.length
      ? await this.deps.db
          .selectFrom('incident_observables')
          .selectAll()
          .where('id', 'in', ids)
          .orderBy('id')
          .execute()
      : [];
    return {
      observables: rows.map(toIncidentObservable),
      added: result.added.length,
      known: result.known.length,
    };
  }

  private async all(incidentId: string): Promise<IncidentObservable[]> {
    const rows = await this.deps.db
      .selectFrom('incident_observables')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('id')
      .execute();
    return rows.map(toIncidentObservable);
  }

  /** The incident (once incidents:manage is granted in its tenant) and its observable, or NOT_FOUND. */
  private async permitObservable(
    actor: Actor,
    incidentId: string,
    observableId: string,
    action: string,
  ): Promise<{ row: IncidentRow; obs: IncidentObservable }> {
    const row = await permitIncident(this.deps, actor, 'incidents:manage', incidentId, action);
    return { row, obs: await this.one(row, observableId) };
  }

  private async one(row: IncidentRow, observableId: string): Promise<IncidentObservable> {
    const found = isRecordId(observableId)
      ? await this.deps.db
          .selectFrom('incident_observables')
          .selectAll()
          .where('id', '=', observableId)
          .where('incident_id', '=', row.id)
          .executeTakeFirst()
      : undefined;
    if (!found) {
      throw new YaguraError(
        'NOT_FOUND',
        `Incident ${incidentRef(row.year, row.seq)} has no observable "${observableId.slice(0, 80)}"`,
      );
    }
    return toIncidentObservable(found);
  }
}

/** Events per host name (case-insensitive, first spelling kept), most first, at most SIGHTING_HOSTS_MAX. */
function hostCounts(buckets: readonly { key: unknown; count: number }[]): { name: string; count: number }[] {
  const byName = new Map<string, { name: string; count: number }>();
  for (const b of buckets) {
    if (b.key === null || b.key === '') continue;
    const name = String(b.key);
    const known = byName.get(name.toLowerCase());
    if (known) known.count += b.count;
    else byName.set(name.toLowerCase(), { name, count: b.count });
  }
  return [...byName.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, SIGHTING_HOSTS_MAX);
}
