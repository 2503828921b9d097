import { describe, expect, it } from 'vitest';
import {
  defaultPriority,
  dueState,
  groupTasks,
  localized,
  nextPhase,
  phaseSteps,
  roughDuration,
  splitList,
  taskAccess,
  type IncidentTask,
} from './incident-model.js';

function task(id: string, phase: IncidentTask['phase'], order: number): IncidentTask {
  return {
    id,
    phase,
    order,
    checklist: [],
    completedAt: null,
    createdAt: 0,
    description: null,
    dueAt: null,
    incidentId: 'i',
    notes: null,
    owner: null,
    playbook: null,
    role: null,
    status: 'todo',
    templates: [],
    tenant: 't',
    title: { ja: id, en: id },
    updatedAt: 0,
  };
}

describe('phases', () => {
  it('steps through the five phases and stops after post-incident', () => {
    expect(nextPhase('detection_analysis')).toBe('containment');
    expect(nextPhase('recovery')).toBe('post_incident');
    expect(nextPhase('post_incident')).toBeUndefined();
  });
  it('marks earlier phases done and later ones later', () => {
    expect(phaseSteps('eradication').map((s) => s.state)).toEqual([
      'done',
      'done',
      'current',
      'later',
      'later',
    ]);
  });
});

describe('groupTasks', () => {
  it('groups by phase in phase order, each group by order, leaving out empty phases', () => {
    const groups = groupTasks([
      task('r1', 'recovery', 1),
      task('d2', 'detection_analysis', 2),
      task('d1', 'detection_analysis', 1),
      task('c1', 'containment', 5),
    ]);
    expect(groups.map((g) => g.phase)).toEqual(['detection_analysis', 'containment', 'recovery']);
    expect(groups[0]!.tasks.map((t) => t.id)).toEqual(['d1', 'd2']);
  });
});

describe('dueState', () => {
  const now = 1_000_000_000_000;
  it('is overdue when past and still open', () => {
    expect(dueState(now - 5000, now)).toEqual({ kind: 'overdue', ms: 5000 });
  });
  it('says nothing for done work or no due time', () => {
    expect(dueState(now - 5000, now, false)).toEqual({ kind: 'none' });
    expect(dueState(null, now)).toEqual({ kind: 'none' });
  });
  it('is soon within a day and later beyond', () => {
    expect(dueState(now + 3600_000, now).kind).toBe('soon');
    expect(dueState(now + 48 * 3600_000, now).kind).toBe('later');
  });
});

describe('wording helpers', () => {
  it('rounds durations down to their largest unit', () => {
    expect(roughDuration(3 * 86_400_000 + 5)).toEqual({ value: 3, unit: 'd' });
    expect(roughDuration(2 * 3600_000 + 59 * 60_000)).toEqual({ value: 2, unit: 'h' });
    expect(roughDuration(10)).toEqual({ value: 1, unit: 'm' });
  });
  it('picks the UI language and falls back to the other', () => {
    expect(localized({ ja: '封じ込め', en: 'Contain' }, 'ja')).toBe('封じ込め');
    expect(localized({ ja: '封じ込め', en: 'Contain' }, 'en')).toBe('Contain');
    expect(localized({ ja: '', en: 'Contain' }, 'ja')).toBe('Contain');
    expect(localized(null, 'en')).toBe('');
  });
  it('splits typed lists on commas, Japanese commas and lines', () => {
    expect(splitList('alice, bob\ncarol、alice ,')).toEqual(['alice', 'bob', 'carol']);
  });
  it('derives the priority from the severity as the server does', () => {
    expect(defaultPriority('critical')).toBe('P1');
    expect(defaultPriority('high')).toBe('P2');
    expect(defaultPriority('medium')).toBe('P3');
    expect(defaultPriority('low')).toBe('P4');
  });
});

describe('taskAccess', () => {
  it('lets managers change everything', () => {
    expect(taskAccess({ owner: null }, 'u1', true, true)).toBe('all');
  });
  it('lets a commenter work only on their own task', () => {
    expect(taskAccess({ owner: 'u1' }, 'u1', false, true)).toBe('work');
    expect(taskAccess({ owner: 'u2' }, 'u1', false, true)).toBe('none');
  });
  it('lets readers change nothing', () => {
    expect(taskAccess({ owner: 'u1' }, 'u1', false, false)).toBe('none');
  });
});
