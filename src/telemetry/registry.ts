// A small Prometheus metrics registry: counters, gauges and histograms with labels, rendered in text format 0.0.4.

export type Labels = Readonly<Record<string, string>>;

/** One value of a gauge reported by a collect callback. */
export interface Sample {
  labels?: Labels;
  value: number;
}

/** Computes a gauge when it is scraped: one unlabelled value, or one value per label set. */
export type Collect = () => number | Sample[] | Promise<number | Sample[]>;

interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  render(): Promise<string[]> | string[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function formatLabels(names: readonly string[], values: readonly string[], extra?: [string, string]): string {
  const parts: string[] = [];
  names.forEach((name, i) => parts.push(`${name}="${escapeLabelValue(values[i] ?? '')}"`));
  if (extra) parts.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/** Holds one entry per label combination, keyed by the label values in declared order. */
abstract class Labelled<S> implements Metric {
  abstract readonly type: 'counter' | 'gauge' | 'histogram';
  protected readonly series = new Map<string, { values: string[]; state: S }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {
    if (!METRIC_NAME.test(name)) throw new TypeError(`Invalid metric name "${name}"`);
    for (const l of labelNames) {
      if (!LABEL_NAME.test(l) || l.startsWith('__'))
        throw new TypeError(`Invalid label name "${l}" on ${name}`);
    }
  }

  protected abstract initial(): S;

  protected entry(labels: Labels | undefined): S {
    const values = this.labelNames.map((n) => {
      const v = labels?.[n];
      if (v === undefined) throw new TypeError(`Metric ${this.name} needs the label "${n}"`);
      return v;
    });
    const key = values.join('\u0000');
    let found = this.series.get(key);
    if (!found) {
      found = { values, state: this.initial() };
      this.series.set(key, found);
    }
    return found.state;
  }

  protected abstract lines(values: string[], state: S): string[];

  render(): string[] | Promise<string[]> {
    const out: string[] = [];
    // An unlabelled metric is shown as 0 before its first update, so dashboards see it exists.
    if (this.labelNames.length === 0 && this.series.size === 0) this.entry(undefined);
    for (const { values, state } of this.series.values()) out.push(...this.lines(values, state));
    return out;
  }
}

export class Counter extends Labelled<{ value: number }> {
  readonly type = 'counter';

  protected initial(): { value: number } {
    return { value: 0 };
  }

  inc(labels?: Labels, amount = 1): void {
    if (!(amount >= 0)) throw new RangeError(`Counter ${this.name} can only go up (got ${amount})`);
    this.entry(labels).value += amount;
  }

  get(labels?: Labels): number {
    return this.entry(labels).value;
  }

  protected lines(values: string[], state: { value: number }): string[] {
    return [`${this.name}${formatLabels(this.labelNames, values)} ${formatValue(state.value)}`];
  }
}

export class Gauge extends Labelled<{ value: number }> {
  readonly type = 'gauge';

  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    private readonly collect?: Collect,
  ) {
    super(name, help, labelNames);
  }

  protected initial(): { value: number } {
    return { value: 0 };
  }

  set(labels: Labels | undefined, value: number): void {
    this.entry(labels).value = value;
  }

  get(labels?: Labels): number {
    return this.entry(labels).value;
  }

  protected lines(values: string[], state: { value: number }): string[] {
    return [`${this.name}${formatLabels(this.labelNames, values)} ${formatValue(state.value)}`];
  }

  override async render(): Promise<string[]> {
    if (this.collect) {
      const result = await this.collect();
      if (typeof result === 'number') this.set(undefined, result);
      else for (const s of result) this.set(s.labels, s.value);
    }
    return super.render();
  }
}

interface HistogramState {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram extends Labelled<HistogramState> {
  readonly type = 'histogram';
  readonly buckets: readonly number[];

  constructor(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]) {
    super(name, help, labelNames);
    if (labelNames.includes('le')) throw new TypeError(`Histogram ${name} cannot use the label "le"`);
    this.buckets = [...buckets].sort((a, b) => a - b);
  }

  protected initial(): HistogramState {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  observe(labels: Labels | undefined, value: number): void {
    const state = this.entry(labels);
    state.sum += value;
    state.count += 1;
    // Counts are kept per bucket and made cumulative when rendered.
    const i = this.buckets.findIndex((upper) => value <= upper);
    if (i >= 0) state.counts[i] = (state.counts[i] ?? 0) + 1;
  }

  protected lines(values: string[], state: HistogramState): string[] {
    const out: string[] = [];
    let cumulative = 0;
    this.buckets.forEach((upper, i) => {
      cumulative += state.counts[i] ?? 0;
      const labels = formatLabels(this.labelNames, values, ['le', formatValue(upper)]);
      out.push(`${this.name}_bucket${labels} ${cumulative}`);
    });
    out.push(`${this.name}_bucket${formatLabels(this.labelNames, values, ['le', '+Inf'])} ${state.count}`);
    out.push(`${this.name}_sum${formatLabels(this.labelNames, values)} ${formatValue(state.sum)}`);
    out.push(`${this.name}_count${formatLabels(this.labelNames, values)} ${state.count}`);
    return out;
  }
}

export class Registry {
  private readonly metrics = new Map<string, Metric>();

  private add<M extends Metric>(metric: M): M {
    if (this.metrics.has(metric.name)) throw new TypeError(`Metric ${metric.name} is already registered`);
    this.metrics.set(metric.name, metric);
    return metric;
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.add(new Counter(name, help, labelNames));
  }

  gauge(name: string, help: string, labelNames: readonly string[] = [], collect?: Collect): Gauge {
    return this.add(new Gauge(name, help, labelNames, collect));
  }

  histogram(
    name: string,
    help: string,
    labelNames: readonly string[],
    buckets: readonly number[],
  ): Histogram {
    return this.add(new Histogram(name, help, labelNames, buckets));
  }

  /** The whole registry in Prometheus text format. A failing collect callback skips its metric, never the scrape. */
  async render(): Promise<string> {
    const out: string[] = [];
    for (const metric of this.metrics.values()) {
      let lines: string[];
      try {
        lines = await metric.render();
      } catch {
        continue;
      }
      out.push(
        `# HELP ${metric.name} ${escapeHelp(metric.help)}`,
        `# TYPE ${metric.name} ${metric.type}`,
        ...lines,
      );
    }
    return out.join('\n') + '\n';
  }
}
