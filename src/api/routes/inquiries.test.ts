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
