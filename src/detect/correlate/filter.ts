// Sigma filters (meta-filters, spec 2.1): read filter documents, compile their detection, attach them to the rules.
//
// A filter is applied as "rule and not filter": a match of a listed rule is dropped when the event is of the
// filter's log source and the filter's condition matches it, which is how the spec's example reads (`condition:
// selection` names what to leave out). pySigma instead ANDs the filter's condition into the rule, so filters
// written for it say `condition: not selection`; read here that would invert the filter, so a condition that is
// a plain `not ...` is refused with a problem rather than guessed at.
import type { RuleProblem, MetaDocument } from '../sigma/loader.js';
import { buildRule } from '../sigma/loader.js';
import { compileRule } from '../sigma/compile.js';
import type { RuleFilter } from '../sigma/rule-set.js';
import type { LogSource, SigmaRule } from '../sigma/rule.js';

type Keys = (string | number)[];

const LOGSOURCE_KEYS = ['product', 'category', 'service'] as const;

function problemFor(meta: MetaDocument, keys: Keys, code: string, message: string): RuleProblem {
  const title = meta.document.title ?? meta.document.id;
  const line = meta.lineOf?.(keys) ?? meta.line;
  return {
    ...(meta.path !== undefined ? { path: meta.path } : {}),
    ...(line !== undefined ? { line } : {}),
    code,
    message,
    ...(typeof title === 'string' ? { rule: title } : {}),
  };
}

/** Two log sources that name the same key with different values never meet the same event. */
function disjoint(a: LogSource, b: LogSource): boolean {
  return LOGSOURCE_KEYS.some((k) => a[k] !== undefined && b[k] !== undefined && a[k] !== b[k]);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The rules a filter document names, or 'all' (`any`, `all` or an empty list: every rule its log source meets). */
function readTargets(value: unknown): string[] | 'all' | undefined {
  if (typeof value === 'string') return ['any', 'all'].includes(value.toLowerCase()) ? 'all' : [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.length === 0 ? 'all' : (value as string[]);
  return undefined;
}

/** One filter document, checked and compiled: the filter and the rules it goes on, or the first problem. */
function loadFilter(
  meta: MetaDocument,
  rules: readonly SigmaRule[],
): { filter: RuleFilter; targets: SigmaRule[] } | { problem: RuleProblem } {
  const doc = meta.document;
  const fail = (keys: Keys, message: string, code = 'RULE_INVALID') => ({
    problem: problemFor(meta, keys, code, message),
  });
  const section = doc.filter;
  if (!isMap(section)) return fail(['filter'], 'filter must be a map (rules, selections, condition)');
  if (!isMap(doc.logsource)) return fail(['logsource'], 'a filter needs a logsource map');
  const targets = readTargets(section.rules);
  if (targets === undefined)
    return fail(['filter', 'rules'], 'filter.rules must list rule ids or names (or say "any")');
  if (typeof section.condition !== 'string')
    return fail(
      ['filter', section.condition === undefined ? 'rules' : 'condition'],
      'filter.condition must be one condition text',
    );
  const detection: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) if (key !== 'rules') detection[key] = value;
  const built = buildRule({ title: doc.title, logsource: doc.logsource, detection });
  if ('problem' in built) {
    const [first, ...rest] = built.problem.path;
    const keys = first === 'detection' ? ['filter', ...rest] : built.problem.path;
    return fail(keys, built.problem.message.replace(/^detection\./, 'filter.'), built.problem.code);
  }
  const compiled = built.rule;
  if (compiled.condition.kind === 'not')
    return fail(
      ['filter', 'condition'],
      'filter.condition names what to leave out (rule and not filter); a condition starting with "not" is ' +
        'written for pySigma, which ANDs it instead: drop the "not"',
    );
  const id = typeof doc.id === 'string' ? doc.id : compiled.title;
  const filter: RuleFilter = { id, logsource: compiled.logsource, match: compileRule(compiled) };
  if (targets === 'all')
    return { filter, targets: rules.filter((r) => !disjoint(r.logsource, filter.logsource)) };
  const chosen: SigmaRule[] = [];
  for (const [i, ref] of targets.entries()) {
    const found = rules.filter((r) => r.id === ref || r.name === ref);
    if (found.length === 0)
      return fail(['filter', 'rules', i], `filter.rules: no loaded rule has the id or name "${ref}"`);
    for (const rule of found) {
      if (disjoint(rule.logsource, filter.logsource))
        return fail(
          ['logsource'],
          `the filter's logsource never meets rule "${rule.title}" (its logsource differs)`,
        );
      chosen.push(rule);
    }
  }
  return { filter, targets: chosen };
}

/**
 * Reads the filter documents and attaches each filter to the rules it names, for `new RuleSet(rules, filters)`. A
 * filter with any problem is not applied at all (its rules keep alerting), and the problem says why and where.
 */
export function attachFilters(
  rules: readonly SigmaRule[],
  metas: readonly MetaDocument[],
): { filters: Map<SigmaRule, RuleFilter[]>; problems: RuleProblem[] } {
  const filters = new Map<SigmaRule, RuleFilter[]>();
  const problems: RuleProblem[] = [];
  for (const meta of metas) {
    const loaded = loadFilter(meta, rules);
    if ('problem' in loaded) {
      problems.push(loaded.problem);
      continue;
    }
    for (const rule of loaded.targets) filters.set(rule, [...(filters.get(rule) ?? []), loaded.filter]);
  }
  return { filters, problems };
}
