// Literals a text must contain for a regex to match it (`net\s+user` needs "net" and "user"), found from the AST
// and checked with indexOf before any automaton runs; most texts fail this check, which costs little.
import type { Node } from './ast.js';
import { members, size, union, type CharSet } from './charset.js';
import { rarity, searches } from './literal-search.js';

/**
 * A literal; `fold` means its ASCII letters match either case (it is stored in lower case). A `loose` literal
 * folds letters the regex wants in one case (N[Ee] gives folded "ne"): it still says what a match must contain,
 * but not exactly what it is.
 */
interface Lit {
  s: string;
  fold: boolean;
  loose?: boolean;
}

interface Info {
  /** Every string the node can match, when there are few. */
  exact: Lit[] | undefined;
  /** Clauses that hold for every match: each lists strings of which the match contains at least one. */
  clauses: Lit[][];
}

const MAX_EXACT = 16;
const MAX_LENGTH = 64;
/** A clause is worth checking when each of its strings is at least this long. */
const MIN_USEFUL = 2;
const MAX_CHECKED = 3;

export interface Prefilter {
  /** No match is shorter than this. */
  minLength: number;
  /** Each clause is a list of alternatives, one of which the text must contain. */
  clauses: { exact: string[]; folded: string[] }[];
  /**
   * The regex matches exactly the texts that contain one of these (so no automaton is needed). Folded strings
   * must then be searched with ASCII case folding alone (see literal-search.ts), never by lower-casing the text.
   */
  sufficient: { exact: string[]; folded: string[] } | undefined;
}

function lit(s: string, fold: boolean): Lit {
  return { s, fold };
}

/** A set's members as literals, ASCII case pairs folded into one; undefined for sets too big to list. */
function setLits(node: Extract<Node, { kind: 'set' }>): Lit[] | undefined {
  if (size(node.set) > 2 * MAX_EXACT) return undefined;
  const all = new Set(members(node.set));
  const out: Lit[] = [];
  for (const c of all) {
    const isUpper = c >= 0x41 && c <= 0x5a;
    const isLower = c >= 0x61 && c <= 0x7a;
    const other = isUpper ? c + 32 : isLower ? c - 32 : -1;
    if (other >= 0 && all.has(other)) {
      if (isLower) out.push(lit(String.fromCharCode(c), true));
    } else {
      out.push(lit(String.fromCharCode(c), false));
    }
  }
  return out.length <= 4 ? out : undefined;
}

/** All concatenations of a string of `a` with one of `b`; undefined when there would be too many. */
function cross(a: Lit[], b: Lit[]): Lit[] | undefined {
  if (a.length * b.length > MAX_EXACT) return undefined;
  const out: Lit[] = [];
  for (const x of a) {
    for (const y of b) {
      const fold = x.fold || y.fold;
      const s = x.s + y.s;
      // Folded literals are compared with a lower-cased text, which is exact only for ASCII.
      if ((fold && /[^\0-\x7f]/.test(s)) || s.length > MAX_LENGTH) return undefined;
      const loose =
        x.loose || y.loose || (x.fold !== y.fold && /[a-zA-Z]/.test(x.fold ? y.s : x.s)) ? true : undefined;
      out.push({ s: fold ? s.toLowerCase() : s, fold, ...(loose ? { loose } : {}) });
    }
  }
  return dedupe(out);
}

function dedupe(lits: Lit[]): Lit[] {
  const seen = new Map<string, Lit>();
  for (const l of lits) {
    const key = `${l.fold ? 'f' : 'x'}${l.s}`;
    const had = seen.get(key);
    seen.set(key, had?.loose ? had : l);
  }
  return [...seen.values()];
}

function power(item: Lit[], n: number): Lit[] | undefined {
  let out: Lit[] | undefined = [lit('', false)];
  for (let k = 0; k < n && out; k++) out = cross(out, item);
  return out;
}

