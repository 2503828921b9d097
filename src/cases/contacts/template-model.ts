// Communication templates as data: the YAML schema of content/communication-templates/*.yaml, the placeholders
// they may use, and the loader (every problem collected with its file and line).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { YaguraError } from '../../core/errors.js';
import type { Playbook } from '../playbooks/playbook.js';
import { CONTACT_KINDS, type ContactKind } from './contact-model.js';
import { placeholdersOf } from './render-template.js';

/** What a template is for: asking for something, asking how things stand, or telling an outside body. */
export const TEMPLATE_KINDS = ['request', 'status_check', 'notification'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Every placeholder the renderer fills, and where its value comes from. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  'incident.id': "The incident's id.",
  'incident.number': 'The reference people quote, e.g. INC-2026-0007.',
  'incident.title': "The incident's title.",
  'incident.category': 'The category, in the language of the draft.',
  'incident.severity': 'The severity, in the language of the draft.',
  'incident.priority': 'P1 to P4.',
  'incident.tlp': 'The TLP label, e.g. TLP:AMBER.',
  'incident.opened_at': "When the incident was opened, in the tenant's time zone.",
  'tenant.name': "The tenant's (customer's) name.",
  'contact.organization': "The contact's organization.",
  'contact.name': "The contact's name (missing for a desk or a team).",
  'contact.title': "The contact's role or title.",
  'contact.addressee':
    'How to address the contact: "山田 様" / "ご担当者様", "Taro Yamada" / "Sir or Madam".',
  'contact.email': "The contact's preferred email address.",
  'contact.phone': "The contact's preferred phone number.",
  'sender.name': 'The user drafting the message.',
  'sender.organization': 'Given by the caller: the organization writing.',
  'sender.email': 'Given by the caller.',
  'sender.phone': 'Given by the caller.',
  'period.from': 'Given by the caller: the start of the period concerned.',
  'period.to': 'Given by the caller: the end of the period concerned.',
  'requested.items': 'Given by the caller: what is asked for (a list becomes one line per item).',
  'reply.by': 'Given by the caller: when an answer is needed.',
  details: 'Given by the caller: free text (what happened, what was found).',
  today: "Today's date, in the tenant's time zone.",
};
export const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set(Object.keys(PLACEHOLDERS));

const text = (what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .trim()
    .min(1, `${what} is empty`);
const localized = (what: string) => z.object({ ja: text(`${what} (ja)`), en: text(`${what} (en)`) }).strict();

export const templateFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'id: use 1-64 lowercase letters, digits, "_" or "-"'),
    kind: z.enum(TEMPLATE_KINDS, { error: `kind must be one of ${TEMPLATE_KINDS.join(', ')}` }),
    audience: z
      .array(
        z.enum(CONTACT_KINDS, {
          error: `audience entries must be contact kinds: ${CONTACT_KINDS.join(', ')}`,
        }),
      )
      .default([])
      .describe('The contact kinds the template is written for; any when empty.'),
    title: localized('title'),
    subject: localized('subject'),
    body: localized('body'),
  })
  .strict();

export interface CommunicationTemplate {
  /** A library template's id, or `playbook:<playbook id>:<template id>` for a playbook task's template. */
  id: string;
  source: 'library' | 'playbook';
  kind: TemplateKind | null;
  audience: ContactKind[];
  title: { ja: string; en: string };
  /** Playbook templates have no subject; a draft of one takes its title. */
  subject: { ja: string; en: string } | null;
  body: { ja: string; en: string };
  /** Where a playbook template comes from. */
  playbook?: { id: string; taskId: string };
  placeholders: string[];
}

export interface TemplateProblem {
  message: string;
  path: string;
  line?: number;
}

/** content/communication-templates/ of the installed package. */
export function starterTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'content', 'communication-templates');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new YaguraError(
        'CONFIG_INVALID',
        'The communication templates (content/communication-templates/) are missing',
      );
    }
    dir = parent;
  }
}

/** Reads every *.yaml of a folder; a file with a problem is left out and reported. */
export function loadTemplates(dir: string): {
  templates: CommunicationTemplate[];
  problems: TemplateProblem[];
} {
  const templates: CommunicationTemplate[] = [];
  const problems: TemplateProblem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const path = join(dir, name);
    const result = parseTemplateText(readFileSync(path, 'utf8'), path);
    problems.push(...result.problems);
    if (!result.template) continue;
    if (templates.some((t) => t.id === result.template!.id)) {
      problems.push({ message: `template id "${result.template.id}" is used by another file`, path });
    } else templates.push(result.template);
  }
  return { templates, problems };
}

export function parseTemplateText(
  source: string,
  path: string,
): { template?: CommunicationTemplate; problems: TemplateProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    return { problems: [{ message: `YAML: ${yamlError.message.split('\n')[0]}`, path, line }] };
  }
  const parsed = templateFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({
        message: `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`,
        path,
      })),
    };
  }
  const t = parsed.data;
  const template: CommunicationTemplate = {
    id: t.id,
    source: 'library',
    kind: t.kind,
    audience: t.audience,
    title: t.title,
    subject: t.subject,
    body: t.body,
    placeholders: usedPlaceholders([t.subject.ja, t.subject.en, t.body.ja, t.body.en]),
  };
  const unknown = template.placeholders.filter((p) => !PLACEHOLDERS[p]);
  if (unknown.length > 0) {
    return {
      problems: [{ message: `unknown placeholders: ${unknown.map((u) => `{{${u}}}`).join(', ')}`, path }],
    };
  }
  return { template, problems: [] };
}

/** The templates of the playbooks' tasks, so drafts can be made from them as from the library's. */
export function playbookTemplates(playbooks: readonly Playbook[]): CommunicationTemplate[] {
  const out: CommunicationTemplate[] = [];
  for (const playbook of playbooks) {
    for (const task of playbook.tasks) {
      for (const t of task.templates) {
        const id = `playbook:${playbook.id}:${t.id}`;
        if (out.some((o) => o.id === id)) continue;
        out.push({
          id,
          source: 'playbook',
          kind: null,
          audience: [],
          title: t.title,
          subject: null,
          body: t.body,
          playbook: { id: playbook.id, taskId: task.id },
          placeholders: usedPlaceholders([t.body.ja, t.body.en]),
        });
      }
    }
  }
  return out;
}

function usedPlaceholders(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap(placeholdersOf))];
}
