// Sigma conditions: the grammar of spec 2.1 (or/and/not, parentheses, "1 of"/"all of" patterns, "them") to a tree.
import { YaguraError } from '../../core/errors.js';

export type ConditionNode =
  | { kind: 'or' | 'and'; items: ConditionNode[] }
  | { kind: 'not'; item: ConditionNode }
  | { kind: 'ref'; name: string }
  /** `1 of x*` / `all of x*`: resolved against the rule's identifiers by `resolveCondition`. */
  | { kind: 'of'; quantifier: 'one' | 'all'; pattern: string };

interface Token {
  text: string;
  offset: number;
}

// Identifiers as pySigma reads them (letters, digits, _ and -), patterns also with *; parentheses stand alone.
const TOKEN = /\s*(\(|\)|[A-Za-z0-9_*-]+)/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) {
      if (/^\s*$/.test(text.slice(at))) break;
      const offset = at + (text.slice(at).length - text.slice(at).trimStart().length);
      throw syntax(
        text,
        offset,
        text[offset] === '|'
          ? 'pipe aggregations (" | count() ...") are obsolete: write a correlation rule'
          : `unexpected "${text[offset]}"`,
      );
    }
    tokens.push({ text: m[1]!, offset: m.index + m[0].length - m[1]!.length });
    at = TOKEN.lastIndex;
  }
  return tokens;
}

function syntax(text: string, offset: number, what: string): YaguraError {
  return new YaguraError('RULE_CONDITION_SYNTAX', `condition "${text}": ${what} at column ${offset + 1}`, {
    location: { offset, column: offset + 1 },
  });
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them']);

/** Parses one condition string. Keywords are lower case, as in the spec; `any of` is read as `1 of`, as pySigma does. */
export function parseCondition(text: string): ConditionNode {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): string | undefined => tokens[i]?.text;
  const where = (): number => tokens[i]?.offset ?? text.length;

  function orExpr(): ConditionNode {
    const items = [andExpr()];
    while (peek() === 'or') {
      i++;
      items.push(andExpr());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }
  function andExpr(): ConditionNode {
    const items = [notExpr()];
    while (peek() === 'and') {
      i++;
      items.push(notExpr());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }
  function notExpr(): ConditionNode {
    if (peek() === 'not') {
      i++;
      return { kind: 'not', item: notExpr() };
    }
    return atom();
  }
  function atom(): ConditionNode {
    const token = tokens[i];
    if (!token) throw syntax(text, text.length, 'the condition ends where a selection was expected');
    if (token.text === '(') {
      i++;
      const inner = orExpr();
      if (peek() !== ')') throw syntax(text, where(), 'missing ")"');
      i++;
      return inner;
    }
    if (token.text === '1' || token.text === 'all' || token.text === 'any') {
      if (tokens[i + 1]?.text === 'of') {
        const target = tokens[i + 2];
        if (
          !target ||
          target.text === '(' ||
          target.text === ')' ||
          (KEYWORDS.has(target.text) && target.text !== 'them')
        ) {
          throw syntax(
            text,
            target?.offset ?? text.length,
            `"${token.text} of" needs a selection pattern or "them"`,
          );
        }
        i += 3;
        return { kind: 'of', quantifier: token.text === 'all' ? 'all' : 'one', pattern: target.text };
      }
    }
    if (token.text === ')' || KEYWORDS.has(token.text))
      throw syntax(text, token.offset, `unexpected "${token.text}"`);
    if (token.text.includes('*'))
      throw syntax(text, token.offset, `a pattern ("${token.text}") needs "1 of" or "all of"`);
    i++;
    return { kind: 'ref', name: token.text };
  }

  const tree = orExpr();
  if (i < tokens.length) throw syntax(text, where(), `unexpected "${tokens[i]!.text}"`);
  return tree;
}

function patternRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/**
 * Replaces `of` nodes by the identifiers they cover and checks every reference. Identifiers starting with `_` are left
 * out of `them` and of patterns, unless the pattern itself starts with `_` (pySigma's rule, used by filters).
 */
export function resolveCondition(
  node: ConditionNode,
  identifiers: readonly string[],
  text: string,
): ConditionNode {
  switch (node.kind) {
    case 'or':
    case 'and':
      return { kind: node.kind, items: node.items.map((n) => resolveCondition(n, identifiers, text)) };
    case 'not':
      return { kind: 'not', item: resolveCondition(node.item, identifiers, text) };
    case 'ref':
      if (!identifiers.includes(node.name)) {
        throw new YaguraError(
          'RULE_CONDITION_SYNTAX',
          `condition "${text}": no selection named "${node.name}"`,
        );
      }
      return node;
    case 'of': {
      const matching =
        node.pattern === 'them'
          ? identifiers.filter((id) => !id.startsWith('_'))
          : identifiers.filter(
              (id) =>
                patternRegex(node.pattern).test(id) && (node.pattern.startsWith('_') || !id.startsWith('_')),
            );
      if (matching.length === 0) {
        throw new YaguraError(
          'RULE_CONDITION_SYNTAX',
          `condition "${text}": "${node.pattern}" matches no selection`,
        );
      }
      const refs: ConditionNode[] = matching.map((name) => ({ kind: 'ref', name }));
      return refs.length === 1 ? refs[0]! : { kind: node.quantifier === 'all' ? 'and' : 'or', items: refs };
    }
  }
}
