// Imports indicators from MISP events: feed files ({"Event": ...}), REST search results, attributes in objects.
//
// Only attributes flagged to_ids are taken unless includeNonIds is set (MISP's own rule for what to alert
// on); deleted ones and types that hold no matchable value (filename, text, regkey, ...) are skipped, not
// reported. An event's threat level sets its indicators' level (1 high, 2 medium, 3 low), its tags and the
// attribute's tags become labels, and the attribute's comment (else the event's info) the description.
import type { Level } from '../sigma/rule.js';
import { excerpt, type ImportProblem, type ImportResult, type Indicator } from './indicator.js';
import { mispParts } from './type-names.js';
import { normalizeIndicator } from './value.js';

export interface MispImportOptions {
  /** Take attributes whose to_ids flag is off too. */
  includeNonIds?: boolean;
}

type Json = Record<string, unknown>;

const THREAT_LEVELS: Record<string, Level> = { '1': 'high', '2': 'medium', '3': 'low' };

/** The events a MISP document holds: {"Event": ...}, {"response": [{"Event": ...}]}, or an array of those. */
export function mispEventsOf(doc: unknown): Json[] | undefined {
  if (Array.isArray(doc)) {
    const events = doc.map((d) => (isObject(d) && isObject(d['Event']) ? d['Event'] : undefined));
    return events.every((e) => e !== undefined) ? (events as Json[]) : undefined;
  }
  if (!isObject(doc)) return undefined;
  if (isObject(doc['Event'])) return [doc['Event']];
  if (Array.isArray(doc['response'])) return mispEventsOf(doc['response']);
  return undefined;
}

export function importMisp(doc: unknown, options: MispImportOptions = {}): ImportResult {
  const events = mispEventsOf(doc);
  if (!events) return { indicators: [], problems: [{ reason: 'not a MISP event: no "Event" object' }] };
  const indicators: Indicator[] = [];
  const problems: ImportProblem[] = [];
  const producers = new Set<string>();
  let skipped = 0;
  for (const event of events) {
    const r = importEvent(event, options);
    indicators.push(...r.indicators);
    problems.push(...r.problems);
    skipped += r.skipped ?? 0;
    if (r.producer !== undefined) producers.add(r.producer);
  }
  const result: ImportResult = { indicators, problems };
  if (skipped > 0) result.skipped = skipped;
  if (producers.size === 1) result.producer = [...producers][0] as string;
  return result;
}

function importEvent(event: Json, options: MispImportOptions): ImportResult {
  const indicators: Indicator[] = [];
  const problems: ImportProblem[] = [];
  let skipped = 0;
  const level = THREAT_LEVELS[String(event['threat_level_id'] ?? '')];
  const eventTags = tagNames(event['Tag']);
  const info = typeof event['info'] === 'string' && event['info'] !== '' ? event['info'] : undefined;

  const attributes: Array<{ where: string; attribute: unknown }> = [];
  arrayOf(event['Attribute']).forEach((attribute, i) =>
    attributes.push({ where: `Attribute[${i}]`, attribute }),
  );
  arrayOf(event['Object']).forEach((object, i) => {
    if (!isObject(object) || isTrue(object['deleted'])) return;
    arrayOf(object['Attribute']).forEach((attribute, j) =>
      attributes.push({ where: `Object[${i}].Attribute[${j}]`, attribute }),
    );
  });

  attributes.forEach(({ where, attribute: a }, index) => {
    if (!isObject(a) || typeof a['type'] !== 'string' || typeof a['value'] !== 'string') {
      problems.push({ index, entry: where, reason: 'the attribute has no type or value' });
      return;
    }
    if (isTrue(a['deleted']) || (!options.includeNonIds && !isTrue(a['to_ids']))) {
      skipped++;
      return;
    }
    const parts = mispParts(a['type'], a['value']);
    if (!parts) {
      skipped++;
      return;
    }
    const common: Omit<Indicator, 'type' | 'value'> = {};
    if (level) common.level = level;
    const labels = [...new Set([...eventTags, ...tagNames(a['Tag'])])];
    if (labels.length > 0) common.labels = labels;
    const comment = typeof a['comment'] === 'string' && a['comment'] !== '' ? a['comment'] : info;
    if (comment !== undefined) common.description = comment;
    if (typeof a['uuid'] === 'string') common.ref = a['uuid'];
    for (const part of parts) {
      const n = normalizeIndicator(part.value, part.hint);
      if (n.ok) indicators.push({ type: n.type, value: n.value, ...common });
      else problems.push({ index, entry: excerpt(`${where} ${a['type']} ${a['value']}`), reason: n.reason });
    }
  });

  const result: ImportResult = { indicators, problems, skipped };
  const orgc = event['Orgc'];
  if (isObject(orgc) && typeof orgc['name'] === 'string') result.producer = orgc['name'];
  return result;
}

/** The event files a MISP feed's manifest.json lists ("<uuid>.json" beside it). */
export function mispManifestFiles(manifest: unknown): string[] | undefined {
  if (!isObject(manifest)) return undefined;
  const uuids = Object.keys(manifest).filter((k) => /^[0-9a-f-]{36}$/i.test(k));
  return uuids.length > 0 || Object.keys(manifest).length === 0 ? uuids.map((u) => `${u}.json`) : undefined;
}

function tagNames(v: unknown): string[] {
  return arrayOf(v)
    .map((t) => (isObject(t) && typeof t['name'] === 'string' ? t['name'] : undefined))
    .filter((n): n is string => n !== undefined && n !== '');
}

// MISP writes booleans as true/false in feeds and as "1"/"0" in older exports.
function isTrue(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 'true';
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
