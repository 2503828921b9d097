// A set of compiled Sigma rules and which of them apply to an event's log source; what `yagura scan` and, later, the
// streaming engine run events through.
import type { Event } from '../../core/event.js';
import { compileRule, type Predicate } from './compile.js';
import { eventTexts, FieldResolver } from './mappings/index.js';
import type { EventView } from './compile.js';
import { logSourceApplies, type LogSource, type SigmaRule } from './rule.js';

export interface Finding {
  rule: Pick<SigmaRule, 'id' | 'title' | 'level' | 'author' | 'tags'>;
  event: Event;
}

interface CompiledRule {
  rule: SigmaRule;
  match: Predicate;
  resolver: FieldResolver;
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
        const { id, title, level, author, tags } = c.rule;
        findings.push({ rule: { id, title, level, author, tags }, event });
      }
    }
    return findings;
  }
}
