// Adding a playbook's tasks to an incident whose category changed, next to the tasks it already has.
import type { Actor } from '../access/actor.js';
import type { Level } from '../detect/sigma/rule.js';
import type { StateDb } from '../state/database.js';
import { appendIncidentTimeline, type IncidentRow } from './incident-support.js';
import { instantiateTasks } from './playbooks/instantiate.js';
import { playbookFor } from './playbooks/load.js';
import type { IncidentCategory, Playbook } from './playbooks/playbook.js';
import { insertPlannedTasks } from './task-rows.js';

export interface PlaybookTasksAdded {
  playbook: { id: string; version: number };
  /** The new tasks' ids, in their order. */
  taskIds: string[];
}

/**
 * Inside the update's transaction: when the new category's playbook is not the one the incident's tasks came from,
 * its tasks are added after the existing ones (due offsets from now, the incident's language, the severity it
 * has after the update), the playbook is recorded on the incident and the timeline says so (kind `task`). The
 * existing tasks stay as they are, done or not. Undefined when nothing was added.
 */
export async function addCategoryPlaybook(
  trx: StateDb,
  row: IncidentRow,
  category: IncidentCategory,
  severity: Level,
  playbooks: readonly Playbook[],
  actor: Actor,
  now: number,
): Promise<PlaybookTasksAdded | undefined> {
  const playbook = playbookFor(category, playbooks);
  if (!playbook || row.playbook_id === playbook.id) return undefined;
  // A category changed back: its playbook's tasks are there already (the incident records the latest one only).
  const earlier = await trx
    .selectFrom('incident_tasks')
    .select('id')
    .where('incident_id', '=', row.id)
    .where('playbook_id', '=', playbook.id)
    .executeTakeFirst();
  if (earlier) return undefined;
  const language = row.language === 'ja' ? 'ja' : 'en';
  const planned = instantiateTasks(playbook, { createdAt: now, severity, language });
  const last = await trx
    .selectFrom('incident_tasks')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('incident_id', '=', row.id)
    .executeTakeFirst();
  const taskIds = await insertPlannedTasks(trx, row, planned, actor.id, now, Number(last?.max ?? 0));
  await trx
    .updateTable('incidents')
    .set({ playbook_id: playbook.id, playbook_version: playbook.version })
    .where('id', '=', row.id)
    .execute();
  const added = { id: playbook.id, version: playbook.version };
  const count = `${taskIds.length} task${taskIds.length === 1 ? '' : 's'}`;
  const name = `"${playbook.title[language]}" (${playbook.id})`;
  const summary = `Category ${row.category} → ${category}: ${count} of playbook ${name} added`;
  await appendIncidentTimeline(trx, row, actor, now, 'task', summary, {
    playbook: added,
    tasks: taskIds.length,
    taskIds,
    from: row.playbook_id,
  });
  return { playbook: added, taskIds };
}
