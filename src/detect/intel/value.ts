// Normalizes indicator values (and the event values looked up against them) so equal things compare equal.
import { domainToASCII } from 'node:url';
import { HASH_TYPES, type HashType, type IndicatorType } from './indicator.js';
import { formatIPv4, formatIPv6, mappedIPv4, parseCidr, parseIPv4, parseIPv6 } from './ip.js';
import { refang } from './refang.js';

/** A type as importers may name it: an indicator type, or just "ip" or "hash" to be told apart by the value. */
export type TypeHint = IndicatorType | 'ip' | 'hash';

export type Normalized = { ok: true; type: IndicatorType; value: string } | { ok: false; reason: string };

const HASH_BY_LENGTH: Record<number, HashType> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };
const HASH_LENGTH: Record<HashType, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// At least two labels: a single label would match a whole top-level domain and everything under it.
const DOMAIN =
  /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const NON_ASCII = /[^\x00-\x7f]/;

/** The type a bare value has: what one-value-per-line lists rely on. */
export function inferType(value: string): IndicatorType | undefined {
  if (SCHEME.test(value)) return 'url';
  if (value.includes('/')) {
    if (parseCidr(value)) return 'cidr';
    return normalizeUrl(value) ? 'url' : undefined;
  }
  if (parseIPv4(value) >= 0) return 'ipv4';
  if (value.includes(':')) return parseIPv6(value) !== undefined ? 'ipv6' : undefined;
  if (/^[0-9a-f]+$/i.test(value)) {
    const hash = HASH_BY_LENGTH[value.length];
    if (hash) return hash;
  }
  if (value.includes('@')) return 'email';
  return normalizeDomain(value) !== undefined ? 'domain' : undefined;
}

/** An indicator's type and normalized value from a raw (possibly defanged) value and an optional type hint. */
export function normalizeIndicator(raw: string, hint?: TypeHint): Normalized {
  const value = refang(raw);
  if (value === '') return { ok: false, reason: 'the value is empty' };
  let type: IndicatorType | undefined;
  if (hint === undefined) type = inferType(value);
  else if (hint === 'ip') type = value.includes('/') ? 'cidr' : value.includes(':') ? 'ipv6' : 'ipv4';
  else if (hint === 'hash') type = HASH_BY_LENGTH[value.length] ?? 'sha256';
  // A feed's "ip" or "ipv4" column sometimes holds a block, and its "hostname" an address: take them as such.
  else if ((hint === 'ipv4' || hint === 'ipv6') && value.includes('/')) type = 'cidr';
  else if (hint === 'domain' && (parseIPv4(value) >= 0 || parseIPv6(value) !== undefined))
    type = parseIPv4(value) >= 0 ? 'ipv4' : 'ipv6';
  else type = hint;
  if (type === undefined) return { ok: false, reason: `cannot tell the type of "${value}"` };
  const normalized = normalizeAs(type, value);
  return normalized === undefined
    ? { ok: false, reason: `"${value}" is not a valid ${type}` }
    : typeof normalized === 'string'
      ? { ok: true, type, value: normalized }
      : normalized;
}

function normalizeAs(type: IndicatorType, value: string): string | Normalized | undefined {
  switch (type) {
    case 'ipv4': {
      const n = parseIPv4(value);
      return n >= 0 ? formatIPv4(n) : undefined;
    }
    case 'ipv6': {
      const hex = parseIPv6(value);
      if (hex === undefined) return undefined;
      const v4 = mappedIPv4(hex);
      return v4 >= 0 ? { ok: true, type: 'ipv4', value: formatIPv4(v4) } : formatIPv6(hex);
    }
    case 'cidr': {
      const c = parseCidr(value);
      if (!c) return undefined;
      if (c.prefix === 0) return { ok: false, reason: `"${value}" would match every address` };
      return c.version === 4
        ? `${formatIPv4(c.network)}/${c.prefix}`
        : `${formatIPv6(c.network)}/${c.prefix}`;
    }
    case 'domain':
      return normalizeDomain(value);
    case 'url':
      return normalizeUrl(value)?.key;
    case 'email':
      return normalizeEmail(value);
    default:
      return normalizeHash(value, type);
  }
}

/** Lowercase ASCII (punycode) name without a trailing dot or a leading "*."; undefined unless it has 2+ labels. */
export function normalizeDomain(raw: string): string | undefined {
  let s = raw.trim().toLowerCase();
  if (s.startsWith('*.')) s = s.slice(2);
  else if (s.startsWith('.')) s = s.slice(1);
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (NON_ASCII.test(s)) s = domainToASCII(s);
  if (!DOMAIN.test(s) || /^\d+$/.test(s.slice(s.lastIndexOf('.') + 1))) return undefined;
  return s;
}

