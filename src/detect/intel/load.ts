// Reads one indicator file (CSV, STIX 2.1 bundle, MISP event) or MISP feed folder into an IndicatorSet.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { YaguraError } from '../../core/errors.js';
import type { Level } from '../sigma/rule.js';
import { importCsv } from './csv.js';
import type { ImportProblem, ImportResult, IndicatorSet } from './indicator.js';
import { importMisp, mispEventsOf, mispManifestFiles } from './misp.js';
import { importStix } from './stix.js';

export type IntelFormat = 'csv' | 'stix' | 'misp';

export interface LoadIndicatorOptions {
  /** Forces the format instead of telling it from the content. */
  format?: IntelFormat;
  /** The set's id (findings carry `intel:<id>`); the file name without extension by default. */
  id?: string;
  name?: string;
  /** Defaults to the producer the file names (STIX identity, MISP organisation), else the file name. */
  source?: string;
  defaultTtlMs?: number;
  defaultLevel?: Level;
  /** Epoch ms; now by default. */
  importedAt?: number;
  /** MISP: take attributes whose to_ids flag is off too. */
  includeNonIds?: boolean;
}

export interface LoadedIndicators {
  set: IndicatorSet;
  format: IntelFormat;
  problems: ImportProblem[];
  /** Entries left out on purpose: revoked, deleted, not to_ids, types that are not matched. */
  skipped: number;
}

/**
 * Loads indicators from a CSV file, a STIX 2.1 bundle, a MISP event (or REST search result) or a MISP feed
 * folder (manifest.json beside <uuid>.json files; the folder or its manifest.json may be named). The format
 * is told from the content unless given. Bad entries are reported in `problems`, never thrown; a file that
 * cannot be read throws FILE_UNREADABLE, one in no known format INTEL_INVALID.
 */
export async function loadIndicatorFile(
  path: string,
  options: LoadIndicatorOptions = {},
): Promise<LoadedIndicators> {
  let result: ImportResult;
  let format: IntelFormat;
  let label = basename(path);
  const info = await stat(path).catch((e: Error) => {
    throw new YaguraError('FILE_UNREADABLE', `Cannot read ${path}: ${e.message}`, { location: { path } });
  });
  if (info.isDirectory() || (basename(path) === 'manifest.json' && options.format !== 'stix')) {
    const folder = info.isDirectory() ? path : dirname(path);
    label = basename(folder);
    result = await importMispFeed(folder, options);
    format = 'misp';
  } else {
    const text = (await readText(path)).replace(/^\uFEFF/, '');
    ({ format, result } = importText(text, path, options));
  }
  const stem = label.slice(0, label.length - extname(label).length) || label;
  const set: IndicatorSet = {
    id: options.id ?? slug(stem),
    name: options.name ?? stem,
    source: options.source ?? result.producer ?? label,
    importedAt: options.importedAt ?? Date.now(),
    indicators: result.indicators,
  };
  if (options.defaultTtlMs !== undefined) set.defaultTtlMs = options.defaultTtlMs;
  if (options.defaultLevel !== undefined) set.defaultLevel = options.defaultLevel;
  return { set, format, problems: result.problems, skipped: result.skipped ?? 0 };
}

/** The format of an indicator file's text: JSON with "objects" is STIX, with "Event" MISP, anything else CSV. */
export function detectFormat(text: string, path = 'the file'): IntelFormat {
  return sniff(text, path).format;
}

function sniff(text: string, path: string): { format: IntelFormat; doc?: unknown } {
  const head = text.trimStart();
  if (!head.startsWith('{') && !head.startsWith('[')) return { format: 'csv' };
  const doc = parseJson(text, path);
  if (mispEventsOf(doc)) return { format: 'misp', doc };
  if (typeof doc === 'object' && doc !== null) {
    const o = doc as Record<string, unknown>;
    if (Array.isArray(o['objects']) || o['type'] === 'bundle' || o['type'] === 'indicator')
      return { format: 'stix', doc };
    if (Array.isArray(doc) && doc.every((x) => typeof x === 'object' && x !== null && 'type' in x))
      return { format: 'stix', doc };
  }
  throw new YaguraError(
    'INTEL_INVALID',
    `${path} is JSON but neither a STIX 2.1 bundle nor a MISP event (no "objects" array, no "Event" object)`,
    { location: { path } },
  );
}

function importText(
  text: string,
  path: string,
  options: LoadIndicatorOptions,
): { format: IntelFormat; result: ImportResult } {
  const sniffed = options.format === undefined ? sniff(text, path) : { format: options.format };
  const format = sniffed.format;
  if (format === 'csv') return { format, result: importCsv(text) };
  const doc = 'doc' in sniffed ? sniffed.doc : parseJson(text, path);
  const result = format === 'stix' ? importStix(doc) : importMisp(doc, options);
  // Entry problems carry a line or an index; one without is about the whole document (not a bundle, no Event).
  const whole = result.problems.find((p) => p.line === undefined && p.index === undefined);
  if (whole) throw new YaguraError('INTEL_INVALID', `${path}: ${whole.reason}`, { location: { path } });
  return { format, result };
}

async function importMispFeed(folder: string, options: LoadIndicatorOptions): Promise<ImportResult> {
  const manifestPath = join(folder, 'manifest.json');
  const manifest = parseJson(await readText(manifestPath), manifestPath);
  const files = mispManifestFiles(manifest);
  if (!files)
    throw new YaguraError(
      'INTEL_INVALID',
      `${manifestPath} is not a MISP feed manifest (event uuids as keys)`,
      {
        location: { path: manifestPath },
      },
    );
  const merged: ImportResult = { indicators: [], problems: [], skipped: 0 };
  const producers = new Set<string>();
  for (const file of files) {
    const path = join(folder, file);
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      merged.problems.push({
        file,
        reason: `the event listed in manifest.json cannot be read: ${(e as Error).message}`,
      });
      continue;
    }
    const r = importMisp(doc, options);
    merged.indicators.push(...r.indicators);
    for (const p of r.problems) merged.problems.push({ file, ...p });
    merged.skipped = (merged.skipped ?? 0) + (r.skipped ?? 0);
    if (r.producer !== undefined) producers.add(r.producer);
  }
  if (producers.size === 1) merged.producer = [...producers][0] as string;
  return merged;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new YaguraError('FILE_UNREADABLE', `Cannot read ${path}: ${(e as Error).message}`, {
      location: { path },
    });
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new YaguraError('INTEL_INVALID', `${path} is not valid JSON: ${(e as Error).message}`, {
      location: { path },
    });
  }
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'indicators'
  );
}

/** One import problem as a line for people: where (file, line or entry number), what, and why. */
export function intelProblemText(p: ImportProblem): string {
  const where = [
    p.file,
    p.line !== undefined ? `line ${p.line}` : undefined,
    p.index !== undefined ? `entry ${p.index}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where ? `${where}: ` : ''}${p.reason}${p.entry ? ` (${p.entry})` : ''}`;
}
