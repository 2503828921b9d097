// IP addresses and CIDR networks (IPv4 and IPv6): the body of the SQLite function yg_cidr and of CIDR terms in JS.

export type Cidr =
  | { version: 4; prefix: number; network: number; mask: number; text: string }
  | { version: 6; prefix: number; groups: number[]; text: string };

/** An IPv4 address as an unsigned 32-bit number, or -1. Octets may be zero-padded ("010.000.000.001"). */
export function parseIPv4(s: string, start = 0, end = s.length): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + octet;
}

/** An IPv6 address as eight 16-bit groups (a zone such as "%eth0" is ignored), or undefined. */
export function parseIPv6(input: string): number[] | undefined {
  const zone = input.indexOf('%');
  const s = zone >= 0 ? input.slice(0, zone) : input;
  if (s.length < 2 || s.length > 45) return undefined;
  const head: number[] = [];
  const tail: number[] = [];
  let part = head;
  let sawDouble = false;
  let i = 0;
  if (s.startsWith('::')) {
    sawDouble = true;
    part = tail;
    i = 2;
    if (s.length === 2) return [0, 0, 0, 0, 0, 0, 0, 0];
  } else if (s.charCodeAt(0) === 58) return undefined;
  while (i < s.length) {
    let j = i;
    let group = 0;
    while (j < s.length && j - i < 5) {
      const c = s.charCodeAt(j);
      const h = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (h < 0) break;
      group = group * 16 + h;
      j++;
    }
    if (j < s.length && s.charCodeAt(j) === 46) {
      // Embedded IPv4 in the last 32 bits ("::ffff:10.0.0.1").
      const v4 = parseIPv4(s, i);
      if (v4 < 0) return undefined;
      part.push(Math.floor(v4 / 65536), v4 % 65536);
      break;
    }
    if (j === i || j - i > 4) return undefined;
    part.push(group);
    if (j === s.length) break;
    if (s.charCodeAt(j) !== 58) return undefined;
    if (s.charCodeAt(j + 1) === 58) {
      if (sawDouble) return undefined;
      sawDouble = true;
      part = tail;
      i = j + 2;
      if (i === s.length) break;
    } else {
      i = j + 1;
      if (i === s.length) return undefined;
    }
  }
  const total = head.length + tail.length;
  if (sawDouble ? total > 7 : total !== 8) return undefined;
  return [...head, ...new Array<number>(8 - total).fill(0), ...tail];
}

function formatIPv4(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

/** RFC 5952 text: lower case, the longest run of two or more zero groups shortened to "::". */
function formatIPv6(groups: number[]): string {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function v4Mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** A network "10.0.0.0/8", "2001:db8::/32", or a single address (a /32 or /128); host bits are cleared. Undefined if invalid. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const addr = slash >= 0 ? text.slice(0, slash) : text;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : undefined;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const v4 = parseIPv4(addr);
  if (v4 >= 0) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (prefix > 32) return undefined;
    const mask = v4Mask(prefix);
    const network = (v4 & mask) >>> 0;
    return { version: 4, prefix, network, mask, text: `${formatIPv4(network)}/${prefix}` };
  }
  if (addr.includes('%')) return undefined;
  const v6 = parseIPv6(addr);
  if (!v6) return undefined;
  const prefix = prefixText === undefined ? 128 : Number(prefixText);
  if (prefix > 128) return undefined;
  const groups = v6.map((g, i) => {
    const bits = Math.min(16, Math.max(0, prefix - i * 16));
    return bits === 0 ? 0 : g & ((0xffff << (16 - bits)) & 0xffff);
  });
  return { version: 6, prefix, groups, text: `${formatIPv6(groups)}/${prefix}` };
}

function inV6(groups: number[], cidr: Extract<Cidr, { version: 6 }>): boolean {
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((groups[i]! & mask) !== cidr.groups[i]) return false;
  }
  return true;
}

// yg_cidr is called once per row with the same network text: keep the parsed networks.
const cache = new Map<string, Cidr | null>();
const CACHE_LIMIT = 256;

function cachedCidr(text: string): Cidr | undefined {
  let c = cache.get(text);
  if (c === undefined) {
    c = parseCidr(text) ?? null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, c);
  }
  return c ?? undefined;
}

/**
 * Whether `ip` lies in `cidr`. IPv4-mapped IPv6 addresses ("::ffff:10.0.0.1") match IPv4 networks and the other
 * way round. Anything that is not an address or a network gives false, never an error.
 */
export function ipInCidr(ip: string, cidr: string | Cidr): boolean {
  const net = typeof cidr === 'string' ? cachedCidr(cidr) : cidr;
  if (!net || typeof ip !== 'string') return false;
  let v4 = parseIPv4(ip);
  if (net.version === 4) {
    if (v4 < 0) {
      const v6 = ip.includes(':') ? parseIPv6(ip) : undefined;
      if (!v6 || v6[0] || v6[1] || v6[2] || v6[3] || v6[4] || v6[5] !== 0xffff) return false;
      v4 = v6[6]! * 65536 + v6[7]!;
    }
    return (v4 & net.mask) >>> 0 === net.network;
  }
  const groups = v4 >= 0 ? [0, 0, 0, 0, 0, 0xffff, Math.floor(v4 / 65536), v4 % 65536] : parseIPv6(ip);
  return groups !== undefined && inV6(groups, net);
}

/** The body of the SQLite function: `db.function('yg_cidr', { deterministic: true }, ygCidr)`. Returns 1 or 0. */
export function ygCidr(ip: unknown, cidr: unknown): number {
  return typeof ip === 'string' && typeof cidr === 'string' && ipInCidr(ip, cidr) ? 1 : 0;
}
