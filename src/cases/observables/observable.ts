// Observables (IOCs) of an incident: their types and the one canonical text of each value, so equal things compare equal.
import { domainToASCII } from 'node:url';
import { YaguraError } from '../../core/errors.js';
import { formatIPv4, formatIPv6, mappedIPv4, parseIPv4, parseIPv6 } from '../../detect/intel/ip.js';
import { refang } from './refang.js';

export const OBSERVABLE_TYPES = [
  'ip',
  'domain',
  'url',
  'md5',
  'sha1',
  'sha256',
  'email',
  'user',
  'host',
  'file_path',
  'registry_key',
] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

export interface Observable {
  type: ObservableType;
  /** Canonical, as normalizeObservable returns it. */
  value: string;
}

export type HashObservableType = 'md5' | 'sha1' | 'sha256';

export const HASH_LENGTHS: Readonly<Record<HashObservableType, number>> = { md5: 32, sha1: 40, sha256: 64 };
const HASH_NAMES: Readonly<Record<HashObservableType, string>> = {
  md5: 'An MD5',
  sha1: 'A SHA-1',
  sha256: 'A SHA-256',
};

/**
 * Registry hives, long and short names, to the short name this module keeps. The short form is canonical
 * (`HKEY_LOCAL_MACHINE\...` becomes `HKLM\...`): it is what Sysmon writes in TargetObject and what ECS
 * `registry.hive` holds. STIX export expands it again, as the STIX specification requires (see stix.ts).
 */
export const REGISTRY_HIVES: Readonly<Record<string, string>> = {
  HKEY_LOCAL_MACHINE: 'HKLM',
  HKLM: 'HKLM',
  HKEY_CURRENT_USER: 'HKCU',
  HKCU: 'HKCU',
  HKEY_CLASSES_ROOT: 'HKCR',
  HKCR: 'HKCR',
  HKEY_USERS: 'HKU',
  HKU: 'HKU',
  HKEY_CURRENT_CONFIG: 'HKCC',
  HKCC: 'HKCC',
  // The kernel's names, as some EDRs report them.
  '\\REGISTRY\\MACHINE': 'HKLM',
  '\\REGISTRY\\USER': 'HKU',
};

/** The long name of a short hive name (`HKLM` -> `HKEY_LOCAL_MACHINE`). */
export const HIVE_LONG_NAMES: Readonly<Record<string, string>> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
  HKCC: 'HKEY_CURRENT_CONFIG',
};

const MAX_LENGTH = 8192;
const CONTROL = /[\x00-\x1f\x7f]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

export function isObservableType(s: string): s is ObservableType {
  return (OBSERVABLE_TYPES as readonly string[]).includes(s);
}

function invalid(type: ObservableType, value: string, why: string): YaguraError {
  const shown = value.length > 120 ? `${value.slice(0, 120)}…` : value;
  return new YaguraError('OBSERVABLE_INVALID', `"${shown}" is not a valid ${type}: ${why}`, {
    type,
    value: shown,
  });
}

/**
 * The canonical text of an observable's value, or a YaguraError `OBSERVABLE_INVALID` saying why it is not one.
 *
 * - ip: IPv4 dotted decimal without leading zeros, IPv6 in RFC 5952 form (lower case, `::`); brackets and a zone
 *   are dropped, an IPv4-mapped IPv6 address becomes its IPv4 address.
 * - domain: lower case, punycode for IDN, no trailing dot, two labels or more.
 * - url: scheme and host lower case (IDN host in punycode, IP host canonical); the path, query and fragment are
 *   kept as written. A URL without a scheme is read as `http://`.
 * - md5, sha1, sha256: lower-case hex of 32, 40 or 64 digits.
 * - email: the domain part normalized as a domain, the local part kept; `mailto:` and `Name <addr>` unwrapped.
 * - user: trimmed, case kept. host: lower case, no trailing dot.
 * - file_path: trimmed, surrounding quotes removed, JSON-doubled backslashes halved; must be absolute.
 * - registry_key: hive in its short form (`HKLM`, `HKCU`, `HKCR`, `HKU`, `HKCC`), `\` separators, no trailing `\`.
 * ip, domain, url and email values are refanged first (`1.2.3[.]4`, `hxxp://`), as analysts paste them so.
 */
export function normalizeObservable(type: ObservableType, value: string): string {
  if (!isObservableType(type)) {
    throw new YaguraError('OBSERVABLE_INVALID', `"${String(type)}" is not an observable type`, { type });
  }
  if (typeof value !== 'string') throw invalid(type, String(value), 'it is not text');
  const s = value.trim();
  if (s === '') throw invalid(type, value, 'the value is empty');
  if (s.length > MAX_LENGTH) throw invalid(type, s, `it is longer than ${MAX_LENGTH} characters`);
  if (CONTROL.test(s)) throw invalid(type, s, 'it contains a line break, a tab or another control character');
  switch (type) {
    case 'ip':
      return normalizeIp(refang(s).trim());
    case 'domain':
      return normalizeDomain(refang(s).trim());
    case 'url':
      return normalizeUrl(refang(s).trim());
    case 'md5':
    case 'sha1':
    case 'sha256':
      return normalizeHash(type, s);
    case 'email':
      return normalizeEmail(refang(s).trim());
    case 'user':
      if (s.length > 256) throw invalid(type, s, 'it is longer than 256 characters');
      return s;
    case 'host':
      return normalizeHost(s);
    case 'file_path':
      return normalizeFilePath(s);
    case 'registry_key':
      return normalizeRegistryKey(s);
  }
}

