import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../access/actor.js';
import type { AllowlistReview } from '../triage/allowlist-preview.js';
import { finding, RULE_A } from '../triage/test-support.js';
import { triageCliFixture, type TriageCliFixture } from './triage-test-support.js';

const DAY = 86_400_000;

let f: TriageCliFixture;
const ids: Record<string, string> = {};
beforeEach(async () => {
  f = await triageCliFixture();
  // Made a month ago: one rule that expired since, one never hit, one that hides the scanner's findings.
  const monthAgo = Date.now() - 30 * DAY;
  await f.seed(
    async ({ triage }) => {
      const old = { ...base(), justification: 'left over from a migration', owner: 'Aiko' };
      ids.expired = (
        await triage.allowlist.create(cliActor(), {
          ...old,
          tenant: 'acme',
          conditions: 'host.name:old01',
          expiresAt: monthAgo + 10 * DAY,
        })
      ).id;
      ids.idle = (
        await triage.allowlist.create(cliActor(), { ...old, tenant: 'globex', conditions: 'host.name:x' })
      ).id;
    },
    () => monthAgo,
  );
  await f.seed(async ({ triage, record }) => {
    ids.scanner = (
      await triage.allowlist.create(cliActor(), {
        ...base(),
        tenant: 'acme',
        conditions: 'host.name:scanner01',
      })
    ).id;
    await record([
      finding({ tenant: 'acme', ruleId: RULE_A, time: Date.now(), fields: { 'host.name': 'scanner01' } }),
    ]);
  });
});
afterEach(() => f.close());

function base() {
  return { ruleId: RULE_A, justification: 'vulnerability scanner', owner: 'Ken' };
}

describe('yagura allowlist list', () => {
  it('lists the rules of every tenant or of one, with their hits', async () => {
    const all = await f.run('allowlist', 'list');
    expect(all.out.split('\n')[0]).toMatch(
      /^ID\s+TENANT\s+RULE\s+CONDITIONS\s+OWNER\s+EXPIRES\s+HITS\s+LAST HIT$/,
    );
    expect(all.out).toMatch(
      new RegExp(`${ids.scanner}\\s+acme\\s+${RULE_A}\\s+host\\.name:scanner01\\s+Ken\\s+-\\s+1\\s+\\d{4}-`),
    );
    expect(all.err).toBe('3 rules.\n');
    const globex = (await f.run('allowlist', 'list', '--tenant', 'globex', '--json')).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string });
    expect(globex.map((r) => r.id)).toEqual([ids.idle]);
  });

  it('refuses an unknown tenant', async () => {
    const { code, err } = await f.run('allowlist', 'list', '--tenant', 'initech');
    expect(code).toBe(1);
    expect(err).toMatch(/yagura: .*initech/);
  });
});

describe('yagura allowlist review', () => {
  it('names the expired and the never-hit rules, and leaves out the one in use', async () => {
    const text = await f.run('allowlist', 'review');
    expect(text.out).toContain('Expired (no longer applied; renew or remove): 1');
    expect(text.out).toContain('Never hit: ');
    const review = JSON.parse((await f.run('allowlist', 'review', '--json')).out) as AllowlistReview;
    expect(review.expired.map((r) => r.id)).toEqual([ids.expired]);
    expect(review.neverHit.map((r) => r.id)).toContain(ids.idle);
    const named = [
      ...review.expiring,
      ...review.expired,
      ...review.neverHit,
      ...review.hitTooMuch.map((n) => n.rule),
    ];
    expect(named.map((r) => r.id)).not.toContain(ids.scanner);
  });
});
