// The inquiry list's filters as URL query parameters (a filtered list is a link to share) and as API parameters.
import {
  INQUIRY_PRIORITIES,
  INQUIRY_STATUSES,
  INQUIRY_TYPES,
  type InquiryPriority,
  type InquiryStatus,
  type InquiryType,
} from './inquiry-model.js';

/** "open" stands for the statuses someone still has to act on. */
export type StatusFilter = InquiryStatus | 'open' | '';
export const STATUS_FILTERS: readonly StatusFilter[] = ['', 'open', ...INQUIRY_STATUSES];
export const OPEN_STATUSES: readonly InquiryStatus[] = ['new', 'answered', 'waiting_customer'];

export type AssigneeFilter = 'any' | 'me' | 'none';

export interface InquiryFilters {
  status: StatusFilter;
  type: InquiryType | '';
  priority: InquiryPriority | '';
  overdue: boolean;
  assignee: AssigneeFilter;
  text: string;
}

export const NO_FILTERS: InquiryFilters = {
  status: '',
  type: '',
  priority: '',
  overdue: false,
  assignee: 'any',
  text: '',
};

export const PAGE_SIZE = 50;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

export function readFilters(params: URLSearchParams): InquiryFilters {
  const assignee = params.get('assignee');
  return {
    status: oneOf(STATUS_FILTERS, params.get('status')) ?? '',
    type: oneOf(INQUIRY_TYPES, params.get('type')) ?? '',
    priority: oneOf(INQUIRY_PRIORITIES, params.get('priority')) ?? '',
    overdue: params.get('overdue') === '1' || params.get('overdue') === 'true',
    assignee: assignee === 'me' || assignee === 'none' ? assignee : 'any',
    text: (params.get('q') ?? '').slice(0, 200),
  };
}

/** The URL form, leaving out what equals the default so links stay short. */
export function writeFilters(f: InquiryFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.type) p.set('type', f.type);
  if (f.priority) p.set('priority', f.priority);
  if (f.overdue) p.set('overdue', '1');
  if (f.assignee !== 'any') p.set('assignee', f.assignee);
  if (f.text.trim()) p.set('q', f.text.trim());
  return p;
}

export function hasFilters(f: InquiryFilters): boolean {
  return writeFilters(f).toString() !== '';
}

export interface InquiryListQuery {
  tenant?: string[];
  status?: InquiryStatus[];
  type?: InquiryType[];
  priority?: InquiryPriority[];
  overdue?: 'true';
  assignee?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/** GET /api/inquiries parameters for the filters, the signed-in user and the tenants shown. */
export function listQuery(
  f: InquiryFilters,
  me: string,
  tenants: string[] | undefined,
  cursor?: string,
): InquiryListQuery {
  const q = f.text.trim();
  const status = f.status === 'open' ? [...OPEN_STATUSES] : f.status ? [f.status] : undefined;
  const assignee = f.assignee === 'me' ? me : f.assignee === 'none' ? 'none' : undefined;
  return {
    ...(tenants ? { tenant: tenants } : {}),
    ...(status ? { status } : {}),
    ...(f.type ? { type: [f.type] } : {}),
    ...(f.priority ? { priority: [f.priority] } : {}),
    ...(f.overdue ? { overdue: 'true' as const } : {}),
    ...(assignee ? { assignee } : {}),
    ...(q ? { q } : {}),
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
}

/** The cursors of the pages walked so far; the first page has none. */
export type PageStack = readonly (string | undefined)[];
export const FIRST_PAGE: PageStack = [undefined];

export const currentCursor = (stack: PageStack): string | undefined => stack.at(-1);
export const nextPage = (stack: PageStack, next: string): PageStack => [...stack, next];
export const previousPage = (stack: PageStack): PageStack =>
  stack.length > 1 ? stack.slice(0, -1) : FIRST_PAGE;
