// The metrics Yagura emits, by name, with one typed helper per event worth counting.
import { Registry, type Collect } from './registry.js';

/** Store write latency buckets in seconds: from a cached small batch to a slow disk. */
const STORE_APPEND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface QueueStats {
  depth: number;
  capacity: number;
}

export interface YaguraMetrics {
  readonly registry: Registry;
  /** Messages an input accepted into the queue. */
  eventsReceived(e: { input: string; count: number }): void;
  /** Events committed by the store. */
  eventsStored(e: { input: string; count: number }): void;
  /** Events in a store write that failed (the pipeline retries them until they are stored). */
  eventsFailed(e: { input: string; count: number; reason: string }): void;
  /** Events stored with the parse_error tag (they are stored, so they also count as stored). */
  parseErrors(e: { input: string; count: number }): void;
  /** Messages an input discarded (UDP while the queue is full, frames over the size limit, ...). */
  eventsDropped(e: { input: string; count: number; reason: string }): void;
  /** One store append took this long. */
  storeAppend(seconds: number): void;
  /** Reports the queue depth and capacity on each scrape. */
  watchQueue(stats: () => QueueStats): void;
  /** Reports the store's size in bytes on each scrape. */
  watchStoreBytes(bytes: Collect): void;
  /** The Prometheus text of every metric. */
  render(): Promise<string>;
}

export function createMetrics(): YaguraMetrics {
  const registry = new Registry();
  let queueStats: (() => QueueStats) | undefined;
  let storeBytes: Collect | undefined;

  const received = registry.counter(
    'yagura_events_received_total',
    'Messages accepted from inputs into the queue.',
    ['input'],
  );
  const stored = registry.counter('yagura_events_stored_total', 'Events committed to the event store.', [
    'input',
  ]);
  const failed = registry.counter(
    'yagura_events_failed_total',
    'Events in store writes that failed; the pipeline retries them until they are stored.',
    ['input', 'reason'],
  );
  const parseErrors = registry.counter(
    'yagura_events_parse_errors_total',
    'Events stored raw with the parse_error tag because no parser understood them.',
    ['input'],
  );
  const dropped = registry.counter(
    'yagura_events_dropped_total',
    'Messages an input had to discard, by reason.',
    ['input', 'reason'],
  );
  registry.gauge('yagura_queue_depth', 'Messages waiting between the inputs and the store.', [], () =>
    queueStats ? queueStats().depth : [],
  );
  registry.gauge('yagura_queue_capacity', 'High-water mark of the ingest queue in messages.', [], () =>
    queueStats ? queueStats().capacity : [],
  );
  const append = registry.histogram(
    'yagura_store_append_seconds',
    'Time one batch took to be committed by the event store.',
    [],
    STORE_APPEND_BUCKETS,
  );
  registry.gauge('yagura_store_bytes', 'Size of the event store on disk in bytes.', [], () =>
    storeBytes ? storeBytes() : [],
  );
  registry.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', [], () =>
    process.memoryUsage.rss(),
  );
  registry.gauge(
    'nodejs_heap_size_used_bytes',
    'V8 heap in use in bytes.',
    [],
    () => process.memoryUsage().heapUsed,
  );
  registry.gauge(
    'nodejs_heap_size_total_bytes',
    'V8 heap allocated in bytes.',
    [],
    () => process.memoryUsage().heapTotal,
  );
  const startSeconds = Math.round((Date.now() - process.uptime() * 1000) / 1000);
  registry.gauge(
    'process_start_time_seconds',
    'Start time of the process since the Unix epoch in seconds.',
    [],
    () => startSeconds,
  );

  return {
    registry,
    eventsReceived: ({ input, count }) => received.inc({ input }, count),
    eventsStored: ({ input, count }) => stored.inc({ input }, count),
    eventsFailed: ({ input, count, reason }) => failed.inc({ input, reason }, count),
    parseErrors: ({ input, count }) => parseErrors.inc({ input }, count),
    eventsDropped: ({ input, count, reason }) => dropped.inc({ input, reason }, count),
    storeAppend: (seconds) => append.observe(undefined, seconds),
    watchQueue: (stats) => {
      queueStats = stats;
    },
    watchStoreBytes: (bytes) => {
      storeBytes = bytes;
    },
    render: () => registry.render(),
  };
}
