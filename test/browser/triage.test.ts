// The triage flow in a real browser, in Japanese and then in English: the alert queue with keyboard and bulk
// triage, an alert page, "suppress alerts like this" with its impact preview, escalation by e-mail and webhook,
// and the allow-list, asset and escalation policy pages; every page checked with axe.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../web/src/api/client.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/notify/webhook.js';
import { waitFor } from '../e2e/server-process.js';
import { accessibilityViolations, launchBrowser, newContext, screenshot } from './harness.js';
import {
  ANALYST,
  NOISY_RULE,
  REAL_RULE,
  SCAN_RULE,
  startTriageFixture,
  waitForAlerts,
  WEBHOOK_SECRET,
  type TriageFixture,
} from './triage-fixture.js';

let fixture: TriageFixture;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const ids = { noisy: '', real: '', scans: [] as string[] };

const failed = (port: number) => `Failed password for backup from 10.0.0.8 port ${port} ssh2`;

beforeAll(async () => {
  [fixture, browser] = await Promise.all([startTriageFixture(), launchBrowser()]);
  await fixture.sshd('backup01', [failed(1001), failed(1002), failed(1003)]);
  await fixture.sshd('web01', ['Invalid user admin from 198.51.100.9 port 5001 ssh2']);
  await fixture.sshd('web02', ['Invalid user oracle from 198.51.100.77 port 5002 ssh2']);
  await fixture.sshd('gw01', ['Accepted password for root from 203.0.113.50 port 4444 ssh2']);
  ids.noisy = (await waitForAlerts(fixture.api, NOISY_RULE, (a) => a[0]?.findings === 3))[0]!.id;
  ids.real = (await waitForAlerts(fixture.api, REAL_RULE, (a) => a.length === 1))[0]!.id;
  ids.scans = (await waitForAlerts(fixture.api, SCAN_RULE, (a) => a.length === 2)).map((a) => a.id);
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
      `screenshot of the failing page: ${await screenshot(page, `failed-triage-${test.task.name}`)}`,
    );
  }
});

async function signIn(p: Page): Promise<void> {
  await p.goto(fixture.server.url);
  await p.locator('#login-username').fill(ANALYST.username);
  await p.locator('#login-password').fill(ANALYST.password);
  await p.locator('form button[type="submit"]').click();
  await p.locator('nav.sidenav').waitFor();
}

async function statusOf(id: string): Promise<string> {
  const detail = await unwrap(fixture.api.client.GET('/api/alerts/{id}', { params: { path: { id } } }));
  return detail.alert.status;
}

