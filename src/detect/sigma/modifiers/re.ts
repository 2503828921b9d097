// The `re` modifier and its flags i, m, s (also spelled ignorecase, multiline, dotall).
import { checkRegex } from '../regex.js';
import { misuse, onlyPatterns } from './errors.js';
import type { Modifier, SigmaValue } from './types.js';

// SigmaHQ regexes may start with inline flags such as (?i), which JavaScript and RE2-in-JS syntax reject there.
const INLINE_FLAGS = /^\(\?([ims]+)\)/;

export const re: Modifier = (values, ctx) => {
  if (ctx.before.length > 0) throw misuse(ctx, 'must be the first modifier');
  return onlyPatterns(values, ctx).map((v): SigmaValue => {
    if (v.raw === undefined) throw misuse(ctx, 'needs a text value');
    let source = v.raw;
    let flags = '';
    const inline = INLINE_FLAGS.exec(source);
    if (inline) {
      source = source.slice(inline[0].length);
      flags = [...new Set(inline[1])].join('');
    }
    // Refused here, while the rule loads, so the loader reports the rule as a problem with its file and line.
    checkRegex(source, flags);
    return { type: 'regex', source, flags };
  });
};

function flag(letter: 'i' | 'm' | 's'): Modifier {
  return (values, ctx) =>
    values.map((v): SigmaValue => {
      if (v.type !== 'regex' || ctx.before.at(-1) === undefined) throw misuse(ctx, 'must follow "re"');
      return v.flags.includes(letter) ? v : { ...v, flags: v.flags + letter };
    });
}

export const i = flag('i');
export const m = flag('m');
export const s = flag('s');
