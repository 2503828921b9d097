// Escalation policies as the API returns them (its schema leaves them untyped): read into checked types.

export const SEVERITY_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];
export const POLICY_LANGUAGES = ['ja', 'en'] as const;
export type PolicyLanguage = (typeof POLICY_LANGUAGES)[number];
export const CHANNEL_KINDS = ['email', 'webhook', 'chat'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const CHAT_FLAVORS = ['slack', 'teams', 'teams-adaptive'] as const;
export type ChatFlavor = (typeof CHAT_FLAVORS)[number];

export interface Contact {
  name: string;
  email?: string;
  phone?: string;
  note?: string;
}

/** A channel as shown: a webhook's secret never comes back, only that one is set. */
export type ChannelView =
  | { kind: 'email'; to: string[] }
  | { kind: 'webhook'; url: string; secretSet: boolean }
  | { kind: 'chat'; url: string; flavor: ChatFlavor };

export interface Policy {
  id: string;
  tenant: string;
  name: string;
  minSeverity: SeverityLevel;
  categories: string[];
  contacts: Contact[];
  channels: ChannelView[];
  language: PolicyLanguage;
  responseTargetMinutes: number | null;
  priority: number;
  enabled: boolean;
  updatedAt: number | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const optStr = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

function readContact(raw: unknown): Contact {
  const r = record(raw);
  const email = optStr(r.email);
  const phone = optStr(r.phone);
  const note = optStr(r.note);
  return {
    name: str(r.name),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(note ? { note } : {}),
  };
}

function readChannel(raw: unknown): ChannelView | undefined {
  const r = record(raw);
  switch (r.kind) {
    case 'email':
      return { kind: 'email', to: strings(r.to) };
    case 'webhook':
      return { kind: 'webhook', url: str(r.url), secretSet: r.secretSet === true };
    case 'chat':
      return { kind: 'chat', url: str(r.url), flavor: oneOf(CHAT_FLAVORS, r.flavor, 'slack') };
    default:
      return undefined;
  }
}

/** Reads one policy of the API's answer; unknown channel kinds are left out rather than shown wrong. */
export function readPolicy(raw: Record<string, unknown>): Policy {
  const target = raw.responseTargetMinutes;
  return {
    id: str(raw.id),
    tenant: str(raw.tenant),
    name: str(raw.name),
    minSeverity: oneOf(SEVERITY_LEVELS, raw.minSeverity, 'informational'),
    categories: strings(raw.categories),
    contacts: Array.isArray(raw.contacts) ? raw.contacts.map(readContact) : [],
    channels: Array.isArray(raw.channels)
      ? raw.channels.map(readChannel).filter((c): c is ChannelView => c !== undefined)
      : [],
    language: oneOf(POLICY_LANGUAGES, raw.language, 'ja'),
    responseTargetMinutes: typeof target === 'number' ? target : null,
    priority: typeof raw.priority === 'number' ? raw.priority : 100,
    enabled: raw.enabled !== false,
    updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : null,
  };
}

/**
 * Where a channel sends, for the list: an email channel's recipients (empty: the contacts'), a URL without its
 * query string and fragment, which may hold a token.
 */
export function channelTarget(channel: ChannelView): string {
  if (channel.kind === 'email') return channel.to.join(', ');
  try {
    const url = new URL(channel.url);
    return `${url.origin}${url.pathname}`;
  } catch {
    return channel.url;
  }
}
