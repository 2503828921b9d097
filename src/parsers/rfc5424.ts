// RFC 5424 syslog: "<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG", structured data kept per SD-ID.
import type { FieldValue } from '../core/event.js';
import { lastEnd, looksIsoAt, parseIsoAt } from './timestamps.js';
import { priEnd, putAppname, putHostname, putPri, putProcid, readPri } from './syslog-common.js';
import type { FormatParser, ParseContext, ParsedRecord } from './types.js';

const SD_PREFIX = 'log.syslog.structured_data.';

/** Where the version digit starts: after "<PRI>" or at 0 for a header without PRI; -1 when not RFC 5424. */
function versionStart(text: string): number {
  const pri = readPri(text);
  if (pri === -2) return -1;
  const i = pri >= 0 ? priEnd : 0;
  const c = text.charCodeAt(i);
  if (c < 49 || c > 57) return -1;
  const next = text.charCodeAt(i + 1);
  if (next === 32) {
    // Without a PRI, demand a timestamp or "-" after "1 " so prose starting with a digit is not taken.
    if (pri >= 0) return i;
    return looksIsoAt(text, i + 2) || (text.charCodeAt(i + 2) === 45 && text.charCodeAt(i + 3) === 32)
      ? i
      : -1;
  }
  return -1;
}

/** Index of the next space at or after `i`, or the text length. */
function tokenEnd(s: string, i: number): number {
  const j = s.indexOf(' ', i);
  return j < 0 ? s.length : j;
}

let sdEnd = 0;

function addSdParam(fields: Record<string, FieldValue>, key: string, value: string): void {
  const prev = fields[key];
  if (prev === undefined) fields[key] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else fields[key] = [prev, value];
}

/**
 * Reads "[id p="v" ...][id2 ...]" starting at `i` into fields. Returns false when malformed. Values
 * unescape \" \\ \] (RFC 5424 section 6.3.3); another backslash stays as written.
 */
function readStructuredData(s: string, i: number, fields: Record<string, FieldValue>): boolean {
  const n = s.length;
  while (i < n && s.charCodeAt(i) === 91 /* [ */) {
    let j = i + 1;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === 32 || c === 93 || c === 61 || c === 34) break;
      j++;
    }
    if (j === i + 1 || j >= n) return false;
    const id = s.slice(i + 1, j);
    const base = SD_PREFIX + id + '.';
    let hasParam = false;
    for (;;) {
      const c = s.charCodeAt(j);
      if (c === 93 /* ] */) {
        j++;
        break;
      }
      if (c !== 32) return false;
      j++;
      const eq = s.indexOf('=', j);
      if (eq < 0 || s.charCodeAt(eq + 1) !== 34) return false;
      const name = s.slice(j, eq);
      if (name.length === 0 || name.indexOf(' ') >= 0 || name.indexOf(']') >= 0) return false;
      // Value: up to the first unescaped quote.
      let k = eq + 2;
      let escaped = false;
      for (; k < n; k++) {
        const v = s.charCodeAt(k);
        if (v === 92 /* \ */) {
          escaped = true;
          k++;
        } else if (v === 34) {
          break;
        }
      }
      if (k >= n) return false;
      const raw = s.slice(eq + 2, k);
      addSdParam(fields, base + name, escaped ? unescapeSd(raw) : raw);
      hasParam = true;
      j = k + 1;
    }
    if (!hasParam) fields[SD_PREFIX + id] = true;
    i = j;
  }
  sdEnd = i;
  return true;
}

function unescapeSd(v: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = v.indexOf('\\'); i >= 0 && i < v.length - 1; i = v.indexOf('\\', i + 2)) {
    const c = v.charCodeAt(i + 1);
    if (c === 34 || c === 92 || c === 93) {
      parts.push(v.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(v.slice(from));
  return parts.join('');
}

function parse(text: string, ctx: ParseContext): ParsedRecord | null {
  const v = versionStart(text);
  if (v < 0) return null;
  const fields: Record<string, FieldValue> = {};
  const pri = readPri(text);
  if (pri >= 0) putPri(fields, pri);
  let i = tokenEnd(text, v);
  fields['log.syslog.version'] = text.slice(v, i);
  i++;
  // TIMESTAMP
  let time: number | undefined;
  if (text.charCodeAt(i) === 45 && text.charCodeAt(i + 1) === 32) {
    i += 2;
  } else {
    const t = parseIsoAt(text, i, ctx.timeZone);
    if (Number.isNaN(t) || (text.charCodeAt(lastEnd) !== 32 && lastEnd < text.length)) return null;
    time = t;
    i = lastEnd + 1;
  }
  // HOSTNAME APP-NAME PROCID MSGID: "-" is nil.
  for (let f = 0; f < 4 && i < text.length; f++) {
    const e = tokenEnd(text, i);
    if (!(e === i + 1 && text.charCodeAt(i) === 45)) {
      const tok = text.slice(i, e);
      if (f === 0) putHostname(fields, tok);
      else if (f === 1) putAppname(fields, tok);
      else if (f === 2) putProcid(fields, tok);
      else fields['log.syslog.msgid'] = tok;
    }
    i = e + 1;
  }
  // STRUCTURED-DATA, then MSG.
  if (i < text.length) {
    if (text.charCodeAt(i) === 45 && (i + 1 >= text.length || text.charCodeAt(i + 1) === 32)) {
      i += 2;
    } else if (text.charCodeAt(i) === 91 && readStructuredData(text, i, fields)) {
      i = sdEnd + 1;
    }
    // Malformed SD: what is left is kept as the message rather than losing it.
  }
  if (i < text.length) {
    // A UTF-8 BOM marks the MSG as UTF-8; it is not part of the text.
    const start = text.charCodeAt(i) === 0xfeff ? i + 1 : i;
    if (start < text.length) fields['message'] = text.slice(start);
  }
  const rec: ParsedRecord = { format: 'rfc5424', fields };
  if (time !== undefined) rec.time = time;
  return rec;
}

export const rfc5424: FormatParser = {
  name: 'rfc5424',
  description: 'RFC 5424 syslog header with structured data; the MSG part is offered to the payload parsers.',
  detect: (text) => versionStart(text) >= 0,
  parse,
};
