// Escalation policies: their input schema, how a stored row reads back (secrets masked), which alert they match,
// and the notification channels they make.
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { YaguraError } from '../core/errors.js';
import { ChatChannel, CHAT_FLAVORS } from '../notify/chat.js';
import type { Channel } from '../notify/channel.js';
import { EmailChannel, type SmtpSettings } from '../notify/email.js';
import { LANGUAGES, type Language } from '../notify/templates.js';
import { WebhookChannel } from '../notify/webhook.js';
import type { EscalationPoliciesTable } from './escalation-tables.js';
import { LEVEL_BASE, type SeverityLevel } from './severity.js';

const LEVELS = Object.keys(LEVEL_BASE) as [SeverityLevel, ...SeverityLevel[]];

const httpUrl = z
  .string()
  .max(2000)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'must be an http(s) URL');

export const channelSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    /** Recipients; empty: the emails of the policy's contacts. */
    to: z.array(z.email()).max(50).default([]),
  }),
  z.object({ kind: z.literal('webhook'), url: httpUrl, secret: z.string().min(16).max(512) }),
  z.object({
    kind: z.literal('chat'),
    url: httpUrl,
    flavor: z
      .enum(CHAT_FLAVORS as [string, ...string[]])
      .transform((v) => v as (typeof CHAT_FLAVORS)[number]),
  }),
]);
export type ChannelSettings = z.infer<typeof channelSchema>;

const contactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().optional(),
  phone: z.string().trim().max(50).optional(),
  note: z.string().trim().max(500).optional(),
});
export type Contact = z.infer<typeof contactSchema>;

const policyFields = {
  name: z.string().trim().min(1).max(200),
  minSeverity: z.enum(LEVELS),
  categories: z.array(z.string().trim().toLowerCase().min(1).max(200)).max(50),
  contacts: z.array(contactSchema).max(50),
  channels: z.array(channelSchema).min(1).max(10),
  language: z.enum(LANGUAGES as [Language, ...Language[]]),
  responseTargetMinutes: z.number().int().min(1).max(10_080).nullable(),
  priority: z.number().int().min(0).max(1000),
  enabled: z.boolean(),
};

export const policyInputSchema = z.object({
  ...policyFields,
  categories: policyFields.categories.default([]),
  contacts: policyFields.contacts.default([]),
  responseTargetMinutes: policyFields.responseTargetMinutes.default(null),
  priority: policyFields.priority.default(100),
  enabled: policyFields.enabled.default(true),
});
export type PolicyInput = z.input<typeof policyInputSchema>;

/**
 * A change to a policy: any of its settings, without defaults (what is left out stays as stored); a webhook channel
 * may leave out its secret to keep the stored one of the same URL (the console never sees secrets, so it cannot
 * send them back). The merged policy is checked whole.
 */
export const policyChangeSchema = z
  .object({
    ...policyFields,
    channels: z
      .array(
        z.union([
          channelSchema,
          z.object({
            kind: z.literal('webhook'),
            url: httpUrl,
            secret: z.string().min(16).max(512).optional(),
          }),
        ]),
      )
      .min(1)
      .max(10),
  })
  .partial();
export type PolicyChange = z.input<typeof policyChangeSchema>;
export type PolicySettings = z.output<typeof policyInputSchema>;

/** A webhook channel as handed out: the secret is never returned, only whether one is set. */
export type ChannelView =
  Exclude<ChannelSettings, { kind: 'webhook' }> | { kind: 'webhook'; url: string; secretSet: true };

export interface EscalationPolicy {
  id: string;
  tenant: string;
  name: string;
  minSeverity: SeverityLevel;
  categories: string[];
  contacts: Contact[];
  channels: ChannelView[];
  language: Language;
  responseTargetMinutes: number | null;
  priority: number;
  enabled: boolean;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
}

