// How a retro-hunt reads the store: which rules narrow the store's search in SQL, and which log sources it scans.
//
// Measured (bench/hunt): reading a field costs the embedded store about 2.4 µs per event on Sysmon-sized events (one
// json_each, however many values an OR compares with it), reading an event and running the rule engine on it about
// 45 µs. So a log source whose rules need few field reads is filtered in SQL, and one whose rules need many (or that
// a rule cannot narrow at all: keywords, presence alone) is scanned; a scanned event meets every rule of the hunt,
// and filter passes leave those events out, so no event is read twice.
import type { QueryNode } from '../search/ast.js';
import { asciiLower } from '../search/values.js';
import type { SigmaRule } from './sigma/rule.js';
import { logSourceApplies, type LogSource } from './sigma/rule.js';
import { ALL, and, balance, isAll, isNone, isPresenceOnly, not, or } from './sigma/to-query/nodes.js';
import { ruleToQuery, type RuleQuery } from './sigma/to-query/index.js';

export interface HuntPass {
  /**
   * `filter`: the store selects candidates with the rules' queries. `scan`: every event of the scanned log sources,
   * on which every rule of the hunt runs (so filter passes leave those events out).
   */
  kind: 'filter' | 'scan';
  query: QueryNode;
  /** The rules the pass runs on what it reads. */
  rules: SigmaRule[];
}

export interface PlannedRule {
  rule: SigmaRule;
  query: RuleQuery;
  /** `filter`: its query narrows a filter pass (and it rides along the scan); `never`: it cannot match. */
  mode: 'filter' | 'scan' | 'never';
}

export interface HuntPlan {
  passes: HuntPass[];
  rules: PlannedRule[];
}

export interface PlanOptions {
  /**
   * Field reads per event a log source's rules may cost the store before scanning that log source is cheaper.
   * Infinity filters every rule the store can narrow (tests use it to exercise the queries).
   */
  groupBudget?: number;
  /** Field tests in one filter query; more go to another pass (SQLite allows 32,766 parameters). */
  passLimit?: number;
}

export const DEFAULT_GROUP_BUDGET = 16;
const DEFAULT_PASS_LIMIT = 4000;

const KEYS = ['product', 'category', 'service'] as const;
const key = (ls: LogSource): string => KEYS.map((k) => ls[k] ?? '').join('|');

/**
 * OR of (log source AND query) entries, factored by product, then category, then service: an event meets one
 * branch per level instead of every entry's terms (a hunt of all SigmaHQ rules names some 140 log sources).
 */
function bySource(entries: readonly { source: LogSource; node: QueryNode }[], level = 0): QueryNode {
  const k = KEYS[level];
  if (k === undefined) return or(entries.map((e) => e.node));
  const free = entries.filter((e) => e.source[k] === undefined);
  const named = new Map<string, { source: LogSource; node: QueryNode }[]>();
  for (const e of entries) {
    const v = e.source[k];
    if (v !== undefined) named.set(asciiLower(v), [...(named.get(asciiLower(v)) ?? []), e]);
  }
  return or([
    bySource(free, level + 1),
    ...[...named.values()].map((es) =>
      and([
        { kind: 'term', field: `logsource.${k}`, value: es[0]!.source[k]!, quoted: true },
        bySource(es, level + 1),
      ]),
    ),
  ]);
}

/** Whether one event could belong to both log sources (no key on which they name different values). */
function overlap(a: LogSource, b: LogSource): boolean {
  return KEYS.every((k) => {
    const x = a[k];
    const y = b[k];
    return x === undefined || y === undefined || asciiLower(x) === asciiLower(y);
  });
}

/** Splits the rules into at most one scan pass and as few filter passes as the query size allows. */
export function planHunt(rules: readonly SigmaRule[], options: PlanOptions = {}): HuntPlan {
  const groupBudget = options.groupBudget ?? DEFAULT_GROUP_BUDGET;
  const passLimit = options.passLimit ?? DEFAULT_PASS_LIMIT;
  const planned: PlannedRule[] = rules.map((rule) => {
    const query = ruleToQuery(rule);
    return { rule, query, mode: isNone(query.detection) ? 'never' : 'filter' };
  });

  const groups = new Map<string, PlannedRule[]>();
  for (const p of planned) {
    if (p.mode === 'never') continue;
    const { detection } = p.query;
    if (isAll(detection) || isPresenceOnly(detection) || p.query.size > passLimit) p.mode = 'scan';
    const k = key(p.rule.logsource);
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  for (const group of groups.values()) {
    const scan =
      group.some((p) => p.mode === 'scan') || group.reduce((n, p) => n + p.query.cost, 0) > groupBudget;
    if (scan) for (const p of group) p.mode = 'scan';
  }
  const scanSources = new Map<string, LogSource>();
  for (const p of planned) if (p.mode === 'scan') scanSources.set(key(p.rule.logsource), p.rule.logsource);
  // A log source the scan reads whole needs no filter pass.
  for (const group of groups.values()) {
    const source = group[0]!.rule.logsource;
    if ([...scanSources.values()].some((s) => logSourceApplies(s, source)))
      for (const p of group) if (p.mode === 'filter') p.mode = 'scan';
  }

  const passes: HuntPass[] = [];
  let pending: { source: LogSource; node: QueryNode }[] = [];
  let members: SigmaRule[] = [];
  let pendingSize = 0;
  const flush = () => {
    if (members.length === 0) return;
    passes.push({ kind: 'filter', query: balance(bySource(pending)), rules: members });
    pending = [];
    members = [];
    pendingSize = 0;
  };
  for (const group of groups.values()) {
    const filtered = group.filter((p) => p.mode === 'filter');
    if (filtered.length === 0) continue;
    const source = group[0]!.rule.logsource;
    // Events of this log source that the scan also reads are left to the scan.
    const scanned = bySource(
      [...scanSources.values()].filter((s) => overlap(s, source)).map((s) => ({ source: s, node: ALL })),
    );
    const restrict = (rules: PlannedRule[]) =>
      pending.push({ source, node: and([not(scanned), or(rules.map((p) => p.query.detection))]) });
    let chunk: PlannedRule[] = [];
    for (const p of filtered) {
      if (pendingSize + p.query.size > passLimit && pendingSize > 0) {
        if (chunk.length > 0) restrict(chunk);
        chunk = [];
        flush();
      }
      chunk.push(p);
      members.push(p.rule);
      pendingSize += p.query.size;
    }
    if (chunk.length > 0) restrict(chunk);
  }
  flush();

  if (scanSources.size > 0) {
    passes.push({
      kind: 'scan',
      query: balance(bySource([...scanSources.values()].map((s) => ({ source: s, node: ALL })))),
      rules: planned.filter((p) => p.mode !== 'never').map((p) => p.rule),
    });
  }
  return { passes, rules: planned };
}
