// Allow-list rules compiled and indexed by tenant and detection rule id, so a finding is tested only against the
// rules that can apply to it; counts hits in memory until the service writes them.
import { YaguraError } from '../core/errors.js';
import type { Event, FieldValue } from '../core/event.js';
import type { EventId, TenantId } from '../core/ids.js';
import type { StoredFinding } from '../detection/findings-service.js';
import type { QueryNode } from '../search/ast.js';
import { compilePredicate, parseQuery, type EventPredicate } from '../search/index.js';
import { KEPT_FIELDS, PSEUDO_FIELDS, pseudoFields } from './subject.js';

export interface AllowRuleSpec {
  id: string;
  tenant: string;
  /** The detection rule it applies to; null for every rule of the tenant. */
  ruleId: string | null;
  conditions: string;
  expiresAt: number | null;
}

export interface CompiledConditions {
  query: QueryNode;
  predicate: EventPredicate;
  /** Field names the conditions read. */
  fields: string[];
  /** Whether they use full-text words (message and raw text). */
  fullText: boolean;
  /** Whether they read a finding pseudo-field (finding.rule.id, ...). */
  pseudo: boolean;
  /**
   * For conditions that AND pseudo-field terms with event terms (the usual shape): the two halves apart, so a
   * finding is tested on its pseudo-fields once and its events are read as they are, without a merged copy.
   */
  split?: { pseudo: EventPredicate; event: EventPredicate };
}

export interface CompiledAllowRule extends AllowRuleSpec {
  compiled: CompiledConditions;
}

export type MatchInput = Pick<StoredFinding, 'tenant' | 'rule' | 'kind' | 'intel' | 'matched' | 'time'>;

export interface PendingHits {
  count: number;
  lastHitAt: number;
}

export const MAX_CONDITIONS_CHARS = 4000;
const PSEUDO = new Set(PSEUDO_FIELDS);

/** Parses and compiles allow-list conditions; a syntax error is QUERY_SYNTAX with the offset, as in search. */
export function compileConditions(conditions: string, now: number): CompiledConditions {
  if (conditions.length > MAX_CONDITIONS_CHARS) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `Conditions may have at most ${MAX_CONDITIONS_CHARS} characters`,
    );
  }
  const query = parseQuery(conditions, { now });
  const fields = new Set<string>();
  let fullText = false;
  const walk = (node: QueryNode): void => {
    switch (node.kind) {
      case 'all':
        return;
      case 'and':
      case 'or':
        node.children.forEach(walk);
        return;
      case 'not':
        walk(node.child);
        return;
      case 'text':
        fullText = true;
        return;
      default:
        fields.add(node.field);
    }
  };
  walk(query);
  const list = [...fields];
  const pseudo = list.some((f) => PSEUDO.has(f));
  const split = pseudo ? splitPseudo(query) : undefined;
  return {
    query,
    predicate: compilePredicate(query),
    fields: list,
    fullText,
    pseudo,
    ...(split ? { split } : {}),
  };
}

/** The AND of pseudo-only terms and the AND of event-only terms, when the query is such an AND (else undefined). */
function splitPseudo(query: QueryNode): CompiledConditions['split'] {
  const children = query.kind === 'and' ? query.children : [query];
  const pseudoPart: QueryNode[] = [];
  const eventPart: QueryNode[] = [];
  for (const child of children) {
    const kinds = new Set(
      fieldsOf(child).map((f) => (f === TEXT ? 'event' : PSEUDO.has(f) ? 'pseudo' : 'event')),
    );
    if (kinds.size > 1) return undefined;
    (kinds.has('pseudo') ? pseudoPart : eventPart).push(child);
  }
  const and = (nodes: QueryNode[]): QueryNode =>
    nodes.length === 0 ? { kind: 'all' } : nodes.length === 1 ? nodes[0]! : { kind: 'and', children: nodes };
  return { pseudo: compilePredicate(and(pseudoPart)), event: compilePredicate(and(eventPart)) };
}

const TEXT = '\u0000text';

function fieldsOf(node: QueryNode): string[] {
  switch (node.kind) {
    case 'all':
      return [];
    case 'and':
    case 'or':
      return node.children.flatMap(fieldsOf);
    case 'not':
      return fieldsOf(node.child);
    case 'text':
      return [TEXT];
    default:
      return [node.field];
  }
}

/** Condition fields the preview cannot evaluate from kept fields alone (it may still, where they were matched). */
export function fieldsNotKept(compiled: CompiledConditions): string[] {
  return compiled.fields.filter((f) => !KEPT_FIELDS.has(f));
}

