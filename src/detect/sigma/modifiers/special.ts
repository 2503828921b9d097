// Modifiers that change how an item matches rather than its text: all, cased, exists, fieldref, expand.
import { YaguraError } from '../../../core/errors.js';
import { parsePattern, plainText } from '../value.js';
import { misuse, onlyPatterns } from './errors.js';
import type { Modifier, SigmaValue } from './types.js';

export const all: Modifier = (values, ctx) => {
  if (values.length < 2) throw misuse(ctx, 'needs a list of values (it joins them with AND)');
  ctx.flags.all = true;
  return values;
};

export const cased: Modifier = (values, ctx) => {
  ctx.flags.cased = true;
  return values;
};

export const exists: Modifier = (values, ctx) => {
  if (ctx.before.length > 0) throw misuse(ctx, 'takes no other modifier');
  const [v] = values;
  const text = values.length === 1 && v?.type === 'pattern' ? plainText(v.pattern)?.toLowerCase() : undefined;
  if (text !== 'true' && text !== 'false') throw misuse(ctx, 'takes true or false');
  return [{ type: 'exists', exists: text === 'true' }];
};

export const fieldref: Modifier = (values, ctx) =>
  onlyPatterns(values, ctx).map((v): SigmaValue => {
    const name = plainText(v.pattern);
    if (!name) throw misuse(ctx, 'takes a field name without wildcards');
    return { type: 'fieldref', field: name, start: false, end: false };
  });

const PLACEHOLDER = /%([A-Za-z0-9_.-]+)%/;

/** Replaces `%name%` with each configured value of the placeholder; a rule whose placeholder has none is refused. */
export const expand: Modifier = (values, ctx) =>
  onlyPatterns(values, ctx).flatMap((v) => {
    const raw = v.raw ?? plainText(v.pattern) ?? '';
    const m = PLACEHOLDER.exec(raw);
    if (!m) return [v];
    const replacements = ctx.placeholders.get(m[1]!);
    if (!replacements || replacements.length === 0) {
      throw new YaguraError(
        'RULE_UNSUPPORTED',
        `placeholder %${m[1]}% has no values configured (detect.placeholders)`,
      );
    }
    return replacements.map((r): SigmaValue => {
      const text = raw.replace(m[0], r);
      return { type: 'pattern', pattern: parsePattern(text), raw: text };
    });
  });
