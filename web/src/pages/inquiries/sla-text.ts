// What the SLA facts of an inquiry say in words: the state of each clock, by how much, and durations in units.
import type { Inquiry, InquiryStatus } from './inquiry-model.js';

/**
 * pending: still running, due in the future; overdue: running and past due; met: done in time; late: done after
 * the due time; paused: the resolution clock stops while the SOC waits on the customer.
 */
export type SlaClockState = 'pending' | 'overdue' | 'met' | 'late' | 'paused';

export interface SlaClock {
  state: SlaClockState;
  dueAt: number;
  /** How far from the due time: left (pending), past it (overdue), or done late or early (late, met). */
  byMs: number;
}

const DONE: ReadonlySet<InquiryStatus> = new Set(['resolved', 'closed']);

export function firstResponseClock(inquiry: Pick<Inquiry, 'sla'>, now: number): SlaClock {
  const { firstResponseAt: at, firstResponseDueAt: due } = inquiry.sla;
  if (at !== null) return { state: at > due ? 'late' : 'met', dueAt: due, byMs: Math.abs(at - due) };
  return running(due, now);
}

export function resolutionClock(
  inquiry: Pick<Inquiry, 'sla' | 'status' | 'resolvedAt'>,
  now: number,
): SlaClock {
  const { resolutionDueAt: due, resolutionBreached, paused } = inquiry.sla;
  if (DONE.has(inquiry.status)) {
    const at = inquiry.resolvedAt ?? now;
    return { state: resolutionBreached ? 'late' : 'met', dueAt: due, byMs: Math.abs(at - due) };
  }
  if (paused && !inquiry.sla.resolutionOverdue)
    return { state: 'paused', dueAt: due, byMs: Math.max(0, due - now) };
  return running(due, now);
}

function running(due: number, now: number): SlaClock {
  return now > due
    ? { state: 'overdue', dueAt: due, byMs: now - due }
    : { state: 'pending', dueAt: due, byMs: due - now };
}

/** Past a first-response or a resolution due time, as the API's overdue filter counts it. */
export function isOverdue(inquiry: Pick<Inquiry, 'sla'>): boolean {
  return inquiry.sla.firstResponseOverdue || inquiry.sla.resolutionOverdue;
}

export type DurationUnit = 'd' | 'h' | 'm';
export interface DurationPart {
  unit: DurationUnit;
  count: number;
}

/** The two largest whole units of a duration, in minutes at the finest ("1 d 4 h", "2 h 30 min", "0 min"). */
export function durationParts(ms: number): DurationPart[] {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const all: DurationPart[] = [
    { unit: 'd', count: Math.floor(minutes / 1440) },
    { unit: 'h', count: Math.floor((minutes % 1440) / 60) },
    { unit: 'm', count: minutes % 60 },
  ];
  const first = all.findIndex((p) => p.count > 0);
  if (first < 0) return [{ unit: 'm', count: 0 }];
  return all.slice(first, first + 2).filter((p) => p.count > 0);
}

/** A target in minutes as the same parts ("30 min", "8 h", "3 d"). */
export function targetParts(minutes: number): DurationPart[] {
  return durationParts(minutes * 60_000);
}
