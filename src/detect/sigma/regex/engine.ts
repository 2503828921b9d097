// A compiled rule regex: literal prefilter first, then the lazy DFA, then the NFA when the DFA's cache thrashes.
import { LazyDfa } from './dfa.js';
import { parseRegex } from './parser.js';
import { pikeTest, Scratch, type Counter } from './pike.js';
import { anyOf, type Check } from './literal-search.js';
import { anchorUnits, buildPrefilter, type Prefilter } from './prefilter.js';
import { compileProgram, type Program } from './program.js';

export interface RegexOptions {
  /** Use the lazy DFA (default true); false runs the NFA alone, for tests. */
  dfa?: boolean;
  /** Check required literals first (default true). */
  prefilter?: boolean;
}

function compileChecks(p: Prefilter): Check | undefined {
  const checks = p.clauses.map((c) => anyOf(c.exact, c.folded));
  const min = p.minLength;
  if (checks.length === 0) return min > 0 ? (text) => text.length >= min : undefined;
  if (checks.length === 1) {
    const only = checks[0] as Check;
    return (text) => text.length >= min && only(text);
  }
  return (text) => text.length >= min && checks.every((check) => check(text));
}

export class Regex {
  /** Work done by all tests so far: units scanned plus NFA instructions visited. */
  readonly counter: Counter = { steps: 0 };
  readonly program: Program;
  private readonly dfa: LazyDfa | undefined;
  private readonly scratch: Scratch;
  /** False means the text cannot match; undefined when nothing is worth checking. */
  private readonly check: Check | undefined;
  /** The check alone decides: the regex is a set of literals. */
  private readonly decisive: boolean;

  constructor(
    readonly source: string,
    readonly flags: string,
    options: RegexOptions = {},
  ) {
    const ast = parseRegex(source, flags);
    this.program = compileProgram(ast, source);
    this.scratch = new Scratch(this.program);
    const prefilter = options.prefilter === false ? undefined : buildPrefilter(ast);
    const anchor = prefilter && !this.program.anchored ? anchorUnits(ast) : undefined;
    this.dfa = options.dfa === false ? undefined : new LazyDfa(this.program, this.counter, anchor);
    const sufficient = prefilter?.sufficient;
    this.decisive = sufficient !== undefined;
    this.check = sufficient
      ? anyOf(sufficient.exact, sufficient.folded)
      : prefilter && compileChecks(prefilter);
  }

  get steps(): number {
    return this.counter.steps;
  }

  /** The DFA cache now: states held, and how often it was emptied. */
  get cache(): { states: number; flushes: number } {
    return { states: this.dfa?.states ?? 0, flushes: this.dfa?.flushes ?? 0 };
  }

  test(text: string): boolean {
    if (this.check) {
      if (!this.check(text)) return false;
      if (this.decisive) return true;
    }
    if (this.dfa) {
      const found = this.dfa.test(text);
      if (found !== undefined) return found;
    }
    return pikeTest(this.program, text, this.counter, this.scratch);
  }
}
