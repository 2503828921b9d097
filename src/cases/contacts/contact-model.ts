// Contacts as the services hand them out: kinds, channels, the input schemas and the mapping from the table.
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../playbooks/playbook.js';
import type { ContactsTable } from './tables.js';

/** Who a contact is for the CSIRT: the customer's own people, suppliers, and outside bodies. */
export const CONTACT_KINDS = [
  'customer_csirt',
  'management',
  'vendor',
  'isp',
  'jpcert',
  'police',
  'regulator',
  'legal',
  'pr',
  'other',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CHANNEL_KINDS = ['email', 'phone', 'chat', 'postal'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNELS_MAX = 10;

export const contactChannelSchema = z
  .object({
    kind: z.enum(CHANNEL_KINDS).describe('email, phone, chat (a handle or a room) or postal (an address).'),
    value: z.string().trim().min(1).max(500).describe('The address, number, handle or postal address.'),
    label: z.string().trim().max(100).optional().describe('e.g. "24時間窓口", "after hours".'),
    preferred: z.boolean().optional().describe('The channel to try first; at most one per contact.'),
  })
  .strict()
  .meta({ id: 'ContactChannel', description: 'One way to reach a contact.' });
export type ContactChannelInput = z.infer<typeof contactChannelSchema>;

export interface ContactChannel {
  kind: ChannelKind;
  value: string;
  label?: string;
  preferred: boolean;
}

const optionalText = (max: number, what: string) =>
  z.string().trim().max(max).nullable().optional().describe(what);

const contactFields = {
  kind: z.enum(CONTACT_KINDS).describe(`What the contact is: ${CONTACT_KINDS.join(', ')}.`),
  organization: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('The organization, e.g. "JPCERT/CC", "株式会社○○".'),
  name: optionalText(200, 'A person, or empty for a desk or a team.'),
  title: optionalText(200, 'Role or title, e.g. "情報システム部長", "support desk".'),
  channels: z
    .array(contactChannelSchema)
    .max(CHANNELS_MAX)
    .describe(
      'Ways to reach the contact; the preferred one first to try (the first one when none is marked).',
    ),
  hours: optionalText(200, 'When the contact can be reached, e.g. "平日 9:00-18:00 JST", "24/7".'),
  escalationNotes: optionalText(4000, 'When and how to escalate to this contact, and who comes next.'),
  language: z.enum(LANGUAGES).describe('The language to write to the contact in (ja or en).'),
};

export const contactInputSchema = z
  .object({ ...contactFields, language: contactFields.language.optional().describe('Default ja.') })
  .strict()
  .meta({ id: 'NewContact', description: 'A new contact.' });
export type ContactInput = z.input<typeof contactInputSchema>;

export const contactChangeSchema = z
  .object({
    kind: contactFields.kind.optional(),
    organization: contactFields.organization.optional(),
    name: contactFields.name,
    title: contactFields.title,
    channels: contactFields.channels.optional(),
    hours: contactFields.hours,
    escalationNotes: contactFields.escalationNotes,
    language: contactFields.language.optional(),
  })
  .strict()
  .meta({
    id: 'ContactChange',
    description: 'The fields of a contact to change; null clears an optional one.',
  });
export type ContactChange = z.input<typeof contactChangeSchema>;

export interface Contact {
  id: string;
  /** Null: installation-wide, usable in every tenant's incidents (JPCERT/CC, the police cyber desk). */
  tenant: string | null;
  kind: ContactKind;
  organization: string;
  name: string | null;
  title: string | null;
  channels: ContactChannel[];
  hours: string | null;
  escalationNotes: string | null;
  language: Language;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
}

/** Exactly one preferred channel when there are any: the one marked, else the first. */
export function normalizeChannels(channels: readonly ContactChannelInput[]): ContactChannel[] {
  const marked = channels.findIndex((c) => c.preferred === true);
  return channels.map((c, i) => ({
    kind: c.kind,
    value: c.value.trim(),
    ...(c.label ? { label: c.label } : {}),
    preferred: i === (marked < 0 ? 0 : marked),
  }));
}

export function toContact(row: Selectable<ContactsTable>): Contact {
  return {
    id: row.id,
    tenant: row.tenant,
    kind: row.kind as ContactKind,
    organization: row.organization,
    name: row.name,
    title: row.title,
    channels: JSON.parse(row.channels) as ContactChannel[],
    hours: row.hours,
    escalationNotes: row.escalation_notes,
    language: row.language as Language,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** How the contact is named in a communication: "組織 担当者" or the organization alone. */
export function contactLabel(contact: Pick<Contact, 'organization' | 'name'>): string {
  return contact.name ? `${contact.organization} ${contact.name}` : contact.organization;
}

/** The preferred channel's value of a kind, else the first of that kind. */
export function channelValue(contact: Pick<Contact, 'channels'>, kind: ChannelKind): string | undefined {
  const of = contact.channels.filter((c) => c.kind === kind);
  return (of.find((c) => c.preferred) ?? of[0])?.value;
}
