// Time modifiers of spec 2.1: minute, hour, day, week, month, year compare that part of a date field with a number.
import { misuse, onlyPatterns } from './errors.js';
import type { Modifier, SigmaValue, TimePart } from './types.js';

function part(name: TimePart): Modifier {
  return (values, ctx) =>
    onlyPatterns(values, ctx).map((v): SigmaValue => {
      if (v.number === undefined) throw misuse(ctx, 'takes a number');
      return { type: 'timepart', part: name, number: v.number };
    });
}

export const minute = part('minute');
export const hour = part('hour');
export const day = part('day');
export const week = part('week');
export const month = part('month');
export const year = part('year');
