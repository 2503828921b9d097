// The text a regular expression cannot match without: literal runs, in order, per top-level alternative.
//
// Conservative by construction: anything not plainly a literal character (groups, classes, escapes of letters or
// digits, `.`, anchors) ends a run, and a character a quantifier may repeat or drop ends it too. So every string
// the regex matches contains each alternative's runs in order, and `*run1*run2*` is a superset of the regex.

/** Per top-level alternative, its required literal runs in order; undefined if some alternative requires nothing. */
export function requiredLiterals(source: string): string[][] | undefined {
  const alternatives: string[][] = [];
  let runs: string[] = [];
  let run = '';
  let depth = 0;
  const end = () => {
    if (run !== '') runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (depth > 0) {
      // Inside a group: only its end matters (a class or an escape may hold a parenthesis).
      if (c === '\\') i++;
      else if (c === '[') i = classEnd(source, i);
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      if (depth === 0) i = skipQuantifier(source, i + 1) - 1;
      continue;
    }
    if (c === '|') {
      end();
      if (runs.length === 0) return undefined;
      alternatives.push(runs);
      runs = [];
      continue;
    }
    let literal: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const e = source[i + 1];
      if (e !== undefined && !/[A-Za-z0-9]/.test(e)) literal = e;
      next = i + 2;
    } else if (c === '(') {
      end();
      depth = 1;
      continue;
    } else if (c === '[') {
      end();
      i = skipQuantifier(source, classEnd(source, i) + 1) - 1;
      continue;
    } else if (!'.^$*+?{'.includes(c)) literal = c;
    const q = source[next];
    if (literal === undefined) {
      end();
      i = skipQuantifier(source, next) - 1;
      continue;
    }
    if (q === '?' || q === '*' || (q === '{' && /^\{0[,}]/.test(source.slice(next)))) {
      // The character may be absent.
      end();
    } else if (q === '+' || q === '{') {
      // Present at least once, maybe repeated: the run cannot go on past it.
      run += literal;
      end();
    } else run += literal;
    i = (q === '?' || q === '*' || q === '+' || q === '{' ? skipQuantifier(source, next) : next) - 1;
  }
  end();
  if (runs.length === 0) return undefined;
  alternatives.push(runs);
  return alternatives;
}

/** The index of the `]` that closes the class opened at `start` (or the end of the source). */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

/** The index after a quantifier at `at` (with its lazy `?`), or `at` when there is none. */
function skipQuantifier(source: string, at: number): number {
  let i = at;
  const q = source[i];
  if (q === '?' || q === '*' || q === '+') i++;
  else if (q === '{') {
    const m = /^\{\d*(,\d*)?\}/.exec(source.slice(i));
    if (!m) return i;
    i += m[0].length;
  } else return i;
  return source[i] === '?' ? i + 1 : i;
}
