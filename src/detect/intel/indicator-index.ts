// Indexes indicator sets so one event value is looked up in constant time, whatever the number of indicators.
//
// Cost per looked-up value: one Map lookup for an exact IP, hash, URL or address; one per distinct CIDR prefix
// length present (at most 31 for IPv4, 127 for IPv6: /32 and /128 blocks are kept with the exact addresses);
// one per label of a host name (a.b.evil.example looks up a.b.evil.example, b.evil.example, evil.example).
import type { Level } from '../sigma/rule.js';
import { expiryOf, levelOf, type Indicator, type IndicatorSet } from './indicator.js';
import { ipv4Mask, ipv6PrefixKey, mappedIPv4, parseCidr, parseIPv4, parseIPv6 } from './ip.js';
import { lookupDomain, normalizeIndicator, normalizeUrl } from './value.js';

/** What an event value is looked up as; see fields.ts for which event fields are which. */
export type LookupKind = 'ip' | 'domain' | 'url' | 'hash' | 'email';

export interface IndexEntry {
  indicator: Indicator;
  set: IndicatorSet;
  level: Level;
  /** Epoch ms: matches events at or after validFrom and before validUntil (or import time + TTL). */
  from: number;
  until: number;
  /** Equal for the same indicator listed twice in one set, so an event gets one finding for it. */
  key: string;
}

type Bucket<K> = Map<K, IndexEntry[]>;

