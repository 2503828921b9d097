// ArcSight CEF: "CEF:0|vendor|product|version|class id|name|severity|key=value ...", extensions mapped to ECS.
//
// Field shape follows Elastic's decode_cef (cef.device.*, cef.name, cef.severity, cef.extensions.<full name>),
// with two deliberate differences: `message` is the `msg` extension when there is one (the event text an
// analyst searches; the CEF name stays in cef.name), and `fname` maps to `file.name` (Elastic: file.uid).
import type { FieldValue } from '../core/event.js';
import { CEF_FULL_NAMES, CEF_SEVERITY_WORDS, CEF_TO_ECS } from './cef-dictionary.js';
import { parseTimeValue } from './timestamps.js';
import type { FormatParser, ParseContext, ParsedRecord } from './types.js';
import { convert, hashField, toInt } from './values.js';

const EXT = 'cef.extensions.';
/** Index of "CEF:" at the start (after blanks); -1 if absent. */
function markerAt(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.startsWith('CEF:', i) ? i : -1;
}

/** Splits the 7 header fields after "CEF:" (pipes escaped as \|); returns where the extension starts, or -1. */
function readHeader(s: string, start: number, out: string[]): number {
  let from = start;
  let escaped = false;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      escaped = true;
      i++;
    } else if (c === 124 /* | */) {
      const v = s.slice(from, i);
      out.push(escaped ? unescapeHeader(v) : v);
      escaped = false;
      from = i + 1;
      if (out.length === 7) return from;
    }
  }
  return -1;
}

function unescapeHeader(v: string): string {
  let out = '';
  let from = 0;
  for (let i = v.indexOf('\\'); i >= 0 && i < v.length - 1; i = v.indexOf('\\', i + 2)) {
    const c = v.charCodeAt(i + 1);
    if (c === 124 || c === 92) {
      out += v.slice(from, i);
      from = i + 1;
    }
  }
  return out + v.slice(from);
}

function isKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 46 ||
    c === 44 ||
    c === 91 ||
    c === 93 ||
    c === 45
  );
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Next "=" at or after `from` that is not escaped by an odd number of backslashes. */
function unescapedEq(s: string, from: number): number {
  for (let q = s.indexOf('=', from); q >= 0; q = s.indexOf('=', q + 1)) {
    let b = 0;
    while (s.charCodeAt(q - 1 - b) === 92) b++;
    if ((b & 1) === 0) return q;
  }
  return -1;
}

function unescapeValue(v: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = v.indexOf('\\'); i >= 0 && i < v.length - 1; i = v.indexOf('\\', i + 2)) {
    const c = v.charCodeAt(i + 1);
    let rep: string | undefined;
    if (c === 61 || c === 92 || c === 124) rep = v[i + 1];
    else if (c === 110) rep = '\n';
    else if (c === 114) rep = '\r';
    else if (c === 116) rep = '\t';
    if (rep !== undefined) {
      parts.push(v.slice(from, i), rep);
      from = i + 2;
    }
  }
  parts.push(v.slice(from));
  return parts.join('');
}

/**
 * Reads "key=value key2=value with spaces" from `start`: a value runs until the last blank before the
 * next unescaped "=" whose preceding word is a key. Calls `put` with the unescaped value.
 */
export function readCefExtensions(
  s: string,
  start: number,
  put: (key: string, value: string) => void,
): number {
  const n = s.length;
  let i = start;
  let count = 0;
  while (i < n && isBlank(s.charCodeAt(i))) i++;
  let eq = unescapedEq(s, i);
  while (eq >= 0) {
    // The key is the word just before "=" (anything before it on the first pair is ignored).
    let k = eq;
    while (k > i && isKeyChar(s.charCodeAt(k - 1))) k--;
    const key = s.slice(k, eq);
    const vStart = eq + 1;
    let vEnd = n;
    let next = -1;
    for (let q = unescapedEq(s, vStart); q >= 0; q = unescapedEq(s, q + 1)) {
      let b = q;
      while (b > vStart && isKeyChar(s.charCodeAt(b - 1))) b--;
      if (b < q && b > vStart && isBlank(s.charCodeAt(b - 1))) {
        vEnd = b - 1;
        next = q;
        i = b;
        break;
      }
    }
    while (vEnd > vStart && isBlank(s.charCodeAt(vEnd - 1))) vEnd--;
    if (key.length > 0) {
      const raw = s.slice(vStart, vEnd);
      put(key, raw.indexOf('\\') >= 0 ? unescapeValue(raw) : raw);
      count++;
    }
    eq = next;
  }
  return count;
}

function severityOf(v: string): number {
  const n = toInt(v);
  if (!Number.isNaN(n)) return n;
  return CEF_SEVERITY_WORDS[v.trim().toLowerCase()] ?? NaN;
}

function parse(text: string, ctx: ParseContext): ParsedRecord | null {
  const m = markerAt(text);
  if (m < 0) return null;
  const header: string[] = [];
  const ext = readHeader(text, m + 4, header);
  if (ext < 0) return null;
  const [version = '', vendor = '', product = '', devVersion = '', classId = '', name = '', severity = ''] =
    header;
  const fields: Record<string, FieldValue> = {};
  const v = toInt(version);
  fields['cef.version'] = Number.isNaN(v) ? version : v;
  fields['cef.device.vendor'] = vendor;
  fields['cef.device.product'] = product;
  fields['cef.device.version'] = devVersion;
  fields['cef.device.event_class_id'] = classId;
  fields['cef.name'] = name;
  fields['cef.severity'] = severity;
  if (vendor) fields['observer.vendor'] = vendor;
  if (product) fields['observer.product'] = product;
  if (devVersion) fields['observer.version'] = devVersion;
  if (classId) fields['event.code'] = classId;
  const sev = severityOf(severity);
  if (!Number.isNaN(sev)) fields['event.severity'] = sev;

  let receiptTime: string | undefined;
  let zone: string | undefined;
  readCefExtensions(text, ext, (key, value) => {
    const full = CEF_FULL_NAMES[key] ?? key;
    fields[EXT + full] = value;
    const ecs = CEF_TO_ECS[full];
    if (ecs) {
      const converted = convert(value, ecs[1], ctx);
      if (converted !== undefined) fields[ecs[0]] = converted;
    } else if (full === 'fileHash') {
      const f = hashField(value);
      if (f) fields[f] = value.toLowerCase();
    } else if (full === 'deviceReceiptTime') {
      receiptTime = value;
    } else if (full === 'deviceTimeZone') {
      zone = value.trim();
    }
  });
  if (fields['message'] === undefined && name) fields['message'] = name;

  const rec: ParsedRecord = { format: 'cef', fields };
  if (receiptTime !== undefined) {
    const t = parseTimeValue(receiptTime, zone || ctx.timeZone, ctx.receivedAt);
    if (!Number.isNaN(t)) rec.time = t;
  }
  return rec;
}

export const cef: FormatParser = {
  name: 'cef',
  description:
    'ArcSight Common Event Format; extensions kept under cef.extensions.<full name> and mapped to ECS.',
  detect: (text) => markerAt(text) >= 0,
  parse,
};
