import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin } from '../test-support.js';
import { contactsApi, type ContactsApi } from './contacts-test-support.js';

describe('contact routes', () => {
  let api: ContactsApi;
  beforeEach(async () => {
    api = await contactsApi();
  });
  afterEach(() => api.close());

  it('creates, reads, changes, lists and deletes a contact with the right status codes', async () => {
    const ana = await api.user('ana', 'soc_analyst', ['acme']);
    const contact = {
      kind: 'vendor',
      organization: 'Sample Cloud',
      channels: [{ kind: 'email', value: 'a@b.example' }],
    };
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/contacts',
      headers: ana,
      payload: { tenant: 'acme', contact },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(
      (await api.app.inject({ method: 'GET', url: `/api/contacts/${id}`, headers: ana })).json(),
    ).toMatchObject({ organization: 'Sample Cloud', language: 'ja' });
    const patched = await api.app.inject({
      method: 'PATCH',
      url: `/api/contacts/${id}`,
      headers: ana,
      payload: { hours: '24/7' },
    });
    expect(patched.json()).toMatchObject({ hours: '24/7' });
    const listed = await api.app.inject({
      method: 'GET',
      url: '/api/contacts?kind=vendor&q=cloud',
      headers: ana,
    });
    expect(listed.json().contacts).toHaveLength(1);
    expect(
      (await api.app.inject({ method: 'DELETE', url: `/api/contacts/${id}`, headers: ana })).statusCode,
    ).toBe(204);
    expect(
      (await api.app.inject({ method: 'GET', url: `/api/contacts/${id}`, headers: asAdmin })).statusCode,
    ).toBe(404);
  });

  it('answers 400 for bad input, 403 for another tenant or a shared contact by a tenant-bound analyst', async () => {
    const ana = await api.user('ana', 'soc_analyst', ['acme']);
    const bad = await api.app.inject({
      method: 'POST',
      url: '/api/contacts',
      headers: ana,
      payload: { tenant: 'acme', contact: { kind: 'friend', organization: 'x', channels: [] } },
    });
    expect(bad.statusCode).toBe(400);
    const contact = { kind: 'police', organization: '警視庁', channels: [] };
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/contacts',
          headers: ana,
          payload: { tenant: 'globex', contact },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/contacts',
          headers: ana,
          payload: { tenant: null, contact },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/contacts',
          headers: asAdmin,
          payload: { tenant: null, contact },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/contacts', headers: ana })).json().contacts,
    ).toHaveLength(1);
  });
});
