// Writes incident task rows: those a playbook plans (for a new incident or a new category), and those made by hand.
import type { Insertable } from 'kysely';
import type { StateDb } from '../state/database.js';
import { newRecordId } from './incident-support.js';
import type { ChecklistItem } from './incident-model.js';
import type { PlannedTask } from './playbooks/instantiate.js';
import type { IncidentTasksTable } from './tables.js';

export async function insertTask(
  trx: StateDb,
  values: Omit<Insertable<IncidentTasksTable>, 'id'>,
): Promise<string> {
  const id = newRecordId();
  await trx
    .insertInto('incident_tasks')
    .values({ id, ...values })
    .execute();
  return id;
}

/** The playbook's planned tasks as rows of the incident, in their order, placed after `afterPosition`. */
export async function insertPlannedTasks(
  trx: StateDb,
  incident: { id: string; tenant: string },
  planned: readonly PlannedTask[],
  createdBy: string,
  now: number,
  afterPosition = 0,
): Promise<string[]> {
  const ids: string[] = [];
  for (const task of planned) {
    const checklist: ChecklistItem[] = task.checklist.map((item) => ({ text: item.text, done: false }));
    ids.push(
      await insertTask(trx, {
        incident_id: incident.id,
        tenant: incident.tenant,
        phase: task.phase,
        title_ja: task.title.ja,
        title_en: task.title.en,
        description_ja: task.description?.ja ?? null,
        description_en: task.description?.en ?? null,
        role: task.role,
        owner: null,
        due_at: task.dueAt ?? null,
        status: 'todo',
        checklist: JSON.stringify(checklist),
        notes: null,
        position: afterPosition + task.order,
        templates: JSON.stringify(task.templates),
        playbook_id: task.playbookId,
        playbook_version: task.playbookVersion,
        playbook_task_id: task.taskId,
        created_at: now,
        created_by: createdBy,
        updated_at: now,
        completed_at: null,
      }),
    );
  }
  return ids;
}
