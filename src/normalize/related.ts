// ECS `related.*` and the `event.kind` default, filled the same way for every device after its parser ran.
import type { FieldValue } from '../core/event.js';

/** Where the addresses, users and host names an analyst pivots on live; the lists are data, checked in order. */
const RELATED: Readonly<Record<string, readonly string[]>> = {
  'related.ip': [
    'source.ip',
    'destination.ip',
    'client.ip',
    'server.ip',
    'host.ip',
    'source.nat.ip',
    'destination.nat.ip',
  ],
  'related.user': [
    'user.name',
    'source.user.name',
    'destination.user.name',
    'user.target.name',
    'user.effective.name',
  ],
  'related.hosts': ['host.hostname', 'host.name', 'source.domain', 'destination.domain', 'url.domain'],
  'related.hash': [
    'file.hash.md5',
    'file.hash.sha1',
    'file.hash.sha256',
    'process.hash.md5',
    'process.hash.sha1',
    'process.hash.sha256',
  ],
};

/** Adds `value` (or each of its items) as text to `into`, created on first use; returns the list. */
function add(into: string[] | undefined, value: FieldValue): string[] | undefined {
  if (value === null || value === '') return into;
  if (Array.isArray(value)) {
    for (const v of value) into = add(into, v);
    return into;
  }
  const text = typeof value === 'string' ? value : String(value);
  if (into === undefined) return [text];
  if (!into.includes(text)) into.push(text);
  return into;
}

/** The values of `target` and of its source fields, as a fresh list; undefined when there are none. */
// Most of the names are absent from an event: an own-property test settles that without also searching
// Object.prototype, as a plain read does.
const hasOwn = Object.prototype.hasOwnProperty;

function collect(fields: Record<string, FieldValue>, target: string): string[] | undefined {
  const sources = RELATED[target] as readonly string[];
  const prev = hasOwn.call(fields, target) ? fields[target] : undefined;
  let values = prev === undefined ? undefined : add(undefined, prev);
  for (let i = 0; i < sources.length; i++) {
    const name = sources[i] as string;
    if (!hasOwn.call(fields, name)) continue;
    const v = fields[name];
    if (v !== undefined) values = add(values, v);
  }
  return values !== undefined && values.length > 0 ? values : undefined;
}

/** Adds related.ip/user/hosts/hash from the event's own fields, keeping what a device parser already put there. */
export function fillRelated(fields: Record<string, FieldValue>): void {
  // Stored under literal names: V8 adds a property by a computed name through its slow path, which also turns
  // an object with many fields into a hash table (measured: ~5% of the whole parse on the load corpus).
  const ip = collect(fields, 'related.ip');
  if (ip !== undefined) fields['related.ip'] = ip;
  const user = collect(fields, 'related.user');
  if (user !== undefined) fields['related.user'] = user;
  const hosts = collect(fields, 'related.hosts');
  if (hosts !== undefined) fields['related.hosts'] = hosts;
  const hash = collect(fields, 'related.hash');
  if (hash !== undefined) fields['related.hash'] = hash;
}
