// JSON objects (ECS or vendor JSON): nested objects flattened to dotted names, `@timestamp` read as the time.
import type { FieldValue, Scalar } from '../core/event.js';
import { epochToMs, parseTimeValue } from './timestamps.js';
import type { FormatParser, ParseContext, ParsedRecord } from './types.js';

// Deeper nesting is kept as JSON text under the last flattened name.
const MAX_DEPTH = 32;

function firstNonBlank(s: string): number {
  let i = 0;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return i;
    i++;
  }
}

function lastNonBlank(s: string): number {
  let i = s.length - 1;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
    i--;
  }
}

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * Cache of parent name -> key -> dotted name. Feeds repeat the same shape on every line; handing back the
 * same name string spares the concatenation and lets V8 reuse its hash as a property key. Bounded, since
 * keys come from the sender.
 */
const names = new Map<string, Map<string, string>>();
const MAX_PARENTS = 5_000;
const MAX_KEYS = 1_000;

function childName(parent: string, key: string): string {
  let byKey = names.get(parent);
  if (byKey === undefined) {
    byKey = new Map();
    if (names.size < MAX_PARENTS) names.set(parent, byKey);
  }
  let name = byKey.get(key);
  if (name === undefined) {
    name = parent + '.' + key;
    if (byKey.size < MAX_KEYS) byKey.set(key, name);
  }
  return name;
}

function flattenInto(
  obj: Record<string, unknown>,
  parent: string,
  out: Record<string, FieldValue>,
  depth: number,
): void {
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = obj[k];
    const name = depth === 0 ? k : childName(parent, k);
    if (isScalar(v)) {
      if (name !== '__proto__') out[name] = v;
    } else if (Array.isArray(v)) {
      let scalars = true;
      for (const x of v) {
        if (!isScalar(x)) {
          scalars = false;
          break;
        }
      }
      // Arrays of objects have no flat form that keeps which values belong together: kept as JSON text.
      out[name] = scalars ? (v.slice() as Scalar[]) : JSON.stringify(v);
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_DEPTH) out[name] = JSON.stringify(v);
      else flattenInto(v as Record<string, unknown>, name, out, depth + 1);
    }
    // undefined, functions, symbols and bigints (only possible from in-memory objects) are dropped.
  }
}

/**
 * Flattens an already-decoded object (HTTP inputs) the way a JSON line is: `@timestamp` becomes the
 * time (removed from fields when it reads), a `tags` array of strings becomes the record's tags.
 */
export function parseJsonObject(obj: Record<string, unknown>, ctx: ParseContext): ParsedRecord {
  const fields: Record<string, FieldValue> = {};
  flattenInto(obj, '', fields, 0);
  const rec: ParsedRecord = { format: 'json', fields };
  const ts = fields['@timestamp'];
  if (ts !== undefined) {
    const t =
      typeof ts === 'number'
        ? epochToMs(ts)
        : typeof ts === 'string'
          ? parseTimeValue(ts, ctx.timeZone, ctx.receivedAt)
          : NaN;
    if (!Number.isNaN(t)) {
      rec.time = t;
      delete fields['@timestamp'];
    }
  }
  const tags = fields['tags'];
  if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) {
    rec.tags = tags as string[];
    delete fields['tags'];
  }
  return rec;
}

function detect(text: string): boolean {
  return text.charCodeAt(firstNonBlank(text)) === 123; /* { */
}

function parse(text: string, ctx: ParseContext): ParsedRecord | null {
  // Checking both ends first keeps JSON.parse (and its exception) off text that cannot be an object.
  if (!detect(text) || text.charCodeAt(lastNonBlank(text)) !== 125 /* } */) return null;
  let obj: unknown;
  try {
    obj = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return null;
  return parseJsonObject(obj as Record<string, unknown>, ctx);
}

export const json: FormatParser = {
  name: 'json',
  description:
    'A JSON object per message; nested objects flattened to dotted names, arrays of scalars kept, @timestamp read.',
  detect,
  parse,
};
