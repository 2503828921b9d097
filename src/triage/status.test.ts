import { describe, expect, it } from 'vitest';
import { YaguraError } from '../core/errors.js';
import { ALERT_STATUSES, canTransition, checkReason, checkTransition, TRANSITIONS } from './status.js';

describe('the alert status machine', () => {
  it('walks new -> acknowledged -> in_progress -> true_positive -> closed', () => {
    const path = ['new', 'acknowledged', 'in_progress', 'true_positive', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('lets a new alert be dismissed as a false positive straight from the queue, then closed', () => {
    expect(canTransition('new', 'false_positive')).toBe(true);
    expect(canTransition('false_positive', 'closed')).toBe(true);
  });

  it('refuses escalating an alert nobody took, closing a new one and undoing an escalation', () => {
    for (const [from, to] of [
      ['new', 'true_positive'],
      ['new', 'closed'],
      ['true_positive', 'false_positive'],
      ['closed', 'new'],
    ] as const) {
      expect(canTransition(from, to)).toBe(false);
    }
  });

  it('never allows staying in the same status', () => {
    for (const s of ALERT_STATUSES) expect(TRANSITIONS[s]).not.toContain(s);
  });

  it('reports a refused move as ALERT_TRANSITION_INVALID (409) listing the allowed ones', () => {
    let error: unknown;
    try {
      checkTransition('new', 'closed', 'a1');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YaguraError);
    expect(error).toMatchObject({ code: 'ALERT_TRANSITION_INVALID', status: 409 });
    expect((error as Error).message).toBe(
      'Alert a1 cannot go from new to closed; from new it can go to acknowledged, in_progress, false_positive',
    );
    expect(() => checkTransition('closed', 'closed')).toThrow('The alert is already closed');
  });

  it('requires a non-empty reason of at most 2000 characters', () => {
    expect(checkReason('  benign admin script  ')).toBe('benign admin script');
    expect(() => checkReason('   ')).toThrow('A status change needs a reason');
    expect(() => checkReason('x'.repeat(2001))).toThrow(/at most 2000/);
  });
});
