// Splunk HTTP Event Collector bodies: the event envelope (concatenated JSON objects) and the raw endpoint (lines),
// turned into raw messages, plus the answers Splunk gives so HEC clients understand ours.
import type { FieldValue, Scalar } from '../../core/event.js';
import type { RawMessage } from '../../core/raw-message.js';
import { decodeBody, lines, makeMessage, type MessageContext } from './ingest-body.js';
import { splitConcatenated } from './json-scan.js';

/** Splunk's answers: HTTP status, text and code as Splunk Enterprise sends them. */
export const hecAnswers = {
  success: { status: 200, text: 'Success', code: 0 },
  tokenDisabled: { status: 403, text: 'Token disabled', code: 1 },
  tokenRequired: { status: 401, text: 'Token is required', code: 2 },
  invalidAuthorization: { status: 401, text: 'Invalid authorization', code: 3 },
  invalidToken: { status: 403, text: 'Invalid token', code: 4 },
  noData: { status: 400, text: 'No data', code: 5 },
  invalidDataFormat: { status: 400, text: 'Invalid data format', code: 6 },
  serverBusy: { status: 503, text: 'Server is busy', code: 9 },
  eventRequired: { status: 400, text: 'Event field is required', code: 12 },
  eventBlank: { status: 400, text: 'Event field cannot be blank', code: 13 },
  indexedFields: { status: 400, text: 'Error in handling indexed fields', code: 15 },
  healthy: { status: 200, text: 'HEC is healthy', code: 17 },
  // Splunk has no body code for these; 6 keeps clients that read `code` on their "bad request" path.
  tooLarge: { status: 413, text: 'Content too large', code: 6 },
  unsupportedEncoding: { status: 415, text: 'Unsupported content encoding', code: 6 },
  internal: { status: 500, text: 'Internal server error', code: 8 },
} as const;

export type HecAnswer = (typeof hecAnswers)[keyof typeof hecAnswers];

/** A HEC request that Splunk would refuse; `invalidEventNumber` is the 0-based event that made it fail. */
export class HecError extends Error {
  constructor(
    readonly answer: HecAnswer,
    readonly invalidEventNumber?: number,
  ) {
    super(answer.text);
    this.name = 'HecError';
  }

  /** The JSON body Splunk sends for this error. */
  body(): { text: string; code: number; 'invalid-event-number'?: number } {
    return this.invalidEventNumber === undefined
      ? { text: this.answer.text, code: this.answer.code }
      : { text: this.answer.text, code: this.answer.code, 'invalid-event-number': this.invalidEventNumber };
  }
}

/** Metadata given by the request rather than by each event: query parameters, the channel header, the token's name. */
export interface HecDefaults {
  host?: string;
  source?: string;
  sourcetype?: string;
  index?: string;
  channel?: string;
  tokenName?: string;
}

const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * The Event fields for HEC metadata. host is ECS `host.name`; the Splunk words stay under `hec.*`; a source that is
 * an absolute path (a tailed file) is also `log.file.path`; indexed `fields` become ECS `labels.*`.
 */
function metadataFields(meta: HecDefaults): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  if (meta.host) fields['host.name'] = meta.host;
  if (meta.source) {
    fields['hec.source'] = meta.source;
    if (ABSOLUTE_PATH.test(meta.source)) fields['log.file.path'] = meta.source;
  }
  if (meta.sourcetype) fields['hec.sourcetype'] = meta.sourcetype;
  if (meta.index) fields['hec.index'] = meta.index;
  if (meta.channel) fields['hec.channel'] = meta.channel;
  if (meta.tokenName) fields['hec.token_name'] = meta.tokenName;
  return fields;
}

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function optionalString(envelope: Record<string, unknown>, key: string, n: number): string | undefined {
  const v = envelope[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw new HecError(hecAnswers.invalidDataFormat, n);
}

/** HEC `time` is epoch seconds with an optional fraction, as a number or a numeric string. */
function hecTime(v: unknown, n: number): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const seconds =
    typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(seconds) || seconds < 0) throw new HecError(hecAnswers.invalidDataFormat, n);
  return Math.round(seconds * 1000);
}

function labelFields(v: unknown, n: number): Record<string, FieldValue> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new HecError(hecAnswers.indexedFields, n);
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(v)) {
    if (isScalar(value)) out[`labels.${key}`] = value;
    else if (Array.isArray(value) && value.every(isScalar)) out[`labels.${key}`] = value;
    // Splunk refuses nested objects in indexed fields; so do we.
    else throw new HecError(hecAnswers.indexedFields, n);
  }
  return out;
}

function envelopeMessage(
  envelope: unknown,
  n: number,
  ctx: MessageContext,
  defaults: HecDefaults,
  invalidUtf8: boolean,
): RawMessage {
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    throw new HecError(hecAnswers.invalidDataFormat, n);
  }
  const e = envelope as Record<string, unknown>;
  if (!('event' in e)) throw new HecError(hecAnswers.eventRequired, n);
  const event = e['event'];
  if (event === null || event === undefined || (typeof event === 'string' && event.trim() === '')) {
    throw new HecError(hecAnswers.eventBlank, n);
  }
  const meta: HecDefaults = { ...defaults };
  const host = optionalString(e, 'host', n);
  if (host !== undefined) meta.host = host;
  const source = optionalString(e, 'source', n);
  if (source !== undefined) meta.source = source;
  const sourcetype = optionalString(e, 'sourcetype', n);
  if (sourcetype !== undefined) meta.sourcetype = sourcetype;
  const index = optionalString(e, 'index', n);
  if (index !== undefined) meta.index = index;
  const time = hecTime(e['time'], n);
  const fields = labelFields(e['fields'], n);
  Object.assign(fields, metadataFields(meta));
  const message =
    typeof event === 'string'
      ? makeMessage(ctx, event, invalidUtf8)
      : typeof event === 'object' && !Array.isArray(event)
        ? makeMessage(ctx, JSON.stringify(event), invalidUtf8, event as Record<string, unknown>)
        : makeMessage(ctx, JSON.stringify(event), invalidUtf8);
  if (time !== undefined) message.time = time;
  message.fields = fields;
  return message;
}

/**
 * Decodes a /services/collector/event body: JSON envelopes one after another, with or without newlines between.
 * All or nothing: the first bad envelope fails the request (nothing is delivered), so a client's retry cannot
 * duplicate the events before it.
 */
export function decodeHecEvents(body: Buffer, ctx: MessageContext, defaults: HecDefaults = {}): RawMessage[] {
  const { text, invalidUtf8 } = decodeBody(body);
  const spans = splitConcatenated(text);
  if (spans.length === 0) throw new HecError(hecAnswers.noData);
  return spans.map(({ start, end }, n) => {
    let envelope: unknown;
    try {
      envelope = JSON.parse(text.slice(start, end));
    } catch {
      throw new HecError(hecAnswers.invalidDataFormat, n);
    }
    return envelopeMessage(envelope, n, ctx, defaults, invalidUtf8);
  });
}

/** Decodes a /services/collector/raw body: each non-blank line is one event carrying the request's metadata. */
export function decodeHecRaw(body: Buffer, ctx: MessageContext, defaults: HecDefaults = {}): RawMessage[] {
  const { text, invalidUtf8 } = decodeBody(body);
  const fields = metadataFields(defaults);
  const messages: RawMessage[] = [];
  for (const { line } of lines(text)) {
    const m = makeMessage(ctx, line, invalidUtf8);
    m.fields = { ...fields };
    messages.push(m);
  }
  if (messages.length === 0) throw new HecError(hecAnswers.noData);
  return messages;
}
