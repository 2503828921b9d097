// The syslog UDP listener (RFC 5426): each datagram is one message; when the sink is full datagrams are dropped and counted.
import * as dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import { YaguraError } from '../../core/errors.js';
import type { IngestSink, RawMessage } from '../../core/raw-message.js';
import { type Frame, trimLineEnd, utf8CutPoint } from '../framing/frame.js';
import { emptyStats, type InputAddress, type InputLogger, type ListenerStats } from '../input.js';
import { countDropped, normalizeAddress, type TenantLookup, toRawMessages } from './messages.js';

export interface UdpListenerOptions {
  input: string;
  host: string;
  port: number;
  maxMessageSize: number;
  tenants: TenantLookup;
  /** Format or device parser pinned for every message; undefined to detect per message. */
  parser?: string | undefined;
  sink: IngestSink;
  logger: InputLogger;
}

/** Asked of the kernel so bursts are not lost while the event loop is busy; Linux caps it at net.core.rmem_max. */
const RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;

/**
 * Datagrams arriving in the same event-loop turn are collected and pushed as one batch on setImmediate;
 * UDP cannot push back, so a datagram that arrives while the sink is full is dropped (reason `queue_full`).
 */
export class UdpListener {
  private readonly options: UdpListenerOptions;
  private readonly socket: dgram.Socket;
  private readonly counters: ListenerStats;
  private pending: RawMessage[] = [];
  private pendingDrops = 0;
  private flushScheduled: NodeJS.Immediate | null = null;
  private closed: Promise<void> | null = null;
  private bound = false;

  constructor(options: UdpListenerOptions) {
    this.options = options;
    this.counters = emptyStats(options.input, 'udp');
    // "::" also receives IPv4 (dual stack); a specific IPv4 address needs a udp4 socket.
    this.socket = dgram.createSocket({ type: isIPv6(options.host) ? 'udp6' : 'udp4' });
    this.socket.on('message', (data, rinfo) => this.onMessage(data, rinfo));
  }

  async listen(): Promise<void> {
    const { host, port, input, logger } = this.options;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => {
        reject(
          new YaguraError(
            'INPUT_LISTEN_FAILED',
            `The ${input} input cannot listen on udp ${host}:${port}: ${error.message}`,
            { location: { key: 'udpPort' }, host, port },
            { cause: error },
          ),
        );
      };
      this.socket.once('error', onError);
      this.socket.bind(port, host, () => {
        this.socket.off('error', onError);
        resolve();
      });
    });
    this.bound = true;
    this.socket.on('error', (error) =>
      logger.warn({ input, transport: 'udp', err: error.message }, 'A syslog listener failed.'),
    );
    try {
      this.socket.setRecvBufferSize(RECEIVE_BUFFER_BYTES);
    } catch {
      // Not permitted or not supported: the system default stays.
    }
    this.counters.port = this.socket.address().port;
  }

  address(): InputAddress {
    return { transport: 'udp', host: this.options.host, port: this.counters.port };
  }

  stats(): ListenerStats {
    return { ...this.counters, dropped: { ...this.counters.dropped } };
  }

  /** Stops receiving and pushes the datagrams already received. */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    this.socket.removeAllListeners('message');
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flush();
    this.closed = new Promise<void>((resolve) => {
      if (!this.bound) resolve();
      else this.socket.close(() => resolve());
    });
    return this.closed;
  }

  private onMessage(data: Buffer, rinfo: dgram.RemoteInfo): void {
    const { counters, options } = this;
    counters.bytesIn += data.length;
    if (options.sink.full) {
      this.pendingDrops++;
      this.schedule();
      return;
    }
    const end = trimLineEnd(data);
    if (end === 0) return;
    const truncated = end > options.maxMessageSize;
    const frame: Frame = {
      data: data.subarray(0, truncated ? utf8CutPoint(data, options.maxMessageSize) : end),
      truncated,
      framingError: false,
    };
    const address = normalizeAddress(rinfo.address);
    const [message] = toRawMessages(
      [frame],
      { tenant: options.tenants.get(address), address, parser: options.parser },
      'udp',
      counters,
      Date.now(),
    );
    this.pending.push(message as RawMessage);
    this.schedule();
  }

  private schedule(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = setImmediate(() => {
      this.flushScheduled = null;
      this.flush();
    });
  }

  private flush(): void {
    if (this.pendingDrops > 0) {
      countDropped(this.counters, this.options.sink, this.pendingDrops, 'queue_full');
      this.pendingDrops = 0;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.options.sink.push(batch);
  }
}
