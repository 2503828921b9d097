// Inquiry SLA: first-response and resolution targets per priority (per-tenant, with defaults), the due times they
// give, and whether an inquiry is overdue. Pure functions of the inquiry's times and `now`.
import { z } from 'zod';

export const INQUIRY_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type InquiryPriority = (typeof INQUIRY_PRIORITIES)[number];

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}
export type SlaTargets = Record<InquiryPriority, SlaTarget>;

/**
 * Round-the-clock targets a SOC provider commonly offers: an urgent inquiry is answered within 30 minutes and
 * resolved within a working day; a low one is answered the next day. Tenants set their own in their contract.
 */
export const DEFAULT_SLA: Readonly<SlaTargets> = {
  urgent: { firstResponseMinutes: 30, resolutionMinutes: 8 * 60 },
  high: { firstResponseMinutes: 2 * 60, resolutionMinutes: 24 * 60 },
  normal: { firstResponseMinutes: 8 * 60, resolutionMinutes: 3 * 24 * 60 },
  low: { firstResponseMinutes: 24 * 60, resolutionMinutes: 5 * 24 * 60 },
};

const MINUTES_MAX = 365 * 24 * 60;

export const slaTargetSchema = z
  .object({
    firstResponseMinutes: z
      .number()
      .int()
      .min(1)
      .max(MINUTES_MAX)
      .describe('Minutes to the first SOC answer.'),
    resolutionMinutes: z
      .number()
      .int()
      .min(1)
      .max(MINUTES_MAX)
      .describe('Minutes to resolution, not counting time spent waiting on the customer.'),
  })
  .strict()
  .refine((t) => t.resolutionMinutes >= t.firstResponseMinutes, {
    message: 'resolutionMinutes must not be shorter than firstResponseMinutes',
  });

export const slaChangeSchema = z
  .object(
    Object.fromEntries(INQUIRY_PRIORITIES.map((p) => [p, slaTargetSchema.optional()])) as Record<
      InquiryPriority,
      z.ZodOptional<typeof slaTargetSchema>
    >,
  )
  .strict()
  .meta({
    id: 'InquirySlaChange',
    description: 'Targets to set, per priority; priorities left out keep theirs.',
  });
export type SlaChange = z.input<typeof slaChangeSchema>;

export const MINUTE_MS = 60_000;

/** The due times of a new inquiry. */
export function dueTimes(
  createdAt: number,
  target: SlaTarget,
): { firstResponseDueAt: number; resolutionDueAt: number } {
  return {
    firstResponseDueAt: createdAt + target.firstResponseMinutes * MINUTE_MS,
    resolutionDueAt: createdAt + target.resolutionMinutes * MINUTE_MS,
  };
}

export interface SlaTimes {
  status: string;
  firstResponseAt: number | null;
  firstResponseDueAt: number;
  /** Due time with past waiting added (see waitingSince). */
  resolutionDueAt: number;
  /** Set while waiting on the customer: the resolution clock is paused since then. */
  waitingSince: number | null;
  resolvedAt: number | null;
}

export interface SlaState {
  firstResponseDueAt: number;
  firstResponseAt: number | null;
  /** Not answered yet and past due. */
  firstResponseOverdue: boolean;
  /** Answered after the due time, or not answered and past due. */
  firstResponseBreached: boolean;
  /** The resolution due time as of now (pushed back by the time spent waiting on the customer). */
  resolutionDueAt: number;
  resolutionOverdue: boolean;
  resolutionBreached: boolean;
  /** The resolution clock is paused while the SOC waits on the customer. */
  paused: boolean;
}

const DONE = new Set(['resolved', 'closed']);

export function slaState(t: SlaTimes, now: number): SlaState {
  const paused = t.waitingSince !== null;
  const resolutionDueAt = paused ? t.resolutionDueAt + Math.max(0, now - t.waitingSince!) : t.resolutionDueAt;
  const firstResponseOverdue = t.firstResponseAt === null && now > t.firstResponseDueAt;
  const done = DONE.has(t.status);
  const resolutionOverdue = !done && now > resolutionDueAt;
  return {
    firstResponseDueAt: t.firstResponseDueAt,
    firstResponseAt: t.firstResponseAt,
    firstResponseOverdue,
    firstResponseBreached:
      firstResponseOverdue || (t.firstResponseAt !== null && t.firstResponseAt > t.firstResponseDueAt),
    resolutionDueAt,
    resolutionOverdue,
    resolutionBreached: resolutionOverdue || (t.resolvedAt !== null && t.resolvedAt > resolutionDueAt),
    paused,
  };
}

/** The stored resolution due time once waiting on the customer ends at `now`: the wait is added. */
export function resumedDue(resolutionDueAt: number, waitingSince: number, now: number): number {
  return resolutionDueAt + Math.max(0, now - waitingSince);
}
