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

function add(into: string[], value: FieldValue | undefined): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) {
    for (const v of value) add(into, v);
    return;
  }
  const text = String(value);
  if (!into.includes(text)) into.push(text);
}

/** Adds related.ip/user/hosts/hash from the event's own fields, keeping what a device parser already put there. */
export function fillRelated(fields: Record<string, FieldValue>): void {
  for (const target in RELATED) {
    const values: string[] = [];
    add(values, fields[target]);
    for (const source of RELATED[target]!) add(values, fields[source]);
    if (values.length > 0) fields[target] = values;
  }
}
