// The parsed form of a rule's regex: flags already applied, groups gone (test() needs no captures).
import type { CharSet } from './charset.js';

/** Zero-width conditions; `line*` are ^ and $ under the m flag, `text*` are ^ $ without it and \A \z. */
export type Assertion =
  'textStart' | 'textEnd' | 'lineStart' | 'lineEnd' | 'wordBoundary' | 'notWordBoundary';

export type Node =
  | { kind: 'empty' }
  /** One code unit from the set; case folding and the s flag are already in the set. */
  | { kind: 'set'; set: CharSet }
  | { kind: 'assert'; what: Assertion }
  | { kind: 'concat'; items: Node[] }
  | { kind: 'alt'; items: Node[] }
  /** max is Infinity when unbounded. Greedy and lazy forms give the same answer to test(). */
  | { kind: 'repeat'; item: Node; min: number; max: number };

export const EMPTY: Node = { kind: 'empty' };

export function concat(items: Node[]): Node {
  const flat = items.flatMap((n) => (n.kind === 'concat' ? n.items : n.kind === 'empty' ? [] : [n]));
  if (flat.length === 0) return EMPTY;
  return flat.length === 1 ? (flat[0] as Node) : { kind: 'concat', items: flat };
}

export function alt(items: Node[]): Node {
  return items.length === 1 ? (items[0] as Node) : { kind: 'alt', items };
}
