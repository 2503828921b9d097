// A set of compiled Sigma rules and which of them apply to an event's log source; what `yagura scan` and, later, the
// streaming engine run events through.
import type { Event, FieldValue } from '../../core/event.js';
import type { Finding } from '../finding.js';
import { compileRule, type Predicate } from './compile.js';
import { eventTexts, FieldResolver } from './mappings/index.js';
import type { EventView } from './compile.js';
import { logSourceApplies, type LogSource, type Selection, type SigmaRule } from './rule.js';

interface CompiledRule {
  rule: SigmaRule;
  match: Predicate;
  resolver: FieldResolver;
  /** The Sigma field names the rule's selections read, to report the matched fields of a hit. */
  fields: string[];
  source: Finding['rule'];
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
  private readonly bySource = new Map<string, CompiledRule[]>();

  constructor(rules: readonly SigmaRule[]) {
    this.compiled = rules.map((rule) => ({
      rule,
      match: compileRule(rule),
      resolver: new FieldResolver(rule.logsource),
      fields: ruleFields(rule),
      source: findingSource(rule),
    }));
  }

  get size(): number {
    return this.compiled.length;
  }

  private rulesFor(source: LogSource): CompiledRule[] {
    const key = sourceKey(source);
    let list = this.bySource.get(key);
    if (!list) {
      list = this.compiled.filter((c) => logSourceApplies(c.rule.logsource, source));
      this.bySource.set(key, list);
    }
    return list;
  }

  /** The findings of one event: one per rule that matches it. A rule that throws is skipped, never fatal. */
  evaluate(event: Event): Finding[] {
    const findings: Finding[] = [];
    const texts = eventTexts(event);
    const views = new Map<FieldResolver, EventView>();
    for (const c of this.rulesFor(event.logsource)) {
      let view = views.get(c.resolver);
      if (!view) views.set(c.resolver, (view = c.resolver.view(event, texts)));
      let hit: boolean;
      try {
        hit = c.match(view);
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
