// Turns a POST /api/ingest body (NDJSON, JSON or plain text lines) into the raw messages it holds.
import { isUtf8 } from 'node:buffer';
import { Tags } from '../../core/event.js';
import { YaguraError } from '../../core/errors.js';
import type { TenantId } from '../../core/ids.js';
import type { RawMessage } from '../../core/raw-message.js';
import { splitArray } from './json-scan.js';

export interface MessageContext {
  tenant: TenantId;
  /** The input name: 'http' or 'hec'. */
  input: string;
  receivedAt: number;
  sourceAddress?: string;
  /** Format or device parser pinned for every message (already checked to exist). */
  parser?: string;
}

export interface IngestBodyResult {
  messages: RawMessage[];
  /** NDJSON: 1-based numbers of the lines that are not a JSON object (delivered as text, so they are stored tagged parse_error). */
  invalidLines: number[];
  /** JSON array: 1-based positions of the elements that are neither an object nor a string (delivered as text likewise). */
  invalidItems: number[];
}

export const INGEST_MEDIA_TYPES = {
  ndjson: [
    'application/x-ndjson',
    'application/ndjson',
    'application/jsonl',
    'application/x-jsonlines',
    'application/jsonlines',
  ],
  json: ['application/json'],
  text: ['text/plain'],
} as const;

export type IngestFormat = keyof typeof INGEST_MEDIA_TYPES;

/** The ingest format for a Content-Type header, ignoring parameters such as charset; undefined when not accepted. */
export function ingestFormatOf(contentType: string | undefined): IngestFormat | undefined {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  for (const [format, types] of Object.entries(INGEST_MEDIA_TYPES) as [IngestFormat, readonly string[]][]) {
    if (types.includes(media)) return format;
  }
  return undefined;
}

/** Decodes bytes as UTF-8; invalid sequences become U+FFFD and are reported so the messages can be tagged. */
export function decodeBody(body: Buffer): { text: string; invalidUtf8: boolean } {
  const invalidUtf8 = !isUtf8(body);
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, invalidUtf8 };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A message for one piece of the body; `object` when it was a decoded JSON object. */
export function makeMessage(
  ctx: MessageContext,
  text: string,
  invalidUtf8: boolean,
  object?: Record<string, unknown>,
): RawMessage {
  const m: RawMessage = { tenant: ctx.tenant, input: ctx.input, receivedAt: ctx.receivedAt, text };
  if (ctx.sourceAddress !== undefined) m.sourceAddress = ctx.sourceAddress;
  if (ctx.parser !== undefined) m.format = ctx.parser;
  if (object !== undefined) m.object = object;
  if (invalidUtf8 && text.includes('\uFFFD')) m.tags = [Tags.invalidUtf8];
  return m;
}

/** Each non-blank line, with its 1-based line number; a trailing CR (CRLF line ends) is removed. */
export function* lines(text: string): Generator<{ line: string; number: number }> {
  let start = 0;
  let number = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    number++;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() !== '') yield { line, number };
    start = end + 1;
  }
}

function decodeNdjson(text: string, invalidUtf8: boolean, ctx: MessageContext): IngestBodyResult {
  const result: IngestBodyResult = { messages: [], invalidLines: [], invalidItems: [] };
  for (const { line, number } of lines(text)) {
    const parsed = tryParse(line);
    if (parsed.ok && isPlainObject(parsed.value)) {
      result.messages.push(makeMessage(ctx, line, invalidUtf8, parsed.value));
    } else {
      // A bad line does not fail the others: it goes on as text and is stored raw with the parse_error tag.
      result.invalidLines.push(number);
      result.messages.push(makeMessage(ctx, line, invalidUtf8));
    }
  }
  return result;
}

function invalidJson(text: string, offset: number): YaguraError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return new YaguraError('BODY_INVALID_JSON', `The body is not valid JSON (line ${line}, column ${column})`, {
    location: { offset, line, column },
  });
}

function decodeJson(text: string, invalidUtf8: boolean, ctx: MessageContext): IngestBodyResult {
  const result: IngestBodyResult = { messages: [], invalidLines: [], invalidItems: [] };
  const trimmed = text.trim();
  if (trimmed === '')
    throw new YaguraError('BODY_INVALID_JSON', 'The body is empty; send a JSON object or an array of them');
  if (!trimmed.startsWith('[')) {
    const parsed = tryParse(trimmed);
    if (!parsed.ok) throw invalidJson(text, text.indexOf(trimmed));
    if (!isPlainObject(parsed.value)) {
      throw new YaguraError('BODY_INVALID_JSON', 'The body must be a JSON object or an array of objects');
    }
    result.messages.push(makeMessage(ctx, trimmed, invalidUtf8, parsed.value));
    return result;
  }
  const split = splitArray(text);
  if ('errorOffset' in split) throw invalidJson(text, split.errorOffset);
  split.spans.forEach(({ start, end }, i) => {
    const slice = text.slice(start, end);
    const parsed = tryParse(slice);
    if (!parsed.ok) throw invalidJson(text, start);
    if (isPlainObject(parsed.value)) result.messages.push(makeMessage(ctx, slice, invalidUtf8, parsed.value));
    else if (typeof parsed.value === 'string') {
      // A string element is a raw log line, like a line of text/plain.
      if (parsed.value.trim() !== '') result.messages.push(makeMessage(ctx, parsed.value, invalidUtf8));
    } else {
      result.invalidItems.push(i + 1);
      result.messages.push(makeMessage(ctx, slice, invalidUtf8));
    }
  });
  return result;
}

function decodeText(text: string, invalidUtf8: boolean, ctx: MessageContext): IngestBodyResult {
  const messages: RawMessage[] = [];
  for (const { line } of lines(text)) messages.push(makeMessage(ctx, line, invalidUtf8));
  return { messages, invalidLines: [], invalidItems: [] };
}

/**
 * Decodes an ingest body. Throws BODY_INVALID_JSON when an `application/json` body is not JSON as a whole
 * (nothing is delivered then); NDJSON and text never throw: each line stands alone.
 */
export function decodeIngestBody(format: IngestFormat, body: Buffer, ctx: MessageContext): IngestBodyResult {
  const { text, invalidUtf8 } = decodeBody(body);
  switch (format) {
    case 'ndjson':
      return decodeNdjson(text, invalidUtf8, ctx);
    case 'json':
      return decodeJson(text, invalidUtf8, ctx);
    case 'text':
      return decodeText(text, invalidUtf8, ctx);
  }
}
