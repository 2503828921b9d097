// Drafts from communication templates: the library's and the playbooks', filled with the incident's facts, the
// contact and the caller's values. The result is text to edit before it is sent and logged; nothing is sent here.
import { z } from 'zod';
import type { Actor } from '../../access/actor.js';
import { permit } from '../../access/service-support.js';
import { YaguraError } from '../../core/errors.js';
import { nowOf, type TriageDeps } from '../../triage/service-support.js';
import type { IncidentFactsReader, IncidentLookup } from '../case-support.js';
import { LANGUAGES, type IncidentCategory, type Language } from '../playbooks/playbook.js';
import { channelValue, type Contact } from './contact-model.js';
import type { ContactService } from './contact-service.js';
import { permitIncident } from './incident-access.js';
import { parseInput } from './input.js';
import { isPlaceholderName, renderText, type RenderedText } from './render-template.js';
import { KNOWN_PLACEHOLDERS, type CommunicationTemplate } from './template-model.js';

export const renderRequestSchema = z
  .object({
    incidentId: z.string().min(1).max(200).describe('The incident the draft is about.'),
    contactId: z.string().max(200).optional().describe('The addressee, a contact usable in the incident.'),
    language: z.enum(LANGUAGES).optional().describe("ja or en; by default the contact's, else the tenant's."),
    values: z
      .record(
        z.string().max(100).refine(isPlaceholderName, 'a value name is lowercase words joined by dots'),
        z.union([z.string().max(10_000), z.array(z.string().max(1000)).max(100)]),
      )
      .optional()
      .describe('Placeholder values such as "period.from" or "requested.items" (a list: one line each).'),
  })
  .strict()
  .meta({ id: 'TemplateRenderRequest', description: 'What to fill a template with.' });
export type RenderRequest = z.input<typeof renderRequestSchema>;

export interface RenderedDraft {
  templateId: string;
  language: Language;
  subject: string;
  body: string;
  /** Known placeholders that had no value; they stay in the text as {{name}}. */
  missing: string[];
  /** Placeholders the renderer does not know and was given no value for; they stay as written. */
  unknown: string[];
  /** Fill-in marks for the user (【氏名】, [Name]). */
  fillIns: string[];
  contactId: string | null;
}

const CATEGORY_LABELS: Record<IncidentCategory, { ja: string; en: string }> = {
  malware: { ja: 'マルウェア感染', en: 'malware infection' },
  phishing: { ja: 'フィッシング', en: 'phishing' },
  unauthorized_access: { ja: '不正アクセス', en: 'unauthorized access' },
  dos: { ja: 'サービス妨害（DoS）', en: 'denial of service' },
  data_leak: { ja: '情報漏えい', en: 'data leak' },
  web_defacement: { ja: 'Web サイト改ざん', en: 'web defacement' },
  insider: { ja: '内部不正', en: 'insider misuse' },
  vulnerability: { ja: '脆弱性', en: 'vulnerability' },
  other: { ja: 'その他', en: 'other' },
};

const SEVERITY_LABELS: Record<string, { ja: string; en: string }> = {
  informational: { ja: '情報', en: 'informational' },
  low: { ja: '低', en: 'low' },
  medium: { ja: '中', en: 'medium' },
  high: { ja: '高', en: 'high' },
  critical: { ja: '緊急', en: 'critical' },
};

export interface TemplateServiceOptions {
  templates: readonly CommunicationTemplate[];
  /** The incident's title, number, category...; without it only {{incident.id}} is filled. */
  facts?: IncidentFactsReader;
}

export class TemplateService {
  constructor(
    private readonly deps: TriageDeps,
    private readonly incidents: IncidentLookup,
    private readonly contacts: ContactService,
    private readonly options: TemplateServiceOptions,
  ) {}

  /** Every template, the library's first; readable by anyone who reads incidents. */
  async list(actor: Actor): Promise<CommunicationTemplate[]> {
    await permit(this.deps.audit, actor, 'incidents:read', { action: 'communication.template.list' });
    return [...this.options.templates];
  }

