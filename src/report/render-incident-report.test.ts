import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { YaguraError } from '../core/errors.js';
import type { IncidentReportKind, ReportLanguage } from './incident-report-data.js';
import { placeholderPaths } from './incident-report-fields.js';
import { sampleIncidentReportData } from './incident-report-fixture.js';
import {
  builtInReportTemplatesDir,
  checkIncidentReportTemplates,
  renderIncidentReportHtml,
} from './render-incident-report.js';

const HEADINGS: Record<IncidentReportKind, Record<ReportLanguage, string[]>> = {
  flash: {
    ja: [
      'インシデント速報（第1報）',
      '件名',
      '発生日時',
      '検知日時',
      '1. 概要',
      '2. 影響範囲',
      '3. 対応状況',
      '4. 今後の対応',
      '連絡先',
    ],
    en: [
      'Incident flash report (Update no. 1)',
      'Subject',
      'Occurred',
      'Detected',
      '1. Summary',
      '2. Impact',
      '3. Actions taken',
      '4. Next steps',
      'Contact',
    ],
  },
  final: {
    ja: [
      'インシデント対応 最終報告書',
      '1. 概要',
      '2. 経緯',
      '3. 原因',
      '4. 影響',
      '5. 対応内容',
      '6. 再発防止策・推奨事項',
      '連絡先',
    ],
    en: [
      'Incident final report',
      '1. Summary',
      '2. Timeline',
      '3. Cause',
      '4. Impact',
      '5. Response',
      '6. Recommendations',
      'Contact',
    ],
  },
};

async function expectTemplateError(promise: Promise<unknown>): Promise<YaguraError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(YaguraError);
  expect((error as YaguraError).code).toBe('REPORT_TEMPLATE_INVALID');
  return error as YaguraError;
}

