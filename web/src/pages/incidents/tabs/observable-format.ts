// Observables as the tab shows them: the defanged display form, and links from a sighting to the event search.
import type { Schemas } from '../../../api/client.js';

export type Observable = Schemas['IncidentObservable'];
export type ObservableType = Observable['type'];

export const OBSERVABLE_TYPES: readonly ObservableType[] = [
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
];

const DEFANGED_SCHEMES: Readonly<Record<string, string>> = {
  http: 'hxxp',
  https: 'hxxps',
  ftp: 'fxp',
};

const dots = (s: string): string => s.replace(/\./g, '[.]');

/**
 * The safe display form, by the server's rule (src/cases/observables/refang.ts): hxxp(s)/fxp schemes and `[.]` in
 * URL hosts, domains, host names and IPv4 addresses, `[:]` in IPv6 addresses, `[@]` in e-mail addresses. Hashes,
 * users, paths and registry keys are not clickable and stay as they are.
 */
export function defang(type: ObservableType, value: string): string {
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
      return at < 0 ? value : `${value.slice(0, at)}[@]${dots(value.slice(at + 1))}`;
    }
    default:
      return value;
  }
}

const BARE = /^[A-Za-z0-9._@+-]+$/;
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'TO']);

/** A literal in the search language: bare when unambiguous, else quoted with `\` and `"` escaped. */
export function queryLiteral(value: string): string {
  if (BARE.test(value) && !KEYWORDS.has(value)) return value;
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * The search query for an observable. The sighting answer carries no query of its own, so the value is searched
 * as a quoted phrase in the message and raw text of the incident's tenant's events (docs/search-language.md,
 * full-text search), narrowed to one host when one is given.
 */
export function sightingQuery(tenant: string, value: string, host?: string): string {
  const parts = [`tenant:${queryLiteral(tenant)}`];
  if (host !== undefined) parts.push(`host.name:${queryLiteral(host)}`);
  // Always quoted: an unquoted value with punctuation would be read as separate words.
  parts.push(`"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
  return parts.join(' AND ');
}

/** /search?q=… for the observable (on one host), over the sighting's first to last time when it found any. */
export function sightingSearchUrl(observable: Observable, host?: string): string {
  const params = new URLSearchParams({ q: sightingQuery(observable.tenant, observable.value, host) });
  const first = observable.sighting?.firstSeen;
  const last = observable.sighting?.lastSeen;
  if (typeof first === 'number' && typeof last === 'number') {
    params.set('from', String(first));
    // The end of a search range is exclusive.
    params.set('to', String(last + 1));
  }
  return `/search?${params.toString()}`;
}

/** File names the exports are saved under: the incident's reference and the format. */
export function exportFileName(ref: string, format: 'stix' | 'csv'): string {
  return format === 'stix' ? `${ref}-observables.stix.json` : `${ref}-observables.csv`;
}
