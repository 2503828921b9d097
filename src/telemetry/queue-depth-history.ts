// The ingest queue's recent depth: sampled every few seconds into a fixed ring, for the console's ingest overview.

export interface DepthSample {
  /** Epoch ms of the sample. */
  at: number;
  depth: number;
}

export interface QueueDepthHistoryOptions {
  /** The queue depth now. */
  read: () => number;
  /** Milliseconds between samples. Default 10 s. */
  intervalMs?: number;
  /** Samples kept; the oldest go first. Default 8640 (24 hours at 10 s). */
  capacity?: number;
  /** Epoch ms; tests pin it. */
  clock?: () => number;
}

/** The samples one answer carries at most: a chart has no use for more points than it has pixels. */
export const MAX_DEPTH_POINTS = 500;

export class QueueDepthHistory {
  readonly intervalMs: number;
  readonly capacity: number;
  private readonly read: () => number;
  private readonly clock: () => number;
  // Two typed arrays instead of objects: 8640 samples cost 140 KB and no garbage.
  private readonly times: Float64Array;
  private readonly depths: Float64Array;
  private next = 0;
  private size = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: QueueDepthHistoryOptions) {
    this.read = options.read;
    this.intervalMs = options.intervalMs ?? 10_000;
    this.capacity = options.capacity ?? 8640;
    this.clock = options.clock ?? Date.now;
    if (!Number.isInteger(this.capacity) || this.capacity < 1) {
      throw new RangeError('QueueDepthHistory: capacity must be a positive integer');
    }
    this.times = new Float64Array(this.capacity);
    this.depths = new Float64Array(this.capacity);
  }

  /** Records the depth now, overwriting the oldest sample when the ring is full. */
  sample(): void {
    this.times[this.next] = this.clock();
    this.depths[this.next] = this.read();
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** Samples every `intervalMs` until stopped (the timer does not keep the process alive). */
  start(): void {
    if (this.timer) return;
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * The samples taken in [from, to), oldest first. When there are more than `maxPoints`, each run of consecutive
   * samples becomes its deepest one: the peaks are what a chart of queue pressure must not lose.
   */
  samples(range: { from?: number; to?: number } = {}, maxPoints = MAX_DEPTH_POINTS): DepthSample[] {
    const from = range.from ?? -Infinity;
    const to = range.to ?? Infinity;
    const out: DepthSample[] = [];
    const first = (this.next - this.size + this.capacity) % this.capacity;
    for (let i = 0; i < this.size; i++) {
      const j = (first + i) % this.capacity;
      const at = this.times[j]!;
      if (at >= from && at < to) out.push({ at, depth: this.depths[j]! });
    }
    if (out.length <= maxPoints) return out;
    const run = Math.ceil(out.length / Math.max(1, maxPoints));
    const peaks: DepthSample[] = [];
    for (let i = 0; i < out.length; i += run) {
      let peak = out[i]!;
      for (let k = i + 1; k < Math.min(i + run, out.length); k++)
        if (out[k]!.depth > peak.depth) peak = out[k]!;
      peaks.push(peak);
    }
    return peaks;
  }
}
