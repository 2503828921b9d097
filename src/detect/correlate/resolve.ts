// Links correlations to the rules and correlations they name: references by id or name, aliases, chains, cycles.
import type { Finding } from '../finding.js';
import type { RuleProblem } from '../sigma/loader.js';
import { findingSource } from '../sigma/rule-set.js';
import type { SigmaRule } from '../sigma/rule.js';
import type { LoadedCorrelation } from './loader.js';
import type { CorrelationRule } from './model.js';

/** One entry of `correlation.rules`, resolved: a Sigma rule, or another correlation (a chain). */
export type CorrelationInput =
  { ref: string; kind: 'rule'; rule: SigmaRule } | { ref: string; kind: 'correlation'; index: number };

export interface ResolvedCorrelation {
  rule: CorrelationRule;
  /** What its findings say about it; a correlation without level counts as medium, like a rule. */
  source: Finding['rule'];
  inputs: CorrelationInput[];
  /** alias -> input index -> that input's field name. */
  aliases: ReadonlyMap<string, ReadonlyMap<number, string>>;
}

export interface CorrelationSet {
  /** Inner correlations before the ones that refer to them, so one event's results flow outward in one pass. */
  correlations: ResolvedCorrelation[];
  /**
   * Finding source ids of rules (and inner correlations) that do not alert on their own: some correlation that
   * refers to them leaves `generate` false (pySigma disables a rule's output as soon as one such correlation exists).
   */
  silenced: ReadonlySet<string>;
}

type Node = { kind: 'rule'; rule: SigmaRule } | { kind: 'correlation'; index: number };

function correlationSource(rule: CorrelationRule): Finding['rule'] {
  return {
    id: rule.id ?? rule.name ?? rule.title,
    title: rule.title,
    level: rule.level ?? 'medium',
    ...(rule.author !== undefined ? { author: rule.author } : {}),
    tags: rule.tags,
  };
}

function describe(node: Node, loaded: readonly LoadedCorrelation[]): string {
  if (node.kind === 'rule') return `rule "${node.rule.title}"`;
  return `correlation "${loaded[node.index]!.rule.title}"`;
}

/**
 * Resolves every correlation against the loaded rules and the other correlations. A correlation with a problem
 * (unknown or ambiguous reference, alias for a rule it does not name, a loop of correlations) is left out, and so
 * is every correlation built on it; each gets a problem with its file and line.
 */
