// The incident vocabulary as the console uses it: phases in order, categories, tasks grouped by phase, due-time wording.
import type { Schemas } from '../../api/client.js';

export type Incident = Schemas['Incident'];
export type IncidentDetailData = Schemas['IncidentDetail'];
export type IncidentTask = Schemas['IncidentTask'];
export type Phase = Incident['phase'];
export type Category = Incident['category'];
export type Priority = Incident['priority'];
export type Tlp = Incident['tlp'];
export type TaskStatus = IncidentTask['status'];
export type TaskRole = NonNullable<IncidentTask['role']>;
export type LocalizedText = Schemas['LocalizedText'];

export const PHASES: readonly Phase[] = [
  'detection_analysis',
  'containment',
  'eradication',
  'recovery',
  'post_incident',
];
export const CATEGORIES: readonly Category[] = [
  'malware',
  'phishing',
  'unauthorized_access',
  'dos',
  'data_leak',
  'web_defacement',
  'insider',
  'vulnerability',
  'other',
];
export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
export const TLPS: readonly Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];
export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'done', 'skipped'];
export const TASK_ROLES: readonly TaskRole[] = [
  'soc_analyst',
  'csirt',
  'it_ops',
  'management',
  'legal',
  'pr',
  'hr',
  'helpdesk',
];
export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

/** The phase after this one, or undefined at the last. */
export function nextPhase(phase: Phase): Phase | undefined {
  return PHASES[PHASES.indexOf(phase) + 1];
}

/** Where each phase stands against the current one, for the stepper. */
export function phaseSteps(current: Phase): { phase: Phase; state: 'done' | 'current' | 'later' }[] {
  const at = PHASES.indexOf(current);
  return PHASES.map((phase, i) => ({
    phase,
    state: i < at ? 'done' : i === at ? 'current' : 'later',
  }));
}

/** The priority the server gives a severity when none is chosen (critical P1, high P2, medium P3, else P4). */
export function defaultPriority(severity: Level): Priority {
  return severity === 'critical' ? 'P1' : severity === 'high' ? 'P2' : severity === 'medium' ? 'P3' : 'P4';
}

/** A text in the UI language, falling back to the other language when that one is empty. */
export function localized(text: LocalizedText | null | undefined, language: string): string {
  if (!text) return '';
  const ja = language.startsWith('ja');
  return (ja ? text.ja || text.en : text.en || text.ja) ?? '';
}

/** Tasks grouped by phase in phase order (empty phases left out), each group in the tasks' own order. */
export function groupTasks(tasks: readonly IncidentTask[]): { phase: Phase; tasks: IncidentTask[] }[] {
  return PHASES.map((phase) => ({
    phase,
    tasks: tasks
      .filter((t) => t.phase === phase)
      .sort((a, b) => a.order - b.order || a.createdAt - b.createdAt),
  })).filter((g) => g.tasks.length > 0);
}

export function isOpenTask(status: TaskStatus): boolean {
  return status === 'todo' || status === 'in_progress';
}

export type DueState =
  | { kind: 'none' }
  | { kind: 'overdue'; ms: number }
  | { kind: 'soon'; ms: number }
  | { kind: 'later'; ms: number };

const SOON_MS = 24 * 3600_000;

/** Whether a due time has passed (only for work still open), is within a day, or is further away. */
export function dueState(dueAt: number | null, now: number, open = true): DueState {
  if (dueAt === null || !open) return { kind: 'none' };
  const ms = dueAt - now;
  if (ms < 0) return { kind: 'overdue', ms: -ms };
  return ms <= SOON_MS ? { kind: 'soon', ms } : { kind: 'later', ms };
}

/** A duration as its largest whole unit: "3d", "5h", "12m" (under a minute counts as 1m). */
export function roughDuration(ms: number): { value: number; unit: 'd' | 'h' | 'm' } {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes >= 24 * 60) return { value: Math.floor(minutes / (24 * 60)), unit: 'd' };
  if (minutes >= 60) return { value: Math.floor(minutes / 60), unit: 'h' };
  return { value: minutes, unit: 'm' };
}

/** Splits a typed list ("a, b" or one per line) into distinct trimmed entries. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,、]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** How a user id reads: the known name, else the id itself. */
export function personName(id: string, names: ReadonlyMap<string, string>): string {
  return names.get(id) ?? id;
}

/**
 * What the signed-in user may change on a task: everything with incidents:manage; only status, notes and
 * checklist on a task they own with incidents:comment (the customer's CSIRT); nothing otherwise.
 */
export function taskAccess(
  task: Pick<IncidentTask, 'owner'>,
  me: string | undefined,
  canManage: boolean,
  canComment: boolean,
): 'all' | 'work' | 'none' {
  if (canManage) return 'all';
  return canComment && me !== undefined && task.owner === me ? 'work' : 'none';
}
