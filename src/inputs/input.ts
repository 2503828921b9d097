// What every input is given (sink, tenant resolver, logger) and what it exposes (lifecycle, addresses, counters).
import type { z } from 'zod';
import type { TenantId } from '../core/ids.js';
import type { IngestSink } from '../core/raw-message.js';

/** The logging calls inputs make; a pino logger fits. */
export interface InputLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export const silentLogger: InputLogger = {
  debug() {},
  info() {},
  warn() {},
};

/**
 * Picks the tenant of a message from the sender's address. `listenerTenant` is the tenant configured on the
 * input; a resolver that maps source-address ranges returns it for addresses outside every range.
 */
export type TenantResolver = (address: string | undefined, listenerTenant: TenantId) => TenantId;

export interface InputContext {
  sink: IngestSink;
  /** Absent: every message gets the input's configured tenant. */
  resolveTenant?: TenantResolver;
  logger?: InputLogger;
}

/** A bound socket, for logs, tests and the status page. */
export interface InputAddress {
  transport: 'udp' | 'tcp' | 'tls';
  host: string;
  port: number;
}

/** Counters of one listener, as plain numbers for the metrics module (monotonic unless named `current`). */
export interface ListenerStats {
  input: string;
  transport: 'udp' | 'tcp' | 'tls';
  port: number;
  framesIn: number;
  bytesIn: number;
  /** Frames delivered cut to the size limit. */
  truncated: number;
  /** Frames delivered with invalid UTF-8 replaced. */
  invalidUtf8: number;
  /** Connections whose octet-count framing broke (see framing/octet-counting.ts). */
  framingErrors: number;
  /** Messages discarded, by reason (e.g. `queue_full`); the same counts go to `sink.dropped`. */
  dropped: Record<string, number>;
  /** Open connections (stream listeners), current value. */
  connectionsCurrent: number;
  connectionsTotal: number;
  /** Connections refused because `maxConnections` was reached or the sink was closing. */
  connectionsRejected: number;
  /** TLS handshakes that failed. */
  handshakeErrors: number;
  /** Whether reading is paused for backpressure, current value. */
  pausedCurrent: boolean;
}

export function emptyStats(input: string, transport: ListenerStats['transport']): ListenerStats {
  return {
    input,
    transport,
    port: 0,
    framesIn: 0,
    bytesIn: 0,
    truncated: 0,
    invalidUtf8: 0,
    framingErrors: 0,
    dropped: {},
    connectionsCurrent: 0,
    connectionsTotal: 0,
    connectionsRejected: 0,
    handshakeErrors: 0,
    pausedCurrent: false,
  };
}

/** A running input. */
export interface Input {
  readonly kind: string;
  /** Binds and starts receiving; rejects (nothing left bound) when a socket cannot be bound. */
  start(): Promise<void>;
  /** Stops receiving, delivers what was already read (partial last frames included), releases the sockets. */
  close(): Promise<void>;
  addresses(): InputAddress[];
  stats(): ListenerStats[];
}

/** A component definition (STYLE.md point 1): the config reference is generated from `configSchema`. */
export interface InputDefinition<Schema extends z.ZodType, I extends Input = Input> {
  kind: string;
  description: string;
  configSchema: Schema;
  create(config: z.output<Schema>, context: InputContext): I;
}