export function resolveCorrelations(
  rules: readonly SigmaRule[],
  loaded: readonly LoadedCorrelation[],
): { set: CorrelationSet; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const byKey = new Map<string, Node[]>();
  const index = (key: string | undefined, node: Node) => {
    if (key === undefined) return;
    const list = byKey.get(key) ?? [];
    list.push(node);
    byKey.set(key, list);
  };
  for (const rule of rules) {
    const node: Node = { kind: 'rule', rule };
    index(rule.id, node);
    if (rule.name !== rule.id) index(rule.name, node);
  }
  loaded.forEach((c, i) => {
    const node: Node = { kind: 'correlation', index: i };
    index(c.rule.id, node);
    if (c.rule.name !== c.rule.id) index(c.rule.name, node);
  });

  const broken = new Set<number>();
  const inputsOf: CorrelationInput[][] = [];
  const aliasesOf: Map<string, Map<number, string>>[] = [];
  loaded.forEach((c, ci) => {
    const report = (keys: (string | number)[], code: string, message: string) => {
      if (!broken.has(ci)) problems.push(c.problemAt(keys, code, message));
      broken.add(ci);
    };
    const lookup = (ref: string, keys: (string | number)[]): Node | undefined => {
      const found = byKey.get(ref) ?? [];
      if (found.length === 0) {
        report(
          keys,
          'RULE_INVALID',
          `correlation.rules: no loaded rule or correlation has the id or name "${ref}"`,
        );
        return undefined;
      }
      if (found.length > 1) {
        const names = found.map((n) => describe(n, loaded)).join(', ');
        report(keys, 'RULE_INVALID', `"${ref}" is ambiguous: it names ${names}`);
        return undefined;
      }
      return found[0];
    };
    const inputs: CorrelationInput[] = [];
    c.rule.rules.forEach((ref, i) => {
      const node = lookup(ref, ['correlation', 'rules', i]);
      if (node?.kind === 'rule') inputs.push({ ref, kind: 'rule', rule: node.rule });
      if (node?.kind === 'correlation') inputs.push({ ref, kind: 'correlation', index: node.index });
    });
    const same = (a: CorrelationInput, node: Node) =>
      node.kind === 'rule'
        ? a.kind === 'rule' && a.rule === node.rule
        : a.kind === 'correlation' && a.index === node.index;
    const aliases = new Map<string, Map<number, string>>();
    for (const [alias, byRule] of c.rule.aliases) {
      const byInput = new Map<number, string>();
      for (const [ref, field] of byRule) {
        const keys = ['correlation', 'aliases', alias, ref];
        const node = broken.has(ci) ? undefined : lookup(ref, keys);
        if (!node) continue;
        const at = inputs.findIndex((input) => same(input, node));
        if (at < 0)
          report(
            keys,
            'RULE_INVALID',
            `alias ${alias}: ${describe(node, loaded)} is not in correlation.rules`,
          );
        else byInput.set(at, field);
      }
      aliases.set(alias, byInput);
    }
    inputsOf.push(inputs);
    aliasesOf.push(aliases);
  });

  // Depth-first over the chains: a correlation met again while still open closes a loop.
  const state: ('open' | 'done' | undefined)[] = [];
  const order: number[] = [];
  const visit = (ci: number, path: number[]): void => {
    if (state[ci] === 'done') return;
    if (state[ci] === 'open') {
      const loop = [...path.slice(path.indexOf(ci)), ci];
      const names = loop.map((i) => loaded[i]!.rule.title).join(' -> ');
      for (const i of new Set(loop)) {
        if (!broken.has(i))
          problems.push(
            loaded[i]!.problemAt(
              ['correlation', 'rules'],
              'RULE_INVALID',
              `correlations refer to each other in a loop: ${names}`,
            ),
          );
        broken.add(i);
      }
      return;
    }
    state[ci] = 'open';
    for (const input of inputsOf[ci]!) if (input.kind === 'correlation') visit(input.index, [...path, ci]);
    state[ci] = 'done';
    order.push(ci);
  };
  loaded.forEach((_, ci) => visit(ci, []));

  // A correlation built on a left-out correlation is left out too (order has inner ones first).
  for (const ci of order) {
    if (broken.has(ci)) continue;
    const missing = inputsOf[ci]!.find((input) => input.kind === 'correlation' && broken.has(input.index));
    if (missing?.kind === 'correlation') {
      problems.push(
        loaded[ci]!.problemAt(
          ['correlation', 'rules', loaded[ci]!.rule.rules.indexOf(missing.ref)],
          'RULE_INVALID',
          `refers to correlation "${loaded[missing.index]!.rule.title}", which could not be loaded`,
        ),
      );
      broken.add(ci);
    }
  }

  const kept = order.filter((ci) => !broken.has(ci));
  const position = new Map(kept.map((ci, at) => [ci, at]));
  const correlations: ResolvedCorrelation[] = kept.map((ci) => ({
    rule: loaded[ci]!.rule,
    source: correlationSource(loaded[ci]!.rule),
    inputs: inputsOf[ci]!.map((input) =>
      input.kind === 'correlation' ? { ...input, index: position.get(input.index)! } : input,
    ),
    aliases: aliasesOf[ci]!,
  }));
  const silenced = new Set<string>();
  for (const c of correlations) {
    if (c.rule.generate) continue;
    for (const input of c.inputs) {
      silenced.add(
        input.kind === 'rule' ? findingSource(input.rule).id : correlations[input.index]!.source.id,
      );
    }
  }
  return { set: { correlations, silenced }, problems };
}
