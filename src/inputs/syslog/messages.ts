// Turns decoded frames into RawMessages: text, tags, sender address, tenant and the transport field.
import { Tags } from '../../core/event.js';
import type { TenantId } from '../../core/ids.js';
import type { RawMessage } from '../../core/raw-message.js';
import { FRAMING_ERROR_TAG, type Frame, frameText } from '../framing/frame.js';
import type { ListenerStats, TenantResolver } from '../input.js';

export type Transport = ListenerStats['transport'];

/**
 * Field naming the transport a message arrived on. It lives under Yagura's own namespace on purpose: ECS
 * `network.*`, `source.*` and `tls.*` describe the activity a log line reports (a firewall's `network.transport`
 * is that of the connection it logged), so putting the log's own transport there would collide with parsed fields.
 * The sender's address travels as `RawMessage.sourceAddress`.
 */
export const TRANSPORT_FIELD = 'yagura.transport';

// One shared, frozen fields object per transport: the pipeline only reads RawMessage.fields, and a new object per
// message is garbage the ingest path does not need.
const TRANSPORT_FIELDS: Record<Transport, Record<string, string>> = {
  udp: Object.freeze({ [TRANSPORT_FIELD]: 'udp' }),
  tcp: Object.freeze({ [TRANSPORT_FIELD]: 'tcp' }),
  tls: Object.freeze({ [TRANSPORT_FIELD]: 'tls' }),
};

/** "::ffff:192.0.2.1" (an IPv4 peer on a dual-stack socket) becomes "192.0.2.1", so IPv4 tenant ranges match. */
export function normalizeAddress(address: string | undefined): string | undefined {
  if (address && address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  return address;
}

/** Caches tenant lookups per sender address (UDP resolves per datagram). */
export class TenantLookup {
  private readonly cache = new Map<string, TenantId>();

  constructor(
    private readonly listenerTenant: TenantId,
    private readonly resolver: TenantResolver | undefined,
  ) {}

  get(address: string | undefined): TenantId {
    if (!this.resolver) return this.listenerTenant;
    if (address === undefined) return this.resolver(undefined, this.listenerTenant);
    let tenant = this.cache.get(address);
    if (tenant === undefined) {
      tenant = this.resolver(address, this.listenerTenant);
      if (this.cache.size >= 4096) this.cache.clear();
      this.cache.set(address, tenant);
    }
    return tenant;
  }
}

/** Builds the RawMessages of a batch of frames from one sender, counting them in `stats`. */
export function toRawMessages(
  frames: readonly Frame[],
  sender: { tenant: TenantId; address: string | undefined; parser?: string | undefined },
  transport: Transport,
  stats: ListenerStats,
  receivedAt: number,
): RawMessage[] {
  const messages: RawMessage[] = new Array(frames.length);
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i] as Frame;
    const { text, invalidUtf8 } = frameText(frame.data);
    const message: RawMessage = {
      tenant: sender.tenant,
      input: stats.input,
      receivedAt,
      text,
      fields: TRANSPORT_FIELDS[transport],
    };
    if (sender.address !== undefined) message.sourceAddress = sender.address;
    if (sender.parser !== undefined) message.format = sender.parser;
    if (frame.truncated || invalidUtf8 || frame.framingError) {
      const tags: string[] = [];
      if (frame.truncated) {
        tags.push(Tags.truncated);
        stats.truncated++;
      }
      if (invalidUtf8) {
        tags.push(Tags.invalidUtf8);
        stats.invalidUtf8++;
      }
      if (frame.framingError) tags.push(FRAMING_ERROR_TAG);
      message.tags = tags;
    }
    messages[i] = message;
  }
  stats.framesIn += frames.length;
  return messages;
}

/** Adds `count` to a listener's dropped counter and reports it to the sink. */
export function countDropped(
  stats: ListenerStats,
  sink: { dropped(input: string, count: number, reason: string): void },
  count: number,
  reason: string,
): void {
  if (count <= 0) return;
  stats.dropped[reason] = (stats.dropped[reason] ?? 0) + count;
  sink.dropped(stats.input, count, reason);
}
