import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactsApi, type ContactsApi } from './contacts-test-support.js';

describe('communication routes', () => {
  let api: ContactsApi;
  beforeEach(async () => {
    api = await contactsApi();
  });
  afterEach(() => api.close());

  it('logs a request, lists it, marks it answered, and refuses another tenant', async () => {
    const ana = await api.user('ana', 'soc_analyst', ['acme']);
    const gina = await api.user('gina', 'soc_analyst', ['globex']);
    const incident = await api.incidents.add('acme');
    const payload = {
      direction: 'outgoing',
      channel: 'email',
      counterpart: 'Vendor',
      subject: 'ログ',
      summary: 'asked for logs',
      request: { dueAt: 1 },
    };
    const created = await api.app.inject({
      method: 'POST',
      url: `/api/incidents/${incident}/communications`,
      headers: ana,
      payload,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const listed = await api.app.inject({
      method: 'GET',
      url: `/api/incidents/${incident}/communications?overdue=true`,
      headers: ana,
    });
    expect(listed.json().communications.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/communications/requests', headers: ana })).json()
        .communications,
    ).toHaveLength(1);
    const patched = await api.app.inject({
      method: 'PATCH',
      url: `/api/incidents/${incident}/communications/${id}`,
      headers: ana,
      payload: { requestStatus: 'answered' },
    });
    expect(patched.json().request).toMatchObject({ status: 'answered' });
    expect(
      (
        await api.app.inject({
          method: 'PATCH',
          url: `/api/incidents/other/communications/${id}`,
          headers: ana,
          payload: { requestStatus: 'closed' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: `/api/incidents/${incident}/communications`,
          headers: gina,
          payload,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: `/api/incidents/${incident}/communications`,
          headers: ana,
          payload: { ...payload, channel: 'pigeon' },
        })
      ).statusCode,
    ).toBe(400);
    expect(await api.incidents.timeline(incident)).toHaveLength(2);
  });

  it('lists templates and renders one, reporting missing placeholders', async () => {
    const ana = await api.user('ana', 'soc_analyst', ['acme']);
    const incident = await api.incidents.add('acme', 'VPN 不正ログイン');
    const list = await api.app.inject({ method: 'GET', url: '/api/communication-templates', headers: ana });
    expect(list.json().templates.map((t: { id: string }) => t.id)).toContain('status-check-request');
    const draft = await api.app.inject({
      method: 'POST',
      url: '/api/communication-templates/status-check-request/render',
      headers: ana,
      payload: {
        incidentId: incident,
        language: 'en',
        values: { 'requested.items': ['Whether the account was locked'] },
      },
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({
      language: 'en',
      subject: 'Status check: INC-2025-0007 VPN 不正ログイン',
    });
    expect(draft.json().missing).toContain('contact.organization');
    expect(draft.json().body).toContain('- Whether the account was locked');
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/communication-templates/nope/render',
          headers: ana,
          payload: { incidentId: incident },
        })
      ).statusCode,
    ).toBe(404);
  });
});
