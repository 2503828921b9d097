// Creating and working an incident in a real browser: from two alerts to an incident with playbook tasks, a task
// done, a sighting search, evidence uploaded and verified (then an altered byte caught), a vendor request from a
// template, a flash report previewed and printed, the next phase; then the customer's CSIRT member, in English,
// sees the incident and their task, comments, and sends an inquiry the analyst answers. Axe checks every view.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../web/src/api/client.js';
import { accessibilityViolations, launchBrowser, newContext, OUTPUT_DIR, screenshot } from './harness.js';
import {
  ANALYST,
  SCAN_RULE,
  startTriageFixture,
  waitForAlerts,
  type TriageFixture,
} from './triage-fixture.js';

const CSIRT = { username: 'kenta', password: 'lumen-38-harbor-violet-pine', displayName: '佐藤 健太' };
const PROBER = '198.51.100.9';

let fixture: TriageFixture;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let incidentId = '';
let incidentRef = '';

beforeAll(async () => {
  [fixture, browser] = await Promise.all([startTriageFixture(), launchBrowser()]);
  await unwrap(
    fixture.api.client.POST('/api/users', { body: { ...CSIRT, role: 'csirt', tenants: ['acme'] } }),
  );
  await unwrap(
    fixture.api.client.POST('/api/contacts', {
      body: {
        tenant: 'acme',
        contact: {
          kind: 'vendor',
          organization: '株式会社サンプルホスティング',
          name: 'サポート窓口',
          channels: [{ kind: 'email', value: 'support@hosting.example.jp', preferred: true }],
          language: 'ja',
        },
      },
    }),
  );
  await fixture.sshd('web01', [`Invalid user admin from ${PROBER} port 5001 ssh2`]);
  await fixture.sshd('web02', ['Invalid user oracle from 198.51.100.77 port 5002 ssh2']);
  // The prober also logs in to db01 with a key: no alert, but a sighting.
  await fixture.sshd('db01', [`Accepted publickey for deploy from ${PROBER} port 5003 ssh2`]);
  await waitForAlerts(fixture.api, SCAN_RULE, (a) => a.length === 2);
  context = await newContext(browser, 'ja-JP');
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.stop();
});

afterEach(async (test) => {
  if (test.task.result?.state === 'fail' && page) {
    console.error(
      `screenshot of the failing page: ${await screenshot(page, `failed-incident-${test.task.name}`)}`,
    );
  }
});

async function signIn(p: Page, username: string, password: string): Promise<void> {
  await p.goto(fixture.server.url);
  await p.locator('#login-username').fill(username);
  await p.locator('#login-password').fill(password);
  await p.locator('form button[type="submit"]').click();
  await p.locator('nav.sidenav').waitFor();
}

