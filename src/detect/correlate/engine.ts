// The correlation engine: counts rule findings per correlation group over sliding windows and emits correlation findings.
//
// How windows slide and when a group fires (the spec leaves this to the tool):
// - A group's window is every occurrence in [t - timespan, t], both ends included, t being the group's newest
//   occurrence: a sliding window, never clock buckets. The condition is checked each time an occurrence enters,
//   over that window; this is the frame SQL backends use (RANGE BETWEEN timespan PRECEDING AND CURRENT ROW). So
//   upper bounds (lt, lte, eq, neq) are met as soon as the figure passes through them: `event_count lt: 5` fires on
//   the first occurrence. Write a range (`gte: 3, lt: 5`) to mean "between".
// - When it holds, the group fires once: its window is emptied and it stays quiet until t + timespan (occurrences
//   before then are dropped and counted as muted). Counting then starts afresh. So a group alerts at most once per
//   timespan, like the one row per group and window a backend query returns, and a long burst yields one finding
//   per timespan, not one per event past the threshold.
// - Occurrences are expected in event-time order per tenant. A late one still inside its group's window is put in
//   its place and counted; one older than the window (newest - timespan) is dropped and counted as late.
// - An event matching several referenced rules counts once for event_count and the value types (as a backend's
//   `rule1 or rule2` search returns it once) and once per rule for temporal and temporal_ordered.
// - An occurrence missing a group-by field (or, for value types, condition.field) is not counted, as SQL
//   aggregates skip nulls.
// Memory: a group keeps at most `maxEntriesPerGroup` occurrences (10,000: this also caps value_count's distinct
// values and value_percentile's sample; past it the oldest leave, so a threshold above it cannot be met), a
// correlation at most `maxGroups` groups (100,000; the least recently used goes first), and groups whose window
// has slid past (tenant's newest time - timespan) are swept away.
import type { Event } from '../../core/event.js';
import type { TenantId } from '../../core/ids.js';
import type { CorrelationHit, Finding } from '../finding.js';
import { findingSource } from '../sigma/rule-set.js';
import { FieldResolver } from '../sigma/mappings/index.js';
import type { FieldMapping } from '../sigma/mappings/types.js';
import { conditionHolds } from './condition.js';
import type { CorrelationSet, ResolvedCorrelation } from './resolve.js';
import { correlationOccurrence, ruleOccurrence, valueNumber, valueText, type Occurrence } from './values.js';
import { GroupWindow, type Entry } from './window.js';

export interface EngineOptions {
  /** Most occurrences one group keeps (default 10,000). */
  maxEntriesPerGroup?: number;
  /** Most groups one correlation keeps (default 100,000). */
  maxGroups?: number;
  /** Events kept as the sample of a correlation finding, besides the newest of each referenced rule (default 10). */
  sampleSize?: number;
  /** Field mappings for group-by and value fields (default: the built-in ones). */
  mappings?: readonly FieldMapping[];
}

export interface EngineStats {
  /** Groups held now, over all correlations. */
  groups: number;
  /** Occurrences older than their group's window. */
  late: number;
  /** Occurrences in a group's quiet time after it fired. */
  muted: number;
  /** Occurrences without a group-by field or condition.field value. */
  missingField: number;
  /** Occurrences pushed out by maxEntriesPerGroup. */
  capped: number;
  /** Groups pushed out by maxGroups. */
  evicted: number;
}

interface Group {
  tenant: TenantId;
  values: Record<string, string>;
  window: GroupWindow;
  /** Occurrences before this time are dropped (the quiet time after firing). */
  quietUntil: number;
  /** The newest occurrences' events, and the newest of each referenced rule, for the finding's sample. */
  recent: { time: number; events: readonly Event[] }[];
  newestByInput: ({ time: number; events: readonly Event[] } | undefined)[];
}

interface Consumer {
  correlation: number;
  input: number;
}

const SWEEP_EVERY = 4096;
const TEMPORAL = new Set(['temporal', 'temporal_ordered']);

