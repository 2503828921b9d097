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
  return v.length <= 45 && isIP(v) !== 0;
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

const HASH_BY_LENGTH: Readonly<Record<number, string>> = {
  32: 'md5',
  40: 'sha1',
  64: 'sha256',
  128: 'sha512',
};

/** ECS file.hash.<algo> for a hex digest whose algorithm is only known by its length; undefined otherwise. */
export function hashField(v: string): string | undefined {
  const algo = HASH_BY_LENGTH[v.length];
  if (!algo) return undefined;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i) | 32;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return undefined;
  }
  return 'file.hash.' + algo;
}
