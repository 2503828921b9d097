import { describe, expect, it } from 'vitest';
import { tenantId } from '../core/ids.js';
import type { RawMessage } from '../core/raw-message.js';
import { MemoryQueue } from './memory-queue.js';

const msg = (text: string): RawMessage => ({
  tenant: tenantId('default'),
  input: 'test',
  receivedAt: 0,
  text,
});
const many = (n: number, prefix = 'm') => Array.from({ length: n }, (_, i) => msg(`${prefix}${i}`));

describe('MemoryQueue', () => {
  it('returns false from push once the high-water mark is reached but keeps what it was given', () => {
    const q = new MemoryQueue({ capacity: 10 });
    expect(q.push(many(9))).toBe(true);
    expect(q.push(many(5))).toBe(false);
    expect(q.full).toBe(true);
    expect(q.depth).toBe(14);
  });

  it('hands messages out oldest first across chunk boundaries', () => {
    const q = new MemoryQueue({ capacity: 100 });
    q.push(many(3, 'a'));
    q.push(many(3, 'b'));
    expect(q.take(4).map((m) => m.text)).toEqual(['a0', 'a1', 'a2', 'b0']);
    expect(q.take(10).map((m) => m.text)).toEqual(['b1', 'b2']);
    expect(q.depth).toBe(0);
  });

  it('fires drain once the queue falls to half its capacity after being full', () => {
    const q = new MemoryQueue({ capacity: 10 });
    let drains = 0;
    q.onDrain(() => drains++);
    q.push(many(12));
    q.take(5);
    expect(drains).toBe(0);
    q.take(2);
    expect(drains).toBe(1);
    q.take(5);
    expect(drains).toBe(1);
  });

  it('reports pushes and drops to its observers', () => {
    const pushed: number[] = [];
    const dropped: string[] = [];
    const q = new MemoryQueue({
      capacity: 10,
      onPushed: (m) => pushed.push(m.length),
      onDropped: (input, count, reason) => dropped.push(`${input}:${count}:${reason}`),
    });
    q.push(many(3));
    q.push([]);
    q.dropped('syslog', 2, 'queue_full');
    expect(pushed).toEqual([3]);
    expect(dropped).toEqual(['syslog:2:queue_full']);
  });
});
