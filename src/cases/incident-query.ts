// The incident list: filters, newest first, keyset pages, within a tenant scope already granted.
import { sql, type Expression, type SqlBool } from 'kysely';
import { LEVELS, type Level } from '../detect/sigma/rule.js';
import type { StateDb } from '../state/database.js';
import type { TenantScope } from '../store/tenant-scope.js';
import { decodeCursor, encodeCursor } from '../triage/service-support.js';
import { toIncident, type Incident, type IncidentStatus } from './incident-model.js';
import type { IncidentCategory, ResponsePhase } from './playbooks/playbook.js';

export interface IncidentQuery {
  tenants?: readonly string[];
  status?: readonly IncidentStatus[];
  phase?: readonly ResponsePhase[];
  category?: readonly IncidentCategory[];
  /** This severity and above. */
  severity?: Level;
  /** A user id among the assignees, or null for incidents nobody is assigned. */
  assignee?: string | null;
  /** Words in the reference (INC-2026-0007), title or description. */
  text?: string;
  limit: number;
  cursor?: string;
}

export interface IncidentPage {
  incidents: Incident[];
  next?: string;
}

/** `%`, `_` and `\` taken literally in a LIKE pattern (escaped with `\`). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column LIKE '%text%'` with the text taken literally (ASCII case-insensitive on SQLite). */
function contains(column: 'title' | 'description' | 'assignees', text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${likeLiteral(text)}%`} escape '\\'`;
}

export async function listIncidents(
  db: StateDb,
  scope: TenantScope,
  query: IncidentQuery,
): Promise<IncidentPage> {
  let q = db
    .selectFrom('incidents')
    .selectAll()
    .where('tenant', 'in', [...scope]);
  if (query.status?.length) q = q.where('status', 'in', [...query.status]);
  if (query.phase?.length) q = q.where('phase', 'in', [...query.phase]);
  if (query.category?.length) q = q.where('category', 'in', [...query.category]);
  if (query.severity !== undefined) {
    q = q.where('severity', 'in', LEVELS.slice(LEVELS.indexOf(query.severity)));
  }
  if (query.assignee === null) q = q.where('assignees', '=', '[]');
  else if (query.assignee !== undefined) {
    // Assignees are a JSON array of ids; ids never hold a quote, so the quoted id matches one element exactly.
    q = q.where(contains('assignees', JSON.stringify(query.assignee)));
  }
  const text = query.text?.trim();
  if (text) {
    const ref = /^INC-(\d{4})-(\d+)$/i.exec(text);
    q = q.where((eb) =>
      eb.or([
        contains('title', text),
        contains('description', text),
        ...(ref ? [eb.and([eb('year', '=', Number(ref[1])), eb('seq', '=', Number(ref[2]))])] : []),
      ]),
    );
  }
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', value), eb.and([eb('created_at', '=', value), eb('id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const incidents = rows.slice(0, query.limit).map(toIncident);
  const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
  return last ? { incidents, next: encodeCursor(last.created_at, last.id) } : { incidents };
}
