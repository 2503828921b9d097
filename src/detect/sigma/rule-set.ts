// A set of compiled Sigma rules and which of them apply to an event's log source; what `yagura scan` and, later, the
// streaming engine run events through.
import type { Event, FieldValue } from '../../core/event.js';
import type { Finding } from '../finding.js';
import { compileRule, type Predicate } from './compile.js';
import { BUILTIN_MAPPINGS, FieldResolver } from './mappings/index.js';
import type { FieldMapping } from './mappings/types.js';
import type { EventView } from './compile.js';
import { ruleNeedGroups, type Needle } from './prefilter/needles.js';
import { RuleIndex } from './prefilter/rule-index.js';
import { logSourceApplies, type LogSource, type Selection, type SigmaRule } from './rule.js';

/**
 * A Sigma filter (meta-filter) attached to a rule: a match of the rule on an event of the filter's log source that
 * the filter also matches is dropped ("rule and not filter").
 */
export interface RuleFilter {
  /** The filter's id (or title), for messages. */
  id: string;
  logsource: LogSource;
  match: Predicate;
}

interface CompiledRule {
  rule: SigmaRule;
  match: Predicate;
  filters: readonly RuleFilter[];
  resolver: FieldResolver;
  /** The Sigma field names the rule's selections read, to report the matched fields of a hit. */
  fields: string[];
  source: Finding['rule'];
  /** Groups of needles of each of which a matching event contains one (see prefilter/needles.ts). */
  needs: Needle[][] | undefined;
}

function selectionFields(selection: Selection, into: Set<string>): void {
  if (selection.kind === 'map') for (const item of selection.items) if (item.field) into.add(item.field);
  if (selection.kind === 'any') for (const s of selection.maps) selectionFields(s, into);
}

function ruleFields(rule: SigmaRule): string[] {
  const fields = new Set<string>();
  for (const selection of rule.selections.values()) selectionFields(selection, fields);
  return [...fields];
}

/** What a finding says about the rule behind it; a rule without a level counts as medium, as SigmaHQ advises. */
export function findingSource(rule: SigmaRule): Finding['rule'] {
  return {
    id: rule.id ?? rule.name ?? rule.title,
    title: rule.title,
    level: rule.level ?? 'medium',
    ...(rule.author !== undefined ? { author: rule.author } : {}),
    tags: rule.tags,
  };
}

function sourceKey(source: LogSource): string {
  return `${source.product ?? ''}|${source.category ?? ''}|${source.service ?? ''}`;
}

export class RuleSet {
  private readonly compiled: CompiledRule[];
  // Events of one log source meet the same rules; the list is worked out once per source.
  private readonly bySource = new Map<
    string | undefined,
    Map<string | undefined, Map<string | undefined, RuleIndex<CompiledRule>>>
  >();

  /** Matches dropped because a filter matched too. */
  filtered = 0;

  constructor(
    rules: readonly SigmaRule[],
    filters: ReadonlyMap<SigmaRule, readonly RuleFilter[]> = new Map(),
    /** Field mappings: the built-in ones, with the configuration's in front (see mappings/index.ts). */
    mappings: readonly FieldMapping[] = BUILTIN_MAPPINGS,
  ) {
    // Rules of one log source share a resolver, so an event gets one view (and one scan per field) per source.
    const resolvers = new Map<string, FieldResolver>();
    const resolverOf = (source: LogSource): FieldResolver => {
      let resolver = resolvers.get(sourceKey(source));
      if (!resolver) resolvers.set(sourceKey(source), (resolver = new FieldResolver(source, mappings)));
      return resolver;
    };
    this.compiled = rules.map((rule) => ({
      rule,
      match: compileRule(rule),
      filters: filters.get(rule) ?? [],
      resolver: resolverOf(rule.logsource),
      fields: ruleFields(rule),
      source: findingSource(rule),
      needs: ruleNeedGroups(rule),
    }));
  }

  get size(): number {
    return this.compiled.length;
  }

  private rulesFor(source: LogSource): RuleIndex<CompiledRule> {
    // Three small maps rather than one keyed by a joined string: an event's log source strings are usually the
    // normalizer's constants, whose hashes V8 keeps, while a joined key is a new string to hash per event.
    let byCategory = this.bySource.get(source.product);
    if (!byCategory) this.bySource.set(source.product, (byCategory = new Map()));
    let byService = byCategory.get(source.category);
    if (!byService) byCategory.set(source.category, (byService = new Map()));
    let index = byService.get(source.service);
    if (!index) {
      index = new RuleIndex(this.compiled.filter((c) => logSourceApplies(c.rule.logsource, source)));
      byService.set(source.service, index);
    }
    return index;
  }

  /** The findings of one event: one per rule that matches it. A rule that throws is skipped, never fatal. */
  evaluate(event: Event): Finding[] {
    const findings: Finding[] = [];
    const index = this.rulesFor(event.logsource);
    for (const position of index.candidates(event)) {
      const c = index.rules[position]!;
      const view = c.resolver.scratchView(event);
      let hit: boolean;
      try {
        hit = c.match(view);
        if (hit && c.filters.length > 0 && filteredOut(c.filters, event, view)) {
          hit = false;
          this.filtered++;
        }
      } catch {
        hit = false;
      }
      if (hit) {
        findings.push({
          kind: 'sigma',
          rule: c.source,
          tenant: event.tenant,
          time: event.time,
          events: [event],
          matched: matchedFields(c, event),
        });
      }
    }
    return findings;
  }
}

function filteredOut(filters: readonly RuleFilter[], event: Event, view: EventView): boolean {
  return filters.some((f) => logSourceApplies(f.logsource, event.logsource) && f.match(view));
}

/** The event fields (by Event name) behind the Sigma fields the rule reads, where the event has them. */
function matchedFields(c: CompiledRule, event: Event): Record<string, FieldValue> {
  const matched: Record<string, FieldValue> = {};
  for (const field of c.fields) {
    for (const name of c.resolver.candidates(field)) {
      const value = event.fields[name];
      if (value !== undefined) {
        matched[name] = value;
        break;
      }
    }
  }
  return matched;
}
