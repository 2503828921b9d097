// Browser-test harness: Debian's Chromium driven by playwright-core against a real `yagura serve` with seeded data.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../src/report/pdf.js';
import { createApi, unwrap, type Api } from '../../web/src/api/client.js';
import { projectRoot, startServer, type ServerProcess } from '../e2e/server-process.js';

// Functions given to page.evaluate run in the page; this Node type-check has no DOM library, so they see this much of it.
interface PageElement {
  tagName: string;
  textContent: string | null;
  labels?: ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  focus(): void;
}
declare const document: { activeElement: PageElement | null; body: PageElement };

export const CHROMIUM = process.env.YAGURA_CHROMIUM ?? '/usr/bin/chromium';
export const OUTPUT_DIR = join(projectRoot, 'test-output/browser');

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: npm test installs Debian's chromium package (apt-get install chromium)`,
    );
  }
  // playwright-core gives every launch a new empty profile (its own --user-data-dir).
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS] });
}

export function newContext(browser: Browser, locale: 'ja-JP' | 'en-US'): Promise<BrowserContext> {
  return browser.newContext({
    locale,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    timezoneId: 'Europe/Lisbon', // neither tenant's zone, so a time shown right cannot come from the browser's zone
  });
}

/** Saves a screenshot under test-output/browser/, for a failing page or for the docs. */
export async function screenshot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A/AA violations axe-core finds on the page as it is now. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, so the console's Content-Security-Policy (no inline scripts) still holds.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** The accessible names of the first `count` elements the Tab key reaches from the top of the page. */
export async function tabOrder(page: Page, count: number): Promise<string[]> {
  // Focusing the body moves the browser's sequential-focus starting point to the top of the page.
  await page.evaluate(() => {
    document.body.setAttribute('tabindex', '-1');
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    names.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return '';
        const labelled = el.getAttribute('aria-label');
        if (labelled) return labelled;
        const label = el.labels?.[0];
        if (label) return (label.textContent ?? '').replace(el.textContent ?? '', '').trim();
        return (el.textContent ?? '').trim() || el.getAttribute('placeholder') || el.tagName.toLowerCase();
      }),
    );
  }
  return names;
}

export const PASSWORDS = {
  analyst: 'heron-42-lamp-orchid-wave',
  viewer: 'quartz-17-mist-cobalt-fern',
};

export interface ConsoleFixture {
  server: ServerProcess;
  api: Api;
  /** Seeded events per tenant. */
  seeded: { acme: number; globex: number; failures: number; parseErrors: number };
  stop(): Promise<void>;
}

const CONFIG = `
tenants:
  - id: acme
    name: Acme 株式会社
    timeZone: Asia/Tokyo
  - id: globex
    name: Globex Corp
    timeZone: UTC
`;

/** Starts the server with two tenants, an analyst of both, a viewer, and a few hours of authentication and firewall events. */
export async function startConsoleFixture(): Promise<ConsoleFixture> {
  if (!existsSync(join(projectRoot, 'web/dist/index.html'))) {
    throw new Error('web/dist is not built: run npm run build:web (npm test does it)');
  }
  const server = await startServer(CONFIG);
  const api = createApi({ baseUrl: server.url, headers: server.auth });
  await unwrap(
    api.client.POST('/api/users', {
      body: {
        username: 'analyst',
        displayName: 'Aoi Analyst',
        role: 'soc_analyst',
        password: PASSWORDS.analyst,
        tenants: ['acme', 'globex'],
      },
    }),
  );
  await unwrap(
    api.client.POST('/api/users', {
      body: { username: 'viewer', role: 'viewer', password: PASSWORDS.viewer, tenants: ['acme'] },
    }),
  );
  const now = Date.now();
  const acme = authEvents(now, 240, 'acme');
  const globex = authEvents(now, 60, 'globex');
  const garbage = ['\u0001\u0002 not a log line at all', '<<<>>> ??? ###'];
  for (const [tenant, events] of [
    ['acme', acme],
    ['globex', globex],
  ] as const) {
    const { secret } = await unwrap(
      api.client.POST('/api/tenants/{id}/ingest-tokens', {
        params: { path: { id: tenant } },
        body: { kind: 'ingest', name: 'browser-test' },
      }),
    );
    const ingest = createApi({ baseUrl: server.url, headers: { authorization: `Bearer ${secret}` } });
    await unwrap(
      ingest.client.POST('/api/ingest', { body: [...events.events, ...(tenant === 'acme' ? garbage : [])] }),
    );
  }
  const total = acme.events.length + globex.events.length + garbage.length;
  await waitFor(async () => {
    const page = await unwrap(
      api.client.POST('/api/events/aggregate', {
        body: { query: '', from: 'now-7d', to: 'now+1h', by: { histogram: { interval: 'auto' } } },
      }),
    );
    return page.total >= total;
  }, `${total} events stored`);
  return {
    server,
    api,
    seeded: {
      acme: acme.events.length + garbage.length,
      globex: globex.events.length,
      failures: acme.failures + globex.failures,
      parseErrors: garbage.length,
    },
    stop: async () => {
      await server.stop();
      server.cleanup();
    },
  };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const USERS = ['root', 'admin', 'oracle', 'tanaka', 'suzuki', 'deploy'];
const SOURCES = ['203.0.113.7', '198.51.100.23', '192.0.2.55', '10.1.4.20', '10.1.4.21'];

/** sshd logins and firewall denies spread over the last twenty hours, deterministic per tenant. */
function authEvents(
  now: number,
  count: number,
  tenant: string,
): { events: Record<string, unknown>[]; failures: number } {
  const events: Record<string, unknown>[] = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const at = new Date(now - 60_000 - Math.floor((((i * 7919) % count) * (20 * 3_600_000)) / count));
    const user = USERS[(i * 5 + tenant.length) % USERS.length]!;
    const source = SOURCES[(i * 3) % SOURCES.length]!;
    const host = `${tenant}-web-0${(i % 3) + 1}`;
    if (i % 4 === 3) {
      const port = [22, 3389, 445, 23][i % 4]!;
      events.push({
        '@timestamp': at.toISOString(),
        message: `deny tcp ${source} -> 192.0.2.10:${port}`,
        event: { kind: 'event', category: ['network'], action: 'deny', outcome: 'failure' },
        source: { ip: source, port: 40000 + i },
        destination: { ip: '192.0.2.10', port },
        observer: { vendor: 'Fortinet', product: 'FortiGate', hostname: `${tenant}-fw-01` },
      });
      continue;
    }
    const failed = i % 3 !== 0;
    if (failed) failures++;
    const text = failed
      ? `Failed password for ${user} from ${source} port ${50000 + i} ssh2`
      : `Accepted publickey for ${user} from ${source} port ${50000 + i} ssh2`;
    events.push({
      '@timestamp': at.toISOString(),
      message: text,
      event: {
        kind: 'event',
        category: ['authentication'],
        action: 'ssh_login',
        outcome: failed ? 'failure' : 'success',
      },
      user: { name: user },
      source: { ip: source, port: 50000 + i },
      host: { name: host },
      process: { name: 'sshd', pid: 1000 + i },
    });
  }
  return { events, failures };
}
