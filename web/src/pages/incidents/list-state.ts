// The incident list's filters as URL query parameters (a filtered list is a link) and as GET /api/incidents parameters.
import { CATEGORIES, LEVELS, PHASES, type Category, type Level, type Phase } from './incident-model.js';

export type StatusFilter = 'open' | 'closed' | 'all';

export interface ListFilters {
  status: StatusFilter;
  phase?: Phase;
  category?: Category;
  severity?: Level;
  mine: boolean;
  text: string;
}

function member<T extends string>(list: readonly T[], v: string | null): T | undefined {
  return v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

export function readListFilters(params: URLSearchParams): ListFilters {
  const status = params.get('status');
  const phase = member(PHASES, params.get('phase'));
  const category = member(CATEGORIES, params.get('category'));
  const severity = member(LEVELS, params.get('severity'));
  return {
    status: status === 'closed' || status === 'all' ? status : 'open',
    ...(phase ? { phase } : {}),
    ...(category ? { category } : {}),
    ...(severity ? { severity } : {}),
    mine: params.get('assignee') === 'me',
    text: params.get('q') ?? '',
  };
}

/** The URL form, leaving out the defaults so links stay short. */
export function writeListFilters(f: ListFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status !== 'open') p.set('status', f.status);
  if (f.phase) p.set('phase', f.phase);
  if (f.category) p.set('category', f.category);
  if (f.severity) p.set('severity', f.severity);
  if (f.mine) p.set('assignee', 'me');
  if (f.text.trim()) p.set('q', f.text.trim());
  return p;
}

export interface IncidentListQuery {
  status?: ('open' | 'closed')[];
  phase?: Phase;
  category?: Category;
  severity?: Level;
  assignee?: string;
  text?: string;
  tenant?: string[];
  limit: number;
  cursor?: string;
}

export const PAGE_SIZE = 50;

export function listQuery(f: ListFilters, tenants: string[] | undefined, cursor?: string): IncidentListQuery {
  const text = f.text.trim();
  return {
    ...(f.status !== 'all' ? { status: [f.status] } : {}),
    ...(f.phase ? { phase: f.phase } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.mine ? { assignee: 'me' } : {}),
    ...(text ? { text } : {}),
    ...(tenants ? { tenant: tenants } : {}),
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
}
