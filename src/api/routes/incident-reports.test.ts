import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../access/actor.js';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import { loadCasePlaybooks, openCases } from '../../cases/cases.js';
import { IncidentReportService } from '../../cases/incident-report-service.js';
import { T0 } from '../../triage/test-support.js';
import { openTriage, type Triage } from '../../triage/triage-stage.js';
import { asAdmin, MemoryEventStore, TENANTS, testAccess, testApp, type TestAccess } from '../test-support.js';

let t: TestAccess;
let app: ReturnType<typeof testApp>['app'];
let triage: Triage;
let templates: string;

beforeEach(async () => {
  t = await testAccess({ now: T0 });
  const deps = { db: t.db, audit: t.access.audit, knownTenants: () => TENANTS, clock: () => t.clock.now };
  triage = await openTriage(deps, { flushEveryMs: 60_000 });
  const cases = openCases(deps, {
    playbooks: loadCasePlaybooks().playbooks,
    alerts: triage.alerts,
    store: new MemoryEventStore(),
  });
  templates = mkdtempSync(join(tmpdir(), 'yagura-report-templates-'));
  const reports = new IncidentReportService(deps, { cases }, { organization: 'Acme SOC' });
  ({ app } = testApp({ access: t.access, triage, cases, reports, now: () => t.clock.now }));
});
afterEach(async () => {
  await app.close();
  await triage.stage.close();
  await t.close();
  rmSync(templates, { recursive: true, force: true });
});

async function openIncident(): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/incidents',
    headers: asAdmin,
    payload: {
      tenant: 'acme',
      title: '取引先を装ったフィッシングメール',
      category: 'phishing',
      severity: 'high',
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ incident: { id: string } }>().incident.id;
}

const flash = {
  kind: 'flash',
  language: 'ja',
  sections: {
    summary: '社員 3 名が偽のログインページに認証情報を入力しました。',
    nextSteps: 'パスワードを変更します。',
  },
  recipient: 'Acme 株式会社 情報システム部 御中',
};

describe('/api/incidents/:id/reports', () => {
  it('previews a flash report as HTML without recording it, then generates numbered ones on the timeline', async () => {
    const id = await openIncident();
    const preview = await app.inject({
      method: 'POST',
      url: `/api/incidents/${id}/reports/preview`,
      headers: asAdmin,
      payload: flash,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toContain('text/html');
    expect(preview.body).toContain('取引先を装ったフィッシングメール');
    expect(preview.body).toContain('社員 3 名が偽のログインページに認証情報を入力しました。');
    expect(preview.body).toContain('Acme SOC');
    const none = await app.inject({ method: 'GET', url: `/api/incidents/${id}/reports`, headers: asAdmin });
    expect(none.json().reports).toEqual([]);

    for (const n of [1, 2]) {
      const made = await app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/reports?format=html`,
        headers: asAdmin,
        payload: flash,
      });
      expect(made.statusCode).toBe(200);
      expect(made.headers['x-report-sequence']).toBe(String(n));
      expect(made.headers['content-disposition']).toContain(`flash-${n}.ja.html`);
      expect(made.body).toContain(`第${n}報`);
    }
    const history = await app.inject({
      method: 'GET',
      url: `/api/incidents/${id}/reports`,
      headers: asAdmin,
    });
    expect(history.json().reports).toMatchObject([
      { kind: 'flash', language: 'ja', sequence: 2, sections: flash.sections, recipient: flash.recipient },
      { kind: 'flash', sequence: 1 },
    ]);
    const timeline = await app.inject({
      method: 'GET',
      url: `/api/incidents/${id}/timeline?kind=report`,
      headers: asAdmin,
    });
    expect(timeline.json().entries.map((e: { summary: string }) => e.summary)).toContain(
      'Flash report #2 (ja, HTML) generated',
    );
  });

  it('refuses an unknown section, an unknown kind and a reader who may not manage incidents', async () => {
    const id = await openIncident();
    const bad = await app.inject({
      method: 'POST',
      url: `/api/incidents/${id}/reports/preview`,
      headers: asAdmin,
      payload: { ...flash, sections: { rumour: 'x' } },
    });
    expect(bad.statusCode).toBe(400);
    const kind = await app.inject({
      method: 'POST',
      url: `/api/incidents/${id}/reports/preview`,
      headers: asAdmin,
      payload: { ...flash, kind: 'weekly' },
    });
    expect(kind.statusCode).toBe(400);
    const cli = cliActor();
    const viewer = await t.access.users.create(cli, {
      username: 'viewer1',
      role: 'viewer',
      tenants: ['acme'],
      password: GOOD_PASSWORD,
    });
    const { secret } = await t.access.tokens.create(cli, { userId: viewer.id, name: 'test' });
    const headers = { authorization: `Bearer ${secret}` };
    const refused = await app.inject({
      method: 'POST',
      url: `/api/incidents/${id}/reports`,
      headers,
      payload: flash,
    });
    expect(refused.statusCode).toBe(403);
    const read = await app.inject({ method: 'GET', url: `/api/incidents/${id}/reports`, headers });
    expect(read.statusCode).toBe(200);
  });

  it.skipIf(!existsSync('/usr/bin/chromium') || !hasPdftotext())(
    'prints the flash report as a PDF whose text is the Japanese report',
    async () => {
      const id = await openIncident();
      const made = await app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/reports?format=pdf`,
        headers: asAdmin,
        payload: flash,
      });
      expect(made.statusCode).toBe(200);
      expect(made.headers['content-type']).toBe('application/pdf');
      const pdf = join(templates, 'report.pdf');
      writeFileSync(pdf, made.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('速報');
      expect(text).toContain('取引先を装ったフィッシングメール');
    },
    60_000,
  );
});

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
