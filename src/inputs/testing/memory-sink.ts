// An in-memory IngestSink for tests: keeps what it is given, reports full above a settable high-water mark.
import type { IngestSink, RawMessage } from '../../core/raw-message.js';

export class MemorySink implements IngestSink {
  /** Every message pushed, in order (not emptied by `drain`). */
  readonly received: RawMessage[] = [];
  /** Sizes of the push() calls, to check batching. */
  readonly pushSizes: number[] = [];
  /** Counts reported through dropped(), keyed "input:reason". */
  readonly drops = new Map<string, number>();
  /** Messages not yet taken by the consumer; `full` compares this with the high-water mark. */
  queued = 0;
  highWaterMark: number;
  private isClosing = false;
  private readonly drainListeners = new Set<() => void>();
  private readonly waiters = new Set<() => void>();

  constructor(highWaterMark = Number.POSITIVE_INFINITY) {
    this.highWaterMark = highWaterMark;
  }

  get full(): boolean {
    return this.queued >= this.highWaterMark;
  }

  get closing(): boolean {
    return this.isClosing;
  }

  set closing(value: boolean) {
    this.isClosing = value;
  }

  push(messages: RawMessage[]): boolean {
    for (const m of messages) this.received.push(m);
    this.pushSizes.push(messages.length);
    this.queued += messages.length;
    for (const w of [...this.waiters]) w();
    return !this.full;
  }

  onDrain(listener: () => void): () => void {
    this.drainListeners.add(listener);
    return () => this.drainListeners.delete(listener);
  }

  dropped(input: string, count: number, reason: string): void {
    const key = `${input}:${reason}`;
    this.drops.set(key, (this.drops.get(key) ?? 0) + count);
    for (const w of [...this.waiters]) w();
  }

  /** Marks `count` messages (default all) as consumed; fires the drain listeners when it was full and is not any more. */
  drain(count = this.queued): void {
    const wasFull = this.full;
    this.queued = Math.max(0, this.queued - count);
    if (wasFull && !this.full) for (const l of [...this.drainListeners]) l();
  }

  get texts(): string[] {
    return this.received.map((m) => m.text);
  }

  /** Resolves once `predicate` holds (checked after each push or drop), rejects after `timeoutMs`. */
  waitFor(predicate: (sink: this) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!predicate(this)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `MemorySink.waitFor timed out after ${timeoutMs} ms with ${this.received.length} messages`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Resolves once at least `count` messages were received. */
  waitForCount(count: number, timeoutMs = 5000): Promise<void> {
    return this.waitFor((s) => s.received.length >= count, timeoutMs);
  }
}
