// Generic key=value text (FortiGate, iptables, sudo, ...): values quoted or bare; fields under `kv.<key>`.
//
// Naming: keys go under `kv.` ("srcip" -> "kv.srcip") so vendor words never pose as ECS; a device parser
// maps them to ECS later. A key that is already a dotted ECS name ("source.ip", "event.action") is kept
// as it is, because a sender that writes ECS names means them.
import type { FieldValue } from '../core/event.js';
import type { KvPairs } from './kv-pairs.js';
import { interned } from './names.js';
import type { FormatParser, ParseContext, ParsedRecord } from './types.js';

const NS = 'kv.';
const MIN_PAIRS = 2;

/** ECS top-level field sets: a dotted key starting with one of these keeps its name. */
const ECS_ROOTS = new Set([
  'agent',
  'client',
  'cloud',
  'container',
  'destination',
  'dns',
  'email',
  'error',
  'event',
  'file',
  'group',
  'host',
  'http',
  'log',
  'network',
  'observer',
  'orchestrator',
  'organization',
  'package',
  'process',
  'registry',
  'related',
  'rule',
  'server',
  'service',
  'source',
  'threat',
  'tls',
  'url',
  'user',
  'user_agent',
  'vulnerability',
]);

function nameFor(key: string, hasDot: boolean): string {
  return interned(hasDot && ECS_ROOTS.has(key.slice(0, key.indexOf('.'))) ? key : NS + key);
}

// Key -> field name cache as an open-addressed table probed with a hash computed while the key is
// scanned: a key seen before costs no slice and no Map hashing, and the same (internalized) name string
// comes back, which V8 stores as a property key cheaply. Fixed size, so sender-chosen keys cannot grow it.
const TABLE = 4096;
const MASK = TABLE - 1;
const PROBES = 8;
const tableKeys: Array<string | undefined> = new Array<string | undefined>(TABLE).fill(undefined);
const tableNames: string[] = new Array<string>(TABLE).fill('');
// Per-slot stamp of the last scan that used the key: a key used twice in one line is seen without a lookup in the output.
const tableScan = new Uint32Array(TABLE);
let scanId = 0;
let evictedInScan = false;

// Pairs are scanned into reusable buffers first, so nothing is written unless there are enough of them.
// (Not cleared between calls: they only ever hold the last line's strings.)
const names: string[] = [];
const values: string[] = [];
const FIRST = 0;
const REPEATED = 1;
const UNKNOWN = 2;
/** Per pair: FIRST use of the name in this line, REPEATED, or UNKNOWN (the cache evicted keys during the line). */
const repeat: number[] = [];

function lookup(s: string, k: number, eq: number, hash: number, hasDot: boolean, slot: number): string {
  const len = eq - k;
  let idx = hash & MASK;
  for (let p = 0; p < PROBES; p++) {
    const key = tableKeys[idx];
    if (key === undefined) break;
    if (key.length === len && s.startsWith(key, k)) {
      repeat[slot] = tableScan[idx] === scanId ? REPEATED : evictedInScan ? UNKNOWN : FIRST;
      tableScan[idx] = scanId;
      return tableNames[idx] as string;
    }
    idx = (idx + 1) & MASK;
  }
  // Not cached: take the free slot, or evict the home slot when the probe run is full. Once a key has
  // been evicted during a line, a later key's first use in that line can no longer be proven.
  if (tableKeys[idx] !== undefined) {
    idx = hash & MASK;
    evictedInScan = true;
  }
  const key = s.slice(k, eq);
  const name = nameFor(key, hasDot);
  repeat[slot] = evictedInScan ? UNKNOWN : FIRST;
  tableKeys[idx] = key;
  tableNames[idx] = name;
  tableScan[idx] = scanId;
  return name;
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45
  );
}

/** Characters that may stand right before a key: start, blanks and list separators. */
function isSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 44 || c === 59 || c === 124 || Number.isNaN(c);
}

