// Finds the observables in pasted text (an e-mail, a vendor report, a log line, Japanese prose around the indicators).
//
// The text is refanged first (refang.ts), then each kind has its own scanner; where matches overlap the one that
// starts first wins, then the longer one (a URL over the domain inside it, a path over the file name in it). The
// host of a URL or UNC path and the domain of an e-mail address are reported too, right after it. Users and host
// names have no shape of their own in free text and are not extracted; nor are CIDR networks (no observable type).
import { parseIPv6 } from '../../detect/intel/ip.js';
import { normalizeObservable, observableKey, type Observable, type ObservableType } from './observable.js';
import { refang } from './refang.js';
import { isBareDomain, isPlausibleTld } from './tlds.js';

interface Candidate {
  start: number;
  end: number;
  type: ObservableType;
  text: string;
  /** Breaks ties between matches that start at the same place and have the same length: lower wins. */
  rank: number;
}

// Japanese and full-width punctuation that ends a value even where the value's characters would go on.
const JA_PUNCT = '「」『』【】〈〉《》、。・…〜～｡､';

const URL_RE = /(?<![A-Za-z0-9+.-])(?:https?|ftps?|sftp|wss?):\/\/[!#-&(-;=?-[\]_a-z~]+/gi;
const EMAIL_RE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z0-9-]{2,63}/g;
const IPV4_RE = /(?<![0-9A-Za-z.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9A-Za-z]|\.\d)/g;
const IPV6_RE = /(?<![0-9A-Za-z_:.])[0-9A-Fa-f.]*:[0-9A-Fa-f:.]+/g;
const HASH_RE = /(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{64}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{32})(?![0-9A-Za-z])/g;
const DOMAIN_RE =
  /(?<![A-Za-z0-9_@.\\/-])(?:[A-Za-z0-9-]{1,63}\.)+(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{2,59})(?![A-Za-z0-9_@-]|\.[A-Za-z0-9])/g;

// A path segment: anything Windows allows in a name except spaces and Japanese punctuation; spaces are allowed
// inside segments that a backslash follows ("Program Files\"), never in the last one.
const WIN_SEG = `[^\\\\/:*?"<>|\\s${JA_PUNCT}]+`;
const WIN_PATH_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9\\])(?:[A-Za-z]:\\|\\\\[?.]\\(?:[A-Za-z]:\\)?|\\\\[A-Za-z0-9._$-]+\\|%[A-Za-z_][A-Za-z0-9_()]*%\\)` +
    `(?:${WIN_SEG}(?: ${WIN_SEG})*\\\\)*(?:${WIN_SEG})?`,
  'g',
);
const REG_SEG = `[^\\\\\\s"'<>|${JA_PUNCT}]+`;
const REGISTRY_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9_\\])(?:HKEY_(?:LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG)|HKLM|HKCU|HKCR|HKU|HKCC|\\REGISTRY\\(?:MACHINE|USER)):?\\` +
    `(?:${REG_SEG}(?: ${REG_SEG})*\\\\)*${REG_SEG}`,
  'gi',
);
/** The Unix roots a path must start under to be taken from free text. */
export const UNIX_ROOTS = [
  'tmp',
  'etc',
  'home',
  'var',
  'usr',
  'opt',
  'dev/shm',
  'root',
  'bin',
  'sbin',
  'srv',
  'Users',
  'Library',
] as const;
const UNIX_PATH_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9._~/\\-])/(?:${UNIX_ROOTS.join('|')})(?:/[A-Za-z0-9._~+@%=,:-]+)+/?`,
  'g',
);

// What comes around a dotted quad that is a version, not an address ("version 1.2.3.4", "10.2.9.1 and earlier";
// "v10.0.0.1" is caught by the letter rule), and before a 32-digit hex that is an import hash, not a file's MD5.
const VERSION_BEFORE = /(?:version|ver\.?|build|rev\.?|バージョン)\s*[:=]?\s*$/i;
const VERSION_AFTER =
  /^\s*(?:and|or)\s+(?:earlier|later|above|below|prior)|^\s*(?:through|以前|以降|未満|より前)/i;
