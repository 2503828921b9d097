// One detection item (`Image|endswith: [...]`): the rule's values read as Sigma values, then the modifier chain applied.
import { YaguraError } from '../../core/errors.js';
import { MODIFIERS } from './modifiers/index.js';
import type { ItemFlags, SigmaValue } from './modifiers/types.js';
import { parsePattern } from './value.js';

export type RuleScalar = string | number | boolean | null;

export interface DetectionItem {
  /** The Sigma field name, or undefined for keywords (a search across the whole event). */
  field: string | undefined;
  values: SigmaValue[];
  flags: ItemFlags;
}

/** A value as the rule wrote it: text is wildcard-parsed now (escapes before modifiers), numbers keep their number. */
export function readValue(value: RuleScalar): SigmaValue {
  if (value === null) return { type: 'null' };
  if (typeof value === 'number')
    return { type: 'pattern', pattern: [String(value)], raw: String(value), number: value };
  if (typeof value === 'boolean') return { type: 'pattern', pattern: [String(value)], raw: String(value) };
  const number = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
  return {
    type: 'pattern',
    pattern: parsePattern(value),
    raw: value,
    ...(number !== undefined ? { number } : {}),
  };
}

/**
 * Builds an item from a detection key (`Image|endswith|windash`, or `|all` for keywords) and its value(s).
 * Throws RULE_UNKNOWN_MODIFIER for a word the spec does not define or a chain that cannot work.
 */
export function buildItem(
  key: string | undefined,
  raw: RuleScalar | RuleScalar[],
  placeholders: ReadonlyMap<string, readonly string[]> = new Map(),
): DetectionItem {
  const [name, ...modifiers] = (key ?? '').split('|');
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > 1 && list.includes(null)) {
    throw new YaguraError(
      'RULE_INVALID',
      `${key}: null cannot be mixed with other values; put it in its own selection`,
    );
  }
  // An empty list means "no value": like null, as pySigma reads it.
  let values: SigmaValue[] = list.length === 0 ? [{ type: 'null' }] : list.map(readValue);
  const flags: ItemFlags = { all: false, cased: false, negate: false };
  modifiers.forEach((word, index) => {
    const modifier = MODIFIERS[word];
    if (!modifier) {
      throw new YaguraError('RULE_UNKNOWN_MODIFIER', `${key}: unknown modifier "${word}"`);
    }
    values = modifier(values, { name: word, before: modifiers.slice(0, index), flags, placeholders });
  });
  return { field: name === '' ? undefined : name, values, flags };
}
