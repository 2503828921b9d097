// Format detection for one message: pick the parser, read a syslog header's payload too, run device parsers,
// and say why (the explanation behind `yagura parse --explain`).
import type { FieldValue } from '../core/event.js';
import { deviceParsers, findDeviceParser, type DeviceParser } from './devices/index.js';
import { isFormatName, parsers } from './index.js';
import type { FormatParser, ParseContext, ParsedRecord } from './types.js';

const { json, rfc5424, rfc3164, cef, leef, kv } = parsers;

/** Tried in this order on a whole message. JSON first: "{" is cheap to see and never a syslog header. */
const ORDER: readonly FormatParser[] = [json, rfc5424, rfc3164, cef, leef, kv];
/** Tried in this order on the MSG part after a syslog header. */
const PAYLOAD_ORDER: readonly FormatParser[] = [json, cef, leef, kv];
const HEADERS: ReadonlySet<FormatParser> = new Set([rfc5424, rfc3164]);

/** Every name a message can be pinned to: the format parsers, then the device parsers. */
export function parserNames(): string[] {
  return [...Object.keys(parsers), ...deviceParsers.map((d) => d.name)];
}

export function isParserName(name: string): boolean {
  return isFormatName(name) || findDeviceParser(name) !== undefined;
}

/** Tag on a record whose device parser threw; the generic record is kept. */
export const DEVICE_PARSE_ERROR_TAG = 'device_parse_error';

export interface ParseOptions {
  /** Pin a parser by name instead of detecting ("rfc3164", "cef", ...). A header parser still reads its payload. */
  format?: string;
  /**
   * Collect the explanation (off on the hot path: it costs string building). An explained parse always takes the
   * generic path, step by step; device claims (below) give the same record without the steps.
   */
  explain?: boolean;
}

export interface ParseOutcome {
  /** null when no parser understood the text. */
  record: ParsedRecord | null;
  /** Which parser matched and why, one sentence per step; empty unless `explain` was set. */
  explanation: string[];
}

function countFields(r: ParsedRecord): number {
  let n = 0;
  for (const _ in r.fields) n++;
  return n;
}

/** Offers a header's MSG to the payload parsers and merges the first result; payload fields win. */
function withPayload(
  header: ParsedRecord,
  ctx: ParseContext,
  notes: string[] | null,
  only?: FormatParser,
): ParsedRecord {
  const msg = header.fields['message'];
  if (typeof msg !== 'string' || msg.length === 0) return header;
  const order = only ? [only] : PAYLOAD_ORDER;
  for (let i = 0; i < order.length; i++) {
    const p = order[i] as FormatParser;
    if (!p.detect(msg)) continue;
    const headerFormat = header.format;
    let pr: Omit<ParsedRecord, 'fields'> | null;
    let added = 0;
    if (p.parseInto) {
      pr = p.parseInto(msg, ctx, header.fields);
    } else {
      const full = p.parse(msg, ctx);
      pr = full;
      if (full) {
        const f = header.fields;
        const pf = full.fields;
        for (const k in pf) {
          f[k] = pf[k] as FieldValue;
          added++;
        }
      }
    }
    if (!pr) {
      notes?.push(
        p === kv
          ? 'kv: the message has fewer than two key=value pairs; it is kept as text.'
          : `${p.name}: the message looks like ${p.name} but does not parse; it is kept as text.`,
      );
      if (p === json) break; // a broken JSON object is not key=value text
      continue;
    }
    header.format = headerFormat + '+' + pr.format;
    if (pr.time !== undefined) header.time = pr.time;
    if (pr.logsource) header.logsource = pr.logsource;
    if (pr.tags) header.tags = header.tags ? header.tags.concat(pr.tags) : pr.tags;
    notes?.push(
      `${p.name}: the message after the ${headerFormat} header parsed as ${p.name}` +
        `${added ? ` (${added} fields)` : ''}; merged, payload fields win over header fields.`,
    );
    return header;
  }
  notes?.push('payload: no payload parser understood the message; it is kept as text in `message`.');
  return header;
}

