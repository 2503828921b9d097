// A set of compiled Sigma rules and which of them apply to an event's log source; what `yagura scan` and, later, the
// streaming engine run events through.
import type { Event } from '../../core/event.js';
import { compileRule, type Predicate } from './compile.js';
import { FieldResolver } from './mappings/index.js';
import type { LogSource, SigmaRule } from './rule.js';

export interface Finding {
  rule: Pick<SigmaRule, 'id' | 'title' | 'level' | 'author' | 'tags'>;
  event: Event;
}

interface CompiledRule {
  rule: SigmaRule;
  match: Predicate;
  resolver: FieldResolver;
}

/** A rule applies to an event when every logsource key the rule names has the same value in the event's. */
export function logSourceApplies(rule: LogSource, event: LogSource): boolean {
  return (
    (rule.product === undefined || rule.product === event.product) &&
    (rule.category === undefined || rule.category === event.category) &&
    (rule.service === undefined || rule.service === event.service)
  );
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
    const key = `${source.product ?? ''}|${source.category ?? ''}|${source.service ?? ''}`;
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
    for (const c of this.rulesFor(event.logsource)) {
      let hit: boolean;
      try {
        hit = c.match(c.resolver.view(event));
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
