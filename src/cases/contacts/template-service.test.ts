import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import { loadPlaybooks, starterPlaybooksDir } from '../playbooks/load.js';
import { ContactService } from './contact-service.js';
import {
  loadTemplates,
  parseTemplateText,
  playbookTemplates,
  starterTemplatesDir,
} from './template-model.js';
import { TemplateService } from './template-service.js';
import { caseFixture, type CaseFixture } from './test-support.js';

describe('communication templates', () => {
  it('loads the starter library without problems: vendor log request, status check, JPCERT/CC, police', () => {
    const { templates, problems } = loadTemplates(starterTemplatesDir());
    expect(problems).toEqual([]);
    expect(templates.map((t) => t.id).sort()).toEqual([
      'jpcert-incident-report',
      'police-consultation',
      'status-check-request',
      'vendor-log-request',
    ]);
  });

  it('refuses a template file using a placeholder the renderer does not know', () => {
    const text = `id: t\nkind: request\ntitle: {ja: a, en: a}\nsubject: {ja: a, en: a}\nbody: {ja: "{{incident.titel}}", en: b}\n`;
    expect(parseTemplateText(text, 't.yaml').problems).toEqual([
      { message: 'unknown placeholders: {{incident.titel}}', path: 't.yaml' },
    ]);
  });

  it('takes the playbooks’ templates with ids naming the playbook', () => {
    const { playbooks } = loadPlaybooks({ dir: starterPlaybooksDir(), origin: 'starter' });
    const ids = playbookTemplates(playbooks).map((t) => t.id);
    expect(ids).toContain('playbook:malware:status-check-request');
  });
});

describe('TemplateService', () => {
  let f: CaseFixture;
  let contacts: ContactService;
  let service: TemplateService;
  let analyst: Actor;
  let incident: string;

  beforeEach(async () => {
    f = await caseFixture();
    contacts = new ContactService(f.deps);
    const { playbooks } = loadPlaybooks({ dir: starterPlaybooksDir(), origin: 'starter' });
    service = new TemplateService(f.deps, f.incidents, contacts, {
      templates: [...loadTemplates(starterTemplatesDir()).templates, ...playbookTemplates(playbooks)],
      facts: f.incidents,
    });
    analyst = await f.user('ana', 'soc_analyst', ['acme']);
    incident = await f.incidents.add('acme', 'ファイルサーバのランサムウェア感染');
  });
  afterEach(() => f.close());

  it('renders a vendor log request in Japanese with the incident, the contact and the given values', async () => {
    const vendor = await contacts.create(analyst, 'acme', {
      kind: 'vendor',
      organization: '株式会社サンプルクラウド',
      name: '佐藤',
      channels: [],
    });
    const draft = await service.render(analyst, 'vendor-log-request', {
      incidentId: incident,
      contactId: vendor.id,
      values: {
        'sender.organization': 'Acme SOC',
        'sender.email': 'soc@acme.example',
        'period.from': '2025/03/28 00:00',
        'period.to': '2025/04/01 09:00',
        'requested.items': ['VPN 装置の認証ログ', 'ファイアウォールの通信ログ'],
        'reply.by': '4月3日（木）',
      },
    });
    expect(draft.language).toBe('ja');
    expect(draft.subject).toBe('【ログ提供のお願い】INC-2025-0007 ファイルサーバのランサムウェア感染');
    expect(draft.body).toContain('株式会社サンプルクラウド\n佐藤 様');
    expect(draft.body).toContain('Acme SOCのanaです。');
    expect(draft.body).toContain('・VPN 装置の認証ログ\n・ファイアウォールの通信ログ');
    expect(draft.body).toContain('（TLP:AMBER）');
    expect(draft).toMatchObject({ missing: [], unknown: [] });
  });

  it('renders in English for an English-speaking contact and reports what is still missing', async () => {
    const jpcert = await contacts.create(f.cli, null, {
      kind: 'jpcert',
      organization: 'JPCERT/CC',
      language: 'en',
      channels: [],
    });
    const draft = await service.render(analyst, 'jpcert-incident-report', {
      incidentId: incident,
      contactId: jpcert.id,
    });
    expect(draft.language).toBe('en');
    expect(draft.subject).toBe('Incident report: malware infection ({{sender.organization}})');
    expect(draft.body).toContain('Dear Sir or Madam,');
    expect(draft.body).toContain('Detected: 1 Apr 2025, 09:00 GMT+9');
    expect(draft.missing.sort()).toEqual([
      'details',
      'period.from',
      'period.to',
      'requested.items',
      'sender.email',
      'sender.organization',
    ]);
  });

  it('renders a playbook template, listing its fill-in marks', async () => {
    const draft = await service.render(analyst, 'playbook:malware:status-check-request', {
      incidentId: incident,
      language: 'ja',
    });
    expect(draft.subject).toBe('端末利用者への状況確認依頼');
    expect(draft.fillIns).toContain('【ホスト名】');
  });

  it('refuses unknown templates, foreign incidents and foreign contacts', async () => {
    const globex = await f.user('gina', 'soc_analyst', ['globex']);
    await expect(service.render(analyst, 'nope', { incidentId: incident })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      service.render(globex, 'vendor-log-request', { incidentId: incident }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const foreign = await contacts.create(globex, 'globex', {
      kind: 'vendor',
      organization: 'G',
      channels: [],
    });
    await expect(
      service.render(analyst, 'vendor-log-request', { incidentId: incident, contactId: foreign.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      service.render(analyst, 'vendor-log-request', { incidentId: incident, values: { 'Bad Name': 'x' } }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });
});
