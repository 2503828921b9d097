// What an input hands to the pipeline: one message as received, before any parsing.
import type { FieldValue } from './event.js';
import type { TenantId } from './ids.js';

export interface RawMessage {
  tenant: TenantId;
  /** Name of the input that received it: the metric label and the `event.module`-like origin ("syslog", "http", "hec", "file"). */
  input: string;
  /** Epoch ms of receipt. */
  receivedAt: number;
  /** The message text (decoded as UTF-8; invalid bytes replaced and tagged). */
  text: string;
  /** Peer address, when there is a network peer. */
  sourceAddress?: string;
  /** Pin a parser by name instead of detecting the format. */
  format?: string;
  /** Already-decoded JSON object (HTTP inputs), so the JSON parser need not parse `text` again. */
  object?: Record<string, unknown>;
  /** Time given by the transport (e.g. HEC `time`), used when the message itself carries none. */
  time?: number;
  /** Fields set by the input (e.g. HEC host/source/sourcetype, transport name). */
  fields?: Record<string, FieldValue>;
  /** Tags set by the input (e.g. "invalid_utf8", "truncated"). */
  tags?: string[];
}

/**
 * Where inputs deliver messages. Works like a Node stream's write(): it always takes the messages
 * given, and returns false once the queue is above its high-water mark so the caller can push back
 * (pause a TCP socket, answer HTTP 503, count a UDP drop). `onDrain` fires when there is room again.
 */
export interface IngestSink {
  push(messages: RawMessage[]): boolean;
  readonly full: boolean;
  readonly closing: boolean;
  onDrain(listener: () => void): () => void;
  /** Count messages an input had to discard (UDP when full, frames over the size limit, ...). */
  dropped(input: string, count: number, reason: string): void;
}