/** The normalized observable; throws as normalizeObservable does. */
export function observable(type: ObservableType, value: string): Observable {
  return { type, value: normalizeObservable(type, value) };
}

/**
 * The identity of a normalized observable for deduplication: its type and value, ignoring case where the system
 * it comes from does (e-mail addresses, Windows paths, registry keys).
 */
export function observableKey(o: Observable): string {
  const folded =
    o.type === 'email' || o.type === 'registry_key' || (o.type === 'file_path' && isWindowsPath(o.value));
  return `${o.type}\u0000${folded ? o.value.toLowerCase() : o.value}`;
}

function normalizeIp(raw: string): string {
  const s = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  if (s.includes(':')) {
    const hex = parseIPv6(s);
    if (hex === undefined) throw invalid('ip', raw, 'it is not an IPv6 address');
    const v4 = mappedIPv4(hex);
    return v4 >= 0 ? formatIPv4(v4) : formatIPv6(hex);
  }
  const n = parseIPv4(s);
  if (n >= 0) return formatIPv4(n);
  if (/^\d+(\.\d+){3}$/.test(s)) {
    const big = s.split('.').find((o) => Number(o) > 255);
    if (big !== undefined) throw invalid('ip', raw, `the octet ${big} is over 255`);
  }
  if (s.includes('/')) throw invalid('ip', raw, 'it is a network (CIDR), not one address');
  throw invalid('ip', raw, 'it is not an IPv4 or IPv6 address');
}

/** Lower-case ASCII labels of a host name, or the reason it is not one. */
function hostLabels(raw: string, type: ObservableType): string[] {
  let s = raw.toLowerCase();
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (/[^\x00-\x7f]/.test(s)) {
    const ascii = domainToASCII(s);
    if (ascii === '') throw invalid(type, raw, 'it is not a valid internationalized name');
    s = ascii;
  }
  if (s.length > 253) throw invalid(type, raw, 'it is longer than 253 characters');
  const labels = s.split('.');
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad !== undefined) {
    const why =
      bad === ''
        ? 'it has an empty label (two dots in a row, or a leading dot)'
        : `the label "${bad}" has a character other than a-z, 0-9, "-" and "_", or starts or ends with "-"`;
    throw invalid(type, raw, why);
  }
  return labels;
}

function normalizeDomain(raw: string): string {
  if (SCHEME.test(raw) || raw.includes('/')) throw invalid('domain', raw, 'it is a URL; use the type url');
  if (raw.includes('@')) throw invalid('domain', raw, 'it is an e-mail address; use the type email');
  if (raw.includes('*')) throw invalid('domain', raw, 'wildcards are not part of a domain');
  if (parseIPv4(raw) >= 0 || parseIPv6(raw) !== undefined)
    throw invalid('domain', raw, 'it is an IP address; use the type ip');
  const labels = hostLabels(raw, 'domain');
  if (labels.length < 2) throw invalid('domain', raw, 'it has a single label (a domain has a dot)');
  if (/^\d+$/.test(labels[labels.length - 1] ?? ''))
    throw invalid('domain', raw, 'its top-level label is a number');
  return labels.join('.');
}

function normalizeHost(raw: string): string {
  if (raw.includes('/') || raw.includes('\\') || /\s/.test(raw))
    throw invalid('host', raw, 'a host name has no "/", "\\" or spaces');
  return hostLabels(raw, 'host').join('.');
}

/** The canonical host of a URL: an IP address (IPv6 in brackets) or a host name of one label or more. */
function urlHost(host: string, raw: string): string {
  if (host.startsWith('[')) {
    if (!host.endsWith(']')) throw invalid('url', raw, 'its IPv6 host has no closing "]"');
    const hex = parseIPv6(host.slice(1, -1));
    if (hex === undefined) throw invalid('url', raw, `its host ${host} is not an IPv6 address`);
    return `[${formatIPv6(hex)}]`;
  }
  if (host === '') throw invalid('url', raw, 'it has no host');
  const v4 = parseIPv4(host);
  if (v4 >= 0) return formatIPv4(v4);
  try {
    return hostLabels(host, 'url').join('.');
  } catch {
    throw invalid('url', raw, `its host "${host}" is not a host name or an IP address`);
  }
}

