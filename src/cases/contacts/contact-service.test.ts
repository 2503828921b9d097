import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import { ContactService } from './contact-service.js';
import { caseFixture, type CaseFixture } from './test-support.js';

const vendor = {
  kind: 'vendor' as const,
  organization: '株式会社サンプルクラウド',
  name: '佐藤 花子',
  title: 'サポート窓口',
  channels: [
    { kind: 'phone' as const, value: '03-0000-0000', label: '平日窓口' },
    { kind: 'email' as const, value: 'support@cloud.example', preferred: true },
  ],
  hours: '平日 9:00-18:00 JST',
  escalationNotes: '2 時間応答がなければ営業担当へ',
};

describe('ContactService', () => {
  let f: CaseFixture;
  let contacts: ContactService;
  let analyst: Actor;

  beforeEach(async () => {
    f = await caseFixture();
    contacts = new ContactService(f.deps);
    analyst = await f.user('ana', 'soc_analyst', ['acme']);
  });
  afterEach(() => f.close());

  it('creates a contact with its channels, one of them preferred, and audits it', async () => {
    const c = await contacts.create(analyst, 'acme', vendor);
    expect(c).toMatchObject({ tenant: 'acme', kind: 'vendor', language: 'ja', hours: '平日 9:00-18:00 JST' });
    expect(c.channels.map((ch) => [ch.kind, ch.preferred])).toEqual([
      ['phone', false],
      ['email', true],
    ]);
    expect(await contacts.get(analyst, c.id)).toEqual(c);
    expect(await f.auditActions('contact.create')).toEqual(['contact.create:success']);
  });

  it('marks the first channel preferred when none is', async () => {
    const c = await contacts.create(analyst, 'acme', {
      ...vendor,
      channels: vendor.channels.map(({ preferred: _p, ...ch }) => ch),
    });
    expect(c.channels[0]!.preferred).toBe(true);
  });

  it('updates and deletes a contact', async () => {
    const c = await contacts.create(analyst, 'acme', vendor);
    const changed = await contacts.update(analyst, c.id, { name: null, language: 'en' });
    expect(changed).toMatchObject({ name: null, language: 'en', organization: vendor.organization });
    await contacts.delete(analyst, c.id);
    await expect(contacts.get(analyst, c.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.auditActions('contact.')).toEqual([
      'contact.create:success',
      'contact.update:success',
      'contact.delete:success',
      'contact.read:denied',
    ]);
  });

  it('lists by kind and by words, with installation-wide contacts included', async () => {
    await contacts.create(analyst, 'acme', vendor);
    await contacts.create(analyst, 'acme', { kind: 'isp', organization: 'Example ISP', channels: [] });
    await contacts.create(f.cli, null, {
      kind: 'jpcert',
      organization: 'JPCERT/CC',
      channels: [{ kind: 'email', value: 'info@jpcert.or.jp' }],
    });
    expect((await contacts.list(analyst)).map((c) => c.organization)).toEqual([
      'Example ISP',
      vendor.organization,
      'JPCERT/CC',
    ]);
    expect((await contacts.list(analyst, { kind: 'jpcert' })).map((c) => c.tenant)).toEqual([null]);
    expect((await contacts.list(analyst, { q: 'サンプル' })).map((c) => c.kind)).toEqual(['vendor']);
    expect((await contacts.list(analyst, { q: '営業担当' })).map((c) => c.kind)).toEqual(['vendor']);
    expect((await contacts.list(analyst, { q: '100%' })).length).toBe(0);
    expect((await contacts.list(analyst, { shared: false })).length).toBe(2);
  });

  it("keeps tenants apart: another tenant's contact is neither listed nor readable nor changeable", async () => {
    const globex = await f.user('gina', 'soc_analyst', ['globex']);
    const c = await contacts.create(analyst, 'acme', vendor);
    expect(await contacts.list(globex)).toEqual([]);
    await expect(contacts.get(globex, c.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(contacts.update(globex, c.id, { name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(contacts.create(globex, 'acme', vendor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(contacts.usableIn('globex', c.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets csirt members read their directory but not change it, and only all-tenant managers change shared contacts', async () => {
    const csirt = await f.user('cora', 'csirt', ['acme']);
    const c = await contacts.create(analyst, 'acme', vendor);
    expect((await contacts.get(csirt, c.id)).id).toBe(c.id);
    await expect(contacts.create(csirt, 'acme', vendor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      contacts.create(analyst, null, { kind: 'police', organization: '警視庁', channels: [] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const shared = await contacts.create(f.cli, null, {
      kind: 'police',
      organization: '警視庁',
      channels: [],
    });
    expect((await contacts.get(csirt, shared.id)).organization).toBe('警視庁');
    await expect(contacts.delete(analyst, shared.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await contacts.usableIn('globex', shared.id)).id).toBe(shared.id);
  });

  it('refuses bad input with the field named', async () => {
    await expect(contacts.create(analyst, 'acme', { ...vendor, organization: ' ' })).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
      message: expect.stringContaining('organization'),
    });
    await expect(
      contacts.create(analyst, 'acme', { ...vendor, kind: 'friend' as never }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });
});
