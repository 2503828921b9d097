import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueueDepthHistory } from './queue-depth-history.js';

const T0 = Date.parse('2025-11-28T00:00:00Z');

function fixture(capacity = 5) {
  const state = { now: T0, depth: 0 };
  const history = new QueueDepthHistory({
    read: () => state.depth,
    clock: () => state.now,
    intervalMs: 10_000,
    capacity,
  });
  const step = (depth: number) => {
    state.depth = depth;
    history.sample();
    state.now += 10_000;
  };
  return { state, history, step };
}

describe('QueueDepthHistory', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns the samples oldest first with the time each was taken', () => {
    const { history, step } = fixture();
    step(3);
    step(7);
    expect(history.samples()).toEqual([
      { at: T0, depth: 3 },
      { at: T0 + 10_000, depth: 7 },
    ]);
  });

  it('keeps only the newest samples once the ring is full', () => {
    const { history, step } = fixture(3);
    for (const depth of [1, 2, 3, 4, 5]) step(depth);
    expect(history.samples().map((s) => s.depth)).toEqual([3, 4, 5]);
    expect(history.samples()[0]!.at).toBe(T0 + 20_000);
  });

  it('narrows to a time range, from inclusive and to exclusive', () => {
    const { history, step } = fixture(10);
    for (const depth of [1, 2, 3, 4]) step(depth);
    expect(history.samples({ from: T0 + 10_000, to: T0 + 30_000 }).map((s) => s.depth)).toEqual([2, 3]);
  });

  it('thins a long history to its peaks, never losing the deepest sample', () => {
    const { history, step } = fixture(100);
    for (let i = 0; i < 100; i++) step(i === 42 ? 999 : i % 5);
    const thin = history.samples({}, 10);
    expect(thin).toHaveLength(10);
    expect(thin.map((s) => s.depth)).toContain(999);
    expect(thin.find((s) => s.depth === 999)?.at).toBe(T0 + 42 * 10_000);
    expect(thin.map((s) => s.at)).toEqual([...thin.map((s) => s.at)].sort((a, b) => a - b));
  });

  it('samples on its interval from start until stop', () => {
    vi.useFakeTimers();
    const { state, history } = fixture(100);
    state.depth = 5;
    history.start();
    vi.advanceTimersByTime(30_000);
    history.stop();
    vi.advanceTimersByTime(30_000);
    expect(history.samples()).toHaveLength(4);
    history.start();
    history.start();
    vi.advanceTimersByTime(10_000);
    history.stop();
    expect(history.samples()).toHaveLength(6);
  });
});
