// The one way modifiers refuse misuse: RULE_UNKNOWN_MODIFIER naming the modifier and what is wrong.
import { YaguraError } from '../../../core/errors.js';
import type { ModifierContext, SigmaValue } from './types.js';

export function misuse(ctx: ModifierContext, what: string): YaguraError {
  return new YaguraError('RULE_UNKNOWN_MODIFIER', `modifier "${ctx.name}": ${what}`);
}

export function onlyPatterns(
  values: SigmaValue[],
  ctx: ModifierContext,
): Extract<SigmaValue, { type: 'pattern' }>[] {
  for (const v of values) {
    if (v.type !== 'pattern') throw misuse(ctx, `applies to text values, not to a ${v.type} value`);
  }
  return values as Extract<SigmaValue, { type: 'pattern' }>[];
}