function unquote(v: string, quote: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = v.indexOf('\\'); i >= 0 && i < v.length - 1; i = v.indexOf('\\', i + 2)) {
    const c = v[i + 1];
    if (c === quote || c === '\\') {
      parts.push(v.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(v.slice(from));
  return parts.join('');
}

/**
 * Scans key=value pairs of `s` into the buffers and returns how many. Bare values end at a blank; quoted
 * values ("a b" or 'a b', backslash escapes the quote) may hold anything. Text that is not a pair is skipped.
 */
function scan(s: string): number {
  evictedInScan = false;
  scanId = (scanId + 1) >>> 0;
  if (scanId === 0) {
    tableScan.fill(0);
    scanId = 1;
  }
  const n = s.length;
  let count = 0;
  let i = 0;
  // Next backslash and tab at or after the current value (-1: none left), found with indexOf, not char by char.
  let slashAt = -2;
  let tabAt = -2;
  while (i < n) {
    const eq = s.indexOf('=', i);
    if (eq < 0) break;
    let k = eq;
    let hasDot = false;
    let hash = 0;
    for (;;) {
      if (k <= i) break;
      const c = s.charCodeAt(k - 1);
      if (!isKeyChar(c)) break;
      if (c === 46) hasDot = true;
      hash = (Math.imul(hash, 31) + c) | 0;
      k--;
    }
    if (k === eq || !isKeyStart(s.charCodeAt(k)) || !isSeparator(s.charCodeAt(k - 1))) {
      i = eq + 1;
      continue;
    }
    const name = lookup(s, k, eq, hash, hasDot, count);
    const v = eq + 1;
    const q = s.charCodeAt(v);
    let value: string | undefined;
    if (q === 34 || q === 39) {
      const close = s.indexOf(q === 34 ? '"' : "'", v + 1);
      if (slashAt !== -1 && slashAt <= v) slashAt = s.indexOf('\\', v + 1);
      if (close >= 0 && (slashAt < 0 || slashAt > close)) {
        value = s.slice(v + 1, close);
        i = close + 1;
      } else {
        let j = v + 1;
        let escaped = false;
        for (; j < n; j++) {
          const c = s.charCodeAt(j);
          if (c === 92) {
            escaped = true;
            j++;
          } else if (c === q) break;
        }
        if (j < n) {
          const raw = s.slice(v + 1, j);
          value = escaped ? unquote(raw, s[v] as string) : raw;
          i = j + 1;
        }
      }
      // An unclosed quote: read as a bare value below.
    }
    if (value === undefined) {
      let e = s.indexOf(' ', v);
      if (e < 0) e = n;
      if (tabAt !== -1 && tabAt < v) tabAt = s.indexOf('\t', v);
      if (tabAt >= 0 && tabAt < e) e = tabAt;
      value = s.slice(v, e);
      i = e;
    }
    names[count] = name;
    values[count] = value;
    count++;
  }
  return count;
}

/**
 * Writes the scanned pairs. A key repeated in the line becomes an array. A name `into` already holds from
 * a header (only possible for dotted ECS keys) is replaced: payload fields win.
 */
function commit(into: Record<string, FieldValue>, count: number): void {
  for (let i = 0; i < count; i++) {
    const name = names[i] as string;
    const value = values[i] as string;
    const r = repeat[i];
    // Unknown (after an eviction): whatever `into` holds counts as an earlier value. That can only be
    // wrong for a dotted ECS key that also names a header field, in a line with thousands of keys.
    const prev =
      r === REPEATED || (r === UNKNOWN && Object.prototype.hasOwnProperty.call(into, name))
        ? into[name]
        : undefined;
    if (prev === undefined) into[name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else into[name] = [prev, value];
  }
}

/**
 * Reads key=value pairs of `s` into `fields` when there are at least `min`; returns how many (0 when fewer,
 * with nothing written). A key seen twice gets an array; payload pairs replace header fields of the same name.
 */
export function readPairs(s: string, fields: Record<string, FieldValue>, min = 1): number {
  const count = scan(s);
  if (count < min) return 0;
  commit(fields, count);
  return count;
}

/**
 * For device claims: reads the key=value pairs of `s` into `into` (kv.* name -> value, in line order) when they
 * are exactly what readPairs would add as separate fields: at least `min` pairs, no key twice, none a dotted ECS
 * name. Returns how many, or 0 with `into` left as it was when they are not.
 */
export function scanPairs(s: string, into: KvPairs, min = MIN_PAIRS): number {
  const count = scan(s);
  if (count < min) return 0;
  for (let i = 0; i < count; i++) {
    if (repeat[i] !== FIRST || !(names[i] as string).startsWith(NS)) return 0;
  }
  for (let i = 0; i < count; i++) into.add(names[i] as string, values[i] as string);
  return count;
}

function parse(text: string, _ctx: ParseContext): ParsedRecord | null {
  const fields: Record<string, FieldValue> = {};
  if (readPairs(text, fields, MIN_PAIRS) === 0) return null;
  return { format: 'kv', fields };
}

function parseInto(
  text: string,
  _ctx: ParseContext,
  into: Record<string, FieldValue>,
): Omit<ParsedRecord, 'fields'> | null {
  return readPairs(text, into, MIN_PAIRS) === 0 ? null : { format: 'kv' };
}

export const kv: FormatParser = {
  name: 'kv',
  description:
    'key=value pairs (at least two), values bare or quoted; keys under kv.* unless already dotted ECS names.',
  detect: (text) => text.indexOf('=') > 0,
  parse,
  parseInto,
};
