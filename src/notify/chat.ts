// The chat webhook channel: a Slack-compatible `{text, blocks}` message, or a Teams MessageCard or Adaptive Card.
import { displayUrl, type Channel, type Notification } from './channel.js';
import { postJson } from './http-post.js';

export type ChatFlavor = 'slack' | 'teams' | 'teams-adaptive';
export const CHAT_FLAVORS: readonly ChatFlavor[] = ['slack', 'teams', 'teams-adaptive'];

export interface ChatOptions {
  url: string;
  flavor: ChatFlavor;
  timeoutMs?: number;
}

// Slack refuses a section text over 3,000 characters and more than 10 fields in a section.
const SLACK_TEXT_MAX = 3000;
const SLACK_FIELDS_MAX = 10;

export function slackPayload(message: Notification): Record<string, unknown> {
  const fields = message.facts.slice(0, SLACK_FIELDS_MAX).map(([label, value]) => ({
    type: 'mrkdwn',
    text: clip(`*${slackEscape(label)}*\n${slackEscape(value)}`, 2000),
  }));
  return {
    // The fallback shown in notifications and by clients that do not render blocks.
    text: `${message.subject}\n\n${message.text}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(message.subject, 150) } },
      ...(fields.length ? [{ type: 'section', fields }] : []),
      { type: 'section', text: { type: 'mrkdwn', text: clip(slackEscape(message.text), SLACK_TEXT_MAX) } },
    ],
  };
}

/** The legacy Office 365 connector card, which Teams incoming webhooks still take. */
export function teamsMessageCard(message: Notification): Record<string, unknown> {
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: message.subject,
    themeColor: 'D7263D',
    title: message.subject,
    sections: [
      { facts: message.facts.map(([name, value]) => ({ name, value })) },
      { text: message.text.replace(/\n/g, '\n\n') },
    ],
  };
}

/** An Adaptive Card in the message envelope of Teams Workflows (Power Automate) webhooks. */
export function teamsAdaptiveCard(message: Notification): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: message.subject, weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'FactSet', facts: message.facts.map(([title, value]) => ({ title, value })) },
            { type: 'TextBlock', text: message.text, wrap: true },
          ],
        },
      },
    ],
  };
}

export class ChatChannel implements Channel {
  readonly kind = 'chat';
  readonly target: string;

  constructor(private readonly options: ChatOptions) {
    this.target = `${options.flavor} ${displayUrl(options.url)}`;
  }

  payload(message: Notification): Record<string, unknown> {
    switch (this.options.flavor) {
      case 'slack':
        return slackPayload(message);
      case 'teams':
        return teamsMessageCard(message);
      case 'teams-adaptive':
        return teamsAdaptiveCard(message);
    }
  }

  async send(message: Notification): Promise<void> {
    await postJson(this.options.url, JSON.stringify(this.payload(message)), {
      ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}),
    });
  }
}

// Slack's mrkdwn treats &, < and > as markup.
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
