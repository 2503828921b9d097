import { describe, expect, it } from 'vitest';
import { entityKey, type Entity } from './entity.js';
import { OpenAlerts, SAMPLE_FIRST, SAMPLE_LAST, samplesOf, type Placement } from './open-alerts.js';
import { HOUR, MINUTE, T0 } from './test-support.js';

let ids = 0;
function openAlerts(criticality?: number): OpenAlerts {
  return new OpenAlerts({
    windowMs: () => HOUR,
    newId: () => `a${++ids}`,
    assess: () => ({
      ...(criticality !== undefined ? { criticality } : {}),
      assetIds: criticality ? ['asset-1'] : [],
    }),
  });
}

function at(
  time: number,
  entity: Entity = { 'host.name': 'ws01' },
  extra: Partial<Placement> = {},
): Placement {
  const ruleId = extra.ruleId ?? 'r1';
  return {
    tenant: 'acme',
    ruleId,
    ruleTitle: 'Rule one',
    level: 'medium',
    kind: 'sigma',
    time,
    eventIds: [`e${time}`],
    intel: false,
    entity,
    entityKey: entityKey(entity),
    firstEvent: undefined,
    ...extra,
  };
}

describe('OpenAlerts', () => {
  it('puts findings of one rule and entity within the window into one alert', () => {
    const open = openAlerts();
    const first = open.place(at(T0), T0);
    const second = open.place(at(T0 + 30 * MINUTE), T0);
    const third = open.place(at(T0 + 59 * MINUTE), T0);
    expect(first.created).toBe(true);
    expect(second).toEqual({ alert: first.alert, created: false });
    expect(third.alert).toBe(first.alert);
    expect(first.alert).toMatchObject({
      findings: 3,
      events: 3,
      firstSeen: T0,
      lastSeen: T0 + 59 * MINUTE,
      windowEnd: T0 + HOUR,
    });
  });

  it('starts a new alert when the window has passed, for another entity and for another rule', () => {
    const open = openAlerts();
    const a = open.place(at(T0), T0).alert;
    const later = open.place(at(T0 + HOUR), T0);
    const otherHost = open.place(at(T0 + 1, { 'host.name': 'ws02' }), T0);
    const otherRule = open.place(at(T0 + 2, { 'host.name': 'ws01' }, { ruleId: 'r2' }), T0);
    for (const p of [later, otherHost, otherRule]) {
      expect(p.created).toBe(true);
      expect(p.alert).not.toBe(a);
    }
    expect(open.size).toBe(4);
  });

  it('lets a late finding join the burst it belongs to and moves first seen back', () => {
    const open = openAlerts();
    const a = open.place(at(T0), T0).alert;
    const b = open.place(at(T0 + 2 * HOUR), T0).alert;
    expect(open.place(at(T0 + 30 * MINUTE), T0).alert).toBe(a);
    expect(open.place(at(T0 + 2 * HOUR - 10 * MINUTE), T0).alert).toBe(b);
    expect(b.firstSeen).toBe(T0 + 2 * HOUR - 10 * MINUTE);
    const old = open.place(at(T0 - 5 * HOUR), T0);
    expect(old.created).toBe(true);
    expect(open.place(at(T0 - 5 * HOUR + MINUTE), T0).alert).toBe(old.alert);
  });

  it('starts a new alert after the open one was resolved (closed in memory)', () => {
    const open = openAlerts();
    const a = open.place(at(T0), T0).alert;
    open.close(a.id);
    const next = open.place(at(T0 + MINUTE), T0);
    expect(next.created).toBe(true);
    expect(next.alert.id).not.toBe(a.id);
  });

  it('keeps a bounded sample: the first and the latest event ids', () => {
    const open = openAlerts();
    let alert = open.place(at(T0), T0).alert;
    for (let i = 1; i < 50; i++) alert = open.place(at(T0 + i * 1000), T0).alert;
    const samples = samplesOf(alert);
    expect(samples).toHaveLength(SAMPLE_FIRST + SAMPLE_LAST);
    expect(samples.slice(0, SAMPLE_FIRST)).toEqual([0, 1, 2, 3, 4].map((i) => `e${T0 + i * 1000}`));
    expect(samples.slice(SAMPLE_FIRST)).toEqual([45, 46, 47, 48, 49].map((i) => `e${T0 + i * 1000}`));
  });

  it('takes the criticality of the assets at creation and raises severity on the first intel hit', () => {
    const open = openAlerts(5);
    const alert = open.place(at(T0), T0).alert;
    expect(alert).toMatchObject({
      criticality: 5,
      assetIds: ['asset-1'],
      severity: { score: 70, level: 'high' },
    });
    open.place(at(T0 + 1, undefined, { intel: true }), T0);
    expect(alert.intelHits).toBe(1);
    expect(alert.severity).toEqual({ score: 85, level: 'critical' });
  });

  it('drops groups idle for a whole window of wall-clock time from memory', () => {
    const open = openAlerts();
    open.place(at(T0), T0);
    open.place(at(T0, { 'host.name': 'ws02' }), T0 + 50 * MINUTE);
    expect(open.sweep(T0 + HOUR + 1)).toBe(1);
    expect(open.size).toBe(1);
  });
});
