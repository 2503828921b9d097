// Finds which of many needles may occur in a text in one pass (Aho-Corasick compiled to a full DFA), so the cost
// per event depends on its text length, not on how many rules look for something.
//
// It answers for a prefilter, so it may say yes too often but never no wrongly: characters are folded into a few
// classes (rare punctuation together, every non-ASCII character together), which keeps the
// table small whatever the needles hold. The rule's own predicate settles each candidate.

import { ShiftScan } from './shift-scan.js';

const NO_OUTPUT: readonly number[] = [];

/** Needles are cut to their last MAX_NEEDLE characters: any part of a needle is as necessary as the whole. */
export const MAX_NEEDLE = 16;

const CLASS = new Uint8Array(128);
let classCount = 1;
// Letters of either case share a class, so texts need not be lower-cased before a scan.
for (let c = 97; c <= 122; c++) CLASS[c] = CLASS[c - 32] = classCount++;
for (let c = 48; c <= 57; c++) CLASS[c] = classCount++; // 0-9: event ids and ports are needles too
for (const group of ['\\/', '.', '-', ' ', '_', ':', '"\'', '=', ',;', '%$', '()[]{}<>']) {
  const cls = classCount++;
  for (const ch of group) CLASS[ch.charCodeAt(0)] = cls;
}
const OTHER_ASCII = classCount++;
for (let c = 33; c < 127; c++) if (CLASS[c] === 0) CLASS[c] = OTHER_ASCII;
const NON_ASCII = classCount++;
/** Tabs and other controls share class 0. */
const CLASSES = classCount;

const QUICK_NEEDLES = 24;
const SHIFT_NEEDLES = 64;

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

// The Kelvin sign lower-cases to an ASCII "k": rule values compare lower-cased text, so it must meet "k" here too.
const KELVIN = 0x212a;

function classOf(code: number): number {
  return code < 128 ? CLASS[code]! : code === KELVIN ? CLASS[107]! : NON_ASCII;
}

export class MultiNeedle {
  /** delta[state * CLASSES + class] = next state. */
  private readonly delta: Int32Array;
  /** Needle ids that end at each state (its own and those of its suffix states). */
  private readonly output: (readonly number[])[];
  readonly states: number;
  /**
   * For a few plain needles, V8's regex engine (native code, ~2 ns a character) says "none here" faster than the
   * table walk; most texts hold no needle, so most scans end there.
   */
  private readonly quick: RegExp | undefined;
  /** For a few long needles, block shifts skip most characters (see shift-scan.ts). */
  private readonly shifts: ShiftScan | undefined;

  constructor(needles: readonly string[]) {
    const cut = needles.map((n) => (n.length > MAX_NEEDLE ? n.slice(-MAX_NEEDLE) : n));
    // Only ASCII needles: shifts fold ASCII case alone, while rule values compare text lower-cased in full Unicode.
    const ascii = cut.every((n) => /^[\x20-\x7e]+$/.test(n));
    this.shifts = ascii && cut.length <= SHIFT_NEEDLES ? ShiftScan.for(cut) : undefined;
    this.quick =
      this.shifts === undefined &&
      cut.length > 0 &&
      cut.length <= QUICK_NEEDLES &&
      cut.every((n) => /^[\x20-\x7e]+$/.test(n))
        ? new RegExp(cut.map((n) => escapeRegex(n).replace(/k/gi, '[k\\u212a]')).join('|'), 'i')
        : undefined;
    const bound = cut.reduce((n, s) => n + s.length, 1);
    // The trie first, in the same table (-1: no edge yet), then completed breadth first.
    const trie = new Int32Array(bound * CLASSES).fill(-1);
    const own: number[][] = [[]];
    let states = 1;
    cut.forEach((needle, id) => {
      let state = 0;
      for (let i = 0; i < needle.length; i++) {
        const at = state * CLASSES + classOf(needle.charCodeAt(i));
        if (trie[at] === -1) {
          trie[at] = states++;
          own.push([]);
        }
        state = trie[at]!;
      }
      own[state]!.push(id);
    });
    const delta = trie.slice(0, states * CLASSES);
    const output = new Array<readonly number[]>(states).fill(NO_OUTPUT);
    if (own[0]!.length > 0) output[0] = own[0]!;
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let cls = 0; cls < CLASSES; cls++) {
      if (delta[cls] === -1) delta[cls] = 0;
      else queue.push(delta[cls]!);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const f = fail[state]!;
      const inherited = output[f]!;
      const mine = own[state]!;
      if (mine.length > 0 || inherited.length > 0) output[state] = [...mine, ...inherited];
      const row = state * CLASSES;
      const failRow = f * CLASSES;
      for (let cls = 0; cls < CLASSES; cls++) {
        const next = delta[row + cls]!;
        if (next === -1) delta[row + cls] = delta[failRow + cls]!;
        else {
          fail[next] = delta[failRow + cls]!;
          queue.push(next);
        }
      }
    }
    // Entries become the target's row offset, bit-inverted (negative) when the target has needles ending there:
    // the scan tests a sign instead of looking up a sparse table (which V8 keeps as a slow dictionary).
    for (let i = 0; i < delta.length; i++) {
      const target = delta[i]!;
      delta[i] = output[target]!.length > 0 ? ~(target * CLASSES) : target * CLASSES;
    }
    this.delta = delta;
    this.states = states;
    this.output = output;
  }

  /**
   * Calls `found` with the id of every needle that may occur in `text` (an id may be reported more than once);
   * `context` is passed through, so callers need not make a closure per call.
   */
  scan<C>(text: string, found: (context: C, id: number) => void, context: C): void {
    if (this.shifts !== undefined) {
      this.scanBetweenShifts(text, found, context, this.shifts);
      return;
    }
    if (this.quick !== undefined && !this.quick.test(text)) return;
    this.walk(text, 0, false, found, context);
  }

  /**
   * Shifts and table walk in turn: the walk starts where the shifts say a needle may start and runs until it is
   * back at the root (no needle under way), then the shifts take over again. Most characters of a long text (the
   * raw line keywords are searched in) are skipped rather than walked.
   */
  private scanBetweenShifts<C>(
    text: string,
    found: (context: C, id: number) => void,
    context: C,
    shifts: ShiftScan,
  ): void {
    const window = shifts.window;
    let end = shifts.next(text, window);
    while (end !== -1) {
      const stopped = this.walk(text, end - window, true, found, context);
      // At the root after text[stopped - 1]: no needle started before `stopped` is still under way.
      end = shifts.next(text, stopped + window);
    }
  }

  /**
   * Walks the table from the root at `from`; with `untilRoot`, returns the position after the first character
   * that brings it back to the root (or the text's length).
   */
  private walk<C>(
    text: string,
    from: number,
    untilRoot: boolean,
    found: (context: C, id: number) => void,
    context: C,
  ): number {
    const { delta, output } = this;
    // Rows are pre-multiplied: a state is its row's offset in delta.
    let row = 0;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      row = delta[row + (c < 128 ? CLASS[c]! : c === KELVIN ? CLASS[107]! : NON_ASCII)]!;
      if (row < 0) {
        row = ~row;
        const out = output[row / CLASSES]!;
        for (let k = 0; k < out.length; k++) found(context, out[k]!);
      } else if (row === 0 && untilRoot) return i + 1;
    }
    return text.length;
  }
}
