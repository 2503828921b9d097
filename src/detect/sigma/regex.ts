// Regular expressions from rules. Rules come from outside, so a regex must not be able to stall the engine: they run
// on our own linear-time engine (regex/), never on V8's backtracking one, and so need no cap on the input's length.
import { Regex } from './regex/engine.js';
import { parseRegex } from './regex/parser.js';
import { compileProgram } from './regex/program.js';

/** A test for the regex (flags i, m, s; others are ignored). Throws RULE_INVALID or RULE_UNSUPPORTED. */
export function compileRegex(source: string, flags: string): (text: string) => boolean {
  const re = new Regex(source, flags);
  return (text) => re.test(text);
}

/** Throws as compileRegex would, without building the matcher: for the loader, so a bad regex is a rule problem. */
export function checkRegex(source: string, flags: string): void {
  compileProgram(parseRegex(source, flags), source);
}
