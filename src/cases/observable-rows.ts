// Adds observables to an incident without duplicates: one row per observableKey, its first and last seen widened
// when the same observable comes in again.
import type { Actor } from '../access/actor.js';
import type { StateDb } from '../state/database.js';
import { observableKey, type Observable } from './observables/observable.js';
import type { ObservableSource } from './incident-model.js';
import { newRecordId } from './incident-support.js';

export interface ObservableInput extends Observable {
  source: ObservableSource;
  firstSeen: number;
  lastSeen: number;
  note?: string;
}

export interface MergeResult {
  /** Ids of the rows created. */
  added: string[];
  /** Ids of the rows that already held one of the observables. */
  known: string[];
}

/** Merges `inputs` (already normalized) into the incident's observables, inside the caller's transaction. */
export async function mergeObservables(
  trx: StateDb,
  incident: { id: string; tenant: string },
  inputs: readonly ObservableInput[],
  actor: Actor,
  now: number,
): Promise<MergeResult> {
  const result: MergeResult = { added: [], known: [] };
  if (inputs.length === 0) return result;
  // Inputs with the same key are folded first, so one call never adds the same observable twice.
  const byKey = new Map<string, ObservableInput>();
  for (const input of inputs) {
    const key = observableKey(input);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...input });
    else {
      seen.firstSeen = Math.min(seen.firstSeen, input.firstSeen);
      seen.lastSeen = Math.max(seen.lastSeen, input.lastSeen);
    }
  }
  const existing = await trx
    .selectFrom('incident_observables')
    .select(['id', 'key', 'first_seen', 'last_seen'])
    .where('incident_id', '=', incident.id)
    .where('key', 'in', [...byKey.keys()])
    .execute();
  const stored = new Map(existing.map((row) => [row.key, row]));
  for (const [key, input] of byKey) {
    const row = stored.get(key);
    if (row) {
      result.known.push(row.id);
      const first = Math.min(row.first_seen, input.firstSeen);
      const last = Math.max(row.last_seen, input.lastSeen);
      if (first !== row.first_seen || last !== row.last_seen) {
        await trx
          .updateTable('incident_observables')
          .set({ first_seen: first, last_seen: last })
          .where('id', '=', row.id)
          .execute();
      }
      continue;
    }
    const id = newRecordId();
    await trx
      .insertInto('incident_observables')
      .values({
        id,
        incident_id: incident.id,
        tenant: incident.tenant,
        type: input.type,
        value: input.value,
        key,
        source: input.source,
        first_seen: input.firstSeen,
        last_seen: input.lastSeen,
        note: input.note ?? null,
        sighting_count: null,
        sighting_hosts: null,
        sighting_first: null,
        sighting_last: null,
        sighted_at: null,
        created_at: now,
        created_by: actor.id,
      })
      .execute();
    result.added.push(id);
  }
  return result;
}
