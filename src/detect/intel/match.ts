// Matches one event against the indicator index: one finding per indicator seen, whichever fields it was in.
import type { Event, FieldValue, Scalar } from '../../core/event.js';
import type { Finding } from '../finding.js';
import { INTEL_FIELDS, type IntelField } from './fields.js';
import type { IndexEntry, IndicatorIndex, LookupKind } from './indicator-index.js';

interface Hit {
  entry: IndexEntry;
  matched: Record<string, FieldValue>;
}

// Reused across calls: most lookups find nothing and should allocate nothing.
const scratch: IndexEntry[] = [];

/** The findings of one event: the indicators valid at the event's time seen in the fields of `fields`. */
export function matchEvent(
  index: IndicatorIndex,
  event: Event,
  fields: readonly IntelField[] = INTEL_FIELDS,
): Finding[] {
  let hits: Map<string, Hit> | undefined;
  const look = (field: string, kind: LookupKind, value: Scalar): void => {
    if (typeof value !== 'string' || value === '') return;
    const text = kind === 'url' && value.charCodeAt(0) === 47 ? absoluteUrl(event, value) : value;
    if (text === undefined) return;
    scratch.length = 0;
    index.collect(kind, text, event.time, scratch);
    if (scratch.length === 0) return;
    hits ??= new Map();
    for (const entry of scratch) {
      let hit = hits.get(entry.key);
      if (!hit) hits.set(entry.key, (hit = { entry, matched: {} }));
      const before = hit.matched[field];
      if (before === undefined) hit.matched[field] = value;
      else if (Array.isArray(before)) {
        if (!before.includes(value)) before.push(value);
      } else if (before !== value) hit.matched[field] = [before, value];
    }
  };
  for (const { field, kind } of fields) {
    const v = event.fields[field];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) look(field, kind, item);
    else look(field, kind, v);
  }
  if (!hits) return [];
  const findings: Finding[] = [];
  for (const { entry, matched } of hits.values()) findings.push(findingOf(entry, event, matched));
  return findings;
}

function findingOf(entry: IndexEntry, event: Event, matched: Record<string, FieldValue>): Finding {
  const { indicator, set } = entry;
  return {
    kind: 'intel',
    rule: {
      id: `intel:${set.id}`,
      title: `Threat intel: ${set.name} (${indicator.type})`,
      level: entry.level,
      author: set.source,
      tags: indicator.labels ? [...indicator.labels] : [],
    },
    tenant: event.tenant,
    time: event.time,
    events: [event],
    matched,
    intel: { indicator: indicator.value, type: indicator.type, set: set.id, source: set.source },
  };
}

/** A path-only url.original ("/x/y?z", as some proxies log it) made whole with the event's url.* parts. */
function absoluteUrl(event: Event, path: string): string | undefined {
  const domain = event.fields['url.domain'];
  if (typeof domain !== 'string' || domain === '') return undefined;
  const scheme = event.fields['url.scheme'];
  const port = event.fields['url.port'];
  const host = domain.includes(':') && !domain.startsWith('[') ? `[${domain}]` : domain;
  return `${typeof scheme === 'string' && scheme !== '' ? scheme : 'http'}://${host}${
    typeof port === 'number' || typeof port === 'string' ? `:${port}` : ''
  }${path}`;
}
