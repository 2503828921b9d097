// The alert queue's filters as URL query parameters (so a filtered queue is a link to share) and as API parameters.
export const STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'false_positive',
  'true_positive',
  'closed',
] as const;
export type AlertStatus = (typeof STATUSES)[number];
export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

/** What the queue shows when no status is chosen: the alerts someone still has to look at. */
export const OPEN_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'in_progress'];

/** The moves the server allows (src/triage/status.ts), so the console offers only those. */
export const TRANSITIONS: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  new: ['acknowledged', 'in_progress', 'false_positive'],
  acknowledged: ['in_progress', 'false_positive', 'true_positive'],
  in_progress: ['false_positive', 'true_positive'],
  false_positive: ['closed', 'in_progress'],
  true_positive: ['closed'],
  closed: ['in_progress'],
};

export type AssigneeFilter = 'any' | 'me' | 'none';

export interface QueueFilters {
  statuses: AlertStatus[];
  severity?: Level;
  assignee: AssigneeFilter;
  entity: string;
  rule: string;
  from: string;
  sort: 'last_seen' | 'severity';
}

const DEFAULT_FROM = 'now-7d';

function isStatus(v: string): v is AlertStatus {
  return (STATUSES as readonly string[]).includes(v);
}

function isLevel(v: string): v is Level {
  return (LEVELS as readonly string[]).includes(v);
}

export function readFilters(params: URLSearchParams): QueueFilters {
  const statuses = params.getAll('status').filter(isStatus);
  const severity = params.get('severity') ?? '';
  const assignee = params.get('assignee');
  return {
    statuses: statuses.length > 0 ? statuses : [...OPEN_STATUSES],
    ...(isLevel(severity) ? { severity } : {}),
    assignee: assignee === 'me' || assignee === 'none' ? assignee : 'any',
    entity: params.get('entity') ?? '',
    rule: params.get('rule') ?? '',
    from: params.get('from') || DEFAULT_FROM,
    sort: params.get('sort') === 'severity' ? 'severity' : 'last_seen',
  };
}

/** The URL form, leaving out what equals the default so links stay short. */
export function writeFilters(f: QueueFilters): URLSearchParams {
  const p = new URLSearchParams();
  const open =
    f.statuses.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => f.statuses.includes(s));
  if (!open) for (const s of f.statuses) p.append('status', s);
  if (f.severity) p.set('severity', f.severity);
  if (f.assignee !== 'any') p.set('assignee', f.assignee);
  if (f.entity.trim()) p.set('entity', f.entity.trim());
  if (f.rule.trim()) p.set('rule', f.rule.trim());
  if (f.from !== DEFAULT_FROM) p.set('from', f.from);
  if (f.sort !== 'last_seen') p.set('sort', f.sort);
  return p;
}

export interface AlertListQuery {
  status: AlertStatus[];
  severity?: Level;
  assignee?: string;
  entity?: string;
  rule?: string;
  from: string;
  sort: 'last_seen' | 'severity';
  tenant?: string[];
  limit: number;
  cursor?: string;
}

/** GET /api/alerts parameters for the filters, the signed-in user and the tenants shown. */
export function listQuery(
  f: QueueFilters,
  me: string,
  tenants: string[] | undefined,
  cursor?: string,
): AlertListQuery {
  const entity = f.entity.trim();
  const rule = f.rule.trim();
  return {
    status: f.statuses,
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.assignee === 'me' ? { assignee: me } : f.assignee === 'none' ? { assignee: 'none' } : {}),
    ...(entity ? { entity } : {}),
    ...(rule ? { rule } : {}),
    from: f.from,
    sort: f.sort,
    ...(tenants ? { tenant: tenants } : {}),
    limit: 100,
    ...(cursor ? { cursor } : {}),
  };
}

/** The statuses every one of the selected alerts may move to, in the machine's order. */
export function commonMoves(statuses: readonly AlertStatus[]): AlertStatus[] {
  if (statuses.length === 0) return [];
  return STATUSES.filter((to) => statuses.every((s) => TRANSITIONS[s].includes(to)));
}
