// Communications as the tab shows and logs them: the records and templates the API hands out, request states,
// the new-communication form turned into the API's body, and the placeholders a template asks the caller for.
import { parseZonedTime } from '../../../lib/time.js';

export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const CHANNELS = ['email', 'phone', 'meeting', 'chat', 'portal', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];
export const REQUEST_STATUSES = ['open', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface Communication {
  id: string;
  incidentId: string;
  direction: Direction;
  channel: Channel;
  contactId: string | null;
  counterpart: string;
  subject: string;
  summary: string;
  body: string | null;
  occurredAt: number;
  recordedAt: number;
  recordedBy: { id: string; name: string };
  request: { status: RequestStatus; dueAt: number | null; overdue: boolean } | null;
}

export interface Contact {
  id: string;
  tenant: string | null;
  kind: string;
  organization: string;
  name: string | null;
  title: string | null;
  language: 'ja' | 'en';
}

export interface Template {
  id: string;
  source: 'library' | 'playbook';
  kind: string | null;
  audience: string[];
  title: { ja: string; en: string };
  placeholders: string[];
}

export interface Draft {
  subject: string;
  body: string;
  missing: string[];
  unknown: string[];
  fillIns: string[];
}

/** Placeholders whose value the caller gives (the rest come from the incident, the contact and the sender). */
export const CALLER_PLACEHOLDERS = [
  'sender.organization',
  'sender.email',
  'sender.phone',
  'period.from',
  'period.to',
  'requested.items',
  'reply.by',
  'details',
] as const;
export type CallerPlaceholder = (typeof CALLER_PLACEHOLDERS)[number];

/** The caller-given placeholders a template uses, in the order of CALLER_PLACEHOLDERS. */
export function callerPlaceholdersOf(template: Pick<Template, 'placeholders'>): CallerPlaceholder[] {
  return CALLER_PLACEHOLDERS.filter((p) => template.placeholders.includes(p));
}

/** The values to render with: filled ones only; requested items one per line become a list. */
export function renderValues(
  values: Partial<Record<CallerPlaceholder, string>>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of CALLER_PLACEHOLDERS) {
    const text = values[key]?.trim();
    if (!text) continue;
    out[key] =
      key === 'requested.items'
        ? text
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== '')
        : text;
  }
  return out;
}

/** "組織 担当者" or the organization alone, as the server names a contact. */
export function contactLabel(contact: Pick<Contact, 'organization' | 'name'>): string {
  return contact.name ? `${contact.organization} ${contact.name}` : contact.organization;
}

/** The contacts that fit a template's audience first (then the rest), each group by organization. */
export function contactsForTemplate(contacts: readonly Contact[], audience: readonly string[]): Contact[] {
  const fits = (c: Contact) => audience.length === 0 || audience.includes(c.kind);
  const byName = (a: Contact, b: Contact) => contactLabel(a).localeCompare(contactLabel(b));
  return [...contacts.filter(fits).sort(byName), ...contacts.filter((c) => !fits(c)).sort(byName)];
}

/** Where a request stands for display: no request, open (overdue or not), answered or closed. */
export function requestState(
  c: Pick<Communication, 'request'>,
  now: number,
): RequestStatus | 'overdue' | 'none' {
  if (!c.request) return 'none';
  if (c.request.status === 'open' && c.request.dueAt !== null && c.request.dueAt < now) return 'overdue';
  return c.request.status;
}

export interface CommunicationForm {
  direction: Direction;
  channel: Channel;
  contactId: string;
  counterpart: string;
  subject: string;
  summary: string;
  body: string;
  /** "2026-11-28T09:15" as a datetime-local input gives it, in the tenant's zone; empty for now. */
  occurredAt: string;
  isRequest: boolean;
  dueAt: string;
}

export interface NewCommunication {
  direction: Direction;
  channel: Channel;
  contactId?: string;
  counterpart?: string;
  subject: string;
  summary: string;
  body?: string;
  occurredAt?: number;
  request?: { status: 'open'; dueAt: number | null };
}

export type FormProblem = 'noCounterpart' | 'noSubject' | 'noSummary' | 'badOccurredAt' | 'badDueAt';

/** The API body of a form in `zone`, or what is missing or wrong. */
export function newCommunication(
  form: CommunicationForm,
  zone: string,
): { body: NewCommunication; problems: [] } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const counterpart = form.counterpart.trim();
  if (!form.contactId && counterpart === '') problems.push('noCounterpart');
  if (form.subject.trim() === '') problems.push('noSubject');
  if (form.summary.trim() === '') problems.push('noSummary');
  const occurredAt = form.occurredAt ? parseZonedTime(form.occurredAt, zone) : undefined;
  if (form.occurredAt && occurredAt === undefined) problems.push('badOccurredAt');
  const dueAt = form.isRequest && form.dueAt ? parseZonedTime(form.dueAt, zone) : undefined;
  if (form.isRequest && form.dueAt && dueAt === undefined) problems.push('badDueAt');
  if (problems.length > 0) return { problems };
  const body: NewCommunication = {
    direction: form.direction,
    channel: form.channel,
    subject: form.subject.trim(),
    summary: form.summary.trim(),
  };
  if (form.contactId) body.contactId = form.contactId;
  if (counterpart) body.counterpart = counterpart;
  if (form.body.trim()) body.body = form.body;
  if (occurredAt !== undefined) body.occurredAt = occurredAt;
  if (form.isRequest) body.request = { status: 'open', dueAt: dueAt ?? null };
  return { body, problems: [] };
}

/** The communications as the API lists them, keeping only well-formed ones. */
export function readCommunications(value: unknown): Communication[] {
  const list = (value as { communications?: unknown } | undefined)?.communications;
  if (!Array.isArray(list)) return [];
  return list.filter((c): c is Communication => {
    const o = c as Partial<Communication> | null;
    return typeof o?.id === 'string' && typeof o.subject === 'string' && typeof o.occurredAt === 'number';
  });
}

export function readContacts(value: unknown): Contact[] {
  const list = (value as { contacts?: unknown } | undefined)?.contacts;
  if (!Array.isArray(list)) return [];
  return list.filter((c): c is Contact => {
    const o = c as Partial<Contact> | null;
    return typeof o?.id === 'string' && typeof o.organization === 'string';
  });
}

export function readTemplates(value: unknown): Template[] {
  const list = (value as { templates?: unknown } | undefined)?.templates;
  if (!Array.isArray(list)) return [];
  return list
    .filter((t): t is Template => {
      const o = t as Partial<Template> | null;
      return typeof o?.id === 'string' && typeof o.title?.ja === 'string' && typeof o.title.en === 'string';
    })
    .map((t) => ({
      ...t,
      audience: Array.isArray(t.audience) ? t.audience : [],
      placeholders: Array.isArray(t.placeholders) ? t.placeholders : [],
    }));
}

/** The message key of a placeholder's field label: "period.from" → "periodFrom". */
export function placeholderLabelKey(placeholder: CallerPlaceholder): string {
  return placeholder.replace(/\.([a-z])/g, (_, c: string) => c.toUpperCase());
}