function parseWith(
  p: FormatParser,
  text: string,
  ctx: ParseContext,
  notes: string[] | null,
): ParsedRecord | null {
  const rec = p.parse(text, ctx);
  if (!rec) {
    notes?.push(
      `${p.name}: ${p.name === 'json' ? 'the text starts with "{"' : 'the start looks right'} but it does not parse.`,
    );
    return null;
  }
  notes?.push(`${p.name}: ${whyDetected(p.name)}; parsed ${countFields(rec)} fields.`);
  return HEADERS.has(p) ? withPayload(rec, ctx, notes) : rec;
}

function whyDetected(name: string): string {
  switch (name) {
    case 'json':
      return 'the text starts with "{"';
    case 'rfc5424':
      return 'it starts with "<PRI>1 " (RFC 5424 version 1)';
    case 'rfc3164':
      return 'it starts with "<PRI>" or a BSD/ISO timestamp';
    case 'cef':
      return 'it carries a "CEF:" header';
    case 'leef':
      return 'it starts with "LEEF:"';
    default:
      return 'it holds at least two key=value pairs';
  }
}

function parsePinned(
  name: string,
  text: string,
  ctx: ParseContext,
  notes: string[] | null,
): ParsedRecord | null {
  if (!isFormatName(name)) {
    notes?.push(`format "${name}" is not a known parser (known: ${Object.keys(parsers).join(', ')}).`);
    return null;
  }
  const p: FormatParser = parsers[name];
  notes?.push(`${name}: pinned by the input, not detected.`);
  if (HEADERS.has(p)) {
    const rec = p.parse(text, ctx);
    if (rec) return withPayload(rec, ctx, notes);
  } else {
    // A pinned payload format may come behind a syslog header: keep the header's fields too.
    const h = rfc5424.detect(text) ? rfc5424 : rfc3164.detect(text) ? rfc3164 : null;
    const header = h?.parse(text, ctx);
    if (header) {
      const merged = withPayload(header, ctx, notes, p);
      if (merged.format !== h?.name) return merged;
    }
    const rec = p.parse(text, ctx);
    if (rec) return rec;
  }
  notes?.push(`${name}: the text does not parse as ${name}.`);
  return null;
}

/**
 * Runs every matching device parser on a generic record, each on the previous result. A parser that
 * throws leaves the record as it was (tagged `device_parse_error`). Used by parseText, and by normalize()
 * for already-decoded objects.
 */
export function runDeviceParsers(
  rec: ParsedRecord,
  text: string,
  ctx: ParseContext,
  notes: string[] | null = null,
  pinned?: DeviceParser,
  from = 0,
): ParsedRecord {
  const candidates = pinned ? [pinned] : deviceParsers;
  for (let i = from; i < candidates.length; i++) {
    const d = candidates[i] as DeviceParser;
    if (d !== pinned) {
      try {
        if (!d.match(rec, text)) continue;
      } catch {
        notes?.push(`device ${d.name}: its match() threw; skipped.`);
        continue;
      }
    }
    try {
      const before = rec.format;
      rec = d.normalize(rec, ctx);
      rec.format = `${before}+${d.name}`;
      notes?.push(
        d === pinned
          ? `device ${d.name}: pinned by the input; fields refined.`
          : `device ${d.name}: matched because ${d.why}; fields refined.`,
      );
    } catch (e) {
      rec.tags = rec.tags ? rec.tags.concat(DEVICE_PARSE_ERROR_TAG) : [DEVICE_PARSE_ERROR_TAG];
      notes?.push(
        `device ${d.name}: matched but threw (${e instanceof Error ? e.message : String(e)}); the generic record is kept.`,
      );
    }
  }
  return rec;
}

