import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';
import { parseExposition } from './parse-exposition.js';

describe('createMetrics', () => {
  it('exposes every named Yagura metric with its type', async () => {
    const m = createMetrics();
    const { types } = parseExposition(await m.render());
    expect(types).toMatchObject({
      yagura_events_received_total: 'counter',
      yagura_events_stored_total: 'counter',
      yagura_events_failed_total: 'counter',
      yagura_events_parse_errors_total: 'counter',
      yagura_events_dropped_total: 'counter',
      yagura_queue_depth: 'gauge',
      yagura_queue_capacity: 'gauge',
      yagura_store_append_seconds: 'histogram',
      yagura_store_bytes: 'gauge',
      process_resident_memory_bytes: 'gauge',
      nodejs_heap_size_used_bytes: 'gauge',
    });
  });

  it('counts events by input and reason through the typed helpers', async () => {
    const m = createMetrics();
    m.eventsReceived({ input: 'hec', count: 10 });
    m.eventsReceived({ input: 'hec', count: 5 });
    m.eventsStored({ input: 'hec', count: 14 });
    m.parseErrors({ input: 'hec', count: 2 });
    m.eventsFailed({ input: 'hec', count: 1, reason: 'store_failed' });
    m.eventsDropped({ input: 'syslog', count: 3, reason: 'queue_full' });
    m.storeAppend(0.004);
    const samples = parseExposition(await m.render()).samples;
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        ?.value;
    expect(value('yagura_events_received_total', { input: 'hec' })).toBe(15);
    expect(value('yagura_events_stored_total', { input: 'hec' })).toBe(14);
    expect(value('yagura_events_parse_errors_total', { input: 'hec' })).toBe(2);
    expect(value('yagura_events_failed_total', { input: 'hec', reason: 'store_failed' })).toBe(1);
    expect(value('yagura_events_dropped_total', { input: 'syslog', reason: 'queue_full' })).toBe(3);
    expect(value('yagura_store_append_seconds_bucket', { le: '0.005' })).toBe(1);
    expect(value('yagura_store_append_seconds_bucket', { le: '0.0025' })).toBe(0);
  });

  it('reads queue depth, capacity and store size on each scrape', async () => {
    const m = createMetrics();
    let depth = 3;
    m.watchQueue(() => ({ depth, capacity: 100 }));
    m.watchStoreBytes(async () => 4096);
    depth = 42;
    const samples = parseExposition(await m.render()).samples;
    expect(samples.find((s) => s.name === 'yagura_queue_depth')?.value).toBe(42);
    expect(samples.find((s) => s.name === 'yagura_queue_capacity')?.value).toBe(100);
    expect(samples.find((s) => s.name === 'yagura_store_bytes')?.value).toBe(4096);
    expect(samples.find((s) => s.name === 'process_resident_memory_bytes')?.value).toBeGreaterThan(1_000_000);
  });
});
