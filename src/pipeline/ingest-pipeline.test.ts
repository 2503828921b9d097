import { describe, expect, it } from 'vitest';
import type { Event } from '../core/event.js';
import { newEventId, tenantId } from '../core/ids.js';
import type { RawMessage } from '../core/raw-message.js';
import { MemoryQueue } from '../bus/memory-queue.js';
import type { EventStore } from '../store/event-store.js';
import { IngestPipeline } from './ingest-pipeline.js';

/** A store that keeps batches in memory and can be told to fail the next N appends. */
class ListStore implements Pick<EventStore, 'append'> {
  batches: Event[][] = [];
  failNext = 0;
  async append(batch: Event[]): Promise<void> {
    await new Promise((r) => setTimeout(r, 1));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('disk on fire');
    }
    this.batches.push(batch);
  }
  get events(): Event[] {
    return this.batches.flat();
  }
}

const toEvent = (raw: RawMessage): Event => ({
  id: newEventId(),
  tenant: raw.tenant,
  time: raw.receivedAt,
  receivedAt: raw.receivedAt,
  logsource: {},
  fields: { message: raw.text },
  raw: raw.text,
});

function setup(batchSize = 100) {
  const queue = new MemoryQueue({ capacity: 10_000 });
  const store = new ListStore();
  const errors: number[] = [];
  const pipeline = new IngestPipeline({
    queue,
    store: store as unknown as EventStore,
    normalize: toEvent,
    batchSize,
    flushIntervalMs: 5,
    onStoreError: (_e, attempt) => errors.push(attempt),
  });
  const push = (n: number) =>
    queue.push(
      Array.from({ length: n }, (_, i) => ({
        tenant: tenantId('t1'),
        input: 'test',
        receivedAt: i,
        text: `line ${i}`,
      })),
    );
  return { queue, store, pipeline, push, errors };
}

describe('IngestPipeline', () => {
  it('writes queued messages in batches no larger than the batch size', async () => {
    const { store, pipeline, push } = setup(100);
    pipeline.start();
    push(250);
    await pipeline.drain();
    expect(store.events).toHaveLength(250);
    expect(Math.max(...store.batches.map((b) => b.length))).toBeLessThanOrEqual(100);
  });

  it('flushes a partial batch after the flush interval', async () => {
    const { store, pipeline, push } = setup(1000);
    pipeline.start();
    push(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(store.events).toHaveLength(3);
    await pipeline.drain();
  });

  it('retries a batch the store refused until it is written', async () => {
    const { store, pipeline, push, errors } = setup(50);
    store.failNext = 2;
    pipeline.start();
    push(50);
    await pipeline.drain();
    expect(store.events.map((e) => e.raw)).toEqual(Array.from({ length: 50 }, (_, i) => `line ${i}`));
    expect(errors).toEqual([0, 1]);
  });

  it('gives up a drain after its timeout while the store keeps refusing, and says how many events were lost', async () => {
    const { store, pipeline, push } = setup(10);
    store.failNext = Infinity;
    pipeline.start();
    push(35);
    const { lost } = await pipeline.drain(300);
    expect(lost).toBe(35);
    expect(store.events).toHaveLength(0);
  });

  it('drains everything queued before drain() resolves', async () => {
    const { store, pipeline, push, queue } = setup(10);
    pipeline.start();
    push(1234);
    queue.close();
    expect(await pipeline.drain()).toEqual({ lost: 0 });
    expect(store.events).toHaveLength(1234);
    expect(queue.depth).toBe(0);
  });
});
