// Looking back over stored triage marks for the allow-list: what a rule would have hidden (impact preview), which
// rules need review, and the findings a rule suppressed.
import type { StateDb } from '../state/database.js';
import type { TenantScope } from '../store/tenant-scope.js';
import { compileConditions, fieldsNotKept } from './allowlist-index.js';
import type { AllowlistRule } from './allowlist-model.js';
import { decodeCursor, encodeCursor } from './service-support.js';
import { subjectEvent, type Subject } from './subject.js';

const DAY = 86_400_000;
const PAGE = 5000;
/** Findings the preview reads at most; past it the figures are for the newest part of the period only. */
export const PREVIEW_MAX_FINDINGS = 2_000_000;
const SAMPLES = 10;

export interface ImpactPreview {
  tenant: string;
  ruleId: string | null;
  conditions: string;
  days: number;
  from: number;
  to: number;
  /** Findings of the rule (or of the tenant, for a tenant-wide rule) in the period. */
  findings: number;
  /** Of those, how many the rule would have hidden. */
  wouldHide: number;
  /** Of those, how many another allow-list rule hides already. */
  alreadySuppressed: number;
  /** Alerts all of whose findings in the period it would have hidden (they would not exist). */
  alertsAvoided: number;
  samples: { findingId: string; ruleId: string; time: number; subject: Subject }[];
  /**
   * The preview evaluates the conditions on the fields kept with each finding (entity, matched, context fields);
   * true when the conditions use full-text words or fields outside those, so the figure may be off.
   */
  approximate: boolean;
  notKept: string[];
  /** False when the period held more than PREVIEW_MAX_FINDINGS findings and only the newest were read. */
  complete: boolean;
}

export async function previewImpact(
  db: StateDb,
  input: { tenant: string; ruleId: string | null; conditions: string; days: number },
  now: number,
): Promise<ImpactPreview> {
  const compiled = compileConditions(input.conditions, now);
  const notKept = fieldsNotKept(compiled);
  const from = now - input.days * DAY;
  const out: ImpactPreview = {
    tenant: input.tenant,
    ruleId: input.ruleId,
    conditions: input.conditions,
    days: input.days,
    from,
    to: now,
    findings: 0,
    wouldHide: 0,
    alreadySuppressed: 0,
    alertsAvoided: 0,
    samples: [],
    approximate: compiled.fullText || notKept.length > 0,
    notKept,
    complete: true,
  };
  const perAlert = new Map<string, { total: number; hidden: number }>();
  let cursor: [number, string] | undefined;
  for (;;) {
    let q = db
      .selectFrom('finding_triage')
      .select(['finding_id', 'rule_id', 'time', 'alert_id', 'suppressed_by', 'subject'])
      .where('tenant', '=', input.tenant)
      .where('time', '>=', from)
      .where('time', '<', now);
    if (input.ruleId !== null) q = q.where('rule_id', '=', input.ruleId);
    if (cursor) {
      const [time, id] = cursor;
      q = q.where((eb) =>
        eb.or([eb('time', '<', time), eb.and([eb('time', '=', time), eb('finding_id', '<', id)])]),
      );
    }
    const rows = await q.orderBy('time', 'desc').orderBy('finding_id', 'desc').limit(PAGE).execute();
    for (const row of rows) {
      out.findings++;
      const subject = JSON.parse(row.subject) as Subject;
      const hidden = compiled.predicate(subjectEvent(input.tenant, row.time, subject));
      if (row.alert_id !== null) {
        const a = perAlert.get(row.alert_id) ?? { total: 0, hidden: 0 };
        a.total++;
        if (hidden) a.hidden++;
        perAlert.set(row.alert_id, a);
      }
      if (!hidden) continue;
      out.wouldHide++;
      if (row.suppressed_by !== null) out.alreadySuppressed++;
      if (out.samples.length < SAMPLES) {
        out.samples.push({ findingId: row.finding_id, ruleId: row.rule_id, time: row.time, subject });
      }
    }
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) break;
    if (out.findings >= PREVIEW_MAX_FINDINGS) {
      out.complete = false;
      break;
    }
    cursor = [last.time, last.finding_id];
  }
  for (const a of perAlert.values()) if (a.hidden === a.total) out.alertsAvoided++;
  return out;
}

export interface ReviewOptions {
  /** Rules expiring within this many days are listed as expiring (default 7). */
  expiringWithinDays?: number;
  /** Rules older than this many days without a hit are listed as never hit (default 7). */
  neverHitAfterDays?: number;
  /** The period hit rates are measured over (default 7 days). */
  periodDays?: number;
  /** More hits a day than this is "hit too much" (default 1000). */
  maxHitsPerDay?: number;
  /** Hiding more than this share of its detection rule's findings is "hit too much" (default 0.9). */
  maxShare?: number;
}

export interface NoisyRule {
  rule: AllowlistRule;
  hitsPerDay: number;
  /** Suppressed / all findings of its detection rule (or tenant) in the period; null without findings. */
  share: number | null;
  reasons: string[];
}

