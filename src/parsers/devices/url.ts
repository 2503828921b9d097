// ECS url.* from a URL as web devices log it: absolute ("http://host:8080/p?q"), path-only ("/p?q"), or schemeless
// ("host/p?q", as Zscaler writes it). Shared by the proxy and IDS device parsers; no URL object per line.
import type { FieldValue } from '../../core/event.js';
import { toPort } from '../values.js';

/** Index of the first of '/', '?', '#' at or after `from`, else the length. */
function authorityEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) return i;
  }
  return s.length;
}

/** Length of a scheme followed by "://" at the start of `s`, else 0. */
function schemeLength(s: string): number {
  const limit = Math.min(s.length, 16);
  for (let i = 0; i < limit; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c === 58 /* : */ && i > 0) return s.startsWith('//', i + 1) ? i : 0;
    const letter = c >= 97 && c <= 122;
    if (!letter && !(i > 0 && ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46))) return 0;
  }
  return 0;
}

/** Writes url.domain and url.port from "host", "host:port", "[v6]:port" (userinfo dropped). */
function setHost(out: Record<string, FieldValue>, authority: string): void {
  const at = authority.lastIndexOf('@');
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  let host = hostPort;
  let port = NaN;
  if (hostPort.charCodeAt(0) === 91 /* [ */) {
    const close = hostPort.indexOf(']');
    if (close > 0) {
      host = hostPort.slice(0, close + 1);
      if (hostPort.charCodeAt(close + 1) === 58) port = toPort(hostPort.slice(close + 2));
    }
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && hostPort.indexOf(':') === colon) {
      host = hostPort.slice(0, colon);
      port = toPort(hostPort.slice(colon + 1));
    }
  }
  if (host.length > 0) out['url.domain'] = host.toLowerCase();
  if (!Number.isNaN(port)) out['url.port'] = port;
}

/** Writes url.path, url.query, url.fragment and url.extension from "/path?query#fragment". */
function setPathParts(out: Record<string, FieldValue>, rest: string): void {
  const hash = rest.indexOf('#');
  const beforeHash = hash >= 0 ? rest.slice(0, hash) : rest;
  if (hash >= 0 && hash + 1 < rest.length) out['url.fragment'] = rest.slice(hash + 1);
  const q = beforeHash.indexOf('?');
  const path = q >= 0 ? beforeHash.slice(0, q) : beforeHash;
  if (q >= 0 && q + 1 < beforeHash.length) out['url.query'] = beforeHash.slice(q + 1);
  if (path.length === 0) return;
  out['url.path'] = path;
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot > slash + 1 && dot < path.length - 1) out['url.extension'] = path.slice(dot + 1).toLowerCase();
}

export interface UrlOptions {
  /** A URL without scheme and without a leading "/" starts with the host (Zscaler's eurl, CONNECT targets). */
  schemelessHost?: boolean;
}

/** Sets url.original and the parts ECS names (scheme, domain, port, path, query, fragment, extension). */
export function setUrlFields(out: Record<string, FieldValue>, original: string, options?: UrlOptions): void {
  if (original.length === 0 || original === '-') return;
  out['url.original'] = original;
  const scheme = schemeLength(original);
  if (scheme > 0) {
    out['url.scheme'] = original.slice(0, scheme).toLowerCase();
    const start = scheme + 3;
    const end = authorityEnd(original, start);
    setHost(out, original.slice(start, end));
    setPathParts(out, end < original.length ? original.slice(end) : '/');
    return;
  }
  if (original.charCodeAt(0) === 47 /* / */) {
    setPathParts(out, original);
    return;
  }
  if (options?.schemelessHost) {
    const end = authorityEnd(original, 0);
    setHost(out, original.slice(0, end));
    if (end < original.length) setPathParts(out, original.slice(end));
  }
}
