import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA, dueTimes, resumedDue, slaState } from './sla.js';

const T0 = Date.parse('2025-04-01T00:00:00.000Z');
const MIN = 60_000;

describe('SLA due times', () => {
  it('counts the targets from the submission', () => {
    expect(dueTimes(T0, DEFAULT_SLA.urgent)).toEqual({
      firstResponseDueAt: T0 + 30 * MIN,
      resolutionDueAt: T0 + 480 * MIN,
    });
  });

  it('is overdue for a first response only while unanswered past due, and remembers a late answer as breached', () => {
    const base = {
      status: 'new',
      firstResponseAt: null,
      firstResponseDueAt: T0 + 30 * MIN,
      resolutionDueAt: T0 + 480 * MIN,
      waitingSince: null,
      resolvedAt: null,
    };
    expect(slaState(base, T0 + 29 * MIN)).toMatchObject({
      firstResponseOverdue: false,
      firstResponseBreached: false,
    });
    expect(slaState(base, T0 + 31 * MIN)).toMatchObject({
      firstResponseOverdue: true,
      firstResponseBreached: true,
    });
    const late = { ...base, status: 'answered', firstResponseAt: T0 + 40 * MIN };
    expect(slaState(late, T0 + 41 * MIN)).toMatchObject({
      firstResponseOverdue: false,
      firstResponseBreached: true,
    });
  });

  it('pauses the resolution clock while waiting on the customer and adds the wait when it resumes', () => {
    const waiting = {
      status: 'waiting_customer',
      firstResponseAt: T0,
      firstResponseDueAt: T0 + 30 * MIN,
      resolutionDueAt: T0 + 60 * MIN,
      waitingSince: T0 + 10 * MIN,
      resolvedAt: null,
    };
    expect(slaState(waiting, T0 + 100 * MIN)).toMatchObject({
      resolutionDueAt: T0 + 150 * MIN,
      resolutionOverdue: false,
      paused: true,
    });
    expect(resumedDue(T0 + 60 * MIN, T0 + 10 * MIN, T0 + 100 * MIN)).toBe(T0 + 150 * MIN);
  });

  it('is not overdue once resolved, but a late resolution is breached', () => {
    const done = {
      status: 'resolved',
      firstResponseAt: T0,
      firstResponseDueAt: T0 + MIN,
      resolutionDueAt: T0 + 60 * MIN,
      waitingSince: null,
      resolvedAt: T0 + 90 * MIN,
    };
    expect(slaState(done, T0 + 200 * MIN)).toMatchObject({
      resolutionOverdue: false,
      resolutionBreached: true,
    });
  });
});
