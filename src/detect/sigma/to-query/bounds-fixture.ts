// Test support: what a rule's store queries select next to what the rule engine matches, on the same events.
import type Database from 'better-sqlite3';
import type { Event, FieldValue } from '../../../core/event.js';
import { newEventId, tenantId } from '../../../core/ids.js';
import type { QueryNode } from '../../../search/ast.js';
import { createSearchTestDb } from '../../../search/sqlite-fixture.js';
import { compileToSqlite } from '../../../search/sqlite-compiler.js';
import { loadRuleText } from '../loader.js';
import { RuleSet } from '../rule-set.js';
import type { LogSource, SigmaRule } from '../rule.js';
import { ruleToQuery, type RuleQuery } from './index.js';

export const T0 = Date.UTC(2025, 10, 28, 12);

export function testEvent(
  fields: Record<string, FieldValue>,
  logsource: LogSource = { product: 'test' },
  raw?: string,
): Event {
  return {
    id: newEventId(),
    tenant: tenantId('t'),
    time: T0,
    receivedAt: T0,
    logsource,
    fields,
    ...(raw !== undefined ? { raw } : {}),
  };
}

/** One rule from YAML; `detection` is the YAML of the detection block, indented by four spaces. */
export function rule(detection: string, logsource = 'product: test'): SigmaRule {
  const text = `title: t\nlogsource:\n  ${logsource.replace(/, /g, '\n  ')}\ndetection:\n${detection}\n`;
  const { rules, problems } = loadRuleText(text);
  if (!rules[0]) throw new Error(problems.map((p) => p.message).join('; '));
  return rules[0];
}

export interface Selected {
  query: RuleQuery;
  /** Indexes of the events the rule engine matches. */
  matched: number[];
  /** ... that the superset query selects. */
  selected: number[];
  /** ... that the subset query selects. */
  sure: number[];
}

function select(db: Database.Database, node: QueryNode, ids: Map<string, number>): number[] {
  const { sql, params } = compileToSqlite(node);
  const rows = db.prepare(`SELECT id FROM events e WHERE ${sql}`).all(...params) as { id: string }[];
  return rows.map((r) => ids.get(r.id)!).sort((a, b) => a - b);
}

/** Runs the rule's queries on a fresh in-memory store of the events, and the rule engine on the events. */
export function selectedBy(r: SigmaRule, events: readonly Event[], db?: Database.Database): Selected {
  const own = db ?? createSearchTestDb(events);
  const ids = new Map(events.map((e, i) => [e.id as string, i]));
  const query = ruleToQuery(r);
  const set = new RuleSet([r]);
  const matched = events.flatMap((e, i) => (set.evaluate(e).length > 0 ? [i] : []));
  const result = {
    query,
    matched,
    selected: select(own, query.query, ids),
    sure: select(own, query.subset, ids),
  };
  if (!db) own.close();
  return result;
}

/** Items of `a` missing from `b`. */
export const missing = (a: readonly number[], b: readonly number[]): number[] =>
  a.filter((x) => !b.includes(x));
