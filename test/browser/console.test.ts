// The web console in a real browser: sign in, language, search, histogram zoom, event drawer, export, ingest overview.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../web/src/api/client.js';
import { formatTime } from '../../web/src/lib/time.js';
import { E2E_ADMIN_PASSWORD, projectRoot } from '../e2e/server-process.js';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  PASSWORDS,
  screenshot,
  startConsoleFixture,
  tabOrder,
  type ConsoleFixture,
} from './harness.js';

// Functions given to page.evaluate run in the page; this Node type-check has no DOM library, so they see this much of it.
interface PageElement {
  id: string;
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  blur(): void;
}
declare const document: {
  activeElement: PageElement | null;
  documentElement: { lang: string };
  querySelector(selector: string): PageElement | null;
};

let fixture: ConsoleFixture;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [fixture, browser] = await Promise.all([startConsoleFixture(), launchBrowser()]);
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
    const path = await screenshot(page, `failed-${test.task.name}`);
    console.error(`screenshot of the failing page: ${path}`);
  }
});

async function signIn(p: Page, username: string, password: string): Promise<void> {
  await p.goto(fixture.server.url);
  await p.locator('#login-username').fill(username);
  await p.locator('#login-password').fill(password);
  await p.locator('form button[type="submit"]').click();
}

/** With YAGURA_UPDATE_SCREENSHOTS=1 (npm run docs:screenshots), a screenshot also replaces its copy in docs/images. */
async function keepForDocs(shot: string): Promise<void> {
  if (process.env.YAGURA_UPDATE_SCREENSHOTS !== '1') return;
  const images = join(projectRoot, 'docs/images');
  mkdirSync(images, { recursive: true });
  copyFileSync(shot, join(images, basename(shot)));
}

const hitCount = (p: Page) => p.getByTestId('hit-count');

async function runQuery(p: Page, query: string): Promise<void> {
  await p.locator('#search-query').fill(query);
  await p.locator('#search-query').press('Enter');
}

