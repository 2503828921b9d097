// Network field helpers the firewall parsers share: protocol names, MAC spelling, direction from addresses.
import type { FieldValue } from '../../core/event.js';
import { toInt, toPort } from '../values.js';

/** IANA protocol number -> ECS `network.transport` name (the ones firewalls log). */
export const IANA_TRANSPORT: Readonly<Record<string, string>> = {
  '0': 'hopopt',
  '1': 'icmp',
  '2': 'igmp',
  '6': 'tcp',
  '8': 'egp',
  '17': 'udp',
  '41': 'ipv6',
  '47': 'gre',
  '50': 'esp',
  '51': 'ah',
  '58': 'ipv6-icmp',
  '89': 'ospf',
  '103': 'pim',
  '112': 'vrrp',
  '132': 'sctp',
};

/** ECS transport name -> IANA number, the reverse of IANA_TRANSPORT. */
export const IANA_NUMBER: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(IANA_TRANSPORT).map(([n, name]) => [name, n]),
);

/** ECS spells MAC addresses upper case with dashes: "00-1A-2B-3C-4D-5E". */
export function ecsMac(mac: string): string {
  let out = '';
  for (let i = 0; i < mac.length; i++) {
    const c = mac[i] as string;
    out += c === ':' || c === '.' ? '-' : c;
  }
  return out.toUpperCase();
}

function octet(s: string, i: number, end: number): number {
  if (i >= end || end - i > 3) return -1;
  let v = 0;
  for (let k = i; k < end; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v <= 255 ? v : -1;
}

/** RFC 1918 IPv4 or RFC 4193 IPv6 unique-local: Elastic's "private" named network. */
export function isPrivateIp(ip: string): boolean {
  const c0 = ip.charCodeAt(0) | 32;
  if (c0 === 102 /* f */) {
    const c1 = ip.charCodeAt(1) | 32;
    return (c1 === 99 || c1 === 100) && ip.indexOf(':') > 1; // fc00::/7
  }
  const d1 = ip.indexOf('.');
  if (d1 < 0) return false;
  const a = octet(ip, 0, d1);
  if (a === 10) return true;
  const d2 = ip.indexOf('.', d1 + 1);
  if (d2 < 0) return false;
  const b = octet(ip, d1 + 1, d2);
  return (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * ECS `network.direction` from where the two ends are, private networks counting as inside (what Elastic's
 * network_direction processor does with its default "private" internal networks).
 */
export function directionOf(
  source: FieldValue | undefined,
  destination: FieldValue | undefined,
): string | undefined {
  if (typeof source !== 'string' || typeof destination !== 'string') return undefined;
  const s = isPrivateIp(source);
  const d = isPrivateIp(destination);
  if (s && d) return 'internal';
  if (s) return 'outbound';
  if (d) return 'inbound';
  return 'external';
}

/** Writes `name` = the integer in `v` when it is one; returns whether it wrote. */
export function putInt(out: Record<string, FieldValue>, name: string, v: string | undefined): boolean {
  if (v === undefined) return false;
  const n = toInt(v);
  if (Number.isNaN(n)) return false;
  out[name] = n;
  return true;
}

/** Writes `name` = the port in `v` when it is one; returns whether it wrote. */
export function putPort(out: Record<string, FieldValue>, name: string, v: string | undefined): boolean {
  if (v === undefined) return false;
  const n = toPort(v);
  if (Number.isNaN(n)) return false;
  out[name] = n;
  return true;
}

/** Adds `value` to the list field `name` (creating it), skipping duplicates. */
export function addTo(out: Record<string, FieldValue>, name: string, value: string): void {
  const prev = out[name];
  if (prev === undefined || prev === null) out[name] = [value];
  else if (Array.isArray(prev)) {
    if (!prev.includes(value)) prev.push(value);
  } else if (prev !== value) out[name] = [prev, value];
}

/** The first string of a field value (devices sometimes repeat a key, which makes an array). */
export function firstString(v: FieldValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    for (const x of v) if (typeof x === 'string') return x;
  }
  return undefined;
}
