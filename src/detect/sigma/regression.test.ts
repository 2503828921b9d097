// SigmaHQ's own regression cases (rule + Windows events + expected match count), run through loader and compiler.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../core/event.js';
import { compileRule } from './compile.js';
import { loadRules } from './loader.js';
import { bindLogSource, type LogSourceEntry } from './logsource-map.js';

const SIGMA = [resolve(import.meta.dirname, '../../../../shared/sigma'), '/work/shared/sigma'].find((p) =>
  existsSync(p),
);

interface Case {
  rule_id: string;
  rule_path: string;
  events_file: string;
  expected_matches: number;
  comparison: 'at_least' | 'exact';
  reference_matches?: number;
  rule_title: string;
}

describe.skipIf(!SIGMA)('SigmaHQ regression cases', () => {
  const dir = `${SIGMA}/regression`;
  const cases = readFileSync(`${dir}/expected.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case);
  const thor = parse(readFileSync(`${dir}/logsource-thor.yml`, 'utf8')) as {
    logsources: Record<string, LogSourceEntry>;
  };
  const entries = Object.values(thor.logsources);

  it('every case reaches its expected match count, and exactly the reference count', () => {
    const failures: string[] = [];
    let matched = 0;
    for (const c of cases) {
      const { rules, problems } = loadRules([`${SIGMA}/${c.rule_path.replace(/^rules\//, 'rules/')}`]);
      const rule = rules.find((r) => r.id === c.rule_id);
      if (!rule) {
        failures.push(`${c.rule_title}: not loaded (${problems.map((p) => p.message).join('; ')})`);
        continue;
      }
      const predicate = compileRule(rule);
      const bindings = bindLogSource(entries, rule.logsource);
      const events = readFileSync(`${dir}/${c.events_file}`, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, FieldValue>);
      let count = 0;
      for (const event of events) {
        const raw = (f: string) => event[f];
        const texts = Object.values(event).map((v) => String(v));
        const applies =
          bindings.length === 0 ? [{ field: (n: string) => n }] : bindings.filter((b) => b.accepts(raw));
        if (applies.some((b) => predicate({ get: (f) => event[b.field(f)], texts: () => texts }))) count++;
      }
      matched += count;
      const reference = c.reference_matches ?? c.expected_matches;
      if (count < c.expected_matches || count !== reference) {
        failures.push(
          `${c.rule_title} (${c.rule_id}): ${count} matches, expected ${c.expected_matches}, reference ${reference}`,
        );
      }
    }
    console.log(
      `regression: ${cases.length - failures.length}/${cases.length} cases pass (${matched} matches)`,
    );
    for (const f of failures) console.log(`  ${f}`);
    expect(failures).toEqual([]);
  }, 120_000);
});
