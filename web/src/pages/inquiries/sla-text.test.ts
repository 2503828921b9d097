import { describe, expect, it } from 'vitest';
import type { Inquiry, InquirySla } from './inquiry-model.js';
import { durationParts, firstResponseClock, isOverdue, resolutionClock, targetParts } from './sla-text.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 28, 0, 0, 0);

function inquiry(
  sla: Partial<InquirySla>,
  status: Inquiry['status'] = 'new',
  resolvedAt: number | null = null,
) {
  return {
    status,
    resolvedAt,
    sla: {
      firstResponseDueAt: T0 + 2 * H,
      firstResponseAt: null,
      firstResponseOverdue: false,
      firstResponseBreached: false,
      resolutionDueAt: T0 + 24 * H,
      resolutionOverdue: false,
      resolutionBreached: false,
      paused: false,
      ...sla,
    },
  };
}

describe('inquiry SLA clocks', () => {
  it('counts down to the first-response due time, then counts how far past it the SOC is', () => {
    expect(firstResponseClock(inquiry({}), T0 + H)).toEqual({ state: 'pending', dueAt: T0 + 2 * H, byMs: H });
    expect(firstResponseClock(inquiry({ firstResponseOverdue: true }), T0 + 5 * H)).toEqual({
      state: 'overdue',
      dueAt: T0 + 2 * H,
      byMs: 3 * H,
    });
  });

  it('says whether the first answer came in time or late, and by how much', () => {
    expect(firstResponseClock(inquiry({ firstResponseAt: T0 + H }), T0 + 9 * H).state).toBe('met');
    const late = firstResponseClock(
      inquiry({ firstResponseAt: T0 + 3 * H, firstResponseBreached: true }),
      T0,
    );
    expect(late).toEqual({ state: 'late', dueAt: T0 + 2 * H, byMs: H });
  });

  it('stops the resolution clock while the SOC waits on the customer, unless it was already overdue', () => {
    expect(resolutionClock(inquiry({ paused: true }, 'waiting_customer'), T0 + 2 * H).state).toBe('paused');
    expect(
      resolutionClock(inquiry({ paused: true, resolutionOverdue: true }, 'waiting_customer'), T0 + 30 * H)
        .state,
    ).toBe('overdue');
  });

  it('judges a resolved inquiry by its resolution time, not by now', () => {
    const inTime = resolutionClock(inquiry({}, 'resolved', T0 + 20 * H), T0 + 99 * H);
    expect(inTime).toEqual({ state: 'met', dueAt: T0 + 24 * H, byMs: 4 * H });
    const late = resolutionClock(inquiry({ resolutionBreached: true }, 'closed', T0 + 26 * H), T0 + 99 * H);
    expect(late).toEqual({ state: 'late', dueAt: T0 + 24 * H, byMs: 2 * H });
  });

  it('calls an inquiry overdue when either clock is past due', () => {
    expect(isOverdue(inquiry({}))).toBe(false);
    expect(isOverdue(inquiry({ firstResponseOverdue: true }))).toBe(true);
    expect(isOverdue(inquiry({ resolutionOverdue: true }))).toBe(true);
  });
});

describe('durations in words', () => {
  it('keeps the two largest units, down to minutes', () => {
    expect(durationParts(0)).toEqual([{ unit: 'm', count: 0 }]);
    expect(durationParts(59_999)).toEqual([{ unit: 'm', count: 0 }]);
    expect(durationParts(2 * H + 30 * 60_000 + 15_000)).toEqual([
      { unit: 'h', count: 2 },
      { unit: 'm', count: 30 },
    ]);
    expect(durationParts(26 * H + 5 * 60_000)).toEqual([
      { unit: 'd', count: 1 },
      { unit: 'h', count: 2 },
    ]);
    expect(durationParts(-5 * H)).toEqual([{ unit: 'm', count: 0 }]);
  });

  it('writes SLA targets in their natural unit', () => {
    expect(targetParts(30)).toEqual([{ unit: 'm', count: 30 }]);
    expect(targetParts(8 * 60)).toEqual([{ unit: 'h', count: 8 }]);
    expect(targetParts(3 * 24 * 60)).toEqual([{ unit: 'd', count: 3 }]);
  });
});