async function noSeriousViolations(p: Page, what: string): Promise<void> {
  const serious = (await accessibilityViolations(p)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious, `${what}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

async function openTab(p: Page, tab: string): Promise<void> {
  await p.getByTestId(`incident-tab-${tab}`).click();
  await expect.poll(() => p.getByTestId(`incident-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
}

describe('working an incident in the console (日本語)', () => {
  it('opens an incident from two alerts, with its playbook tasks', async () => {
    await signIn(page, ANALYST.username, ANALYST.password);
    await page.getByRole('link', { name: 'アラート', exact: true }).click();
    await expect.poll(() => page.getByTestId('alert-row').count()).toBe(2);
    await page.getByRole('checkbox', { name: '表示中をすべて選択' }).check();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'インシデントを作成' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-z]+/);
    incidentId = page.url().split('/incidents/')[1]!.split('?')[0]!;
    incidentRef = (await page.getByTestId('incident-ref').first().textContent())!.trim();
    expect(incidentRef).toMatch(/^INC-\d{4}-0001$/);
    expect(await page.getByTestId('incident-phase').getAttribute('data-phase')).toBe('detection_analysis');
    await openTab(page, 'tasks');
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThanOrEqual(8);
    await noSeriousViolations(page, 'tasks tab');
  });

  it('does a task: status and a checklist item are saved', async () => {
    const task = page.getByTestId('task-row').first();
    await task.getByTestId('checklist-item').first().check();
    await task.getByTestId('task-status').selectOption('done');
    await expect.poll(() => task.getAttribute('data-status')).toBe('done');
    const { tasks } = await unwrap(
      fixture.api.client.GET('/api/incidents/{id}', { params: { path: { id: incidentId } } }),
    );
    const saved = tasks.find((t) => t.status === 'done');
    expect(saved?.checklist.some((c) => c.done)).toBe(true);
  });

  it("finds where else the prober's address appeared", async () => {
    await openTab(page, 'observables');
    const row = page.getByTestId('observable-row').filter({ hasText: '198[.]51[.]100[.]9' });
    await row.getByRole('button', { name: '198[.]51[.]100[.]9 の出現箇所を検索' }).click();
    await expect
      .poll(async () => (await page.getByTestId('sighting-hosts').first().textContent()) ?? '')
      .toContain('db01');
    expect(await page.getByTestId('sighting-hosts').first().textContent()).toContain('web01');
    await noSeriousViolations(page, 'observables tab');
  });

  it('keeps evidence: uploaded, verified, and an altered byte caught', async () => {
    await openTab(page, 'evidence');
    const log = Buffer.from(
      Array.from(
        { length: 2000 },
        (_, i) => `Nov 29 10:${String(i % 60).padStart(2, '0')} web01 sshd: line ${i}`,
      ).join('\n'),
    );
    const sha256 = createHash('sha256').update(log).digest('hex');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'web01-auth.log', mimeType: 'text/plain', buffer: log });
    await page.getByLabel('登録の理由').fill('web01 の認証ログを保全');
    await page.getByRole('button', { name: 'アップロード' }).click();
    const row = page.getByTestId('evidence-row').filter({ hasText: 'web01-auth.log' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(sha256.slice(0, 16));
    await row.getByRole('button', { name: 'web01-auth.log を検証' }).click();
    await expect.poll(() => page.getByTestId('evidence-verify-result').getAttribute('data-ok')).toBe('true');
    await noSeriousViolations(page, 'evidence tab');

    const stored = join(
      fixture.server.dataDir,
      'evidence',
      'sha256',
      sha256.slice(0, 2),
      sha256.slice(2, 4),
      sha256,
    );
    chmodSync(stored, 0o640);
    const bytes = readFileSync(stored);
    bytes[100] = bytes[100]! ^ 0x20;
    writeFileSync(stored, bytes);
    await row.getByRole('button', { name: 'web01-auth.log を検証' }).click();
    await expect.poll(() => page.getByTestId('evidence-verify-result').getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('evidence-verify-result').textContent()).toContain(sha256);
  });

  it('logs a vendor log request drafted from the template', async () => {
    await openTab(page, 'communications');
    await page.getByRole('button', { name: '連絡を記録' }).click();
    await page.getByText('テンプレートを使う').click();
    await page
      .getByRole('combobox', { name: /^テンプレート/ })
      .selectOption({ label: 'ベンダーへのログ提供依頼' });
    const addressee = page.getByRole('combobox', { name: /^宛先/ });
    const vendor = await addressee
      .locator('option', { hasText: 'サンプルホスティング' })
      .getAttribute('value');
    await addressee.selectOption(vendor!);
    await page.getByRole('button', { name: 'テンプレートを反映' }).click();
    await page.getByTestId('template-draft').waitFor();
    expect(await page.getByLabel('件名', { exact: true }).inputValue()).toContain(incidentRef);
    await page.getByLabel('要旨（タイムラインに表示）').fill('FW ログの提供を依頼');
    await page.getByLabel('回答を待つ依頼として記録する').check();
    await page.getByRole('button', { name: '記録する' }).click();
    await expect.poll(() => page.getByTestId('communication-row').count()).toBe(1);
    expect(await page.getByTestId('communication-row').getAttribute('data-request-status')).toBe('open');
    await noSeriousViolations(page, 'communications tab');
  });

  it('previews the flash report and prints it as a Japanese PDF', { timeout: 90_000 }, async () => {
    await openTab(page, 'reports');
    await page.getByRole('radio', { name: '日本語' }).check();
    await page
      .getByLabel('概要（判明している事実）')
      .fill('外部アドレスから Web サーバーへの SSH 不正ログイン試行を検知しました。');
    await page.getByRole('button', { name: 'プレビュー' }).click();
    const frame = page.frameLocator('[data-testid="report-preview"]');
    await expect.poll(async () => (await frame.locator('body').textContent()) ?? '').toContain('速報');
    expect(await frame.locator('body').textContent()).toContain('SSH 不正ログイン試行を検知しました');
    await noSeriousViolations(page, 'reports tab');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF をダウンロード' }).click(),
    ]);
    const pdf = join(OUTPUT_DIR, 'incident-flash-ja.pdf');
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('速報');
    expect(text).toContain(incidentRef);
    expect(text).toContain('SSH 不正ログイン試行を検知しました');
    await expect.poll(() => page.getByTestId('report-history').locator('tbody tr').count()).toBe(1);
  });

  it('moves to containment, and the timeline tells the story', async () => {
    await page.getByTestId('next-phase').click();
    await expect
      .poll(() => page.getByTestId('incident-phase').getAttribute('data-phase'))
      .toBe('containment');
    await openTab(page, 'timeline');
    const kinds = await page
      .getByTestId('timeline-entry')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    for (const kind of ['created', 'alert', 'task', 'evidence', 'communication', 'report', 'phase']) {
      expect(kinds).toContain(kind);
    }
    await noSeriousViolations(page, 'timeline tab');
    await screenshot(page, 'incident-timeline-ja');
  });
});

