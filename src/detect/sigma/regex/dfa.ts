// A DFA built lazily from the NFA while texts are matched: one state per set of NFA threads met, one transition per
// class, in a bounded cache that is emptied when full. A text costs one table lookup per unit once its states exist.
import { classOf } from './alphabet.js';
import { close, MATCH_PC, Scratch, step, type Counter } from './pike.js';
import { KIND_EDGE, type Program } from './program.js';

const UNKNOWN = -1;
const MATCHED = -2;
const DEAD = -3;
/** Transitions at or below this go to a state with no thread alive: row = IDLE - value. */
const IDLE = -4;

// Cache budget, about 7 MB at most per regex (RE2 gives a regex 8 MB by default): 1 MB of transitions (4 bytes
// each), and the NFA threads of the states, 4 bytes each plus 2 in the keys that find the states.
const MAX_TRANSITIONS = 1 << 18;
const MAX_THREADS = 1 << 20;
export const MAX_STATES = 4096;
/** A text that empties the cache this often is finished by the NFA, which needs no cache. */
const MAX_FLUSHES_PER_TEXT = 3;

export class LazyDfa {
  /** trans[row + cls], where a state's row is its number times the class count: the next row, or a code. */
  private trans: Int32Array;
  /** Per state: whether a match ends at the end of the text (-1 not known yet). */
  private atEnd: Int8Array;
  private targets: Int32Array[] = [];
  private kinds: number[] = [];
  private readonly ids = new Map<string, number>();
  /** NFA threads held by all states. */
  private threads = 0;
  /** The row of the state with no thread alive after a unit of each kind (-1 not made yet). */
  private readonly idle = new Int32Array(4);
  private readonly classes: number;
  private readonly maxStates: number;
  private readonly scratch: Scratch;
  /** Where each unit that can begin a match occurs next in the current text (-2 not looked up yet). */
  private readonly nextAt: Int32Array;
  /** How many times the cache was emptied, over the DFA's life. */
  flushes = 0;

  private readonly starts: readonly string[];
  private readonly offset: number;

  /**
   * `anchor` names units one of which every match holds at `offset` from its start (see anchorUnits): with no
   * thread alive, the DFA then jumps with indexOf to the next place they allow instead of stepping to it.
   */
  constructor(
    private readonly prog: Program,
    private readonly counter: Counter,
    anchor?: { offset: number; units: readonly string[] },
  ) {
    this.starts = anchor?.units ?? [];
    this.offset = anchor?.offset ?? 0;
    this.classes = prog.alphabet.count;
    this.maxStates = Math.max(16, Math.min(MAX_STATES, Math.floor(MAX_TRANSITIONS / this.classes)));
    this.scratch = new Scratch(prog);
    this.nextAt = new Int32Array(this.starts.length);
    const capacity = Math.min(16, this.maxStates);
    this.trans = new Int32Array(capacity * this.classes).fill(UNKNOWN);
    this.atEnd = new Int8Array(capacity).fill(-1);
    this.reset();
  }

  /** Number of states in the cache now. */
  get states(): number {
    return this.targets.length;
  }

