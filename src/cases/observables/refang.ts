// Defanging: the marks reports put in indicators so nobody clicks them (hxxp, [.]), undone for analysis and redone for display.
import type { Observable } from './observable.js';
import { isKnownTld } from './tlds.js';

// Zero-width characters and the soft hyphen: some mailers and reports insert them to break auto-linking.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Full-width ASCII forms (Ａ-Ｚ, ０-９, ．, ：, ／, ＠, （）, ［］) and the ideographic space to their ASCII
 * equivalents, as Japanese text often writes them. Japanese punctuation (「」、。) is left as it is.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

const OPEN = String.raw`[\[({]`;
const CLOSE = String.raw`[\])}]`;

const MARKS: ReadonlyArray<[RegExp, string]> = [
  [new RegExp(String.raw`${OPEN}\s*:\/\/\s*${CLOSE}`, 'g'), '://'],
  [new RegExp(String.raw`${OPEN}\s*:\s*${CLOSE}`, 'g'), ':'],
  [new RegExp(String.raw`[ \t]*${OPEN}\s*(?:\.|dot)\s*${CLOSE}[ \t]*`, 'gi'), '.'],
  [new RegExp(String.raw`[ \t]*${OPEN}\s*(?:@|at)\s*${CLOSE}[ \t]*`, 'gi'), '@'],
  [/\[\/\]/g, '/'],
];

const SCHEMES: ReadonlyArray<[RegExp, string]> = [
  // hxxp, hXXp, h**p; and ttp:// as Japanese forums write links so they do not become live.
  [/(?<![a-z])(?:h(?:xx|\*\*)p|ttp)(s?)(?=:\/\/)/gi, 'http'],
  [/(?<![a-z])fxp(s?)(?=:\/\/)/gi, 'ftp'],
];

// `evil\.example\.com` (a regex-escaped host) and `evil dot example dot com`: only when the last label is a known
// TLD, so `C:\Users\bob\.ssh` and "the dot com bubble" stay as they are.
const ESCAPED_DOTS = /(?<![A-Za-z0-9-])[A-Za-z0-9-]+(?:\\\.[A-Za-z0-9-]+)+(?![A-Za-z0-9-])/g;
const SPELLED_DOTS = /(?<![A-Za-z0-9-])[A-Za-z0-9-]+(?:[ \t]+dot[ \t]+[A-Za-z0-9-]+)+(?![A-Za-z0-9-])/gi;
const NOT_A_HOST_START = new Set(['the', 'a', 'an', 'this', 'that', 'of', 'and', 'or']);

function endsInKnownTld(labels: string[]): boolean {
  return isKnownTld((labels[labels.length - 1] ?? '').toLowerCase());
}

/**
 * The live form of defanged text: one value or a whole pasted report. Undoes hxxp/hxxps/h**p/ttp and fxp schemes,
 * `[.]` `(.)` `{.}` `[dot]` `(dot)`, `[:]`, `[://]`, `[@]` `[at]` `(at)`, `[/]`, `\.` and ` dot ` inside host names,
 * full-width ASCII and zero-width characters. Text that was never defanged comes back unchanged (but for those
 * width and invisible-character foldings).
 */
export function refang(text: string): string {
  let s = foldWidth(text.replace(INVISIBLE, ''));
  for (const [re, to] of MARKS) s = s.replace(re, to);
  s = s.replace(ESCAPED_DOTS, (m) => {
    const labels = m.split('\\.');
    return endsInKnownTld(labels) ? labels.join('.') : m;
  });
  s = s.replace(SPELLED_DOTS, (m) => {
    const labels = m.split(/[ \t]+dot[ \t]+/i);
    const first = (labels[0] ?? '').toLowerCase();
    if (!endsInKnownTld(labels) || (labels.length === 2 && NOT_A_HOST_START.has(first))) return m;
    return labels.join('.');
  });
  for (const [re, to] of SCHEMES) s = s.replace(re, (_, secure: string) => to + secure.toLowerCase());
  return s;
}

const DEFANGED_SCHEMES: Readonly<Record<string, string>> = {
  http: 'hxxp',
  https: 'hxxps',
  ftp: 'fxp',
  ftps: 'fxps',
};

const dots = (s: string): string => s.replace(/\./g, '[.]');

/**
 * The safe display and export form of an observable: hxxp(s)/fxp schemes and `[.]` in URL hosts, domains, host
 * names and IPv4 addresses, `[:]` in IPv6 addresses, `[@]` in e-mail addresses. Hashes, users, paths and registry
 * keys are not clickable and come back as they are. `refang(defang(o)) === o.value` for every normalized value.
 */
export function defang(observable: Observable): string {
  const { type, value } = observable;
  switch (type) {
    case 'url': {
      const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(value);
      if (!m) return value;
      const [, scheme = '', authority = '', rest = ''] = m;
      const at = authority.lastIndexOf('@');
      const host = authority.slice(at + 1);
      const safeHost = host.startsWith('[') ? host : dots(host);
      return `${DEFANGED_SCHEMES[scheme.toLowerCase()] ?? scheme}://${authority.slice(0, at + 1)}${safeHost}${rest}`;
    }
    case 'domain':
    case 'host':
      return dots(value);
    case 'ip':
      return value.includes(':') ? value.replace(/:/g, '[:]') : dots(value);
    case 'email': {
      const at = value.lastIndexOf('@');
      return `${value.slice(0, at)}[@]${dots(value.slice(at + 1))}`;
    }
    default:
      return value;
  }
}
