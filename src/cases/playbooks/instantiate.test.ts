// Tests for instantiateTasks: which tasks a new incident gets, in what order, due when.
import { describe, expect, it } from 'vitest';
import { isYaguraError } from '../../core/errors.js';
import { instantiateTasks } from './instantiate.js';
import { loadPlaybooks, playbookFor, starterPlaybooksDir } from './load.js';
import type { Playbook, PlaybookTask } from './playbook.js';

const HOUR = 3_600_000;
const createdAt = Date.UTC(2025, 3, 1, 0, 0, 0);

function task(id: string, phase: PlaybookTask['phase'], extra: Partial<PlaybookTask> = {}): PlaybookTask {
  return {
    id,
    phase,
    role: 'csirt',
    title: { ja: `${id} の作業`, en: `Do ${id}` },
    checklist: [{ ja: '確認した', en: 'Checked' }],
    templates: [],
    ...extra,
  };
}

const playbook: Playbook = {
  id: 'test',
  version: 3,
  categories: ['malware'],
  title: { ja: 'テスト', en: 'Test' },
  description: { ja: 'テスト', en: 'Test' },
  origin: 'user',
  source: {},
  tasks: [
    task('triage', 'detection_analysis', { due: '4h', description: { ja: '説明', en: 'Why' } }),
    task('tell-management', 'detection_analysis', { due: '30m', when: { minSeverity: 'high' } }),
    task('isolate', 'containment', { due: '3d', role: 'it_ops' }),
    task('review', 'post_incident'),
  ],
};

describe('instantiateTasks', () => {
  it('makes one task per playbook task, numbered in order, due counted from the incident creation', () => {
    const tasks = instantiateTasks(playbook, { createdAt, severity: 'critical', language: 'ja' });
    expect(tasks.map((t) => [t.order, t.taskId, t.phase, t.role, t.dueAt])).toEqual([
      [1, 'triage', 'detection_analysis', 'csirt', createdAt + 4 * HOUR],
      [2, 'tell-management', 'detection_analysis', 'csirt', createdAt + HOUR / 2],
      [3, 'isolate', 'containment', 'it_ops', createdAt + 72 * HOUR],
      [4, 'review', 'post_incident', 'csirt', undefined],
    ]);
    expect(tasks[3]).not.toHaveProperty('dueAt');
  });

  it('keeps both languages and names the task in the incident language', () => {
    const [ja] = instantiateTasks(playbook, { createdAt, language: 'ja' });
    const [en] = instantiateTasks(playbook, { createdAt, language: 'en' });
    expect(ja).toMatchObject({
      playbookId: 'test',
      playbookVersion: 3,
      name: 'triage の作業',
      language: 'ja',
      title: { ja: 'triage の作業', en: 'Do triage' },
      description: { ja: '説明', en: 'Why' },
      checklist: [{ text: { ja: '確認した', en: 'Checked' }, done: false }],
      templates: [],
    });
    expect(en!.name).toBe('Do triage');
    expect(en!.title).toEqual(ja!.title);
  });

  it('leaves out tasks whose minimum severity the incident does not reach, and renumbers', () => {
    const tasks = instantiateTasks(playbook, { createdAt, severity: 'medium', language: 'en' });
    expect(tasks.map((t) => [t.order, t.taskId])).toEqual([
      [1, 'triage'],
      [2, 'isolate'],
      [3, 'review'],
    ]);
    expect(instantiateTasks(playbook, { createdAt, severity: 'high', language: 'en' })).toHaveLength(4);
  });

  it('keeps conditional tasks while the severity is not known', () => {
    expect(instantiateTasks(playbook, { createdAt, language: 'en' }).map((t) => t.taskId)).toContain(
      'tell-management',
    );
  });

  it('refuses a creation time that is not a time', () => {
    try {
      instantiateTasks(playbook, { createdAt: Number.NaN, language: 'en' });
      expect.unreachable();
    } catch (e) {
      expect(isYaguraError(e) && e.code).toBe('TIME_INVALID');
    }
  });

  it('does not change the playbook it reads', () => {
    const before = JSON.stringify(playbook);
    const tasks = instantiateTasks(playbook, { createdAt, language: 'en' });
    tasks[0]!.checklist.length = 0;
    expect(JSON.stringify(playbook)).toBe(before);
  });

  it('plans the starter phishing playbook for a low-severity incident', () => {
    const { playbooks } = loadPlaybooks({ dir: starterPlaybooksDir(), origin: 'starter' });
    const phishing = playbookFor('phishing', playbooks)!;
    const tasks = instantiateTasks(phishing, { createdAt, severity: 'low', language: 'ja' });
    expect(tasks.map((t) => t.taskId)).not.toContain('warn-users');
    expect(tasks[0]).toMatchObject({ taskId: 'obtain-original-mail', name: '報告されたメールの原本入手' });
    expect(tasks.every((t) => t.dueAt === undefined || t.dueAt > createdAt)).toBe(true);
  });
});
