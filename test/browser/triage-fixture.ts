// A running `yagura serve` for the triage browser test: two detection rules, an analyst, an asset, an escalation
// policy that mails a local SMTP server and signs webhooks to a local receiver, and sshd lines that raise alerts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, unwrap, type Api } from '../../web/src/api/client.js';
import {
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from '../../src/notify/test-receivers.js';
import { projectRoot, sendTcp, startServer, waitFor, type ServerProcess } from '../e2e/server-process.js';
import { existsSync } from 'node:fs';

export const NOISY_RULE = '7c1d0000-0000-4000-8000-0000000000b1';
export const REAL_RULE = '7c1d0000-0000-4000-8000-0000000000b2';
export const SCAN_RULE = '7c1d0000-0000-4000-8000-0000000000b3';
export const WEBHOOK_SECRET = 'browser-webhook-secret-0123456789';
export const ANALYST = { username: 'aoi', password: 'heron-42-lamp-orchid-wave', displayName: '青井 葵' };

const rules = `title: Backup job login failures
id: ${NOISY_RULE}
status: test
author: Yagura browser test
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
id: ${REAL_RULE}
status: test
author: Yagura browser test
logsource:
  product: linux
  service: sshd
detection:
  selection:
    message|contains: 'Accepted password for root from 203.0.113.'
  condition: selection
level: high
---
title: Invalid user probe
id: ${SCAN_RULE}
status: test
author: Yagura browser test
logsource:
  product: linux
  service: sshd
detection:
  selection:
    message|contains: 'Invalid user'
  condition: selection
level: low
`;

export interface TriageFixture {
  server: ServerProcess;
  api: Api;
  smtp: SmtpReceiver;
  hook: HttpReceiver;
  /** Sends sshd lines from `host` (stamped now) to the syslog TCP port. */
  sshd(host: string, messages: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

/** An RFC 5424 sshd line stamped now, with its zone, so the tenant's zone does not shift it. */
function sshdLine(host: string, message: string): string {
  return `<38>1 ${new Date().toISOString()} ${host} sshd 4242 - - ${message}`;
}

export async function startTriageFixture(): Promise<TriageFixture> {
  if (!existsSync(join(projectRoot, 'web/dist/index.html'))) {
    throw new Error('web/dist is not built: run npm run build:web (npm test does it)');
  }
  const smtp = await startSmtpReceiver();
  const hook = await startHttpReceiver();
  const dir = mkdtempSync(join(tmpdir(), 'yagura-browser-triage-'));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules', 'ssh.yml'), rules);
  const server = await startServer(`
tenants:
  - id: acme
    name: Acme 株式会社
    timeZone: Asia/Tokyo
    sources: [127.0.0.1]
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
  const api = createApi({ baseUrl: server.url, headers: server.auth });
  await unwrap(
    api.client.POST('/api/users', {
      body: { ...ANALYST, role: 'soc_analyst', tenants: ['acme'] },
    }),
  );
  await unwrap(
    api.client.POST('/api/assets', {
      body: {
        tenant: 'acme',
        name: 'バックアップサーバー',
        hostnames: ['backup01'],
        criticality: 4,
        owner: '情報システム部',
        tags: ['backup'],
      },
    }),
  );
  await unwrap(
    api.client.POST('/api/escalation-policies', {
      body: {
        tenant: 'acme',
        policy: {
          name: 'Acme CSIRT',
          minSeverity: 'medium',
          language: 'ja',
          contacts: [{ name: 'Acme CSIRT', email: 'csirt@acme.example.jp' }],
          channels: [
            { kind: 'email', to: [] },
            { kind: 'webhook', url: `${hook.url}/yagura`, secret: WEBHOOK_SECRET },
          ],
        },
      } as never,
    }),
  );
  const sshd = (host: string, messages: readonly string[]) =>
    sendTcp(
      server.tcpPort,
      messages.map((m) => sshdLine(host, m)),
    );
  return {
    server,
    api,
    smtp,
    hook,
    sshd,
    stop: async () => {
      await server.stop();
      server.cleanup();
      await smtp.close();
      await hook.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the alerts of `rule` (any status) satisfy `ok`, and returns them. */
export function waitForAlerts(
  api: Api,
  rule: string,
  ok: (alerts: { id: string; status: string; findings: number }[]) => boolean,
): Promise<{ id: string; status: string; findings: number }[]> {
  return waitFor(async () => {
    const { alerts } = await unwrap(
      api.client.GET('/api/alerts', {
        params: {
          query: {
            rule,
            status: ['new', 'acknowledged', 'in_progress', 'false_positive', 'true_positive', 'closed'],
          },
        },
      }),
    );
    return ok(alerts) ? alerts : undefined;
  }, `alerts of ${rule}`);
}
