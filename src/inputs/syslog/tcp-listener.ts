// The syslog stream listener for TCP and TLS: many connections, per-connection framing, shared backpressure.
import * as net from 'node:net';
import type * as tls from 'node:tls';
import { YaguraError } from '../../core/errors.js';
import type { IngestSink } from '../../core/raw-message.js';
import { createFrameDecoder, type Framing } from '../framing/auto.js';
import type { Frame, FrameDecoder } from '../framing/frame.js';
import { emptyStats, type InputAddress, type InputLogger, type ListenerStats } from '../input.js';
import { normalizeAddress, type TenantLookup, toRawMessages } from './messages.js';
import { createTlsServer } from './tls.js';

export interface StreamListenerOptions {
  input: string;
  transport: 'tcp' | 'tls';
  host: string;
  port: number;
  framing: Framing | 'auto';
  maxMessageSize: number;
  maxConnections: number;
  idleTimeoutSeconds: number;
  /** Server options for the TLS transport (see tls.ts). */
  tls?: tls.TlsOptions;
  tenants: TenantLookup;
  /** Format or device parser pinned for every message; undefined to detect per message. */
  parser?: string | undefined;
  sink: IngestSink;
  logger: InputLogger;
}

interface Connection {
  socket: net.Socket;
  decoder: FrameDecoder;
  sender: {
    tenant: ReturnType<TenantLookup['get']>;
    address: string | undefined;
    parser?: string | undefined;
  };
  finished: boolean;
}

const KEEPALIVE_MS = 60_000;

/**
 * Accepts connections and decodes their frames into the sink. When the sink reports full, every connection is
 * paused (the senders' TCP windows fill and they slow down); all resume when the sink drains.
 */
export class StreamListener {
  private readonly options: StreamListenerOptions;
  private readonly server: net.Server;
  private readonly connections = new Set<Connection>();
  private readonly counters: ListenerStats;
  private paused = false;
  private closing = false;
  private closed: Promise<void> | null = null;
  private unsubscribeDrain: (() => void) | null = null;

  constructor(options: StreamListenerOptions) {
    this.options = options;
    this.counters = emptyStats(options.input, options.transport);
    if (options.transport === 'tls') {
      if (!options.tls) throw new TypeError('The TLS stream listener needs TLS options');
      const server = createTlsServer(options.tls);
      server.on('secureConnection', (socket) => this.accept(socket));
      server.on('tlsClientError', (error, socket) => {
        this.counters.handshakeErrors++;
        options.logger.debug(
          { input: options.input, peer: normalizeAddress(socket.remoteAddress), err: error.message },
          'A syslog TLS handshake failed.',
        );
      });
      this.server = server;
    } else {
      this.server = net.createServer((socket) => this.accept(socket));
    }
    this.server.maxConnections = options.maxConnections;
    this.server.on('drop', () => {
      this.counters.connectionsRejected++;
    });
  }

  async listen(): Promise<void> {
    const { host, port, transport, input, logger } = this.options;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => {
        reject(
          new YaguraError(
            'INPUT_LISTEN_FAILED',
            `The ${input} input cannot listen on ${transport} ${host}:${port}: ${error.message}`,
            { location: { key: `${transport}Port` }, host, port },
            { cause: error },
          ),
        );
      };
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    this.server.on('error', (error) =>
      logger.warn({ input, transport, err: error.message }, 'A syslog listener failed.'),
    );
    this.counters.port = (this.server.address() as net.AddressInfo).port;
    this.unsubscribeDrain = this.options.sink.onDrain(() => this.resumeAll());
  }

  address(): InputAddress {
    return { transport: this.options.transport, host: this.options.host, port: this.counters.port };
  }

  stats(): ListenerStats {
    return { ...this.counters, dropped: { ...this.counters.dropped }, pausedCurrent: this.paused };
  }

