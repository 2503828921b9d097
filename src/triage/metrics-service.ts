// Noise metrics per tenant and period: events -> findings -> suppressed -> alerts -> escalated, false-positive
// rates per rule and the noisiest rules; the basis of the periodic report.
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import { matchAll } from '../search/ast.js';
import { systemScope, type EventStore } from '../store/event-store.js';
import { nowOf, permittedScope, type TriageDeps } from './service-support.js';

/** Counts a tenant's stored events in [from, to); the event store's count API (see eventCounter). */
export type EventCounter = (tenant: TenantId, from: number, to: number) => Promise<number>;

export function eventCounter(store: Pick<EventStore, 'count'>): EventCounter {
  return (tenant, from, to) => store.count({ tenants: systemScope([tenant]), from, to, query: matchAll });
}

export interface RuleNoise {
  ruleId: string;
  title: string;
  findings: number;
  suppressed: number;
  alerts: number;
  falsePositives: number;
  truePositives: number;
  /** falsePositives / (falsePositives + truePositives) of the alerts resolved in the period; null if none. */
  fpRate: number | null;
}

export interface TenantNoise {
  tenant: string;
  from: number;
  to: number;
  /** Null when no event counter is configured. */
  events: number | null;
  findings: number;
  suppressed: number;
  /** Alerts whose first finding is in the period (event time, as findings are counted). */
  alerts: number;
  /** Alerts escalated (true positive) in the period (the time of the analyst's decision, as for FP/TP below). */
  escalated: number;
  falsePositives: number;
  truePositives: number;
  fpRate: number | null;
  /** Medians over the period's alerts, from creation to acknowledgement / escalation, in ms; null without any. */
  medianAcknowledgeMs: number | null;
  medianEscalateMs: number | null;
  /** Rules by findings (suppressed included), the noisiest first. */
  topRules: RuleNoise[];
}

export interface NoiseQuery {
  tenants?: readonly string[];
  from: number;
  to: number;
  /** How many rules topRules lists (default 10, at most 100). */
  top?: number;
}

export class MetricsService {
  constructor(
    private readonly deps: TriageDeps,
    private readonly countEvents?: EventCounter,
  ) {}

  async noise(actor: Actor, query: NoiseQuery): Promise<TenantNoise[]> {
    const scope = await permittedScope(this.deps, actor, 'alerts:read', 'metrics.noise', query.tenants);
    const { from, to } = query;
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from >= to) {
      throw new YaguraError('TIME_INVALID', 'The period needs from < to, in epoch milliseconds');
    }
    if (to > nowOf(this.deps) + 86_400_000 * 366)
      throw new YaguraError('TIME_INVALID', 'The period ends too far ahead');
    const top = Math.min(100, Math.max(1, query.top ?? 10));
    const out: TenantNoise[] = [];
    for (const tenant of scope) out.push(await this.forTenant(tenant, from, to, top));
    return out;
  }

  private async forTenant(tenant: TenantId, from: number, to: number, top: number): Promise<TenantNoise> {
    const db = this.deps.db;
    const [findings, suppressed, created, resolved, escalated, events] = await Promise.all([
      db
        .selectFrom('findings')
        .select([
          'rule_id',
          (eb) => eb.fn.max('rule_title').as('title'),
          (eb) => eb.fn.countAll<number>().as('n'),
        ])
        .where('tenant', '=', tenant)
        .where('time', '>=', from)
        .where('time', '<', to)
        .groupBy('rule_id')
        .execute(),
      db
        .selectFrom('finding_triage')
        .select(['rule_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('tenant', '=', tenant)
        .where('time', '>=', from)
        .where('time', '<', to)
        .where('suppressed_by', 'is not', null)
        .groupBy('rule_id')
        .execute(),
      db
        .selectFrom('alerts')
        .select(['rule_id', 'rule_title', 'created_at', 'acknowledged_at', 'escalated_at'])
        .where('tenant', '=', tenant)
        .where('first_seen', '>=', from)
        .where('first_seen', '<', to)
        .execute(),
      db
        .selectFrom('alerts')
        .select(['rule_id', 'resolution', (eb) => eb.fn.countAll<number>().as('n')])
        .where('tenant', '=', tenant)
        .where('resolved_at', '>=', from)
        .where('resolved_at', '<', to)
        .where('resolution', 'is not', null)
        .groupBy(['rule_id', 'resolution'])
        .execute(),
      db
        .selectFrom('alerts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant', '=', tenant)
        .where('escalated_at', '>=', from)
        .where('escalated_at', '<', to)
        .executeTakeFirst(),
      this.countEvents ? this.countEvents(tenant, from, to) : Promise.resolve(null),
    ]);
    const rules = new Map<string, RuleNoise>();
    const rule = (id: string, title?: string | null): RuleNoise => {
      let r = rules.get(id);
      if (!r) {
        r = {
          ruleId: id,
          title: title ?? id,
          findings: 0,
          suppressed: 0,
          alerts: 0,
          falsePositives: 0,
          truePositives: 0,
          fpRate: null,
        };
        rules.set(id, r);
      }
      return r;
    };
    for (const f of findings) rule(f.rule_id, f.title as string | null).findings = Number(f.n);
    for (const s of suppressed) rule(s.rule_id).suppressed = Number(s.n);
    for (const a of created) rule(a.rule_id, a.rule_title).alerts++;
    for (const r of resolved) {
      const entry = rule(r.rule_id);
      if (r.resolution === 'false_positive') entry.falsePositives += Number(r.n);
      else if (r.resolution === 'true_positive') entry.truePositives += Number(r.n);
    }
    let fp = 0;
    let tp = 0;
    for (const r of rules.values()) {
      r.fpRate = rate(r.falsePositives, r.truePositives);
      fp += r.falsePositives;
      tp += r.truePositives;
    }
    const sum = (pick: (r: RuleNoise) => number): number =>
      [...rules.values()].reduce((n, r) => n + pick(r), 0);
    const topRules = [...rules.values()]
      .filter((r) => r.findings > 0 || r.alerts > 0)
      .sort((a, b) => b.findings - a.findings || b.alerts - a.alerts || a.ruleId.localeCompare(b.ruleId))
      .slice(0, top);
    return {
      tenant,
      from,
      to,
      events,
      findings: sum((r) => r.findings),
      suppressed: sum((r) => r.suppressed),
      alerts: created.length,
      escalated: Number(escalated?.n ?? 0),
      falsePositives: fp,
      truePositives: tp,
      fpRate: rate(fp, tp),
      medianAcknowledgeMs: median(
        created.filter((a) => a.acknowledged_at !== null).map((a) => a.acknowledged_at! - a.created_at),
      ),
      medianEscalateMs: median(
        created.filter((a) => a.escalated_at !== null).map((a) => a.escalated_at! - a.created_at),
      ),
      topRules,
    };
  }
}

function rate(fp: number, tp: number): number | null {
  return fp + tp === 0 ? null : fp / (fp + tp);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
