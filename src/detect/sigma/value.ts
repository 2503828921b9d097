// Sigma string values: escapes and wildcards parsed first (spec 2.1), then turned into the cheapest matcher that fits.

/** A parsed value: literal text and the wildcards `*` (any run) and `?` (one character), in order. */
export type Pattern = (string | Wildcard)[];
export type Wildcard = { wildcard: '*' | '?' };

export const ANY: Wildcard = { wildcard: '*' };
export const ONE: Wildcard = { wildcard: '?' };

/**
 * `\` escapes only `*`, `?` and `\`; before anything else, or at the end, it is an ordinary character. So
 * `C:\Windows\` keeps its final backslash, `\*` is a literal star and `\\*` is a backslash then a wildcard.
 */
export function parsePattern(value: string): Pattern {
  const out: Pattern = [];
  let text = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      const next = value[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        text += next;
        i++;
      } else text += c;
    } else if (c === '*' || c === '?') {
      if (text) out.push(text);
      text = '';
      out.push(c === '*' ? ANY : ONE);
    } else text += c;
  }
  if (text) out.push(text);
  return out;
}

/** A pattern that is plain text, without wildcards. */
export function literal(text: string): Pattern {
  return text === '' ? [] : [text];
}

export function isWildcard(part: string | Wildcard): part is Wildcard {
  return typeof part !== 'string';
}

/** `contains` / `startswith` / `endswith`: a `*` on the side(s) that do not already have one. */
export function wrap(pattern: Pattern, start: boolean, end: boolean): Pattern {
  const out = [...pattern];
  if (start && !(out[0] !== undefined && isWildcard(out[0]) && out[0].wildcard === '*')) out.unshift(ANY);
  const last = out[out.length - 1];
  if (end && !(last !== undefined && isWildcard(last) && last.wildcard === '*')) out.push(ANY);
  return out;
}

/**
 * The pattern as it reads inside a JSON string (backslashes and quotes escaped), or undefined when that is the
 * same: keywords are searched in the original line, and a JSON line holds `C:\\Windows` for `C:\Windows`.
 */
export function jsonEscaped(pattern: Pattern): Pattern | undefined {
  let changed = false;
  const out = pattern.map((part) => {
    if (isWildcard(part)) return part;
    const escaped = JSON.stringify(part).slice(1, -1);
    if (escaped !== part) changed = true;
    return escaped;
  });
  return changed ? out : undefined;
}

/** The pattern's text when it has no wildcards, else undefined. */
export function plainText(pattern: Pattern): string | undefined {
  let text = '';
  for (const p of pattern) {
    if (isWildcard(p)) return undefined;
    text += p;
  }
  return text;
}

export type StringTest = (value: string) => boolean;

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The test for one pattern. Most SigmaHQ values are `*text`, `text*`, `*text*` or plain text: those become
 * endsWith/startsWith/includes/=== on lower-cased text; anything else a RegExp (wildcards only, so it cannot backtrack
 * exponentially). Case-insensitive unless `cased`.
 */
export function compilePattern(pattern: Pattern, cased: boolean, inputLowered = false): StringTest {
  const lower = (s: string) => s.toLowerCase();
  const same = (s: string) => s;
  // `inputLowered`: the caller lower-cases each value once for all the patterns of an item.
  const norm = cased || inputLowered ? same : lower;
  const parts = pattern.map((p) => (isWildcard(p) ? p : cased ? p : lower(p)));
  const isAny = (p: string | Wildcard | undefined) => p !== undefined && isWildcard(p) && p.wildcard === '*';
  const texts = parts.filter((p): p is string => !isWildcard(p));
  const wildcards = parts.length - texts.length;
  if (wildcards === 0) {
    const want = texts.join('');
    return (v) => norm(v) === want;
  }
  if (texts.length === 0 && parts.every(isAny)) return () => true;
  if (texts.length === 1 && parts.length === 2 && isAny(parts[0])) {
    const want = texts[0]!;
    return (v) => norm(v).endsWith(want);
  }
  if (texts.length === 1 && parts.length === 2 && isAny(parts[1])) {
    const want = texts[0]!;
    return (v) => norm(v).startsWith(want);
  }
  if (texts.length === 1 && parts.length === 3 && isAny(parts[0]) && isAny(parts[2])) {
    const want = texts[0]!;
    return (v) => norm(v).includes(want);
  }
  const source = parts
    .map((p) => (isWildcard(p) ? (p.wildcard === '*' ? '[\\s\\S]*' : '[\\s\\S]') : escapeRegex(p)))
    .join('');
  const re = new RegExp(`^${source}$`, cased ? 'u' : 'iu');
  return (v) => re.test(v);
}
