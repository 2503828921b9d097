// String modifiers: contains, startswith, endswith, windash, base64, base64offset, wide/utf16le, utf16be, utf16.
import { isWildcard, plainText, wrap, type Pattern } from '../value.js';
import { misuse, onlyPatterns } from './errors.js';
import type { Modifier, ModifierContext, SigmaValue } from './types.js';

function wrapping(start: boolean, end: boolean): Modifier {
  return (values, ctx) =>
    values.map((v): SigmaValue => {
      if (v.type === 'pattern') {
        const { number: _n, ...rest } = v;
        return { ...rest, pattern: wrap(v.pattern, start, end) };
      }
      if (v.type === 'fieldref') return { ...v, start: v.start || start, end: v.end || end };
      throw misuse(ctx, `applies to text values, not to a ${v.type} value`);
    });
}

export const contains = wrapping(true, true);
export const startswith = wrapping(false, true);
export const endswith = wrapping(true, false);

// A "-" or "/" that starts a word (pySigma's \B[-/]\b): "-enc" and " /c", not "param-name".
const DASH = /\B[-/]\b/g;
const DASHES = ['-', '/', '\u2013', '\u2014', '\u2015'];

/** Every combination of the five dash characters at each option position. */
export const windash: Modifier = (values, ctx) =>
  onlyPatterns(values, ctx).flatMap((v) => {
    const slots: { part: number; at: number }[] = [];
    v.pattern.forEach((p, part) => {
      if (isWildcard(p)) return;
      for (const m of p.matchAll(DASH)) slots.push({ part, at: m.index });
    });
    if (slots.length === 0) return [v];
    let variants: Pattern[] = [v.pattern];
    for (const slot of slots) {
      variants = variants.flatMap((pattern) =>
        DASHES.map((dash) =>
          pattern.map((p, i) =>
            i === slot.part && !isWildcard(p) ? p.slice(0, slot.at) + dash + p.slice(slot.at + 1) : p,
          ),
        ),
      );
    }
    return variants.map((pattern): SigmaValue => ({ type: 'pattern', pattern }));
  });

function encode(text: string, encoding: 'utf16le' | 'utf16be' | 'utf16' | undefined): Buffer {
  if (encoding === undefined) return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf16le') return le;
  if (encoding === 'utf16') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return be;
}

function plain(v: Extract<SigmaValue, { type: 'pattern' }>, ctx: ModifierContext): string {
  const text = plainText(v.pattern);
  if (text === undefined) throw misuse(ctx, 'cannot encode a value with wildcards');
  return text;
}

export const base64: Modifier = (values, ctx) =>
  onlyPatterns(values, ctx).map((v): SigmaValue => ({
    type: 'pattern',
    pattern: [encode(plain(v, ctx), v.encoding).toString('base64')],
  }));

// The three forms a substring takes in Base64 depending on its byte alignment (spec 2.1, as pySigma computes them).
const OFFSET_START = [0, 2, 3];
const OFFSET_END = [undefined, -3, -2];

export const base64offset: Modifier = (values, ctx) =>
  onlyPatterns(values, ctx).flatMap((v) => {
    const bytes = encode(plain(v, ctx), v.encoding);
    return [0, 1, 2].map((shift): SigmaValue => {
      const b64 = Buffer.concat([Buffer.alloc(shift, ' '), bytes]).toString('base64');
      const index = (bytes.length + shift) % 3;
      return { type: 'pattern', pattern: [b64.slice(OFFSET_START[shift], OFFSET_END[index])] };
    });
  });

function encoding(kind: 'utf16le' | 'utf16be' | 'utf16'): Modifier {
  return (values, ctx) =>
    onlyPatterns(values, ctx).map((v): SigmaValue => {
      plain(v, ctx);
      return { ...v, encoding: kind };
    });
}

export const wide = encoding('utf16le');
export const utf16le = encoding('utf16le');
export const utf16be = encoding('utf16be');
export const utf16 = encoding('utf16');
