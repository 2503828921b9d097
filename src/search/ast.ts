// The search-query AST: what `parseQuery` produces and every backend (SQLite, JS predicate, ClickHouse) compiles.
//
// It is backend-neutral and plain data (JSON-serialisable). Field names are canonical (aliases such as `time`
// are already resolved, see fields.ts), times are resolved to epoch ms, and CIDRs are normalised.

export type QueryNode =
  | MatchAllNode
  | AndNode
  | OrNode
  | NotNode
  | TermNode
  | WildcardNode
  | ExistsNode
  | RangeNode
  | CidrNode
  | FullTextNode;

/** Matches every event: the empty query and `*`. */
export interface MatchAllNode {
  kind: 'all';
}

/** Every child matches; always two or more children. */
export interface AndNode {
  kind: 'and';
  children: QueryNode[];
}

/** At least one child matches; always two or more children. */
export interface OrNode {
  kind: 'or';
  children: QueryNode[];
}

export interface NotNode {
  kind: 'not';
  child: QueryNode;
}

/**
 * `field:value` or `field:"quoted value"`: some value of the field equals `value` as a whole.
 * Strings compare case-insensitively (ASCII letters). When `value` is a decimal number (`443`, `-1.5`)
 * a numeric stored value equal to it matches too; `true`/`false` also match stored booleans.
 */
export interface TermNode {
  kind: 'term';
  field: string;
  value: string;
  /** Whether the value was quoted (informational: quoting turns wildcards off, the match is the same). */
  quoted: boolean;
}

/** One piece of a wildcard pattern: literal text, `*` (any run, possibly empty) or `?` (exactly one character). */
export type PatternPart = { kind: 'literal'; text: string } | { kind: 'many' } | { kind: 'one' };

/** `field:adm*`: some value of the field matches the pattern as a whole (case-insensitive, ASCII letters). */
export interface WildcardNode {
  kind: 'wildcard';
  field: string;
  pattern: PatternPart[];
}

/** `field:*`: the field is present with at least one non-null value. */
export interface ExistsNode {
  kind: 'exists';
  field: string;
}

export interface RangeBound {
  value: number;
  inclusive: boolean;
}

/**
 * `field:[1 TO 1024]`, `field:{a TO b}`, `field:>=1024` (one bound absent).
 * `type: 'number'` compares numeric values and decimal-number strings; `type: 'time'` has bounds in epoch ms
 * and compares numeric values (as epoch ms) and ISO 8601 strings.
 */
export interface RangeNode {
  kind: 'range';
  field: string;
  type: 'number' | 'time';
  lower?: RangeBound;
  upper?: RangeBound;
}

/** `source.ip:10.0.0.0/8`: some value of the field is an IP address inside the network. */
export interface CidrNode {
  kind: 'cidr';
  field: string;
  /** Normalised network text, host bits cleared: "10.0.0.0/8", "2001:db8::/32". */
  cidr: string;
}

/**
 * A bare word or quoted phrase: full-text search over the message and the raw text.
 * - `word` / `phrase`: the value's tokens appear consecutively (token match, as SQLite FTS5 unicode61 does).
 * - `prefix`: as `phrase`, the last token only needs to start with the given text (`adm*`).
 * - `wildcard`: any other wildcard use (`*admin`, `a?min`): the pattern matches a substring of the text.
 */
export type FullTextNode =
  | { kind: 'text'; match: 'word' | 'phrase' | 'prefix'; value: string }
  | { kind: 'text'; match: 'wildcard'; pattern: PatternPart[] };

export const matchAll: MatchAllNode = Object.freeze({ kind: 'all' }) as MatchAllNode;
