// What an incident takes from its alerts: the alerts' entities and matched values as observables, their assets and
// users, and the links and timeline entries that record them. Merging several alerts duplicates nothing.
import type { Actor } from '../access/actor.js';
import type { FieldValue } from '../core/event.js';
import { YaguraError } from '../core/errors.js';
import type { StateDb } from '../state/database.js';
import type { AlertDetail, AlertService } from '../triage/alert-service.js';
import type { Alert } from '../triage/alert-model.js';
import type { TriageDeps } from '../triage/service-support.js';
import { appendTimeline, distinct, type IncidentRow } from './incident-support.js';
import { mergeObservables, type ObservableInput } from './observable-rows.js';
import { normalizeObservable, type ObservableType } from './observables/observable.js';
import { SIGHTING_FIELDS } from './observables/sighting-query.js';

export const ALERTS_MAX = 100;

/** What one alert brings to an incident. */
export interface AlertMaterial {
  alert: Alert;
  observables: ObservableInput[];
  assetIds: string[];
  users: string[];
}

const ENTITY_TYPES: Readonly<Record<string, ObservableType>> = {
  'host.name': 'host',
  'user.name': 'user',
  'source.ip': 'ip',
  'destination.ip': 'ip',
};

/** The observable types a field's values are taken as: the types whose sighting fields include it. */
function typesOfField(field: string): ObservableType[] {
  const entity = ENTITY_TYPES[field];
  if (entity) return [entity];
  return (Object.keys(SIGHTING_FIELDS) as ObservableType[]).filter((t) => SIGHTING_FIELDS[t].includes(field));
}

function texts(value: FieldValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
}

/** The first of `types` the value normalizes as, or undefined (values that are no observable are skipped). */
function asObservable(
  types: readonly ObservableType[],
  raw: string,
): { type: ObservableType; value: string } | undefined {
  for (const type of types) {
    try {
      return { type, value: normalizeObservable(type, raw) };
    } catch {
      // Not this type; try the next.
    }
  }
  return undefined;
}

/** Reads the alerts (each permission-checked as alerts:read), their findings' matched values, and checks one tenant. */
export async function alertMaterials(
  deps: TriageDeps,
  alerts: AlertService,
  actor: Actor,
  alertIds: readonly string[],
): Promise<AlertMaterial[]> {
  const ids = distinct(alertIds);
  if (ids.length === 0 || ids.length > ALERTS_MAX) {
    throw new YaguraError('REQUEST_INVALID', `Name 1 to ${ALERTS_MAX} alerts`);
  }
  const details: AlertDetail[] = [];
  for (const id of ids) details.push(await alerts.get(actor, id));
  const tenants = distinct(details.map((d) => d.alert.tenant));
  if (tenants.length > 1) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `The alerts belong to several tenants (${tenants.join(', ')}); an incident covers one tenant`,
      { tenants },
    );
  }
  const findingIds = details.flatMap((d) => d.findingIds);
  const findings = findingIds.length
    ? await deps.db.selectFrom('findings').select(['id', 'detail']).where('id', 'in', findingIds).execute()
    : [];
  const matchedOf = new Map(
    findings.map((f) => [
      f.id,
      (JSON.parse(f.detail) as { matched?: Record<string, FieldValue> }).matched ?? {},
    ]),
  );
  return details.map((detail) => {
    const { alert } = detail;
    const observables: ObservableInput[] = [];
    const add = (field: string, value: FieldValue | undefined): void => {
      const types = typesOfField(field);
      if (types.length === 0) return;
      for (const raw of texts(value)) {
        const o = asObservable(types, raw);
        if (o)
          observables.push({ ...o, source: 'alert', firstSeen: alert.firstSeen, lastSeen: alert.lastSeen });
      }
    };
    for (const [field, value] of Object.entries(alert.entity)) add(field, value);
    for (const id of detail.findingIds) {
      for (const [field, value] of Object.entries(matchedOf.get(id) ?? {})) add(field, value);
    }
    return {
      alert,
      observables,
      assetIds: distinct([...alert.assetIds, ...detail.assets.map((a) => a.id)]),
      users: alert.entity['user.name'] === undefined ? [] : [alert.entity['user.name']],
    };
  });
}

export function entityText(alert: Alert): string {
  return Object.values(alert.entity).join(', ');
}

/**
 * Links the alerts not linked yet, writes an 'alert' timeline entry for each (event time: the alert's first
 * sight), merges their observables, assets and users into the incident. Inside the caller's transaction, after
 * its first write. Returns the alert ids newly linked and the observables added.
 */
export async function attachAlerts(
  trx: StateDb,
  row: IncidentRow,
  materials: readonly AlertMaterial[],
  actor: Actor,
  now: number,
): Promise<{ linked: string[]; observablesAdded: number; observablesKnown: number }> {
  const already = new Set(
    (
      await trx
        .selectFrom('incident_alerts')
        .select('alert_id')
        .where('incident_id', '=', row.id)
        .where(
          'alert_id',
          'in',
          materials.map((m) => m.alert.id),
        )
        .execute()
    ).map((r) => r.alert_id),
  );
  const fresh = materials.filter((m) => !already.has(m.alert.id));
  for (const { alert } of fresh) {
    await trx
      .insertInto('incident_alerts')
      .values({
        incident_id: row.id,
        alert_id: alert.id,
        tenant: row.tenant,
        linked_at: now,
        linked_by: actor.id,
      })
      .execute();
    await appendTimeline(
      trx,
      {
        incidentId: row.id,
        tenant: row.tenant,
        kind: 'alert',
        summary: `Alert: ${alert.rule.title}${entityText(alert) ? ` (${entityText(alert)})` : ''}`,
        eventTime: alert.firstSeen,
        actor: { id: actor.id, name: actor.name },
        ref: { type: 'alert', id: alert.id },
        details: {
          rule: alert.rule,
          severity: alert.severity.level,
          findings: alert.findings,
          firstSeen: alert.firstSeen,
          lastSeen: alert.lastSeen,
        },
      },
      now,
    );
  }
  const merged = await mergeObservables(
    trx,
    row,
    fresh.flatMap((m) => m.observables),
    actor,
    now,
  );
  const assets = distinct([
    ...(JSON.parse(row.affected_assets) as string[]),
    ...fresh.flatMap((m) => m.assetIds),
  ]);
  const users = distinct([...(JSON.parse(row.affected_users) as string[]), ...fresh.flatMap((m) => m.users)]);
  await trx
    .updateTable('incidents')
    .set({ affected_assets: JSON.stringify(assets), affected_users: JSON.stringify(users) })
    .where('id', '=', row.id)
    .execute();
  return {
    linked: fresh.map((m) => m.alert.id),
    observablesAdded: merged.added.length,
    observablesKnown: merged.known.length,
  };
}