export function parsePolicy(input: unknown, base?: PolicySettings): PolicySettings {
  const merged =
    base && typeof input === 'object' && input !== null ? { ...base, ...(input as object) } : input;
  const parsed = policyInputSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(policy)'}: ${i.message}`);
    throw new YaguraError('REQUEST_INVALID', `The escalation policy is not valid: ${problems.join('; ')}`, {
      problems,
    });
  }
  const settings = parsed.data;
  const mails = settings.contacts.filter((c) => c.email).length;
  if (settings.channels.some((c) => c.kind === 'email' && c.to.length === 0) && mails === 0) {
    throw new YaguraError(
      'REQUEST_INVALID',
      'An email channel without recipients sends to the contacts, but no contact has an email address',
    );
  }
  return settings;
}

export function settingsOf(row: Selectable<EscalationPoliciesTable>): PolicySettings {
  return {
    name: row.name,
    minSeverity: row.min_severity as SeverityLevel,
    categories: JSON.parse(row.categories) as string[],
    contacts: JSON.parse(row.contacts) as Contact[],
    channels: JSON.parse(row.channels) as ChannelSettings[],
    language: row.language as Language,
    responseTargetMinutes: row.response_target_minutes,
    priority: row.priority,
    enabled: row.enabled === 1,
  };
}

export function toPolicy(row: Selectable<EscalationPoliciesTable>): EscalationPolicy {
  const s = settingsOf(row);
  return {
    id: row.id,
    tenant: row.tenant,
    ...s,
    channels: s.channels.map(maskChannel),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export function maskChannel(channel: ChannelSettings): ChannelView {
  return channel.kind === 'webhook' ? { kind: 'webhook', url: channel.url, secretSet: true } : channel;
}

/** The row's columns for settings `s` (not the id, tenant and authorship). */
export function columnsOf(s: PolicySettings) {
  return {
    name: s.name,
    min_severity: s.minSeverity,
    categories: JSON.stringify(s.categories),
    contacts: JSON.stringify(s.contacts),
    channels: JSON.stringify(s.channels),
    language: s.language,
    response_target_minutes: s.responseTargetMinutes,
    priority: s.priority,
    enabled: s.enabled ? 1 : 0,
  };
}

/**
 * Whether a policy applies to an alert: its severity level is at least the policy's, and the policy names no
 * category or one of the alert's rule tags (exactly or as a dotted prefix: `attack` takes `attack.t1059`) or its
 * kind (`sigma`, `correlation`, `intel`).
 */
export function policyMatches(
  policy: Pick<PolicySettings, 'minSeverity' | 'categories' | 'enabled'>,
  alert: { severityLevel: SeverityLevel; kind: string; tags: readonly string[] },
): boolean {
  if (!policy.enabled) return false;
  if (LEVEL_BASE[alert.severityLevel] < LEVEL_BASE[policy.minSeverity]) return false;
  if (policy.categories.length === 0) return true;
  const tags = alert.tags.map((t) => t.toLowerCase());
  return policy.categories.some(
    (c) => c === alert.kind || tags.some((t) => t === c || t.startsWith(`${c}.`)),
  );
}

export interface ChannelContext {
  smtp: SmtpSettings | undefined;
  contacts: readonly Contact[];
  timeoutMs?: number;
}

/** The channel for one setting; a setting that cannot be used (no SMTP configured) becomes a channel that fails. */
export function makeChannel(settings: ChannelSettings, context: ChannelContext): Channel {
  const timeout = context.timeoutMs !== undefined ? { timeoutMs: context.timeoutMs } : {};
  switch (settings.kind) {
    case 'email': {
      const to = settings.to.length
        ? settings.to
        : context.contacts.flatMap((c) => (c.email ? [c.email] : []));
      if (!context.smtp)
        return unusable('email', to.join(', '), 'No SMTP server is configured (notify.smtp)');
      return new EmailChannel({ smtp: { ...context.smtp, ...timeout }, to });
    }
    case 'webhook':
      return new WebhookChannel({ url: settings.url, secret: settings.secret, ...timeout });
    case 'chat':
      return new ChatChannel({ url: settings.url, flavor: settings.flavor, ...timeout });
  }
}

function unusable(kind: Channel['kind'], target: string, reason: string): Channel {
  return {
    kind,
    target,
    send: () => Promise.reject(new Error(reason)),
  };
}
