// Helpers for the correlation tests: load a multi-document rule text, run events through rules and correlations.
import type { Event, FieldValue, LogSource } from '../../core/event.js';
import { newEventId, tenantId } from '../../core/ids.js';
import type { Finding } from '../finding.js';
import { loadRuleText } from '../sigma/loader.js';
import { RuleSet } from '../sigma/rule-set.js';
import { CorrelationEngine, loadMetaRules, type EngineOptions } from './index.js';

export const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

export function event(
  at: number,
  fields: Record<string, FieldValue>,
  logsource: LogSource = { product: 'test' },
  tenant = 'acme',
): Event {
  return { id: newEventId(), tenant: tenantId(tenant), time: at, receivedAt: at, logsource, fields };
}

export interface Run {
  /** Correlation findings, in the order they fired. */
  correlations: Finding[];
  /** Every finding that would alert: rule findings not silenced by `generate: false`, then correlations. */
  alerts: Finding[];
  engine: CorrelationEngine;
  rules: RuleSet;
}

/** Loads the rule text (expecting no problems), then pushes the events in the order given. */
export function run(text: string, events: readonly Event[], options?: EngineOptions): Run {
  const loaded = loadRuleText(text, 'test.yml');
  const meta = loadMetaRules(loaded);
  const problems = [...loaded.problems, ...meta.problems];
  if (problems.length > 0) throw new Error(`unexpected problems: ${JSON.stringify(problems)}`);
  const rules = new RuleSet(loaded.rules, meta.filters);
  const engine = new CorrelationEngine(meta.correlations, options);
  const correlations: Finding[] = [];
  const alerts: Finding[] = [];
  for (const e of events) {
    const base = rules.evaluate(e);
    const fired = engine.push(e, base);
    correlations.push(...fired);
    for (const f of [...base, ...fired]) if (!engine.silences(f)) alerts.push(f);
  }
  return { correlations, alerts, engine, rules };
}

/** A Sigma rule document matching `action: <action>` on log source product "test". */
export function actionRule(name: string, action: string, extra = ''): string {
  return [
    `title: ${name} rule`,
    `name: ${name}`,
    'logsource: {product: test}',
    'detection:',
    `  selection: {action: ${action}}`,
    '  condition: selection',
    extra,
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** A correlation document; `body` is the indented content of `correlation:`. */
export function correlation(title: string, body: string[], extra: string[] = []): string {
  return [`title: ${title}`, ...extra, 'correlation:', ...body.map((l) => `  ${l}`)].join('\n');
}

export function docs(...parts: string[]): string {
  return parts.join('\n---\n') + '\n';
}
