// What Sigma modifiers work on: a detection item's values as they pass through the modifier chain, left to right.
import type { Cidr } from '../../../search/cidr.js';
import type { Pattern } from '../value.js';

export type SigmaValue =
  /** Text with wildcards (plain strings, and numbers or booleans compared as their text). */
  | {
      type: 'pattern';
      pattern: Pattern;
      /** The value as written in the rule, for `re` (a regex is not wildcard text). */
      raw?: string;
      /** A number in the rule also equals the same number in the event. */
      number?: number;
      /** Set by wide/utf16*: the text is meant in this encoding (base64 encodes those bytes). */
      encoding?: 'utf16le' | 'utf16be' | 'utf16';
    }
  | { type: 'regex'; source: string; flags: string }
  | { type: 'cidr'; cidr: Cidr; text: string }
  | { type: 'compare'; op: 'lt' | 'lte' | 'gt' | 'gte'; number: number }
  | { type: 'exists'; exists: boolean }
  /** The value of another field of the same event; `start`/`end` add contains/startswith/endswith semantics. */
  | { type: 'fieldref'; field: string; start: boolean; end: boolean }
  | { type: 'timepart'; part: TimePart; number: number }
  | { type: 'null' };

export type TimePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Item-wide switches some modifiers set instead of changing values. */
export interface ItemFlags {
  /** `all`: every value must match (AND) instead of any (OR). */
  all: boolean;
  /** `cased`: compare text case-sensitively. */
  cased: boolean;
  /** `neq`: the item holds when the field differs from every value. */
  negate: boolean;
}

export interface ModifierContext {
  /** The modifier's name as written, for messages. */
  name: string;
  /** The modifiers before this one in the chain. */
  before: readonly string[];
  flags: ItemFlags;
  /** Values for `%name%` placeholders (`expand`), from configuration. */
  placeholders: ReadonlyMap<string, readonly string[]>;
}

/** A modifier maps the values to new values (a list may grow: windash, base64offset) or sets flags; throws on misuse. */
export type Modifier = (values: SigmaValue[], ctx: ModifierContext) => SigmaValue[];
