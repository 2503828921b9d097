// Contacts as the directory page sees them: kinds, channels and their links, filters in the URL, and the form.
import type { Schemas } from '../../api/client.js';

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

export const CONTACT_LANGUAGES = ['ja', 'en'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

export interface ContactChannel {
  kind: ChannelKind;
  value: string;
  label?: string;
  preferred: boolean;
}

export interface Contact {
  id: string;
  /** Null: installation-wide (JPCERT/CC, the police, a regulator), shared by every tenant. */
  tenant: string | null;
  kind: ContactKind;
  organization: string;
  name: string | null;
  title: string | null;
  channels: ContactChannel[];
  hours: string | null;
  escalationNotes: string | null;
  language: ContactLanguage;
  createdAt: number;
  updatedAt: number;
}

// The API documents a contact as an open record (src/cases/contacts/contact-model.ts has its fields).
export const asContact = (value: Schemas['Contact']): Contact => value as unknown as Contact;

export const isShared = (contact: Pick<Contact, 'tenant'>): boolean => contact.tenant === null;

/** A link that opens the channel: mailto: for mail, tel: for phones, the address itself for a chat URL. */
export function channelHref(channel: Pick<ContactChannel, 'kind' | 'value'>): string | undefined {
  const value = channel.value.trim();
  switch (channel.kind) {
    case 'email':
      return /^[^\s@]+@[^\s@]+$/.test(value) ? `mailto:${value}` : undefined;
    case 'phone': {
      // Keep digits and a leading "+": "03-1234-5678" -> tel:0312345678, "+81 3 1234 5678" -> tel:+81312345678.
      const digits = value.replace(/[^\d+]/g, '');
      const number = digits.startsWith('+')
        ? `+${digits.slice(1).replace(/\+/g, '')}`
        : digits.replace(/\+/g, '');
      return /\d{3,}/.test(number) ? `tel:${number}` : undefined;
    }
    case 'chat':
      return /^https:\/\/\S+$/i.test(value) ? value : undefined;
    case 'postal':
      return undefined;
  }
}

/** The channel to try first: the one marked, else the first. */
export function preferredChannel(channels: readonly ContactChannel[]): ContactChannel | undefined {
  return channels.find((c) => c.preferred) ?? channels[0];
}

/** The channels with the preferred one first, the rest in their order. */
export function channelsInOrder(channels: readonly ContactChannel[]): ContactChannel[] {
  const first = preferredChannel(channels);
  return first ? [first, ...channels.filter((c) => c !== first)] : [];
}

/** Installation-wide contacts after the tenant's own; within each, by kind in the listed order, then organization. */
export function sortContacts(contacts: readonly Contact[]): Contact[] {
  const rank = (k: ContactKind) => CONTACT_KINDS.indexOf(k);
  return [...contacts].sort(
    (a, b) =>
      Number(isShared(a)) - Number(isShared(b)) ||
      rank(a.kind) - rank(b.kind) ||
      a.organization.localeCompare(b.organization, 'ja') ||
      (a.name ?? '').localeCompare(b.name ?? '', 'ja'),
  );
}

export interface ContactFilters {
  kind: ContactKind | '';
  text: string;
}

export const NO_CONTACT_FILTERS: ContactFilters = { kind: '', text: '' };

export function readContactFilters(params: URLSearchParams): ContactFilters {
  const kind = params.get('kind') ?? '';
  return {
    kind: (CONTACT_KINDS as readonly string[]).includes(kind) ? (kind as ContactKind) : '',
    text: (params.get('q') ?? '').slice(0, 200),
  };
}

export function writeContactFilters(f: ContactFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.kind) p.set('kind', f.kind);
  if (f.text.trim()) p.set('q', f.text.trim());
  return p;
}