function normalizeUrl(raw: string): string {
  if (/\s/.test(raw)) throw invalid('url', raw, 'it contains a space');
  let s = raw;
  if (!SCHEME.test(s)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(s) && !/^[^:/]+:\d/.test(s))
      throw invalid('url', raw, 'it has a scheme without "//" (such as mailto:)');
    s = s.startsWith('//') ? `http:${s}` : `http://${s}`;
  }
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(s);
  if (!m) throw invalid('url', raw, 'it is not a URL');
  const [, scheme = '', authority = '', rest = ''] = m;
  const at = authority.lastIndexOf('@');
  const userinfo = authority.slice(0, at + 1);
  let hostPort = authority.slice(at + 1);
  let port = '';
  const portMatch = /:(\d*)$/.exec(hostPort);
  if (portMatch && !(hostPort.startsWith('[') && !hostPort.includes(']:'))) {
    const digits = portMatch[1] ?? '';
    if (digits !== '' && Number(digits) > 65535)
      throw invalid('url', raw, `the port ${digits} is over 65535`);
    port = digits === '' ? '' : `:${digits}`;
    hostPort = hostPort.slice(0, portMatch.index);
  }
  const out = `${scheme.toLowerCase()}://${userinfo}${urlHost(hostPort, raw)}${port}${rest}`;
  if (!URL.canParse(out)) throw invalid('url', raw, 'it is not a URL');
  return out;
}

function normalizeHash(type: HashObservableType, raw: string): string {
  const s = raw.toLowerCase();
  const bad = /[^0-9a-f]/.exec(s);
  if (bad) throw invalid(type, raw, `"${bad[0]}" is not a hex digit`);
  const want = HASH_LENGTHS[type];
  if (s.length !== want)
    throw invalid(type, raw, `${HASH_NAMES[type]} has ${want} hex digits, this has ${s.length}`);
  return s;
}

function normalizeEmail(raw: string): string {
  let s = raw;
  const lt = s.lastIndexOf('<');
  if (lt >= 0 && s.endsWith('>')) s = s.slice(lt + 1, -1).trim();
  if (s.toLowerCase().startsWith('mailto:')) s = s.slice(7);
  const at = s.lastIndexOf('@');
  if (at < 0) throw invalid('email', raw, 'it has no "@"');
  const local = s.slice(0, at);
  if (local === '') throw invalid('email', raw, 'nothing comes before the "@"');
  if (local.length > 64) throw invalid('email', raw, 'the part before "@" is longer than 64 characters');
  if (/[\s<>@"(),;:\\[\]]/.test(local))
    throw invalid('email', raw, 'the part before "@" has a character an address cannot have unquoted');
  let domain: string;
  try {
    domain = normalizeDomain(s.slice(at + 1));
  } catch {
    throw invalid('email', raw, `"${s.slice(at + 1)}" after the "@" is not a domain`);
  }
  return `${local}@${domain}`;
}

const WINDOWS_ABSOLUTE = /^(?:[a-z]:[\\/]|\\\\|%[a-z_][a-z0-9_()]*%(?:[\\/]|$))/i;

/** A drive, UNC or %VARIABLE% path (as opposed to a Unix one). */
export function isWindowsPath(path: string): boolean {
  return WINDOWS_ABSOLUTE.test(path);
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.endsWith(s[0]) ? s.slice(1, -1).trim() : s;
}

/** Halves every run of backslashes when all of them are doubled, as text copied from JSON has them. */
function undoJsonEscaping(s: string): string {
  const runs = s.match(/\\+/g) ?? [];
  if (runs.length < 2 || !runs.every((r) => r.length % 2 === 0)) return s;
  return s.replace(/\\+/g, (r) => r.slice(r.length / 2));
}

function normalizeFilePath(raw: string): string {
  const s = undoJsonEscaping(unquote(raw));
  if (isWindowsPath(s) || s.startsWith('/') || s.startsWith('~/')) return s;
  throw invalid(
    'file_path',
    raw,
    'it is not an absolute path (C:\\..., \\\\server\\share\\..., %APPDATA%\\..., /...)',
  );
}

function normalizeRegistryKey(raw: string): string {
  let s = unquote(raw).replace(/\\+/g, '\\').replace(/\\$/, '');
  s = s.replace(/^(?:Microsoft\.PowerShell\.Core\\)?Registry::/i, '');
  const kernel = /^\\REGISTRY\\(MACHINE|USER)(?=\\|$)/i.exec(s);
  const hiveText = kernel ? kernel[0] : (s.split('\\', 1)[0] ?? '');
  const hive = REGISTRY_HIVES[hiveText.toUpperCase().replace(/:$/, '')];
  if (hive === undefined) {
    throw invalid(
      'registry_key',
      raw,
      `"${hiveText}" is not a registry hive (HKLM, HKCU, HKCR, HKU, HKCC or their HKEY_ names)`,
    );
  }
  const rest = s.slice(hiveText.length + 1);
  if (rest === '') throw invalid('registry_key', raw, 'it names a whole hive, not a key');
  return `${hive}\\${rest}`;
}
