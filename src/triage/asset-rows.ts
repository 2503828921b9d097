// Assets as the assets table holds them: rows from checked input and back.
import type { Selectable } from 'kysely';
import type { TenantId } from '../core/ids.js';
import type { Asset } from './asset-index.js';
import type { AssetCsvColumn } from './asset-csv.js';
import type { CheckedAsset } from './asset-input.js';
import { newRecordId } from './service-support.js';
import type { AssetsTable } from './tables.js';

export type AssetRow = Selectable<AssetsTable>;

export function emptyAsset(name: string): CheckedAsset {
  return { name, hostnames: [], addresses: [], users: [], owner: null, criticality: null, tags: [] };
}

export function columnsOf(
  a: CheckedAsset,
): Pick<AssetRow, 'name' | 'hostnames' | 'addresses' | 'users' | 'owner' | 'criticality' | 'tags'> {
  return {
    name: a.name,
    hostnames: JSON.stringify(a.hostnames),
    addresses: JSON.stringify(a.addresses),
    users: JSON.stringify(a.users),
    owner: a.owner,
    criticality: a.criticality,
    tags: JSON.stringify(a.tags),
  };
}

export function pick(
  values: ReturnType<typeof columnsOf>,
  columns: readonly AssetCsvColumn[],
): Partial<ReturnType<typeof columnsOf>> {
  const out: Partial<ReturnType<typeof columnsOf>> = {};
  for (const c of columns) (out as Record<string, unknown>)[c] = values[c];
  return out;
}

export function newRow(tenant: string, a: CheckedAsset, source: Asset['source'], now: number): AssetRow {
  return {
    id: newRecordId(),
    tenant,
    ...columnsOf(a),
    source,
    last_seen: null,
    created_at: now,
    updated_at: now,
  };
}

export function toAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    tenant: row.tenant as TenantId,
    name: row.name,
    hostnames: JSON.parse(row.hostnames) as string[],
    addresses: JSON.parse(row.addresses) as string[],
    users: JSON.parse(row.users) as string[],
    owner: row.owner,
    criticality: row.criticality,
    tags: JSON.parse(row.tags) as string[],
    source: row.source as Asset['source'],
    lastSeen: row.last_seen,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
