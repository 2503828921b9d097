// Turns a playbook into the tasks to create for a new incident: conditions applied, due times made absolute.
import { YaguraError } from '../../core/errors.js';
import type { Level } from '../../detect/sigma/rule.js';
import {
  parseDueOffset,
  severityAtLeast,
  type Language,
  type LocalizedText,
  type Playbook,
  type PlaybookTemplate,
  type ResponsePhase,
  type ResponseRole,
} from './playbook.js';

export interface InstantiateOptions {
  /** When the incident was created, epoch ms; due offsets count from here. */
  createdAt: number;
  /** The incident's severity; when unknown, tasks with a `when.minSeverity` are kept (better seen and dismissed than missed). */
  severity?: Level;
  /** The incident's language: the one `name` is written in and the UI shows first. */
  language: Language;
}

/** One task to create on the incident. Texts keep both languages; the UI picks. */
export interface PlannedTask {
  playbookId: string;
  playbookVersion: number;
  /** The playbook task's id, kept so the incident task can be traced to it. */
  taskId: string;
  /** 1, 2, 3, ... in phase order, then in the order the playbook lists them. */
  order: number;
  phase: ResponsePhase;
  role: ResponseRole;
  /** The title in the incident's language, for places that take a single text (notifications, audit). */
  name: string;
  language: Language;
  title: LocalizedText;
  description?: LocalizedText;
  checklist: { text: LocalizedText; done: false }[];
  templates: PlaybookTemplate[];
  /** Epoch ms: createdAt plus the task's due offset; absent when the task has none. */
  dueAt?: number;
}

export function instantiateTasks(playbook: Playbook, options: InstantiateOptions): PlannedTask[] {
  if (!Number.isFinite(options.createdAt))
    throw new YaguraError(
      'TIME_INVALID',
      `The incident's creation time is not a valid time: ${options.createdAt}`,
    );
  const { severity } = options;
  const kept = playbook.tasks.filter(
    (task) => !task.when || severity === undefined || severityAtLeast(severity, task.when.minSeverity),
  );
  return kept.map((task, i) => {
    const offset = task.due === undefined ? undefined : parseDueOffset(task.due);
    if (task.due !== undefined && offset === undefined)
      throw new YaguraError(
        'PLAYBOOK_INVALID',
        `Task "${task.id}" of playbook "${playbook.id}" has a due offset that is not one: "${task.due}"`,
      );
    return {
      playbookId: playbook.id,
      playbookVersion: playbook.version,
      taskId: task.id,
      order: i + 1,
      phase: task.phase,
      role: task.role,
      name: task.title[options.language],
      language: options.language,
      title: task.title,
      ...(task.description ? { description: task.description } : {}),
      checklist: task.checklist.map((text) => ({ text, done: false as const })),
      templates: task.templates.map((template) => ({ ...template })),
      ...(offset !== undefined ? { dueAt: options.createdAt + offset } : {}),
    };
  });
}
