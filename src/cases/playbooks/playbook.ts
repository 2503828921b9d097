// The incident playbook model: categories, response phases, roles, and the zod schema of a playbook YAML file.
import { z } from 'zod';
import { LEVELS, type Level } from '../../detect/sigma/rule.js';

/**
 * Incident categories. The taxonomy follows the incident types JPCERT/CC and most Japanese CSIRTs report on,
 * kept coarse so that every incident fits exactly one main category:
 * - `malware`: infection by malicious code (ransomware, RATs, worms, unwanted software), on any host.
 * - `phishing`: fraudulent mail, SMS or sites that harvest credentials or deliver malware; includes BEC.
 * - `unauthorized_access`: use of an account or system by someone not entitled to it (stolen credentials,
 *   brute force, exploited remote access).
 * - `dos`: loss of availability caused on purpose (DDoS, resource exhaustion).
 * - `data_leak`: information, above all personal data, disclosed, lost or possibly taken (any cause).
 * - `web_defacement`: a website's content altered by an attacker (defacement, injected scripts, redirects).
 * - `insider`: misuse by an employee, contractor or former member of staff.
 * - `vulnerability`: a vulnerability in our assets that needs handling before (or to check whether) it is exploited.
 * - `other`: anything else (scans, reports about us from outside, suspicious behaviour not yet classified).
 */