const IMPHASH_BEFORE = /imphash\s*[:=]\s*$/i;

const RANK: Readonly<Record<ObservableType, number>> = {
  url: 0,
  email: 1,
  registry_key: 2,
  file_path: 3,
  ip: 4,
  sha256: 5,
  sha1: 5,
  md5: 5,
  domain: 6,
  user: 7,
  host: 7,
};

/** Removes what sentences put after a value: closing punctuation, and a closing bracket that opened before it. */
function trimEnd(s: string): string {
  let out = s;
  for (;;) {
    const last = out[out.length - 1];
    if (last === undefined) return out;
    if ('.,;:!?\'"*'.includes(last)) out = out.slice(0, -1);
    else if (last in CLOSERS && count(out, CLOSERS[last] ?? '') < count(out, last)) out = out.slice(0, -1);
    else return out;
  }
}

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>': '<' };

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/**
 * The last path segment stops where Latin text turns into Japanese ("evil.exeを実行", "Desktopに保存"): a file
 * name written in Japanese ("請求書.exe") keeps its characters.
 */
function trimTrailingProse(path: string, separator: string): string {
  const cut = path.lastIndexOf(separator) + 1;
  const last = path.slice(cut);
  const m = /^[\x20-\x7e]+(?=[^\x00-\x7f])/.exec(last) ?? /^.*?\.[A-Za-z0-9]{1,8}(?=[^\x00-\x7f])/.exec(last);
  return m ? path.slice(0, cut) + m[0] : path;
}

function scan(text: string, re: RegExp, type: ObservableType, out: Candidate[], tidy = trimEnd): void {
  for (const m of text.matchAll(re)) {
    const value = tidy(m[0]);
    if (value === '') continue;
    out.push({ start: m.index, end: m.index + value.length, type, text: value, rank: RANK[type] });
  }
}

function ipv4Candidates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(IPV4_RE)) {
    const octets = m[0].split('.');
    if (octets.some((o) => Number(o) > 255 || (o.length > 1 && o.startsWith('0')))) continue;
    if (/^\/\d/.test(text.slice(m.index + m[0].length))) continue; // a CIDR network
    if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    if (VERSION_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'ip', text: m[0], rank: RANK.ip });
  }
}

function ipv6Candidates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(IPV6_RE)) {
    let s = m[0].replace(/\.+$/, '');
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
    if (/^[G-Zg-z_]/.test(text.slice(m.index + m[0].length))) continue;
    if (/^\/\d/.test(text.slice(m.index + s.length))) continue;
    // "::" or eight groups, and at least two groups that are not empty: not a time (10:30:00), a MAC or "::1".
    const groups = s.split(':').filter((g) => g !== '');
    if (!(s.includes('::') || s.split(':').length === 8) || groups.length < 2) continue;
    const hex = parseIPv6(s);
    if (hex === undefined || /^0+$/.test(hex)) continue;
    out.push({ start: m.index, end: m.index + s.length, type: 'ip', text: s, rank: RANK.ip });
  }
}

function hashCandidates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(HASH_RE)) {
    const s = m[0];
    // Hex of all digits or all letters is a number or a word far more often than a hash.
    if (!/\d/.test(s) || !/[a-f]/i.test(s)) continue;
    if (s.length === 32 && IMPHASH_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const type = s.length === 64 ? 'sha256' : s.length === 40 ? 'sha1' : 'md5';
    out.push({ start: m.index, end: m.index + s.length, type, text: s, rank: RANK[type] });
  }
}

function domainCandidates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(DOMAIN_RE)) {
    const labels = m[0].split('.');
    const tld = labels[labels.length - 1] ?? '';
    // "System.IO", "Foo.NET": an upper-case TLD after a label in lower case is code, not a host name.
    if (/[A-Z]/.test(tld) && labels.slice(0, -1).some((l) => /[a-z]/.test(l))) continue;
    if (!isBareDomain(labels.map((l) => l.toLowerCase()))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'domain', text: m[0], rank: RANK.domain });
  }
}

