// The policy form: its state, how a policy fills it, what it checks before sending, and the request bodies it makes.
import type { ApiError } from '../../api/client.js';
import type {
  ChannelKind,
  ChannelView,
  ChatFlavor,
  Contact,
  Policy,
  PolicyLanguage,
  SeverityLevel,
} from './policy-model.js';

export interface ContactForm {
  /** Keeps React rows apart while contacts are added and removed. */
  key: number;
  name: string;
  email: string;
  phone: string;
  note: string;
}

/** One shape for every kind, so that switching the kind back and forth keeps what was typed. */
export interface ChannelForm {
  key: number;
  kind: ChannelKind;
  /** Email recipients, one a line or separated by commas. */
  to: string;
  url: string;
  /** A new webhook secret; empty keeps the stored one (see keepsSecret). */
  secret: string;
  /** The saved webhook had a secret for `savedUrl`; the server keeps it only for that same URL. */
  secretSet: boolean;
  savedUrl: string;
  flavor: ChatFlavor;
}

export interface PolicyFormState {
  tenant: string;
  name: string;
  minSeverity: SeverityLevel;
  categories: string;
  language: PolicyLanguage;
  responseTarget: string;
  priority: string;
  enabled: boolean;
  contacts: ContactForm[];
  channels: ChannelForm[];
}

export const MAX_CHANNELS = 10;
export const MIN_SECRET = 16;

let nextKey = 1;
const key = () => nextKey++;

export function newContact(): ContactForm {
  return { key: key(), name: '', email: '', phone: '', note: '' };
}

export function newChannel(kind: ChannelKind = 'email'): ChannelForm {
  return { key: key(), kind, to: '', url: '', secret: '', secretSet: false, savedUrl: '', flavor: 'slack' };
}

export function emptyPolicyForm(tenant: string, language: PolicyLanguage): PolicyFormState {
  return {
    tenant,
    name: '',
    minSeverity: 'high',
    categories: '',
    language,
    responseTarget: '',
    priority: '100',
    enabled: true,
    contacts: [],
    channels: [newChannel('email')],
  };
}

export function policyToForm(policy: Policy): PolicyFormState {
  return {
    tenant: policy.tenant,
    name: policy.name,
    minSeverity: policy.minSeverity,
    categories: policy.categories.join('\n'),
    language: policy.language,
    responseTarget: policy.responseTargetMinutes === null ? '' : String(policy.responseTargetMinutes),
    priority: String(policy.priority),
    enabled: policy.enabled,
    contacts: policy.contacts.map((c) => ({
      key: key(),
      name: c.name,
      email: c.email ?? '',
      phone: c.phone ?? '',
      note: c.note ?? '',
    })),
    channels: policy.channels.map((c) => ({
      ...newChannel(c.kind),
      ...(c.kind === 'email' ? { to: c.to.join('\n') } : { url: c.url }),
      ...(c.kind === 'webhook' ? { secretSet: c.secretSet, savedUrl: c.url } : {}),
      ...(c.kind === 'chat' ? { flavor: c.flavor } : {}),
    })),
  };
}

export type PolicyProblem =
  | { problem: 'nameRequired' }
  | { problem: 'noChannel' }
  | { problem: 'tooManyChannels' }
  | { problem: 'priority' }
  | { problem: 'responseTarget' }
  | { problem: 'contactName'; n: number }
  | { problem: 'urlRequired'; n: number }
  | { problem: 'secretRequired'; n: number };

/** What the form can tell before sending (numbering from 1, as the form shows it); the server checks the rest. */
export function checkPolicyForm(form: PolicyFormState): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (form.name.trim() === '') problems.push({ problem: 'nameRequired' });
  if (!wholeNumber(form.priority, 0, 1000)) problems.push({ problem: 'priority' });
  if (form.responseTarget.trim() !== '' && !wholeNumber(form.responseTarget, 1, 10_080)) {
    problems.push({ problem: 'responseTarget' });
  }
  form.contacts.forEach((c, i) => {
    if (c.name.trim() === '') problems.push({ problem: 'contactName', n: i + 1 });
  });
  if (form.channels.length === 0) problems.push({ problem: 'noChannel' });
  if (form.channels.length > MAX_CHANNELS) problems.push({ problem: 'tooManyChannels' });
  form.channels.forEach((c, i) => {
    if (c.kind !== 'email' && !/^https?:\/\/\S+$/i.test(c.url.trim())) {
      problems.push({ problem: 'urlRequired', n: i + 1 });
    }
    if (c.kind === 'webhook' && !keepsSecret(c) && c.secret.length < MIN_SECRET) {
      problems.push({ problem: 'secretRequired', n: i + 1 });
    }
  });
  return problems;
}

