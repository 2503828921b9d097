// Reads correlation documents (set aside by the Sigma loader) into CorrelationRules; problems carry file and line.
import type { MetaDocument, RuleProblem } from '../sigma/loader.js';
import { LEVELS, STATUSES, type Level, type Status } from '../sigma/rule.js';
import { readCondition } from './condition.js';
import { CORRELATION_TYPES, type CorrelationRule, type CorrelationType } from './model.js';
import { parseTimespan } from './timespan.js';

type Keys = readonly (string | number)[];

/** A correlation with the way back to its document, so later checks (references, cycles) can name the line. */
export interface LoadedCorrelation {
  rule: CorrelationRule;
  /** The problem shape the Sigma loader uses, pointing at the value under `keys` in this document. */
  problemAt(keys: Keys, code: string, message: string): RuleProblem;
}

class DocumentError extends Error {
  constructor(
    readonly keys: Keys,
    message: string,
    readonly code = 'RULE_INVALID',
  ) {
    super(message);
  }
}

function fail(keys: Keys, message: string, code?: string): never {
  throw new DocumentError(keys, message, code);
}

function text(value: unknown, keys: Keys): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(keys, `${keys.join('.')} must be text`);
  return value;
}

function texts(value: unknown, keys: Keys): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    fail(keys, `${keys.join('.')} must be a list of text`);
  return value as string[];
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readAliases(value: unknown): Map<string, Map<string, string>> {
  const aliases = new Map<string, Map<string, string>>();
  if (value === undefined || value === null) return aliases;
  if (!isMap(value))
    fail(['correlation', 'aliases'], 'correlation.aliases must be a map of alias -> rule -> field');
  for (const [alias, mapping] of Object.entries(value)) {
    const keys = ['correlation', 'aliases', alias];
    if (!isMap(mapping)) fail(keys, `alias ${alias} must map rule names to field names`);
    const byRule = new Map<string, string>();
    for (const [rule, field] of Object.entries(mapping)) {
      if (typeof field !== 'string' || field === '')
        fail([...keys, rule], `alias ${alias}: the field for rule ${rule} must be a field name`);
      byRule.set(rule, field);
    }
    aliases.set(alias, byRule);
  }
  return aliases;
}

function readGenerate(doc: Record<string, unknown>, correlation: Record<string, unknown>): boolean {
  // The spec puts `generate` beside `level`; pySigma reads it inside `correlation:`. Either is accepted.
  const outer = doc.generate;
  const inner = correlation.generate;
  for (const [value, keys] of [
    [outer, ['generate']],
    [inner, ['correlation', 'generate']],
  ] as const) {
    if (value !== undefined && typeof value !== 'boolean') fail(keys, 'generate must be true or false');
  }
  if (outer !== undefined && inner !== undefined && outer !== inner)
    fail(['correlation', 'generate'], 'generate is given twice with different values');
  return (outer ?? inner ?? false) as boolean;
}

function correlationFrom(doc: Record<string, unknown>): CorrelationRule {
  const title = text(doc.title, ['title']);
  if (!title) fail([], 'title is required');
  const section = doc.correlation;
  if (!isMap(section))
    fail(['correlation'], 'correlation must be a map (type, rules, group-by, timespan, condition)');
  const typeText = text(section.type, ['correlation', 'type']);
  if (!typeText) fail(['correlation'], `correlation.type is required (${CORRELATION_TYPES.join(', ')})`);
  if (!(CORRELATION_TYPES as readonly string[]).includes(typeText))
    fail(
      ['correlation', 'type'],
      `correlation.type "${typeText}" is not one of ${CORRELATION_TYPES.join(', ')}`,
      'RULE_UNSUPPORTED',
    );
  const type = typeText as CorrelationType;
  const rules = texts(section.rules, ['correlation', 'rules']);
  if (rules.length === 0) fail(['correlation'], 'correlation.rules must name at least one rule (id or name)');
  rules.forEach((r, i) => {
    if (rules.indexOf(r) !== i) fail(['correlation', 'rules', i], `correlation.rules names ${r} twice`);
  });
  const groupBy = texts(section['group-by'], ['correlation', 'group-by']);
  const timespan = parseTimespan(section.timespan);
  if (section.timespan === undefined) fail(['correlation'], 'correlation.timespan is required (e.g. "10m")');
  if ('error' in timespan) fail(['correlation', 'timespan'], timespan.error);
  const condition = readCondition(section.condition, type, rules.length);
  if ('error' in condition) {
    const keys = condition.error.key
      ? ['correlation', 'condition', condition.error.key]
      : ['correlation', section.condition === undefined ? 'type' : 'condition'];
    fail(keys, condition.error.message);
  }
  const level = text(doc.level, ['level']);
  if (level !== undefined && !(LEVELS as readonly string[]).includes(level))
    fail(['level'], `level must be one of ${LEVELS.join(', ')}`);
  const status = text(doc.status, ['status']);
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    fail(['status'], `status must be one of ${STATUSES.join(', ')}`);
  const rule: CorrelationRule = {
    title,
    tags: texts(doc.tags, ['tags']),
    type,
    rules,
    groupBy,
    timespan: { text: String(section.timespan), ms: timespan.ms },
    condition: condition.condition,
    aliases: readAliases(section.aliases),
    generate: readGenerate(doc, section),
    source: {},
  };
  const optional = { id: doc.id, name: doc.name, description: doc.description, author: doc.author };
  for (const [key, value] of Object.entries(optional)) {
    const v = text(value, [key]);
    if (v) rule[key as 'id' | 'name' | 'description' | 'author'] = v;
  }
  if (level) rule.level = level as Level;
  if (status) rule.status = status as Status;
  return rule;
}

function problemFor(meta: MetaDocument, keys: Keys, code: string, message: string): RuleProblem {
  const title = meta.document.title ?? meta.document.name ?? meta.document.id;
  const line = meta.lineOf?.(keys) ?? meta.line;
  return {
    ...(meta.path !== undefined ? { path: meta.path } : {}),
    ...(line !== undefined ? { line } : {}),
    code,
    message,
    ...(typeof title === 'string' ? { rule: title } : {}),
  };
}

/** Reads one correlation document; the first problem found is returned instead, never thrown. */
export function loadCorrelation(meta: MetaDocument): LoadedCorrelation | { problem: RuleProblem } {
  try {
    const rule = correlationFrom(meta.document);
    rule.source = {
      ...(meta.path !== undefined ? { path: meta.path } : {}),
      ...(meta.line !== undefined ? { line: meta.line } : {}),
    };
    return { rule, problemAt: (keys, code, message) => problemFor(meta, keys, code, message) };
  } catch (e) {
    if (!(e instanceof DocumentError)) throw e;
    return { problem: problemFor(meta, e.keys, e.code, e.message) };
  }
}
