// Every regex of the SigmaHQ rule set, on our engine and on V8's RegExp, over the regression events and generated texts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../loader.js';
import type { Selection } from '../rule.js';
import { Regex } from './engine.js';
import { parseRegex } from './parser.js';
import { mutate, sample, seeded } from './test-support.js';

const SIGMA = [resolve(import.meta.dirname, '../../../../../shared/sigma'), '/work/shared/sigma'].find((p) =>
  existsSync(p),
);

function ruleFiles(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) ruleFiles(path, into);
    else if (/\.ya?ml$/.test(name) && readFileSync(path, 'utf8').includes('|re')) into.push(path);
  }
  return into;
}

function regexes(selection: Selection, into: Map<string, { source: string; flags: string }>): void {
  if (selection.kind === 'any') for (const s of selection.maps) regexes(s, into);
  const items =
    selection.kind === 'map' ? selection.items : selection.kind === 'keywords' ? [selection.item] : [];
  for (const item of items) {
    for (const v of item.values) if (v.type === 'regex') into.set(`${v.flags}/${v.source}`, v);
  }
}

function eventTexts(dir: string): string[] {
  const texts = new Set<string>();
  for (const name of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      for (const v of Object.values(JSON.parse(line) as Record<string, unknown>)) {
        if (v !== null && typeof v !== 'object') texts.add(String(v));
      }
    }
  }
  return [...texts];
}

describe.skipIf(!SIGMA)('the engine against V8 on the SigmaHQ regexes', () => {
  const { rules, problems } = loadRules(ruleFiles(`${SIGMA}/rules`));
  const found = new Map<string, { source: string; flags: string }>();
  for (const rule of rules) for (const s of rule.selections.values()) regexes(s, found);
  const patterns = [...found.values()];
  const events = eventTexts(`${SIGMA}/regression/events`);

  it('loads every rule that has a regex, and finds their regexes', () => {
    expect(problems.filter((p) => /regex/.test(p.message))).toEqual([]);
    expect(patterns.length).toBeGreaterThan(100);
    expect(events.length).toBeGreaterThan(1000);
  });

  it('gives V8 answers on the regression events and on generated near misses, with and without the DFA', () => {
    const random = seeded(6);
    const mismatches: string[] = [];
    let tests = 0;
    let matches = 0;
    let nfaTested = 0;
    for (const { source, flags } of patterns) {
      const v8 = new RegExp(source, flags);
      const dfa = new Regex(source, flags);
      const nfa = new Regex(source, flags, { dfa: false, prefilter: false });
      // The NFA alone costs text length x program size per text: big programs see only part of the texts.
      let nfaBudget = 4e6;
      const ast = parseRegex(source, flags);
      const texts = [...events];
      for (let k = 0; k < 300; k++) {
        const hit = sample(ast, random);
        texts.push(hit, mutate(hit, random), `${mutate(hit, random)} ${mutate(hit, random)}`);
        texts.push(hit.toUpperCase(), hit.toLowerCase());
      }
      for (const text of texts) {
        const expected = v8.test(text);
        tests++;
        if (expected) matches++;
        const answers = [dfa.test(text)];
        nfaBudget -= text.length * nfa.program.size;
        if (nfaBudget > 0) {
          answers.push(nfa.test(text));
          nfaTested++;
        }
        for (const answer of answers) {
          if (answer !== expected && mismatches.length < 20)
            mismatches.push(`/${source}/${flags} on ${JSON.stringify(text)}: V8 says ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The generated texts must exercise both answers, or the comparison says little.
    expect(matches).toBeGreaterThan(tests / 10);
    expect(tests - matches).toBeGreaterThan(tests / 10);
    expect(nfaTested).toBeGreaterThan(tests / 2);
  });
});
