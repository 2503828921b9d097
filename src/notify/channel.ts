// What every notification channel (email, signed webhook, chat webhook) takes and does: one send of one message.

/** One rendered notification: plain text for people, structured data for machines. */
export interface Notification {
  /** Mail subject; the first line of a chat message. */
  subject: string;
  /** The plain-text body (mail, chat). */
  text: string;
  /** Labelled facts, in order, for channels that show them as a table (Teams cards, Slack fields). */
  facts: readonly (readonly [label: string, value: string])[];
  /** The JSON document a webhook posts. */
  data: Record<string, unknown>;
}

export type ChannelKind = 'email' | 'webhook' | 'chat';

export interface Channel {
  readonly kind: ChannelKind;
  /** Where it delivers, safe to log and show (recipients, URL without credentials or query). */
  readonly target: string;
  /** One attempt; throws on any failure (refused, timed out, non-2xx answer). */
  send(message: Notification): Promise<void>;
}

/** A URL as it may be shown: no user info, no query, one path segment (chat webhook URLs carry secrets there). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    // Only the first path segment: Slack and Teams put the credential in the later ones.
    const [first = '', ...more] = u.pathname.split('/').filter(Boolean);
    return `${u.protocol}//${u.host}/${first}${more.length ? '/…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}
