// Cuts a text holding several JSON values (concatenated, or the elements of one array) into the slice of each value.
// Slicing first keeps each value's original text (for the event's raw field) and lets one bad value be located.

/** A value's position in the text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

function skipSpace(text: string, i: number): number {
  while (i < text.length && SPACE.has(text.charCodeAt(i))) i++;
  return i;
}

/** Index just after the closing quote of the string starting at `i`, or -1 when it is unterminated. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; k > i && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/**
 * Index just after the value starting at `i`, by structure only (brackets and strings); the slice is validated
 * by JSON.parse afterwards. Returns -1 when the value never ends.
 */
export function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (
        SPACE.has(d) ||
        d === COMMA ||
        d === CLOSE_BRACE ||
        d === CLOSE_BRACKET ||
        d === OPEN_BRACE ||
        d === OPEN_BRACKET ||
        d === QUOTE
      )
        break;
      j++;
    }
    return j === i ? i + 1 : j;
  }
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === QUOTE) {
      j = skipString(text, j);
      if (j < 0) return -1;
      continue;
    }
    if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
    else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return -1;
}

/** The values of `{"a":1}{"b":2} {"c":3}`: any whitespace (or none) between them. An unterminated last value ends the text. */
export function splitConcatenated(text: string): Span[] {
  const spans: Span[] = [];
  let i = skipSpace(text, 0);
  while (i < text.length) {
    const end = skipValue(text, i);
    if (end < 0) {
      spans.push({ start: i, end: text.length });
      break;
    }
    spans.push({ start: i, end });
    i = skipSpace(text, end);
  }
  return spans;
}

/** The elements of the array that makes up the whole text, or the offset where the text stops being one array. */
export function splitArray(text: string): { spans: Span[] } | { errorOffset: number } {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACKET) return { errorOffset: i };
  const spans: Span[] = [];
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === CLOSE_BRACKET) {
    const rest = skipSpace(text, i + 1);
    return rest === text.length ? { spans } : { errorOffset: rest };
  }
  for (;;) {
    if (i >= text.length) return { errorOffset: i };
    const end = skipValue(text, i);
    if (end < 0) return { errorOffset: i };
    spans.push({ start: i, end });
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i = skipSpace(text, i + 1);
      continue;
    }
    if (c === CLOSE_BRACKET) {
      const rest = skipSpace(text, i + 1);
      return rest === text.length ? { spans } : { errorOffset: rest };
    }
    return { errorOffset: i };
  }
}
