import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin } from '../test-support.js';
import { contactsApi, type ContactsApi } from './contacts-test-support.js';

describe('inquiry routes', () => {
  let api: ContactsApi;
  beforeEach(async () => {
    api = await contactsApi();
  });
  afterEach(() => api.close());

  it('runs an inquiry from submission through an answer to an incident, with the right status codes', async () => {
    const cora = await api.user('cora', 'csirt', ['acme']);
    const ana = await api.user('ana', 'soc_analyst', ['acme']);
    const gus = await api.user('gus', 'csirt', ['globex']);
    const inquiry = {
      type: 'report',
      subject: '不審なログイン',
      body: '深夜に管理者ログインがありました。',
      priority: 'urgent',
    };
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/inquiries',
          headers: ana,
          payload: { tenant: 'acme', inquiry },
        })
      ).statusCode,
    ).toBe(403);
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/inquiries',
      headers: cora,
      payload: { tenant: 'acme', inquiry },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ number: 1, status: 'new', sla: { firstResponseOverdue: false } });
    expect(
      (await api.app.inject({ method: 'GET', url: `/api/inquiries/${id}`, headers: gus })).statusCode,
    ).toBe(403);
    const answered = await api.app.inject({
      method: 'POST',
      url: `/api/inquiries/${id}/messages`,
      headers: ana,
      payload: { body: '確認中です。' },
    });
    expect(answered.statusCode).toBe(201);
    expect(answered.json().inquiry.status).toBe('answered');
    const converted = await api.app.inject({
      method: 'POST',
      url: `/api/inquiries/${id}/convert`,
      headers: ana,
      payload: { category: 'unauthorized_access' },
    });
    expect(converted.statusCode).toBe(201);
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: `/api/inquiries/${id}/convert`,
          headers: ana,
          payload: {},
        })
      ).statusCode,
    ).toBe(409);
    const closed = await api.app.inject({
      method: 'POST',
      url: `/api/inquiries/${id}/status`,
      headers: cora,
      payload: { status: 'closed' },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', incidentId: converted.json().incidentId });
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: `/api/inquiries/${id}/status`,
          headers: ana,
          payload: { status: 'answered' },
        })
      ).statusCode,
    ).toBe(409);
    const listed = await api.app.inject({
      method: 'GET',
      url: '/api/inquiries?status=closed',
      headers: cora,
    });
    expect(listed.json().inquiries).toHaveLength(1);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/inquiries?status=bogus', headers: cora })).statusCode,
    ).toBe(400);
  });

  it('filters the list by type and priority (repeatable), with the status filter and paging', async () => {
    const cora = await api.user('cora', 'csirt', ['acme']);
    const ana = await api.user('ana', 'soc_analyst', ['acme']);
    const submit = async (type: string, priority: string) => {
      api.t.clock.now += 1000;
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/inquiries',
        headers: cora,
        payload: {
          tenant: 'acme',
          inquiry: { type, subject: `${type} ${priority}`, body: '本文', priority },
        },
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const urgentReport = await submit('report', 'urgent');
    const lowReport = await submit('report', 'low');
    const urgentQuestion = await submit('question', 'urgent');
    const highRequest = await submit('request', 'high');
    const list = async (query: string) => {
      const res = await api.app.inject({ method: 'GET', url: `/api/inquiries?${query}`, headers: ana });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { inquiries: { id: string }[]; next?: string };
      return { ids: body.inquiries.map((i) => i.id), next: body.next };
    };

    expect((await list('type=report')).ids).toEqual([lowReport, urgentReport]);
    expect((await list('type=question&type=request')).ids).toEqual([highRequest, urgentQuestion]);
    expect((await list('priority=urgent')).ids).toEqual([urgentQuestion, urgentReport]);
    expect((await list('priority=high&priority=low')).ids).toEqual([highRequest, lowReport]);
    expect((await list('type=report&priority=urgent')).ids).toEqual([urgentReport]);

    const resolved = await api.app.inject({
      method: 'POST',
      url: `/api/inquiries/${urgentQuestion}/status`,
      headers: ana,
      payload: { status: 'resolved' },
    });
    expect(resolved.statusCode).toBe(200);
    expect((await list('priority=urgent&status=new')).ids).toEqual([urgentReport]);
    expect((await list('type=question&status=resolved&status=closed')).ids).toEqual([urgentQuestion]);

    const first = await list('type=report&limit=1');
    expect(first.ids).toEqual([lowReport]);
    const second = await list(`type=report&limit=1&cursor=${encodeURIComponent(first.next!)}`);
    expect(second).toEqual({ ids: [urgentReport], next: undefined });

    for (const bad of ['type=complaint', 'priority=p1', 'type=report&type=bogus', 'priority=URGENT']) {
      const res = await api.app.inject({ method: 'GET', url: `/api/inquiries?${bad}`, headers: ana });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('reads and sets the SLA targets of a tenant (admins only)', async () => {
    const ana = await api.user('ana', 'soc_analyst', ['acme']);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/inquiry-sla/acme', headers: ana })).json().defaults,
    ).toHaveLength(4);
    const payload = { urgent: { firstResponseMinutes: 15, resolutionMinutes: 240 } };
    expect(
      (await api.app.inject({ method: 'PUT', url: '/api/inquiry-sla/acme', headers: ana, payload }))
        .statusCode,
    ).toBe(403);
    const set = await api.app.inject({
      method: 'PUT',
      url: '/api/inquiry-sla/acme',
      headers: asAdmin,
      payload,
    });
    expect(set.json().targets.urgent).toEqual({ firstResponseMinutes: 15, resolutionMinutes: 240 });
  });
});
