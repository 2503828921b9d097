// Checks of the fields an incident is opened or changed with: vocabularies, texts, times, assets of the inventory.
import { YaguraError } from '../core/errors.js';
import { LEVELS, type Level } from '../detect/sigma/rule.js';
import type { StateDb } from '../state/database.js';
import { PRIORITIES, TLPS, type Priority, type Tlp } from './incident-model.js';
import { checkText, checkTime, distinct } from './incident-support.js';
import { INCIDENT_CATEGORIES, type IncidentCategory, type Language } from './playbooks/playbook.js';
import type { IncidentsTable } from './tables.js';

/** The fields an incident's handlers change. */
export interface IncidentFields {
  title?: string;
  description?: string;
  category?: IncidentCategory;
  severity?: Level;
  priority?: Priority;
  tlp?: Tlp;
  dueAt?: number | null;
  /** Asset ids of the tenant's inventory. */
  affectedAssets?: string[];
  affectedUsers?: string[];
}

export const DEFAULT_PRIORITY: Readonly<Record<Level, Priority>> = {
  critical: 'P1',
  high: 'P2',
  medium: 'P3',
  low: 'P4',
  informational: 'P4',
};

export function oneOf<T extends string>(
  values: readonly T[],
  value: string | undefined,
  what: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `${what} must be one of ${values.join(', ')}, not "${value.slice(0, 40)}"`,
    );
  }
  return value as T;
}

/** The columns to set for `fields`, each checked; REQUEST_INVALID (or TIME_INVALID) naming the first bad one. */
export async function checkFields(
  db: StateDb,
  tenant: string,
  fields: IncidentFields,
): Promise<Partial<IncidentsTable>> {
  const set: Partial<IncidentsTable> = {};
  if (fields.title !== undefined) set.title = checkText(fields.title, 'The title', 300);
  if (fields.description !== undefined) {
    const d = fields.description.trim();
    if (d.length > 20_000)
      throw new YaguraError('REQUEST_INVALID', 'The description may have at most 20000 characters');
    set.description = d;
  }
  if (fields.category !== undefined) set.category = oneOf(INCIDENT_CATEGORIES, fields.category, 'category')!;
  if (fields.severity !== undefined) set.severity = oneOf(LEVELS, fields.severity, 'severity')!;
  if (fields.priority !== undefined) set.priority = oneOf(PRIORITIES, fields.priority, 'priority')!;
  if (fields.tlp !== undefined) set.tlp = oneOf(TLPS, fields.tlp, 'tlp')!;
  if (fields.dueAt !== undefined)
    set.due_at = fields.dueAt === null ? null : checkTime(fields.dueAt, 'dueAt');
  if (fields.affectedAssets !== undefined) {
    set.affected_assets = JSON.stringify(await checkAssets(db, tenant, fields.affectedAssets));
  }
  if (fields.affectedUsers !== undefined) {
    set.affected_users = JSON.stringify(
      distinct(fields.affectedUsers.map((u) => checkText(u, 'An affected user', 256))),
    );
  }
  return set;
}

/** Asset ids that exist in the tenant's inventory, deduplicated; REQUEST_INVALID naming the first unknown one. */
export async function checkAssets(db: StateDb, tenant: string, ids: readonly string[]): Promise<string[]> {
  const wanted = distinct(ids);
  if (wanted.length === 0) return [];
  if (wanted.length > 500) throw new YaguraError('REQUEST_INVALID', 'An incident takes at most 500 assets');
  const found = new Set(
    (
      await db
        .selectFrom('assets')
        .select('id')
        .where('tenant', '=', tenant)
        .where('id', 'in', wanted)
        .execute()
    ).map((a) => a.id),
  );
  const missing = wanted.find((a) => !found.has(a));
  if (missing !== undefined) {
    throw new YaguraError('REQUEST_INVALID', `No asset "${missing.slice(0, 80)}" in the tenant's inventory`);
  }
  return wanted;
}

/** The tenant's language: the one its incidents' tasks are named in. */
export async function languageOf(db: StateDb, tenant: string): Promise<Language> {
  const row = await db.selectFrom('tenants').select('language').where('id', '=', tenant).executeTakeFirst();
  return row?.language === 'ja' ? 'ja' : 'en';
}
