// Reads Sigma YAML into SigmaRules, with the file and line in every error, collecting all errors of a set of rules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { isYaguraError } from '../../core/errors.js';
import { parseCondition, resolveCondition, type ConditionNode } from './condition.js';
import { buildItem, type RuleScalar } from './item.js';
import {
  LEVELS,
  STATUSES,
  type Level,
  type LogSource,
  type Selection,
  type SigmaRule,
  type Status,
} from './rule.js';

export interface RuleProblem {
  path?: string;
  line?: number;
  code: string;
  message: string;
  /** The rule's title or id, when it could be read. */
  rule?: string;
}

export interface LoadResult {
  rules: SigmaRule[];
  problems: RuleProblem[];
  /** Documents that are correlation or filter rules (read by their own loaders). */
  meta: MetaDocument[];
}

/** A correlation or filter document, kept as plain data with a way to find the line of any key in it. */
export interface MetaDocument {
  path?: string;
  line?: number;
  document: Record<string, unknown>;
  /** The line of the value under a path of keys (or of the deepest key that exists). */
  lineOf?: (path: readonly (string | number)[]) => number | undefined;
}

/** Why `buildRule` refused a document: the catalogue code, the message and the keys down to the node at fault. */
export interface BuildProblem {
  code: string;
  message: string;
  path: (string | number)[];
}

export interface LoadOptions {
  /** Values for `%name%` placeholders used with `|expand`. */
  placeholders?: ReadonlyMap<string, readonly string[]>;
}

type Plain = Record<string, unknown>;

class RuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Keys down to the YAML node at fault; its line is looked up only when the error is reported. */
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}

type Path = (string | number)[];

function fail(message: string, path: Path = [], code = 'RULE_INVALID'): never {
  throw new RuleError(code, message, path);
}

/** The YAML node under a path of keys (or the deepest one that exists), for line numbers. */
function nodeAt(doc: Document, path: readonly (string | number)[]): Node | null {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node && typeof node === 'object') return node as Node;
  }
  return null;
}

function text(value: unknown, key: string, node: Path): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`${key} must be text`, node);
  return value;
}

function texts(value: unknown, key: string, node: Path): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    fail(`${key} must be a list of text`, node);
  return value as string[];
}

function isScalar(v: unknown): v is RuleScalar {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function scalars(value: unknown, key: string, node: Path): RuleScalar | RuleScalar[] {
  if (isScalar(value)) return value;
  if (Array.isArray(value) && value.every(isScalar)) return value;
  return fail(`${key}: values must be text, numbers, booleans or null (or a list of them)`, node);
}

function selectionMap(map: Plain, path: Path, options: LoadOptions): Selection {
  const items = Object.entries(map).map(([key, value]) => {
    const node = [...path, key];
    try {
      return buildItem(key, scalars(value, key, node), options.placeholders);
    } catch (e) {
      if (isYaguraError(e)) fail(e.message, node, e.code);
      throw e;
    }
  });
  return { kind: 'map', items };
}

function selection(value: unknown, path: Path, options: LoadOptions): Selection {
  const node = path;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const map = value as Plain;
    const keys = Object.keys(map);
    // `'|all': [...]` is the one modifier a keyword list may carry.
    if (keys.length === 1 && keys[0] === '|all') {
      return { kind: 'keywords', item: buildItem('|all', scalars(map['|all'], '|all', node)) };
    }
    return selectionMap(map, path, options);
  }
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
      return {
        kind: 'any',
        maps: value.map((v, i) => selectionMap(v as Plain, [...path, i], options)),
      };
    }
    if (value.every(isScalar)) return { kind: 'keywords', item: buildItem(undefined, value as RuleScalar[]) };
    fail(`selection ${String(path.at(-1))}: a list must hold either maps or plain values, not both`, node);
  }
  if (isScalar(value) && value !== null) return { kind: 'keywords', item: buildItem(undefined, value) };
  return fail(`selection ${String(path.at(-1))}: must be a map, a list of maps or a list of values`, node);
}