export class CorrelationEngine {
  private readonly maxEntries: number;
  private readonly maxGroups: number;
  private readonly sampleSize: number;
  private readonly groups: Map<string, Group>[];
  /** Base rule finding id -> the correlations (and input positions) that count it. */
  private readonly consumers = new Map<string, Consumer[]>();
  /** Correlation index -> the outer correlations (and input positions) that count its findings. */
  private readonly outer: Consumer[][];
  private readonly resolvers = new Map<string, FieldResolver>();
  /** Newest event time seen per tenant: windows older than it minus the timespan can go. */
  private readonly newest = new Map<string, number>();
  private seq = 0;
  private readonly counters = { late: 0, muted: 0, missingField: 0, capped: 0, evicted: 0 };

  constructor(
    private readonly set: CorrelationSet,
    options: EngineOptions = {},
  ) {
    this.maxEntries = options.maxEntriesPerGroup ?? 10_000;
    this.maxGroups = options.maxGroups ?? 100_000;
    this.sampleSize = options.sampleSize ?? 10;
    this.groups = set.correlations.map(() => new Map());
    this.outer = set.correlations.map(() => []);
    set.correlations.forEach((c, correlation) => {
      c.inputs.forEach((input, i) => {
        if (input.kind === 'correlation') {
          this.outer[input.index]!.push({ correlation, input: i });
          return;
        }
        const id = findingSource(input.rule).id;
        const list = this.consumers.get(id) ?? [];
        list.push({ correlation, input: i });
        this.consumers.set(id, list);
        if (!this.resolvers.has(id))
          this.resolvers.set(id, new FieldResolver(input.rule.logsource, options.mappings));
      });
    });
  }

  get size(): number {
    return this.set.correlations.length;
  }

  /** Whether a finding is kept from alerting because a correlation over its rule has `generate: false`. */
  silences(finding: Finding): boolean {
    return finding.kind !== 'intel' && this.set.silenced.has(finding.rule.id);
  }

  stats(): EngineStats {
    let groups = 0;
    for (const g of this.groups) groups += g.size;
    return { groups, ...this.counters };
  }

  /**
   * Feeds one event and the rule findings it produced; returns the correlation findings that fired, inner ones of a
   * chain included (they fed the outer correlations in the same pass).
   */
  push(event: Event, findings: readonly Finding[]): Finding[] {
    const seq = ++this.seq;
    const newest = this.newest.get(event.tenant);
    if (newest === undefined || event.time > newest) this.newest.set(event.tenant, event.time);
    if (seq % SWEEP_EVERY === 0) this.sweep();
    if (!findings.some((f) => f.kind === 'sigma' && this.consumers.has(f.rule.id))) return [];

    const pending: Occurrence[][][] = this.set.correlations.map((c) => c.inputs.map(() => []));
    const counted = new Set<number>();
    for (const finding of findings) {
      if (finding.kind !== 'sigma') continue;
      const consumers = this.consumers.get(finding.rule.id);
      if (!consumers) continue;
      const occurrence = ruleOccurrence(this.resolvers.get(finding.rule.id)!, event, seq);
      for (const c of consumers) {
        // Counting types see the event once however many of their rules it matched, as a backend's
        // `rule1 or rule2` search does; temporal types count each rule's match.
        if (!TEMPORAL.has(this.set.correlations[c.correlation]!.rule.type)) {
          if (counted.has(c.correlation)) continue;
          counted.add(c.correlation);
        }
        pending[c.correlation]![c.input]!.push(occurrence);
      }
    }
    const fired: Finding[] = [];
    // Inner correlations come first, so what they fire reaches the outer ones in this same pass.
    this.set.correlations.forEach((c, ci) => {
      const out: Finding[] = [];
      pending[ci]!.forEach((occurrences, input) => {
        for (const o of occurrences) {
          const f = this.accept(ci, input, o);
          if (f) out.push(f);
        }
      });
      for (const f of out) {
        fired.push(f);
        const occurrence = correlationOccurrence(f, seq);
        for (const o of this.outer[ci]!) pending[o.correlation]![o.input]!.push(occurrence);
      }
    });
    return fired;
  }

  private field(c: ResolvedCorrelation, name: string, input: number): string {
    return c.aliases.get(name)?.get(input) ?? name;
  }

