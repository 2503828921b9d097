// The search query (docs/search-language.md) that finds where an observable was sighted in stored ECS events.
import { HIVE_LONG_NAMES, isWindowsPath, type Observable, type ObservableType } from './observable.js';

/**
 * The ECS fields each type is searched in: the names our parsers and normalize/related.ts fill (and the fields
 * the indicator matcher looks at, detect/intel/fields.ts), so a sighting query finds what detection would.
 */
export const SIGHTING_FIELDS: Readonly<Record<ObservableType, readonly string[]>> = {
  ip: [
    'source.ip',
    'destination.ip',
    'client.ip',
    'server.ip',
    'host.ip',
    'related.ip',
    'source.nat.ip',
    'destination.nat.ip',
    'dns.resolved_ip',
  ],
  domain: [
    'url.domain',
    'destination.domain',
    'source.domain',
    'server.domain',
    'client.domain',
    'dns.question.name',
    'tls.client.server_name',
    'related.hosts',
  ],
  url: ['url.full', 'url.original', 'http.request.referrer'],
  md5: hashFields('md5'),
  sha1: hashFields('sha1'),
  sha256: hashFields('sha256'),
  email: [
    'email.from.address',
    'email.sender.address',
    'email.reply_to.address',
    'email.to.address',
    'email.cc.address',
    'email.bcc.address',
    'user.email',
    'source.user.email',
    'destination.user.email',
  ],
  user: [
    'user.name',
    'related.user',
    'user.target.name',
    'source.user.name',
    'destination.user.name',
    'user.effective.name',
  ],
  host: ['host.name', 'host.hostname', 'observer.hostname', 'observer.name', 'related.hosts'],
  file_path: ['file.path', 'process.executable', 'process.parent.executable', 'dll.path'],
  registry_key: ['registry.path', 'registry.key'],
};

function hashFields(h: 'md5' | 'sha1' | 'sha256'): string[] {
  return [
    `file.hash.${h}`,
    `process.hash.${h}`,
    `process.parent.hash.${h}`,
    `dll.hash.${h}`,
    `tls.server.hash.${h}`,
    'related.hash',
  ];
}

/** A value the query language reads as a whole, compared exactly (case-insensitively for A-Z). */
type Exact = { exact: string };
/** A wildcard pattern: `*` stands for any run of characters, everything else is literal. */
type Pattern = { pattern: string };
type Value = Exact | Pattern;

const BARE = /^[A-Za-z0-9._@+-]+$/;
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'TO']);
// The parser reads a value of this shape as a CIDR network even in quotes (parser.ts); an escaped "/" is literal.
const CIDR_SHAPE = /^[0-9A-Fa-f:.]+\/\d+$/;

