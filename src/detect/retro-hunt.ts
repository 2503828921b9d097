// Retro-hunt: Sigma rules over stored events of a time range, the store narrowing, the rule engine deciding.
//
// Each pass of the plan pages through the store oldest first; the passes are merged by event time, so findings
// come out in time order (what a correlation over history needs) and "done up to" is the oldest head of the passes.
// Every candidate is confirmed by the same RuleSet the streaming engine uses: the store's query only has to be a
// superset (to-query), and the findings are exactly the ones the rule engine finds on those events.
import type { Event } from '../core/event.js';
import type { EventStore, SearchScope } from '../store/event-store.js';
import type { Finding } from './finding.js';
import { planHunt, type HuntPass, type HuntPlan, type PlanOptions } from './hunt-plan.js';
import { RuleSet } from './sigma/rule-set.js';
import type { SigmaRule } from './sigma/rule.js';

export interface HuntProgress {
  state: 'running' | 'done' | 'aborted';
  /** Fraction of the time range done, 0 to 1: every event before `through` has been examined. */
  fraction: number;
  /** Epoch ms up to which the hunt is complete. */
  through: number;
  /** Events read from the store and run through the rules (an event two passes read counts twice). */
  eventsExamined: number;
  /** Findings so far, correlation findings included. */
  findings: number;
}

export interface HuntSummary extends Omit<HuntProgress, 'fraction' | 'through'> {
  passes: number;
  tookMs: number;
}

export interface RetroHuntOptions {
  store: EventStore;
  /** Tenants and the time range [from, to). */
  scope: SearchScope;
  rules: readonly SigmaRule[];
  /** Called after every page the store returns, and once at the end. */
  onProgress?: (progress: HuntProgress) => void;
  /** Stops the hunt between events; the generator then returns with state `aborted`. */
  signal?: AbortSignal;
  /**
   * Fed every finding in time order; what it returns is emitted right after. The hook for correlation rules over
   * history (src/detect/correlate).
   */
  correlate?: (finding: Finding) => Finding[];
  /** Events per store page, 1 to 10,000. Default 1000. */
  pageSize?: number;
  /** A plan made beforehand (to show it, or to reuse it); otherwise made here with `planOptions`. */
  plan?: HuntPlan;
  planOptions?: PlanOptions;
}

/** One pass read page by page, oldest first. */
class PassReader {
  private page: Event[] = [];
  private at = 0;
  private cursor: string | undefined;
  private exhausted = false;
  readonly rules: RuleSet;

  constructor(
    private readonly store: EventStore,
    private readonly scope: SearchScope,
    private readonly pass: HuntPass,
    private readonly pageSize: number,
  ) {
    this.rules = new RuleSet(pass.rules);
  }

  /** The next event without taking it; undefined when the pass is through. Reads a page when needed. */
  async head(): Promise<Event | undefined> {
    if (this.at < this.page.length) return this.page[this.at];
    if (this.exhausted) return undefined;
    const result = await this.store.search({
      ...this.scope,
      query: this.pass.query,
      limit: this.pageSize,
      order: 'asc',
      ...(this.cursor !== undefined ? { cursor: this.cursor } : {}),
    });
    this.page = result.events;
    this.at = 0;
    this.cursor = result.next;
    if (result.next === undefined) this.exhausted = true;
    return this.page[0];
  }

  /** The event `head` returned, taken. */
  take(): Event {
    return this.page[this.at++]!;
  }

  /** Whether the next event is already read (else `head` asks the store). */
  get buffered(): boolean {
    return this.at < this.page.length;
  }
}

/**
 * Runs the rules over the stored events of the scope and yields the findings in event time order. The return
 * value summarises the hunt (also when it was aborted).
 */
export async function* retroHunt(options: RetroHuntOptions): AsyncGenerator<Finding, HuntSummary, undefined> {
  const started = performance.now();
  const { store, scope, signal, correlate, onProgress } = options;
  const pageSize = options.pageSize ?? 1000;
  const plan = options.plan ?? planHunt(options.rules, options.planOptions);
  const readers = plan.passes.map((pass) => new PassReader(store, scope, pass, pageSize));
  const span = Math.max(1, scope.to - scope.from);
  let eventsExamined = 0;
  let findings = 0;
  let through = scope.from;

  const report = (state: HuntProgress['state']): void => {
    const fraction = state === 'done' ? 1 : Math.min(1, Math.max(0, (through - scope.from) / span));
    onProgress?.({
      state,
      fraction,
      through: state === 'done' ? scope.to : through,
      eventsExamined,
      findings,
    });
  };
  const summary = (state: HuntSummary['state']): HuntSummary => ({
    state,
    eventsExamined,
    findings,
    passes: plan.passes.length,
    tookMs: performance.now() - started,
  });

  // The next event of each pass, undefined once the pass is through.
  const heads: (Event | undefined)[] = [];
  for (const reader of readers) {
    if (signal?.aborted) break;
    heads.push(await reader.head());
  }

  for (;;) {
    if (signal?.aborted) break;
    // The oldest head; on equal times the earlier pass, so the order is the same on every run.
    let index = -1;
    for (let i = 0; i < heads.length; i++) {
      const e = heads[i];
      if (e && (index < 0 || e.time < heads[index]!.time)) index = i;
    }
    if (index < 0) break;
    const reader = readers[index]!;
    const event = reader.take();
    eventsExamined++;
    through = Math.max(through, event.time);
    for (const finding of reader.rules.evaluate(event)) {
      findings++;
      yield finding;
      for (const derived of correlate?.(finding) ?? []) {
        findings++;
        yield derived;
      }
    }
    const reads = !reader.buffered;
    heads[index] = await reader.head();
    if (reads) report('running');
  }
  if (signal?.aborted) {
    report('aborted');
    return summary('aborted');
  }
  through = scope.to;
  report('done');
  return summary('done');
}
