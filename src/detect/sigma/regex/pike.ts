// Simulates the NFA over a text, all threads in step (Pike VM without captures): O(text x program) in the worst case.
import { classOf } from './alphabet.js';
import { KIND_EDGE, OP_ASSERT, OP_SET, OP_SPLIT, type Program } from './program.js';

/** Work done, for tests that check that matching is linear by counting instead of timing. */
export interface Counter {
  steps: number;
}

/** The instruction MATCH is emitted first, so it is always 0. */
export const MATCH_PC = 0;

/** A set of instructions with O(1) add, test and clear (Briggs and Torczon's sparse set). */
export class SparseSet {
  readonly dense: Int32Array;
  private readonly sparse: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.dense = new Int32Array(capacity);
    this.sparse = new Int32Array(capacity);
  }

  has(x: number): boolean {
    const i = this.sparse[x] as number;
    return i < this.size && this.dense[i] === x;
  }

  add(x: number): void {
    this.sparse[x] = this.size;
    this.dense[this.size++] = x;
  }

  clear(): void {
    this.size = 0;
  }
}

/** Scratch space for one matcher: the closure set, two sets of targets and the closure stack. */
export class Scratch {
  readonly closed: SparseSet;
  readonly targets: SparseSet;
  readonly spare: SparseSet;
  readonly stack: Int32Array;

  constructor(prog: Program) {
    this.closed = new SparseSet(prog.size);
    this.targets = new SparseSet(prog.size);
    this.spare = new SparseSet(prog.size);
    // Seeds (at most one per instruction) plus two pushes per instruction visited.
    this.stack = new Int32Array(3 * prog.size + 2);
  }
}

/**
 * Adds the first `top` instructions on `stack` and every instruction reachable from them without consuming a unit
 * to `into`, given the kinds of the units before and after the position (assertions are decided there).
 */
export function close(
  prog: Program,
  stack: Int32Array,
  top: number,
  prev: number,
  next: number,
  into: SparseSet,
  counter: Counter,
): void {
  const { op, holds, alt, arg } = prog;
  const following = prog.next;
  const before = into.size;
  while (top > 0) {
    const at = stack[--top] as number;
    if (into.has(at)) continue;
    into.add(at);
    const o = op[at];
    if (o === OP_SPLIT) {
      stack[top++] = alt[at] as number;
      stack[top++] = following[at] as number;
    } else if (o === OP_ASSERT && holds[(arg[at] as number) * 16 + prev * 4 + next]) {
      stack[top++] = following[at] as number;
    }
  }
  counter.steps += into.size - before;
}

/**
 * From the closed set of one position, the targets after consuming a unit of class `cls`. Adds them to
 * `into` (cleared first).
 */
export function step(prog: Program, closed: SparseSet, cls: number, into: SparseSet, counter: Counter): void {
  into.clear();
  const { op, arg, next } = prog;
  const { member, count } = prog.alphabet;
  for (let i = 0; i < closed.size; i++) {
    const pc = closed.dense[i] as number;
    if (op[pc] !== OP_SET || !member[(arg[pc] as number) * count + cls]) continue;
    const to = next[pc] as number;
    if (!into.has(to)) into.add(to);
  }
  counter.steps += closed.size;
}

/** Whether the program matches somewhere in the text, by simulating the NFA. */
export function pikeTest(
  prog: Program,
  text: string,
  counter: Counter,
  scratch = new Scratch(prog),
): boolean {
  let current = scratch.targets;
  let following = scratch.spare;
  const { closed, stack } = scratch;
  const { kindOfClass, alphabet } = prog;
  current.clear();
  if (prog.anchored) current.add(prog.start);
  let prev = KIND_EDGE;
  for (let i = 0; ; i++) {
    const cls = i < text.length ? classOf(alphabet, text.charCodeAt(i)) : -1;
    const next = cls < 0 ? KIND_EDGE : (kindOfClass[cls] as number);
    closed.clear();
    let top = 0;
    for (; top < current.size; top++) stack[top] = current.dense[top] as number;
    if (!prog.anchored) stack[top++] = prog.start;
    close(prog, stack, top, prev, next, closed, counter);
    if (closed.has(MATCH_PC)) return true;
    if (cls < 0) return false;
    step(prog, closed, cls, following, counter);
    if (prog.anchored && following.size === 0) return false;
    [current, following] = [following, current];
    prev = next;
  }
}