interface TenantRules {
  byRule: Map<string, CompiledAllowRule[]>;
  anyRule: CompiledAllowRule[];
}

export class AllowlistIndex {
  private readonly tenants = new Map<string, TenantRules>();
  private readonly byId = new Map<string, CompiledAllowRule>();
  private hits = new Map<string, PendingHits>();

  get size(): number {
    return this.byId.size;
  }

  /** Adds or replaces a rule (by id). */
  put(spec: AllowRuleSpec, now: number): CompiledAllowRule {
    this.remove(spec.id);
    const rule: CompiledAllowRule = { ...spec, compiled: compileConditions(spec.conditions, now) };
    let t = this.tenants.get(spec.tenant);
    if (!t) {
      t = { byRule: new Map(), anyRule: [] };
      this.tenants.set(spec.tenant, t);
    }
    if (spec.ruleId === null) t.anyRule.push(rule);
    else {
      const list = t.byRule.get(spec.ruleId);
      if (list) list.push(rule);
      else t.byRule.set(spec.ruleId, [rule]);
    }
    this.byId.set(spec.id, rule);
    return rule;
  }

  remove(id: string): void {
    const rule = this.byId.get(id);
    if (!rule) return;
    this.byId.delete(id);
    const t = this.tenants.get(rule.tenant);
    if (!t) return;
    if (rule.ruleId === null) t.anyRule = t.anyRule.filter((r) => r.id !== id);
    else {
      const rest = (t.byRule.get(rule.ruleId) ?? []).filter((r) => r.id !== id);
      if (rest.length > 0) t.byRule.set(rule.ruleId, rest);
      else t.byRule.delete(rule.ruleId);
    }
  }

  /**
   * The first rule that suppresses the finding, counting the hit; undefined when none does. Rules for the finding's
   * own rule id come before the tenant-wide ones, each in the order they were added. A rule suppresses a finding
   * when it has not expired (at `now`) and its conditions match every event of the finding (for a correlation,
   * every event of its sample); a finding without events is judged on its matched fields.
   */
  match(finding: MatchInput, events: readonly Event[], now: number): CompiledAllowRule | undefined {
    const t = this.tenants.get(finding.tenant);
    if (!t) return undefined;
    const specific = t.byRule.get(finding.rule.id);
    if (specific) {
      for (const rule of specific) if (applies(rule, finding, events, now)) return this.hit(rule, now);
    }
    for (const rule of t.anyRule) if (applies(rule, finding, events, now)) return this.hit(rule, now);
    return undefined;
  }

  /** Hits counted since the last call, by rule id; the caller writes them (and gives them back if that fails). */
  takeHits(): Map<string, PendingHits> {
    const taken = this.hits;
    this.hits = new Map();
    return taken;
  }

  restoreHits(hits: Map<string, PendingHits>): void {
    for (const [id, h] of hits) {
      const now = this.hits.get(id);
      if (now) {
        now.count += h.count;
        now.lastHitAt = Math.max(now.lastHitAt, h.lastHitAt);
      } else this.hits.set(id, { ...h });
    }
  }

  private hit(rule: CompiledAllowRule, now: number): CompiledAllowRule {
    const h = this.hits.get(rule.id);
    if (h) {
      h.count++;
      h.lastHitAt = now;
    } else this.hits.set(rule.id, { count: 1, lastHitAt: now });
    return rule;
  }
}

function applies(
  rule: CompiledAllowRule,
  finding: MatchInput,
  events: readonly Event[],
  now: number,
): boolean {
  if (rule.expiresAt !== null && now >= rule.expiresAt) return false;
  const { predicate, pseudo, split } = rule.compiled;
  const subjects = events.length === 0 ? [matchedEvent(finding)] : events;
  if (split) {
    if (!split.pseudo(pseudoEvent(finding))) return false;
    for (const event of subjects) if (!split.event(event)) return false;
    return true;
  }
  for (const event of subjects) if (!predicate(view(event, finding, pseudo))) return false;
  return true;
}

function pseudoEvent(finding: MatchInput): Event {
  return { ...matchedEvent(finding), fields: pseudoFields(finding) };
}

function view(event: Event, finding: MatchInput, pseudo: boolean): Event {
  if (!pseudo) return event;
  const fields: Record<string, FieldValue> = { ...event.fields, ...pseudoFields(finding) };
  return { ...event, fields };
}

function matchedEvent(finding: MatchInput): Event {
  return {
    id: '' as EventId,
    tenant: finding.tenant as TenantId,
    time: finding.time,
    receivedAt: finding.time,
    logsource: {},
    fields: finding.matched,
  };
}
