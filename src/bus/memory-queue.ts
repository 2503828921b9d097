// The embedded shape's queue between inputs and the store: bounded, with Node-stream-like backpressure.
import type { IngestSink, RawMessage } from '../core/raw-message.js';

export interface MemoryQueueOptions {
  /** High-water mark in messages. */
  capacity: number;
  /** Called whenever an input had to discard messages. */
  onDropped?: (input: string, count: number, reason: string) => void;
  /** Called with every accepted push, for "received" counters. */
  onPushed?: (messages: RawMessage[]) => void;
}

export class MemoryQueue implements IngestSink {
  private readonly chunks: RawMessage[][] = [];
  private head = 0;
  private size = 0;
  private wasFull = false;
  private isClosing = false;
  private readonly drainListeners = new Set<() => void>();
  private readonly dataListeners = new Set<() => void>();

  constructor(private readonly options: MemoryQueueOptions) {}

  get depth(): number {
    return this.size;
  }

  get capacity(): number {
    return this.options.capacity;
  }

  get full(): boolean {
    return this.size >= this.options.capacity;
  }

  get closing(): boolean {
    return this.isClosing;
  }

  push(messages: RawMessage[]): boolean {
    if (messages.length > 0) {
      this.chunks.push(messages);
      this.size += messages.length;
      this.options.onPushed?.(messages);
      for (const listener of this.dataListeners) listener();
    }
    if (this.full) this.wasFull = true;
    return !this.full;
  }

  dropped(input: string, count: number, reason: string): void {
    this.options.onDropped?.(input, count, reason);
  }

  onDrain(listener: () => void): () => void {
    this.drainListeners.add(listener);
    return () => this.drainListeners.delete(listener);
  }

  /** Wakes the consumer when messages arrive. */
  onData(listener: () => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  /** Takes up to `max` messages, oldest first. */
  take(max: number): RawMessage[] {
    const out: RawMessage[] = [];
    while (out.length < max && this.head < this.chunks.length) {
      const chunk = this.chunks[this.head]!;
      const room = max - out.length;
      if (chunk.length <= room) {
        for (const m of chunk) out.push(m);
        this.head++;
      } else {
        for (let i = 0; i < room; i++) out.push(chunk[i]!);
        this.chunks[this.head] = chunk.slice(room);
      }
    }
    if (this.head > 1024 || this.head === this.chunks.length) {
      this.chunks.splice(0, this.head);
      this.head = 0;
    }
    this.size -= out.length;
    // Resume producers only once the queue is well below the mark, so TCP sockets do not flap.
    if (this.wasFull && this.size <= this.options.capacity / 2) {
      this.wasFull = false;
      for (const listener of [...this.drainListeners]) listener();
    }
    return out;
  }

  /** Stop taking new work from inputs; what is queued stays to be drained. */
  close(): void {
    this.isClosing = true;
  }
}