/** A clause made of exact strings, if none is empty (an empty alternative says nothing). */
function asClause(exact: Lit[] | undefined): Lit[] | undefined {
  return exact && exact.length > 0 && exact.every((l) => l.s.length > 0) ? exact : undefined;
}

function useful(clause: Lit[]): boolean {
  return clause.every((l) => l.s.length >= MIN_USEFUL || (l.s.length === 1 && rarity(l.s) >= 30));
}

/** How much of the text a literal rules out, roughly: its characters' rarity, summed, capped. */
function strength(l: Lit): number {
  let sum = 0;
  for (const c of l.s) sum += 2 + rarity(c) / 5;
  return Math.min(sum, 24);
}

/** Stronger literals rule out more texts; every search costs. */
function score(clause: Lit[]): number {
  const cost = clause.reduce((n, l) => n + searches(l.s, l.fold), 0);
  return Math.min(...clause.map(strength)) * 10 - cost * 25;
}

/** Drops alternatives that contain another one: when the longer is in a text, so is the shorter. */
function simplify(clause: Lit[]): Lit[] {
  const implied = (long: Lit, short: Lit) =>
    long !== short &&
    long.s.length > short.s.length &&
    (short.fold
      ? long.s.toLowerCase().includes(short.s)
      : (!long.fold || !/[a-zA-Z]/.test(short.s)) && long.s.includes(short.s));
  return clause.filter((l) => !clause.some((other) => implied(l, other)));
}

function best(info: Info): Lit[] | undefined {
  const candidates = [...info.clauses];
  const own = asClause(info.exact);
  if (own) candidates.push(own);
  return candidates.sort((a, b) => score(b) - score(a))[0];
}

function analyze(node: Node): Info {
  switch (node.kind) {
    case 'empty':
    case 'assert':
      return { exact: [lit('', false)], clauses: [] };
    case 'set':
      return { exact: setLits(node), clauses: [] };
    case 'concat': {
      const clauses: Lit[][] = [];
      // `run` joins alternatives as long as there are few; `segment` is the current single string, kept apart so
      // that "?d=" in \.(zip|asp|...)\?d= stays one cheap check.
      let run: Lit[] | undefined = [lit('', false)];
      let segment: Lit[] | undefined = [lit('', false)];
      let whole = true;
      const flush = (lits: Lit[] | undefined) => {
        const c = asClause(lits);
        if (c) clauses.push(c);
      };
      for (const item of node.items) {
        const info = analyze(item);
        clauses.push(...info.clauses);
        const one = info.exact?.length === 1 ? info.exact : undefined;
        const grown: Lit[] | undefined = segment && one ? cross(segment, one) : undefined;
        if (!grown) flush(segment);
        segment = grown ?? one;
        const joined: Lit[] | undefined = run && info.exact ? cross(run, info.exact) : undefined;
        if (joined) {
          run = joined;
          continue;
        }
        whole = false;
        flush(run);
        run = info.exact ?? [lit('', false)];
      }
      if (whole) return { exact: run, clauses };
      flush(segment);
      flush(run);
      return { exact: undefined, clauses };
    }
    case 'alt': {
      const infos = node.items.map(analyze);
      if (infos.every((i) => i.exact)) {
        const exact = dedupe(infos.flatMap((i) => i.exact as Lit[]));
        if (exact.length <= MAX_EXACT) return { exact, clauses: [] };
      }
      const picks = infos.map(best);
      if (picks.some((p) => p === undefined)) return { exact: undefined, clauses: [] };
      const union = simplify(dedupe(picks.flat() as Lit[]));
      return { exact: undefined, clauses: union.length <= MAX_EXACT ? [union] : [] };
    }
    case 'repeat': {
      const info = analyze(node.item);
      if (node.min === 0) {
        const exact = node.max === 1 && info.exact ? dedupe([lit('', false), ...info.exact]) : undefined;
        return { exact, clauses: [] };
      }
      const exact = info.exact && node.min === node.max ? power(info.exact, node.min) : undefined;
      const least = info.exact ? (power(info.exact, node.min) ?? info.exact) : undefined;
      const own = asClause(least);
      return { exact, clauses: own ? [...info.clauses, own] : info.clauses };
    }
  }
}

