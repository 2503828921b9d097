// Numeric modifiers lt, lte, gt, gte, and neq (the item holds when the field differs from the values).
import { misuse, onlyPatterns } from './errors.js';
import type { Modifier, SigmaValue } from './types.js';

function comparison(op: 'lt' | 'lte' | 'gt' | 'gte'): Modifier {
  return (values, ctx) => {
    if (values.length !== 1) throw misuse(ctx, 'takes exactly one number');
    return onlyPatterns(values, ctx).map((v): SigmaValue => {
      if (v.number === undefined) throw misuse(ctx, 'takes a number');
      return { type: 'compare', op, number: v.number };
    });
  };
}

export const lt = comparison('lt');
export const lte = comparison('lte');
export const gt = comparison('gt');
export const gte = comparison('gte');

export const neq: Modifier = (values, ctx) => {
  ctx.flags.negate = true;
  return values;
};
