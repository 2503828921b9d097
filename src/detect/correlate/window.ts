// The sliding window of one correlation group: its occurrences within the timespan and the figure each type checks.
import type { CorrelationRule } from './model.js';

/** One counted occurrence, reduced to what the figure needs (no event: samples are kept apart, bounded). */
export interface Entry {
  time: number;
  seq: number;
  /** Index of the referenced rule in `correlation.rules`. */
  input: number;
  /** value_count: the distinct value (or combination). */
  key?: string;
  /** value_sum/avg/percentile: the number read. */
  num?: number;
}

/** Occurrences are ordered by time, then by arrival (events of one second keep the order they came in). */
function before(a: { time: number; seq: number }, b: { time: number; seq: number }): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/** Index of the first item not before `e` (binary search over a sorted list). */
function lowerBound<T extends { time: number; seq: number }>(
  list: readonly T[],
  e: { time: number; seq: number },
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid]!, e)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What a type keeps up to date as occurrences enter and leave the window. */
interface Aggregate {
  add(e: Entry): void;
  remove(e: Entry): void;
  figure(count: number): number;
  clear(): void;
}

class Distinct implements Aggregate {
  private readonly counts = new Map<string, number>();
  add(e: Entry) {
    this.counts.set(e.key!, (this.counts.get(e.key!) ?? 0) + 1);
  }
  remove(e: Entry) {
    const n = (this.counts.get(e.key!) ?? 1) - 1;
    if (n <= 0) this.counts.delete(e.key!);
    else this.counts.set(e.key!, n);
  }
  figure() {
    return this.counts.size;
  }
  clear() {
    this.counts.clear();
  }
}

class Sum implements Aggregate {
  private sum = 0;
  constructor(private readonly average: boolean) {}
  add(e: Entry) {
    this.sum += e.num!;
  }
  remove(e: Entry) {
    this.sum -= e.num!;
  }
  figure(count: number) {
    if (count === 0) this.sum = 0; // no drift left behind by add/remove pairs
    return this.average ? this.sum / count : this.sum;
  }
  clear() {
    this.sum = 0;
  }
}

class Percentile implements Aggregate {
  private readonly sorted: number[] = [];
  constructor(private readonly percentile: number) {}
  private at(n: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  add(e: Entry) {
    this.sorted.splice(this.at(e.num!), 0, e.num!);
  }
  remove(e: Entry) {
    const i = this.at(e.num!);
    if (this.sorted[i] === e.num) this.sorted.splice(i, 1);
  }
  /** Linear interpolation between the closest ranks (PERCENTILE_CONT, numpy's default). */
  figure() {
    const n = this.sorted.length;
    if (n === 0) return Number.NaN;
    const pos = ((n - 1) * this.percentile) / 100;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return this.sorted[lo]! + (this.sorted[hi]! - this.sorted[lo]!) * (pos - lo);
  }
  clear() {
    this.sorted.length = 0;
  }
}

/** temporal: how many of the referenced rules matched in the window. */
class Rules implements Aggregate {
  private readonly counts: number[];
  private present = 0;
  constructor(inputs: number) {
    this.counts = new Array<number>(inputs).fill(0);
  }
  add(e: Entry) {
    if (this.counts[e.input]!++ === 0) this.present++;
  }
  remove(e: Entry) {
    if (--this.counts[e.input]! === 0) this.present--;
  }
  figure() {
    return this.present;
  }
  clear() {
    this.counts.fill(0);
    this.present = 0;
  }
}

/**
 * temporal_ordered: how many of the referenced rules, from the first, matched in the listed order within the
 * window (rule 1, then rule 2 after it, ...). Taking the earliest possible match of each rule finds the longest
 * such chain.
 */
class Ordered implements Aggregate {
  private readonly byInput: Entry[][];
  constructor(inputs: number) {
    this.byInput = Array.from({ length: inputs }, () => []);
  }
  add(e: Entry) {
    const list = this.byInput[e.input]!;
    list.splice(lowerBound(list, e), 0, e);
  }
  remove(e: Entry) {
    const list = this.byInput[e.input]!;
    const i = list.indexOf(e);
    if (i >= 0) list.splice(i, 1);
  }
  figure() {
    let previous: Entry | undefined;
    for (let i = 0; i < this.byInput.length; i++) {
      const list = this.byInput[i]!;
      let at = 0;
      if (previous) {
        at = lowerBound(list, previous);
        // Strictly after: an event matched by two of the rules does not follow itself.
        while (at < list.length && !before(previous, list[at]!)) at++;
      }
      if (at >= list.length) return i;
      previous = list[at];
    }
    return this.byInput.length;
  }
  clear() {
    for (const list of this.byInput) list.length = 0;
  }
}

class Count implements Aggregate {
  add() {}
  remove() {}
  figure(count: number) {
    return count;
  }
  clear() {}
}

function aggregateFor(rule: CorrelationRule): Aggregate {
  switch (rule.type) {
    case 'event_count':
      return new Count();
    case 'value_count':
      return new Distinct();
    case 'value_sum':
      return new Sum(false);
    case 'value_avg':
      return new Sum(true);
    case 'value_percentile':
      return new Percentile(rule.condition.percentile ?? 50);
    case 'temporal':
      return new Rules(rule.rules.length);
    case 'temporal_ordered':
      return new Ordered(rule.rules.length);
  }
}

/**
 * The occurrences of one group inside [newest - timespan, newest] (both ends included), in time order. Older ones
 * leave as newer ones arrive; past `cap` entries the oldest leave too, so a group never holds more than `cap`.
 */
export class GroupWindow {
  private readonly entries: Entry[] = [];
  private readonly aggregate: Aggregate;
  private readonly span: number;

  constructor(
    rule: CorrelationRule,
    private readonly cap: number,
  ) {
    this.aggregate = aggregateFor(rule);
    this.span = rule.timespan.ms;
  }

  get size(): number {
    return this.entries.length;
  }

  get first(): number | undefined {
    return this.entries[0]?.time;
  }

  get last(): number | undefined {
    return this.entries.at(-1)?.time;
  }

  /** Adds an occurrence (a late one goes in its place) and slides the window; returns how many left for the cap. */
  add(entry: Entry): number {
    const last = this.entries.at(-1);
    if (!last || !before(entry, last)) this.entries.push(entry);
    else this.entries.splice(lowerBound(this.entries, entry), 0, entry);
    this.aggregate.add(entry);
    const start = this.entries.at(-1)!.time - this.span;
    while (this.entries.length > 0 && this.entries[0]!.time < start) this.drop();
    let capped = 0;
    for (; this.entries.length > this.cap; capped++) this.drop();
    return capped;
  }

  private drop(): void {
    this.aggregate.remove(this.entries.shift()!);
  }

  figure(): number {
    return this.aggregate.figure(this.entries.length);
  }

  clear(): void {
    this.entries.length = 0;
    this.aggregate.clear();
  }
}