function put<K>(map: Bucket<K>, key: K, entry: IndexEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

export interface IndexStats {
  indicators: number;
  /** Indicators whose value does not normalize as their type (hand-built sets); they never match. */
  rejected: number;
  byType: Record<string, number>;
  ipv4PrefixLengths: number[];
  ipv6PrefixLengths: number[];
}

export class IndicatorIndex {
  private readonly ipv4: Bucket<number> = new Map();
  private readonly ipv6: Bucket<string> = new Map();
  private readonly cidr4: Array<{ prefix: number; mask: number; map: Bucket<number> }> = [];
  private readonly cidr6: Array<{ prefix: number; map: Bucket<string> }> = [];
  private readonly domains: Bucket<string> = new Map();
  private readonly urls: Bucket<string> = new Map();
  private readonly hashes: Bucket<string> = new Map();
  private readonly emails: Bucket<string> = new Map();
  private readonly counts: Record<string, number> = {};
  private total = 0;
  private rejected = 0;

  constructor(sets: readonly IndicatorSet[]) {
    for (const set of sets) for (const indicator of set.indicators) this.add(set, indicator);
    this.cidr4.sort((a, b) => b.prefix - a.prefix);
    this.cidr6.sort((a, b) => b.prefix - a.prefix);
  }

  private add(set: IndicatorSet, listed: Indicator): void {
    // Sets built by hand (not by an importer) may hold values in any form: normalize once here.
    const n = normalizeIndicator(listed.value, listed.type);
    if (!n.ok) {
      this.rejected++;
      return;
    }
    const indicator =
      n.value === listed.value && n.type === listed.type
        ? listed
        : { ...listed, type: n.type, value: n.value };
    const entry: IndexEntry = {
      indicator,
      set,
      level: levelOf(indicator, set),
      from: indicator.validFrom ?? Number.NEGATIVE_INFINITY,
      until: expiryOf(indicator, set),
      key: `${set.id}\u0000${n.type}\u0000${n.value}`,
    };
    this.total++;
    this.counts[n.type] = (this.counts[n.type] ?? 0) + 1;
    switch (n.type) {
      case 'ipv4':
        return put(this.ipv4, parseIPv4(n.value), entry);
      case 'ipv6':
        return put(this.ipv6, parseIPv6(n.value) as string, entry);
      case 'cidr':
        return this.addCidr(n.value, entry);
      case 'domain':
        return put(this.domains, n.value, entry);
      case 'url':
        return put(this.urls, n.value, entry);
      case 'email':
        return put(this.emails, n.value, entry);
      default:
        return put(this.hashes, n.value, entry);
    }
  }

  private addCidr(value: string, entry: IndexEntry): void {
    const c = parseCidr(value);
    if (!c) return;
    if (c.version === 4) {
      if (c.prefix === 32) return put(this.ipv4, c.network, entry);
      let level = this.cidr4.find((l) => l.prefix === c.prefix);
      if (!level) this.cidr4.push((level = { prefix: c.prefix, mask: ipv4Mask(c.prefix), map: new Map() }));
      return put(level.map, c.network, entry);
    }
    if (c.prefix === 128) return put(this.ipv6, c.network, entry);
    let level = this.cidr6.find((l) => l.prefix === c.prefix);
    if (!level) this.cidr6.push((level = { prefix: c.prefix, map: new Map() }));
    put(level.map, ipv6PrefixKey(c.network, c.prefix), entry);
  }

  get size(): number {
    return this.total;
  }

  stats(): IndexStats {
    return {
      indicators: this.total,
      rejected: this.rejected,
      byType: { ...this.counts },
      ipv4PrefixLengths: this.cidr4.map((l) => l.prefix),
      ipv6PrefixLengths: this.cidr6.map((l) => l.prefix),
    };
  }

  /** The entries an event value matches, as `kind`, at time `at` (epoch ms). */
  lookup(kind: LookupKind, value: string, at: number): IndexEntry[] {
    const out: IndexEntry[] = [];
    this.collect(kind, value, at, out);
    return out;
  }

  /** As lookup, appending to `out`: no allocation when nothing matches. */
  collect(kind: LookupKind, value: string, at: number, out: IndexEntry[]): void {
    switch (kind) {
      case 'ip':
        this.collectIp(value, at, out);
        return;
      case 'domain':
        return this.collectHost(value, at, out);
      case 'url':
        return this.collectUrl(value, at, out);
      case 'hash':
        return this.collectHash(value, at, out);
      case 'email':
        return this.collectEmail(value, at, out);
    }
  }

  private collectIp(value: string, at: number, out: IndexEntry[]): boolean {
    const v4 = parseIPv4(value);
    if (v4 >= 0) {
      this.collectIPv4(v4, at, out);
      return true;
    }
    if (value.indexOf(':') < 0) return false;
    const hex = parseIPv6(value);
    if (hex === undefined) return false;
    const mapped = mappedIPv4(hex);
    if (mapped >= 0) this.collectIPv4(mapped, at, out);
    else {
      if (this.ipv6.size > 0) pick(this.ipv6.get(hex), at, out);
      for (const l of this.cidr6) pick(l.map.get(ipv6PrefixKey(hex, l.prefix)), at, out);
    }
    return true;
  }

  private collectIPv4(n: number, at: number, out: IndexEntry[]): void {
    if (this.ipv4.size > 0) pick(this.ipv4.get(n), at, out);
    for (const l of this.cidr4) pick(l.map.get((n & l.mask) >>> 0), at, out);
  }

  /** A host name and each parent domain; a host field holding an address is looked up as one. */
  private collectHost(value: string, at: number, out: IndexEntry[]): void {
    if (value === '' || value.length > 253) return;
    const c = value.charCodeAt(0);
    if (((c >= 48 && c <= 57) || c === 58 || c === 91) && this.collectIp(value, at, out)) return;
    if (this.domains.size === 0) return;
    const name = lookupDomain(value);
    let i = 0;
    for (;;) {
      const dot = name.indexOf('.', i);
      // The last label alone is never an indicator (they need two labels): stop before it.
      if (dot < 0) return;
      pick(this.domains.get(i === 0 ? name : name.slice(i)), at, out);
      i = dot + 1;
    }
  }

  private collectUrl(value: string, at: number, out: IndexEntry[]): void {
    if (this.urls.size === 0 && this.domains.size === 0 && !this.hasAddresses()) return;
    const url = normalizeUrl(value);
    if (!url) return;
    if (this.urls.size > 0) pick(this.urls.get(url.key), at, out);
    this.collectHost(url.host, at, out);
  }

  private collectHash(value: string, at: number, out: IndexEntry[]): void {
    const n = value.length;
    if (this.hashes.size === 0 || (n !== 32 && n !== 40 && n !== 64 && n !== 128)) return;
    pick(this.hashes.get(value.toLowerCase()), at, out);
  }

  private collectEmail(value: string, at: number, out: IndexEntry[]): void {
    let s = value;
    const lt = s.lastIndexOf('<');
    if (lt >= 0 && s.endsWith('>')) s = s.slice(lt + 1, -1);
    const atSign = s.lastIndexOf('@');
    if (atSign <= 0) return;
    if (this.emails.size > 0) pick(this.emails.get(s.trim().toLowerCase()), at, out);
    this.collectHost(s.slice(atSign + 1).trim(), at, out);
  }

  private hasAddresses(): boolean {
    return this.ipv4.size > 0 || this.ipv6.size > 0 || this.cidr4.length > 0 || this.cidr6.length > 0;
  }
}

function pick(entries: IndexEntry[] | undefined, at: number, out: IndexEntry[]): void {
  if (entries === undefined) return;
  for (const e of entries) if (at >= e.from && at < e.until) out.push(e);
}