export function contactListQuery(
  f: ContactFilters,
  tenants: string[] | undefined,
): { tenant?: string[]; kind?: ContactKind; q?: string } {
  const q = f.text.trim();
  return {
    ...(tenants ? { tenant: tenants } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(q ? { q } : {}),
  };
}

/** The form: texts as typed, channels as rows; `tenant` is a tenant id or SHARED for an installation-wide one. */
export const SHARED = '*shared*';

export interface ChannelRow {
  kind: ChannelKind;
  value: string;
  label: string;
}

export interface ContactForm {
  tenant: string;
  kind: ContactKind;
  organization: string;
  name: string;
  title: string;
  channels: ChannelRow[];
  /** Index of the preferred row. */
  preferred: number;
  hours: string;
  escalationNotes: string;
  language: ContactLanguage;
}

export function emptyContactForm(tenant: string): ContactForm {
  return {
    tenant,
    kind: 'customer_csirt',
    organization: '',
    name: '',
    title: '',
    channels: [{ kind: 'email', value: '', label: '' }],
    preferred: 0,
    hours: '',
    escalationNotes: '',
    language: 'ja',
  };
}

export function contactToForm(contact: Contact): ContactForm {
  const marked = contact.channels.findIndex((c) => c.preferred);
  return {
    tenant: contact.tenant ?? SHARED,
    kind: contact.kind,
    organization: contact.organization,
    name: contact.name ?? '',
    title: contact.title ?? '',
    channels: contact.channels.map((c) => ({ kind: c.kind, value: c.value, label: c.label ?? '' })),
    preferred: marked < 0 ? 0 : marked,
    hours: contact.hours ?? '',
    escalationNotes: contact.escalationNotes ?? '',
    language: contact.language,
  };
}

export type ContactField = 'organization' | 'channels';

/** What the form can see before asking the server: an organization, and a value in every channel row kept. */
export function checkContactForm(form: ContactForm): Partial<Record<ContactField, 'required'>> {
  return {
    ...(form.organization.trim() === '' ? { organization: 'required' as const } : {}),
    ...(form.channels.some((c) => c.value.trim() === '' && c.label.trim() !== '')
      ? { channels: 'required' as const }
      : {}),
  };
}

/** The channels as the API takes them: blank rows dropped, exactly the chosen row preferred (else the first). */
export function channelsBody(form: Pick<ContactForm, 'channels' | 'preferred'>): Schemas['ContactChannel'][] {
  const kept = form.channels
    .map((c, i) => ({ ...c, preferred: i === form.preferred }))
    .filter((c) => c.value.trim() !== '');
  const anyPreferred = kept.some((c) => c.preferred);
  return kept.map((c, i) => ({
    kind: c.kind,
    value: c.value.trim(),
    ...(c.label.trim() ? { label: c.label.trim() } : {}),
    preferred: anyPreferred ? c.preferred : i === 0,
  }));
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function contactBody(
  form: ContactForm,
): Schemas['ContactChange'] & Required<Pick<Schemas['ContactChange'], 'kind' | 'organization' | 'channels'>> {
  return {
    kind: form.kind,
    organization: form.organization.trim(),
    name: text(form.name),
    title: text(form.title),
    channels: channelsBody(form),
    hours: text(form.hours),
    escalationNotes: text(form.escalationNotes),
    language: form.language,
  };
}

/** Adds a channel row (up to the limit the API takes). */
export function addChannelRow(form: ContactForm): ContactForm {
  if (form.channels.length >= CHANNELS_MAX) return form;
  return { ...form, channels: [...form.channels, { kind: 'phone', value: '', label: '' }] };
}

/** Removes a row, keeping the preferred mark on the same channel (or the first when it was the one removed). */
export function removeChannelRow(form: ContactForm, index: number): ContactForm {
  const channels = form.channels.filter((_, i) => i !== index);
  const preferred =
    index === form.preferred ? 0 : index < form.preferred ? form.preferred - 1 : form.preferred;
  return { ...form, channels, preferred: Math.min(preferred, Math.max(0, channels.length - 1)) };
}