function minLength(node: Node): number {
  switch (node.kind) {
    case 'empty':
    case 'assert':
      return 0;
    case 'set':
      return 1;
    case 'concat':
      return node.items.reduce((n, item) => n + minLength(item), 0);
    case 'alt':
      return Math.min(...node.items.map(minLength));
    case 'repeat':
      return node.min * minLength(node.item);
  }
}

function hasAssertion(node: Node): boolean {
  switch (node.kind) {
    case 'assert':
      return true;
    case 'concat':
    case 'alt':
      return node.items.some(hasAssertion);
    case 'repeat':
      return hasAssertion(node.item);
    default:
      return false;
  }
}

function split(clause: Lit[]): { exact: string[]; folded: string[] } {
  return {
    exact: clause.filter((l) => !l.fold).map((l) => l.s),
    folded: clause.filter((l) => l.fold).map((l) => l.s),
  };
}

/** Per offset from the start of a match, the units that can be there, as far as every match is aligned. */
function aligned(node: Node, limit: number): { sets: CharSet[]; whole: boolean } {
  switch (node.kind) {
    case 'empty':
    case 'assert':
      return { sets: [], whole: true };
    case 'set':
      return { sets: [node.set], whole: true };
    case 'concat': {
      const sets: CharSet[] = [];
      for (const item of node.items) {
        const p = aligned(item, limit - sets.length);
        sets.push(...p.sets);
        if (!p.whole || sets.length >= limit) return { sets: sets.slice(0, limit), whole: false };
      }
      return { sets, whole: true };
    }
    case 'alt': {
      const ps = node.items.map((item) => aligned(item, limit));
      const length = Math.min(...ps.map((p) => p.sets.length));
      const sets = Array.from({ length }, (_, k) => union(...ps.map((p) => p.sets[k] as CharSet)));
      return { sets, whole: ps.every((p) => p.whole && p.sets.length === length) };
    }
    case 'repeat': {
      const p = aligned(node.item, limit);
      if (!p.whole) return { sets: node.min > 0 ? p.sets : [], whole: false };
      const sets: CharSet[] = [];
      for (let k = 0; k < node.min && sets.length < limit; k++) sets.push(...p.sets);
      return { sets: sets.slice(0, limit), whole: node.min === node.max && sets.length < limit };
    }
  }
}

/**
 * A few code units (at most 3) one of which every match holds at the same offset from its start, chosen rare:
 * with no thread alive, the DFA jumps to their next occurrence with indexOf. Undefined when there are none.
 */
export function anchorUnits(ast: Node): { offset: number; units: string[] } | undefined {
  let best: { offset: number; units: string[]; score: number } | undefined;
  aligned(ast, 8).sets.forEach((set, offset) => {
    if (size(set) > 3) return;
    const units = members(set).map((c) => String.fromCharCode(c));
    const score = Math.min(...units.map(rarity)) * 10 - units.length * 5;
    if (!best || score > best.score) best = { offset, units, score };
  });
  return best && { offset: best.offset, units: best.units };
}

export function buildPrefilter(ast: Node): Prefilter {
  const info = analyze(ast);
  const own = asClause(info.exact);
  const sufficient = own && !own.some((l) => l.loose) && !hasAssertion(ast) ? split(own) : undefined;
  const candidates = [...info.clauses, ...(own ? [own] : [])]
    .filter(useful)
    .sort((a, b) => score(b) - score(a));
  const chosen: Lit[][] = [];
  for (const c of candidates) {
    const key = JSON.stringify(c);
    if (!chosen.some((d) => JSON.stringify(d) === key)) chosen.push(c);
    if (chosen.length === MAX_CHECKED) break;
  }
  return { minLength: minLength(ast), clauses: chosen.map(split), sufficient };
}
