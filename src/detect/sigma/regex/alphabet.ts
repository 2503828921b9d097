// Splits the UTF-16 code units into the classes a program tells apart, so the DFA has one transition per class.
import { has, type CharSet } from './charset.js';

export interface Alphabet {
  /** How many classes. */
  count: number;
  /** The class of each ASCII unit. */
  ascii: Uint16Array;
  /** Units from 128 up: segment i starts at highStarts[i] and has class highClasses[i]. */
  highStarts: Uint32Array;
  highClasses: Uint16Array;
  /** member[s * count + c] is 1 when class c lies in sets[s]. */
  member: Uint8Array;
}

export function buildAlphabet(sets: readonly CharSet[]): Alphabet {
  const cuts = new Set<number>([0]);
  for (const set of sets) {
    for (let i = 0; i < set.length; i += 2) {
      cuts.add(set[i] as number);
      cuts.add((set[i + 1] as number) + 1);
    }
  }
  cuts.add(128);
  const starts = [...cuts].filter((c) => c <= 0xffff).sort((a, b) => a - b);
  // Segments with the same membership in every set are one class, however far apart they lie.
  const classOf = new Map<string, number>();
  const signatures: boolean[][] = [];
  const segmentClass = starts.map((lo) => {
    const inSets = sets.map((set) => has(set, lo));
    const key = inSets.map((b) => (b ? '1' : '0')).join('');
    let c = classOf.get(key);
    if (c === undefined) {
      c = classOf.size;
      classOf.set(key, c);
      signatures.push(inSets);
    }
    return c;
  });
  const count = classOf.size;
  const ascii = new Uint16Array(128);
  const highStarts: number[] = [];
  const highClasses: number[] = [];
  starts.forEach((lo, i) => {
    const hi = i + 1 < starts.length ? (starts[i + 1] as number) - 1 : 0xffff;
    const c = segmentClass[i] as number;
    if (lo < 128) ascii.fill(c, lo, Math.min(hi, 127) + 1);
    else if (highClasses.at(-1) !== c) {
      highStarts.push(lo);
      highClasses.push(c);
    }
  });
  const member = new Uint8Array(sets.length * count);
  signatures.forEach((inSets, c) => inSets.forEach((inSet, s) => (member[s * count + c] = inSet ? 1 : 0)));
  return {
    count,
    ascii,
    highStarts: Uint32Array.from(highStarts),
    highClasses: Uint16Array.from(highClasses),
    member,
  };
}

/** The class of a code unit. */
export function classOf(alphabet: Alphabet, c: number): number {
  if (c < 128) return alphabet.ascii[c] as number;
  const starts = alphabet.highStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= c) lo = mid;
    else hi = mid - 1;
  }
  return alphabet.highClasses[lo] as number;
}
