import { describe, expect, it } from 'vitest';
import {
  DAY,
  changesOf,
  createBody,
  emptyForm,
  expiryOf,
  expiryOfDate,
  filterRules,
  formFrom,
  formProblems,
  fromAlertBody,
  impactWarnings,
  isExpiringSoon,
  previewBody,
  previewKey,
  ruleState,
  subjectLine,
  type AllowlistImpact,
  type AllowlistRule,
  type RuleForm,
} from './allowlist-model.js';

const NOW = Date.UTC(2026, 10, 28, 3, 0); // 2026-11-28 12:00 in Tokyo

function rule(over: Partial<AllowlistRule> = {}): AllowlistRule {
  return {
    id: 'r1',
    tenant: 'acme',
    ruleId: 'ssh-brute-force',
    conditions: 'host.name:"fs01"',
    justification: 'Backup job',
    owner: 'sato',
    expiresAt: null,
    sourceAlertId: null,
    hits: 0,
    lastHitAt: null,
    createdBy: 'sato',
    createdAt: NOW - 10 * DAY,
    updatedBy: 'sato',
    updatedAt: NOW - 10 * DAY,
    deletedAt: null,
    ...over,
  };
}

const form = (over: Partial<RuleForm> = {}): RuleForm => ({
  ...emptyForm('acme'),
  ruleId: 'ssh-brute-force',
  conditions: ' host.name:"fs01" ',
  justification: ' Nightly backup ',
  owner: ' sato ',
  ...over,
});

describe('rule state and expiry wording', () => {
  it('tells active, expired and removed rules apart (removal wins over expiry)', () => {
    expect(ruleState(rule(), NOW)).toBe('active');
    expect(ruleState(rule({ expiresAt: NOW }), NOW)).toBe('expired');
    expect(ruleState(rule({ expiresAt: NOW - DAY, deletedAt: NOW - 1 }), NOW)).toBe('removed');
  });

  it('counts the days left up and the days since down, and marks the review window as soon', () => {
    expect(expiryOf(null, NOW)).toEqual({ kind: 'never' });
    expect(expiryOf(NOW + 2 * DAY + 1, NOW)).toEqual({ kind: 'expires', inDays: 3, soon: true });
    expect(expiryOf(NOW + 7 * DAY, NOW)).toEqual({ kind: 'expires', inDays: 7, soon: true });
    expect(expiryOf(NOW + 8 * DAY, NOW)).toEqual({ kind: 'expires', inDays: 8, soon: false });
    expect(expiryOf(NOW - DAY - 5, NOW)).toEqual({ kind: 'expired', daysAgo: 1 });
  });

  it('counts only live rules expiring within the window as expiring soon', () => {
    expect(isExpiringSoon(rule({ expiresAt: NOW + DAY }), NOW)).toBe(true);
    expect(isExpiringSoon(rule({ expiresAt: NOW + DAY, deletedAt: NOW }), NOW)).toBe(false);
    expect(isExpiringSoon(rule({ expiresAt: NOW - DAY }), NOW)).toBe(false);
    expect(isExpiringSoon(rule({ expiresAt: NOW + 20 * DAY }), NOW)).toBe(false);
    expect(isExpiringSoon(rule({ expiresAt: NOW + 20 * DAY }), NOW, 30)).toBe(true);
  });
});

