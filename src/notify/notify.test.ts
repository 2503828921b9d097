// The channels against real receivers on loopback: mail through smtp-server, signed webhook, chat payloads.
import { afterEach, describe, expect, it } from 'vitest';
import { ChatChannel, teamsAdaptiveCard, teamsMessageCard } from './chat.js';
import { EmailChannel } from './email.js';
import { escalationMessage, formatInZone, type EscalationFacts } from './templates.js';
import {
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from './test-receivers.js';
import { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature, WebhookChannel } from './webhook.js';

const FACTS: EscalationFacts = {
  escalationId: 'esc1',
  alertId: 'alert1',
  rule: { id: 'r1', title: 'Mimikatz command line', level: 'critical' },
  severity: { score: 90, level: 'critical' },
  tenant: { id: 'acme', name: 'Acme', timeZone: 'Asia/Tokyo' },
  entity: { host: 'ws01', user: 'alice' },
  firstSeen: Date.parse('2025-04-01T00:00:00Z'),
  lastSeen: Date.parse('2025-04-01T00:30:05Z'),
  findings: 3,
  events: 7,
  assessment: '認証情報の窃取を確認しました。',
  recommendedActions: ['端末をネットワークから隔離する', 'alice のパスワードを変更する'],
  analyst: 'analyst1',
  responseTargetMinutes: 30,
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

async function smtp(options?: Parameters<typeof startSmtpReceiver>[0]): Promise<SmtpReceiver> {
  const r = await startSmtpReceiver(options);
  open.push(r);
  return r;
}

async function http(answer?: Parameters<typeof startHttpReceiver>[0]): Promise<HttpReceiver> {
  const r = await startHttpReceiver(answer);
  open.push(r);
  return r;
}

describe('templates', () => {
  it('shows times in the tenant time zone, with the zone named', () => {
    expect(formatInZone(FACTS.firstSeen, 'Asia/Tokyo')).toBe('2025-04-01 09:00:00 (Asia/Tokyo)');
    expect(formatInZone(FACTS.firstSeen, 'UTC')).toBe('2025-04-01 00:00:00 (UTC)');
  });

  it('writes the Japanese message with the facts, the assessment and numbered actions', () => {
    const m = escalationMessage(FACTS, 'ja');
    expect(m.subject).toBe('【エスカレーション】重大度: 重大 - Mimikatz command line (Acme)');
    expect(m.text).toContain('最終検知: 2025-04-01 09:30:05 (Asia/Tokyo)');
    expect(m.text).toContain('件数: 検知 3 件 / イベント 7 件');
    expect(m.text).toContain('対象: host=ws01, user=alice');
    expect(m.text).toContain('1. 端末をネットワークから隔離する\n2. alice のパスワードを変更する');
    expect(m.text).toContain('30 分以内にご確認ください');
  });

  it('writes the English message and a JSON document with ISO times', () => {
    const m = escalationMessage({ ...FACTS, recommendedActions: [], responseTargetMinutes: null }, 'en');
    expect(m.subject).toBe('[Escalation] Critical severity - Mimikatz command line (Acme)');
    expect(m.text).toContain('Severity: Critical (90/100)');
    expect(m.text).toContain('Recommended actions\n(none)');
    expect(m.text).not.toContain('Response requested');
    expect(m.data).toMatchObject({
      type: 'yagura.escalation',
      language: 'en',
      alert: { id: 'alert1', firstSeen: '2025-04-01T00:00:00.000Z', findings: 3 },
      tenant: { id: 'acme', timeZone: 'Asia/Tokyo' },
    });
  });
});

describe('email channel', () => {
  it('delivers the Japanese mail to a real SMTP server, decodable as UTF-8', async () => {
    const server = await smtp();
    const channel = new EmailChannel({
      smtp: { host: '127.0.0.1', port: server.port, security: 'none', from: 'soc@yagura.test' },
      to: ['ciso@acme.test', 'it@acme.test'],
    });
    await channel.send(escalationMessage(FACTS, 'ja'));
    expect(server.mails).toHaveLength(1);
    const mail = server.mails[0]!;
    expect(mail.from).toBe('soc@yagura.test');
    expect(mail.to).toEqual(['ciso@acme.test', 'it@acme.test']);
    expect(mail.subject).toBe('【エスカレーション】重大度: 重大 - Mimikatz command line (Acme)');
    expect(mail.text).toContain('分析者の評価');
    expect(mail.text).toContain('認証情報の窃取を確認しました。');
  });

  it('signs in when the server asks for credentials, and fails on wrong ones', async () => {
    const server = await smtp({ users: { soc: 'relay-pass' } });
    const base = { host: '127.0.0.1', port: server.port, security: 'none' as const, from: 'soc@yagura.test' };
    const good = new EmailChannel({
      smtp: { ...base, auth: { user: 'soc', pass: 'relay-pass' } },
      to: ['a@b.test'],
    });
    await good.send(escalationMessage(FACTS, 'en'));
    expect(server.mails[0]?.user).toBe('soc');
    const bad = new EmailChannel({
      smtp: { ...base, auth: { user: 'soc', pass: 'nope' } },
      to: ['a@b.test'],
    });
    await expect(bad.send(escalationMessage(FACTS, 'en'))).rejects.toThrow(/Invalid username or password/);
    expect(server.mails).toHaveLength(1);
  });

  it('refuses to send in clear text when STARTTLS is required and the server lacks it', async () => {
    const server = await smtp();
    const channel = new EmailChannel({
      smtp: { host: '127.0.0.1', port: server.port, security: 'starttls', from: 'soc@yagura.test' },
      to: ['a@b.test'],
    });
    await expect(channel.send(escalationMessage(FACTS, 'en'))).rejects.toThrow(/STARTTLS/i);
    expect(server.mails).toHaveLength(0);
  });
});

describe('webhook channel', () => {
  it('posts the JSON with a signature the receiver verifies with the shared secret', async () => {
    const receiver = await http();
    const secret = 'shared-secret-0123456789';
    await new WebhookChannel({ url: receiver.url, secret }).send(escalationMessage(FACTS, 'ja'));
    const request = receiver.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    const header = request.headers[SIGNATURE_HEADER.toLowerCase()] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, request.body)).toBe(true);
    expect(verifyWebhookSignature('another-secret-0123456', header, request.body)).toBe(false);
    expect(verifyWebhookSignature(secret, header, request.body.replace('alert1', 'alert2'))).toBe(false);
    expect(JSON.parse(request.body)).toMatchObject({ alert: { rule: { title: 'Mimikatz command line' } } });
  });

  it('refuses a signature older than the tolerance (a replay)', () => {
    const header = signWebhook('shared-secret-0123456789', '{}', 1_700_000_000);
    expect(verifyWebhookSignature('shared-secret-0123456789', header, '{}', { nowS: 1_700_000_100 })).toBe(
      true,
    );
    expect(verifyWebhookSignature('shared-secret-0123456789', header, '{}', { nowS: 1_700_000_301 })).toBe(
      false,
    );
  });

  it('fails on a non-2xx answer, with the status in the error', async () => {
    const receiver = await http(() => 503);
    const channel = new WebhookChannel({ url: receiver.url, secret: 'shared-secret-0123456789' });
    await expect(channel.send(escalationMessage(FACTS, 'en'))).rejects.toThrow(/HTTP 503/);
  });

  it('shows its URL without the secret-bearing path end or query', () => {
    const channel = new WebhookChannel({
      url: 'https://user:pw@hooks.example.com/services/T000/B000/XXXXXXXXXXXXXXXX?token=abc',
      secret: 'shared-secret-0123456789',
    });
    expect(channel.target).not.toMatch(/pw|XXXX|token/);
  });
});

describe('chat channel', () => {
  it('posts a Slack-shaped {text, blocks} message', async () => {
    const receiver = await http();
    await new ChatChannel({ url: receiver.url, flavor: 'slack' }).send(escalationMessage(FACTS, 'ja'));
    const body = JSON.parse(receiver.requests[0]!.body) as { text: string; blocks: { type: string }[] };
    expect(body.text).toContain('Mimikatz command line');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section']);
    expect(JSON.stringify(body.blocks)).toContain('認証情報の窃取を確認しました。');
  });

  it('makes a Teams MessageCard and an Adaptive Card with the facts', () => {
    const m = escalationMessage(FACTS, 'en');
    const card = teamsMessageCard(m) as { '@type': string; sections: { facts?: { name: string }[] }[] };
    expect(card['@type']).toBe('MessageCard');
    expect(card.sections[0]?.facts?.map((f) => f.name)).toContain('Severity');
    const adaptive = teamsAdaptiveCard(m) as {
      attachments: { contentType: string; content: { type: string; body: { type: string }[] } }[];
    };
    expect(adaptive.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(adaptive.attachments[0]?.content.body.map((b) => b.type)).toEqual([
      'TextBlock',
      'FactSet',
      'TextBlock',
    ]);
  });
});
