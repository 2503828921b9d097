// A sliding-window counter per key (source address, user name), in memory: enough for one node's sign-in page.

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /**
   * Counts an attempt for `key` at `now`. Returns 0 when it is within the limit, otherwise the seconds until
   * the oldest attempt in the window leaves it (the attempt is not counted then).
   */
  take(key: string, now: number): number {
    const since = now - this.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.limit) {
      this.hits.set(key, times);
      return Math.max(1, Math.ceil(((times[0] ?? now) + this.windowMs - now) / 1000));
    }
    times.push(now);
    // Re-inserting keeps the map in last-use order, so the least recently used keys go first when it is full.
    this.hits.delete(key);
    this.hits.set(key, times);
    if (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next();
      if (!oldest.done) this.hits.delete(oldest.value);
    }
    return 0;
  }
}