  async render(actor: Actor, templateId: string, request: RenderRequest): Promise<RenderedDraft> {
    const input = parseInput(renderRequestSchema, request, 'render request');
    const tenant = await permitIncident(
      this.deps,
      this.incidents,
      actor,
      'incidents:read',
      input.incidentId,
      'communication.template.render',
    );
    const template = this.options.templates.find((t) => t.id === templateId);
    if (!template)
      throw new YaguraError('NOT_FOUND', `No communication template "${templateId.slice(0, 120)}"`);
    const contact = input.contactId ? await this.contacts.usableIn(tenant, input.contactId) : undefined;
    const place = await this.deps.db
      .selectFrom('tenants')
      .select(['name', 'time_zone', 'language'])
      .where('id', '=', tenant)
      .executeTakeFirst();
    const language: Language = input.language ?? contact?.language ?? place?.language ?? 'ja';
    const timeZone = place?.time_zone ?? 'UTC';
    const values: Record<string, string> = {
      'incident.id': input.incidentId,
      'tenant.name': place?.name ?? tenant,
      'sender.name': actor.name,
      today: formatDate(nowOf(this.deps), language, timeZone, false),
    };
    const facts = await this.options.facts?.factsOf(input.incidentId);
    if (facts) {
      Object.assign(values, {
        'incident.number': facts.ref,
        'incident.title': facts.title,
        'incident.category': CATEGORY_LABELS[facts.category]?.[language] ?? facts.category,
        'incident.severity': SEVERITY_LABELS[facts.severity]?.[language] ?? facts.severity,
        'incident.priority': facts.priority,
        'incident.tlp': `TLP:${facts.tlp.toUpperCase()}`,
        'incident.opened_at': formatDate(facts.createdAt, language, timeZone, true),
      });
    }
    if (contact) Object.assign(values, contactValues(contact, language));
    for (const [name, value] of Object.entries(input.values ?? {})) {
      values[name] = Array.isArray(value) ? listText(value, language) : value;
    }
    const subject = template.subject?.[language] ?? template.title[language];
    const fillIns = { fillIns: template.source === 'playbook' };
    const renderedSubject = renderText(subject, values, KNOWN_PLACEHOLDERS, fillIns);
    const renderedBody = renderText(template.body[language], values, KNOWN_PLACEHOLDERS, fillIns);
    return {
      templateId: template.id,
      language,
      subject: renderedSubject.text.replace(/\s*\n\s*/g, ' ').trim(),
      body: renderedBody.text,
      ...merged(renderedSubject, renderedBody),
      contactId: contact?.id ?? null,
    };
  }
}

function contactValues(contact: Contact, language: Language): Record<string, string> {
  const values: Record<string, string> = { 'contact.organization': contact.organization };
  if (contact.name) values['contact.name'] = contact.name;
  if (contact.title) values['contact.title'] = contact.title;
  const email = channelValue(contact, 'email');
  const phone = channelValue(contact, 'phone');
  if (email) values['contact.email'] = email;
  if (phone) values['contact.phone'] = phone;
  values['contact.addressee'] =
    language === 'ja'
      ? contact.name
        ? `${contact.name} 様`
        : 'ご担当者様'
      : (contact.name ?? 'Sir or Madam');
  return values;
}

function listText(items: readonly string[], language: Language): string {
  return items.map((item) => `${language === 'ja' ? '・' : '- '}${item}`).join('\n');
}

function formatDate(ms: number, language: Language, timeZone: string, withTime: boolean): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: language === 'ja' ? 'long' : 'short',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } : {}),
  }).format(ms);
}

function merged(a: RenderedText, b: RenderedText): Pick<RenderedDraft, 'missing' | 'unknown' | 'fillIns'> {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    missing: union(a.missing, b.missing),
    unknown: union(a.unknown, b.unknown),
    fillIns: union(a.fillIns, b.fillIns),
  };
}
