import { describe, expect, it } from 'vitest';
import {
  addChannelRow,
  channelHref,
  channelsBody,
  channelsInOrder,
  CHANNELS_MAX,
  checkContactForm,
  contactBody,
  contactListQuery,
  contactToForm,
  emptyContactForm,
  preferredChannel,
  readContactFilters,
  removeChannelRow,
  SHARED,
  sortContacts,
  writeContactFilters,
  type Contact,
} from './contact-model.js';

function contact(fields: Partial<Contact>): Contact {
  return {
    id: 'c1',
    tenant: 'acme',
    kind: 'vendor',
    organization: 'Org',
    name: null,
    title: null,
    channels: [],
    hours: null,
    escalationNotes: null,
    language: 'ja',
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

describe('channel links', () => {
  it('opens mail with mailto: and phones with tel:, digits only and a leading plus kept', () => {
    expect(channelHref({ kind: 'email', value: ' csirt@example.co.jp ' })).toBe('mailto:csirt@example.co.jp');
    expect(channelHref({ kind: 'phone', value: '03-1234-5678 (代表)' })).toBe('tel:0312345678');
    expect(channelHref({ kind: 'phone', value: '+81 (3) 1234-5678' })).toBe('tel:+81312345678');
  });

  it('links only what can be opened: no link for a bad address, a postal address or a chat handle', () => {
    expect(channelHref({ kind: 'email', value: 'not an address' })).toBeUndefined();
    expect(channelHref({ kind: 'phone', value: '内線なし' })).toBeUndefined();
    expect(channelHref({ kind: 'postal', value: '東京都千代田区1-1' })).toBeUndefined();
    expect(channelHref({ kind: 'chat', value: '@soc-desk' })).toBeUndefined();
    expect(channelHref({ kind: 'chat', value: 'https://chat.example.com/room/1' })).toBe(
      'https://chat.example.com/room/1',
    );
    expect(channelHref({ kind: 'chat', value: 'javascript:alert(1)' })).toBeUndefined();
  });

  it('puts the marked channel first, else keeps the first one first', () => {
    const mail = { kind: 'email' as const, value: 'a@example.com', preferred: false };
    const phone = { kind: 'phone' as const, value: '0120', preferred: true };
    expect(preferredChannel([mail, phone])).toBe(phone);
    expect(channelsInOrder([mail, phone])).toEqual([phone, mail]);
    expect(preferredChannel([mail])).toBe(mail);
    expect(channelsInOrder([])).toEqual([]);
  });
});

describe('the directory list', () => {
  it("lists the tenant's own contacts before the installation-wide ones, by kind, then organization", () => {
    const list = sortContacts([
      contact({ id: 'police', tenant: null, kind: 'police', organization: '警視庁' }),
      contact({ id: 'vendor-b', kind: 'vendor', organization: 'B社' }),
      contact({ id: 'csirt', kind: 'customer_csirt', organization: 'Acme' }),
      contact({ id: 'jpcert', tenant: null, kind: 'jpcert', organization: 'JPCERT/CC' }),
      contact({ id: 'vendor-a', kind: 'vendor', organization: 'A社' }),
    ]);
    expect(list.map((c) => c.id)).toEqual(['csirt', 'vendor-a', 'vendor-b', 'jpcert', 'police']);
  });

  it('keeps kind and words in the URL and asks the API for them', () => {
    const f = readContactFilters(new URLSearchParams('kind=jpcert&q=%20警察%20'));
    expect(f).toEqual({ kind: 'jpcert', text: ' 警察 ' });
    expect(writeContactFilters(f).toString()).toBe(`kind=jpcert&q=${encodeURIComponent('警察')}`);
    expect(contactListQuery(f, ['acme'])).toEqual({ tenant: ['acme'], kind: 'jpcert', q: '警察' });
    expect(readContactFilters(new URLSearchParams('kind=friend'))).toEqual({ kind: '', text: '' });
    expect(contactListQuery({ kind: '', text: '' }, undefined)).toEqual({});
  });
});

describe('the contact form', () => {
  it('requires an organization, and a value in a channel row that has a label', () => {
    const form = emptyContactForm('acme');
    expect(checkContactForm(form)).toEqual({ organization: 'required' });
    expect(
      checkContactForm({
        ...form,
        organization: 'X',
        channels: [{ kind: 'phone', value: '', label: '夜間' }],
      }),
    ).toEqual({ channels: 'required' });
    expect(checkContactForm({ ...form, organization: 'X' })).toEqual({});
  });

  it('sends trimmed fields, blanks as null, blank channel rows dropped and exactly one preferred', () => {
    const body = contactBody({
      ...emptyContactForm('acme'),
      kind: 'isp',
      organization: ' NTT ',
      hours: '  ',
      channels: [
        { kind: 'email', value: '', label: '' },
        { kind: 'phone', value: ' 0120-000-000 ', label: ' 24時間窓口 ' },
        { kind: 'email', value: 'noc@example.jp', label: '' },
      ],
      preferred: 2,
    });
    expect(body).toEqual({
      kind: 'isp',
      organization: 'NTT',
      name: null,
      title: null,
      channels: [
        { kind: 'phone', value: '0120-000-000', label: '24時間窓口', preferred: false },
        { kind: 'email', value: 'noc@example.jp', preferred: true },
      ],
      hours: null,
      escalationNotes: null,
      language: 'ja',
    });
  });

  it('marks the first kept channel preferred when the chosen row was left blank', () => {
    const channels = channelsBody({
      channels: [
        { kind: 'email', value: '', label: '' },
        { kind: 'phone', value: '03', label: '' },
      ],
      preferred: 0,
    });
    expect(channels).toEqual([{ kind: 'phone', value: '03', preferred: true }]);
  });

  it('fills the form from a contact, shared ones with the shared choice', () => {
    const form = contactToForm(
      contact({
        tenant: null,
        kind: 'jpcert',
        organization: 'JPCERT/CC',
        hours: '平日 9:00-18:00',
        channels: [
          { kind: 'email', value: 'info@jpcert.or.jp', preferred: false },
          { kind: 'phone', value: '03', label: '代表', preferred: true },
        ],
      }),
    );
    expect(form).toMatchObject({ tenant: SHARED, kind: 'jpcert', hours: '平日 9:00-18:00', preferred: 1 });
    expect(form.channels[1]).toEqual({ kind: 'phone', value: '03', label: '代表' });
  });

  it('adds rows up to the limit and keeps the preferred mark on its channel when a row goes', () => {
    let form = emptyContactForm('acme');
    for (let i = 0; i < 20; i++) form = addChannelRow(form);
    expect(form.channels).toHaveLength(CHANNELS_MAX);
    form = { ...form, preferred: 3 };
    expect(removeChannelRow(form, 1).preferred).toBe(2);
    expect(removeChannelRow(form, 5).preferred).toBe(3);
    expect(removeChannelRow(form, 3).preferred).toBe(0);
    expect(removeChannelRow({ ...emptyContactForm('a'), preferred: 0 }, 0)).toMatchObject({
      channels: [],
      preferred: 0,
    });
  });
});
