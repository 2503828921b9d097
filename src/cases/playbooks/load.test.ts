// Tests for the playbook loader: the starter set loads cleanly, and bad files report what and where.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isYaguraError } from '../../core/errors.js';
import {
  assertPlaybooksValid,
  loadPlaybooks,
  playbookFor,
  problemText,
  starterPlaybooksDir,
  type PlaybookProblem,
} from './load.js';
import { INCIDENT_CATEGORIES, RESPONSE_PHASES, type LocalizedText, type Playbook } from './playbook.js';

const starter = () => loadPlaybooks({ dir: starterPlaybooksDir(), origin: 'starter' });

function allTexts(p: Playbook): LocalizedText[] {
  return [
    p.title,
    p.description,
    ...p.tasks.flatMap((t) => [
      t.title,
      ...(t.description ? [t.description] : []),
      ...t.checklist,
      ...t.templates.flatMap((tpl) => [tpl.title, tpl.body]),
    ]),
  ];
}

describe('the starter playbooks', () => {
  it('load without a single problem', () => {
    const { problems } = starter();
    expect(problems.map(problemText)).toEqual([]);
  });

  it('give every incident category its own playbook', () => {
    const { playbooks } = starter();
    for (const category of INCIDENT_CATEGORIES) {
      const chosen = playbookFor(category, playbooks);
      expect(chosen?.categories, category).toContain(category);
    }
    expect(playbooks).toHaveLength(INCIDENT_CATEGORIES.length);
  });

  it('write every text in Japanese and in English, and the Japanese one in Japanese', () => {
    for (const p of starter().playbooks) {
      for (const text of allTexts(p)) {
        expect(text.ja.trim(), p.id).not.toBe('');
        expect(text.en.trim(), p.id).not.toBe('');
        expect(text.ja, `${p.id}: ${text.en}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(text.en, `${p.id}: ${text.en}`).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
  });

  it('hold 8 to 20 tasks each, spread over the phases, with the templates a CSIRT sends', () => {
    for (const p of starter().playbooks) {
      expect(p.tasks.length, p.id).toBeGreaterThanOrEqual(8);
      expect(p.tasks.length, p.id).toBeLessThanOrEqual(20);
      expect(new Set(p.tasks.map((t) => t.phase)), p.id).toEqual(new Set(RESPONSE_PHASES));
      const templates = p.tasks.flatMap((t) => t.templates.map((tpl) => tpl.id));
      expect(templates, p.id).toContain('vendor-log-request');
      expect(templates, p.id).toContain('status-check-request');
      for (const t of p.tasks) expect(t.checklist.length, `${p.id}/${t.id}`).toBeGreaterThan(0);
    }
  });

  it('keep tasks in phase order', () => {
    for (const p of starter().playbooks) {
      const order = p.tasks.map((t) => RESPONSE_PHASES.indexOf(t.phase));
      expect(order, p.id).toEqual([...order].sort((a, b) => a - b));
    }
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'yagura-playbooks-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A valid playbook file; `lines` replace the task block (which starts on line 12). */
function playbookYaml(id: string, category: string, taskLines?: string): string {
  return [
    `id: ${id}`,
    'version: 1',
    `category: ${category}`,
    'title:',
    '  ja: テスト',
    '  en: Test',
    'description:',
    '  ja: テスト用',
    '  en: For tests',
    'phases:',
    '  detection_analysis:',
    taskLines ??
      [
        '    - id: triage',
        '      role: soc_analyst',
        '      due: 4h',
        '      title:',
        '        ja: 一次切り分け',
        '        en: Triage',
      ].join('\n'),
    '',
  ].join('\n');
}

const only = (problems: PlaybookProblem[]) =>
  problems.filter((p) => p.severity === 'error').map((p) => ({ line: p.line, message: p.message }));

describe('loadPlaybooks on bad files', () => {
  it('reports a missing language at the line of the text', () => {
    const dir = folder({
      'a.yaml': playbookYaml(
        'a',
        'malware',
        ['    - id: triage', '      role: soc_analyst', '      title:', '        ja: 一次切り分け'].join(
          '\n',
        ),
      ),
    });
    const { playbooks, problems } = loadPlaybooks({ dir, origin: 'user' });
    expect(playbooks).toEqual([]);
    expect(only(problems)).toEqual([
      {
        line: 14,
        message: 'phases.detection_analysis[0].title.en: the English text (en) is missing',
      },
    ]);
    expect(problems[0]!.path).toBe(join(dir, 'a.yaml'));
  });

  it('reports a task id used twice at the second one, naming the first', () => {
    const task = (due: string) =>
      [
        '    - id: triage',
        '      role: soc_analyst',
        `      due: ${due}`,
        '      title: { ja: 切り分け, en: Triage }',
      ].join('\n');
    const dir = folder({ 'a.yaml': playbookYaml('a', 'malware', `${task('1h')}\n${task('2h')}`) });
    expect(only(loadPlaybooks({ dir, origin: 'user' }).problems)).toEqual([
      {
        line: 16,
        message: 'task id "triage" is used twice (first at phases.detection_analysis[0])',
      },
    ]);
  });

  it('reports a bad due offset and an unknown category, each at its own line, from one file', () => {
    const dir = folder({
      'a.yaml': playbookYaml(
        'a',
        'malwear',
        [
          '    - id: triage',
          '      role: soc_analyst',
          '      due: 4 hours',
          '      title: { ja: 切り分け, en: Triage }',
        ].join('\n'),
      ),
    });
    expect(only(loadPlaybooks({ dir, origin: 'user' }).problems)).toEqual([
      {
        line: 3,
        message: expect.stringMatching(/^category\[0\]: category must be one of malware, phishing/),
      },
      {
        line: 14,
        message: 'phases.detection_analysis[0].due: due must be a whole number and a unit: 30m, 4h, 3d or 2w',
      },
    ]);
  });

  it('collects the problems of every file, and flags unknown keys and YAML errors', () => {
    const dir = folder({
      'a.yaml': playbookYaml('a', 'malware').replace('version: 1', 'version: 1\nowner: me'),
      'b.yaml': 'id: b\ntitle: [unclosed\n',
      'c.yml': playbookYaml('c', '[phishing, dos]'),
      'notes.txt': 'not a playbook',
    });
    const { playbooks, problems } = loadPlaybooks({ dir, origin: 'user' });
    expect(playbooks.map((p) => p.id)).toEqual(['c']);
    expect(playbooks[0]!.categories).toEqual(['phishing', 'dos']);
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.path?.slice(dir.length + 1), p.line])).toEqual([
      ['a.yaml', 3],
      ['b.yaml', expect.any(Number)],
    ]);
    expect(errors[0]!.message).toBe('owner: unknown key (check its spelling)');
    expect(errors[1]!.message).toMatch(/^YAML: /);
  });

  it('rejects a playbook id used by two files of one folder', () => {
    const dir = folder({ 'a.yaml': playbookYaml('same', 'malware'), 'b.yaml': playbookYaml('same', 'dos') });
    const { playbooks, problems } = loadPlaybooks({ dir, origin: 'user' });
    expect(playbooks.map((p) => p.source.path)).toEqual([join(dir, 'a.yaml')]);
    expect(only(problems)).toEqual([
      { line: 1, message: `playbook id "same" is already used by ${join(dir, 'a.yaml')}` },
    ]);
  });

  it('warns, without failing, when a user folder leaves categories without a playbook', () => {
    const dir = folder({ 'a.yaml': playbookYaml('a', 'malware') });
    const result = loadPlaybooks({ dir, origin: 'user' });
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'no playbook handles the categories phishing, unauthorized_access, dos, data_leak, web_defacement, insider, vulnerability, other',
      }),
    ]);
    expect(() => assertPlaybooksValid(result)).not.toThrow();
  });

  it('throws one YaguraError listing every error, located at the first', () => {
    const dir = folder({ 'a.yaml': 'id: a\n' });
    const result = loadPlaybooks({ dir, origin: 'starter' });
    try {
      assertPlaybooksValid(result);
      expect.unreachable();
    } catch (e) {
      expect(isYaguraError(e) && e.code).toBe('PLAYBOOK_INVALID');
      if (!isYaguraError(e)) return;
      expect(e.details?.location).toEqual({ path: join(dir, 'a.yaml'), line: 1 });
      expect(e.message).toMatch(/no playbook handles the categories malware/);
    }
  });

  it('reports a missing folder', () => {
    const { problems } = loadPlaybooks({ dir: join(tmpdir(), 'yagura-no-such-folder'), origin: 'user' });
    expect(problems[0]!.message).toBe('the playbook folder does not exist or is not a folder');
  });
});

describe('playbookFor', () => {
  it('prefers a user playbook with the same id over the starter one', () => {
    const dir = folder({ 'phishing.yaml': playbookYaml('phishing', 'phishing') });
    const { playbooks, problems } = loadPlaybooks([
      { dir: starterPlaybooksDir(), origin: 'starter' },
      { dir, origin: 'user' },
    ]);
    expect(problems).toEqual([]);
    const chosen = playbookFor('phishing', playbooks);
    expect(chosen?.origin).toBe('user');
    expect(chosen?.title.en).toBe('Test');
    expect(playbookFor('malware', playbooks)?.origin).toBe('starter');
  });

  it('prefers a user playbook for the category even under another id, and the most specific one', () => {
    const dir = folder({
      'broad.yaml': playbookYaml('broad', '[dos, malware]'),
      'narrow.yaml': playbookYaml('narrow', 'dos'),
    });
    const { playbooks } = loadPlaybooks([
      { dir: starterPlaybooksDir(), origin: 'starter' },
      { dir, origin: 'user' },
    ]);
    expect(playbookFor('dos', playbooks)?.id).toBe('narrow');
    expect(playbookFor('malware', playbooks)?.id).toBe('broad');
  });

  it('falls back to the playbook for "other"', () => {
    const dir = folder({ 'other.yaml': playbookYaml('generic', 'other') });
    const { playbooks } = loadPlaybooks({ dir, origin: 'user' });
    expect(playbookFor('insider', playbooks)?.id).toBe('generic');
    expect(playbookFor('insider', [])).toBeUndefined();
  });
});