export interface AllowlistReview {
  expiring: AllowlistRule[];
  /** Past their expiry: no longer applied; renew or remove them. */
  expired: AllowlistRule[];
  neverHit: AllowlistRule[];
  hitTooMuch: NoisyRule[];
}

// A share measured on a handful of findings says nothing.
const MIN_FINDINGS_FOR_SHARE = 50;

export async function reviewRules(
  db: StateDb,
  scope: TenantScope,
  rules: readonly AllowlistRule[],
  options: ReviewOptions,
  now: number,
): Promise<AllowlistReview> {
  const expiringWithin = (options.expiringWithinDays ?? 7) * DAY;
  const neverHitAfter = (options.neverHitAfterDays ?? 7) * DAY;
  const periodDays = options.periodDays ?? 7;
  const maxHitsPerDay = options.maxHitsPerDay ?? 1000;
  const maxShare = options.maxShare ?? 0.9;
  const since = now - periodDays * DAY;
  const tenants = [...scope];
  const [suppressedRows, findingRows] = await Promise.all([
    db
      .selectFrom('finding_triage')
      .select(['suppressed_by', (eb) => eb.fn.countAll<number>().as('n')])
      .where('tenant', 'in', tenants)
      .where('time', '>=', since)
      .where('suppressed_by', 'is not', null)
      .groupBy('suppressed_by')
      .execute(),
    db
      .selectFrom('finding_triage')
      .select(['tenant', 'rule_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('tenant', 'in', tenants)
      .where('time', '>=', since)
      .groupBy(['tenant', 'rule_id'])
      .execute(),
  ]);
  const suppressedBy = new Map(suppressedRows.map((r) => [r.suppressed_by!, Number(r.n)]));
  const perRule = new Map<string, number>();
  const perTenant = new Map<string, number>();
  for (const r of findingRows) {
    perRule.set(`${r.tenant}\u001f${r.rule_id}`, Number(r.n));
    perTenant.set(r.tenant, (perTenant.get(r.tenant) ?? 0) + Number(r.n));
  }
  const review: AllowlistReview = { expiring: [], expired: [], neverHit: [], hitTooMuch: [] };
  for (const rule of rules) {
    if (rule.expiresAt !== null) {
      if (rule.expiresAt <= now) review.expired.push(rule);
      else if (rule.expiresAt - now <= expiringWithin) review.expiring.push(rule);
    }
    if (rule.hits === 0 && now - rule.createdAt >= neverHitAfter) review.neverHit.push(rule);
    const suppressed = suppressedBy.get(rule.id) ?? 0;
    if (suppressed === 0) continue;
    const days = Math.max(1, Math.min(periodDays, (now - rule.createdAt) / DAY));
    const hitsPerDay = suppressed / days;
    const total =
      rule.ruleId === null ? perTenant.get(rule.tenant) : perRule.get(`${rule.tenant}\u001f${rule.ruleId}`);
    const share = total ? suppressed / total : null;
    const reasons: string[] = [];
    if (hitsPerDay > maxHitsPerDay)
      reasons.push(`${Math.round(hitsPerDay)} hits a day (more than ${maxHitsPerDay})`);
    if (share !== null && share > maxShare && (total ?? 0) >= MIN_FINDINGS_FOR_SHARE) {
      reasons.push(
        `hides ${Math.round(share * 100)}% of its ${rule.ruleId === null ? "tenant's" : "rule's"} findings ` +
          `(more than ${Math.round(maxShare * 100)}%): the rule may be as good as off`,
      );
    }
    if (reasons.length > 0) review.hitTooMuch.push({ rule, hitsPerDay, share, reasons });
  }
  review.hitTooMuch.sort((a, b) => b.hitsPerDay - a.hitsPerDay);
  return review;
}

export interface SuppressedFinding {
  findingId: string;
  ruleId: string;
  time: number;
  subject: Subject;
}

export async function suppressedFindings(
  db: StateDb,
  rule: AllowlistRule,
  limit: number,
  cursor?: string,
): Promise<{ findings: SuppressedFinding[]; next?: string }> {
  let q = db
    .selectFrom('finding_triage')
    .select(['finding_id', 'rule_id', 'time', 'subject'])
    .where('tenant', '=', rule.tenant)
    .where('suppressed_by', '=', rule.id);
  if (rule.ruleId !== null) q = q.where('rule_id', '=', rule.ruleId);
  if (cursor) {
    const [time, id] = decodeCursor(cursor);
    q = q.where((eb) =>
      eb.or([eb('time', '<', time), eb.and([eb('time', '=', time), eb('finding_id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('time', 'desc')
    .orderBy('finding_id', 'desc')
    .limit(limit + 1)
    .execute();
  const findings = rows.slice(0, limit).map((r) => ({
    findingId: r.finding_id,
    ruleId: r.rule_id,
    time: r.time,
    subject: JSON.parse(r.subject) as Subject,
  }));
  const last = rows.length > limit ? findings.at(-1) : undefined;
  return last ? { findings, next: encodeCursor(last.time, last.findingId) } : { findings };
}
