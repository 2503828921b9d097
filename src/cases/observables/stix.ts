// Exports an incident's observables as a STIX 2.1 bundle of indicators, for sharing with a TIP, a CERT or a customer.
import { createHash } from 'node:crypto';
import type { Tlp } from '../incident-model.js';
import { HIVE_LONG_NAMES, type Observable } from './observable.js';
import { tlpMarkingDefinition } from './tlp-marking.js';

export interface StixExportOptions {
  /** Epoch ms: created, modified and valid_from of every object. */
  now: number;
  /** Put in each indicator's description ("Observed in incident: ..."). */
  incidentTitle?: string;
  /** The organisation that shares the bundle: an identity object is added and referenced by created_by_ref. */
  createdBy?: string;
  /**
   * Makes ids unique to one export scope, usually the incident id: the same observable exported again from the same
   * incident keeps its id (a TIP updates it rather than adding a duplicate), the same value from another incident
   * gets another id. Without it, ids depend on the type and value only.
   */
  idScope?: string;
  /**
   * The incident's TLP 2.0 label: the OASIS marking-definition of that label is added to the bundle and every
   * indicator names it in object_marking_refs, so the recipient's tools keep the sharing limit with the data.
   */
  tlp?: Tlp;
}

export interface StixObject {
  type: string;
  spec_version: '2.1';
  id: string;
  created: string;
  /** Absent on marking definitions, which STIX 2.1 does not version. */
  modified?: string;
  [property: string]: unknown;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

// Ids are UUIDv5 (RFC 4122 name-based, SHA-1) in this namespace, so an export is reproducible: see idScope.
const NAMESPACE = 'c6f2a4c1-59d2-4f7e-9a3b-7d1e0b6f2c11';

function uuidV5(name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A STIX pattern string literal: `'` and `\` escaped with a backslash, as the patterning grammar requires. */
export function stixString(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

const HASH_KEYS = { md5: 'MD5', sha1: "'SHA-1'", sha256: "'SHA-256'" } as const;

/** The file name and the folder it is in, split at the last separator (`\` for Windows paths, `/` otherwise). */
function splitPath(path: string): { dir: string; name: string } {
  const cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return { dir: path.slice(0, cut), name: path.slice(cut + 1) };
}

/**
 * The STIX 2.1 pattern for an observable, or undefined for a host: STIX has no cyber-observable object for a host
 * name that is not a domain, and a host in an incident is usually the victim, not an indicator to share.
 * A file path becomes the file's name and its folder (`file:name` and `file:parent_directory_ref.path`), as the
 * STIX file object has no full-path property; a registry key has its hive written in full (HKEY_LOCAL_MACHINE).
 */
export function stixPattern(o: Observable): string | undefined {
  const v = o.value;
  switch (o.type) {
    case 'ip':
      return `[${v.includes(':') ? 'ipv6-addr' : 'ipv4-addr'}:value = ${stixString(v)}]`;
    case 'domain':
      return `[domain-name:value = ${stixString(v)}]`;
    case 'url':
      return `[url:value = ${stixString(v)}]`;
    case 'md5':
    case 'sha1':
    case 'sha256':
      return `[file:hashes.${HASH_KEYS[o.type]} = ${stixString(v)}]`;
    case 'email':
      return `[email-addr:value = ${stixString(v)}]`;
    case 'user':
      return `[user-account:user_id = ${stixString(v)}]`;
    case 'file_path': {
      const { dir, name } = splitPath(v);
      if (name === '') return `[directory:path = ${stixString(dir)}]`;
      if (dir === '') return `[file:name = ${stixString(name)}]`;
      return `[file:name = ${stixString(name)} AND file:parent_directory_ref.path = ${stixString(dir)}]`;
    }
    case 'registry_key': {
      const sep = v.indexOf('\\');
      const hive = v.slice(0, sep);
      return `[windows-registry-key:key = ${stixString(`${HIVE_LONG_NAMES[hive] ?? hive}${v.slice(sep)}`)}]`;
    }
    case 'host':
      return undefined;
  }
}

const LABELS: Readonly<Record<Observable['type'], string>> = {
  ip: 'IP address',
  domain: 'Domain',
  url: 'URL',
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  email: 'E-mail address',
  user: 'User account',
  host: 'Host',
  file_path: 'File',
  registry_key: 'Registry key',
};

/**
 * A STIX 2.1 bundle with one `indicator` (pattern_type stix) per observable, an `identity` when createdBy is
 * given and the TLP 2.0 `marking-definition` when tlp is. Host observables are left out (see stixPattern); call
 * stixPattern to tell which. Objects and ids are a function of the observables and options only, so the same
 * export gives the same bundle.
 */
export function toStixBundle(observables: readonly Observable[], options: StixExportOptions): StixBundle {
  const time = new Date(options.now).toISOString();
  const scope = options.idScope === undefined ? '' : `${options.idScope}\u0000`;
  const objects: StixObject[] = [];
  const marking = options.tlp === undefined ? undefined : tlpMarkingDefinition(options.tlp);
  if (marking) objects.push({ ...marking });
  let identityId: string | undefined;
  if (options.createdBy !== undefined) {
    identityId = `identity--${uuidV5(`identity\u0000${options.createdBy}`)}`;
    objects.push({
      type: 'identity',
      spec_version: '2.1',
      id: identityId,
      created: time,
      modified: time,
      name: options.createdBy,
      identity_class: 'organization',
    });
  }
  const seen = new Set<string>();
  for (const o of observables) {
    const pattern = stixPattern(o);
    if (pattern === undefined) continue;
    const id = `indicator--${uuidV5(`${scope}${o.type}\u0000${o.value}`)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const indicator: StixObject = {
      type: 'indicator',
      spec_version: '2.1',
      id,
      created: time,
      modified: time,
      name: `${LABELS[o.type]}: ${o.value}`,
      pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: time,
    };
    if (options.incidentTitle !== undefined)
      indicator['description'] = `Observed in incident: ${options.incidentTitle}`;
    if (identityId !== undefined) indicator['created_by_ref'] = identityId;
    if (marking) indicator['object_marking_refs'] = [marking.id];
    objects.push(indicator);
  }
  const bundleId = `bundle--${uuidV5(`bundle\u0000${time}\u0000${objects.map((x) => x.id).join(',')}`)}`;
  return { type: 'bundle', id: bundleId, objects };
}