  /** Stops accepting, delivers everything already read (partial last frames too), then closes every connection. */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    this.closing = true;
    this.unsubscribeDrain?.();
    const closed = new Promise<void>((resolve) => {
      if (!this.server.listening) resolve();
      else this.server.close(() => resolve());
    });
    for (const conn of this.connections) {
      conn.socket.pause();
      // read() also emits 'data'; the listener goes first so each chunk is decoded once.
      conn.socket.removeAllListeners('data');
      // Bytes already read from the kernel but not yet handed to us (paused for backpressure) are delivered too.
      let chunk: Buffer | null;
      while ((chunk = conn.socket.read() as Buffer | null) !== null) this.onData(conn, chunk);
      this.finish(conn);
      conn.socket.destroy();
    }
    this.closed = closed;
    return closed;
  }

  private accept(socket: net.Socket): void {
    const { options, counters } = this;
    if (this.closing || options.sink.closing) {
      counters.connectionsRejected++;
      socket.destroy();
      return;
    }
    const address = normalizeAddress(socket.remoteAddress);
    const conn: Connection = {
      socket,
      sender: { tenant: options.tenants.get(address), address, parser: options.parser },
      finished: false,
      decoder: createFrameDecoder(options.framing, {
        maxMessageSize: options.maxMessageSize,
        onFramingError: (reason, detail) => {
          counters.framingErrors++;
          options.logger.warn(
            { input: options.input, transport: options.transport, peer: address, reason },
            `The syslog framing broke on a connection from ${address ?? 'an unknown peer'}. ${detail}`,
          );
        },
      }),
    };
    this.connections.add(conn);
    counters.connectionsCurrent++;
    counters.connectionsTotal++;
    if (this.paused) socket.pause();
    socket.setKeepAlive(true, KEEPALIVE_MS);
    const idleMs = options.idleTimeoutSeconds * 1000;
    if (idleMs > 0) {
      socket.setTimeout(idleMs);
      socket.on('timeout', () => {
        // A connection paused by us is not idle: wait again.
        if (this.paused) {
          socket.setTimeout(idleMs);
          return;
        }
        options.logger.info(
          { input: options.input, transport: options.transport, peer: address },
          `A syslog connection from ${address ?? 'an unknown peer'} was idle for ${options.idleTimeoutSeconds} s and is closed.`,
        );
        this.finish(conn);
        socket.destroy();
      });
    }
    socket.on('data', (chunk: Buffer) => this.onData(conn, chunk));
    socket.on('end', () => this.finish(conn));
    socket.on('error', (error) => {
      options.logger.debug(
        { input: options.input, peer: address, err: error.message },
        'A syslog connection failed.',
      );
    });
    socket.on('close', () => {
      this.finish(conn);
      if (this.connections.delete(conn)) counters.connectionsCurrent--;
    });
  }

  private onData(conn: Connection, chunk: Buffer): void {
    this.counters.bytesIn += chunk.length;
    const frames: Frame[] = [];
    conn.decoder.write(chunk, frames);
    if (frames.length > 0) this.deliver(conn, frames);
  }

  /** The peer closed (or we close): a partial last frame is still delivered. */
  private finish(conn: Connection): void {
    if (conn.finished) return;
    conn.finished = true;
    const frames: Frame[] = [];
    conn.decoder.end(frames);
    if (frames.length > 0) this.deliver(conn, frames);
  }

  private deliver(conn: Connection, frames: Frame[]): void {
    const messages = toRawMessages(frames, conn.sender, this.options.transport, this.counters, Date.now());
    if (!this.options.sink.push(messages)) this.pauseAll();
  }

  private pauseAll(): void {
    if (this.paused) return;
    this.paused = true;
    for (const conn of this.connections) conn.socket.pause();
    this.options.logger.debug(
      { input: this.options.input, transport: this.options.transport, connections: this.connections.size },
      'The ingest queue is full: syslog connections are paused.',
    );
  }

  private resumeAll(): void {
    if (!this.paused || this.closing) return;
    this.paused = false;
    for (const conn of this.connections) conn.socket.resume();
  }
}