/** A saved webhook left without a new secret, at its saved URL, keeps its stored secret. */
export function keepsSecret(c: ChannelForm): boolean {
  return c.kind === 'webhook' && c.secretSet && c.secret === '' && c.url.trim() === c.savedUrl;
}

function wholeNumber(text: string, min: number, max: number): boolean {
  if (!/^\s*\d+\s*$/.test(text)) return false;
  const n = Number(text);
  return n >= min && n <= max;
}

/** Values one a line or separated by commas, trimmed, without blanks or repeats. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const value = raw.trim();
    if (value !== '' && !out.includes(value)) out.push(value);
  }
  return out;
}

/** A channel as the API takes it; a webhook without `secret` keeps the stored secret of its URL. */
export type ChannelBody =
  | { kind: 'email'; to: string[] }
  | { kind: 'webhook'; url: string; secret?: string }
  | { kind: 'chat'; url: string; flavor: ChatFlavor };

export interface PolicyBody {
  name: string;
  minSeverity: SeverityLevel;
  categories: string[];
  contacts: Contact[];
  channels: ChannelBody[];
  language: PolicyLanguage;
  responseTargetMinutes: number | null;
  priority: number;
  enabled: boolean;
}

export function channelBody(c: ChannelForm): ChannelBody {
  switch (c.kind) {
    case 'email':
      return { kind: 'email', to: splitList(c.to) };
    case 'webhook':
      return keepsSecret(c)
        ? { kind: 'webhook', url: c.url.trim() }
        : { kind: 'webhook', url: c.url.trim(), secret: c.secret };
    case 'chat':
      return { kind: 'chat', url: c.url.trim(), flavor: c.flavor };
  }
}

function contactBody(c: ContactForm): Contact {
  const email = c.email.trim();
  const phone = c.phone.trim();
  const note = c.note.trim();
  return {
    name: c.name.trim(),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(note ? { note } : {}),
  };
}

/** The whole policy the form describes (call after checkPolicyForm found no problem). */
export function policyBody(form: PolicyFormState): PolicyBody {
  const target = form.responseTarget.trim();
  return {
    name: form.name.trim(),
    minSeverity: form.minSeverity,
    categories: splitList(form.categories).map((c) => c.toLowerCase()),
    contacts: form.contacts.map(contactBody),
    channels: form.channels.map(channelBody),
    language: form.language,
    responseTargetMinutes: target === '' ? null : Number(target),
    priority: Number(form.priority.trim()),
    enabled: form.enabled,
  };
}

/**
 * The change for an edit. Channels are sent only when they changed: the stored webhook secrets stay as they are,
 * and a channel list without new secrets is not sent again for nothing.
 */
export function policyChanges(policy: Policy, form: PolicyFormState): Partial<PolicyBody> {
  const { channels, ...rest } = policyBody(form);
  return sameChannels(policy.channels, channels) ? rest : { ...rest, channels };
}

function sameChannels(before: readonly ChannelView[], after: readonly ChannelBody[]): boolean {
  return (
    before.length === after.length &&
    before.every((b, i) => {
      const a = after[i]!;
      if (a.kind !== b.kind) return false;
      if (a.kind === 'email' && b.kind === 'email') return a.to.join('\n') === b.to.join('\n');
      if (a.kind === 'chat' && b.kind === 'chat') return a.url === b.url && a.flavor === b.flavor;
      if (a.kind === 'webhook' && b.kind === 'webhook') return a.url === b.url && a.secret === undefined;
      return false;
    })
  );
}

/** The texts the server gave for what it refused: every problem it names, else its message. */
export function serverProblems(error: ApiError): string[] {
  const problems = error.details.problems;
  if (Array.isArray(problems) && problems.every((p) => typeof p === 'string') && problems.length > 0) {
    return problems as string[];
  }
  const issues = error.details.issues;
  if (Array.isArray(issues) && issues.length > 1) {
    return issues.map((i) => {
      const { path, message } = i as { path?: unknown; message?: unknown };
      return `${String(path)}: ${String(message)}`;
    });
  }
  return [error.message];
}
