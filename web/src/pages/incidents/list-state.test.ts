import { describe, expect, it } from 'vitest';
import { listQuery, readListFilters, writeListFilters } from './list-state.js';

describe('incident list filters', () => {
  it('defaults to open incidents and keeps the default out of the URL', () => {
    const f = readListFilters(new URLSearchParams());
    expect(f).toEqual({ status: 'open', mine: false, text: '' });
    expect(writeListFilters(f).toString()).toBe('');
  });
  it('reads back what it writes', () => {
    const f = readListFilters(
      new URLSearchParams(
        'status=closed&phase=containment&category=phishing&severity=high&assignee=me&q=INC-2026-0001',
      ),
    );
    expect(f).toEqual({
      status: 'closed',
      phase: 'containment',
      category: 'phishing',
      severity: 'high',
      mine: true,
      text: 'INC-2026-0001',
    });
    expect(readListFilters(writeListFilters(f))).toEqual(f);
  });
  it('ignores values it does not know', () => {
    const f = readListFilters(new URLSearchParams('status=x&phase=nope&category=spam&severity=huge'));
    expect(f).toEqual({ status: 'open', mine: false, text: '' });
  });
  it('turns the filters into API parameters', () => {
    const f = readListFilters(new URLSearchParams('status=all&assignee=me&q=%20ransom%20'));
    expect(listQuery(f, ['acme'], 'c1')).toEqual({
      assignee: 'me',
      text: 'ransom',
      tenant: ['acme'],
      limit: 50,
      cursor: 'c1',
    });
    expect(listQuery(readListFilters(new URLSearchParams()), undefined)).toEqual({
      status: ['open'],
      limit: 50,
    });
  });
});
