// The Sigma modifiers, keyed by the exact word rules write after the field name (`Image|endswith`).
import { cidr } from './cidr.js';
import { gt, gte, lt, lte, neq } from './compare.js';
import { i, m, re, s } from './re.js';
import { all, cased, exists, expand, fieldref } from './special.js';
import {
  base64,
  base64offset,
  contains,
  endswith,
  startswith,
  utf16,
  utf16be,
  utf16le,
  wide,
  windash,
} from './string.js';
import { day, hour, minute, month, week, year } from './time.js';
import type { Modifier } from './types.js';

export const MODIFIERS: Readonly<Record<string, Modifier>> = {
  contains,
  startswith,
  endswith,
  windash,
  base64,
  base64offset,
  wide,
  utf16le,
  utf16be,
  utf16,
  re,
  i,
  m,
  s,
  ignorecase: i,
  multiline: m,
  dotall: s,
  cidr,
  lt,
  lte,
  gt,
  gte,
  neq,
  all,
  cased,
  exists,
  fieldref,
  expand,
  minute,
  hour,
  day,
  week,
  month,
  year,
};

export type { Modifier, SigmaValue, ItemFlags } from './types.js';
