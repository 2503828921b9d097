// Sigma meta-rules: correlation rules and filters read from the documents the Sigma loader set aside.
import type { LoadResult, RuleProblem } from '../sigma/loader.js';
import type { RuleFilter } from '../sigma/rule-set.js';
import type { SigmaRule } from '../sigma/rule.js';
import type { Finding } from '../finding.js';
import { CorrelationEngine, type EngineOptions } from './engine.js';
import { attachFilters } from './filter.js';
import { loadCorrelation, type LoadedCorrelation } from './loader.js';
import { resolveCorrelations, type CorrelationSet } from './resolve.js';

export { CorrelationEngine, type EngineOptions, type EngineStats } from './engine.js';
export { attachFilters } from './filter.js';
export { loadCorrelation } from './loader.js';
export { resolveCorrelations, type CorrelationSet, type ResolvedCorrelation } from './resolve.js';
export type { CorrelationRule, CorrelationType } from './model.js';

export interface MetaRules {
  /** Filters by the rule they apply to, for `new RuleSet(loaded.rules, filters)`. */
  filters: Map<SigmaRule, RuleFilter[]>;
  /** The correlations that loaded and resolved, for `new CorrelationEngine(correlations)`. */
  correlations: CorrelationSet;
  /** Every correlation or filter document left out, with its file and line. */
  problems: RuleProblem[];
}

/** Reads the correlation and filter documents of a load against its rules. */
export function loadMetaRules(loaded: LoadResult): MetaRules {
  const problems: RuleProblem[] = [];
  const correlationDocs = loaded.meta.filter((m) => 'correlation' in m.document);
  const filterDocs = loaded.meta.filter((m) => 'filter' in m.document && !('correlation' in m.document));
  const correlations: LoadedCorrelation[] = [];
  for (const meta of correlationDocs) {
    if ('filter' in meta.document) {
      const line = meta.lineOf?.(['filter']) ?? meta.line;
      problems.push({
        ...(meta.path !== undefined ? { path: meta.path } : {}),
        ...(line !== undefined ? { line } : {}),
        code: 'RULE_INVALID',
        message: 'a document is either a correlation or a filter, not both',
      });
      continue;
    }
    const c = loadCorrelation(meta);
    if ('problem' in c) problems.push(c.problem);
    else correlations.push(c);
  }
  const resolved = resolveCorrelations(loaded.rules, correlations);
  const { filters, problems: filterProblems } = attachFilters(loaded.rules, filterDocs);
  problems.push(...resolved.problems, ...filterProblems);
  return { filters, correlations: resolved.set, problems };
}

/**
 * Correlations fed one rule finding at a time (as a retro-hunt yields them, in time order): returns the
 * correlation findings each completes; undefined when there are no correlations.
 */
export function findingCorrelator(
  set: CorrelationSet,
  options: EngineOptions = {},
): ((finding: Finding) => Finding[]) | undefined {
  if (set.correlations.length === 0) return undefined;
  const engine = new CorrelationEngine(set, options);
  return (finding) => {
    const event = finding.events[0];
    return event ? engine.push(event, [finding]) : [];
  };
}
