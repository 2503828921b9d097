import { describe, expect, it } from 'vitest';
import { LEVELS } from '../detect/sigma/rule.js';
import { levelOfScore, minScoreOf, severityOf } from './severity.js';

describe('severityOf', () => {
  it("keeps the rule's own level when no intel hit and no asset is known", () => {
    for (const level of LEVELS) expect(severityOf({ level, intelHits: 0 }).level).toBe(level);
  });

  it('adds 15 for intel hits, whatever their number, raising a medium rule to high', () => {
    expect(severityOf({ level: 'medium', intelHits: 1 })).toEqual({ score: 65, level: 'high' });
    expect(severityOf({ level: 'medium', intelHits: 40 })).toEqual({ score: 65, level: 'high' });
  });

  it('moves 10 points per criticality step away from 3', () => {
    expect(severityOf({ level: 'high', intelHits: 0, criticality: 5 })).toEqual({
      score: 90,
      level: 'critical',
    });
    expect(severityOf({ level: 'high', intelHits: 0, criticality: 1 })).toEqual({
      score: 50,
      level: 'medium',
    });
    expect(severityOf({ level: 'high', intelHits: 0, criticality: 4 }).score).toBe(80);
  });

  it('treats an unknown or out-of-range criticality as 3 and clamps the score to 0..100', () => {
    expect(severityOf({ level: 'low', intelHits: 0, criticality: 9 }).score).toBe(30);
    expect(severityOf({ level: 'critical', intelHits: 2, criticality: 5 }).score).toBe(100);
    expect(severityOf({ level: 'informational', intelHits: 0, criticality: 1 }).score).toBe(0);
  });

  it('maps scores to levels at 25, 45, 65 and 85, the same bounds the filters use', () => {
    expect([24, 25, 44, 45, 64, 65, 84, 85].map(levelOfScore)).toEqual([
      'informational',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
    ]);
    for (const level of LEVELS) expect(levelOfScore(minScoreOf(level))).toBe(level);
  });
});
