// Searching texts for the prefilter's literals: plain ones with includes, case-folded ones by folding ASCII letters
// alone (exactly what the regex's i flag does to them), without lower-casing the text into a new string.

export type Check = (text: string) => boolean;

/** English letter frequency, most common first. */
const LETTERS = 'etaoinsrhldcumfpgwybvkxjqz';

/**
 * How rarely a character turns up in command lines and paths, 0 to 30: letters by English frequency, then
 * digits and the common separators, then other punctuation, the best at ruling texts out.
 */
export function rarity(c: string): number {
  const letter = LETTERS.indexOf(c.toLowerCase());
  if (letter >= 0) return letter / 2;
  if (/[0-9]/.test(c)) return 10;
  return /[\s\\/.\-_:,=]/.test(c) ? 5 : 30;
}

/** Searches a folded literal costs: one indexOf per occurrence of its anchor, two when the anchor is a letter. */
export function searches(lit: string, folded: boolean): number {
  return folded && /^[a-z]+$/.test(lit) ? 2 : 1;
}

/** The anchor of a folded search: a character that is not a letter if there is one, else the rarest letter. */
function anchorOf(lit: string): number {
  let anchor = 0;
  const weight = (c: string) => rarity(c) + (/[a-z]/.test(c) ? 0 : 100);
  for (let k = 1; k < lit.length; k++)
    if (weight(lit[k] as string) > weight(lit[anchor] as string)) anchor = k;
  return anchor;
}

/** Whether `text` contains `lit` (lower case) with its ASCII letters in either case and everything else as is. */
export function containsFolded(lit: string): Check {
  const n = lit.length;
  const codes = Int32Array.from(lit, (c) => c.charCodeAt(0));
  // (unit | 0x20) equals a lower-case letter only for that letter and its upper case.
  const masks = Int32Array.from(lit, (c) => (/[a-z]/.test(c) ? 0x20 : 0));
  const anchor = anchorOf(lit);
  const low = lit[anchor] as string;
  const up = low.toUpperCase();
  const at = (text: string, start: number): boolean => {
    if (start < 0 || start + n > text.length) return false;
    for (let k = 0; k < n; k++) {
      if ((text.charCodeAt(start + k) | (masks[k] as number)) !== codes[k]) return false;
    }
    return true;
  };
  if (low === up) {
    return (text) => {
      for (let i = text.indexOf(low, anchor); i >= 0; i = text.indexOf(low, i + 1))
        if (at(text, i - anchor)) return true;
      return false;
    };
  }
  return (text) => {
    let a = text.indexOf(low, anchor);
    let b = text.indexOf(up, anchor);
    while (a >= 0 || b >= 0) {
      const i = a < 0 ? b : b < 0 ? a : Math.min(a, b);
      if (at(text, i - anchor)) return true;
      if (i === a) a = text.indexOf(low, i + 1);
      else b = text.indexOf(up, i + 1);
    }
    return false;
  };
}

/** Whether the text contains one of the exact strings or one of the folded ones. */
export function anyOf(exact: readonly string[], folded: readonly string[]): Check {
  const checks: Check[] = [
    ...exact.map(
      (s): Check =>
        (text) =>
          text.includes(s),
    ),
    ...folded.map(containsFolded),
  ];
  if (checks.length === 1) return checks[0] as Check;
  if (folded.length === 0 && exact.length === 2) {
    const [x, y] = exact as [string, string];
    return (text) => text.includes(x) || text.includes(y);
  }
  return (text) => {
    for (const check of checks) if (check(text)) return true;
    return false;
  };
}
