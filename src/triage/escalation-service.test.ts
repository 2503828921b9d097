import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../access/actor.js';
import {
  startHttpReceiver,
  startSmtpReceiver,
  unusedPort,
  type HttpReceiver,
  type SmtpReceiver,
} from '../notify/test-receivers.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../notify/webhook.js';
import { EscalationService, type EscalationServiceOptions, type PolicyInput } from './escalation-service.js';
import { finding, MINUTE, T0, triageFixture, type TriageFixture } from './test-support.js';

const SECRET = 'acme-webhook-secret-0001';
const TITLE = 'Credential dumping with Mimikatz';

let f: TriageFixture;
let analyst: Actor;
let smtp: SmtpReceiver;
let receivers: HttpReceiver[];

beforeEach(async () => {
  f = await triageFixture();
  await f.access.tenants.updateSettings(f.cli, 'acme', { timeZone: 'Asia/Tokyo' });
  analyst = await f.user('aiko', 'soc_analyst', ['acme']);
  smtp = await startSmtpReceiver();
  receivers = [];
});
afterEach(async () => {
  for (const r of receivers) await r.close();
  await smtp.close();
  await f.close();
});

async function receiver(answer?: Parameters<typeof startHttpReceiver>[0]): Promise<HttpReceiver> {
  const r = await startHttpReceiver(answer);
  receivers.push(r);
  return r;
}

function service(extra: EscalationServiceOptions = {}): EscalationService {
  return new EscalationService(
    {
      db: f.access.db,
      audit: f.audit,
      knownTenants: () => ['acme', 'globex'] as never,
      clock: () => f.clock.now,
    },
    f.triage.alerts,
    {
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'Yagura SOC <soc@yagura.test>' },
      retry: { attempts: 3, initialDelayMs: 5, jitter: 0 },
      attemptTimeoutMs: 5000,
      consoleUrl: 'https://soc.example.jp/',
      ...extra,
    },
  );
}

/** An alert of `tenant` (acme by default), taken by the analyst (in progress) unless `status` says otherwise. */
async function alertIn(
  options: { tenant?: string; level?: 'high' | 'low'; take?: boolean } = {},
): Promise<string> {
  const tenant = options.tenant ?? 'acme';
  await f.record([
    finding({
      tenant,
      title: TITLE,
      level: options.level ?? 'high',
      fields: { 'host.name': 'WS01', 'user.name': 'taro' },
      time: T0,
    }),
    finding({
      tenant,
      title: TITLE,
      level: options.level ?? 'high',
      fields: { 'host.name': 'WS01', 'user.name': 'taro' },
      time: T0 + 5 * MINUTE,
    }),
  ]);
  const { alerts } = await f.triage.alerts.list(f.cli, { limit: 10, tenants: [tenant] });
  const id = alerts[0]!.id;
  if (options.take !== false) await f.triage.alerts.transition(f.cli, id, 'in_progress', 'looking into it');
  return id;
}

function policy(channels: PolicyInput['channels'], extra: Partial<PolicyInput> = {}): PolicyInput {
  return {
    name: 'Acme high and above',
    minSeverity: 'high',
    contacts: [{ name: '山田 情報システム部', email: 'yamada@acme.test' }],
    channels,
    language: 'ja',
    responseTargetMinutes: 30,
    ...extra,
  };
}

const ESCALATION = {
  assessment: 'WS01 で認証情報の窃取を確認しました。',
  recommendedActions: ['WS01 をネットワークから隔離する', 'taro のパスワードを変更する'],
};

