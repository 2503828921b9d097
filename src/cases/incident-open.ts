// Opening an incident: its fields checked, its number taken, its category's playbook tasks planned, and the
// incident, its tasks, its first timeline entry, its alerts and the audit record written in one transaction.
import type { Actor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import { LEVELS } from '../detect/sigma/rule.js';
import type { StateDb } from '../state/database.js';
import type { TriageDeps } from '../triage/service-support.js';
import { attachAlerts, type AlertMaterial } from './incident-alerts.js';
import { checkAssets, DEFAULT_PRIORITY, languageOf, oneOf, type IncidentFields } from './incident-fields.js';
import { incidentRef, PRIORITIES, TLPS, type IncidentSource } from './incident-model.js';
import {
  appendIncidentTimeline,
  auditIncident,
  checkCaseUser,
  checkText,
  checkTime,
  distinct,
  newRecordId,
  nowOf,
} from './incident-support.js';
import { instantiateTasks } from './playbooks/instantiate.js';
import { playbookFor } from './playbooks/load.js';
import { INCIDENT_CATEGORIES, type IncidentCategory, type Playbook } from './playbooks/playbook.js';
import { insertPlannedTasks } from './task-rows.js';

export interface NewIncident extends IncidentFields {
  tenant: string;
  title: string;
  category: IncidentCategory;
  /** How it came in; `alerts` only through createFromAlerts. Default `manual`. */
  source?: Exclude<IncidentSource, 'alerts'>;
  /** What the source refers to (an inquiry or mail analysis id). */
  sourceRef?: string;
  /** User ids or names. */
  assignees?: string[];
  /** Create the category's playbook tasks (default true). */
  withPlaybook?: boolean;
}

/** Opens an incident; inside `within` (the caller's transaction) when given, else in a transaction of its own. */
export async function openIncident(
  deps: TriageDeps,
  options: { playbooks?: () => readonly Playbook[] },
  actor: Actor,
  tenant: string,
  input: NewIncident,
  materials: readonly AlertMaterial[],
  within?: StateDb,
): Promise<string> {
  // Inside a caller's transaction every read goes through it: the embedded database has one connection.
  const db = within ?? deps.db;
  const title = checkText(input.title, 'The title', 300);
  const description = input.description === undefined ? '' : input.description.trim();
  if (description.length > 20_000) {
    throw new YaguraError('REQUEST_INVALID', 'The description may have at most 20000 characters');
  }
  const category = oneOf(INCIDENT_CATEGORIES, input.category, 'category')!;
  const severity = oneOf(LEVELS, input.severity, 'severity') ?? 'medium';
  const priority = oneOf(PRIORITIES, input.priority, 'priority') ?? DEFAULT_PRIORITY[severity];
  const tlp = oneOf(TLPS, input.tlp, 'tlp') ?? 'amber';
  const source: IncidentSource = materials.length > 0 ? 'alerts' : (input.source ?? 'manual');
  const sourceRef = input.sourceRef === undefined ? null : checkText(input.sourceRef, 'sourceRef', 200);
  const dueAt = input.dueAt === undefined || input.dueAt === null ? null : checkTime(input.dueAt, 'dueAt');
  const assets = await checkAssets(db, tenant, input.affectedAssets ?? []);
  const users = distinct((input.affectedUsers ?? []).map((u) => checkText(u, 'An affected user', 256)));
  const assignees: string[] = [];
  for (const user of distinct(input.assignees ?? [])) assignees.push(await checkCaseUser(db, user, tenant));
  const language = await languageOf(db, tenant);
  const now = nowOf(deps);
  const playbook =
    input.withPlaybook === false ? undefined : playbookFor(category, options.playbooks?.() ?? []);
  const planned = playbook ? instantiateTasks(playbook, { createdAt: now, severity, language }) : [];
  const id = newRecordId();
  const year = new Date(now).getUTCFullYear();
  const write = async (trx: StateDb): Promise<void> => {
    // The number is taken in the insert itself, so the transaction starts with its write.
    await trx
      .insertInto('incidents')
      .values((eb) => ({
        id,
        tenant,
        year,
        seq: eb
          .selectFrom('incidents')
          .select(eb.fn.coalesce(eb(eb.fn.max('seq'), '+', 1), eb.lit(1)).as('next'))
          .where('tenant', '=', tenant)
          .where('year', '=', year),
        title,
        description,
        category,
        severity,
        priority,
        tlp,
        phase: 'detection_analysis',
        status: 'open',
        source,
        source_ref: sourceRef,
        playbook_id: playbook?.id ?? null,
        playbook_version: playbook?.version ?? null,
        language,
        assignees: JSON.stringify(distinct(assignees)),
        affected_assets: JSON.stringify(assets),
        affected_users: JSON.stringify(users),
        due_at: dueAt,
        created_at: now,
        created_by: actor.id,
        created_by_name: actor.name,
        updated_at: now,
        updated_by: actor.id,
        closed_at: null,
        closed_by: null,
        close_reason: null,
      }))
      .execute();
    const row = (await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst())!;
    const taskIds = await insertPlannedTasks(trx, row, planned, actor.id, now);
    const ref = incidentRef(row.year, row.seq);
    await appendIncidentTimeline(trx, row, actor, now, 'created', `Opened ${ref}: ${title}`, {
      source,
      category,
      severity,
      ...(playbook
        ? { playbook: { id: playbook.id, version: playbook.version }, tasks: taskIds.length }
        : {}),
    });
    const linked = materials.length > 0 ? await attachAlerts(trx, row, materials, actor, now) : undefined;
    await auditIncident(deps, trx, actor, 'incident.create', row, {
      ref,
      source,
      category,
      severity,
      tasks: taskIds.length,
      ...(linked ? { alerts: linked.linked, observables: linked.observablesAdded } : {}),
    });
  };
  if (within) await write(within);
  else await deps.db.transaction().execute(write);
  return id;
}