/** A literal value in query syntax: bare when that is unambiguous, else quoted with `\` and `"` escaped. */
export function queryLiteral(value: string): string {
  if (BARE.test(value) && !KEYWORDS.has(value)) return value;
  if (CIDR_SHAPE.test(value)) return escapeAll(value);
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Every character but letters, digits and `._@+-` escaped with `\`: a literal outside quotes. */
function escapeAll(text: string): string {
  return text.replace(/[^A-Za-z0-9._@+-]/g, (c) => `\\${c}`);
}

function render(v: Value): string {
  if ('exact' in v) return queryLiteral(v.exact);
  return v.pattern
    .split('*')
    .map((part) => escapeAll(part))
    .join('*');
}

/** `field:v`, or `field:(v1 OR v2 ...)` for several values. */
function fieldTerm(field: string, values: readonly Value[]): string {
  const rendered = values.map(render);
  return rendered.length === 1 ? `${field}:${rendered[0]}` : `${field}:(${rendered.join(' OR ')})`;
}

function overFields(fields: readonly string[], values: readonly Value[]): string[] {
  return fields.map((f) => fieldTerm(f, values));
}

const exact = (s: string): Exact => ({ exact: s });
const pattern = (s: string): Pattern => ({ pattern: s });

function ipTerms(ip: string): string[] {
  // An address as a one-address network: it also finds zero-padded IPv4, IPv4-mapped IPv6 and every way of
  // writing an IPv6 address (2001:db8::1 = 2001:0db8:0:0::1), which an exact value would not.
  const network = `${ip}/${ip.includes(':') ? 128 : 32}`;
  return SIGHTING_FIELDS.ip.map((f) => `${f}:${network}`);
}

function urlValues(url: string): Value[] {
  const m = /^([^:]+:\/\/[^/?#]*)(\/?)$/.exec(url);
  // "http://x.example" and "http://x.example/" are the same page; logs write either.
  if (m) return [exact(`${m[1]}`), exact(`${m[1]}/`)];
  return [exact(url)];
}

function userTerms(user: string): string[] {
  const terms = overFields(SIGHTING_FIELDS.user, [exact(user)]);
  const slash = user.indexOf('\\');
  if (slash > 0 && slash < user.length - 1) {
    // DOMAIN\name: Windows logs keep the two apart.
    const domain = queryLiteral(user.slice(0, slash));
    const name = queryLiteral(user.slice(slash + 1));
    for (const prefix of ['user', 'source.user', 'destination.user', 'user.target'])
      terms.push(`(${prefix}.domain:${domain} AND ${prefix}.name:${name})`);
  }
  return terms;
}

function hostTerms(host: string): string[] {
  const dot = host.indexOf('.');
  const values = [exact(host)];
  // A short name is also found as the first label of its FQDN, and an FQDN as its short name: hosts report both.
  const variants = dot < 0 ? [pattern(`${host}.*`)] : [exact(host.slice(0, dot))];
  return SIGHTING_FIELDS.host.map((f) =>
    fieldTerm(f, f === 'host.name' || f === 'host.hostname' ? [...values, ...variants] : values),
  );
}

// Where environment-variable paths usually lead; an unknown variable may stand for any folder.
const ENV_FOLDERS: Readonly<Record<string, string>> = {
  APPDATA: '*\\AppData\\Roaming',
  LOCALAPPDATA: '*\\AppData\\Local',
  TEMP: '*\\Temp',
  TMP: '*\\Temp',
  USERPROFILE: '*\\Users\\*',
  PUBLIC: '*\\Users\\Public',
  PROGRAMDATA: '*\\ProgramData',
  ALLUSERSPROFILE: '*\\ProgramData',
  WINDIR: '*\\Windows',
  SYSTEMROOT: '*\\Windows',
  PROGRAMFILES: '*\\Program Files',
  'PROGRAMFILES(X86)': '*\\Program Files (x86)',
};

function filePathValues(path: string): Value[] {
  const env = /^%([^%]+)%/.exec(path);
  if (env) {
    const folder = ENV_FOLDERS[(env[1] ?? '').toUpperCase()] ?? '*';
    return [exact(path), pattern(folder + path.slice(env[0].length))];
  }
  return [exact(path)];
}

function registryTerms(key: string): string[] {
  const sep = key.indexOf('\\');
  const hive = key.slice(0, sep);
  const rest = key.slice(sep + 1);
  const long = HIVE_LONG_NAMES[hive] ?? hive;
  // The key itself and every value and subkey under it (Sysmon's TargetObject names the value).
  const full: Value[] = [];
  for (const h of [hive, long]) full.push(exact(`${h}\\${rest}`), pattern(`${h}\\${rest}\\*`));
  // Sysmon writes HKCU keys as HKU\<SID>\...
  if (hive === 'HKCU') full.push(pattern(`HKU\\*\\${rest}`), pattern(`HKU\\*\\${rest}\\*`));
  const split = `(registry.hive:${queryLiteral(hive)} AND ${fieldTerm('registry.key', [exact(rest), pattern(`${rest}\\*`)])})`;
  return [...overFields(SIGHTING_FIELDS.registry_key, full), split];
}

/**
 * A query in the Yagura search language that finds events where the observable appears: an OR of `field:value`
 * terms over SIGHTING_FIELDS[type], with the variants the fields are written in (subdomains of a domain, a URL with
 * and without its trailing "/", HKLM and HKEY_LOCAL_MACHINE, DOMAIN\user split in two fields). Values are quoted or
 * escaped as the parser needs (backslashes and spaces of Windows paths included). `o` must be normalized.
 */
export function sightingQuery(o: Observable): string {
  const { type, value } = o;
  let terms: string[];
  switch (type) {
    case 'ip':
      terms = ipTerms(value);
      break;
    case 'domain':
      terms = overFields(SIGHTING_FIELDS.domain, [exact(value), pattern(`*.${value}`)]);
      break;
    case 'url':
      terms = overFields(SIGHTING_FIELDS.url, urlValues(value));
      break;
    case 'user':
      terms = userTerms(value);
      break;
    case 'host':
      terms = hostTerms(value);
      break;
    case 'file_path':
      terms = overFields(
        SIGHTING_FIELDS.file_path,
        isWindowsPath(value) ? filePathValues(value) : [exact(value)],
      );
      break;
    case 'registry_key':
      terms = registryTerms(value);
      break;
    default:
      terms = overFields(SIGHTING_FIELDS[type], [exact(value)]);
  }
  return terms.join(' OR ');
}
