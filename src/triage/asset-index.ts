// The asset inventory of one tenant in memory: finds the assets behind a host name, an address (exact or inside a
// range) or a user name, for alerts and for learning when hosts were last seen.
import { ipInCidr, parseCidr, type Cidr } from '../search/cidr.js';
import { asciiLower } from '../search/values.js';

export const ASSET_SOURCES = ['manual', 'import', 'learned'] as const;
export type AssetSource = (typeof ASSET_SOURCES)[number];

export interface Asset {
  id: string;
  tenant: string;
  /** Unique within the tenant. */
  name: string;
  hostnames: string[];
  /** IP addresses and CIDR ranges. */
  addresses: string[];
  users: string[];
  owner: string | null;
  /** 1 (lab box) to 5 (crown jewel); null when not rated. */
  criticality: number | null;
  tags: string[];
  source: AssetSource;
  lastSeen: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface AssetQuery {
  host?: string;
  user?: string;
  ips?: readonly string[];
}

/** A host name as compared: lower-case ASCII, no trailing dot. */
export function normaliseHost(host: string): string {
  return asciiLower(host.trim()).replace(/\.$/, '');
}

/** A user name as compared: lower-case ASCII without a "DOMAIN\" prefix or an "@domain" suffix. */
export function normaliseUser(user: string): string {
  const lower = asciiLower(user.trim());
  const slash = lower.lastIndexOf('\\');
  const bare = slash >= 0 ? lower.slice(slash + 1) : lower;
  const at = bare.indexOf('@');
  return at > 0 ? bare.slice(0, at) : bare;
}

/** An address or range in its normal text ("10.0.0.5/32"), or undefined when it is neither. */
export function normaliseAddress(text: string): Cidr | undefined {
  return parseCidr(text.trim());
}

function shortName(host: string): string | undefined {
  const dot = host.indexOf('.');
  // An address is not a short name ("10.0.0.5" -> "10").
  return dot > 0 && !/^\d+$/.test(host.slice(0, dot)) ? host.slice(0, dot) : undefined;
}

/**
 * Host names match in full or by their first label ("ws01" and "ws01.corp.example" are one host: logs use both);
 * user names match without their domain; addresses match exactly or by the ranges that contain them. A query can
 * find several assets (a host and its user); callers take the highest criticality.
 */
export class AssetIndex {
  private readonly assets = new Map<string, Asset>();
  private readonly hosts = new Map<string, Set<string>>();
  private readonly users = new Map<string, Set<string>>();
  private readonly exact = new Map<string, Set<string>>();
  private ranges: { cidr: Cidr; id: string }[] = [];

  get size(): number {
    return this.assets.size;
  }

  get(id: string): Asset | undefined {
    return this.assets.get(id);
  }

  put(asset: Asset): void {
    this.remove(asset.id);
    this.assets.set(asset.id, asset);
    for (const h of asset.hostnames) {
      const host = normaliseHost(h);
      add(this.hosts, host, asset.id);
      const short = shortName(host);
      if (short) add(this.hosts, short, asset.id);
    }
    for (const u of asset.users) add(this.users, normaliseUser(u), asset.id);
    for (const a of asset.addresses) {
      const cidr = normaliseAddress(a);
      if (!cidr) continue;
      const single = cidr.prefix === (cidr.version === 4 ? 32 : 128);
      if (single) add(this.exact, cidr.text, asset.id);
      else this.ranges.push({ cidr, id: asset.id });
    }
    // Narrowest range first, so the most specific asset is listed first.
    this.ranges.sort((a, b) => b.cidr.prefix - a.cidr.prefix);
  }

  remove(id: string): void {
    if (!this.assets.delete(id)) return;
    for (const map of [this.hosts, this.users, this.exact]) {
      for (const [key, ids] of map) {
        ids.delete(id);
        if (ids.size === 0) map.delete(key);
      }
    }
    this.ranges = this.ranges.filter((r) => r.id !== id);
  }

  /** Assets with this host name (full or first label). */
  findHost(host: string): Asset[] {
    const name = normaliseHost(host);
    const ids = new Set(this.hosts.get(name));
    const short = shortName(name);
    if (short) for (const id of this.hosts.get(short) ?? []) ids.add(id);
    return this.resolve(ids);
  }

  findUser(user: string): Asset[] {
    return this.resolve(this.users.get(normaliseUser(user)) ?? []);
  }

  findAddress(ip: string): Asset[] {
    const cidr = normaliseAddress(ip);
    if (!cidr) return [];
    const ids = new Set(this.exact.get(cidr.text));
    for (const r of this.ranges) if (ipInCidr(ip.trim(), r.cidr)) ids.add(r.id);
    return this.resolve(ids);
  }

  /** Every asset behind any of the query's values, without duplicates: hosts, then addresses, then users. */
  lookup(query: AssetQuery): Asset[] {
    const out = new Map<string, Asset>();
    if (query.host) for (const a of this.findHost(query.host)) out.set(a.id, a);
    for (const ip of query.ips ?? []) for (const a of this.findAddress(ip)) out.set(a.id, a);
    if (query.user) for (const a of this.findUser(query.user)) out.set(a.id, a);
    return [...out.values()];
  }

  private resolve(ids: Iterable<string>): Asset[] {
    const out: Asset[] = [];
    for (const id of ids) {
      const a = this.assets.get(id);
      if (a) out.push(a);
    }
    return out;
  }
}

/** The highest criticality among assets (unrated ones ignored); undefined when none is rated. */
export function criticalityOf(assets: readonly Asset[]): number | undefined {
  let best: number | undefined;
  for (const a of assets)
    if (a.criticality !== null && (best === undefined || a.criticality > best)) best = a.criticality;
  return best;
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  if (key === '') return;
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}
