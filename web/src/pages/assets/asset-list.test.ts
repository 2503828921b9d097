import { describe, expect, it } from 'vitest';
import {
  assetListQuery,
  currentCursor,
  FIRST_PAGE,
  hasFilters,
  NO_FILTERS,
  nextPage,
  PAGE_SIZE,
  previousPage,
} from './asset-list.js';

describe('assetListQuery', () => {
  it('asks for all the caller’s tenants and no filter by default', () => {
    expect(assetListQuery(NO_FILTERS, undefined, undefined)).toEqual({ limit: PAGE_SIZE });
  });

  it('passes the trimmed filters, the tenant and the cursor', () => {
    expect(assetListQuery({ search: ' dc0 ', tag: 'prod', source: 'import' }, ['acme'], 'c2')).toEqual({
      tenant: ['acme'],
      search: 'dc0',
      tag: 'prod',
      source: 'import',
      cursor: 'c2',
      limit: PAGE_SIZE,
    });
  });

  it('knows whether any filter is set', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, tag: ' x ' })).toBe(true);
  });
});

describe('page stack', () => {
  it('walks forward with the next cursors and back to the first page', () => {
    const two = nextPage(FIRST_PAGE, 'c2');
    const three = nextPage(two, 'c3');
    expect(currentCursor(FIRST_PAGE)).toBeUndefined();
    expect(currentCursor(three)).toBe('c3');
    expect(currentCursor(previousPage(three))).toBe('c2');
    expect(previousPage(previousPage(two))).toEqual(FIRST_PAGE);
  });
});
