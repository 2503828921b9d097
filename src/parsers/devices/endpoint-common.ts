// Helpers the endpoint normalizers (Windows, CrowdStrike, MDE) share: paths, command lines, DOMAIN\user, numbers, DNS names.
import type { FieldValue } from '../../core/event.js';
import { interned } from '../names.js';
import { MULTI_LABEL_SUFFIXES } from './maps/public-suffixes.js';

export type Fields = Record<string, FieldValue>;

// Field names are built once, here and in the callers' module constants: a name concatenated per event is a new
// string that V8 must hash again on every lookup.

/** prefix + name for each name: keysOf('winlog.event_data.', ['Image']).Image. */
export function keysOf<T extends string>(prefix: string, names: readonly T[]): Readonly<Record<T, string>> {
  const out = {} as Record<T, string>;
  for (const n of names) out[n] = interned(prefix + n);
  return out;
}

const PROCESS_NAMES = [
  'executable',
  'name',
  'command_line',
  'args',
  'args_count',
  'pid',
  'entity_id',
] as const;
export type ProcessKeys = Readonly<Record<(typeof PROCESS_NAMES)[number], string>>;
export const PROCESS: ProcessKeys = keysOf('process.', PROCESS_NAMES);
export const PARENT: ProcessKeys = keysOf('process.parent.', PROCESS_NAMES);

const ACCOUNT_NAMES = ['name', 'domain', 'id'] as const;
export type AccountKeys = Readonly<Record<(typeof ACCOUNT_NAMES)[number], string>>;
export const accountKeys = (prefix: string): AccountKeys => keysOf(prefix + '.', ACCOUNT_NAMES);
export const USER: AccountKeys = accountKeys('user');

const FILE_NAMES = ['path', 'name', 'directory', 'extension'] as const;
export type FileKeys = Readonly<Record<(typeof FILE_NAMES)[number], string>>;
export const FILE: FileKeys = keysOf('file.', FILE_NAMES);

/**
 * A lookup table without a prototype: values a sender controls ("constructor", "toString") must not find
 * Object.prototype's members.
 */