async function noSeriousViolations(p: Page, what: string): Promise<void> {
  const serious = (await accessibilityViolations(p)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious, `${what}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

const rows = (p: Page) => p.getByTestId('alert-row');

async function openAlert(p: Page, id: string): Promise<void> {
  await p.goto(`${fixture.server.url}/alerts/${id}`);
  await p.getByTestId('alert-status').waitFor();
}

describe('triage in the console (日本語)', () => {
  it('lists the open alerts, one per rule and entity, with their severity and counts', async () => {
    await signIn(page);
    await page.getByRole('link', { name: 'アラート', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('アラート');
    await expect.poll(() => rows(page).count()).toBe(4);
    const noisy = page.locator(`[data-alert-id="${ids.noisy}"]`);
    expect(await noisy.locator('td.num').textContent()).toBe('3');
    expect(await noisy.textContent()).toContain('新規');
    expect(await noisy.textContent()).toContain('backup01');
    expect(await noisy.textContent()).toContain('10.0.0.8');
    await noSeriousViolations(page, 'alert queue');
  });

  it('marks an alert false positive from the keyboard, asking for the reason', async () => {
    const order = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-alert-id')));
    const at = order.indexOf(ids.noisy);
    await page.locator('h1').click();
    for (let i = 0; i <= at; i++) await page.keyboard.press('j');
    await page.keyboard.press('f');
    const reason = page.getByLabel('理由(履歴に残ります)');
    await expect.poll(() => reason.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await reason.fill('夜間バックアップ処理の古いパスワードによる再試行。担当者に確認済み。');
    await reason.press('Enter');
    await expect
      .poll(() => page.getByTestId('queue-notice').textContent())
      .toContain('1 件のアラートを更新しました');
    await expect.poll(() => statusOf(ids.noisy)).toBe('false_positive');
    await expect.poll(() => rows(page).count()).toBe(3);
  });

  it('acknowledges two alerts at once from the bulk bar', async () => {
    for (const id of ids.scans) await page.locator(`[data-alert-id="${id}"] input[type="checkbox"]`).check();
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.textContent()).toContain('2 件選択中');
    await bar.getByRole('button', { name: '確認済みにする' }).click();
    await expect
      .poll(async () => Promise.all(ids.scans.map(statusOf)))
      .toEqual(['acknowledged', 'acknowledged']);
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('heading', { name: 'キーボード操作' }).count()).toBe(1);
    await screenshot(page, 'triage-queue-ja');
  });

  it('shows an alert with its events, findings, asset and history', async () => {
    await openAlert(page, ids.noisy);
    expect(await page.locator('h1').textContent()).toBe('Backup job login failures');
    expect(await page.getByTestId('alert-status').textContent()).toBe('誤検知');
    await expect.poll(() => page.getByTestId('alert-events').locator('li').count()).toBe(3);
    await expect.poll(() => page.getByTestId('alert-findings').locator(':scope > li').count()).toBe(3);
    expect(await page.getByTestId('alert-assets').textContent()).toContain('バックアップサーバー');
    expect(await page.getByTestId('alert-history').textContent()).toContain('新規 → 誤検知');
    expect(await page.getByTestId('alert-history').textContent()).toContain('担当者に確認済み');
    await noSeriousViolations(page, 'alert page');
  });

  it('suppresses alerts like this one after previewing the impact, and counts the hits', async () => {
    await page.getByRole('button', { name: '同様のアラートを抑制' }).click();
    const form = page.getByRole('form', { name: '同様のアラートを抑制' });
    await form.waitFor();
    expect(await form.getByLabel('条件(検索言語)').inputValue()).toContain('backup01');
    await form
      .getByLabel('理由', { exact: false })
      .first()
      .fill('既知のバックアップ処理。OPS-1234 で修正予定。');
    await form.getByLabel('担当者', { exact: false }).first().fill('インフラチーム');
    const save = form.getByRole('button', { name: 'ルールを保存' });
    expect(await save.isDisabled()).toBe(true);
    await form.getByRole('button', { name: '影響プレビュー' }).click();
    await expect.poll(() => page.getByTestId('allowlist-preview-findings').textContent()).toContain('3');
    await noSeriousViolations(page, 'allow-list form');
    await save.click();
    await expect.poll(() => page.getByTestId('allowlist-row').count()).toBe(1);

    await fixture.sshd('backup01', [failed(1004), failed(1005)]);
    await waitFor(async () => {
      const { rules } = await unwrap(fixture.api.client.GET('/api/allowlist'));
      return rules[0]?.hits === 2 ? true : undefined;
    }, 'two allow-list hits');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '更新' }).click();
    await expect.poll(() => page.getByTestId('allowlist-hits').textContent()).toContain('2');
    expect(await waitForAlerts(fixture.api, NOISY_RULE, () => true)).toHaveLength(1);
    await noSeriousViolations(page, 'allow-list page');
    await screenshot(page, 'triage-allowlist-ja');
  });

  it('escalates a true positive: the customer gets the Japanese mail and a signed webhook', async () => {
    await openAlert(page, ids.real);
    await page.locator('#alert-reason').fill('外部からの root ログイン。調査を開始します。');
    await page.getByRole('button', { name: '確認済みにする' }).click();
    await expect.poll(() => page.getByTestId('alert-status').textContent()).toBe('確認済み');
    await page
      .locator('#escalate-assessment')
      .fill('外部アドレス 203.0.113.50 から root でのログインに成功しています。');
    await page
      .locator('#escalate-actions')
      .fill('- root のパスワードを変更する\n- gw01 の SSH を社内からに限定する');
    await noSeriousViolations(page, 'escalation form');
    await page.getByRole('button', { name: 'エスカレーションして送信' }).click();
    await expect.poll(() => page.getByTestId('alert-status').textContent()).toBe('真陽性');
    await expect.poll(() => page.getByTestId('alert-escalations').textContent()).toContain('送信済み');

    expect(fixture.smtp.mails).toHaveLength(1);
    const mail = fixture.smtp.mails[0]!;
    expect(mail.to).toEqual(['csirt@acme.example.jp']);
    expect(mail.text).toContain('外部アドレス 203.0.113.50 から root でのログインに成功しています。');
    expect(mail.text).toContain('gw01 の SSH を社内からに限定する');
    expect(fixture.hook.requests.map((r) => r.path.endsWith('/yagura'))).toEqual([true]);
    const hook = fixture.hook.requests[0];
    const signature = hook!.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined;
    expect(verifyWebhookSignature(WEBHOOK_SECRET, signature, hook!.body)).toBe(true);
    await screenshot(page, 'triage-alert-ja');
  });

  it('shows the asset inventory and the escalation policies', async () => {
    await page.getByRole('link', { name: '資産', exact: true }).click();
    await expect.poll(() => page.getByTestId('asset-row').count()).toBeGreaterThan(0);
    const asset = page.getByTestId('asset-row').filter({ hasText: 'バックアップサーバー' });
    expect(await asset.textContent()).toContain('重要');
    await noSeriousViolations(page, 'assets page');
    await page.getByRole('link', { name: 'エスカレーション設定', exact: true }).click();
    await expect.poll(() => page.getByTestId('policy-row').count()).toBe(1);
    expect(await page.getByTestId('policy-row').textContent()).toContain('Acme CSIRT');
    await noSeriousViolations(page, 'escalation policies page');
  });
});

describe('triage in the console (English)', () => {
  let en: BrowserContext;
  let p: Page;
  beforeAll(async () => {
    en = await newContext(browser, 'en-US');
    p = await en.newPage();
    p.setDefaultTimeout(15_000);
    await signIn(p);
    // The analyst chose Japanese in the other browser only; this one starts in its own language.
    const lang = await p.locator('html').getAttribute('lang');
    if (lang !== 'en') {
      await p.getByLabel('言語').selectOption('en');
    }
  });
  afterAll(async () => {
    await en?.close();
  });

  it('shows the escalated alert in English, with its history and delivery log', async () => {
    await openAlert(p, ids.real);
    expect(await p.getByTestId('alert-status').textContent()).toBe('True positive');
    expect(await p.getByTestId('alert-history').textContent()).toContain('New → Acknowledged');
    expect(await p.getByTestId('alert-escalations').textContent()).toContain('Delivered');
    await noSeriousViolations(p, 'alert page (en)');
  });

  it('starts work on the acknowledged alerts from the queue and shows the keyboard help', async () => {
    await p.getByRole('link', { name: 'Back to the queue' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toBe('Alerts');
    await expect.poll(() => rows(p).count()).toBe(2);
    await p.getByRole('checkbox', { name: 'Select all shown' }).check();
    await p.getByTestId('bulk-bar').getByRole('button', { name: 'Start work' }).click();
    await expect
      .poll(async () => Promise.all(ids.scans.map(statusOf)))
      .toEqual(['in_progress', 'in_progress']);
    await p.locator('h1').click();
    await p.keyboard.press('?');
    await expect.poll(() => p.getByRole('heading', { name: 'Keyboard triage' }).count()).toBe(1);
    await noSeriousViolations(p, 'alert queue (en)');
    await screenshot(p, 'triage-queue-en');
  });

  it('lists the allow-list rule with its hits in English', async () => {
    await p.getByRole('link', { name: 'Allow-list', exact: true }).click();
    await expect.poll(() => p.getByTestId('allowlist-row').count()).toBe(1);
    expect(await p.getByTestId('allowlist-hits').textContent()).toContain('2');
    await noSeriousViolations(p, 'allow-list page (en)');
  });
});
