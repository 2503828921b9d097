// Compiles a parsed regex to a Thompson NFA program: instructions in flat arrays, and the alphabet of its sets.
import { YaguraError } from '../../../core/errors.js';
import { buildAlphabet, type Alphabet } from './alphabet.js';
import type { Assertion, Node } from './ast.js';
import { LINE_TERMINATOR, WORD, type CharSet } from './charset.js';

/** Consume one unit in set `arg`, then go to `next`. */
export const OP_SET = 0;
/** Go to both `next` and `alt`. */
export const OP_SPLIT = 1;
/** Go to `next` when assertion `arg` holds between the previous and the next unit. */
export const OP_ASSERT = 2;
export const OP_MATCH = 3;

/** What the unit on each side of a position is, for assertions: the text's edge, a line break, a word unit, other. */
export const KIND_EDGE = 0;
export const KIND_LINE = 1;
export const KIND_WORD = 2;
export const KIND_OTHER = 3;

const ASSERTIONS: readonly Assertion[] = [
  'textStart',
  'textEnd',
  'lineStart',
  'lineEnd',
  'wordBoundary',
  'notWordBoundary',
];

/** Above this many instructions a regex is refused: every step of the matcher may visit each instruction. */
export const PROGRAM_MAX = 10_000;

export interface Program {
  op: Uint8Array;
  next: Int32Array;
  alt: Int32Array;
  arg: Int32Array;
  size: number;
  start: number;
  /** Every match starts at offset 0 (the pattern begins with ^ or \A), so no thread starts later. */
  anchored: boolean;
  alphabet: Alphabet;
  /** KIND_* of each class (all KIND_OTHER when the program has no assertions). */
  kindOfClass: Uint8Array;
  hasAssertions: boolean;
  /** holds[assertion * 16 + prevKind * 4 + nextKind] is 1 when the assertion holds there. */
  holds: Uint8Array;
}

function holdsTable(): Uint8Array {
  const table = new Uint8Array(ASSERTIONS.length * 16);
  const isWord = (k: number) => k === KIND_WORD;
  ASSERTIONS.forEach((what, a) => {
    for (let prev = 0; prev < 4; prev++) {
      for (let next = 0; next < 4; next++) {
        const ok =
          what === 'textStart'
            ? prev === KIND_EDGE
            : what === 'textEnd'
              ? next === KIND_EDGE
              : what === 'lineStart'
                ? prev === KIND_EDGE || prev === KIND_LINE
                : what === 'lineEnd'
                  ? next === KIND_EDGE || next === KIND_LINE
                  : what === 'wordBoundary'
                    ? isWord(prev) !== isWord(next)
                    : isWord(prev) === isWord(next);
        table[a * 16 + prev * 4 + next] = ok ? 1 : 0;
      }
    }
  });
  return table;
}

const HOLDS = holdsTable();

/** How many instructions the node compiles to, without building them (so a huge repeat is refused cheaply). */
function cost(node: Node): number {
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'set':
    case 'assert':
      return 1;
    case 'concat':
      return node.items.reduce((n, item) => n + cost(item), 0);
    case 'alt':
      return node.items.reduce((n, item) => n + cost(item), node.items.length - 1);
    case 'repeat': {
      const body = cost(node.item);
      return node.max === Infinity ? (node.min + 1) * body + 1 : node.max * body + (node.max - node.min);
    }
  }
}

/** Whether every match of the node must begin at the start of the text. */
function startsAnchored(node: Node): boolean {
  switch (node.kind) {
    case 'assert':
      return node.what === 'textStart';
    case 'concat':
      return startsAnchored(node.items[0] as Node);
    case 'alt':
      return node.items.every(startsAnchored);
    case 'repeat':
      return node.min > 0 && startsAnchored(node.item);
    default:
      return false;
  }
}

class Builder {
  op: number[] = [];
  next: number[] = [];
  alt: number[] = [];
  arg: number[] = [];
  sets: CharSet[] = [];
  private setIndex = new Map<string, number>();
  hasAssertions = false;

  emit(op: number, next: number, alt = -1, arg = -1): number {
    this.op.push(op);
    this.next.push(next);
    this.alt.push(alt);
    this.arg.push(arg);
    return this.op.length - 1;
  }

  setId(set: CharSet): number {
    const key = set.join(',');
    let id = this.setIndex.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(set);
      this.setIndex.set(key, id);
    }
    return id;
  }

  /** Emits the node so that it continues to `next`; returns its entry. Built back to front, so no jumps. */
  node(node: Node, next: number): number {
    switch (node.kind) {
      case 'empty':
        return next;
      case 'set':
        return this.emit(OP_SET, next, -1, this.setId(node.set));
      case 'assert':
        this.hasAssertions = true;
        return this.emit(OP_ASSERT, next, -1, ASSERTIONS.indexOf(node.what));
      case 'concat': {
        let entry = next;
        for (let i = node.items.length - 1; i >= 0; i--) entry = this.node(node.items[i] as Node, entry);
        return entry;
      }
      case 'alt': {
        let entry = this.node(node.items[node.items.length - 1] as Node, next);
        for (let i = node.items.length - 2; i >= 0; i--)
          entry = this.emit(OP_SPLIT, this.node(node.items[i] as Node, next), entry);
        return entry;
      }
      case 'repeat':
        return this.repeat(node.item, node.min, node.max, next);
    }
  }

  private repeat(item: Node, min: number, max: number, next: number): number {
    let tail = next;
    if (max === Infinity) {
      const loop = this.emit(OP_SPLIT, -1, next);
      this.next[loop] = this.node(item, loop);
      tail = loop;
    } else {
      // x{2,4} is x x (x (x)?)?: each optional copy leads to the next one or straight out.
      for (let k = 0; k < max - min; k++) tail = this.emit(OP_SPLIT, this.node(item, tail), next);
    }
    for (let k = 0; k < min; k++) tail = this.node(item, tail);
    return tail;
  }
}

export function compileProgram(ast: Node, source: string): Program {
  const size = cost(ast) + 1;
  if (size > PROGRAM_MAX) {
    throw new YaguraError(
      'RULE_UNSUPPORTED',
      `regex "${source}": it expands to ${size} instructions, above the limit of ${PROGRAM_MAX} (nested or large repetitions)`,
    );
  }
  const b = new Builder();
  const match = b.emit(OP_MATCH, -1);
  const start = b.node(ast, match);
  // Word units and line breaks must be classes of their own for the DFA to see what an assertion sees.
  const sets = b.hasAssertions ? [...b.sets, WORD, LINE_TERMINATOR] : b.sets;
  const alphabet = buildAlphabet(sets);
  const kindOfClass = new Uint8Array(alphabet.count).fill(KIND_OTHER);
  if (b.hasAssertions) {
    const word = b.sets.length;
    const line = word + 1;
    for (let c = 0; c < alphabet.count; c++) {
      if (alphabet.member[line * alphabet.count + c]) kindOfClass[c] = KIND_LINE;
      else if (alphabet.member[word * alphabet.count + c]) kindOfClass[c] = KIND_WORD;
    }
  }
  return {
    op: Uint8Array.from(b.op),
    next: Int32Array.from(b.next),
    alt: Int32Array.from(b.alt),
    arg: Int32Array.from(b.arg),
    size: b.op.length,
    start,
    anchored: startsAnchored(ast),
    alphabet,
    kindOfClass,
    hasAssertions: b.hasAssertions,
    holds: HOLDS,
  };
}