describe('EscalationService: escalating an alert', () => {
  it('sends the Japanese mail, a signed webhook and a Slack message, and records it all on the alert', async () => {
    const hook = await receiver();
    const chat = await receiver();
    const esc = service();
    await esc.createPolicy(
      analyst,
      'acme',
      policy([
        { kind: 'email', to: [] },
        { kind: 'webhook', url: hook.url, secret: SECRET },
        { kind: 'chat', url: chat.url, flavor: 'slack' },
      ]),
    );
    const id = await alertIn();

    const { escalation, alert } = await esc.escalate(analyst, id, ESCALATION);

    expect(alert.status).toBe('true_positive');
    expect(alert.escalatedAt).not.toBeNull();
    expect(escalation.status).toBe('delivered');
    expect(escalation.deliveries.map((d) => [d.kind, d.status, d.attempts])).toEqual([
      ['email', 'delivered', 1],
      ['webhook', 'delivered', 1],
      ['chat', 'delivered', 1],
    ]);

    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['yamada@acme.test']);
    expect(mail.subject).toContain('【エスカレーション】重大度: 高');
    expect(mail.subject).toContain(TITLE);
    expect(mail.text).toContain(`検知ルール: ${TITLE}`);
    expect(mail.text).toContain('初回検知: 2025-04-01 09:00:00 (Asia/Tokyo)');
    expect(mail.text).toContain('最終検知: 2025-04-01 09:05:00 (Asia/Tokyo)');
    expect(mail.text).toContain('件数: 検知 2 件 / イベント 2 件');
    expect(mail.text).toContain('WS01 で認証情報の窃取を確認しました。');
    expect(mail.text).toContain('2. taro のパスワードを変更する');
    expect(mail.text).toContain(`https://soc.example.jp/alerts/${id}`);

    const request = hook.requests[0]!;
    const signature = request.headers[SIGNATURE_HEADER.toLowerCase()] as string;
    expect(verifyWebhookSignature(SECRET, signature, request.body)).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({
      escalationId: escalation.id,
      alert: { id, rule: { title: TITLE }, severity: { level: 'high' } },
      assessment: ESCALATION.assessment,
    });

    const slack = JSON.parse(chat.requests[0]!.body) as { text: string; blocks: unknown[] };
    expect(slack.text).toContain(TITLE);
    expect(slack.blocks.length).toBeGreaterThan(0);

    const detail = await f.triage.alerts.get(analyst, id);
    const last = detail.history.at(-1)!;
    expect(detail.history.map((h) => h.kind)).toEqual(['status', 'status', 'comment']);
    expect(detail.history[1]).toMatchObject({ to: 'true_positive' });
    expect(last.text).toContain('Escalation (policy "Acme high and above"): delivered');
    expect((await f.auditEntries('alert.escalate')).map((e) => e.outcome)).toEqual(['success']);
    expect(await esc.listEscalations(analyst, id)).toEqual([escalation]);
  });

  it('retries a receiver that fails twice, and logs three attempts', async () => {
    const flaky = await receiver((n) => (n <= 2 ? 502 : 200));
    const esc = service();
    await esc.createPolicy(analyst, 'acme', policy([{ kind: 'webhook', url: flaky.url, secret: SECRET }]));
    const id = await alertIn();
    await esc.escalate(analyst, id, ESCALATION);
    const [stored] = await esc.listEscalations(analyst, id);
    const delivery = stored!.deliveries[0]!;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(delivery.attemptLog.map((a) => [a.ok, a.error ?? null])).toEqual([
      [false, expect.stringMatching(/HTTP 502/)],
      [false, expect.stringMatching(/HTTP 502/)],
      [true, null],
    ]);
    expect(flaky.requests).toHaveLength(3);
  });

  it('leaves an unreachable channel pending with its error, without throwing, and still sends the others', async () => {
    const port = await unusedPort();
    const esc = service();
    await esc.createPolicy(
      analyst,
      'acme',
      policy([
        { kind: 'webhook', url: `http://127.0.0.1:${port}/hook`, secret: SECRET },
        { kind: 'email', to: ['soc-lead@acme.test'] },
      ]),
    );
    const id = await alertIn();
    const { escalation } = await esc.escalate(analyst, id, ESCALATION);
    expect(escalation.status).toBe('pending');
    const [webhook, email] = escalation.deliveries;
    expect(webhook).toMatchObject({
      kind: 'webhook',
      status: 'pending',
      attempts: 3,
      nextAttemptAt: f.clock.now + MINUTE,
    });
    expect(webhook!.lastError).toMatch(/ECONNREFUSED/);
    expect(email).toMatchObject({ kind: 'email', status: 'delivered', attempts: 1 });
    expect(smtp.mails).toHaveLength(1);
    const history = (await f.triage.alerts.get(analyst, id)).history;
    expect(history.at(-1)!.text).toContain('Escalation (policy "Acme high and above"): pending');
    expect(history.at(-1)!.text).toMatch(
      /webhook .*: not delivered after 3 attempts \(.*ECONNREFUSED.*\), retried later/,
    );
  });

  it('records a pending escalation (audited as a failure) when no channel gets through', async () => {
    const esc = new EscalationService(
      { db: f.access.db, audit: f.audit, knownTenants: () => ['acme', 'globex'] as never },
      f.triage.alerts,
      { retry: { attempts: 2, initialDelayMs: 1 } },
    );
    await esc.createPolicy(analyst, 'acme', policy([{ kind: 'email', to: [] }]));
    const id = await alertIn();
    const { escalation } = await esc.escalate(analyst, id, ESCALATION);
    expect(escalation.status).toBe('pending');
    expect(escalation.deliveries[0]!.lastError).toMatch(/No SMTP server is configured/);
    expect((await f.auditEntries('alert.escalate')).map((e) => e.outcome)).toEqual(['failure']);
  });

  it('refuses an alert nobody has taken, sending nothing, and escalates a true positive again', async () => {
    const hook = await receiver();
    const esc = service();
    await esc.createPolicy(analyst, 'acme', policy([{ kind: 'webhook', url: hook.url, secret: SECRET }]));
    const fresh = await alertIn({ take: false });
    await expect(esc.escalate(analyst, fresh, ESCALATION)).rejects.toMatchObject({
      code: 'ALERT_TRANSITION_INVALID',
    });
    expect(hook.requests).toHaveLength(0);

    await f.triage.alerts.transition(analyst, fresh, 'acknowledged', 'seen');
    await esc.escalate(analyst, fresh, ESCALATION);
    await esc.escalate(analyst, fresh, { assessment: '続報: 横展開は確認されませんでした。' });
    expect(hook.requests).toHaveLength(2);
    expect(await esc.listEscalations(analyst, fresh)).toHaveLength(2);
  });

  it('needs alerts:triage and an assessment', async () => {
    const esc = service();
    const id = await alertIn();
    const viewer = await f.user('miki', 'viewer', ['acme']);
    await expect(esc.escalate(viewer, id, ESCALATION)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(esc.escalate(analyst, id, { assessment: '  ' })).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
  });
});