  private accept(ci: number, input: number, o: Occurrence): Finding | undefined {
    const c = this.set.correlations[ci]!;
    const values: Record<string, string> = {};
    for (const name of c.rule.groupBy) {
      const v = valueText(o.read(this.field(c, name, input)));
      if (v === undefined) {
        this.counters.missingField++;
        return undefined;
      }
      values[name] = v;
    }
    const entry: Entry = { time: o.time, seq: o.seq, input };
    if (c.rule.type === 'value_count') {
      const parts = c.rule.condition.fields.map((f) => valueText(o.read(this.field(c, f, input))));
      if (parts.some((p) => p === undefined)) {
        this.counters.missingField++;
        return undefined;
      }
      entry.key = parts.length === 1 ? parts[0]! : JSON.stringify(parts);
    } else if (c.rule.condition.fields.length > 0) {
      const n = valueNumber(o.read(this.field(c, c.rule.condition.fields[0]!, input)));
      if (n === undefined) {
        this.counters.missingField++;
        return undefined;
      }
      entry.num = n;
    }

    const groups = this.groups[ci]!;
    const key = `${o.tenant}\u0000${JSON.stringify(c.rule.groupBy.map((g) => values[g]))}`;
    let group = groups.get(key);
    if (group) {
      groups.delete(key); // re-inserted below: Map order is then least recently used first
    } else {
      group = {
        tenant: o.tenant,
        values,
        window: new GroupWindow(c.rule, this.maxEntries),
        quietUntil: -Infinity,
        recent: [],
        newestByInput: c.inputs.map(() => undefined),
      };
    }
    groups.set(key, group);
    if (groups.size > this.maxGroups) {
      groups.delete(groups.keys().next().value!);
      this.counters.evicted++;
    }

    if (o.time < group.quietUntil) {
      this.counters.muted++;
      return undefined;
    }
    const last = group.window.last;
    if (last !== undefined && o.time < last - c.rule.timespan.ms) {
      this.counters.late++;
      return undefined;
    }
    this.counters.capped += group.window.add(entry);
    this.remember(group, input, o);
    const figure = group.window.figure();
    if (!conditionHolds(c.rule.condition, figure)) return undefined;

    const firstSeen = group.window.first!;
    const lastSeen = group.window.last!;
    const hit: CorrelationHit = {
      type: c.rule.type,
      group: values,
      value: figure,
      firstSeen,
      lastSeen,
      rules: c.rule.rules,
      count: group.window.size,
    };
    const finding: Finding = {
      kind: 'correlation',
      rule: c.source,
      tenant: o.tenant,
      time: lastSeen,
      events: this.sample(group, firstSeen),
      matched: { ...values },
      correlation: hit,
    };
    group.window.clear();
    group.recent = [];
    group.newestByInput = c.inputs.map(() => undefined);
    group.quietUntil = lastSeen + c.rule.timespan.ms;
    return finding;
  }

  private remember(group: Group, input: number, o: Occurrence): void {
    const item = { time: o.time, events: o.events };
    const newest = group.newestByInput[input];
    if (!newest || newest.time <= o.time) group.newestByInput[input] = item;
    group.recent.push(item);
    if (group.recent.length > this.sampleSize) group.recent.shift();
  }

  /** The sample of a firing group: the newest event of each referenced rule, then the newest others. */
  private sample(group: Group, from: number): Event[] {
    const kept = new Set<Event>();
    for (const item of group.newestByInput) {
      if (item && item.time >= from) for (const e of item.events.slice(-1)) kept.add(e);
    }
    const others = group.recent.filter((r) => r.time >= from).flatMap((r) => r.events);
    for (let i = others.length - 1; i >= 0 && kept.size < this.sampleSize + group.newestByInput.length; i--)
      kept.add(others[i]!);
    return [...kept].sort((a, b) => a.time - b.time);
  }

  /** Drops groups whose window has slid past their tenant's newest time and whose quiet time is over. */
  private sweep(): void {
    this.set.correlations.forEach((c, ci) => {
      const groups = this.groups[ci]!;
      for (const [key, g] of groups) {
        const now = this.newest.get(g.tenant) ?? -Infinity;
        const last = g.window.last;
        if ((last === undefined || last < now - c.rule.timespan.ms) && g.quietUntil <= now)
          groups.delete(key);
      }
    });
  }
}
