// The asset list's filters and pages: the query the API takes, and a stack of cursors to page back and forth.
import type { AssetSource } from './asset-form.js';

export interface AssetFilters {
  search: string;
  tag: string;
  source: AssetSource | '';
}

export const NO_FILTERS: AssetFilters = { search: '', tag: '', source: '' };
export const PAGE_SIZE = 50;

export interface AssetListQuery {
  tenant?: string[];
  search?: string;
  tag?: string;
  source?: AssetSource;
  cursor?: string;
  limit: number;
}

export function assetListQuery(
  filters: AssetFilters,
  tenants: string[] | undefined,
  cursor: string | undefined,
): AssetListQuery {
  const search = filters.search.trim();
  const tag = filters.tag.trim();
  return {
    ...(tenants ? { tenant: tenants } : {}),
    ...(search ? { search } : {}),
    ...(tag ? { tag } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(cursor ? { cursor } : {}),
    limit: PAGE_SIZE,
  };
}

export function hasFilters(filters: AssetFilters): boolean {
  return filters.search.trim() !== '' || filters.tag.trim() !== '' || filters.source !== '';
}

/** The cursors of the pages walked so far; the first page has none. */
export type PageStack = readonly (string | undefined)[];

export const FIRST_PAGE: PageStack = [undefined];

export function currentCursor(stack: PageStack): string | undefined {
  return stack.at(-1);
}

export function nextPage(stack: PageStack, next: string): PageStack {
  return [...stack, next];
}

export function previousPage(stack: PageStack): PageStack {
  return stack.length > 1 ? stack.slice(0, -1) : FIRST_PAGE;
}
