import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { finding, MINUTE, RULE_A, RULE_B, T0 } from '../triage/test-support.js';
import { instantiateTasks } from './playbooks/instantiate.js';
import { playbookFor } from './playbooks/load.js';
import { casesFixture, type CasesFixture } from './test-support.js';

let f: CasesFixture;
let analyst: Actor;
beforeEach(async () => {
  f = await casesFixture();
  analyst = await f.user('aiko', 'soc_analyst', ['acme']);
});
afterEach(() => f.close());

async function alertIds(): Promise<string[]> {
  const { alerts } = await f.triage.alerts.list(analyst, { limit: 10 });
  return alerts.map((a) => a.id);
}

describe('IncidentService.create', () => {
  it("opens an incident with its category's playbook tasks in the tenant's language, numbered per tenant", async () => {
    const detail = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'Ransomware on the file server',
      category: 'malware',
      severity: 'critical',
      source: 'customer_report',
    });
    const playbook = playbookFor('malware', f.cases.playbooks())!;
    expect(detail.incident).toMatchObject({
      tenant: 'acme',
      ref: 'INC-2025-0001',
      category: 'malware',
      severity: 'critical',
      priority: 'P1',
      tlp: 'amber',
      phase: 'detection_analysis',
      status: 'open',
      source: 'customer_report',
      language: 'ja',
      playbook: { id: playbook.id, version: playbook.version },
    });
    expect(detail.tasks.length).toBe(playbook.tasks.length);
    expect(detail.tasks[0]).toMatchObject({
      phase: 'detection_analysis',
      status: 'todo',
      order: 1,
      title: playbook.tasks[0]!.title,
      playbook: { id: playbook.id, taskId: playbook.tasks[0]!.id },
    });
    expect(detail.tasks[0]!.checklist.every((c) => c.done === false)).toBe(true);
    const second = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'Phish',
      category: 'phishing',
    });
    expect(second.incident.ref).toBe('INC-2025-0002');
    const timeline = await f.cases.timeline.list(analyst, detail.incident.id);
    expect(timeline.map((e) => e.kind)).toEqual(['created']);
    expect((await f.auditEntries('incident.create')).map((e) => e.outcome)).toEqual(['success', 'success']);
  });

  it('refuses bad input with a reason', async () => {
    await expect(
      f.cases.incidents.create(analyst, { tenant: 'acme', title: '  ', category: 'malware' }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID', message: 'The title is empty' });
    await expect(
      f.cases.incidents.create(analyst, { tenant: 'acme', title: 'x', category: 'alien' as never }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID', message: /category must be one of/ });
    await expect(
      f.cases.incidents.create(analyst, {
        tenant: 'acme',
        title: 'x',
        category: 'other',
        affectedAssets: ['nope'],
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID', message: /No asset "nope"/ });
  });
});

describe('IncidentService.createFromAlerts', () => {
  it('merges two alerts with overlapping entities without duplicating observables, assets or users', async () => {
    const asset = await f.triage.assets.create(f.cli, 'acme', {
      name: 'WS01',
      hostnames: ['ws01'],
      criticality: 4,
    });
    await f.record([
      finding({
        ruleId: RULE_A,
        time: T0,
        fields: { 'host.name': 'WS01', 'user.name': 'taro', 'source.ip': '10.0.0.5' },
        matched: { 'destination.ip': '203.0.113.9', 'process.command_line': 'powershell -enc AAAA' },
      }),
      finding({
        ruleId: RULE_B,
        title: 'Beacon to a known C2',
        level: 'critical',
        time: T0 + 5 * MINUTE,
        fields: { 'host.name': 'ws01', 'user.name': 'taro', 'source.ip': '10.0.0.5' },
        matched: { 'destination.ip': '203.0.113.9', 'dns.question.name': 'evil.example.com' },
      }),
    ]);
    const ids = await alertIds();
    expect(ids).toHaveLength(2);
    const detail = await f.cases.incidents.createFromAlerts(analyst, ids, { category: 'malware' });
    expect(detail.incident).toMatchObject({
      source: 'alerts',
      title: 'Beacon to a known C2',
      severity: 'critical',
      affectedAssets: [asset.id],
      affectedUsers: ['taro'],
    });
    expect([...detail.alertIds].sort()).toEqual([...ids].sort());
    const observed = detail.observables.map((o) => `${o.type}:${o.value}`).sort();
    expect(observed).toEqual([
      'domain:evil.example.com',
      'host:ws01',
      'ip:10.0.0.5',
      'ip:203.0.113.9',
      'user:taro',
    ]);
    const host = detail.observables.find((o) => o.type === 'host')!;
    expect([host.firstSeen, host.lastSeen, host.source]).toEqual([T0, T0 + 5 * MINUTE, 'alert']);
    const alertEntries = await f.cases.timeline.list(analyst, detail.incident.id, { kinds: ['alert'] });
    expect(alertEntries.map((e) => e.eventTime)).toEqual([T0, T0 + 5 * MINUTE]);
    expect(alertEntries.map((e) => e.ref?.type)).toEqual(['alert', 'alert']);

    // Linking them again (and a new alert with the same entity) adds nothing twice.
    await f.record([
      finding({
        ruleId: RULE_A,
        time: T0 + 2 * 3_600_000,
        fields: { 'host.name': 'ws01', 'user.name': 'taro' },
      }),
    ]);
    const third = (await alertIds()).find((id) => !ids.includes(id))!;
    const again = await f.cases.incidents.addAlerts(analyst, detail.incident.id, [...ids, third]);
    expect(again.alertIds).toHaveLength(3);
    expect(again.observables).toHaveLength(5);
    expect(again.incident.affectedAssets).toEqual([asset.id]);
    expect(again.observables.find((o) => o.type === 'host')!.lastSeen).toBe(T0 + 2 * 3_600_000);
    expect(await f.cases.timeline.list(analyst, detail.incident.id, { kinds: ['alert'] })).toHaveLength(3);
  });

  it('refuses alerts of two tenants', async () => {
    const admin = await f.user('root', 'admin', []);
    await f.record([
      finding({ fields: { 'host.name': 'a1' } }),
      finding({ tenant: 'globex', fields: { 'host.name': 'g1' } }),
    ]);
    const { alerts } = await f.triage.alerts.list(admin, { limit: 10 });
    await expect(
      f.cases.incidents.createFromAlerts(
        admin,
        alerts.map((a) => a.id),
      ),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID', message: /several tenants/ });
  });
});

describe('tenant isolation', () => {
  it("keeps one tenant's incidents from another's users: FORBIDDEN for them, NOT_FOUND for a missing id", async () => {
    const { incident } = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'A',
      category: 'dos',
    });
    const other = await f.user('gil', 'soc_analyst', ['globex']);
    await expect(f.cases.incidents.get(other, incident.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.cases.timeline.list(other, incident.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.cases.observables.csv(other, incident.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      f.cases.incidents.create(other, { tenant: 'acme', title: 'x', category: 'dos' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await f.cases.incidents.list(other, { limit: 10 })).incidents).toEqual([]);
    const admin = await f.user('root', 'admin', []);
    await expect(f.cases.incidents.get(admin, '0'.repeat(24))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await f.auditEntries('incident.read')).some((e) => e.outcome === 'denied')).toBe(true);
  });

  it("lets the customer's CSIRT read and comment, work their own task, but not manage", async () => {
    const { incident, tasks } = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'Phishing wave',
      category: 'phishing',
    });
    const csirt = await f.user('cathy', 'csirt', ['acme']);
    const comment = await f.cases.timeline.comment(csirt, incident.id, 'Our users got 30 of these.');
    expect(comment).toMatchObject({ kind: 'comment', actor: { name: 'cathy' } });
    await expect(f.cases.incidents.setPhase(csirt, incident.id, 'containment')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const task = tasks[0]!;
    await expect(
      f.cases.tasks.update(csirt, incident.id, task.id, { status: 'in_progress' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await f.cases.tasks.update(analyst, incident.id, task.id, { owner: 'cathy' });
    const worked = await f.cases.tasks.update(csirt, incident.id, task.id, {
      status: 'in_progress',
      checklist: [{ index: 0, done: true }],
      notes: 'Checked the mail gateway.',
    });
    expect(worked.status).toBe('in_progress');
    expect(worked.checklist[0]).toMatchObject({ done: true, doneBy: csirt.id });
    await expect(f.cases.tasks.update(csirt, incident.id, task.id, { dueAt: T0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const mine = await f.cases.tasks.assignedToMe(csirt, { limit: 10 });
    expect(mine.map((t) => t.id)).toEqual([task.id]);
  });
});

describe('changes and the timeline', () => {
  it('puts every change on the timeline and in the audit log', async () => {
    const { incident, tasks } = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'Brute force on VPN',
      category: 'unauthorized_access',
    });
    const id = incident.id;
    const other = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'Older',
      category: 'other',
    });
    await f.cases.incidents.update(analyst, id, { severity: 'high', tlp: 'red' });
    await f.cases.incidents.setPhase(analyst, id, 'containment', 'VPN account locked');
    await f.cases.incidents.assign(analyst, id, ['aiko']);
    await f.cases.incidents.link(analyst, id, other.incident.id, 'parent');
    await f.cases.tasks.update(analyst, id, tasks[0]!.id, { status: 'done' });
    await f.cases.tasks.create(analyst, id, {
      phase: 'recovery',
      title: 'Reset passwords',
      checklist: ['all admins'],
    });
    await f.cases.observables.add(analyst, id, { type: 'ip', value: '198.51.100[.]7' });
    await f.cases.timeline.add(analyst, id, { summary: 'Customer called', eventTime: T0 - 3_600_000 });
    await f.cases.incidents.close(analyst, id, 'Contained and cleaned');
    await expect(f.cases.incidents.close(analyst, id, 'again')).rejects.toMatchObject({ code: 'CONFLICT' });
    const reopened = await f.cases.incidents.reopen(analyst, id, 'Same source came back');
    expect(reopened).toMatchObject({
      status: 'open',
      severity: 'high',
      tlp: 'red',
      phase: 'containment',
      closedAt: null,
    });

    const entries = await f.cases.timeline.list(analyst, id);
    expect(entries[0]).toMatchObject({ kind: 'manual', eventTime: T0 - 3_600_000, recordedAt: T0 });
    expect(entries.map((e) => e.kind).sort()).toEqual(
      [
        'created',
        'status',
        'phase',
        'assignment',
        'status',
        'task',
        'task',
        'observable',
        'manual',
        'status',
        'status',
      ].sort(),
    );
    const actions = (await f.auditEntries('incident.')).map((e) => e.action);
    for (const a of [
      'incident.update',
      'incident.phase',
      'incident.assign',
      'incident.link',
      'incident.task.update',
      'incident.task.create',
      'incident.observables.add',
      'incident.timeline.add',
      'incident.close',
      'incident.reopen',
    ])
      expect(actions).toContain(a);
    const detail = await f.cases.incidents.get(analyst, id);
    expect(detail.links).toEqual([
      expect.objectContaining({ incidentId: other.incident.id, relation: 'parent' }),
    ]);
    const back = await f.cases.incidents.get(analyst, other.incident.id);
    expect(back.links).toEqual([expect.objectContaining({ incidentId: id, relation: 'child' })]);
    const phaseOnly = await f.cases.timeline.list(analyst, id, { kinds: ['phase'] });
    expect(phaseOnly.map((e) => e.summary)).toEqual([
      'Phase detection_analysis → containment: VPN account locked',
    ]);
    expect(await f.cases.timeline.list(analyst, id, { from: T0 - 7_200_000, to: T0 - 1 })).toHaveLength(1);
  });

  it('lists with filters and pages', async () => {
    for (let i = 0; i < 5; i++) {
      f.clock.now = T0 + i * MINUTE;
      await f.cases.incidents.create(analyst, {
        tenant: 'acme',
        title: `Case ${i}`,
        category: i % 2 ? 'malware' : 'dos',
        severity: i === 4 ? 'critical' : 'low',
      });
    }
    const first = await f.cases.incidents.list(analyst, { limit: 2 });
    expect(first.incidents.map((i) => i.title)).toEqual(['Case 4', 'Case 3']);
    const second = await f.cases.incidents.list(analyst, { limit: 2, cursor: first.next! });
    expect(second.incidents.map((i) => i.title)).toEqual(['Case 2', 'Case 1']);
    expect(
      (await f.cases.incidents.list(analyst, { limit: 10, category: ['malware'] })).incidents,
    ).toHaveLength(2);
    expect((await f.cases.incidents.list(analyst, { limit: 10, severity: 'high' })).incidents).toHaveLength(
      1,
    );
    expect((await f.cases.incidents.list(analyst, { limit: 10, text: 'case 3' })).incidents).toHaveLength(1);
    expect(
      (await f.cases.incidents.list(analyst, { limit: 10, text: 'INC-2025-0002' })).incidents[0]!.title,
    ).toBe('Case 1');
    expect((await f.cases.incidents.list(analyst, { limit: 10, text: '100%' })).incidents).toHaveLength(0);
    expect((await f.cases.incidents.list(analyst, { limit: 10, assignee: null })).incidents).toHaveLength(5);
    expect(
      (await f.cases.incidents.list(analyst, { limit: 10, assignee: analyst.id })).incidents,
    ).toHaveLength(0);
  });

  it('exports the timeline as CSV that quotes and neutralizes formulas', async () => {
    const { incident } = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'T',
      category: 'other',
    });
    await f.cases.timeline.add(analyst, incident.id, {
      summary: '=HYPERLINK("http://x","click"), then more',
    });
    const { filename, text } = await f.cases.timeline.csv(analyst, incident.id);
    expect(filename).toBe('INC-2025-0001-timeline.csv');
    const lines = text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('event_time,recorded_at,kind,summary,actor,ref_type,ref_id');
    expect(lines[2]).toBe(
      `,${new Date(T0).toISOString()},manual,"'=HYPERLINK(""http://x"",""click""), then more",aiko,,`,
    );
  });
});

describe('changing the category', () => {
  it("adds the new category's playbook tasks after the existing ones, which stay as they are", async () => {
    const created = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'Strange mail attachment',
      category: 'malware',
      severity: 'high',
    });
    const id = created.incident.id;
    const before = created.tasks;
    await f.cases.tasks.update(analyst, id, before[0]!.id, { status: 'done', notes: 'Sample isolated.' });
    const own = await f.cases.tasks.create(analyst, id, { phase: 'containment', title: 'Call the customer' });
    const kept = (await f.cases.incidents.get(analyst, id)).tasks;

    f.clock.now = T0 + 3_600_000;
    const updated = await f.cases.incidents.update(analyst, id, { category: 'phishing', severity: 'low' });
    const phishing = playbookFor('phishing', f.cases.playbooks())!;
    const planned = instantiateTasks(phishing, { createdAt: f.clock.now, severity: 'low', language: 'ja' });
    expect(planned.length).toBeLessThan(phishing.tasks.length); // a minSeverity task left out at low
    expect(updated).toMatchObject({
      category: 'phishing',
      severity: 'low',
      playbook: { id: phishing.id, version: phishing.version },
    });

    const tasks = (await f.cases.incidents.get(analyst, id)).tasks;
    expect(tasks.slice(0, kept.length)).toEqual(kept);
    expect(tasks.find((t) => t.id === before[0]!.id)).toMatchObject({
      status: 'done',
      notes: 'Sample isolated.',
    });
    expect(tasks.some((t) => t.id === own.id)).toBe(true);
    const added = tasks.slice(kept.length);
    expect(added.map((t) => [t.playbook?.id, t.playbook?.taskId, t.dueAt, t.status])).toEqual(
      planned.map((p) => [phishing.id, p.taskId, p.dueAt ?? null, 'todo']),
    );
    expect(added.map((t) => t.order)).toEqual(planned.map((_, i) => kept.length + i + 1));

    const entries = await f.cases.timeline.list(analyst, id, { kinds: ['task'], from: f.clock.now });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'task',
      summary:
        `Category malware → phishing: ${planned.length} tasks of playbook ` +
        `"${phishing.title.ja}" (phishing) added`,
      actor: { name: 'aiko' },
    });
    const audit = (await f.auditEntries('incident.update')).at(-1)!;
    expect(audit.details).toMatchObject({
      changes: expect.arrayContaining([{ field: 'category', from: 'malware', to: 'phishing' }]),
      playbook: { id: phishing.id, version: phishing.version },
      tasksAdded: added.map((t) => t.id),
    });
  });

  it('adds nothing when the tasks of that playbook are there already, or when the category stays', async () => {
    const { incident, tasks } = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'DDoS or phishing?',
      category: 'dos',
    });
    const id = incident.id;
    await f.cases.incidents.update(analyst, id, { category: 'phishing' });
    const afterFirst = (await f.cases.incidents.get(analyst, id)).tasks;
    expect(afterFirst.length).toBeGreaterThan(tasks.length);
    // Back to dos: its tasks came with the incident, so none are added twice.
    await f.cases.incidents.update(analyst, id, { category: 'dos' });
    await f.cases.incidents.update(analyst, id, { category: 'dos', title: 'DDoS after all' });
    expect((await f.cases.incidents.get(analyst, id)).tasks).toEqual(afterFirst);
    const taskEntries = await f.cases.timeline.list(analyst, id, { kinds: ['task'] });
    expect(taskEntries.map((e) => e.summary)).toEqual([expect.stringMatching(/^Category dos → phishing: /)]);
    const audits = await f.auditEntries('incident.update');
    expect(audits.map((a) => 'tasksAdded' in (a.details ?? {}))).toEqual([true, false, false]);
  });

  it('gives an incident opened without a playbook the tasks of its new category', async () => {
    const admin = await f.user('root', 'admin', []);
    const { incident, tasks } = await f.cases.incidents.create(admin, {
      tenant: 'globex',
      title: 'Customer data on a paste site',
      category: 'other',
      withPlaybook: false,
    });
    expect([tasks, incident.playbook]).toEqual([[], null]);
    const updated = await f.cases.incidents.update(admin, incident.id, { category: 'data_leak' });
    const leak = playbookFor('data_leak', f.cases.playbooks())!;
    const planned = instantiateTasks(leak, { createdAt: T0, severity: 'medium', language: 'en' });
    expect(updated.playbook).toEqual({ id: leak.id, version: leak.version });
    const added = (await f.cases.incidents.get(admin, incident.id)).tasks;
    expect(added.map((t) => t.playbook?.taskId)).toEqual(planned.map((p) => p.taskId));
    expect(added.map((t) => t.order)).toEqual(planned.map((p) => p.order));
  });
});

describe('TimelineWriter and IncidentLookup', () => {
  it('appends entries inside the caller transaction and tells an incident tenant', async () => {
    const { incident } = await f.cases.incidents.create(analyst, {
      tenant: 'acme',
      title: 'T',
      category: 'other',
    });
    await f.access.db.transaction().execute(async (trx) => {
      await f.cases.incidents.append(trx, {
        incidentId: incident.id,
        tenant: 'acme',
        kind: 'communication',
        summary: 'Log request sent to the vendor',
        actor: { id: 'x', name: 'aiko' },
        ref: { type: 'communication', id: 'c1' },
      });
    });
    const entries = await f.cases.timeline.list(analyst, incident.id, { kinds: ['communication'] });
    expect(entries).toMatchObject([{ summary: 'Log request sent to the vendor', ref: { id: 'c1' } }]);
    expect(await f.cases.incidents.tenantOf(incident.id)).toBe('acme');
    expect(await f.cases.incidents.tenantOf('0'.repeat(24))).toBeUndefined();
  });
});
