// Value semantics shared by the SQLite compiler and the JS predicate, so both backends agree on every event.
import type { PatternPart } from './ast.js';

/** Lower-cases ASCII letters only, as SQLite's lower(), LIKE and NOCASE do (without ICU). */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/** A decimal number written plainly (`443`, `-1.5`): such text also matches numeric values and sorts numerically. */
export function isNumericText(s: string): boolean {
  return NUMERIC.test(s);
}

/**
 * The same test as a SQLite expression over `v` (a text value): first character a digit or "-digit", then only
 * digits and at most one ".", not at the end.
 */
export function sqlIsNumericText(v: string): string {
  return (
    `((${v} GLOB '[0-9]*' OR ${v} GLOB '-[0-9]*') AND substr(${v}, 2) NOT GLOB '*[^0-9.]*'` +
    ` AND ${v} NOT GLOB '*.*.*' AND ${v} NOT GLOB '*.')`
  );
}

const STORED_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(?:[Zz]|([+-])(\d{2}):(\d{2}))?)?\s*$/;

/**
 * Epoch ms of a stored ISO 8601 text value, read the way SQLite's `unixepoch(v, 'subsec')` reads it (day overflow
 * rolls into the next month, hour 24 is the next day, no zone is UTC), or undefined when SQLite would give NULL.
 */
export function storedTimeMs(s: string): number | undefined {
  const m = STORED_TIME.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(sec ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59)
    return undefined;
  const ms = frac ? Math.min(999, Math.round(Number(`0.${frac}`) * 1000)) : 0;
  let offset = 0;
  if (sign) {
    if (Number(oh) > 14 || Number(om) > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  }
  const date = new Date(0);
  date.setUTCFullYear(Number(y), month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime() - offset;
}

/** The SQLite guard before `unixepoch(v)`: without it SQLite would read plain numbers as Julian days. */
export function sqlLooksLikeIsoDate(v: string): string {
  return `${v} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'`;
}

// FTS5's unicode61 separates tokens at spaces, punctuation, symbols and control characters (as of Unicode 6.1);
// everything else, combining marks included, belongs to a token.
const TOKEN = /[^\p{Z}\p{P}\p{S}\p{Cc}\p{Cf}\p{Cs}]+/gu;

/**
 * Full-text tokens as FTS5 `unicode61 remove_diacritics 2` makes them: runs of letters and digits, lower-cased,
 * Latin diacritics removed ("Café" -> "cafe"). Scripts without spaces (Japanese) give one token per run.
 */
export function textTokens(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
  return folded.match(TOKEN) ?? [];
}

/**
 * An FTS5 MATCH expression requiring every token (the last one as a prefix when asked). The index keeps no
 * positions (detail=none), so word order is checked afterwards by yg_phrase on the few rows this finds.
 */
export function ftsAllTokens(tokens: string[], prefix: boolean): string {
  return tokens
    .map((t, i) => {
      const quoted = `"${t.replace(/"/g, '""')}"`;
      return prefix && i === tokens.length - 1 ? `${quoted} *` : quoted;
    })
    .join(' AND ');
}

/** Whether `tokens` holds `phrase` as consecutive tokens (the last one only as a prefix when asked). */
export function containsPhrase(tokens: string[], phrase: string[], prefix: boolean): boolean {
  const n = phrase.length;
  if (n === 0) return false;
  outer: for (let i = 0; i + n <= tokens.length; i++) {
    for (let j = 0; j < n; j++) {
      const t = tokens[i + j]!;
      const p = phrase[j]!;
      if (j === n - 1 && prefix ? !t.startsWith(p) : t !== p) continue outer;
    }
    return true;
  }
  return false;
}

/** A SQL LIKE pattern (ESCAPE '\') for a wildcard pattern; unanchored patterns match anywhere in the text. */
export function likePattern(parts: PatternPart[], anchored: boolean): string {
  let out = anchored || parts[0]?.kind === 'many' ? '' : '%';
  for (const p of parts) {
    if (p.kind === 'many') out += '%';
    else if (p.kind === 'one') out += '_';
    else out += p.text.replace(/[\\%_]/g, (c) => `\\${c}`);
  }
  return anchored || parts[parts.length - 1]?.kind === 'many' ? out : `${out}%`;
}

/** A RegExp equivalent to `likePattern`, to be tested against asciiLower(text). */
export function patternRegExp(parts: PatternPart[], anchored: boolean): RegExp {
  let src = '';
  for (const p of parts) {
    if (p.kind === 'many') src += '[^]*';
    else if (p.kind === 'one') src += '.';
    else src += asciiLower(p.text).replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);
  }
  return new RegExp(anchored ? `^${src}$` : src, 'su');
}
