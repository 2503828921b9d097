// IBM QRadar LEEF 1.0 and 2.0 (with its own attribute delimiter, e.g. "^" or "x09"), attributes mapped to ECS.
import type { FieldValue } from '../core/event.js';
import type { Conversion } from './cef-dictionary.js';
import { readCefExtensions } from './cef.js';
import { parseTimeValue } from './timestamps.js';
import type { FormatParser, ParseContext, ParsedRecord } from './types.js';
import { convert, toInt } from './values.js';

const ATTR = 'leef.attributes.';

/** LEEF predefined attribute keys to ECS fields (QRadar's LEEF event components). */
export const LEEF_TO_ECS: Readonly<Record<string, readonly [field: string, conversion: Conversion]>> = {
  src: ['source.ip', 'ip'],
  dst: ['destination.ip', 'ip'],
  srcPort: ['source.port', 'port'],
  dstPort: ['destination.port', 'port'],
  srcMAC: ['source.mac', 'string'],
  dstMAC: ['destination.mac', 'string'],
  srcPostNAT: ['source.nat.ip', 'ip'],
  dstPostNAT: ['destination.nat.ip', 'ip'],
  srcPostNATPort: ['source.nat.port', 'port'],
  dstPostNATPort: ['destination.nat.port', 'port'],
  srcBytes: ['source.bytes', 'int'],
  dstBytes: ['destination.bytes', 'int'],
  totalBytes: ['network.bytes', 'int'],
  srcPackets: ['source.packets', 'int'],
  dstPackets: ['destination.packets', 'int'],
  totalPackets: ['network.packets', 'int'],
  usrName: ['user.name', 'string'],
  accountName: ['user.name', 'string'],
  domain: ['user.domain', 'string'],
  proto: ['network.transport', 'lower'],
  url: ['url.original', 'string'],
  action: ['event.action', 'string'],
  policy: ['rule.name', 'string'],
  identHostName: ['host.hostname', 'string'],
  msg: ['message', 'string'],
};

function markerAt(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.startsWith('LEEF:', i) ? i : -1;
}

/** The LEEF 2.0 delimiter field: one character, or its code as "x09" / "0x5E" / "\\t"; undefined if not one. */
function delimiterOf(field: string): string | undefined {
  if (field.length === 1) return field;
  if (field === '\\t') return '\t';
  const m = /^(?:0?[xX])([0-9a-fA-F]{2,4})$/.exec(field);
  if (m?.[1]) return String.fromCharCode(parseInt(m[1], 16));
  return undefined;
}

function readAttributes(
  s: string,
  start: number,
  delimiter: string,
  put: (key: string, value: string) => void,
): void {
  // Senders that ignore the delimiter and separate with spaces are read like CEF extensions.
  if (s.indexOf(delimiter, start) < 0 && s.indexOf(' ', start) >= 0) {
    readCefExtensions(s, start, put);
    return;
  }
  let i = start;
  const n = s.length;
  let eq = s.indexOf('=', i); // reused until passed, so attributes without "=" cost no rescans
  while (i < n) {
    let e = s.indexOf(delimiter, i);
    if (e < 0) e = n;
    if (eq >= 0 && eq < i) eq = s.indexOf('=', i);
    if (eq > i && eq < e) put(s.slice(i, eq).trim(), trimLineEnd(s.slice(eq + 1, e)));
    i = e + delimiter.length;
  }
}

function trimLineEnd(v: string): string {
  let e = v.length;
  while (e > 0 && (v.charCodeAt(e - 1) === 10 || v.charCodeAt(e - 1) === 13)) e--;
  return e === v.length ? v : v.slice(0, e);
}

function parse(text: string, ctx: ParseContext): ParsedRecord | null {
  const m = markerAt(text);
  if (m < 0) return null;
  // Header: LEEF:Version|Vendor|Product|Version|EventID|  (2.0: then DelimiterCharacter|)
  const header: string[] = [];
  let i = m + 5;
  while (header.length < 5) {
    const p = text.indexOf('|', i);
    if (p < 0) return null;
    header.push(text.slice(i, p));
    i = p + 1;
  }
  const [version = '', vendor = '', product = '', devVersion = '', eventId = ''] = header;
  let delimiter = '\t';
  if (version.startsWith('2')) {
    const p = text.indexOf('|', i);
    const candidate = p >= 0 ? text.slice(i, p) : undefined;
    if (candidate !== undefined && candidate.indexOf('=') < 0) {
      const d = delimiterOf(candidate);
      if (d !== undefined) delimiter = d;
      i = p + 1;
    }
  }
  const fields: Record<string, FieldValue> = {};
  fields['leef.version'] = version;
  fields['leef.device.vendor'] = vendor;
  fields['leef.device.product'] = product;
  fields['leef.device.version'] = devVersion;
  fields['leef.event_id'] = eventId;
  if (vendor) fields['observer.vendor'] = vendor;
  if (product) fields['observer.product'] = product;
  if (devVersion) fields['observer.version'] = devVersion;
  if (eventId) fields['event.code'] = eventId;

  let devTime: string | undefined;
  readAttributes(text, i, delimiter, (key, value) => {
    if (key.length === 0) return;
    fields[ATTR + key] = value;
    const ecs = LEEF_TO_ECS[key];
    if (ecs) {
      const converted = convert(value, ecs[1], ctx);
      if (converted !== undefined && fields[ecs[0]] === undefined) fields[ecs[0]] = converted;
    } else if (key === 'devTime') {
      devTime = value;
    } else if (key === 'sev') {
      const n = toInt(value);
      if (!Number.isNaN(n)) fields['event.severity'] = n;
    }
  });
  const rec: ParsedRecord = { format: 'leef', fields };
  if (devTime !== undefined) {
    // devTimeFormat (a Java pattern) is not interpreted: the time reader accepts the usual shapes
    // ("MMM dd yyyy HH:mm:ss[.SSS] [zone]", ISO 8601, epoch ms).
    const t = parseTimeValue(devTime, ctx.timeZone, ctx.receivedAt);
    if (!Number.isNaN(t)) rec.time = t;
  }
  return rec;
}

export const leef: FormatParser = {
  name: 'leef',
  description:
    'IBM QRadar LEEF 1.0/2.0 (custom delimiters); attributes under leef.attributes.* and mapped to ECS.',
  detect: (text) => markerAt(text) >= 0,
  parse,
};
