// The alert queue's query: filters, sort and keyset pages over the alerts table, within a tenant scope already granted.
import { YaguraError } from '../core/errors.js';
import { asciiLower } from '../search/values.js';
import type { StateDb } from '../state/database.js';
import type { TenantScope } from '../store/tenant-scope.js';
import { toAlert, type Alert } from './alert-model.js';
import { decodeCursor, encodeCursor } from './service-support.js';
import { isAlertStatus, type AlertStatus } from './status.js';

export interface AlertQuery {
  tenants?: readonly string[];
  status?: readonly AlertStatus[];
  /** Lowest severity score (0-100); see minScoreOf() for levels. */
  minSeverity?: number;
  ruleId?: string;
  /** A user id, or null for unassigned alerts. */
  assignee?: string | null;
  /** A value any entity field equals (host, user, source or destination address). */
  entity?: string;
  /** Bounds on last seen, epoch ms: from inclusive, to exclusive. */
  from?: number;
  to?: number;
  sort?: 'last_seen' | 'severity';
  limit: number;
  cursor?: string;
}

export interface AlertPage {
  alerts: Alert[];
  /** The cursor of the next page, when there may be one. */
  next?: string;
}

/** Newest activity (or highest severity) first; `query.limit` is already checked. */
export async function listAlerts(db: StateDb, scope: TenantScope, query: AlertQuery): Promise<AlertPage> {
  const limit = query.limit;
  const column = query.sort === 'severity' ? 'severity' : 'last_seen';
  let q = db
    .selectFrom('alerts')
    .selectAll()
    .where('tenant', 'in', [...scope]);
  if (query.status && query.status.length > 0) {
    for (const s of query.status) {
      if (!isAlertStatus(s)) throw new YaguraError('REQUEST_INVALID', `Unknown alert status "${s}"`);
    }
    q = q.where('status', 'in', [...query.status]);
  }
  if (query.minSeverity !== undefined) q = q.where('severity', '>=', query.minSeverity);
  if (query.ruleId !== undefined) q = q.where('rule_id', '=', query.ruleId);
  if (query.assignee === null) q = q.where('assignee', 'is', null);
  else if (query.assignee !== undefined) q = q.where('assignee', '=', query.assignee);
  if (query.entity !== undefined && query.entity !== '') {
    const v = query.entity.trim();
    const lower = asciiLower(v);
    q = q.where((eb) =>
      eb.or([
        eb('host_name', '=', lower),
        eb('user_name', '=', lower),
        eb('source_ip', '=', v),
        eb('destination_ip', '=', v),
      ]),
    );
  }
  if (query.from !== undefined) q = q.where('last_seen', '>=', query.from);
  if (query.to !== undefined) q = q.where('last_seen', '<', query.to);
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    q = q.where((eb) => eb.or([eb(column, '<', value), eb.and([eb(column, '=', value), eb('id', '<', id)])]));
  }
  const rows = await q
    .orderBy(column, 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const alerts = rows.slice(0, limit).map(toAlert);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return last ? { alerts, next: encodeCursor(last[column], last.id) } : { alerts };
}
