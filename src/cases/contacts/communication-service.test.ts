import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import { CommunicationService } from './communication-service.js';
import { ContactService } from './contact-service.js';
import { caseFixture, HOUR, T0, type CaseFixture } from './test-support.js';

describe('CommunicationService', () => {
  let f: CaseFixture;
  let contacts: ContactService;
  let comms: CommunicationService;
  let analyst: Actor;
  let incident: string;

  beforeEach(async () => {
    f = await caseFixture();
    contacts = new ContactService(f.deps);
    comms = new CommunicationService(f.deps, f.incidents, f.incidents, contacts);
    analyst = await f.user('ana', 'soc_analyst', ['acme']);
    incident = await f.incidents.add('acme');
  });
  afterEach(() => f.close());

  it('logs a vendor log request with a due date, writing a timeline entry and an audit entry', async () => {
    const vendor = await contacts.create(analyst, 'acme', {
      kind: 'vendor',
      organization: 'Sample Cloud',
      name: '佐藤',
      channels: [],
    });
    const c = await comms.record(analyst, incident, {
      direction: 'outgoing',
      channel: 'email',
      contactId: vendor.id,
      subject: 'ログ提供のお願い',
      summary: 'Asked for the VPN logs of 3/28-4/1',
      occurredAt: T0 - HOUR,
      attachments: ['ev1', 'ev1', 'ev2'],
      request: { dueAt: T0 + 48 * HOUR },
    });
    expect(c).toMatchObject({
      counterpart: 'Sample Cloud 佐藤',
      occurredAt: T0 - HOUR,
      recordedAt: T0,
      attachments: ['ev1', 'ev2'],
      request: { status: 'open', dueAt: T0 + 48 * HOUR, overdue: false },
    });
    const timeline = await f.incidents.timeline(incident);
    expect(timeline).toEqual([
      expect.objectContaining({
        kind: 'communication',
        ref_id: c.id,
        summary: expect.stringContaining('→ Sample Cloud 佐藤 (email) [open]'),
      }),
    ]);
    expect(await f.auditActions('communication.')).toEqual(['communication.record:success']);
  });

  it('tracks a request until it is answered: overdue once past due, then answered with a timeline entry', async () => {
    const c = await comms.record(analyst, incident, {
      direction: 'outgoing',
      channel: 'phone',
      counterpart: 'ISP NOC',
      subject: 'NAT logs',
      summary: 'Asked the ISP for NAT logs',
      request: { dueAt: T0 + HOUR },
    });
    f.clock.now = T0 + 2 * HOUR;
    expect((await comms.list(analyst, incident, { overdue: true })).map((x) => x.id)).toEqual([c.id]);
    expect((await comms.openRequests(analyst))[0]!.request).toMatchObject({ overdue: true });
    const answered = await comms.update(analyst, c.id, { requestStatus: 'answered', note: 'logs received' });
    expect(answered.request).toMatchObject({ status: 'answered', overdue: false });
    expect(await comms.list(analyst, incident, { overdue: true })).toEqual([]);
    expect((await f.incidents.timeline(incident)).map((e) => e.summary)).toEqual([
      expect.stringContaining('ISP NOC'),
      'ISP NOC "NAT logs": open → answered (logs received)',
    ]);
  });

  it('writes nothing when the timeline write fails: the communication and the entry roll back together', async () => {
    f.incidents.failNextAppend = true;
    await expect(
      comms.record(analyst, incident, {
        direction: 'incoming',
        channel: 'email',
        counterpart: 'x',
        subject: 's',
        summary: 'y',
      }),
    ).rejects.toThrow('timeline write failed');
    expect(await comms.list(analyst, incident)).toEqual([]);
    expect(await f.incidents.timeline()).toEqual([]);
    expect(await f.auditActions('communication.')).toEqual([]);
  });

  it("keeps tenants apart: another tenant's incident and contacts cannot be used", async () => {
    const globex = await f.user('gina', 'soc_analyst', ['globex']);
    const input = {
      direction: 'outgoing' as const,
      channel: 'email' as const,
      counterpart: 'x',
      subject: 's',
      summary: 'y',
    };
    await expect(comms.record(globex, incident, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(comms.list(globex, incident)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const foreign = await contacts.create(globex, 'globex', {
      kind: 'vendor',
      organization: 'G',
      channels: [],
    });
    await expect(comms.record(analyst, incident, { ...input, contactId: foreign.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const c = await comms.record(analyst, incident, input);
    await expect(comms.update(globex, c.id, { summary: 'z' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await comms.openRequests(globex)).toEqual([]);
  });

  it('lets csirt members read the log but not write to it, and asks for a counterpart', async () => {
    const csirt = await f.user('cora', 'csirt', ['acme']);
    const input = { direction: 'outgoing' as const, channel: 'email' as const, subject: 's', summary: 'y' };
    await expect(comms.record(analyst, incident, input)).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
      message: expect.stringContaining('counterpart'),
    });
    await comms.record(analyst, incident, { ...input, counterpart: 'someone' });
    expect(await comms.list(csirt, incident)).toHaveLength(1);
    await expect(comms.record(csirt, incident, { ...input, counterpart: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(comms.list(f.cli, 'no-such-incident')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