function seriousViolations(list: Awaited<ReturnType<typeof accessibilityViolations>>) {
  return list.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('web console', () => {
  it('shows the sign-in page in the browser language, with labels and a sensible focus order', async () => {
    await page.goto(fixture.server.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('ログイン');
    expect(await page.getByLabel('ユーザー名').count()).toBe(1);
    expect(await page.getByLabel('パスワード').count()).toBe(1);
    expect(await tabOrder(page, 3)).toEqual(['ユーザー名', 'パスワード', '言語']);
    expect(seriousViolations(await accessibilityViolations(page))).toEqual([]);
  });

  it('refuses a wrong password with a clear message', async () => {
    await signIn(page, 'analyst', 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('パスワードが違う');
  });

  it('signs in and opens the event search over all the analyst’s tenants', async () => {
    await signIn(page, 'analyst', PASSWORDS.analyst);
    await expect.poll(() => page.locator('h1').textContent()).toBe('イベント検索');
    const total = fixture.seeded.acme + fixture.seeded.globex;
    await expect.poll(() => hitCount(page).textContent()).toBe(`${total.toLocaleString('ja')} 件`);
    expect(await page.getByTestId('tenant').inputValue()).toBe('*');
    expect(await page.locator('table.results tbody tr').count()).toBe(100);
  });

  it('keeps a focus order from the skip link through the menus to the query box', async () => {
    const order = await tabOrder(page, 15);
    expect(order).toEqual([
      '本文へ移動',
      'テナント',
      '言語',
      'ログアウト',
      'イベント検索',
      'アラート',
      'インシデント',
      '問合せ',
      '許可リスト',
      '資産',
      'エスカレーション設定',
      '連絡先',
      '取り込み状況',
      '検索クエリ',
      '検索',
    ]);
    expect(seriousViolations(await accessibilityViolations(page))).toEqual([]);
  });

  it('shows a query syntax error under the query, pointing at where it is', async () => {
    await runQuery(page, 'user.name:(root OR');
    const error = page.getByTestId('query-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain('クエリの誤り');
    expect(await page.locator('#search-query').getAttribute('aria-invalid')).toBe('true');
    expect(await error.locator('pre').textContent()).toMatch(/\n\s+\^$/);
  });

  it('searches with the search language and counts what the API counts', async () => {
    await runQuery(page, 'event.action:ssh_login event.outcome:failure');
    await expect.poll(() => hitCount(page).textContent()).toBe(`${fixture.seeded.failures} 件`);
    const summaries = await page.locator('table.results tbody td:nth-child(3)').allTextContents();
    expect(summaries.length).toBeGreaterThan(0);
    for (const s of summaries) expect(s).toMatch(/^Failed password for /);
  });

  it('switches to English at once and remembers it for the next sign-in', async () => {
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Event search');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Event search');
    // A fresh browser (no local storage) in Japanese still gets English: the server kept the choice.
    const other = await newContext(browser, 'ja-JP');
    const p2 = await other.newPage();
    await signIn(p2, 'analyst', PASSWORDS.analyst);
    await expect.poll(() => p2.locator('h1').textContent()).toBe('Event search');
    await other.close();
  });

  it('zooms into the span dragged across the histogram', async () => {
    await runQuery(page, '');
    const total = fixture.seeded.acme + fixture.seeded.globex;
    await expect.poll(() => hitCount(page).textContent()).toBe(`${total} hits`);
    const box = (await page.locator('[data-testid="histogram"] .u-over').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.55, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, y, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.95, y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toMatch(/^\d+$/);
    const url = new URL(page.url());
    const from = url.searchParams.get('from')!;
    const to = url.searchParams.get('to')!;
    expect(Number(to)).toBeGreaterThan(Number(from));
    const expected = await unwrap(
      fixture.api.client.POST('/api/events/aggregate', {
        body: { query: '', from, to, by: { histogram: { interval: 'auto' } } },
      }),
    );
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(total);
    await expect
      .poll(() => hitCount(page).textContent())
      .toBe(`${expected.total} ${expected.total === 1 ? 'hit' : 'hits'}`);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect
      .poll(async () => {
        const u = new URL(page.url());
        return Number(u.searchParams.get('from')) < Number(from);
      })
      .toBe(true);
  });

  it('narrows to one tenant and shows its times in its own time zone', async () => {
    await page.goto(`${fixture.server.url}/search`);
    await page.getByTestId('tenant').selectOption('acme');
    await expect.poll(() => hitCount(page).textContent()).toBe(`${fixture.seeded.acme} hits`);
    const first = await unwrap(
      fixture.api.client.POST('/api/events/search', {
        body: { query: '', from: 'now-24h', to: 'now', tenants: ['acme'], limit: 1 },
      }),
    );
    const shown = await page.locator('table.results tbody tr').first().locator('td').first().textContent();
    expect(shown).toBe(formatTime(first.events[0]!.time, 'Asia/Tokyo'));
  });

  it('takes an absolute range typed in the tenant zone from the time picker', async () => {
    await runQuery(page, '');
    await page.getByTestId('time-range').click();
    const dialog = page.getByRole('dialog', { name: 'Time range' });
    const start = Date.now() - 3 * 3_600_000;
    const from = formatTime(start, 'Asia/Tokyo', { ms: false }).slice(0, 16);
    const to = formatTime(start + 3_600_000, 'Asia/Tokyo', { ms: false }).slice(0, 16);
    await dialog.getByLabel('From').fill(from);
    await dialog.getByLabel('To').fill(to);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => page.getByTestId('time-range').textContent())
      .toBe(`${from} → ${to} (Asia/Tokyo)`);
    const url = new URL(page.url());
    const fromMs = Number(url.searchParams.get('from'));
    expect(formatTime(fromMs, 'Asia/Tokyo', { ms: false }).slice(0, 16)).toBe(from);
    const expected = await unwrap(
      fixture.api.client.POST('/api/events/aggregate', {
        body: {
          query: '',
          from: String(fromMs),
          to: url.searchParams.get('to')!,
          tenants: ['acme'],
          by: { histogram: { interval: 'auto' } },
        },
      }),
    );
    await expect
      .poll(() => hitCount(page).textContent())
      .toBe(`${expected.total} ${expected.total === 1 ? 'hit' : 'hits'}`);
    await page.getByTestId('time-range').click();
    await page
      .getByRole('dialog', { name: 'Time range' })
      .getByRole('button', { name: 'Last 24 hours' })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(null);
  });

  it('opens an event with all its fields and raw text, and filters for a value from it', async () => {
    await runQuery(page, 'event.action:ssh_login');
    await page.locator('table.results tbody tr').first().locator('button.time-cell').click();
    const drawer = page.getByTestId('event-drawer');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('drawer-title');
    const fieldNames = await drawer.locator('.field-table th').allTextContents();
    expect(fieldNames).toEqual(
      expect.arrayContaining(['tenant', 'input', 'source.ip', 'user.name', 'message']),
    );
    const user = await drawer
      .locator('.field-table tr', { has: page.locator('th', { hasText: /^user\.name$/ }) })
      .locator('td.value')
      .textContent();
    expect(seriousViolations(await accessibilityViolations(page))).toEqual([]);
    await drawer.getByRole('tab', { name: 'Raw' }).click();
    expect(await drawer.getByTestId('raw').textContent()).toContain(user!);
    await drawer.getByRole('tab', { name: 'Fields' }).click();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fixture.server.url });
    await drawer.getByRole('button', { name: 'Copy the value of source.ip' }).click();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    await drawer.getByRole('button', { name: 'Add column source.ip' }).click();
    await expect
      .poll(() => page.locator('table.results thead th').allTextContents())
      .toEqual(['Time', 'source.ip']);
    expect(await page.locator('table.results tbody tr').first().locator('td').nth(1).textContent()).toMatch(
      /^\d+\.\d+/,
    );
    await drawer.getByRole('button', { name: 'Remove column source.ip' }).click();
    await expect
      .poll(() => page.locator('table.results thead th').allTextContents())
      .toEqual(['Time', 'Summary']);
    await drawer.getByRole('button', { name: 'Filter for user.name = ' + user }).click();
    await expect
      .poll(() => page.locator('#search-query').inputValue())
      .toBe(`event.action:ssh_login user.name:"${user}"`);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
    const expected = await unwrap(
      fixture.api.client.POST('/api/events/aggregate', {
        body: {
          query: `event.action:ssh_login user.name:"${user}"`,
          tenants: ['acme'],
          by: { histogram: { interval: 'auto' } },
        },
      }),
    );
    await expect.poll(() => hitCount(page).textContent()).toBe(`${expected.total} hits`);
  });

  it('shows the top values of a field over the whole result, and filters one out', async () => {
    await runQuery(page, 'event.action:ssh_login');
    await page
      .getByTestId('fields')
      .getByRole('button', { name: /^user\.name/ })
      .click();
    const top = page.getByTestId('top-values-user.name');
    await expect.poll(() => top.locator('li').count()).toBeGreaterThan(1);
    const value = (await top.locator('li .value').first().textContent())!;
    await top.getByRole('button', { name: `Filter out user.name = ${value}` }).click();
    await expect
      .poll(() => page.locator('#search-query').inputValue())
      .toBe(`event.action:ssh_login -user.name:"${value}"`);
  });

  it('exports the whole result as CSV and as JSON Lines', async () => {
    await runQuery(page, 'event.action:deny');
    const expected = await unwrap(
      fixture.api.client.POST('/api/events/aggregate', {
        body: { query: 'event.action:deny', tenants: ['acme'], by: { histogram: { interval: 'auto' } } },
      }),
    );
    await expect.poll(() => hitCount(page).textContent()).toBe(`${expected.total} hits`);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^yagura-events-\d{8}T\d{6}\.csv$/);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const lines = csvText.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe('@timestamp,tenant,input,message');
    expect(lines).toHaveLength(expected.total + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/,acme,http,deny tcp /);
    const [jsonl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-jsonl').click(),
    ]);
    const rows = readFileSync((await jsonl.path())!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { tenant: string; fields: Record<string, unknown> });
    expect(rows).toHaveLength(expected.total);
    for (const r of rows) expect(r.fields['event.action']).toBe('deny');
  });

  it('shows the ingest overview: events per input and tenant, parse errors, queue and storage', async () => {
    await page.getByRole('link', { name: 'Ingest overview' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ingest overview');
    await page.getByTestId('tenant').selectOption('*');
    const total = fixture.seeded.acme + fixture.seeded.globex;
    await expect
      .poll(() => page.getByTestId('card-events').locator('.card-value').textContent())
      .toBe(total.toLocaleString('en'));
    expect(await page.getByTestId('card-parse-errors').textContent()).toContain(
      `${fixture.seeded.parseErrors} events not understood`,
    );
    expect(await page.getByTestId('card-queue').isVisible()).toBe(true);
    // Storage is installation-wide: an analyst of two tenants does not see it.
    expect(await page.getByTestId('card-storage').count()).toBe(0);
    expect(await page.getByTestId('chart-inputs').locator('canvas').count()).toBe(1);
    const tenantRows = await page
      .locator('section[aria-labelledby="sources-title"] table')
      .nth(1)
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(tenantRows.sort()).toEqual(['acme', 'globex']);
    await keepForDocs(await screenshot(page, 'ingest-en', { fullPage: false }));
    expect(seriousViolations(await accessibilityViolations(page))).toEqual([]);
  });

  it('shows an admin the storage used against the limits', async () => {
    const other = await newContext(browser, 'en-US');
    const p2 = await other.newPage();
    await signIn(p2, 'admin', E2E_ADMIN_PASSWORD);
    await p2.getByRole('link', { name: 'Ingest overview' }).click();
    const storage = p2.getByTestId('card-storage');
    await expect.poll(() => storage.locator('.card-value').textContent()).toMatch(/^[\d.,]+ (B|KB|MB|GB)$/);
    expect(await p2.locator('section[aria-labelledby="retention-title"] dl').textContent()).toContain(
      'Day files',
    );
    await other.close();
  });

  it('shows a viewer the alert pages but no event pages, and no triage controls', async () => {
    const other = await newContext(browser, 'en-US');
    const p2 = await other.newPage();
    await signIn(p2, 'viewer', PASSWORDS.viewer);
    await expect.poll(() => p2.locator('h1').textContent()).toBe('Alerts');
    expect(await p2.locator('nav a').allTextContents()).toEqual([
      'Alerts',
      'Incidents',
      'Inquiries',
      'Allow-list',
      'Assets',
      'Escalation policies',
      'Contacts',
    ]);
    await expect.poll(() => p2.locator('.state-empty strong').textContent()).toBe('No alerts match');
    expect(await p2.getByTestId('bulk-bar').count()).toBe(0);
    await p2.goto(`${fixture.server.url}/search`);
    await expect.poll(() => p2.locator('.state-empty strong').textContent()).toBe('Page not found');
    await other.close();
  });

  it('takes the README screenshots of the search page in Japanese and English', async () => {
    const shots: string[] = [];
    for (const language of ['ja', 'en'] as const) {
      await page.goto(`${fixture.server.url}/search`);
      await page.getByTestId('tenant').selectOption('acme');
      await page.getByTestId('language').selectOption(language);
      await runQuery(page, 'event.outcome:failure');
      await expect.poll(() => page.locator('table.results tbody tr').count()).toBeGreaterThan(5);
      await page
        .getByTestId('fields')
        .getByRole('button', { name: /^source\.ip/ })
        .click();
      await expect
        .poll(() => page.getByTestId('top-values-source.ip').locator('li').count())
        .toBeGreaterThan(1);
      shots.push(await screenshot(page, `search-${language}`, { fullPage: false }));
    }
    await page.locator('table.results tbody tr').nth(1).locator('button.time-cell').click();
    await expect.poll(() => page.getByTestId('event-drawer').isVisible()).toBe(true);
    shots.push(await screenshot(page, 'event-drawer-en', { fullPage: false }));
    await page.keyboard.press('Escape');
    for (const shot of shots) await keepForDocs(shot);
  });

  it('signs out and the session is gone', async () => {
    await page.getByRole('button', { name: /Sign out|ログアウト/ }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/signed out|ログアウトしました/);
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);
  });
});