export function dict<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** A field as non-empty text; numbers are written out, and the placeholders vendors use for "none" count as absent. */
export function text(f: Fields, name: string): string | undefined {
  const v = f[name];
  if (typeof v === 'string') return v.length === 0 || v === '-' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Sets a field only when the value is there; keeps callers free of `if (x !== undefined)`. */
export function put(f: Fields, name: string, v: FieldValue | undefined): void {
  if (v !== undefined && v !== '') f[name] = v;
}

export function toNumber(v: string | undefined): number {
  if (v === undefined) return NaN;
  const s = v.trim();
  if (s.length === 0 || s.length > 18) return NaN;
  if (s.charCodeAt(0) === 48 && (s.charCodeAt(1) | 32) === 120) {
    if (s.length === 2) return NaN;
    for (let i = 2; i < s.length; i++) {
      const c = s.charCodeAt(i) | 32;
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return NaN;
    }
    return parseInt(s.slice(2), 16);
  }
  for (let i = s.charCodeAt(0) === 45 ? 1 : 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  return Number(s);
}

/** Sets a whole number field from decimal or hex text; skips what does not read as one. */
export function putNumber(f: Fields, name: string, v: string | undefined): void {
  const n = toNumber(v);
  if (Number.isFinite(n)) f[name] = n;
}

function lastSeparator(path: string): number {
  return Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
}

/** The last part of a Windows or POSIX path; the whole value when it has no separator ("System"). */
export function baseName(path: string): string {
  return path.slice(lastSeparator(path) + 1);
}

/** ECS file.path / name / directory / extension from one path. */
export function putFilePath(f: Fields, k: FileKeys, path: string | undefined): void {
  if (path === undefined) return;
  f[k.path] = path;
  const sep = lastSeparator(path);
  const name = path.slice(sep + 1);
  if (name.length > 0) f[k.name] = name;
  if (sep > 0) f[k.directory] = path.slice(0, sep);
  const dot = name.lastIndexOf('.');
  if (dot > 0 && dot < name.length - 1) f[k.extension] = name.slice(dot + 1);
}

/** ECS executable and name of PROCESS or PARENT. */
export function putExecutable(f: Fields, k: ProcessKeys, path: string | undefined): void {
  if (path === undefined) return;
  f[k.executable] = path;
  const name = baseName(path);
  if (name.length > 0) f[k.name] = name;
}

/**
 * Splits a command line into arguments as Windows programs do (CommandLineToArgvW): blanks separate arguments
 * outside double quotes, 2n backslashes before a quote are n backslashes and the quote toggles quoting, 2n+1 give a
 * literal quote, and "" inside quotes is a literal quote. POSIX command lines without quotes split the same way.
 */
export function splitCommandLine(cmd: string): string[] {
  const args: string[] = [];
  const n = cmd.length;
  let i = 0;
  while (i < n) {
    let c = cmd.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    let arg = '';
    let quoted = false;
    let from = i; // start of the run of plain characters not yet copied into arg
    for (; i < n; i++) {
      c = cmd.charCodeAt(i);
      if (c === 92 /* \ */) {
        let j = i;
        while (cmd.charCodeAt(j) === 92) j++;
        if (cmd.charCodeAt(j) !== 34) {
          i = j - 1; // backslashes not before a quote are literal: they stay in the run
          continue;
        }
        const slashes = j - i;
        arg += cmd.slice(from, i) + '\\'.repeat(slashes >> 1);
        i = j;
        from = i;
        if (slashes % 2 === 1) {
          arg += '"';
          from = i + 1;
          continue;
        }
        c = 34; // after an even run the quote toggles quoting, below
      }
      if (c === 34 /* " */) {
        arg += cmd.slice(from, i);
        if (quoted && cmd.charCodeAt(i + 1) === 34) {
          arg += '"';
          i++;
        } else {
          quoted = !quoted;
        }
        from = i + 1;
        continue;
      }
      if ((c === 32 || c === 9) && !quoted) break;
    }
    arg += cmd.slice(from, i);
    args.push(arg);
  }
  return args;
}

/** command_line, args and args_count of PROCESS or PARENT; returns the arguments. */
export function putCommandLine(f: Fields, k: ProcessKeys, cmd: string | undefined): string[] | undefined {
  if (cmd === undefined) return undefined;
  const trimmed = cmd.trim();
  if (trimmed.length === 0) return undefined;
  f[k.command_line] = cmd;
  const args = splitCommandLine(trimmed);
  if (args.length > 0) {
    f[k.args] = args;
    f[k.args_count] = args.length;
  }
  return args;
}

/** "DOMAIN\user" into the account's domain and name (USER, accountKeys('user.target')); a bare name is the name. */
export function putDomainUser(f: Fields, k: AccountKeys, value: string | undefined): void {
  if (value === undefined) return;
  const sep = value.indexOf('\\');
  if (sep < 0) {
    f[k.name] = value;
    return;
  }
  const domain = value.slice(0, sep);
  const name = value.slice(sep + 1);
  if (domain.length > 0) f[k.domain] = domain;
  if (name.length > 0) f[k.name] = name;
}

/** Appends values to a related.* list without duplicates (normalize adds the ECS sources afterwards). */
export function addRelated(f: Fields, name: string, value: string | undefined): void {
  if (value === undefined || value.length === 0) return;
  const cur = f[name];
  if (Array.isArray(cur)) {
    if (!cur.includes(value)) cur.push(value);
  } else if (cur === undefined || cur === null) {
    f[name] = [value];
  } else if (cur !== value) {
    f[name] = [cur, value];
  }
}

/** Epoch ms as ECS date text. */
export function isoTime(ms: number): string | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
}

/**
 * dns.question.registered_domain / subdomain / top_level_domain from a DNS name. Without the full public suffix list,
 * the top-level domain is the last label, or the last two for the common second-level registries (co.uk, com.au, ...).
 */
export function putDomainParts(f: Fields, prefix: string, name: string): void {
  const host = name.endsWith('.') ? name.slice(0, -1) : name;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0)) return;
  const lastTwo = labels.slice(-2).join('.').toLowerCase();
  const suffixLabels = labels.length > 2 && MULTI_LABEL_SUFFIXES.has(lastTwo) ? 2 : 1;
  if (labels.length <= suffixLabels) return;
  const tld = labels.slice(-suffixLabels).join('.');
  const registered = labels.slice(-(suffixLabels + 1)).join('.');
  f[prefix + '.top_level_domain'] = tld;
  f[prefix + '.registered_domain'] = registered;
  if (labels.length > suffixLabels + 1)
    f[prefix + '.subdomain'] = labels.slice(0, -(suffixLabels + 1)).join('.');
}

/** Moves a field to a new name (no-op when absent). */
export function rename(f: Fields, from: string, to: string): void {
  const v = f[from];
  if (v === undefined) return;
  delete f[from];
  f[to] = v;
}
