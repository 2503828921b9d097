// Issue 7's flow on a running `yagura serve`: events -> findings -> one grouped alert -> false positive with an
// allow-list rule -> identical events make no alert but count as hits -> an unrelated true positive is escalated:
// a real SMTP server receives the Japanese mail and an HTTP receiver gets a webhook whose HMAC verifies.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from '../../src/notify/test-receivers.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/notify/webhook.js';
import { sendTcp, sshdLine, startServer, waitFor, type ServerProcess } from './server-process.js';

const NOISY = '7c1d0000-0000-4000-8000-000000000001';
const REAL = '7c1d0000-0000-4000-8000-000000000002';
const SECRET = 'e2e-webhook-secret-0123456789';

const rules = `title: Backup job login failures
id: ${NOISY}
status: test
author: Yagura e2e
logsource:
  product: linux
  service: sshd
detection:
  selection:
    message|contains: 'Failed password for backup'
  condition: selection
level: medium
---
title: Root login from an external address
id: ${REAL}
status: test
author: Yagura e2e
logsource:
  product: linux
  service: sshd
detection:
  selection:
    message|contains: 'Accepted password for root from 203.0.113.'
  condition: selection
level: high
`;

interface Alert {
  id: string;
  status: string;
  findings: number;
  rule: { id: string };
}

const sshd = (message: string): string => sshdLine('backup01', message);

describe('triage in a running yagura serve', () => {
  let server: ServerProcess;
  let smtp: SmtpReceiver;
  let hook: HttpReceiver;
  let dir: string;
  const json = { 'content-type': 'application/json' };

  const api = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...server.auth, ...(body === undefined ? {} : json) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };

  const alertsOf = async (rule: string) =>
    (
      await api<{ alerts: Alert[] }>(
        'GET',
        `/api/alerts?rule=${rule}&status=new&status=false_positive&status=acknowledged&status=true_positive`,
      )
    ).body.alerts;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    hook = await startHttpReceiver();
    dir = mkdtempSync(join(tmpdir(), 'yagura-triage-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'ssh.yml'), rules);
    server = await startServer(`
tenants:
  - id: default
    timeZone: Asia/Tokyo
detection:
  ruleSets:
    - id: custom
      paths: [${join(dir, 'rules')}]
notify:
  smtp:
    host: 127.0.0.1
    port: ${smtp.port}
    security: none
    from: Yagura SOC <soc@example.jp>
`);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    await smtp?.close();
    await hook?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs from events to a suppressed false positive and an escalated true positive', async () => {
    const failed = (port: number) => sshd(`Failed password for backup from 10.0.0.8 port ${port} ssh2`);
    await sendTcp(server.tcpPort, [failed(1001), failed(1002), failed(1003)]);
    const [noisy] = await waitFor(async () => {
      const list = await alertsOf(NOISY);
      return list.length === 1 && list[0]!.findings === 3 ? list : undefined;
    }, 'one grouped alert');

    // The alert's linked findings and sample events can be fetched by id, as the console's alert page does.
    const detail = await api<{ findingIds: string[] }>('GET', `/api/alerts/${noisy!.id}`);
    const linked = await api<{ findings: { id: string; eventIds: string[] }[] }>(
      'GET',
      `/api/findings?${detail.body.findingIds.map((id) => `id=${id}`).join('&')}`,
    );
    expect(linked.body.findings.map((f) => f.id).sort()).toEqual([...detail.body.findingIds].sort());
    const eventIds = linked.body.findings.flatMap((f) => f.eventIds);
    const events = await api<{ events: { id: string; message?: string }[] }>('POST', '/api/events/search', {
      query: eventIds.map((id) => `_id:${id}`).join(' OR '),
      from: 'now-1d',
      to: 'now+1h',
    });
    expect(events.body.events.map((e) => e.id).sort()).toEqual([...eventIds].sort());

    const fp = await api('POST', `/api/alerts/${noisy!.id}/transition`, {
      to: 'false_positive',
      reason: 'The nightly backup job retries with an old password.',
    });
    expect(fp.status).toBe(200);
    const created = await api<{ id: string; hits: number }>('POST', `/api/alerts/${noisy!.id}/allowlist`, {
      justification: 'Known backup job; ticket OPS-1234 fixes its password.',
      owner: 'ops-team',
    });
    expect(created.status).toBe(201);

    await sendTcp(server.tcpPort, [failed(1004), failed(1005)]);
    const rule = await waitFor(async () => {
      const r = await api<{ hits: number }>('GET', `/api/allowlist/${created.body.id}`);
      return r.body.hits === 2 ? r.body : undefined;
    }, 'the allow-list hits');
    expect(rule.hits).toBe(2);
    expect(await alertsOf(NOISY)).toHaveLength(1);
    // Suppressed findings are still stored and listed.
    const findings = await api<{ findings: unknown[] }>('GET', `/api/findings?rule=${NOISY}&from=now-1d`);
    expect(findings.body.findings).toHaveLength(5);

    const policy = await api('POST', '/api/escalation-policies', {
      tenant: 'default',
      policy: {
        name: 'Customer CSIRT',
        minSeverity: 'medium',
        language: 'ja',
        contacts: [{ name: 'CSIRT', email: 'csirt@example.jp' }],
        channels: [
          { kind: 'email', to: [] },
          { kind: 'webhook', url: `${hook.url}/yagura`, secret: SECRET },
        ],
      },
    });
    expect(policy.status).toBe(201);
    // The console edits a policy without ever seeing its webhook secret: sent back without one, the stored one stays.
    const renamed = await api<{ name: string; channels: { kind: string; secretSet?: boolean }[] }>(
      'PATCH',
      `/api/escalation-policies/${(policy.body as { id: string }).id}`,
      {
        name: 'Customer CSIRT (24h)',
        channels: [
          { kind: 'email', to: [] },
          { kind: 'webhook', url: `${hook.url}/yagura` },
        ],
      },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.channels[1]).toMatchObject({ kind: 'webhook', secretSet: true });
    const newUrl = await api('PATCH', `/api/escalation-policies/${(policy.body as { id: string }).id}`, {
      channels: [{ kind: 'webhook', url: `${hook.url}/other` }],
    });
    expect(newUrl.status).toBe(400);

    await sendTcp(server.tcpPort, [sshd('Accepted password for root from 203.0.113.50 port 4444 ssh2')]);
    const [real] = await waitFor(async () => {
      const list = await alertsOf(REAL);
      return list.length === 1 ? list : undefined;
    }, 'the true positive alert');
    expect(
      (await api('POST', `/api/alerts/${real!.id}/transition`, { to: 'acknowledged', reason: '確認中' }))
        .status,
    ).toBe(200);
    const escalated = await api<{
      escalation: { deliveries?: { status: string }[] };
      alert: { status: string };
    }>('POST', `/api/alerts/${real!.id}/escalate`, {
      assessment: '外部アドレスからの root ログインに成功しています。',
      recommendedActions: ['root のパスワードを変更する'],
    });
    expect(escalated.status).toBe(200);
    expect(escalated.body.alert.status).toBe('true_positive');

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['csirt@example.jp']);
    expect(mail.subject).toContain('Root login from an external address');
    expect(mail.text).toContain('外部アドレスからの root ログインに成功しています。');
    expect(mail.text).toContain('root のパスワードを変更する');

    expect(hook.requests).toHaveLength(1);
    const request = hook.requests[0]!;
    const header = request.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined;
    expect(verifyWebhookSignature(SECRET, header, request.body)).toBe(true);
    expect(verifyWebhookSignature('another-secret-0123456789', header, request.body)).toBe(false);
  }, 90_000);
});