/** The lookup form of a host name taken from an event: lowercase ASCII, no trailing dot; no validation. */
export function lookupDomain(raw: string): string {
  let s = raw.toLowerCase();
  if (s.endsWith('.')) s = s.slice(0, -1);
  return NON_ASCII.test(s) ? domainToASCII(s) : s;
}

export interface UrlParts {
  /** scheme://host[:port]/path[?query], see normalizeUrl. */
  key: string;
  /** The host name or address (IPv6 in brackets). */
  host: string;
}

/**
 * The comparable form of a URL. Scheme and host are lowercased (IDN to punycode), a default port is removed,
 * user info and fragment are dropped, dot segments are resolved, percent escapes are uppercased, and one
 * trailing "/" is removed from a path other than "/", so "http://x.example/a/" equals "http://x.example/a" and
 * "http://x.example" equals "http://x.example/". A value without a scheme is read as http://.
 */
export function normalizeUrl(raw: string): UrlParts | undefined {
  let s = raw.trim();
  // A path alone ("/gate.php", as MISP "uri" attributes hold) names no host: it is not a URL indicator.
  if (s === '' || s.startsWith('/') || /\s/.test(s)) return undefined;
  if (!SCHEME.test(s)) s = `http://${s}`;
  return simpleUrl(s) ?? whatwgUrl(s);
}

/** normalizeUrl's rules applied through the WHATWG parser (new URL()), for a URL with a scheme. */
export function whatwgUrl(s: string): UrlParts | undefined {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return undefined;
  }
  if (u.hostname === '') return undefined;
  let path = u.pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { key: `${u.protocol}//${u.host}${upperEscapes(path)}${upperEscapes(u.search)}`, host: u.hostname };
}

// http(s) URLs whose host is a plain name and whose path and query hold no character the WHATWG parser would
// rewrite (escapes, dot segments, quotes, backslashes, user info): most URLs in logs. For them the key is built
// here, faster than new URL(); anything else goes through new URL(). value.test.ts checks both give the same key.
// Each part's characters exclude the delimiter after it, so matching takes linear time on any input.
const SIMPLE_URL =
  /^(https?):\/\/([a-z0-9.-]+)(?::(\d{1,5}))?(\/[\w\-.~!$&()*+,;=:@/]*)?(\?[\w\-.~!$&()*+,;=:@/?]*)?(?:#.*)?$/i;

function simpleUrl(s: string): UrlParts | undefined {
  const m = SIMPLE_URL.exec(s);
  if (!m) return undefined;
  const host = (m[2] as string).toLowerCase();
  const path = m[4] ?? '/';
  const port = m[3];
  // Left to new URL(): hosts that are addresses or need IDNA checks, empty or hyphen-edged labels, dot segments,
  // ports with leading zeros or out of range.
  const last = host.charCodeAt(host.lastIndexOf('.') + 1);
  if (!(last >= 97 && last <= 122) || /^[.-]|[.-]$|\.\.|\.-|-\.|xn--/.test(host)) return undefined;
  if (path.includes('/.') || (port !== undefined && (port.startsWith('0') || Number(port) > 65535)))
    return undefined;
  const scheme = (m[1] as string).toLowerCase();
  const keepPort = port !== undefined && port !== (scheme === 'http' ? '80' : '443');
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const query = m[5] === undefined || m[5] === '?' ? '' : m[5];
  return { key: `${scheme}://${host}${keepPort ? `:${port}` : ''}${trimmed}${query}`, host };
}

function upperEscapes(s: string): string {
  return s.includes('%') ? s.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase()) : s;
}

export function normalizeHash(raw: string, type?: HashType): string | undefined {
  const s = raw.trim().toLowerCase();
  if (!/^[0-9a-f]+$/.test(s)) return undefined;
  const byLength = HASH_BY_LENGTH[s.length];
  if (!byLength || (type !== undefined && HASH_LENGTH[type] !== s.length)) return undefined;
  return s;
}

export function isHashType(t: string): t is HashType {
  return (HASH_TYPES as readonly string[]).includes(t);
}

/** Lowercase address with its domain normalized; "mailto:" and "Name <addr>" forms are unwrapped. */
export function normalizeEmail(raw: string): string | undefined {
  let s = raw.trim();
  const lt = s.lastIndexOf('<');
  if (lt >= 0 && s.endsWith('>')) s = s.slice(lt + 1, -1);
  if (s.toLowerCase().startsWith('mailto:')) s = s.slice(7);
  const at = s.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = s.slice(0, at).toLowerCase();
  if (/[\s<>@]/.test(local)) return undefined;
  const domain = normalizeDomain(s.slice(at + 1));
  return domain === undefined ? undefined : `${local}@${domain}`;
}
