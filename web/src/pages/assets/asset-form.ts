// The asset form: its state, how an asset fills it, and the request bodies it makes (an edit sends only changes).
import type { ApiError, Schemas } from '../../api/client.js';
import { criticalityFromField, criticalityToField } from './criticality.js';

export type Asset = Schemas['Asset'];
export type AssetSource = Asset['source'];
export const ASSET_SOURCES: readonly AssetSource[] = ['manual', 'import', 'learned'];

export interface AssetFormState {
  tenant: string;
  name: string;
  hostnames: string;
  addresses: string;
  users: string;
  owner: string;
  /** '' for not rated, else '1'-'5'. */
  criticality: string;
  tags: string;
}
export type AssetField = keyof AssetFormState;

const LIST_FIELDS = ['hostnames', 'addresses', 'users', 'tags'] as const;

export function emptyAssetForm(tenant: string): AssetFormState {
  return { tenant, name: '', hostnames: '', addresses: '', users: '', owner: '', criticality: '', tags: '' };
}

export function assetToForm(asset: Asset): AssetFormState {
  return {
    tenant: asset.tenant,
    name: asset.name,
    hostnames: asset.hostnames.join('\n'),
    addresses: asset.addresses.join('\n'),
    users: asset.users.join('\n'),
    owner: asset.owner ?? '',
    criticality: criticalityToField(asset.criticality),
    tags: asset.tags.join('\n'),
  };
}

/** Values typed one a line or separated by commas, trimmed, without blanks or repeats. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const value = raw.trim();
    if (value !== '' && !out.includes(value)) out.push(value);
  }
  return out;
}

/** Problems the form can see before asking the server; the server checks the rest. */
export function checkAssetForm(form: AssetFormState): Partial<Record<AssetField, 'required'>> {
  return form.name.trim() === '' ? { name: 'required' } : {};
}

export function createAssetBody(form: AssetFormState): Schemas['AssetCreateInput'] {
  return {
    tenant: form.tenant,
    name: form.name.trim(),
    hostnames: splitList(form.hostnames),
    addresses: splitList(form.addresses),
    users: splitList(form.users),
    owner: form.owner.trim() === '' ? null : form.owner.trim(),
    criticality: criticalityFromField(form.criticality),
    tags: splitList(form.tags),
  };
}

/** The changed values only, so that the audit log shows what an edit did; empty when nothing changed. */
export function updateAssetBody(asset: Asset, form: AssetFormState): Schemas['AssetUpdateInput'] {
  const { tenant: _tenant, ...next } = createAssetBody(form);
  const body: Schemas['AssetUpdateInput'] = {};
  if (next.name !== asset.name) body.name = next.name;
  for (const field of LIST_FIELDS) {
    const values = next[field] ?? [];
    if (!sameList(values, asset[field])) body[field] = values;
  }
  if ((next.owner ?? null) !== asset.owner) body.owner = next.owner ?? null;
  if ((next.criticality ?? null) !== asset.criticality) body.criticality = next.criticality ?? null;
  return body;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The form fields an API error names (request validation gives paths such as `body.hostnames.2`). */
export function assetFieldsInError(error: ApiError): AssetField[] {
  const issues = Array.isArray(error.details.issues) ? (error.details.issues as unknown[]) : [];
  const fields = new Set<AssetField>();
  for (const issue of issues) {
    const path = (issue as { path?: unknown }).path;
    if (typeof path !== 'string') continue;
    const field = path.split('.')[1];
    if (field && isAssetField(field)) fields.add(field);
  }
  if (error.code === 'CONFLICT') fields.add('name');
  return [...fields];
}

function isAssetField(name: string): name is AssetField {
  return ['tenant', 'name', 'hostnames', 'addresses', 'users', 'owner', 'criticality', 'tags'].includes(name);
}
