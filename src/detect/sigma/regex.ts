// Regular expressions from rules. Rules come from outside, so a regex must not be able to stall the engine.
//
// TODO(issue 6): run these on a linear-time engine (RE2). Until then a regex runs on V8's backtracking engine over
// text capped at MAX_INPUT characters, which bounds the damage of a pathological pattern but does not remove it.

const MAX_INPUT = 8192;

export function compileRegex(source: string, flags: string): (text: string) => boolean {
  const re = new RegExp(source, flags.replace(/[^ims]/g, ''));
  return (text) => re.test(text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text);
}
