// Checks and normalises what a caller gives for an asset (the API, the CLI and each CSV row go through it).
import { YaguraError } from '../core/errors.js';
import { normaliseAddress } from './asset-index.js';

export interface AssetInput {
  name: string;
  hostnames?: readonly string[];
  /** IP addresses or CIDR ranges. */
  addresses?: readonly string[];
  users?: readonly string[];
  owner?: string | null;
  /** 1-5, or null for not rated. */
  criticality?: number | null;
  tags?: readonly string[];
}

export interface CheckedAsset {
  name: string;
  hostnames: string[];
  addresses: string[];
  users: string[];
  owner: string | null;
  criticality: number | null;
  tags: string[];
}

const MAX_VALUES = 50;

/** Throws REQUEST_INVALID naming the first problem; returns trimmed, de-duplicated values. */
export function checkAsset(input: AssetInput): CheckedAsset {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) {
    throw new YaguraError('REQUEST_INVALID', 'An asset name must have 1 to 200 characters');
  }
  return {
    name,
    hostnames: list('host name', input.hostnames, 255, (h) => {
      if (/\s/.test(h)) throw new YaguraError('REQUEST_INVALID', `The host name "${h}" contains a space`);
      return h;
    }),
    addresses: list('address', input.addresses, 64, (a) => {
      const cidr = normaliseAddress(a);
      if (!cidr) throw new YaguraError('REQUEST_INVALID', `"${a}" is not an IP address or CIDR range`);
      const single = cidr.prefix === (cidr.version === 4 ? 32 : 128) && !a.includes('/');
      return single ? a : cidr.text;
    }),
    users: list('user name', input.users, 255, (u) => u),
    owner: checkOwner(input.owner),
    criticality: checkCriticality(input.criticality),
    tags: list('tag', input.tags, 64, (t) => t),
  };
}

export function checkCriticality(value: number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new YaguraError('REQUEST_INVALID', `Criticality must be a whole number from 1 to 5, not ${value}`);
  }
  return value;
}

function checkOwner(owner: string | null | undefined): string | null {
  if (owner === undefined || owner === null) return null;
  const trimmed = owner.trim();
  if (trimmed.length > 200)
    throw new YaguraError('REQUEST_INVALID', 'An owner may have at most 200 characters');
  return trimmed === '' ? null : trimmed;
}

function list(
  what: string,
  values: readonly string[] | undefined,
  maxChars: number,
  check: (v: string) => string,
): string[] {
  const out: string[] = [];
  for (const raw of values ?? []) {
    const v = raw.trim();
    if (v === '') continue;
    if (v.length > maxChars) {
      throw new YaguraError('REQUEST_INVALID', `A ${what} may have at most ${maxChars} characters`);
    }
    const checked = check(v);
    if (!out.includes(checked)) out.push(checked);
  }
  if (out.length > MAX_VALUES) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `An asset may have at most ${MAX_VALUES} values of each kind (${what})`,
    );
  }
  return out;
}
