// BSD syslog (RFC 3164) as devices really send it: optional PRI, BSD or ISO timestamp, optional host, optional TAG.
import type { FieldValue } from '../core/event.js';
import { lastEnd, looksBsdAt, looksIsoAt, parseBsdAt, parseIsoAt } from './timestamps.js';
import { priEnd, putAppname, putHostname, putPri, putProcid, readPri } from './syslog-common.js';
import type { FormatParser, ParseContext, ParsedRecord } from './types.js';

const MAX_TAG = 128;

function detect(text: string): boolean {
  const pri = readPri(text);
  if (pri === -2) return false;
  if (pri >= 0) return true;
  return looksBsdAt(text, 0) || looksIsoAt(text, 0);
}

/** A token that cannot be a hostname: a tag ("sshd[1]:", "su:"), a Cisco "%ASA-..." code or a payload start. */
function notHostname(s: string, i: number, e: number): boolean {
  const first = s.charCodeAt(i);
  if (first === 37 /* % */ || first === 123 /* { */ || first === 91 /* [ */ || first === 34 /* " */)
    return true;
  if (s.charCodeAt(e - 1) === 58 /* : */) return true;
  for (let k = i; k < e; k++) {
    const c = s.charCodeAt(k);
    if (c === 91 || c === 61 /* = */ || c === 124 /* | */) return true;
  }
  return false;
}

function isPayloadStart(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c === 67 && s.startsWith('CEF:', i)) || (c === 76 && s.startsWith('LEEF:', i));
}

function parse(text: string, ctx: ParseContext): ParsedRecord | null {
  const fields: Record<string, FieldValue> = {};
  const n = text.length;
  let i = 0;
  const pri = readPri(text);
  if (pri === -2) return null;
  if (pri >= 0) {
    putPri(fields, pri);
    i = priEnd;
    if (text.charCodeAt(i) === 32) i++;
  }
  let time = NaN;
  if (looksIsoAt(text, i)) time = parseIsoAt(text, i, ctx.timeZone);
  else if (looksBsdAt(text, i)) time = parseBsdAt(text, i, ctx.timeZone, ctx.receivedAt);
  const rec: ParsedRecord = { format: 'rfc3164', fields };
  if (Number.isNaN(time)) {
    // RFC 3164 4.3.2: without a valid timestamp, everything after the PRI is the message.
    if (pri < 0) return null;
  } else {
    rec.time = time;
    i = lastEnd;
    if (text.charCodeAt(i) === 58 /* ':' right after the time (Cisco) */) i++;
    while (text.charCodeAt(i) === 32) i++;
    // HOSTNAME, unless the next token is already the tag or the payload.
    let e = text.indexOf(' ', i);
    if (e < 0) e = n;
    if (e > i && !isPayloadStart(text, i) && !notHostname(text, i, e)) {
      putHostname(fields, text.slice(i, e));
      i = e;
      while (text.charCodeAt(i) === 32) i++;
    }
    // TAG: "name[pid]:", "name:", or a lone ":" (Cisco ASA "host : %ASA-...").
    if (i < n && !isPayloadStart(text, i)) {
      e = text.indexOf(' ', i);
      if (e < 0) e = n;
      i = readTag(text, i, e, fields);
    }
  }
  if (i < n) fields['message'] = text.slice(i);
  return rec;
}

/** Reads a tag in [i, e) into fields; returns where the message starts (i when there was no tag). */
function readTag(s: string, i: number, e: number, fields: Record<string, FieldValue>): number {
  const len = e - i;
  if (len > MAX_TAG) return i;
  const last = s.charCodeAt(e - 1);
  if (last === 58 /* : */) {
    if (len === 1) return e + 1; // a lone ":"
    return putTag(s, i, e - 1, fields) ? (e < s.length ? e + 1 : e) : i;
  }
  // "name[pid]" without a colon.
  if (last === 93 /* ] */ && s.indexOf('[', i) < e) return putTag(s, i, e, fields) ? e + 1 : i;
  return i;
}

function putTag(s: string, i: number, e: number, fields: Record<string, FieldValue>): boolean {
  let nameEnd = e;
  let pidStart = -1;
  if (s.charCodeAt(e - 1) === 93) {
    const b = s.lastIndexOf('[', e - 1);
    if (b > i) {
      nameEnd = b;
      pidStart = b + 1;
    }
  }
  if (nameEnd === i) return false;
  for (let k = i; k < nameEnd; k++) {
    const c = s.charCodeAt(k);
    if (c === 61 || c === 124 || c === 34 || c === 123 || c === 91 || c === 93) return false;
  }
  putAppname(fields, s.slice(i, nameEnd));
  if (pidStart >= 0 && e - 1 > pidStart) putProcid(fields, s.slice(pidStart, e - 1));
  return true;
}

export const rfc3164: FormatParser = {
  name: 'rfc3164',
  description:
    'BSD syslog (RFC 3164): optional <PRI>, "Mmm dd hh:mm:ss" or ISO time, host, tag[pid]:; the message is offered to the payload parsers.',
  detect,
  parse,
};
