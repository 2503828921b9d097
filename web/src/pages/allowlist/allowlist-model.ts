// The allow-list page's pure logic: rule states and expiry wording, list filters, form state and request bodies.
import type { Schemas } from '../../api/client.js';
import { formatTime, parseZonedTime } from '../../lib/time.js';

export type AllowlistRule = Schemas['AllowlistRule'];
export type AllowlistCreate = Schemas['AllowlistCreateInput'];
export type AllowlistImpact = Schemas['AllowlistImpact'];
export type AllowlistDraft = Schemas['AllowlistDraft'];
export type AllowlistReview = Schemas['AllowlistReview'];
export type AllowlistChanges = {
  conditions?: string;
  justification?: string;
  owner?: string;
  expiresAt?: number | null;
};

export const DAY = 86_400_000;
/** The review list's windows; sent to the server so that the page's words and its answer agree. */
export const EXPIRING_WITHIN_DAYS = 7;
export const NEVER_HIT_AFTER_DAYS = 7;
export const PREVIEW_DAYS = [7, 30, 90] as const;
export type PreviewDays = (typeof PREVIEW_DAYS)[number];

export type RuleState = 'active' | 'expired' | 'removed';
export const STATE_FILTERS = ['current', 'active', 'expired', 'removed', 'all'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export function ruleState(rule: AllowlistRule, now: number): RuleState {
  if (rule.deletedAt !== null) return 'removed';
  if (rule.expiresAt !== null && rule.expiresAt <= now) return 'expired';
  return 'active';
}

export type Expiry =
  | { kind: 'never' }
  | { kind: 'expired'; daysAgo: number }
  | { kind: 'expires'; inDays: number; soon: boolean };

/** How the expiry reads: never, expired N days ago, or expires in N days (soon within the review window). */
export function expiryOf(expiresAt: number | null, now: number, soonDays = EXPIRING_WITHIN_DAYS): Expiry {
  if (expiresAt === null) return { kind: 'never' };
  if (expiresAt <= now) return { kind: 'expired', daysAgo: Math.floor((now - expiresAt) / DAY) };
  const left = expiresAt - now;
  return { kind: 'expires', inDays: Math.ceil(left / DAY), soon: left <= soonDays * DAY };
}

export function isExpiringSoon(rule: AllowlistRule, now: number, withinDays = EXPIRING_WITHIN_DAYS): boolean {
  const e = expiryOf(rule.expiresAt, now, withinDays);
  return rule.deletedAt === null && e.kind === 'expires' && e.soon;
}

export function matchesState(rule: AllowlistRule, filter: StateFilter, now: number): boolean {
  const state = ruleState(rule, now);
  if (filter === 'all') return true;
  if (filter === 'current') return state !== 'removed';
  return state === filter;
}

/** Rules that match the state filter and contain every word of the text (any field an analyst reads), newest first. */
export function filterRules(
  rules: readonly AllowlistRule[],
  filter: { text: string; state: StateFilter },
  now: number,
): AllowlistRule[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return rules
    .filter((r) => matchesState(r, filter.state, now))
    .filter((r) => {
      if (words.length === 0) return true;
      const haystack = [r.id, r.tenant, r.ruleId ?? '', r.conditions, r.justification, r.owner, r.createdBy]
        .join('\n')
        .toLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
}

/** What the form edits: text as typed, the expiry as a date (YYYY-MM-DD, in the tenant's zone) or empty. */
export interface RuleForm {
  tenant: string;
  ruleId: string;
  conditions: string;
  justification: string;
  owner: string;
  expiryDate: string;
}

export function emptyForm(tenant: string): RuleForm {
  return { tenant, ruleId: '', conditions: '', justification: '', owner: '', expiryDate: '' };
}

export function formFrom(
  initial: Partial<AllowlistCreate> | AllowlistRule,
  fallbackTenant: string,
  zone: (tenant: string) => string,
): RuleForm {
  const tenant = initial.tenant ?? fallbackTenant;
  return {
    tenant,
    ruleId: initial.ruleId ?? '',
    conditions: initial.conditions ?? '',
    justification: initial.justification ?? '',
    owner: initial.owner ?? '',
    expiryDate:
      initial.expiresAt !== undefined && initial.expiresAt !== null
        ? dateOfExpiry(initial.expiresAt, zone(tenant))
        : '',
  };
}

/** A rule expires at the end of the chosen day in its tenant's zone: it still applies all that day. */
export function expiryOfDate(date: string, zone: string): number | null | undefined {
  if (date.trim() === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return undefined;
  return parseZonedTime(`${date.trim()} 23:59:59.999`, zone);
}

export function dateOfExpiry(expiresAt: number, zone: string): string {
  return formatTime(expiresAt, zone).slice(0, 10);
}

/** The day an expiry may be set from: today in the zone (its end is still in the future). */
export function today(now: number, zone: string): string {
  return formatTime(now, zone).slice(0, 10);
}

export type FormProblem = 'tenant' | 'justification' | 'owner' | 'conditions' | 'expiry';

/** What keeps the form from being sent, field by field (the server checks again). */
export function formProblems(form: RuleForm, zone: string, now: number): FormProblem[] {
  const problems: FormProblem[] = [];
  if (form.tenant.trim() === '') problems.push('tenant');
  // A tenant-wide rule without conditions would hide every finding of the tenant.
  if (form.ruleId.trim() === '' && form.conditions.trim() === '') problems.push('conditions');
  if (form.justification.trim() === '') problems.push('justification');
  if (form.owner.trim() === '') problems.push('owner');
  const expiry = expiryOfDate(form.expiryDate, zone);
  if (expiry === undefined || (expiry !== null && expiry <= now)) problems.push('expiry');
  return problems;
}

export function createBody(form: RuleForm, zone: string): AllowlistCreate {
  return {
    tenant: form.tenant,
    ruleId: form.ruleId.trim() === '' ? null : form.ruleId.trim(),
    conditions: form.conditions.trim(),
    justification: form.justification.trim(),
    owner: form.owner.trim(),
    expiresAt: expiryOfDate(form.expiryDate, zone) ?? null,
  };
}

/** The body of "suppress alerts like this": the alert fixes the tenant and the detection rule. */
export function fromAlertBody(form: RuleForm, zone: string) {
  const { conditions, justification, owner, expiresAt } = createBody(form, zone);
  return { conditions, justification, owner, expiresAt: expiresAt ?? null };
}

/** Only what changed (PATCH cannot move a rule to another tenant or detection rule). */
export function changesOf(form: RuleForm, rule: AllowlistRule, zone: string): AllowlistChanges {
  const next = createBody(form, zone);
  const changes: AllowlistChanges = {};
  if (next.conditions !== rule.conditions) changes.conditions = next.conditions;
  if (next.justification !== rule.justification) changes.justification = next.justification;
  if (next.owner !== rule.owner) changes.owner = next.owner;
  const sameDay =
    (next.expiresAt ?? null) === null
      ? rule.expiresAt === null
      : rule.expiresAt !== null && dateOfExpiry(rule.expiresAt, zone) === form.expiryDate.trim();
  if (!sameDay) changes.expiresAt = next.expiresAt ?? null;
  return changes;
}

export function previewBody(form: RuleForm, days: PreviewDays) {
  const { tenant, ruleId, conditions } = createBody(form, 'UTC');
  return { tenant, ruleId, conditions, days };
}

/** What a preview depends on; a save is allowed only when the last preview had the same key. */
export function previewKey(form: RuleForm): string {
  const { tenant, ruleId, conditions } = previewBody(form, 30);
  return JSON.stringify([tenant, ruleId, conditions]);
}

export type ImpactWarning = 'hidesMost' | 'approximate' | 'incomplete';

// The same bar the review list uses for "hit too much": over 90 % of at least 50 findings.
const MOST_SHARE = 0.9;
const MOST_MIN_FINDINGS = 50;

export function impactWarnings(impact: AllowlistImpact): ImpactWarning[] {
  const warnings: ImpactWarning[] = [];
  if (impact.findings >= MOST_MIN_FINDINGS && impact.wouldHide / impact.findings > MOST_SHARE)
    warnings.push('hidesMost');
  if (impact.approximate) warnings.push('approximate');
  if (!impact.complete) warnings.push('incomplete');
  return warnings;
}

/** A finding's kept fields on one line: "host.name=fs01 user.name=svc_backup". */
export function subjectLine(subject: Record<string, unknown>, max = 6): string {
  const parts = Object.keys(subject)
    .sort()
    .filter((k) => subject[k] !== null && subject[k] !== undefined && subject[k] !== '')
    .map((k) => {
      const v = subject[k];
      const text = Array.isArray(v) ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v);
      return `${k}=${text}`;
    });
  return parts.length > max ? `${parts.slice(0, max).join(' ')} …` : parts.join(' ');
}