/** What tryClaims returns when a claim threw: the header may be half changed, so it is parsed again. */
const SPOILED: ParsedRecord = { format: '', fields: {} };

/**
 * Offers a header's record to the devices that can claim a line before the payload parse (the shortcut around
 * the key=value pass and the copies of its fields). Returns the finished record, null when no device took the
 * line (the header is untouched), or SPOILED when a claim threw.
 *
 * A claim by the device at place i stands only when no device before it matches the header's record (the claim
 * asks, through noEarlierMatch, once its own checks pass): the claimant has checked that the payload parse would
 * add nothing those devices look at (iptables takes only lines whose keys are all upper-case kernel words), so
 * their verdict on the header is their verdict on the full record.
 */
function tryClaims(header: ParsedRecord, text: string, ctx: ParseContext): ParsedRecord | null {
  const msg = header.fields['message'];
  if (typeof msg !== 'string' || msg.length === 0) return null;
  // Only lines whose payload the key=value parser would read (the first payload parsers would not take it).
  if (json.detect(msg) || cef.detect(msg) || leef.detect(msg) || !kv.detect(msg)) return null;
  const list = deviceParsers;
  // Asked by a claim once its own cheap checks pass; the devices already found not to match are not asked again.
  let checked = 0;
  let place = 0;
  const noEarlierMatch = (): boolean => {
    for (; checked < place; checked++) if ((list[checked] as DeviceParser).match(header, text)) return false;
    return true;
  };
  for (let i = 0; i < list.length; i++) {
    const d = list[i] as DeviceParser;
    if (d.claim === undefined) continue;
    place = i;
    try {
      const rec = d.claim(header, msg, ctx, noEarlierMatch);
      if (rec !== null) return runDeviceParsers(rec, text, ctx, null, undefined, i + 1);
    } catch {
      return SPOILED;
    }
  }
  return null;
}

/** The generic record for a line no format parser understood: device parsers may still know it (Squid, Snort). */
function textRecord(text: string): ParsedRecord {
  return { format: 'text', fields: { message: text } };
}

/**
 * Parses one message: the pinned format if given, else the first parser (JSON, RFC 5424, RFC 3164, CEF,
 * LEEF, kv) whose cheap detect() matches and whose parse succeeds. A syslog header's message is then
 * offered to the payload parsers, and matching device parsers refine the result. Never throws.
 */
export function parseText(text: string, ctx: ParseContext, options?: ParseOptions): ParseOutcome {
  const notes: string[] | null = options?.explain ? [] : null;
  let rec: ParsedRecord | null = null;
  const device = options?.format ? findDeviceParser(options.format) : undefined;
  if (options?.format && !device) {
    rec = parsePinned(options.format, text, ctx, notes);
  } else {
    for (const p of ORDER) {
      if (!p.detect(text)) continue;
      if (notes === null && !device && HEADERS.has(p)) {
        const header = p.parse(text, ctx);
        if (header) {
          const claimed = tryClaims(header, text, ctx);
          if (claimed !== null && claimed !== SPOILED) return { record: claimed, explanation: [] };
          rec = withPayload(claimed === SPOILED ? (p.parse(text, ctx) as ParsedRecord) : header, ctx, null);
          break;
        }
      }
      rec = parseWith(p, text, ctx, notes);
      if (rec || p === json) break;
    }
    if (!rec)
      notes?.push('no format parser understood the text; the device parsers look at it as plain text.');
  }
  if (rec) return { record: runDeviceParsers(rec, text, ctx, notes, device), explanation: notes ?? [] };
  if (options?.format && !device) return { record: null, explanation: notes ?? [] };
  const fallback = runDeviceParsers(textRecord(text), text, ctx, notes, device);
  if (fallback.format === 'text') {
    notes?.push('no device parser knows the text either.');
    return { record: null, explanation: notes ?? [] };
  }
  return { record: fallback, explanation: notes ?? [] };
}