export const INCIDENT_CATEGORIES = [
  'malware',
  'phishing',
  'unauthorized_access',
  'dos',
  'data_leak',
  'web_defacement',
  'insider',
  'vulnerability',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/**
 * Response phases, based on the incident response life cycle of NIST SP 800-61 Rev. 2 (preparation happens
 * before an incident, so a playbook starts at detection and analysis; containment, eradication and recovery
 * are kept apart because a CSIRT assigns and tracks them separately).
 */
export const RESPONSE_PHASES = [
  'detection_analysis',
  'containment',
  'eradication',
  'recovery',
  'post_incident',
] as const;
export type ResponsePhase = (typeof RESPONSE_PHASES)[number];

/**
 * Who carries out a task:
 * - `soc_analyst`: monitoring and first analysis (log searches, alert triage, IOC checks).
 * - `csirt`: incident handling and coordination, forensics, contact with outside bodies (JPCERT/CC, police).
 * - `it_ops`: the people who run systems and networks (isolation, blocking, restores, patches, accounts).
 * - `management`: executives and owners of the business decisions (stop a service, announce, budget).
 * - `legal`: legal affairs and privacy (contracts, regulators such as 個人情報保護委員会, counsel).
 * - `pr`: public relations (press, website notices, customer announcements).
 * - `hr`: human resources (employee interviews, disciplinary process).
 * - `helpdesk`: the user support desk (answering users, collecting reports).
 */
export const RESPONSE_ROLES = [
  'soc_analyst',
  'csirt',
  'it_ops',
  'management',
  'legal',
  'pr',
  'hr',
  'helpdesk',
] as const;
export type ResponseRole = (typeof RESPONSE_ROLES)[number];

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const ID_RULE = 'use 1-64 lowercase letters, digits, "_" or "-", starting with a letter or digit';

/** `30m`, `4h`, `3d` or `2w`: a whole number and one unit (minutes, hours, days, weeks). */
const DUE_PATTERN = /^([1-9]\d{0,4})([mhdw])$/;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The offset in milliseconds of a due text such as `4h`; undefined when the text is not one. */
export function parseDueOffset(text: string): number | undefined {
  const m = DUE_PATTERN.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

const requiredText = (what: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be text`),
    })
    .trim()
    .min(1, `${what} is empty`);

const localizedTextSchema = z
  .object({
    ja: requiredText('the Japanese text (ja)'),
    en: requiredText('the English text (en)'),
  })
  .strict()
  .describe('A text in both Japanese (`ja`) and English (`en`); both are required.');
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const idSchema = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .regex(ID_PATTERN, `${what}: ${ID_RULE}`);

const templateSchema = z
  .object({
    id: idSchema('template id').describe('Unique within the playbook.'),
    title: localizedTextSchema.describe('What the text is, e.g. "Log request to a vendor".'),
    body: localizedTextSchema.describe(
      'The text to send or publish; fill-in marks such as 【組織名】 / [Organization] are left for the user.',
    ),
  })
  .strict();
export type PlaybookTemplate = z.infer<typeof templateSchema>;

const whenSchema = z
  .object({
    minSeverity: z
      .enum(LEVELS, { error: `minSeverity must be one of ${LEVELS.join(', ')}` })
      .describe('Create the task only for incidents of this severity or higher.'),
  })
  .strict();
export type TaskCondition = z.infer<typeof whenSchema>;

const taskFileSchema = z
  .object({
    id: idSchema('task id').describe('Unique within the playbook; kept on the incident task it creates.'),
    title: localizedTextSchema.describe('The task as a short imperative sentence.'),
    description: localizedTextSchema.optional().describe('Why and how, for whoever picks the task up.'),
    role: z
      .enum(RESPONSE_ROLES, { error: `role must be one of ${RESPONSE_ROLES.join(', ')}` })
      .describe('Who carries out the task.'),
    due: z
      .string({ error: 'due must be text such as 4h or 3d' })
      .refine(
        (text) => parseDueOffset(text) !== undefined,
        'due must be a whole number and a unit: 30m, 4h, 3d or 2w',
      )
      .optional()
      .describe('When the task is due, counted from the creation of the incident (`30m`, `4h`, `3d`, `2w`).'),
    checklist: z.array(localizedTextSchema).default([]).describe('Steps to tick off, in order.'),
    templates: z
      .array(templateSchema)
      .default([])
      .describe(
        'Texts the task sends or publishes (requests to vendors, reports to outside bodies, notices).',
      ),
    when: whenSchema.optional().describe('Conditions under which the task is created; always when absent.'),
  })
  .strict();

const phasesSchema = z
  .object(
    Object.fromEntries(RESPONSE_PHASES.map((phase) => [phase, z.array(taskFileSchema).optional()])) as Record<
      ResponsePhase,
      z.ZodOptional<z.ZodArray<typeof taskFileSchema>>
    >,
  )
  .strict()
  .refine((phases) => Object.values(phases).some((tasks) => tasks && tasks.length > 0), {
    message: 'a playbook needs at least one task',
  })
  .describe(`The tasks of each phase, in order; phases are ${RESPONSE_PHASES.join(', ')}.`);

const categoryEnum = z.enum(INCIDENT_CATEGORIES, {
  error: `category must be one of ${INCIDENT_CATEGORIES.join(', ')}`,
});

/** The schema of one playbook YAML file, as authored. */
export const playbookFileSchema = z
  .object({
    id: idSchema('playbook id').describe(
      'Unique among the playbooks of one folder; a user playbook with the id of a starter one replaces it.',
    ),
    version: z
      .number({ error: 'version must be a whole number' })
      .int('version must be a whole number')
      .positive('version must be 1 or more')
      .describe('Raised on each change; incident tasks record the version they came from.'),
    category: z
      .preprocess(
        (value) => (typeof value === 'string' ? [value] : value),
        z
          .array(categoryEnum, { error: 'category must be a category or a list of them' })
          .min(1, 'category needs at least one entry'),
      )
      .describe('The incident category the playbook handles, or a list of them.'),
    title: localizedTextSchema.describe('The playbook name shown to users.'),
    description: localizedTextSchema.describe('What the playbook covers and when to use it.'),
    phases: phasesSchema,
  })
  .strict();
export type PlaybookFile = z.infer<typeof playbookFileSchema>;

/** Where playbooks come from: the starter set shipped with Yagura, or a user's folder (which wins). */
export type PlaybookOrigin = 'starter' | 'user';

export interface PlaybookTask {
  id: string;
  phase: ResponsePhase;
  role: ResponseRole;
  title: LocalizedText;
  description?: LocalizedText;
  /** The offset as written, e.g. `4h`; see parseDueOffset. */
  due?: string;
  checklist: LocalizedText[];
  templates: PlaybookTemplate[];
  when?: TaskCondition;
}

export interface Playbook {
  id: string;
  version: number;
  categories: IncidentCategory[];
  title: LocalizedText;
  description: LocalizedText;
  /** All tasks in phase order, then in the order written. */
  tasks: PlaybookTask[];
  origin: PlaybookOrigin;
  source: { path?: string; line?: number };
}

/** Turns a validated file into the model: the category as a list, the tasks flattened in phase order. */
export function playbookFromFile(
  file: PlaybookFile,
  origin: PlaybookOrigin,
  source: Playbook['source'],
): Playbook {
  const tasks: PlaybookTask[] = [];
  for (const phase of RESPONSE_PHASES) {
    for (const t of file.phases[phase] ?? []) {
      tasks.push({
        id: t.id,
        phase,
        role: t.role,
        title: t.title,
        ...(t.description ? { description: t.description } : {}),
        ...(t.due ? { due: t.due.trim() } : {}),
        checklist: t.checklist,
        templates: t.templates,
        ...(t.when ? { when: t.when } : {}),
      });
    }
  }
  return {
    id: file.id,
    version: file.version,
    categories: [...new Set(file.category)],
    title: file.title,
    description: file.description,
    tasks,
    origin,
    source,
  };
}

/** Whether a severity meets a task's minimum (`informational` < `low` < `medium` < `high` < `critical`). */
export function severityAtLeast(severity: Level, minimum: Level): boolean {
  return LEVELS.indexOf(severity) >= LEVELS.indexOf(minimum);
}
