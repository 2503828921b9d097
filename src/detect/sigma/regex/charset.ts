// Sets of UTF-16 code units as sorted ranges: the classes of the regex engine, JavaScript's \d \w \s, and case folding.

/** Sorted, disjoint, non-adjacent inclusive ranges, flattened: [lo0, hi0, lo1, hi1, ...]. */
export type CharSet = readonly number[];

export const MAX_UNIT = 0xffff;

/** Builds a normal set from ranges in any order, overlapping or not. */
export function charSet(ranges: readonly (readonly [number, number])[]): CharSet {
  const sorted = ranges.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    const last = out.length - 1;
    if (last > 0 && lo <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function single(c: number): CharSet {
  return [c, c];
}

export function union(...sets: CharSet[]): CharSet {
  const ranges: [number, number][] = [];
  for (const s of sets)
    for (let i = 0; i < s.length; i += 2) ranges.push([s[i] as number, s[i + 1] as number]);
  return charSet(ranges);
}

export function negate(set: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    const lo = set[i] as number;
    if (lo > next) out.push(next, lo - 1);
    next = (set[i + 1] as number) + 1;
  }
  if (next <= MAX_UNIT) out.push(next, MAX_UNIT);
  return out;
}

export function has(set: CharSet, c: number): boolean {
  let lo = 0;
  let hi = set.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < (set[mid * 2] as number)) hi = mid - 1;
    else if (c > (set[mid * 2 + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** How many code units the set holds. */
export function size(set: CharSet): number {
  let n = 0;
  for (let i = 0; i < set.length; i += 2) n += (set[i + 1] as number) - (set[i] as number) + 1;
  return n;
}

/** The members of a small set (callers check size first). */
export function members(set: CharSet): number[] {
  const out: number[] = [];
  for (let i = 0; i < set.length; i += 2)
    for (let c = set[i] as number; c <= (set[i + 1] as number); c++) out.push(c);
  return out;
}

export function sameSet(a: CharSet, b: CharSet): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export const DIGIT = charSet([[0x30, 0x39]]);
export const WORD = charSet([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
/** JavaScript's \s: WhiteSpace and LineTerminator of ECMA-262. */
export const SPACE = charSet([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
export const LINE_TERMINATOR = charSet([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);
export const ANY: CharSet = [0, MAX_UNIT];
export const NOT_LINE_TERMINATOR = negate(LINE_TERMINATOR);

// JavaScript's Canonicalize for the i flag without u: a unit maps to its upper case when that is one unit, except
// that nothing outside ASCII maps into ASCII. Two units match case-insensitively when their canonical forms agree.
let orbits: number[][] | undefined;

function caseOrbits(): number[][] {
  if (orbits) return orbits;
  const byCanon = new Map<number, number[]>();
  for (let c = 0; c <= MAX_UNIT; c++) {
    const upper = String.fromCharCode(c).toUpperCase();
    if (upper.length !== 1) continue;
    const canon = upper.charCodeAt(0);
    if (canon === c || (c >= 128 && canon < 128)) continue;
    let group = byCanon.get(canon);
    if (!group) byCanon.set(canon, (group = []));
    group.push(c);
  }
  // A unit that others fold onto belongs to their orbit when it is its own canonical form.
  for (const [canon, group] of byCanon) if (canonical(canon) === canon) group.push(canon);
  orbits = [...byCanon.values()].filter((g) => g.length > 1);
  return orbits;
}

/** Canonicalize(c) of ECMA-262 for a pattern with the i flag and without u. */
export function canonical(c: number): number {
  const upper = String.fromCharCode(c).toUpperCase();
  if (upper.length !== 1) return c;
  const u = upper.charCodeAt(0);
  return c >= 128 && u < 128 ? c : u;
}

function isAscii(set: CharSet): boolean {
  return set.length === 0 || (set[set.length - 1] as number) < 128;
}

/** The set a class stands for under the i flag: every unit whose canonical form is that of a member. */
export function caseClose(set: CharSet): CharSet {
  const added: [number, number][] = [];
  if (isAscii(set)) {
    // Inside ASCII the orbits are the letter pairs: nothing outside ASCII folds onto an ASCII letter.
    for (let i = 0; i < set.length; i += 2) {
      const lo = set[i] as number;
      const hi = set[i + 1] as number;
      const a = Math.max(lo, 0x41);
      const b = Math.min(hi, 0x5a);
      if (a <= b) added.push([a + 32, b + 32]);
      const c = Math.max(lo, 0x61);
      const d = Math.min(hi, 0x7a);
      if (c <= d) added.push([c - 32, d - 32]);
    }
  } else {
    for (const orbit of caseOrbits()) {
      if (orbit.some((c) => has(set, c))) for (const c of orbit) added.push([c, c]);
    }
  }
  return added.length === 0 ? set : union(set, charSet(added));
}
