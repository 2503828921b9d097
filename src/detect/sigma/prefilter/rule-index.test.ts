// The prefilter must never hide a match: the indexed RuleSet finds exactly what running every rule finds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mixedLines } from '../../../../bench/detect/corpus.js';
import type { Event } from '../../../core/event.js';
import { tenantId } from '../../../core/ids.js';
import { normalize } from '../../../normalize/normalize.js';
import { compileRule } from '../compile.js';
import { loadRules } from '../loader.js';
import { FieldResolver } from '../mappings/index.js';
import { logSourceApplies } from '../rule.js';
import { RuleSet } from '../rule-set.js';

const SIGMA = [resolve(import.meta.dirname, '../../../../../shared/sigma'), '/work/shared/sigma'].find((p) =>
  existsSync(p),
);

function events(): Event[] {
  const tenant = tenantId('t');
  const lines = mixedLines(1500, [
    '<4>Nov 28 09:00:01 fw01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.9 DST=10.0.0.5 PROTO=TCP SPT=4444 DPT=23',
    '<38>Nov 28 09:15:02 bastion01 sshd[4242]: Failed password for root from 203.0.113.7 port 52144 ssh2',
  ]);
  const dir = `${SIGMA}/regression/events`;
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(`${dir}/${file}`, 'utf8').split('\n')) if (line.trim()) lines.push(line);
  }
  return lines.map((text, i) =>
    normalize({ tenant, input: 'test', receivedAt: i, text }, { receivedAt: i, timeZone: 'UTC' }),
  );
}

describe.skipIf(!SIGMA)('RuleSet with the needle prefilter', () => {
  it('finds exactly what evaluating every applicable rule finds, over all SigmaHQ rules', () => {
    const { rules } = loadRules([`${SIGMA}/rules`]);
    const set = new RuleSet(rules);
    const compiled = rules.map((rule) => ({
      rule,
      match: compileRule(rule),
      resolver: new FieldResolver(rule.logsource),
    }));
    let expectedTotal = 0;
    const differences: string[] = [];
    for (const event of events()) {
      const expected = compiled
        .filter((c) => logSourceApplies(c.rule.logsource, event.logsource) && c.match(c.resolver.view(event)))
        .map((c) => c.rule.id ?? c.rule.title)
        .sort();
      expectedTotal += expected.length;
      const actual = set
        .evaluate(event)
        .map((f) => f.rule.id)
        .sort();
      if (actual.join() !== expected.join())
        differences.push(`${event.raw?.slice(0, 80)}: ${actual} vs ${expected}`);
    }
    expect(differences).toEqual([]);
    // The corpus must exercise the rules, or the comparison proves little.
    expect(expectedTotal).toBeGreaterThan(200);
  }, 120_000);
});
