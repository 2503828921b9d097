// Building search-AST nodes for compiled rules: folding and/or/not with the constants, and keeping SQL shallow.
import { matchAll, type QueryNode } from '../../../search/ast.js';

export const ALL: QueryNode = matchAll;
/** Matches no event; both search backends compile `NOT (all)` to false. */
export const NONE: QueryNode = Object.freeze({ kind: 'not', child: matchAll }) as QueryNode;

export const isAll = (n: QueryNode): boolean => n.kind === 'all';
export const isNone = (n: QueryNode): boolean => n.kind === 'not' && n.child.kind === 'all';

function gather(kind: 'and' | 'or', items: readonly QueryNode[]): QueryNode[] {
  const out: QueryNode[] = [];
  for (const n of items) {
    if (n.kind === kind) out.push(...n.children);
    else out.push(n);
  }
  return out;
}

/** Whether some child is the negation of another (the same node: a condition naming one selection twice). */
function contradicts(children: readonly QueryNode[]): boolean {
  const seen = new Set(children);
  return children.some((n) => n.kind === 'not' && seen.has(n.child));
}

export function and(items: readonly QueryNode[]): QueryNode {
  const children = gather('and', items).filter((n) => !isAll(n));
  if (children.some(isNone) || contradicts(children)) return NONE;
  if (children.length === 0) return ALL;
  return children.length === 1 ? children[0]! : { kind: 'and', children };
}

export function or(items: readonly QueryNode[]): QueryNode {
  const children = gather('or', items).filter((n) => !isNone(n));
  if (children.some(isAll) || contradicts(children)) return ALL;
  if (children.length === 0) return NONE;
  return children.length === 1 ? children[0]! : { kind: 'or', children };
}

export function not(item: QueryNode): QueryNode {
  if (isAll(item)) return NONE;
  if (isNone(item)) return ALL;
  return item.kind === 'not' ? item.child : { kind: 'not', child: item };
}

// SQLite refuses expressions nested deeper than 1000, and `a OR b OR c ...` nests one level per operand: a rule
// with thousands of values must become a tree of small groups.
const FAN_OUT = 32;

/** The same query with every and/or of more than 32 children regrouped into nested groups of at most 32. */
export function balance(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'and':
    case 'or': {
      let children = node.children.map(balance);
      while (children.length > FAN_OUT) {
        const groups: QueryNode[] = [];
        for (let i = 0; i < children.length; i += FAN_OUT) {
          const slice = children.slice(i, i + FAN_OUT);
          groups.push(slice.length === 1 ? slice[0]! : { kind: node.kind, children: slice });
        }
        children = groups;
      }
      return { kind: node.kind, children };
    }
    case 'not':
      return { kind: 'not', child: balance(node.child) };
    default:
      return node;
  }
}

/** How many field and text tests the query holds (its size in SQL parameters, roughly). */
export function leafCount(node: QueryNode): number {
  switch (node.kind) {
    case 'all':
      return 0;
    case 'and':
    case 'or':
      return node.children.reduce((n, c) => n + leafCount(c), 0);
    case 'not':
      return leafCount(node.child);
    default:
      return 1;
  }
}

/**
 * Whether the query selects little beyond "the field is there": with every presence test taken as true it
 * would select everything. Such a query costs a store more than it saves.
 */
export function isPresenceOnly(node: QueryNode): boolean {
  const strip = (n: QueryNode, positive: boolean): QueryNode => {
    switch (n.kind) {
      case 'exists':
        // "Has the field" selects most events of a log source; "lacks it" few, so that one still narrows.
        return positive ? ALL : n;
      case 'and':
        return and(n.children.map((c) => strip(c, positive)));
      case 'or':
        return or(n.children.map((c) => strip(c, positive)));
      case 'not':
        return not(strip(n.child, !positive));
      default:
        return n;
    }
  };
  return isAll(strip(node, true));
}

/**
 * How many times a store reads a field (or the text) to decide an event, at worst: the SQL compiler reads a field
 * once for all the alternatives of one OR, and that read is what costs (a json_each), not the comparisons.
 */
export function probeCount(node: QueryNode): number {
  switch (node.kind) {
    case 'all':
      return 0;
    case 'and':
      return node.children.reduce((n, c) => n + probeCount(c), 0);
    case 'or': {
      const fields = new Set<string>();
      let n = 0;
      for (const c of node.children) {
        if ('field' in c) fields.add(c.field);
        else n += probeCount(c);
      }
      return n + fields.size;
    }
    case 'not':
      return probeCount(node.child);
    default:
      return 1;
  }
}
