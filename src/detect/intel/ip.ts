// IP address and CIDR parsing in the forms the indicator index keys on: IPv4 as a uint32, IPv6 as 32 hex digits.

/** The address as an unsigned 32-bit number, or -1 when the text is not a dotted-quad IPv4 address. */
export function parseIPv4(s: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      // Zero-padded parts ("010") are read as decimal, as the devices that pad them mean it.
      if (++digits > 3 || part > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + part;
}

export function formatIPv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The netmask of an IPv4 prefix length, as an unsigned number. */
export function ipv4Mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

const HEX = /^[0-9a-f]{1,4}$/i;

/**
 * An IPv6 address as 32 lowercase hex digits, or undefined. Accepts "::" compression, an IPv4 tail
 * ("::ffff:192.0.2.1"), square brackets and a zone ("fe80::1%eth0", which is dropped).
 */
export function parseIPv6(input: string): string | undefined {
  let s = input;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length < 2 || s.indexOf(':') < 0) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : (halves[0] as string).split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] as string).split(':')) : [];
  const groups = halves.length === 2 ? [...head, ...tail] : [...head];
  const last = groups.at(-1);
  let v4: number | undefined;
  if (last !== undefined && last.includes('.')) {
    v4 = parseIPv4(last);
    if (v4 < 0) return undefined;
    groups.pop();
    if (tail.length > 0) tail.pop();
    else head.pop();
  }
  const needed = v4 === undefined ? 8 : 6;
  for (const g of groups) if (!HEX.test(g)) return undefined;
  if (halves.length === 2 ? groups.length >= needed : groups.length !== needed) return undefined;
  const zeros = needed - head.length - tail.length;
  let hex = '';
  for (const g of head) hex += g.padStart(4, '0');
  hex += '0000'.repeat(zeros);
  for (const g of tail) hex += g.padStart(4, '0');
  if (v4 !== undefined) hex += (v4 >>> 0).toString(16).padStart(8, '0');
  return hex.toLowerCase();
}

/** The IPv4 address an IPv4-mapped IPv6 address (::ffff:a.b.c.d) stands for, else -1. */
export function mappedIPv4(hex: string): number {
  return hex.startsWith('00000000000000000000ffff') ? parseInt(hex.slice(24), 16) : -1;
}

/** RFC 5952 text of 32 hex digits: leading zeros dropped, the longest run of zero groups (two or more) as "::". */
export function formatIPv6(hex: string): string {
  const groups: string[] = [];
  for (let i = 0; i < 32; i += 4) groups.push(parseInt(hex.slice(i, i + 4), 16).toString(16));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** The key of an IPv6 network: its first prefix/4 hex digits, the last one masked when prefix is not a multiple of 4. */
export function ipv6PrefixKey(hex: string, prefix: number): string {
  const full = prefix >> 2;
  const rest = prefix & 3;
  if (rest === 0) return hex.slice(0, full);
  const nibble = parseInt(hex.charAt(full), 16) & ((0xf << (4 - rest)) & 0xf);
  return hex.slice(0, full) + nibble.toString(16);
}

export type ParsedCidr =
  { version: 4; network: number; prefix: number } | { version: 6; network: string; prefix: number };

/** A CIDR block ("10.0.0.0/8", "2001:db8::/32"); host bits are cleared. Undefined when malformed. */
export function parseCidr(s: string): ParsedCidr | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  const v4 = parseIPv4(addr);
  if (v4 >= 0) {
    if (prefix > 32) return undefined;
    return { version: 4, network: (v4 & ipv4Mask(prefix)) >>> 0, prefix };
  }
  const v6 = parseIPv6(addr);
  if (v6 === undefined || prefix > 128) return undefined;
  const key = ipv6PrefixKey(v6, prefix);
  return { version: 6, network: key.padEnd(32, '0'), prefix };
}
