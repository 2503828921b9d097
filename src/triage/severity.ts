// An alert's severity: a 0-100 score from the rule's level, threat-intel hits and the asset's criticality.
import type { Level } from '../detect/sigma/rule.js';

export type SeverityLevel = Level;

export interface SeverityInput {
  level: Level;
  /** Findings of the alert that carry a threat-intel hit (an indicator finding, or a rule finding with intel). */
  intelHits: number;
  /** 1-5 from the asset inventory; undefined (unknown asset) counts as 3. */
  criticality?: number;
}

export interface Severity {
  score: number;
  level: SeverityLevel;
}

/** Points for the rule's level before adjustments. */
export const LEVEL_BASE: Readonly<Record<Level, number>> = {
  informational: 10,
  low: 30,
  medium: 50,
  high: 70,
  critical: 90,
};

/** Added once when at least one finding of the alert matched a threat-intel indicator. */
export const INTEL_BONUS = 15;
/** Points per criticality step away from the middle (3): criticality 1 takes 20 off, 5 adds 20. */
export const CRITICALITY_STEP = 10;
export const UNKNOWN_CRITICALITY = 3;

/**
 * score = clamp(LEVEL_BASE[level] + (intelHits > 0 ? 15 : 0) + (criticality - 3) * 10, 0, 100)
 *
 * and the level of the score: >= 85 critical, >= 65 high, >= 45 medium, >= 25 low, else informational. So a
 * rule's own level stands when nothing is known (high stays high), an intel hit raises a medium rule to high, a
 * high rule on a criticality-5 server becomes critical, and a high rule on a criticality-1 test box drops to medium.
 */
export function severityOf(input: SeverityInput): Severity {
  const criticality = normaliseCriticality(input.criticality);
  const raw =
    LEVEL_BASE[input.level] +
    (input.intelHits > 0 ? INTEL_BONUS : 0) +
    (criticality - UNKNOWN_CRITICALITY) * CRITICALITY_STEP;
  const score = Math.max(0, Math.min(100, Math.round(raw)));
  return { score, level: levelOfScore(score) };
}

export function levelOfScore(score: number): SeverityLevel {
  if (score >= 85) return 'critical';
  if (score >= 65) return 'high';
  if (score >= 45) return 'medium';
  if (score >= 25) return 'low';
  return 'informational';
}

/** The lowest score of a level, for "at least high" filters. */
export function minScoreOf(level: SeverityLevel): number {
  return { informational: 0, low: 25, medium: 45, high: 65, critical: 85 }[level];
}

function normaliseCriticality(c: number | undefined): number {
  if (c === undefined || !Number.isInteger(c) || c < 1 || c > 5) return UNKNOWN_CRITICALITY;
  return c;
}
