// The background retrier: deliveries still in the outbox (from before a restart too) get one attempt each when due.
import { attemptDelivery, channelFor, type DeliveryContext } from './escalation-delivery.js';
import { dueEntries, type OutboxEntry } from './escalation-outbox.js';
import { nowOf } from './service-support.js';

const RETRY_BATCH = 50;

export class EscalationRetrier {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<number> | undefined;
  private running = false;

  constructor(private readonly ctx: DeliveryContext) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async close(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass?.catch(() => undefined);
  }

  async retryDue(): Promise<number> {
    const { deps, inFlight } = this.ctx;
    const due = (await dueEntries(deps.db, nowOf(deps), RETRY_BATCH)).filter(
      (e) => !inFlight.has(e.deliveryId),
    );
    // Claimed before any await, so a pass running at the same time does not send them twice.
    for (const e of due) inFlight.add(e.deliveryId);
    await Promise.all(due.map((entry) => this.retryOne(entry)));
    return due.length;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.pass = this.retryDue();
      this.pass
        .catch((error: unknown) => this.ctx.options.onRetryError?.(error))
        .finally(() => {
          this.pass = undefined;
          if (this.running) this.schedule(this.ctx.options.retryPollMs ?? 15_000);
        });
    }, ms);
    this.timer.unref();
  }

  private async retryOne(entry: OutboxEntry): Promise<void> {
    try {
      const clock = () => nowOf(this.ctx.deps);
      await attemptDelivery(this.ctx, entry.deliveryId, {
        channel: channelFor(this.ctx, entry.channel, entry.contacts),
        message: entry.message,
        attempts: { attempts: 1, clock },
        retry: true,
      });
    } finally {
      this.ctx.inFlight.delete(entry.deliveryId);
    }
  }
}
