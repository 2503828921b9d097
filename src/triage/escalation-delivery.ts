// Sending one escalation delivery and writing its attempts to the outbox; shared by the escalate flow (the
// request's attempts) and the background retrier (one later attempt).
import type { Channel, Notification } from '../notify/channel.js';
import { deliver, type DeliverOptions, type Delivery } from '../notify/deliver.js';
import type { EscalationServiceOptions } from './escalation-options.js';
import { recordAttempts } from './escalation-outbox.js';
import { makeChannel, type ChannelSettings, type Contact } from './escalation-policy.js';
import type { TriageDeps } from './service-support.js';

/** What the escalate flow and the retrier share. */
export interface DeliveryContext {
  deps: TriageDeps;
  options: EscalationServiceOptions;
  /** Deliveries being attempted now (in a request or a retrier pass), which the retrier leaves alone. */
  inFlight: Set<string>;
}

export function channelFor(
  ctx: DeliveryContext,
  channel: ChannelSettings,
  contacts: readonly Contact[],
): Channel {
  return makeChannel(channel, {
    smtp: ctx.options.smtp,
    contacts,
    ...(ctx.options.attemptTimeoutMs !== undefined ? { timeoutMs: ctx.options.attemptTimeoutMs } : {}),
  });
}

/** Sends a delivery with the given attempts and writes them to its log; `retry` says a later retry made them. */
export async function attemptDelivery(
  ctx: DeliveryContext,
  deliveryId: string,
  send: { channel: Channel; message: Notification; attempts: DeliverOptions; retry: boolean },
): Promise<Delivery> {
  const delivery = await deliver(send.channel, send.message, send.attempts);
  await recordAttempts(
    ctx.deps.db,
    deliveryId,
    { ...delivery, delivered: delivery.status === 'delivered', retry: send.retry },
    ctx.options.followUp,
  );
  return delivery;
}
