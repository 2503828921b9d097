// Builds Events shaped like the real corpus: ECS NDJSON flattened to dotted keys, raw = the matching RFC 3164 line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event, FieldValue } from '../../src/core/event.js';
import { newEventId, tenantId } from '../../src/core/ids.js';

export function flatten(
  obj: Record<string, unknown>,
  prefix: string,
  out: Record<string, FieldValue>,
  skip?: string,
): Record<string, FieldValue> {
  for (const k in obj) {
    if (k === skip) continue;
    const v = obj[k];
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      flatten(v as Record<string, unknown>, key, out);
    else out[key] = v as FieldValue;
  }
  return out;
}

export interface Corpus {
  ecs: string[];
  raw: string[];
}

export function loadCorpus(dir: string, n: number): Corpus {
  const ecs = readFileSync(join(dir, 'ecs.ndjson'), 'utf8').split('\n', n);
  const raw = readFileSync(join(dir, 'fw-3164.log'), 'utf8').split('\n', n);
  return { ecs: ecs.filter((l) => l.length > 0), raw };
}

const tenants = [tenantId('acme'), tenantId('globex'), tenantId('initech')];

/** Parses line i into an Event: the work a JSON input does per event, roughly. */
export function toEvent(c: Corpus, i: number, now: number): Event {
  const line = c.ecs[i] ?? '{}';
  const doc = JSON.parse(line) as Record<string, unknown>;
  const fields = flatten(doc, '', {}, 'tags');
  const ts = fields['@timestamp'];
  const time = typeof ts === 'string' ? Date.parse(ts) : now;
  const tags = doc['tags'];
  const product = fields['observer.product'];
  const event: Event = {
    id: newEventId(now),
    tenant: tenants[i % tenants.length] ?? tenants[0]!,
    time,
    receivedAt: now,
    input: 'syslog',
    logsource: {
      product: typeof product === 'string' ? product.toLowerCase() : 'linux',
      category: 'firewall',
    },
    fields,
  };
  const raw = c.raw[i];
  if (raw) event.raw = raw;
  if (Array.isArray(tags)) event.tags = tags.map(String);
  return event;
}
