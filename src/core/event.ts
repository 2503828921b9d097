// The normalized Event: the unit every stage after parsing sees.
import type { EventId, TenantId } from './ids.js';

export type Scalar = string | number | boolean | null;
export type FieldValue = Scalar | Scalar[];

/** What Sigma routes a rule on (its `logsource` block). */
export interface LogSource {
  product?: string;
  category?: string;
  service?: string;
}

export interface Event {
  id: EventId;
  tenant: TenantId;
  /** Epoch ms when it happened (from the message when it says, else when we received it). */
  time: number;
  /** Epoch ms when Yagura received it. */
  receivedAt: number;
  /** Name of the input that received it ("syslog", "hec", "file", ...). */
  input?: string;
  logsource: LogSource;
  /** Flat, dotted ECS names ("source.ip"), plus vendor fields under their own namespace. */
  fields: Record<string, FieldValue>;
  /** The original text, always kept when there was one. */
  raw?: string;
  tags?: string[];
}

/** Tags with a meaning the product relies on. */
export const Tags = {
  parseError: 'parse_error',
  invalidUtf8: 'invalid_utf8',
  truncated: 'truncated',
  timeFromReceipt: 'time_from_receipt',
  timeOutOfRange: 'time_out_of_range',
} as const;

/** Event times the store accepts as they are; outside them the time of receipt is used (see normalize). */
export const TimeBounds = {
  /** Nothing a SOC ingests, even from archives, is older than this (1990-01-01). */
  earliest: Date.UTC(1990, 0, 1),
  /** A device clock or time zone may be off by hours, not by days. */
  maxAheadMs: 2 * 86_400_000,
} as const;

export function addTag(event: Event, tag: string): void {
  if (!event.tags) event.tags = [tag];
  else if (!event.tags.includes(tag)) event.tags.push(tag);
}

/** The text full-text search looks at: the message if parsed, else the raw line. */
export function messageOf(event: Event): string | undefined {
  const m = event.fields['message'];
  return typeof m === 'string' ? m : undefined;
}
