// Moves messages from the queue through normalization into the event store, in batches, with retries.
import type { Event } from '../core/event.js';
import type { RawMessage } from '../core/raw-message.js';
import type { MemoryQueue } from '../bus/memory-queue.js';
import type { EventStore } from '../store/event-store.js';

export interface IngestPipelineOptions {
  queue: MemoryQueue;
  store: EventStore;
  normalize: (raw: RawMessage) => Event;
  batchSize: number;
  flushIntervalMs: number;
  /** Store writes allowed in flight at once, so normalizing the next batch overlaps the write of this one. */
  maxInFlight?: number;
  onStored?: (events: Event[], seconds: number) => void;
  /** A write failed; the same events are retried. */
  onStoreError?: (error: unknown, attempt: number, events: Event[]) => void;
}

const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];

export class IngestPipeline {
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private stopRequested = false;
  private giveUpAt = Infinity;
  private lost = 0;

  constructor(private readonly options: IngestPipelineOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.queue.onData(() => {
      if (this.options.queue.depth >= this.options.batchSize) this.wake?.();
    });
    this.loop = this.run();
  }

  /**
   * Writes everything queued, then stops. Inputs must be closed first so nothing new arrives. While the store
   * keeps refusing writes, waits at most `timeoutMs`, then gives up; resolves with how many events were not written.
   */
  async drain(timeoutMs = Infinity): Promise<{ lost: number }> {
    this.stopRequested = true;
    this.giveUpAt = performance.now() + timeoutMs;
    this.wake?.();
    await this.loop;
    await Promise.all(this.inFlight);
    return { lost: this.lost };
  }

  private givingUp(): boolean {
    return this.stopRequested && performance.now() >= this.giveUpAt;
  }

  private async run(): Promise<void> {
    const { queue, batchSize } = this.options;
    const maxInFlight = this.options.maxInFlight ?? 2;
    for (;;) {
      if (this.givingUp()) {
        this.lost += queue.take(queue.depth).length;
        return;
      }
      if (queue.depth === 0) {
        if (this.stopRequested) return;
        await this.sleep(this.options.flushIntervalMs);
        continue;
      }
      if (queue.depth < batchSize && !this.stopRequested) await this.sleep(this.options.flushIntervalMs);
      const batch = queue.take(batchSize);
      if (batch.length === 0) continue;
      const events = batch.map(this.options.normalize);
      const write = this.writeWithRetry(events);
      this.inFlight.add(write);
      void write.finally(() => this.inFlight.delete(write));
      while (this.inFlight.size >= maxInFlight) await Promise.race(this.inFlight);
    }
  }

  // A failed batch is retried until it is stored: the queue fills meanwhile, which pushes back on the inputs.
  private async writeWithRetry(events: Event[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      try {
        await this.options.store.append(events);
        this.options.onStored?.(events, (performance.now() - started) / 1000);
        return;
      } catch (error) {
        this.options.onStoreError?.(error, attempt, events);
        if (this.givingUp()) {
          this.lost += events.length;
          return;
        }
        await delay(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