describe('EscalationService: later retries of pending deliveries', () => {
  const webhookHeader = (r: HttpReceiver, n: number) =>
    r.requests[n]!.headers[SIGNATURE_HEADER.toLowerCase()] as string;

  it('retries a pending delivery with backoff, sending the message built at escalation time, until it gets through', async () => {
    const flaky = await receiver((n) => (n <= 5 ? 503 : 200));
    const esc = service();
    const made = await esc.createPolicy(
      analyst,
      'acme',
      policy([{ kind: 'webhook', url: flaky.url, secret: SECRET }]),
    );
    const id = await alertIn();
    const t0 = f.clock.now;
    const { escalation } = await esc.escalate(analyst, id, ESCALATION);
    expect(escalation.status).toBe('pending');
    expect(escalation.deliveries[0]).toMatchObject({
      status: 'pending',
      attempts: 3,
      nextAttemptAt: t0 + MINUTE,
      lastError: expect.stringMatching(/HTTP 503/),
    });
    // A later change of the policy does not change what is sent.
    await esc.updatePolicy(analyst, made.id, { language: 'en' });

    expect(await esc.retryDue()).toBe(0);
    const waits: number[] = [];
    for (const wait of [MINUTE, 2 * MINUTE]) {
      f.clock.now += wait;
      expect(await esc.retryDue()).toBe(1);
      const [stored] = await esc.listEscalations(analyst, id);
      waits.push(stored!.deliveries[0]!.nextAttemptAt! - f.clock.now);
      expect(stored!.status).toBe('pending');
    }
    expect(waits).toEqual([2 * MINUTE, 4 * MINUTE]);
    expect(flaky.requests).toHaveLength(5);

    // The background retrier makes the next attempt once it is due.
    f.clock.now += 4 * MINUTE;
    esc.start();
    try {
      await vi.waitFor(() => expect(flaky.requests).toHaveLength(6), { timeout: 5000 });
      await vi.waitFor(async () =>
        expect((await esc.listEscalations(analyst, id))[0]!.status).toBe('delivered'),
      );
    } finally {
      await esc.close();
    }
    const [done] = await esc.listEscalations(analyst, id);
    expect(done!.deliveries[0]).toMatchObject({
      status: 'delivered',
      attempts: 6,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(done!.deliveries[0]!.attemptLog.map((a) => [a.attempt, a.ok])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [6, true],
    ]);
    expect(new Set(flaky.requests.map((r) => r.body)).size).toBe(1);
    expect(JSON.parse(flaky.requests[5]!.body)).toMatchObject({ escalationId: escalation.id });
    expect(verifyWebhookSignature(SECRET, webhookHeader(flaky, 5), flaky.requests[5]!.body)).toBe(true);
  });

  it('picks pending deliveries up after a restart (a new service over the same database)', async () => {
    const flaky = await receiver((n) => (n <= 3 ? 503 : 200));
    const first = service();
    await first.createPolicy(
      analyst,
      'acme',
      policy([
        { kind: 'webhook', url: flaky.url, secret: SECRET },
        { kind: 'email', to: [] },
      ]),
    );
    const id = await alertIn();
    first.start();
    const { escalation } = await first.escalate(analyst, id, ESCALATION);
    expect(escalation.status).toBe('pending');
    await first.close();

    f.clock.now += MINUTE;
    const second = service({ retryPollMs: 5 });
    second.start();
    try {
      await vi.waitFor(
        async () => expect((await second.listEscalations(analyst, id))[0]!.status).toBe('delivered'),
        { timeout: 5000 },
      );
    } finally {
      await second.close();
    }
    expect(flaky.requests).toHaveLength(4);
    expect(smtp.mails).toHaveLength(1);
    const [stored] = await second.listEscalations(analyst, id);
    expect(stored!.deliveries.map((d) => [d.kind, d.status, d.attempts])).toEqual([
      ['webhook', 'delivered', 4],
      ['email', 'delivered', 1],
    ]);
  });

  it('fails a delivery for good when it is still failing at the end of the retry window', async () => {
    const down = await receiver(() => 503);
    const hook = await receiver();
    const esc = service({ followUp: { windowMs: 5 * MINUTE } });
    await esc.createPolicy(
      analyst,
      'acme',
      policy([
        { kind: 'webhook', url: down.url, secret: SECRET },
        { kind: 'webhook', url: hook.url, secret: SECRET },
      ]),
    );
    const id = await alertIn();
    const t0 = f.clock.now;
    await esc.escalate(analyst, id, ESCALATION);
    const times: number[] = [];
    for (let pass = 0; pass < 10; pass++) {
      const [stored] = await esc.listEscalations(analyst, id);
      const next = stored!.deliveries[0]!.nextAttemptAt;
      if (next === null) break;
      f.clock.now = next;
      times.push(next - t0);
      expect(await esc.retryDue()).toBe(1);
    }
    // 1 min, then 2 min later, then the window's end (4 min later would be past it).
    expect(times).toEqual([MINUTE, 3 * MINUTE, 5 * MINUTE]);
    const [stored] = await esc.listEscalations(analyst, id);
    expect(stored!.status).toBe('partial');
    expect(stored!.deliveries[0]).toMatchObject({
      status: 'failed',
      attempts: 6,
      nextAttemptAt: null,
      lastError: expect.stringMatching(/HTTP 503/),
    });
    expect(down.requests).toHaveLength(6);
    f.clock.now += 60 * MINUTE;
    expect(await esc.retryDue()).toBe(0);
  });
});

describe('EscalationService: policies', () => {
  it('picks the first matching policy by severity and category, and refuses when none matches', async () => {
    const critical = await receiver();
    const execution = await receiver();
    const esc = service();
    await esc.createPolicy(
      analyst,
      'acme',
      policy([{ kind: 'webhook', url: critical.url, secret: SECRET }], {
        name: 'critical',
        minSeverity: 'critical',
        priority: 1,
      }),
    );
    await esc.createPolicy(
      analyst,
      'acme',
      policy([{ kind: 'webhook', url: execution.url, secret: SECRET }], {
        name: 'execution',
        categories: ['attack.execution'],
        priority: 2,
      }),
    );
    const high = await alertIn();
    await esc.escalate(analyst, high, ESCALATION);
    expect([critical.requests.length, execution.requests.length]).toEqual([0, 1]);

    const low = await alertIn({ level: 'low' });
    await expect(esc.escalate(analyst, low, ESCALATION)).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });

  it('masks webhook secrets, keeps them when an update omits them, and audits every change', async () => {
    const hook = await receiver();
    const esc = service();
    const made = await esc.createPolicy(
      analyst,
      'acme',
      policy([{ kind: 'webhook', url: hook.url, secret: SECRET }]),
    );
    expect(made.channels).toEqual([{ kind: 'webhook', url: hook.url, secretSet: true }]);
    const changed = await esc.updatePolicy(analyst, made.id, {
      language: 'en',
      channels: [{ kind: 'webhook', url: hook.url } as never],
    });
    expect(changed.language).toBe('en');
    const id = await alertIn();
    await esc.escalate(analyst, id, ESCALATION);
    const request = hook.requests[0]!;
    expect(
      verifyWebhookSignature(SECRET, request.headers[SIGNATURE_HEADER.toLowerCase()] as string, request.body),
    ).toBe(true);

    await esc.deletePolicy(analyst, made.id);
    expect(await esc.listPolicies(analyst)).toEqual([]);
    const audit = await f.auditEntries('escalation.policy');
    expect(audit.map((e) => e.action)).toEqual([
      'escalation.policy.create',
      'escalation.policy.update',
      'escalation.policy.delete',
    ]);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it('refuses an invalid policy with every problem named', async () => {
    const esc = service();
    await expect(
      esc.createPolicy(analyst, 'acme', {
        ...policy([{ kind: 'chat', url: 'ftp://x', flavor: 'slack' }]),
        minSeverity: 'urgent' as never,
      }),
    ).rejects.toThrow(/minSeverity.*channels\.0\.url|channels\.0\.url.*minSeverity/);
  });

  it('keeps tenants apart: policies of another tenant cannot be read, changed or used', async () => {
    const esc = service();
    const hook = await receiver();
    const acmePolicy = await esc.createPolicy(
      analyst,
      'acme',
      policy([{ kind: 'webhook', url: hook.url, secret: SECRET }]),
    );
    const globexAnalyst = await f.user('gina', 'soc_analyst', ['globex']);
    const globexPolicy = await esc.createPolicy(
      globexAnalyst,
      'globex',
      policy([{ kind: 'webhook', url: hook.url, secret: SECRET }], { name: 'globex' }),
    );

    expect((await esc.listPolicies(analyst)).map((p) => p.id)).toEqual([acmePolicy.id]);
    expect((await esc.listPolicies(globexAnalyst)).map((p) => p.id)).toEqual([globexPolicy.id]);
    await expect(esc.getPolicy(globexAnalyst, acmePolicy.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(esc.updatePolicy(globexAnalyst, acmePolicy.id, { name: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(esc.deletePolicy(globexAnalyst, acmePolicy.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      esc.createPolicy(globexAnalyst, 'acme', policy([{ kind: 'email', to: [] }])),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(esc.listPolicies(globexAnalyst, ['acme'])).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const acmeAlert = await alertIn();
    await expect(esc.escalate(globexAnalyst, acmeAlert, ESCALATION)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      esc.escalate(analyst, acmeAlert, { ...ESCALATION, policyId: globexPolicy.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(hook.requests).toHaveLength(0);
    expect((await esc.getPolicy(analyst, acmePolicy.id)).name).toBe('Acme high and above');
  });
});
