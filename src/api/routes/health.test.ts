import { afterEach, describe, expect, it } from 'vitest';
import { parseExposition } from '../../telemetry/parse-exposition.js';
import { ArraySink, MemoryEventStore, testApp } from '../test-support.js';

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

function app(options: Parameters<typeof testApp>[0] = {}) {
  const t = testApp(options);
  apps.push(t.app);
  return t;
}

describe('GET /api/health', () => {
  it('reports ok with version, uptime, queue and store', async () => {
    let clock = 1_000_000;
    const { app: a } = app({
      now: () => clock,
      queueStats: () => ({ depth: 5, capacity: 100 }),
      config: { version: '9.9.9' },
    });
    clock += 42_000;
    const res = await a.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      version: '9.9.9',
      uptimeSeconds: 42,
      queue: { depth: 5, capacity: 100, full: false, closing: false },
      store: { ok: true, events: 0, bytes: 2 },
    });
  });

  it('answers 503 degraded when the store fails, and stopping while the queue closes', async () => {
    const store = new MemoryEventStore();
    const sink = new ArraySink();
    const { app: a } = app({ store, sink });
    store.failing = new Error('disk I/O error');
    const degraded = await a.inject({ method: 'GET', url: '/api/health' });
    expect(degraded.statusCode).toBe(503);
    expect(degraded.json()).toMatchObject({
      status: 'degraded',
      store: { ok: false, error: 'disk I/O error' },
    });
    store.failing = undefined;
    sink.closing = true;
    const stopping = await a.inject({ method: 'GET', url: '/api/health' });
    expect([stopping.statusCode, stopping.json().status]).toEqual([503, 'stopping']);
  });
});

describe('GET /api/health and the disk reserve', () => {
  it('reports the store as not ok once free space falls below the reserve', async () => {
    const store = new MemoryEventStore();
    let free = 5_000;
    store.stats = async () => ({ events: 0, bytes: 0, partitions: [], freeBytes: free });
    const { app: a } = app({ store, config: { minFreeBytes: 1_000 } });
    const ok = await a.inject({ method: 'GET', url: '/api/health' });
    expect([ok.statusCode, ok.json().store]).toEqual([
      200,
      { ok: true, events: 0, bytes: 0, freeBytes: 5_000, diskLow: false },
    ]);
    free = 999;
    const low = await a.inject({ method: 'GET', url: '/api/health' });
    expect([low.statusCode, low.json().status, low.json().store.diskLow]).toEqual([503, 'degraded', true]);
  });
});

describe('GET /metrics', () => {
  it('serves Prometheus text in which every line is a comment or "name{labels} value"', async () => {
    const { app: a, metrics } = app({ queueStats: () => ({ depth: 3, capacity: 10 }) });
    metrics.watchQueue(() => ({ depth: 3, capacity: 10 }));
    metrics.eventsReceived({ input: 'hec', count: 12 });
    metrics.eventsDropped({ input: 'syslog', count: 2, reason: 'queue_full' });
    const res = await a.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    for (const line of res.body.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) {
      expect(line).toMatch(
        /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? \S+$/,
      );
    }
    const { samples } = parseExposition(res.body);
    expect(samples).toContainEqual({
      name: 'yagura_events_received_total',
      labels: { input: 'hec' },
      value: 12,
    });
    expect(samples).toContainEqual({
      name: 'yagura_events_dropped_total',
      labels: { input: 'syslog', reason: 'queue_full' },
      value: 2,
    });
    expect(samples).toContainEqual({ name: 'yagura_queue_depth', labels: {}, value: 3 });
  });
});
