// The contract between format parsers, device parsers and normalize(): what a parser gets and gives back.
import type { FieldValue, LogSource } from '../core/event.js';

export interface ParseContext {
  /** Epoch ms when the message was received: picks the year for RFC 3164 times. */
  receivedAt: number;
  /** IANA zone of the tenant ("Asia/Tokyo"), used for times that carry no zone. 'UTC' by default. */
  timeZone: string;
}

export interface ParsedRecord {
  /** The parser(s) that read it: "rfc3164", "cef", or "rfc3164+cef" for a header and its payload. */
  format: string;
  /** Flat, dotted ECS names plus vendor fields under their namespace ("cef.extensions.deviceAction"). */
  fields: Record<string, FieldValue>;
  /** Epoch ms the message says it happened, when it says so. */
  time?: number;
  logsource?: LogSource;
  tags?: string[];
}

export interface FormatParser {
  /** The registry key and the `format` a user can pin ("rfc5424", "cef", ...). */
  name: string;
  description: string;
  /** Cheap look at the start of the text: may this parser understand it? */
  detect(text: string): boolean;
  /** Full parse; null when the text is not in this format after all. Never throws. */
  parse(text: string, ctx: ParseContext): ParsedRecord | null;
  /**
   * Optional fast path for a payload behind a header: like parse(), but writes its fields straight into
   * `into` (the header's fields; payload fields win) and returns the record's other parts. Writes nothing
   * when it returns null.
   */
  parseInto?(
    text: string,
    ctx: ParseContext,
    into: Record<string, FieldValue>,
  ): Omit<ParsedRecord, 'fields'> | null;
}

export const defaultParseContext = (receivedAt: number = Date.now()): ParseContext => ({
  receivedAt,
  timeZone: 'UTC',
});