describe('the rule list filter', () => {
  const rules = [
    rule({ id: 'a', createdAt: NOW - 3 * DAY, owner: 'Tanaka' }),
    rule({ id: 'b', createdAt: NOW - DAY, expiresAt: NOW - 1, justification: 'Vulnerability scanner' }),
    rule({ id: 'c', createdAt: NOW - 2 * DAY, deletedAt: NOW - 1 }),
  ];

  it('lists the current (not removed) rules newest first by default', () => {
    expect(filterRules(rules, { text: '', state: 'current' }, NOW).map((r) => r.id)).toEqual(['b', 'a']);
    expect(filterRules(rules, { text: '', state: 'all' }, NOW).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(filterRules(rules, { text: '', state: 'removed' }, NOW).map((r) => r.id)).toEqual(['c']);
    expect(filterRules(rules, { text: '', state: 'expired' }, NOW).map((r) => r.id)).toEqual(['b']);
    expect(filterRules(rules, { text: '', state: 'active' }, NOW).map((r) => r.id)).toEqual(['a']);
  });

  it('keeps rules holding every word of the text, in any case', () => {
    expect(filterRules(rules, { text: 'tanaka', state: 'all' }, NOW).map((r) => r.id)).toEqual(['a']);
    expect(filterRules(rules, { text: 'SCANNER ssh', state: 'all' }, NOW).map((r) => r.id)).toEqual(['b']);
    expect(filterRules(rules, { text: 'fs01 nobody', state: 'all' }, NOW)).toEqual([]);
  });
});

describe('form state and request bodies', () => {
  it('reads a date as the end of that day in the tenant zone, and rejects what is not a date', () => {
    expect(expiryOfDate('2026-12-01', 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 1, 14, 59, 59, 999));
    expect(expiryOfDate('', 'UTC')).toBeNull();
    expect(expiryOfDate('2026-02-30', 'UTC')).toBeUndefined();
    expect(expiryOfDate('tomorrow', 'UTC')).toBeUndefined();
  });

  it('fills the form from a rule and writes the expiry back as the same day', () => {
    const expiresAt = Date.UTC(2026, 11, 1, 14, 59, 59, 999);
    const f = formFrom(rule({ expiresAt }), 'other', () => 'Asia/Tokyo');
    expect(f).toMatchObject({ tenant: 'acme', ruleId: 'ssh-brute-force', expiryDate: '2026-12-01' });
    expect(formFrom({ conditions: 'x' }, 'acme', () => 'UTC')).toMatchObject({ tenant: 'acme', ruleId: '' });
  });

  it('builds the create body trimmed, with null for "every rule" and "no expiry"', () => {
    expect(createBody(form(), 'UTC')).toEqual({
      tenant: 'acme',
      ruleId: 'ssh-brute-force',
      conditions: 'host.name:"fs01"',
      justification: 'Nightly backup',
      owner: 'sato',
      expiresAt: null,
    });
    expect(createBody(form({ ruleId: '  ', expiryDate: '2026-12-01' }), 'UTC')).toMatchObject({
      ruleId: null,
      expiresAt: Date.UTC(2026, 11, 1, 23, 59, 59, 999),
    });
    expect(fromAlertBody(form(), 'UTC')).toEqual({
      conditions: 'host.name:"fs01"',
      justification: 'Nightly backup',
      owner: 'sato',
      expiresAt: null,
    });
  });

  it('names the missing or wrong fields, including a tenant-wide rule without conditions', () => {
    expect(formProblems(form(), 'UTC', NOW)).toEqual([]);
    expect(formProblems(form({ justification: ' ', owner: '' }), 'UTC', NOW)).toEqual([
      'justification',
      'owner',
    ]);
    expect(formProblems(form({ ruleId: '', conditions: '' }), 'UTC', NOW)).toEqual(['conditions']);
    expect(formProblems(form({ ruleId: 'x', conditions: '' }), 'UTC', NOW)).toEqual([]);
    expect(formProblems(form({ expiryDate: '2026-11-27' }), 'UTC', NOW)).toEqual(['expiry']);
    expect(formProblems(form({ expiryDate: '2026-11-28' }), 'UTC', NOW)).toEqual([]);
  });

  it('sends only the changed fields of an edited rule', () => {
    const saved = rule({ conditions: 'host.name:"fs01"', justification: 'Nightly backup', owner: 'sato' });
    expect(changesOf(form(), saved, 'UTC')).toEqual({});
    expect(changesOf(form({ owner: 'suzuki', expiryDate: '2026-12-01' }), saved, 'UTC')).toEqual({
      owner: 'suzuki',
      expiresAt: Date.UTC(2026, 11, 1, 23, 59, 59, 999),
    });
    const expiring = rule({ ...saved, expiresAt: Date.UTC(2026, 11, 1, 23, 59, 59, 999) });
    expect(changesOf(form({ expiryDate: '2026-12-01' }), expiring, 'UTC')).toEqual({});
    expect(changesOf(form({ expiryDate: '' }), expiring, 'UTC')).toEqual({ expiresAt: null });
  });

  it('asks for a new preview only when what decides the matches changes', () => {
    const key = previewKey(form());
    expect(previewKey(form({ justification: 'other', owner: 'x', expiryDate: '2026-12-01' }))).toBe(key);
    expect(previewKey(form({ conditions: 'host.name:"fs02"' }))).not.toBe(key);
    expect(previewKey(form({ ruleId: '' }))).not.toBe(key);
    expect(previewKey(form({ tenant: 'globex' }))).not.toBe(key);
    expect(previewBody(form(), 90)).toEqual({
      tenant: 'acme',
      ruleId: 'ssh-brute-force',
      conditions: 'host.name:"fs01"',
      days: 90,
    });
  });
});

describe('impact preview', () => {
  const impact = (over: Partial<AllowlistImpact>): AllowlistImpact => ({
    tenant: 'acme',
    ruleId: 'r',
    conditions: '',
    days: 30,
    from: 0,
    to: 1,
    findings: 100,
    wouldHide: 10,
    alreadySuppressed: 0,
    alertsAvoided: 1,
    samples: [],
    approximate: false,
    notKept: [],
    complete: true,
    ...over,
  });

  it('warns when the rule would hide almost all of enough findings, or the count is approximate or partial', () => {
    expect(impactWarnings(impact({}))).toEqual([]);
    expect(impactWarnings(impact({ wouldHide: 95 }))).toEqual(['hidesMost']);
    expect(impactWarnings(impact({ findings: 10, wouldHide: 10 }))).toEqual([]);
    expect(impactWarnings(impact({ approximate: true, complete: false }))).toEqual([
      'approximate',
      'incomplete',
    ]);
  });

  it('writes a finding subject as sorted field=value pairs, cut after a few', () => {
    expect(subjectLine({ 'user.name': 'svc', 'host.name': 'fs01', empty: '', list: ['a', 'b'] })).toBe(
      'host.name=fs01 list=a,b user.name=svc',
    );
    expect(subjectLine({ a: 1, b: 2, c: 3 }, 2)).toBe('a=1 b=2 …');
  });
});
