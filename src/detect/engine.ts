// The detection engine: Sigma rules (indexed by log source and needles), their correlations and filters, and the
// threat-intel index, run over batches of Events; each tenant sees only the rule sets enabled for it.
import type { Event } from '../core/event.js';
import type { TenantId } from '../core/ids.js';
import { CorrelationEngine, loadMetaRules } from './correlate/index.js';
import type { Finding } from './finding.js';
import { IndicatorIndex } from './intel/indicator-index.js';
import type { IndicatorSet } from './intel/indicator.js';
import { matchEvent } from './intel/match.js';
import type { LoadResult, RuleProblem } from './sigma/loader.js';
import { BUILTIN_MAPPINGS } from './sigma/mappings/index.js';
import type { FieldMapping } from './sigma/mappings/types.js';
import { RuleSet } from './sigma/rule-set.js';

/** A named group of rules loaded together (e.g. "sigmahq", "custom"), enabled or disabled per tenant. */
export interface LoadedRuleSet {
  id: string;
  loaded: LoadResult;
  /** Whether tenants without a setting of their own run it. */
  enabledByDefault: boolean;
}

export interface DetectionContent {
  ruleSets: readonly LoadedRuleSet[];
  intel: readonly IndicatorSet[];
  /** Field mappings of the installation, tried before the built-in ones for the log sources they name. */
  mappings?: readonly FieldMapping[];
}

/** The rule sets one tenant runs, by id; the engine asks for each tenant it meets. */
export type EnabledRuleSets = (tenant: TenantId) => readonly string[];

/** The rules of one combination of rule sets, compiled once and shared by every tenant with that combination. */
interface Runner {
  rules: RuleSet;
  correlations: CorrelationEngine;
  problems: RuleProblem[];
}

export interface EngineStatus {
  ruleSets: {
    id: string;
    rules: number;
    problems: number;
    correlations: number;
    filters: number;
    enabledByDefault: boolean;
  }[];
  indicators: number;
  intelSets: number;
}

export class DetectionEngine {
  private readonly runners = new Map<string, Runner>();
  private readonly intel: IndicatorIndex | undefined;
  private readonly byId: Map<string, LoadedRuleSet>;
  private silenced = 0;

  constructor(
    readonly content: DetectionContent,
    private readonly enabledFor: EnabledRuleSets = () =>
      content.ruleSets.filter((s) => s.enabledByDefault).map((s) => s.id),
  ) {
    this.byId = new Map(content.ruleSets.map((s) => [s.id, s]));
    const indicators = content.intel.reduce((n, s) => n + s.indicators.length, 0);
    this.intel = indicators > 0 ? new IndicatorIndex(content.intel) : undefined;
  }

  private runnerFor(tenant: TenantId): Runner | undefined {
    const ids = this.enabledFor(tenant).filter((id) => this.byId.has(id));
    if (ids.length === 0) return undefined;
    const key = [...ids].sort().join('\u0000');
    let runner = this.runners.get(key);
    if (!runner) {
      // Rule sets of one combination are loaded as one: a correlation may count rules of another set.
      const sets = ids.map((id) => this.byId.get(id)!);
      const loaded: LoadResult = {
        rules: sets.flatMap((s) => s.loaded.rules),
        problems: sets.flatMap((s) => s.loaded.problems),
        meta: sets.flatMap((s) => s.loaded.meta),
      };
      const meta = loadMetaRules(loaded);
      const mappings = [...(this.content.mappings ?? []), ...BUILTIN_MAPPINGS];
      runner = {
        rules: new RuleSet(loaded.rules, meta.filters, mappings),
        correlations: new CorrelationEngine(meta.correlations, { mappings }),
        problems: meta.problems,
      };
      this.runners.set(key, runner);
    }
    return runner;
  }

  /**
   * The findings of a batch, in event order: each event's rule matches, then its indicator matches, then the
   * correlations it completed. Matches of rules whose correlations say `generate: false` are left out.
   */
  process(events: readonly Event[]): Finding[] {
    const out: Finding[] = [];
    for (const event of events) {
      const runner = this.runnerFor(event.tenant);
      const found = runner ? runner.rules.evaluate(event) : [];
      if (this.intel) for (const f of matchEvent(this.intel, event)) found.push(f);
      if (!runner) {
        for (const f of found) out.push(f);
        continue;
      }
      const fired = runner.correlations.push(event, found);
      for (const f of found) {
        if (runner.correlations.silences(f)) this.silenced++;
        else out.push(f);
      }
      for (const f of fired) out.push(f);
    }
    return out;
  }

  /** Compiles a tenant's rules now rather than on its first event (e.g. to report problems first). */
  prepare(tenant: TenantId): void {
    this.runnerFor(tenant);
  }

  /** Matches not reported: kept quiet by correlations (generate: false) or left out by filters. */
  counters(): { silenced: number; filtered: number } {
    let filtered = 0;
    for (const r of this.runners.values()) filtered += r.rules.filtered;
    return { silenced: this.silenced, filtered };
  }

  /** Correlation and filter problems met so far (they show when a tenant's combination is first compiled). */
  metaProblems(): RuleProblem[] {
    return [...this.runners.values()].flatMap((r) => r.problems);
  }

  status(): EngineStatus {
    return {
      ruleSets: this.content.ruleSets.map((s) => ({
        id: s.id,
        rules: s.loaded.rules.length,
        problems: s.loaded.problems.length,
        correlations: s.loaded.meta.filter((m) => 'correlation' in m.document).length,
        filters: s.loaded.meta.filter((m) => 'filter' in m.document && !('correlation' in m.document)).length,
        enabledByDefault: s.enabledByDefault,
      })),
      indicators: this.content.intel.reduce((n, s) => n + s.indicators.length, 0),
      intelSets: this.content.intel.length,
    };
  }
}
