import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import {
  finding,
  HOUR,
  MINUTE,
  RULE_A,
  RULE_B,
  T0,
  triageFixture,
  type TriageFixture,
} from './test-support.js';

const DAY = 86_400_000;
let f: TriageFixture;
let analyst: Actor;
beforeEach(async () => {
  f = await triageFixture();
  analyst = await f.user('aiko', 'soc_analyst', ['acme']);
});
afterEach(() => f.close());

const base = {
  tenant: 'acme',
  ruleId: RULE_A,
  conditions: 'host.name:scanner01',
  justification: 'Authorised vulnerability scanner',
  owner: 'SOC team',
};
const scanner = { 'host.name': 'scanner01', 'source.ip': '10.9.9.9' };
const workstation = { 'host.name': 'ws01', 'source.ip': '10.1.1.1' };

async function alertCount(): Promise<number> {
  return (await f.triage.alerts.list(analyst, { limit: 500 })).alerts.length;
}

describe('AllowlistService: rules', () => {
  it('requires a justification and an owner, valid conditions and a future expiry', async () => {
    const a = f.triage.allowlist;
    await expect(a.create(analyst, { ...base, justification: ' ' })).rejects.toThrow(/needs a justification/);
    await expect(a.create(analyst, { ...base, owner: '' })).rejects.toThrow(/needs an owner/);
    await expect(a.create(analyst, { ...base, conditions: 'host.name:(a OR' })).rejects.toMatchObject({
      code: 'QUERY_SYNTAX',
      details: { location: { offset: expect.any(Number) } },
    });
    await expect(a.create(analyst, { ...base, expiresAt: T0 - 1 })).rejects.toThrow(
      'The expiry must be in the future',
    );
    await expect(a.create(analyst, { ...base, ruleId: null, conditions: '' })).rejects.toThrow(
      /would hide all/,
    );
    expect(await a.list(analyst)).toEqual([]);
    const whole = await a.create(analyst, { ...base, conditions: '' });
    expect(whole.conditions).toBe('');
  });

  it('changes and removes rules, each change audited, and applies the change at once', async () => {
    const rule = await f.triage.allowlist.create(analyst, base);
    await f.record([finding({ fields: scanner })]);
    expect(await alertCount()).toBe(0);
    f.clock.now += MINUTE;
    const changed = await f.triage.allowlist.update(analyst, rule.id, {
      conditions: 'host.name:scanner02',
      owner: 'Aiko',
    });
    expect(changed).toMatchObject({ conditions: 'host.name:scanner02', owner: 'Aiko', updatedBy: 'aiko' });
    await f.record([finding({ fields: scanner, time: T0 + 1 })]);
    expect(await alertCount()).toBe(1);
    await f.triage.allowlist.remove(analyst, rule.id, 'scanner decommissioned');
    expect(await f.triage.allowlist.list(analyst)).toEqual([]);
    const kept = await f.triage.allowlist.list(analyst, { includeRemoved: true });
    expect(kept.map((r) => [r.id, r.hits, r.deletedAt])).toEqual([[rule.id, 1, f.clock.now]]);
    await expect(f.triage.allowlist.update(analyst, rule.id, { owner: 'x' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const entries = await f.auditEntries('allowlist.');
    expect(entries.map((e) => e.action)).toEqual([
      'allowlist.create',
      'allowlist.update',
      'allowlist.remove',
    ]);
    expect(entries[1]!.details).toEqual({
      before: { conditions: 'host.name:scanner01', owner: 'SOC team' },
      after: { conditions: 'host.name:scanner02', owner: 'Aiko' },
    });
    expect(entries[2]!.details).toEqual({ reason: 'scanner decommissioned' });
  });

  it('stops suppressing at the expiry', async () => {
    await f.triage.allowlist.create(analyst, { ...base, expiresAt: T0 + HOUR });
    await f.record([finding({ fields: scanner })]);
    expect(await alertCount()).toBe(0);
    f.clock.now = T0 + HOUR;
    await f.record([finding({ fields: scanner, time: T0 + HOUR })]);
    expect(await alertCount()).toBe(1);
  });

  it('survives a restart: rules in force are loaded again, removed ones are not', async () => {
    const kept = await f.triage.allowlist.create(analyst, base);
    const gone = await f.triage.allowlist.create(analyst, { ...base, conditions: 'host.name:ws01' });
    await f.triage.allowlist.remove(analyst, gone.id, 'too broad');
    const { AllowlistService } = await import('./allowlist-service.js');
    const again = new AllowlistService({
      db: f.access.db,
      audit: f.audit,
      knownTenants: () => ['acme', 'globex'] as never,
      clock: () => f.clock.now,
    });
    expect(await again.open()).toEqual([]);
    expect(again.index.size).toBe(1);
    const [stored] = await f.findings.record([finding({ fields: scanner })]);
    expect(again.suppress(stored!, [], T0)).toBeUndefined();
    const made = finding({ fields: scanner });
    expect(again.suppress(stored!, made.events, T0)).toBe(kept.id);
  });
});

describe('AllowlistService: impact preview and review', () => {
  it('counts the findings of the last N days a rule would have hidden, and the alerts it would have avoided', async () => {
    f.clock.now = T0 + 3 * DAY;
    await f.record([
      ...Array.from({ length: 6 }, (_, i) => finding({ fields: scanner, time: T0 + i * MINUTE })),
      ...Array.from({ length: 3 }, (_, i) => finding({ fields: workstation, time: T0 + DAY + i })),
      finding({ fields: scanner, ruleId: RULE_B, time: T0 + DAY }),
      finding({ fields: scanner, time: T0 - 10 * DAY }),
    ]);
    const preview = await f.triage.allowlist.previewImpact(analyst, {
      tenant: 'acme',
      ruleId: RULE_A,
      conditions: 'host.name:scanner01 AND source.ip:10.0.0.0/8',
      days: 7,
    });
    expect(preview).toMatchObject({
      findings: 9,
      wouldHide: 6,
      alreadySuppressed: 0,
      alertsAvoided: 1,
      approximate: false,
      complete: true,
    });
    expect(preview.samples).toHaveLength(6);
    expect(preview.samples[0]!.subject).toMatchObject({
      'host.name': 'scanner01',
      'finding.rule.id': RULE_A,
    });
    const anyRule = await f.triage.allowlist.previewImpact(analyst, {
      tenant: 'acme',
      ruleId: null,
      conditions: 'host.name:scanner01 AND winlog.event_data.Foo:*',
      days: 30,
    });
    expect(anyRule).toMatchObject({
      findings: 11,
      wouldHide: 0,
      approximate: true,
      notKept: ['winlog.event_data.Foo'],
    });
    await expect(
      f.triage.allowlist.previewImpact(analyst, {
        tenant: 'acme',
        ruleId: RULE_A,
        conditions: '',
        days: 400,
      }),
    ).rejects.toThrow(/days must be/);
  });

  it('lists rules that expire soon or have expired, never hit, or hit too much', async () => {
    const expiring = await f.triage.allowlist.create(analyst, { ...base, expiresAt: T0 + 3 * DAY });
    const expired = await f.triage.allowlist.create(analyst, {
      ...base,
      conditions: 'host.name:old',
      expiresAt: T0 + DAY,
    });
    const idle = await f.triage.allowlist.create(analyst, { ...base, conditions: 'host.name:never' });
    const broad = await f.triage.allowlist.create(analyst, {
      ...base,
      ruleId: RULE_B,
      conditions: 'source.ip:10.0.0.0/8',
    });
    f.clock.now = T0 + 2 * DAY;
    await f.record(
      Array.from({ length: 60 }, (_, i) =>
        finding({ fields: workstation, ruleId: RULE_B, time: T0 + DAY + i }),
      ),
    );
    await f.record([finding({ fields: scanner, time: T0 + DAY })]);
    const review = await f.triage.allowlist.review(analyst, { maxHitsPerDay: 10_000 });
    expect(review.expiring.map((r) => r.id)).toEqual([expiring.id]);
    expect(review.expired.map((r) => r.id)).toEqual([expired.id]);
    expect(review.neverHit).toEqual([]);
    expect(review.hitTooMuch.map((n) => [n.rule.id, n.share])).toEqual([[broad.id, 1]]);
    expect(review.hitTooMuch[0]!.reasons[0]).toMatch(/hides 100% of its rule's findings/);
    f.clock.now = T0 + 8 * DAY;
    const later = await f.triage.allowlist.review(analyst, { maxHitsPerDay: 5 });
    expect(later.neverHit.map((r) => r.id).sort()).toEqual([expired.id, idle.id].sort());
    expect(later.hitTooMuch.map((n) => [n.rule.id, n.reasons.length])).toEqual([[broad.id, 2]]);
    expect(later.hitTooMuch[0]!.reasons[0]).toBe('9 hits a day (more than 5)');
  });
});

describe('AllowlistService: tenants and roles', () => {
  it("keeps one tenant's rules from another tenant's users", async () => {
    const globex = await f.user('hiro', 'soc_analyst', ['globex']);
    const theirs = await f.triage.allowlist.create(globex, { ...base, tenant: 'globex' });
    await expect(f.triage.allowlist.create(analyst, { ...base, tenant: 'globex' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await f.triage.allowlist.list(analyst)).toEqual([]);
    await expect(f.triage.allowlist.get(analyst, theirs.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.triage.allowlist.update(analyst, theirs.id, { owner: 'me' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.triage.allowlist.remove(analyst, theirs.id, 'mine now')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      f.triage.allowlist.previewImpact(analyst, {
        tenant: 'globex',
        ruleId: RULE_A,
        conditions: '',
        days: 1,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A globex rule does not touch acme's findings.
    await f.record([finding({ fields: scanner })]);
    expect(await alertCount()).toBe(1);
    expect((await f.triage.allowlist.get(globex, theirs.id)).owner).toBe('SOC team');
  });

  it("lets a customer's CSIRT read the tenant's rules but not change them", async () => {
    const rule = await f.triage.allowlist.create(analyst, base);
    const csirt = await f.user('kenji', 'csirt', ['acme']);
    expect((await f.triage.allowlist.list(csirt)).map((r) => r.id)).toEqual([rule.id]);
    await expect(f.triage.allowlist.create(csirt, base)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Not permitted: the csirt role does not have allowlist:manage',
    });
    const denied = (await f.auditEntries('allowlist.create')).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => e.actor.name)).toEqual(['kenji']);
  });
});
