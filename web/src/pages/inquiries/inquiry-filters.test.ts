import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE,
  currentCursor,
  hasFilters,
  listQuery,
  nextPage,
  NO_FILTERS,
  PAGE_SIZE,
  previousPage,
  readFilters,
  writeFilters,
} from './inquiry-filters.js';
import { replyStatuses, sideOf } from './inquiry-model.js';

describe('inquiry list filters in the URL', () => {
  it('shows every inquiry when the link names nothing, and writes nothing back', () => {
    const f = readFilters(new URLSearchParams(''));
    expect(f).toEqual(NO_FILTERS);
    expect(writeFilters(f).toString()).toBe('');
    expect(hasFilters(f)).toBe(false);
  });

  it('reads and writes back every filter, ignoring values it does not know', () => {
    const f = readFilters(
      new URLSearchParams('status=waiting_customer&type=report&priority=urgent&overdue=1&assignee=me&q=VPN'),
    );
    expect(f).toEqual({
      status: 'waiting_customer',
      type: 'report',
      priority: 'urgent',
      overdue: true,
      assignee: 'me',
      text: 'VPN',
    });
    expect(writeFilters(f).toString()).toBe(
      'status=waiting_customer&type=report&priority=urgent&overdue=1&assignee=me&q=VPN',
    );
    expect(
      readFilters(new URLSearchParams('status=done&type=complaint&priority=p1&overdue=yes&assignee=bob')),
    ).toEqual(NO_FILTERS);
  });

  it('drops blank text from the link', () => {
    expect(writeFilters({ ...NO_FILTERS, text: '   ' }).toString()).toBe('');
  });
});

describe('inquiry list API parameters', () => {
  it('asks for the open statuses, the overdue ones, and the user by id', () => {
    const q = listQuery(
      readFilters(new URLSearchParams('status=open&overdue=1&assignee=me&q=%20ログ%20')),
      'u1',
      ['acme'],
    );
    expect(q).toEqual({
      tenant: ['acme'],
      status: ['new', 'answered', 'waiting_customer'],
      overdue: 'true',
      assignee: 'u1',
      q: 'ログ',
      limit: PAGE_SIZE,
    });
    expect(listQuery({ ...NO_FILTERS, assignee: 'none', status: 'closed' }, 'u1', undefined, 'c2')).toEqual({
      status: ['closed'],
      assignee: 'none',
      limit: PAGE_SIZE,
      cursor: 'c2',
    });
  });

  it('leaves type and priority to the API, with pages of the usual size', () => {
    expect(
      listQuery(
        readFilters(new URLSearchParams('status=new&type=report&priority=high')),
        'u1',
        undefined,
        'c3',
      ),
    ).toEqual({
      status: ['new'],
      type: ['report'],
      priority: ['high'],
      limit: PAGE_SIZE,
      cursor: 'c3',
    });
    expect(listQuery({ ...NO_FILTERS, priority: 'urgent' }, 'u1', ['acme'])).toEqual({
      tenant: ['acme'],
      priority: ['urgent'],
      limit: PAGE_SIZE,
    });
  });

  it('walks pages forward and back with a stack of cursors', () => {
    let pages = FIRST_PAGE;
    expect(currentCursor(pages)).toBeUndefined();
    pages = nextPage(nextPage(pages, 'c1'), 'c2');
    expect(currentCursor(pages)).toBe('c2');
    pages = previousPage(pages);
    expect(currentCursor(pages)).toBe('c1');
    expect(previousPage(previousPage(pages))).toEqual(FIRST_PAGE);
  });
});

describe('who writes on which side, and the statuses a message may set', () => {
  it('puts holders of inquiries:answer on the SOC side, submitters only on the customer side', () => {
    expect(sideOf((p) => p === 'inquiries:answer' || p === 'inquiries:submit')).toBe('soc');
    expect(sideOf((p) => p === 'inquiries:submit')).toBe('customer');
    expect(sideOf(() => false)).toBeUndefined();
  });

  it('offers "answered" first for a SOC answer and "new" for a customer reply', () => {
    expect(replyStatuses('soc', 'new')).toEqual([
      'answered',
      'new',
      'waiting_customer',
      'resolved',
      'closed',
    ]);
    expect(replyStatuses('customer', 'answered')).toEqual(['new', 'answered', 'resolved', 'closed']);
  });

  it('keeps the status when the default move is not allowed, and allows no message on a closed inquiry', () => {
    expect(replyStatuses('soc', 'resolved')).toEqual(['resolved', 'new', 'closed']);
    expect(replyStatuses('customer', 'closed')).toEqual([]);
  });
});
