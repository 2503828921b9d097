// The alert status machine: which moves are allowed, and the error for the others.
import { YaguraError } from '../core/errors.js';

export const ALERT_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'false_positive',
  'true_positive',
  'closed',
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export function isAlertStatus(value: string): value is AlertStatus {
  return (ALERT_STATUSES as readonly string[]).includes(value);
}

/**
 * new -> acknowledged -> in_progress -> false_positive | true_positive (escalated) -> closed, with three shortcuts
 * analysts need: dismissing a new alert as a false positive straight from the queue, starting work on a new alert
 * (which acknowledges it), and escalating an acknowledged one. A false positive or a closed alert can be reopened
 * (back to in_progress). An escalation cannot be undone to a false positive: the customer was told; close it with
 * a reason instead. Escalating needs an analyst to have taken the alert first (acknowledged at least).
 */
export const TRANSITIONS: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  new: ['acknowledged', 'in_progress', 'false_positive'],
  acknowledged: ['in_progress', 'false_positive', 'true_positive'],
  in_progress: ['false_positive', 'true_positive'],
  false_positive: ['closed', 'in_progress'],
  true_positive: ['closed'],
  closed: ['in_progress'],
};

/** Statuses in which an alert still takes new findings of its group. */
export const OPEN_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'in_progress'];

export function isOpenStatus(status: AlertStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function canTransition(from: AlertStatus, to: AlertStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws ALERT_TRANSITION_INVALID (409) unless `from -> to` is allowed; the message lists the allowed moves. */
export function checkTransition(from: AlertStatus, to: AlertStatus, alertId?: string): void {
  if (canTransition(from, to)) return;
  const allowed = TRANSITIONS[from];
  const what = alertId ? `Alert ${alertId}` : 'The alert';
  throw new YaguraError(
    'ALERT_TRANSITION_INVALID',
    from === to
      ? `${what} is already ${from}`
      : `${what} cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.join(', ')}`,
    { from, to, allowed: [...allowed] },
  );
}

/** The reason every status change carries: 1 to 2000 characters after trimming. */
export function checkReason(reason: string | undefined, what = 'A status change'): string {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length === 0) throw new YaguraError('REQUEST_INVALID', `${what} needs a reason`);
  if (trimmed.length > 2000) {
    throw new YaguraError('REQUEST_INVALID', `${what}: the text may have at most 2000 characters`);
  }
  return trimmed;
}
