// Typed conversions for mapped values (ports, counts, IPs, times) shared by the CEF and LEEF parsers.
import { isIP } from 'node:net';
import type { FieldValue } from '../core/event.js';
import type { Conversion } from './cef-dictionary.js';
import { parseTimeValue } from './timestamps.js';
import type { ParseContext } from './types.js';

export function toInt(v: string): number {
  const s = v.trim();
  if (s.length === 0 || s.length > 15) return NaN;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === s.length) return NaN;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  return Number(s);
}

export function toPort(v: string): number {
  const n = toInt(v);
  return n >= 0 && n <= 65535 ? n : NaN;
}

export function isIpAddress(v: string): boolean {
  return v.length <= 45 && (isDottedQuad(v) || isIP(v) !== 0);
}

/**
 * A plain IPv4 address as node's isIP accepts it (four 0-255 numbers, no leading zeros), checked without its
 * regular expression: most addresses in logs are these. Anything else is left to isIP.
 */
function isDottedQuad(v: string): boolean {
  const n = v.length;
  if (n < 7 || n > 15) return false;
  let i = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (v.charCodeAt(i) !== 46 /* . */) return false;
      i++;
    }
    const start = i;
    let value = 0;
    while (i < n && i - start < 3) {
      const d = v.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      i++;
    }
    const len = i - start;
    if (len === 0 || value > 255 || (len > 1 && v.charCodeAt(start) === 48)) return false;
  }
  return i === n;
}

/** Converts `v` as named; undefined when it does not convert (the value then stays only in the vendor namespace). */
export function convert(v: string, conversion: Conversion, ctx: ParseContext): FieldValue | undefined {
  switch (conversion) {
    case 'string':
      return v.length > 0 ? v : undefined;
    case 'lower':
      return v.length > 0 ? v.toLowerCase() : undefined;
    case 'int': {
      const n = toInt(v);
      return Number.isNaN(n) ? undefined : n;
    }
    case 'port': {
      const n = toPort(v);
      return Number.isNaN(n) ? undefined : n;
    }
    case 'float': {
      const n = v.trim().length > 0 ? Number(v) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'ip': {
      const s = v.trim();
      return isIpAddress(s) ? s : undefined;
    }
    case 'time': {
      const t = parseTimeValue(v, ctx.timeZone, ctx.receivedAt);
      return Number.isNaN(t) ? undefined : new Date(t).toISOString();
    }
  }
}

/** Digest length -> its ECS field, spelled out (a name built per call would be looked up in V8's string table). */
const HASH_BY_LENGTH: Readonly<Record<number, string>> = {
  32: 'file.hash.md5',
  40: 'file.hash.sha1',
  64: 'file.hash.sha256',
  128: 'file.hash.sha512',
};

/** ECS file.hash.<algo> for a hex digest whose algorithm is only known by its length; undefined otherwise. */
export function hashField(v: string): string | undefined {
  const field = HASH_BY_LENGTH[v.length];
  if (!field) return undefined;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i) | 32;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return undefined;
  }
  return field;
}
