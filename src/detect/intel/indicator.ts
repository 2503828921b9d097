// The threat-intelligence model: an Indicator (one IP, CIDR, domain, URL, hash or address) and the set it came in.
import type { Level } from '../sigma/rule.js';

export const INDICATOR_TYPES = [
  'ipv4',
  'ipv6',
  'cidr',
  'domain',
  'url',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'email',
] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const HASH_TYPES = ['md5', 'sha1', 'sha256', 'sha512'] as const;
export type HashType = (typeof HASH_TYPES)[number];

export interface Indicator {
  type: IndicatorType;
  /** Normalized (see value.ts): lowercase, refanged, canonical address form, network address of a CIDR. */
  value: string;
  /** Epoch ms; before it the indicator does not match. */
  validFrom?: number;
  /** Epoch ms, exclusive; from it on the indicator does not match. */
  validUntil?: number;
  /** 0-100, as STIX and most feeds give it. */
  confidence?: number;
  labels?: string[];
  description?: string;
  /** The level of its findings; when absent, derived from the confidence (see levelOf). */
  level?: Level;
  /** Where it is in its source: a STIX id, a MISP attribute uuid. */
  ref?: string;
}

export interface IndicatorSet {
  /** Short, stable: findings carry `intel:<id>` as their rule id. */
  id: string;
  name: string;
  /** Who produced it (a feed or organisation) or the file it came from. */
  source: string;
  /** Epoch ms. */
  importedAt: number;
  /** Indicators without their own validUntil expire this long after importedAt. */
  defaultTtlMs?: number;
  /** Level of indicators that carry neither a level nor a confidence; 'high' when absent. */
  defaultLevel?: Level;
  indicators: Indicator[];
}

/** One entry an importer could not take, and why; line for text formats, index for JSON arrays. */
export interface ImportProblem {
  /** The file, when an import reads several (a MISP feed folder). */
  file?: string;
  line?: number;
  index?: number;
  /** The entry as given, cut short, so the problem can be found in a large file. */
  entry?: string;
  reason: string;
}

export interface ImportResult {
  indicators: Indicator[];
  problems: ImportProblem[];
  /** Entries left out on purpose, not for being wrong: revoked, deleted, or not flagged for detection. */
  skipped?: number;
  /** The organisation that produced the indicators, when the file says (STIX identity, MISP Orgc). */
  producer?: string;
}

/** The level of an indicator's findings: its own, else by its confidence, else the set's, else 'high'. */
export function levelOf(indicator: Indicator, set: Pick<IndicatorSet, 'defaultLevel'>): Level {
  if (indicator.level) return indicator.level;
  const c = indicator.confidence;
  if (c !== undefined) {
    if (c >= 80) return 'high';
    if (c >= 50) return 'medium';
    if (c >= 20) return 'low';
    return 'informational';
  }
  return set.defaultLevel ?? 'high';
}

/** The instant (epoch ms, exclusive) an indicator stops matching: its validUntil, else import time + the set's TTL. */
export function expiryOf(
  indicator: Indicator,
  set: Pick<IndicatorSet, 'importedAt' | 'defaultTtlMs'>,
): number {
  if (indicator.validUntil !== undefined) return indicator.validUntil;
  if (set.defaultTtlMs !== undefined) return set.importedAt + set.defaultTtlMs;
  return Number.POSITIVE_INFINITY;
}

/** Cuts an entry short for a problem report. */
export function excerpt(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Epoch ms from an ISO 8601 text or epoch seconds/milliseconds; undefined when it is neither. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? epochMs(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return epochMs(Number(s));
  // A date and time without a zone is read as UTC, as feeds mean it, never as the server's local time.
  const zoneless = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s);
  const t = Date.parse(zoneless ? `${s.replace(' ', 'T')}Z` : s);
  return Number.isNaN(t) ? undefined : t;
}

// Epoch seconds have 10 digits until 2286; anything larger is read as milliseconds.
function epochMs(n: number): number {
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
}