  /** Whether the program matches in the text; undefined when the cache thrashed (the caller runs the NFA). */
  test(text: string): boolean | undefined {
    const alphabet = this.prog.alphabet;
    const ascii = alphabet.ascii;
    const n = text.length;
    const flushes = this.flushes;
    let trans = this.trans;
    let s = 0;
    let i = 0;
    if (this.starts.length > 0) {
      this.nextAt.fill(-2);
      i = this.nextStart(text, 0);
      if (i < 0) return this.finish(n, false);
      s = this.idleRow(text, i);
      trans = this.trans;
    }
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      let t = trans[s + (c < 128 ? (ascii[c] as number) : classOf(alphabet, c))] as number;
      if (t < 0) {
        if (t === UNKNOWN) {
          t = this.build(s, c < 128 ? (ascii[c] as number) : classOf(alphabet, c));
          trans = this.trans;
          if (this.flushes - flushes > MAX_FLUSHES_PER_TEXT) return this.finish(i, undefined);
        }
        if (t === MATCHED) return this.finish(i + 1, true);
        if (t === DEAD) return this.finish(i + 1, false);
        if (t <= IDLE) {
          const j = this.nextStart(text, i + 1);
          if (j < 0) return this.finish(n, false);
          // Making an idle state may grow the table, so the local copy is refreshed.
          s = j === i + 1 ? IDLE - t : this.idleRow(text, j);
          trans = this.trans;
          i = j - 1;
          continue;
        }
      }
      s = t;
    }
    return this.finish(n, this.matchesAtEnd(s));
  }

  private finish<T>(scanned: number, answer: T): T {
    this.counter.steps += scanned;
    return answer;
  }

  /** The first position at or after `from` where a match can start, as the anchor units say, or -1. */
  private nextStart(text: string, from: number): number {
    let best = -1;
    const offset = this.offset;
    for (let k = 0; k < this.starts.length; k++) {
      // Each unit's next occurrence is remembered, so a text costs each unit one pass of indexOf at most.
      let at = this.nextAt[k] as number;
      if (at === -2 || (at >= 0 && at < from + offset)) {
        at = text.indexOf(this.starts[k] as string, from + offset);
        this.nextAt[k] = at;
      }
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    return best < 0 ? -1 : best - offset;
  }

  /** The row of the idle state at position `at` (which depends on the unit before it when there are assertions). */
  private idleRow(text: string, at: number): number {
    let kind = KIND_EDGE;
    if (this.prog.hasAssertions && at > 0)
      kind = this.prog.kindOfClass[classOf(this.prog.alphabet, text.charCodeAt(at - 1))] as number;
    let row = this.idle[kind] as number;
    if (row < 0) {
      row = this.intern(new Int32Array(0), kind) * this.classes;
      this.idle[kind] = row;
    }
    return row;
  }

  /** Empties the cache, keeping only the initial state (always row 0). */
  private reset(): void {
    this.targets = [];
    this.kinds = [];
    this.threads = 0;
    this.ids.clear();
    this.idle.fill(-1);
    this.trans.fill(UNKNOWN);
    this.atEnd.fill(-1);
    this.intern(this.prog.anchored ? Int32Array.of(this.prog.start) : new Int32Array(0), KIND_EDGE);
    if (!this.prog.anchored) this.idle[KIND_EDGE] = 0;
  }

  private intern(targets: Int32Array, kind: number): number {
    const key = String.fromCharCode(kind, ...targets);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.targets.length;
    if (id * this.classes >= this.trans.length) {
      const grown = new Int32Array(this.trans.length * 2).fill(UNKNOWN);
      grown.set(this.trans);
      this.trans = grown;
      const atEnd = new Int8Array(this.atEnd.length * 2).fill(-1);
      atEnd.set(this.atEnd);
      this.atEnd = atEnd;
    }
    this.targets.push(targets);
    this.threads += targets.length;
    this.kinds.push(kind);
    this.ids.set(key, id);
    return id;
  }

  /** The closure of a state's threads before a unit of kind `next` (a new thread starts too, unless anchored). */
  private closeState(row: number, next: number): void {
    const { closed, stack } = this.scratch;
    const s = row / this.classes;
    const seeds = this.targets[s] as Int32Array;
    closed.clear();
    stack.set(seeds);
    let top = seeds.length;
    if (!this.prog.anchored) stack[top++] = this.prog.start;
    close(this.prog, stack, top, this.kinds[s] as number, next, closed, this.counter);
  }

  /** Works out and caches the transition of the state at `row` on class `cls`. */
  private build(row: number, cls: number): number {
    const prog = this.prog;
    const next = prog.kindOfClass[cls] as number;
    this.closeState(row, next);
    const { closed, targets } = this.scratch;
    let t: number;
    if (closed.has(MATCH_PC)) t = MATCHED;
    else {
      step(prog, closed, cls, targets, this.counter);
      if (targets.size === 0 && prog.anchored) t = DEAD;
      else {
        const sorted = targets.dense.slice(0, targets.size).sort();
        const kind = prog.hasAssertions ? next : KIND_EDGE;
        if (this.targets.length >= this.maxStates || this.threads + sorted.length > MAX_THREADS) {
          // Full: start again from the state this text needs now; the old row is gone, so it is not written.
          this.flushes++;
          this.reset();
          return this.code(this.intern(sorted, kind) * this.classes, sorted.length);
        }
        t = this.code(this.intern(sorted, kind) * this.classes, sorted.length);
      }
    }
    this.trans[row + cls] = t;
    return t;
  }

  /** A transition to `row`, tagged IDLE when no thread is alive there and the DFA can jump ahead. */
  private code(row: number, threads: number): number {
    return threads === 0 && this.starts.length > 0 ? IDLE - row : row;
  }

  private matchesAtEnd(row: number): boolean {
    const s = row / this.classes;
    let known = this.atEnd[s] as number;
    if (known < 0) {
      this.closeState(row, KIND_EDGE);
      known = this.scratch.closed.has(MATCH_PC) ? 1 : 0;
      this.atEnd[s] = known;
    }
    return known === 1;
  }
}
