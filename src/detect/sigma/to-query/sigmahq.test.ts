// Every SigmaHQ rule's store query against the rule engine: on SigmaHQ's regression events and on events made from
// the rules themselves, the query never leaves out an event the rule matches, and its subset holds no other.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tenantId } from '../../../core/ids.js';
import { createSearchTestDb } from '../../../search/sqlite-fixture.js';
import { compileToSqlite } from '../../../search/sqlite-compiler.js';
import { loadRules } from '../loader.js';
import { RuleSet } from '../rule-set.js';
import { ruleToQuery } from './index.js';
import { requiredLiterals } from './regex-literals.js';
import type { Selection } from '../rule.js';
import { asciiLower } from '../../../search/values.js';
import { regressionEvents } from './regression-fixture.js';
import { ruleEvents, seeded } from './rule-events-fixture.js';

const SIGMA = [resolve(import.meta.dirname, '../../../../../shared/sigma'), '/work/shared/sigma'].find((p) =>
  existsSync(p),
);

describe.skipIf(!SIGMA)('store queries of the SigmaHQ rules', () => {
  it('select every event the rule engine matches, and their subsets only such events', () => {
    const { rules } = loadRules([`${SIGMA}/rules`]);
    const rnd = seeded(6);
    const shared = regressionEvents(`${SIGMA}/regression`).map((e) => ({ ...e, tenant: tenantId('shared') }));
    const own = rules.map((rule, i) =>
      ruleEvents(rule, rnd).map((e) => ({ ...e, tenant: tenantId(`r${i}`) })),
    );
    const db = createSearchTestDb([...shared, ...own.flat()]);
    const failures: string[] = [];
    let exact = 0;
    let matches = 0;
    let widenedOnly = 0;
    const reasons = new Map<string, number>();
    rules.forEach((rule, i) => {
      // The rule's own events, those of three other rules, and the recorded ones.
      const others = [1, 2, 3].map(() => Math.floor(rnd() * rules.length));
      const tenants = ['shared', `r${i}`, ...others.map((o) => `r${o}`)];
      const events = [...shared, ...own[i]!, ...others.flatMap((o) => own[o]!)];
      const set = new RuleSet([rule]);
      const matched = new Set(events.filter((e) => set.evaluate(e).length > 0).map((e) => e.id as string));
      const query = ruleToQuery(rule);
      const run = (node: typeof query.query): Set<string> => {
        const { sql, params } = compileToSqlite(node);
        const marks = tenants.map(() => '?').join(', ');
        const rows = db
          .prepare(`SELECT id FROM events e WHERE e.tenant IN (${marks}) AND (${sql})`)
          .all(...tenants, ...params) as { id: string }[];
        return new Set(rows.map((r) => r.id));
      };
      const selected = run(query.query);
      const sure = query.exact ? selected : run(query.subset);
      const lost = [...matched].filter((id) => !selected.has(id));
      const wrong = [...sure].filter((id) => !matched.has(id));
      if (lost.length > 0) failures.push(`${rule.title}: ${lost.length} matched events not selected`);
      if (wrong.length > 0) failures.push(`${rule.title}: ${wrong.length} events in the subset not matched`);
      if (query.exact && selected.size !== matched.size)
        failures.push(`${rule.title}: exact, but selects ${selected.size} for ${matched.size} matches`);
      matches += matched.size;
      if (query.exact) exact++;
      else {
        for (const r of query.widened) {
          const kind = r.replace(/^[^:]*: /, '').replace(/\(.*\)|"[^"]*"|\d+/g, '…');
          reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
        }
        if (query.widened.every((r) => / looked up in /.test(r))) widenedOnly++;
      }
    });
    console.log(
      `${rules.length} rules, ${matches} matches on ${db.prepare('SELECT count(*) AS n FROM events').pluck().get()} events; ` +
        `${exact} exact queries, ${widenedOnly} inexact only because a field maps to several`,
    );
    for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(n).padStart(5)}  ${r}`);
    db.close();
    expect(failures).toEqual([]);
    expect(matches).toBeGreaterThan(rules.length);
  }, 600_000);

  it('read from every regex only text each of its matches holds, in order', () => {
    const { rules } = loadRules([`${SIGMA}/rules`]);
    const regexes = new Map<string, string>();
    const walk = (s: Selection): void => {
      if (s.kind === 'any') return s.maps.forEach(walk);
      for (const item of s.kind === 'map' ? s.items : [s.item])
        for (const v of item.values) if (v.type === 'regex') regexes.set(`${v.flags}/${v.source}`, v.source);
    };
    for (const r of rules) for (const s of r.selections.values()) walk(s);
    const texts = new Set<string>();
    for (const e of regressionEvents(`${SIGMA}/regression`))
      for (const v of Object.values(e.fields))
        for (const x of [v].flat()) if (x !== null) texts.add(String(x));
    let positives = 0;
    const wrong: string[] = [];
    for (const [key, source] of regexes) {
      const flags = key.slice(0, key.indexOf('/'));
      const re = new RegExp(source, flags);
      const alternatives = requiredLiterals(source);
      for (const text of texts) {
        if (!re.test(text)) continue;
        positives++;
        if (!alternatives) continue;
        const lower = asciiLower(text);
        const holds = alternatives.some((runs) => {
          let at = 0;
          return runs.every((r) => (at = lower.indexOf(asciiLower(r), at)) >= 0 && (at += r.length) >= 0);
        });
        if (!holds) wrong.push(`/${source}/${flags} on ${text.slice(0, 80)}`);
      }
    }
    console.log(`${regexes.size} regexes, ${positives} matches on ${texts.size} values`);
    expect(wrong).toEqual([]);
    expect(positives).toBeGreaterThan(10);
  }, 120_000);
});
