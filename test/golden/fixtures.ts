// Shared by the golden tests: where Elastic's fixtures are, how to read them, and field-by-field comparison.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Event } from '../../src/core/event.js';
import { tenantId } from '../../src/core/ids.js';
import { normalize } from '../../src/normalize/normalize.js';

export type Doc = Record<string, unknown>;

export const SAMPLES =
  [resolve(import.meta.dirname, '../../../shared/samples/logs'), '/work/shared/samples/logs'].find((p) =>
    existsSync(p),
  ) ?? '';

/** What Elastic's fixture for one format is, and how it was produced (time zone, dates) so we can compare. */
export interface ElasticFixture {
  /** Report name: the device or format ("fortigate", "rfc3164"). */
  name: string;
  /**
   * Raw input and Elastic's expected documents, relative to samples/logs. Raw text files pair line by line; a JSON
   * file `{ "events": [...] }` pairs object by object (sent as one JSON line each, as a shipper would).
   */
  pairs: { raw: string; expected: string }[];
  /** The zone Elastic's test config used for times without one (tz_offset); UTC by default. */
  timeZone?: string;
  /** Receipt time per document, for lines without a year (Elastic used the test run's date). */
  receivedAt?: (doc: Doc, index: number) => number | undefined;
  /** Fields of Elastic's documents not compared, each with the reason; `name.*` covers a namespace. */
  ignore?: { field: string; reason: string }[];
  /** Compared, but skipped where ours differs on purpose (listed with the reason); `when` narrows to some docs. */
  deliberate?: { field: string; reason: string; when?: (event: Event, doc: Doc) => boolean }[];
  /** Share of compared fields that must agree; 0.95 unless said otherwise. */
  minimum?: number;
}

/** Fields Elastic's pipeline tests add that say nothing about the log line; never compared. */
export const TEST_ARTIFACTS: { field: string; reason: string }[] = [
  { field: 'ecs.version', reason: "Elastic's schema version stamp" },
  { field: 'event.ingested', reason: 'time of the pipeline test run' },
  { field: 'tags', reason: 'Elastic agent tags such as preserve_original_event' },
  { field: 'input.type', reason: 'Elastic agent input' },
  { field: 'agent.*', reason: 'the shipping agent' },
  { field: 'elastic_agent.*', reason: 'the shipping agent' },
  { field: 'data_stream.*', reason: 'Elasticsearch data stream' },
  { field: 'log.offset', reason: 'byte offset in the test file' },
  { field: 'log.file.*', reason: 'the test file' },
  { field: 'error.message', reason: 'pipeline errors of the test run' },
];

export function fieldMatches(pattern: string, field: string): boolean {
  return pattern.endsWith('.*') ? field.startsWith(pattern.slice(0, -1)) : pattern === field;
}

export function flatten(o: Doc, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Doc, prefix + k + '.', out);
    else out[prefix + k] = v;
  }
  return out;
}

export function rawInputs(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) {
    const data = JSON.parse(text) as { events?: unknown[] } | unknown[];
    const list = Array.isArray(data) ? data : (data.events ?? []);
    return list.map((e) => JSON.stringify(e));
  }
  return text.split('\n').filter((l) => l.length > 0);
}

export function expectedDocs(path: string): Doc[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Doc[] | { expected: Doc[] };
  return Array.isArray(data) ? data : data.expected;
}

const tenant = tenantId('golden');

export function normalizeLine(text: string, receivedAt: number, timeZone = 'UTC'): Event {
  return normalize({ tenant, input: 'file', receivedAt, text }, { receivedAt, timeZone });
}

/** A field of our Event as Elastic names it: `@timestamp` is Event.time, `event.original` the raw text. */
export function ourValue(event: Event, field: string): unknown {
  if (field === '@timestamp') return new Date(event.time).toISOString();
  if (field === 'event.original') return event.raw;
  return event.fields[field];
}

function normalizeScalar(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Equal as JSON or as text ("443" = 443); arrays equal as sets, and a one-element array equals its element. */
export function sameValue(got: unknown, want: unknown): boolean {
  if (JSON.stringify(got) === JSON.stringify(want)) return true;
  const g = Array.isArray(got) ? got : [got];
  const w = Array.isArray(want) ? want : [want];
  if (g.length !== w.length) return false;
  const gs = g.map(normalizeScalar).sort();
  const ws = w.map(normalizeScalar).sort();
  return gs.every((v, i) => v === ws[i]);
}

export interface Agreement {
  compared: number;
  agreed: number;
  mismatches: string[];
  skipped: Map<string, string>;
}

export function compareFixture(fixture: ElasticFixture): Agreement {
  const a: Agreement = { compared: 0, agreed: 0, mismatches: [], skipped: new Map() };
  const ignore = [...TEST_ARTIFACTS, ...(fixture.ignore ?? [])];
  for (const pair of fixture.pairs) {
    const inputs = rawInputs(`${SAMPLES}/${pair.raw}`);
    const docs = expectedDocs(`${SAMPLES}/${pair.expected}`);
    docs.forEach((doc, i) => {
      const text = inputs[i];
      if (text === undefined) throw new Error(`${pair.raw} has no input for expected document ${i + 1}`);
      const receivedAt = fixture.receivedAt?.(doc, i) ?? Date.UTC(2024, 0, 1);
      const event = normalizeLine(text, receivedAt, fixture.timeZone);
      for (const [field, want] of Object.entries(flatten(doc))) {
        if (want === null) continue;
        const ignored = ignore.find((g) => fieldMatches(g.field, field));
        if (ignored) {
          a.skipped.set(ignored.field, ignored.reason);
          continue;
        }
        const deliberate = fixture.deliberate?.find(
          (d) => fieldMatches(d.field, field) && (!d.when || d.when(event, doc)),
        );
        if (deliberate) {
          a.skipped.set(deliberate.field, deliberate.reason);
          continue;
        }
        const got = ourValue(event, field);
        a.compared++;
        // Times agree when they are the same instant, whatever offset Elastic wrote them with.
        const sameInstant = field === '@timestamp' && Date.parse(String(got)) === Date.parse(String(want));
        if (sameInstant || sameValue(got, want)) a.agreed++;
        else
          a.mismatches.push(
            `${pair.raw} doc ${i + 1} ${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
          );
      }
    });
  }
  return a;
}
