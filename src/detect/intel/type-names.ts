// The type names feeds use, mapped to indicator types: generic names, STIX-like names and MISP attribute types.
import type { TypeHint } from './value.js';

/** Lowercased name -> type hint. Composite MISP types ("domain|ip") are in mispParts. */
const NAMES: Record<string, TypeHint> = {
  ip: 'ip',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  'ip-addr': 'ip',
  'ipv4-addr': 'ipv4',
  'ipv6-addr': 'ipv6',
  ip_address: 'ip',
  'ip-src': 'ip',
  'ip-dst': 'ip',
  dst_ip: 'ip',
  src_ip: 'ip',
  cidr: 'cidr',
  network: 'cidr',
  subnet: 'cidr',
  domain: 'domain',
  'domain-name': 'domain',
  hostname: 'domain',
  host: 'domain',
  fqdn: 'domain',
  url: 'url',
  uri: 'url',
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  'sha-256': 'sha256',
  'sha-1': 'sha1',
  sha512: 'sha512',
  'sha-512': 'sha512',
  hash: 'hash',
  filehash: 'hash',
  file_hash: 'hash',
  email: 'email',
  'email-addr': 'email',
  'email-src': 'email',
  'email-dst': 'email',
  email_address: 'email',
};

/** The type hint a type name (or a column named after a type, such as "sha256_hash") stands for. */
export function hintForTypeName(name: string): TypeHint | undefined {
  const n = name.trim().toLowerCase();
  return NAMES[n] ?? NAMES[n.replace(/[_-]hash$/, '')];
}

/** One indicator a (possibly composite) typed value holds. */
export interface TypedPart {
  hint: TypeHint;
  value: string;
}

const HASH_PARTS = new Set(['md5', 'sha1', 'sha256', 'sha512']);

/**
 * The indicators a MISP attribute of this type holds, or undefined when the type holds none we match
 * (filename, regkey, mutex, ...). Composite types split at "|": "domain|ip" gives both halves,
 * "ip-dst|port" and "hostname|port" the address or name, "filename|sha256" the hash.
 */
export function mispParts(type: string, value: string): TypedPart[] | undefined {
  const t = type.trim().toLowerCase();
  const bar = t.indexOf('|');
  if (bar < 0) {
    const hint = hintForTypeName(t);
    return hint === undefined ? undefined : [{ hint, value }];
  }
  const left = t.slice(0, bar);
  const right = t.slice(bar + 1);
  const cut = value.indexOf('|');
  const lv = cut < 0 ? value : value.slice(0, cut);
  const rv = cut < 0 ? '' : value.slice(cut + 1);
  if (left === 'domain' && right === 'ip')
    return [
      { hint: 'domain', value: lv },
      { hint: 'ip', value: rv },
    ];
  if (right === 'port') {
    const hint = hintForTypeName(left);
    return hint === undefined ? undefined : [{ hint, value: lv }];
  }
  if (left === 'filename' && HASH_PARTS.has(right)) return [{ hint: right as TypeHint, value: rv }];
  return undefined;
}