function ruleFrom(data: unknown, options: LoadOptions): SigmaRule {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('a rule must be a YAML map');
  const r = data as Plain;
  const at = (...path: Path): Path => path;
  const title = text(r.title, 'title', at('title'));
  if (!title) fail('title is required');
  const logsource = r.logsource;
  if (!logsource || typeof logsource !== 'object' || Array.isArray(logsource))
    fail('logsource is required and must be a map', at('logsource'));
  const ls: LogSource = {};
  for (const k of ['product', 'category', 'service'] as const) {
    const v = text((logsource as Plain)[k], `logsource.${k}`, at('logsource', k));
    if (v) ls[k] = v;
  }
  const detection = r.detection;
  if (!detection || typeof detection !== 'object' || Array.isArray(detection))
    fail('detection is required and must be a map', at('detection'));
  const det = detection as Plain;
  const conditionValue = det.condition;
  const conditionTexts = texts(conditionValue, 'detection.condition', at('detection', 'condition'));
  if (conditionTexts.length === 0) fail('detection.condition is required', at('detection'));
  if (det.timeframe !== undefined)
    fail(
      'detection.timeframe is obsolete: write a correlation rule',
      at('detection', 'timeframe'),
      'RULE_UNSUPPORTED',
    );
  const selections = new Map<string, Selection>();
  for (const [name, value] of Object.entries(det)) {
    if (name === 'condition' || name === 'timeframe') continue;
    selections.set(name, selection(value, ['detection', name], options));
  }
  const conditions: ConditionNode[] = conditionTexts.map((c) => {
    try {
      return resolveCondition(parseCondition(c), [...selections.keys()], c);
    } catch (e) {
      if (isYaguraError(e)) fail(e.message, at('detection', 'condition'), e.code);
      throw e;
    }
  });
  const level = text(r.level, 'level', at('level'));
  if (level !== undefined && !(LEVELS as readonly string[]).includes(level))
    fail(`level must be one of ${LEVELS.join(', ')}`, at('level'));
  const status = text(r.status, 'status', at('status'));
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    fail(`status must be one of ${STATUSES.join(', ')}`, at('status'));
  const rule: SigmaRule = {
    title,
    tags: texts(r.tags, 'tags', at('tags')),
    references: texts(r.references, 'references', at('references')),
    falsepositives: texts(r.falsepositives, 'falsepositives', at('falsepositives')),
    logsource: ls,
    selections,
    condition: conditions.length === 1 ? conditions[0]! : { kind: 'or', items: conditions },
    source: {},
  };
  const id = text(r.id, 'id', at('id'));
  if (id) rule.id = id;
  const name = text(r.name, 'name', at('name'));
  if (name) rule.name = name;
  if (level) rule.level = level as Level;
  if (status) rule.status = status as Status;
  const description = text(r.description, 'description', at('description'));
  if (description) rule.description = description;
  const author = text(r.author, 'author', at('author'));
  if (author) rule.author = author;
  return rule;
}

/**
 * Builds a SigmaRule from a document already read as plain data (e.g. the detection of a Sigma filter), with the
 * same checks as a rule file; a problem is returned with the keys down to the node at fault, never thrown.
 */
export function buildRule(
  data: unknown,
  options: LoadOptions = {},
): { rule: SigmaRule } | { problem: BuildProblem } {
  try {
    return { rule: ruleFrom(data, options) };
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return { problem: { code: e.code, message: e.message, path: e.path } };
  }
}

/** Loads every YAML document of one text (a file); errors are collected, never thrown. */
export function loadRuleText(source: string, path?: string, options: LoadOptions = {}): LoadResult {
  const result: LoadResult = { rules: [], problems: [], meta: [] };
  const lines = new LineCounter();
  const docs = parseAllDocuments(source, { lineCounter: lines, prettyErrors: false });
  const where = (offset: number | undefined) =>
    offset === undefined ? {} : { line: lines.linePos(offset).line };
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const start = doc.contents?.range?.[0];
    const yamlError = doc.errors[0];
    if (yamlError) {
      // The first YAML error of a document is the one to fix; the rest usually follow from it.
      result.problems.push({
        ...(path ? { path } : {}),
        ...where(yamlError.pos[0]),
        code: 'RULE_INVALID',
        message: `YAML: ${yamlError.message.split('\n')[0]}`,
      });
      continue;
    }
    if (doc.contents === null) continue;
    const data = doc.toJS() as unknown;
    if (
      data &&
      typeof data === 'object' &&
      !Array.isArray(data) &&
      ('correlation' in data || 'filter' in data)
    ) {
      result.meta.push({
        ...(path ? { path } : {}),
        ...where(start),
        document: data as Record<string, unknown>,
        lineOf: (keys) => {
          const offset = nodeAt(doc, keys)?.range?.[0] ?? start;
          return offset === undefined ? undefined : lines.linePos(offset).line;
        },
      });
      continue;
    }
    try {
      const rule = ruleFrom(data, options);
      rule.source = { ...(path ? { path } : {}), ...where(start) };
      result.rules.push(rule);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      const title =
        data && typeof data === 'object' ? ((data as Plain).title ?? (data as Plain).id) : undefined;
      result.problems.push({
        ...(path ? { path } : {}),
        ...where(nodeAt(doc, e.path)?.range?.[0] ?? start),
        code: e.code,
        message: e.message,
        ...(typeof title === 'string' ? { rule: title } : {}),
      });
    }
  }
  return result;
}

/** Loads every .yml/.yaml file under the paths (files or folders), in name order, collecting all problems. */
export function loadRules(paths: readonly string[], options: LoadOptions = {}): LoadResult {
  const all: LoadResult = { rules: [], problems: [], meta: [] };
  const visit = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else if (/\.ya?ml$/.test(path)) {
      const r = loadRuleText(readFileSync(path, 'utf8'), path, options);
      all.rules.push(...r.rules);
      all.problems.push(...r.problems);
      all.meta.push(...r.meta);
    }
  };
  for (const p of paths) visit(p);
  return all;
}

export function problemText(p: RuleProblem): string {
  return `${p.path ?? '<rule>'}${p.line ? `:${p.line}` : ''}: ${p.code}: ${p.message}${p.rule ? ` (${p.rule})` : ''}`;
}