describe("the customer's CSIRT member (English)", () => {
  let en: BrowserContext;
  let p: Page;
  beforeAll(async () => {
    const { tasks } = await unwrap(
      fixture.api.client.GET('/api/incidents/{id}', { params: { path: { id: incidentId } } }),
    );
    const open = tasks.find((t) => t.status === 'todo')!;
    await unwrap(
      fixture.api.client.PATCH('/api/incidents/{id}/tasks/{taskId}', {
        params: { path: { id: incidentId, taskId: open.id } },
        body: { owner: CSIRT.username },
      }),
    );
    en = await newContext(browser, 'en-US');
    p = await en.newPage();
    p.setDefaultTimeout(15_000);
    await signIn(p, CSIRT.username, CSIRT.password);
  });
  afterAll(async () => {
    await en?.close();
  });

  it("sees the tenant's incident and the task assigned to them, and comments", async () => {
    await p.getByRole('link', { name: 'Incidents', exact: true }).click();
    await expect.poll(() => p.getByTestId('incident-row').count()).toBe(1);
    await expect.poll(() => p.getByTestId('my-task').count()).toBe(1);
    await noSeriousViolations(p, 'incident list (csirt)');
    await p.getByTestId('incident-row').getByRole('link').first().click();
    await p.getByTestId('incident-ref').first().waitFor();
    expect(await p.getByTestId('next-phase').count()).toBe(0);
    await p
      .locator('form[aria-labelledby="incident-comment"] textarea')
      .fill('Our team blocked 198.51.100.9 at the perimeter.');
    await p.getByRole('button', { name: 'Add comment' }).click();
    await expect
      .poll(async () => {
        const { entries } = await unwrap(
          fixture.api.client.GET('/api/incidents/{id}/timeline', { params: { path: { id: incidentId } } }),
        );
        return entries.some((e) => e.kind === 'comment' && e.summary.includes('blocked 198.51.100.9'));
      })
      .toBe(true);
    await noSeriousViolations(p, 'incident page (csirt)');
  });

  it('sends an inquiry that the analyst answers', async () => {
    await p.getByRole('link', { name: 'Inquiries', exact: true }).click();
    await p.getByRole('button', { name: 'New inquiry' }).click();
    await p.getByLabel('Subject').fill('Is our VPN gateway affected?');
    await p.getByLabel('Details').fill('Please check whether 198.51.100.9 also reached vpn01.');
    await p.getByRole('button', { name: 'Submit inquiry' }).click();
    await expect.poll(() => p.getByTestId('inquiry-row').count()).toBe(1);
    await p.getByTestId('inquiry-row').getByRole('link', { name: 'Is our VPN gateway affected?' }).click();
    await expect.poll(() => p.getByTestId('inquiry-message').count()).toBeGreaterThanOrEqual(1);
    const inquiryUrl = p.url();

    await page.goto(inquiryUrl);
    await page.getByLabel('メッセージ').fill('vpn01 のログに該当アドレスからの接続はありませんでした。');
    await page.getByRole('button', { name: '回答を送信' }).click();
    await expect.poll(() => page.getByTestId('inquiry-message').count()).toBe(2);
    await noSeriousViolations(page, 'inquiry page (analyst)');

    await p.reload();
    await expect
      .poll(async () => (await p.getByTestId('inquiry-message').allTextContents()).join(' '))
      .toContain('vpn01 のログに該当アドレスからの接続はありませんでした。');
    await screenshot(p, 'inquiry-en');
  });
});
