import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import { caseFixture, HOUR, MINUTE, T0, type CaseFixture } from '../contacts/test-support.js';
import type { InquiryInput } from './inquiry-model.js';
import { InquiryService } from './inquiry-service.js';

describe('InquiryService', () => {
  let f: CaseFixture;
  let inquiries: InquiryService;
  let csirt: Actor;
  let analyst: Actor;

  beforeEach(async () => {
    f = await caseFixture();
    inquiries = new InquiryService(f.deps, f.incidents, f.incidents);
    csirt = await f.user('cora', 'csirt', ['acme']);
    analyst = await f.user('ana', 'soc_analyst', ['acme']);
  });
  afterEach(() => f.close());

  const question = {
    type: 'question' as const,
    subject: '不審なメールについて',
    body: '添付ファイルを開いてしまいました。',
    priority: 'high' as const,
  };

  it('numbers inquiries per tenant and sets their due times from the default SLA', async () => {
    const a = await inquiries.submit(csirt, 'acme', question);
    const b = await inquiries.submit(csirt, 'acme', { ...question, priority: undefined });
    const g = await inquiries.submit(f.cli, 'globex', question);
    expect([a.number, b.number, g.number]).toEqual([1, 2, 1]);
    expect(a).toMatchObject({
      status: 'new',
      submittedBy: { name: 'cora' },
      sla: { firstResponseDueAt: T0 + 2 * HOUR, resolutionDueAt: T0 + 24 * HOUR },
    });
    expect(b.priority).toBe('normal');
    expect(await f.auditActions('inquiry.submit')).toHaveLength(3);
  });

  it('uses the tenant’s own SLA targets once set, and only admins set them', async () => {
    await expect(
      inquiries.setSlaTargets(analyst, 'acme', { high: { firstResponseMinutes: 15, resolutionMinutes: 60 } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const set = await inquiries.setSlaTargets(f.cli, 'acme', {
      high: { firstResponseMinutes: 15, resolutionMinutes: 60 },
    });
    expect(set.defaults).toEqual(['urgent', 'normal', 'low']);
    expect((await inquiries.slaTargets(csirt, 'acme')).targets.high).toEqual({
      firstResponseMinutes: 15,
      resolutionMinutes: 60,
    });
    const a = await inquiries.submit(csirt, 'acme', question);
    expect(a.sla.firstResponseDueAt).toBe(T0 + 15 * MINUTE);
    await expect(
      inquiries.setSlaTargets(f.cli, 'acme', { low: { firstResponseMinutes: 60, resolutionMinutes: 30 } }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });

  it('flags overdue inquiries with a fake clock and lists them by the overdue filter', async () => {
    const a = await inquiries.submit(csirt, 'acme', question);
    f.clock.now = T0 + 3 * HOUR;
    const late = await inquiries.get(analyst, a.id);
    expect(late.inquiry.sla).toMatchObject({ firstResponseOverdue: true, resolutionOverdue: false });
    expect((await inquiries.list(analyst, { overdue: true })).inquiries.map((i) => i.id)).toEqual([a.id]);
    await inquiries.addMessage(analyst, a.id, { body: '確認いたします。' });
    expect((await inquiries.list(analyst, { overdue: true })).inquiries).toEqual([]);
    f.clock.now = T0 + 25 * HOUR;
    expect((await inquiries.list(analyst, { overdue: true })).inquiries.map((i) => i.id)).toEqual([a.id]);
  });

  it('keeps a thread: the SOC answers, asks back (clock paused), the customer replies, the SOC resolves, the customer closes', async () => {
    const a = await inquiries.submit(csirt, 'acme', question);
    f.clock.now = T0 + HOUR;
    let d = await inquiries.addMessage(analyst, a.id, {
      body: '端末名を教えてください。',
      status: 'waiting_customer',
    });
    expect(d.inquiry).toMatchObject({
      status: 'waiting_customer',
      sla: { firstResponseAt: T0 + HOUR, paused: true },
    });
    f.clock.now = T0 + 5 * HOUR;
    d = await inquiries.addMessage(csirt, a.id, { body: 'PC-0123 です。' });
    expect(d.inquiry).toMatchObject({
      status: 'new',
      sla: { resolutionDueAt: T0 + 28 * HOUR, paused: false },
    });
    await inquiries.setStatus(analyst, a.id, 'resolved', '駆除を確認しました。');
    await expect(inquiries.setStatus(csirt, a.id, 'answered')).rejects.toMatchObject({ code: 'CONFLICT' });
    const closed = await inquiries.setStatus(csirt, a.id, 'closed');
    expect(closed).toMatchObject({ status: 'closed', closedAt: T0 + 5 * HOUR });
    d = await inquiries.get(csirt, a.id);
    expect(d.messages.map((m) => [m.side, m.statusAfter])).toEqual([
      ['soc', 'waiting_customer'],
      ['customer', 'new'],
      ['soc', 'resolved'],
    ]);
    await expect(inquiries.addMessage(csirt, a.id, { body: 'もう一点' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('keeps tenants apart and roles to their side', async () => {
    const a = await inquiries.submit(csirt, 'acme', question);
    const other = await f.user('gus', 'csirt', ['globex']);
    const viewer = await f.user('vic', 'viewer', ['acme']);
    await expect(inquiries.get(other, a.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(inquiries.submit(other, 'acme', question)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await inquiries.list(other)).inquiries).toEqual([]);
    await expect(inquiries.submit(analyst, 'acme', question)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await inquiries.get(viewer, a.id)).inquiry.id).toBe(a.id);
    await expect(inquiries.addMessage(viewer, a.id, { body: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(inquiries.assign(csirt, a.id, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(inquiries.convertToIncident(csirt, a.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('turns an inquiry into an incident through the IncidentCreator, linking both and writing the timeline', async () => {
    const a = await inquiries.submit(csirt, 'acme', { ...question, type: 'report' });
    const { inquiry, incidentId } = await inquiries.convertToIncident(analyst, a.id, {
      category: 'phishing',
    });
    expect(f.incidents.created).toEqual([
      {
        tenant: 'acme',
        title: question.subject,
        description: question.body,
        category: 'phishing',
        inquiryId: a.id,
      },
    ]);
    expect(inquiry).toMatchObject({ incidentId, status: 'answered', sla: { firstResponseAt: T0 } });
    expect(await f.incidents.tenantOf(incidentId)).toBe('acme');
    expect((await f.incidents.timeline(incidentId)).map((e) => [e.kind, e.ref_id])).toEqual([
      ['inquiry', a.id],
    ]);
    await expect(inquiries.convertToIncident(analyst, a.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Once linked, the thread shows in the incident's timeline.
    await inquiries.addMessage(csirt, a.id, { body: 'ありがとうございます。' });
    expect(await f.incidents.timeline(incidentId)).toHaveLength(2);
  });

  it('rolls the conversion back whole when the timeline write fails', async () => {
    const a = await inquiries.submit(csirt, 'acme', question);
    f.incidents.failNextAppend = true;
    await expect(inquiries.convertToIncident(analyst, a.id)).rejects.toThrow('timeline write failed');
    const d = await inquiries.get(analyst, a.id);
    expect(d.inquiry).toMatchObject({ incidentId: null, status: 'new' });
    expect(d.messages).toEqual([]);
    expect(await f.incidents.timeline()).toEqual([]);
  });

  it('assigns to an existing user only, and pages newest first', async () => {
    const a = await inquiries.submit(csirt, 'acme', question);
    expect((await inquiries.assign(analyst, a.id, analyst.id)).assignee).toBe(analyst.id);
    await expect(inquiries.assign(analyst, a.id, 'nobody')).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
    f.clock.now += 1000;
    const b = await inquiries.submit(csirt, 'acme', question);
    const first = await inquiries.list(analyst, { limit: 1 });
    expect(first.inquiries.map((i) => i.id)).toEqual([b.id]);
    const second = await inquiries.list(analyst, { limit: 1, cursor: first.next! });
    expect(second.inquiries.map((i) => i.id)).toEqual([a.id]);
    expect((await inquiries.list(analyst, { assignee: 'none' })).inquiries.map((i) => i.id)).toEqual([b.id]);
    expect((await inquiries.list(analyst, { q: '添付' })).inquiries).toHaveLength(2);
  });

  it('filters by type and by priority, several values each, with the status filter and across pages', async () => {
    const submitAt = async (input: InquiryInput) => {
      f.clock.now += 1000;
      return inquiries.submit(csirt, 'acme', input);
    };
    const urgentReport = await submitAt({ ...question, type: 'report', priority: 'urgent' });
    const highReport = await submitAt({ ...question, type: 'report', priority: 'high' });
    const urgentRequest = await submitAt({ ...question, type: 'request', priority: 'urgent' });
    const lowQuestion = await submitAt({ ...question, priority: 'low' });
    const ids = async (filter: Parameters<InquiryService['list']>[1]) =>
      (await inquiries.list(analyst, filter)).inquiries.map((i) => i.id);

    expect(await ids({ type: ['report'] })).toEqual([highReport.id, urgentReport.id]);
    expect(await ids({ type: ['request', 'question'] })).toEqual([lowQuestion.id, urgentRequest.id]);
    expect(await ids({ priority: ['urgent'] })).toEqual([urgentRequest.id, urgentReport.id]);
    expect(await ids({ priority: ['low', 'high'] })).toEqual([lowQuestion.id, highReport.id]);
    expect(await ids({ type: ['report'], priority: ['urgent'] })).toEqual([urgentReport.id]);
    expect(await ids({ type: [], priority: [] })).toHaveLength(4);

    await inquiries.addMessage(analyst, urgentReport.id, { body: '確認しました。', status: 'resolved' });
    expect(await ids({ type: ['report'], status: ['new'] })).toEqual([highReport.id]);
    expect(await ids({ priority: ['urgent'], status: ['resolved'] })).toEqual([urgentReport.id]);

    const first = await inquiries.list(analyst, { priority: ['urgent'], limit: 1 });
    expect(first.inquiries.map((i) => i.id)).toEqual([urgentRequest.id]);
    const second = await inquiries.list(analyst, { priority: ['urgent'], limit: 1, cursor: first.next! });
    expect(second.inquiries.map((i) => i.id)).toEqual([urgentReport.id]);
    expect(second.next).toBeUndefined();
  });
});