describe('renderIncidentReportHtml', () => {
  for (const kind of ['flash', 'final'] as const) {
    for (const language of ['ja', 'en'] as const) {
      it(`renders the ${language} ${kind} report with its headings and the incident's values`, async () => {
        const html = await renderIncidentReportHtml(sampleIncidentReportData(), { kind, language });
        expect(html.startsWith('<!doctype html>')).toBe(true);
        expect(html).toContain(`<html lang="${language}">`);
        for (const heading of HEADINGS[kind][language]) expect(html).toContain(heading);
        expect(html).toContain('INC-2025-0042');
        expect(html).toContain('経理部宛て不審メールによる認証情報の窃取');
        expect(html).toContain('<body class="tlp-amber">');
        expect(html).toContain('TLP:AMBER');
        expect(html).not.toContain('{{');
      });
    }
  }

  it('shows times in the tenant time zone and names the zone once', async () => {
    const ja = await renderIncidentReportHtml(sampleIncidentReportData(), { kind: 'flash', language: 'ja' });
    expect(ja).toContain('2025/04/01 09:30'); // occurredAt 00:30Z in Asia/Tokyo
    expect(ja).toContain('2025/04/01 10:00'); // detectedAt
    expect(ja).toContain('Asia/Tokyo (UTC+09:00)');
    const data = sampleIncidentReportData({ tenant: { name: 'Example', timeZone: 'UTC' } });
    const en = await renderIncidentReportHtml(data, { kind: 'flash', language: 'en' });
    expect(en).toContain('2025-04-01 00:30');
    expect(en).toContain('UTC (UTC+00:00)');
  });

  it('keeps a title with markup as text', async () => {
    const data = sampleIncidentReportData();
    data.incident.title = '<script>alert(1)</script>';
    data.sections.summary = '<img src=x onerror=alert(1)>';
    for (const kind of ['flash', 'final'] as const) {
      const html = await renderIncidentReportHtml(data, { kind, language: 'en' });
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });

  it('is standalone: CSS inside, a policy that forbids loading anything, no links to fetch', async () => {
    const html = await renderIncidentReportHtml(sampleIncidentReportData(), {
      kind: 'final',
      language: 'ja',
    });
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@page');
    expect(html).toContain("'Noto Sans CJK JP', 'IPAGothic', 'IPAexGothic', sans-serif");
    expect(html).not.toMatch(/<link|<script|src=|https?:\/\//);
    expect(html).toContain('hxxps://login[.]evil[.]example/m365');
  });

  it('orders the timeline by when things happened and falls back to tasks when no text was written', async () => {
    const data = sampleIncidentReportData({ sections: {} });
    const final = await renderIncidentReportHtml(data, { kind: 'final', language: 'ja' });
    expect(final.indexOf('不審メールを受信')).toBeLessThan(final.indexOf('インシデントを起票'));
    expect(final).toContain('原因の特定には至っていません。');
    const flash = await renderIncidentReportHtml(data, { kind: 'flash', language: 'ja' });
    expect(flash).toContain('報告されたメールの原本入手'); // done task under 対応状況
    expect(flash).toContain('該当アカウントのパスワード再設定（期限: 2025/04/01 15:00）');
    expect(flash).not.toContain('送信元ドメインのブロック'); // skipped: neither done nor to do
    expect(flash).toContain('経理部の社員 2 名が偽のログインページに認証情報を入力しました。\n');
  });

  it('takes null for what is not known, as the incident service stores it', async () => {
    const data = sampleIncidentReportData();
    data.incident.closedAt = null;
    data.incident.occurredAt = null;
    data.incident.priority = 'P2';
    data.incident.status = 'open';
    data.timeline.forEach((t) => (t.eventTime = null));
    data.tasks.forEach((t) => ((t.owner = null), (t.due = null)));
    const html = await renderIncidentReportHtml(data, { kind: 'final', language: 'ja' });
    expect(html).toContain('未完了（対応中）');
    expect(html).toContain('特定できていません');
    expect(html).toContain('高 / P2');
  });

  it('rejects an unknown time zone, TLP level, report kind or language with REPORT_DATA_INVALID', async () => {
    const cases = [
      renderIncidentReportHtml(
        sampleIncidentReportData({ tenant: { name: 'x', timeZone: 'Mars/Olympus' } }),
        {
          kind: 'flash',
          language: 'ja',
        },
      ),
      renderIncidentReportHtml(sampleIncidentReportData(), { kind: 'weekly' as 'flash', language: 'ja' }),
      renderIncidentReportHtml(sampleIncidentReportData(), { kind: 'flash', language: 'fr' as 'ja' }),
    ];
    const bad = sampleIncidentReportData();
    bad.incident.tlp = 'white' as 'clear';
    cases.push(renderIncidentReportHtml(bad, { kind: 'flash', language: 'ja' }));
    for (const pending of cases) await expect(pending).rejects.toMatchObject({ code: 'REPORT_DATA_INVALID' });
  });
});

describe('user templates', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yagura-templates-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replace the built-in files one by one: a user CSS is used by the built-in templates', async () => {
    await writeFile(join(dir, 'incident-report.css'), 'body { color: rebeccapurple; }');
    const html = await renderIncidentReportHtml(sampleIncidentReportData(), {
      kind: 'flash',
      language: 'ja',
      templateDir: dir,
    });
    expect(html).toContain('rebeccapurple');
    expect(html).toContain('2. 影響範囲'); // the built-in template still
    expect(html).not.toContain('@page tlp-amber');
  });

  it('replace a shared partial in both reports of its language and in no other', async () => {
    await writeFile(
      join(dir, 'incident-contact.ja.html'),
      '<div class="contact">窓口: {{author.email}}</div>',
    );
    for (const kind of ['flash', 'final'] as const) {
      const ja = await renderIncidentReportHtml(sampleIncidentReportData(), {
        kind,
        language: 'ja',
        templateDir: dir,
      });
      expect(ja).toContain('<div class="contact">窓口: csirt@example.co.jp</div>');
      expect(ja).not.toContain('電子メール:');
      const en = await renderIncidentReportHtml(sampleIncidentReportData(), {
        kind,
        language: 'en',
        templateDir: dir,
      });
      expect(en).toContain('Email: csirt@example.co.jp');
    }
  });

  it('replace one report template and leave the others built in', async () => {
    await writeFile(
      join(dir, 'incident-flash.en.html'),
      '<html><head><title>{{incident.number}}</title></head><body>Custom {{incident.title}} {{#incident.assignees}}[{{.}}]{{/incident.assignees}}</body></html>',
    );
    const custom = await renderIncidentReportHtml(sampleIncidentReportData(), {
      kind: 'flash',
      language: 'en',
      templateDir: dir,
    });
    expect(custom).toContain('Custom 経理部宛て不審メールによる認証情報の窃取 [山田 太郎][佐藤 花子]');
    expect(custom).toContain("default-src 'none'");
    const builtIn = await renderIncidentReportHtml(sampleIncidentReportData(), {
      kind: 'final',
      language: 'en',
      templateDir: dir,
    });
    expect(builtIn).toContain('Incident final report');
  });

  it('report unknown placeholders with file and line instead of leaving them blank', async () => {
    const file = join(dir, 'incident-flash.ja.html');
    await writeFile(
      file,
      '<html><head></head><body>\n{{incident.title}}\n{{incident.titel}}\n{{#timeline}}{{sumary}}{{/timeline}}</body></html>',
    );
    const error = await expectTemplateError(
      renderIncidentReportHtml(sampleIncidentReportData(), {
        kind: 'flash',
        language: 'ja',
        templateDir: dir,
      }),
    );
    expect(error.message).toContain(`${file}:3: unknown placeholder {{incident.titel}}`);
    expect(error.message).toContain('and 1 more problem');
    expect(error.details?.problems).toEqual([
      `${file}:3: unknown placeholder {{incident.titel}}`,
      `${file}:4: unknown placeholder {{sumary}}`,
    ]);
    expect(await checkIncidentReportTemplates(dir)).toHaveLength(2);
  });

  it('report a template folder that does not exist and a template without <head>', async () => {
    await expectTemplateError(
      renderIncidentReportHtml(sampleIncidentReportData(), {
        kind: 'flash',
        language: 'ja',
        templateDir: join(dir, 'missing'),
      }),
    );
    await writeFile(join(dir, 'incident-final.ja.html'), '<p>{{incident.title}}</p>');
    const error = await expectTemplateError(
      renderIncidentReportHtml(sampleIncidentReportData(), {
        kind: 'final',
        language: 'ja',
        templateDir: dir,
      }),
    );
    expect(error.message).toContain('no <head> element');
  });
});

describe('the built-in templates and their docs', () => {
  it('use only known placeholders', async () => {
    expect(await checkIncidentReportTemplates()).toEqual([]);
  });

  it('are all documented: docs/reports.md names every placeholder', async () => {
    const docs = await readFile(join(builtInReportTemplatesDir(), '..', '..', 'docs', 'reports.md'), 'utf8');
    const missing = placeholderPaths().filter((path) => !docs.includes(`\`${path}\``));
    expect(missing).toEqual([]);
  });
});