function emailCandidates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(EMAIL_RE)) {
    const s = trimEnd(m[0]);
    const tld = s.slice(s.lastIndexOf('.') + 1).toLowerCase();
    if (!isPlausibleTld(tld)) continue;
    out.push({ start: m.index, end: m.index + s.length, type: 'email', text: s, rank: RANK.email });
  }
}

/** Accepts candidates in order of position, each only where no earlier or longer one already is. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const kept: Candidate[] = [];
  let reach = 0;
  for (const c of candidates) {
    if (c.start < reach) continue;
    kept.push(c);
    reach = c.end;
  }
  return kept;
}

/** The observable a host name or address stands for (inside a URL, a UNC path or an e-mail), if any. */
function hostObservable(host: string, structural: boolean): Observable | undefined {
  const h = host.replace(/^\[|\]$/g, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return tryObservable('ip', h);
  const labels = h.toLowerCase().split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !(structural ? isPlausibleTld(tld) : isBareDomain(labels))) return undefined;
  return tryObservable('domain', h);
}

function tryObservable(type: ObservableType, text: string): Observable | undefined {
  try {
    return { type, value: normalizeObservable(type, text) };
  } catch {
    return undefined;
  }
}

/** What one accepted match reports: the observable itself, then the host it names. */
function observablesOf(c: Candidate): Observable[] {
  const own = tryObservable(c.type, c.text);
  if (!own) return [];
  const out = [own];
  let host: Observable | undefined;
  if (c.type === 'url') {
    const authority = /^[^:]+:\/\/([^/?#]*)/.exec(own.value)?.[1] ?? '';
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    host = hostObservable(hostPort.replace(/:\d*$/, ''), true);
  } else if (c.type === 'email') {
    host = hostObservable(own.value.slice(own.value.lastIndexOf('@') + 1), true);
  } else if (c.type === 'file_path' && /^\\\\[^?.\\]/.test(own.value)) {
    host = hostObservable(own.value.slice(2).split('\\', 1)[0] ?? '', false);
  }
  if (host) out.push(host);
  return out;
}

/**
 * The observables in `text`, normalized, each once, in the order they first appear: IPv4 and IPv6 addresses,
 * URLs, domains, e-mail addresses, MD5/SHA-1/SHA-256 hashes, Windows paths (C:\..., \\server\share\...,
 * %APPDATA%\...), Unix paths under the roots of UNIX_ROOTS, and registry keys (HKLM\..., HKEY_LOCAL_MACHINE\...).
 * Defanged indicators are found in their live form.
 */
export function extractObservables(text: string): Observable[] {
  const s = refang(text);
  const candidates: Candidate[] = [];
  scan(s, URL_RE, 'url', candidates);
  emailCandidates(s, candidates);
  scan(s, REGISTRY_RE, 'registry_key', candidates, (m) => trimTrailingProse(trimEnd(m), '\\'));
  scan(s, WIN_PATH_RE, 'file_path', candidates, (m) => {
    const path = trimEnd(trimTrailingProse(trimEnd(m), '\\'));
    // A drive, server or variable alone ("C:\", "\\server\") is not a file.
    return /^(?:[A-Za-z]:|\\\\[^\\]*|%[^%]*%)\\?$/.test(path) ? '' : path;
  });
  scan(s, UNIX_PATH_RE, 'file_path', candidates);
  ipv4Candidates(s, candidates);
  ipv6Candidates(s, candidates);
  hashCandidates(s, candidates);
  domainCandidates(s, candidates);

  const seen = new Set<string>();
  const out: Observable[] = [];
  for (const c of resolveOverlaps(candidates)) {
    for (const o of observablesOf(c)) {
      const key = observableKey(o);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(o);
    }
  }
  return out;
}
