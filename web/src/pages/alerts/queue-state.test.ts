import { describe, expect, it } from 'vitest';
import { commonMoves, listQuery, OPEN_STATUSES, readFilters, writeFilters } from './queue-state.js';

describe('alert queue filters', () => {
  it('shows the open alerts of the last 7 days, newest activity first, when the link names nothing', () => {
    const f = readFilters(new URLSearchParams(''));
    expect(f).toEqual({
      statuses: [...OPEN_STATUSES],
      assignee: 'any',
      entity: '',
      rule: '',
      from: 'now-7d',
      sort: 'last_seen',
    });
    expect(writeFilters(f).toString()).toBe('');
  });

  it('reads and writes back every filter, ignoring values it does not know', () => {
    const params = new URLSearchParams(
      'status=false_positive&status=done&severity=high&assignee=me&entity=ws01&from=now-24h&sort=severity',
    );
    const f = readFilters(params);
    expect(f).toMatchObject({
      statuses: ['false_positive'],
      severity: 'high',
      assignee: 'me',
      entity: 'ws01',
    });
    expect(writeFilters(f).toString()).toBe(
      'status=false_positive&severity=high&assignee=me&entity=ws01&from=now-24h&sort=severity',
    );
    expect(readFilters(new URLSearchParams('severity=urgent&assignee=bob')).severity).toBeUndefined();
  });

  it("asks the API for the user's own alerts by id and for unassigned ones by 'none'", () => {
    const f = readFilters(new URLSearchParams('assignee=me'));
    expect(listQuery(f, 'u1', undefined).assignee).toBe('u1');
    expect(listQuery({ ...f, assignee: 'none' }, 'u1', ['acme']).assignee).toBe('none');
    expect(listQuery({ ...f, assignee: 'none' }, 'u1', ['acme']).tenant).toEqual(['acme']);
    expect(listQuery(f, 'u1', undefined, 'c2')).toMatchObject({ cursor: 'c2', limit: 100 });
  });

  it('offers for a selection only the moves every selected alert allows', () => {
    expect(commonMoves(['new'])).toEqual(['acknowledged', 'in_progress', 'false_positive']);
    expect(commonMoves(['new', 'acknowledged'])).toEqual(['in_progress', 'false_positive']);
    expect(commonMoves(['true_positive', 'new'])).toEqual([]);
    expect(commonMoves([])).toEqual([]);
  });
});
