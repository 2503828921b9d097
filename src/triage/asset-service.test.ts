import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { finding, MINUTE, T0, triageFixture, type TriageFixture } from './test-support.js';

let f: TriageFixture;
let analyst: Actor;
beforeEach(async () => {
  f = await triageFixture();
  analyst = await f.user('aiko', 'soc_analyst', ['acme']);
});
afterEach(() => f.close());

const inventory = [
  'name,hostnames,addresses,users,owner,criticality,tags',
  'dc01,dc01;dc01.corp.example,10.0.0.10,,Infra,5,prod;ad',
  'lab,,192.168.50.0/24,,Dev team,1,lab',
  'ceo,,,CORP\\hanako,,4,vip',
].join('\n');

describe('AssetService: the inventory', () => {
  it('creates, changes and removes assets, each change audited', async () => {
    const a = await f.triage.assets.create(analyst, 'acme', {
      name: 'web01',
      hostnames: ['web01'],
      addresses: ['10.0.1.5'],
      criticality: 4,
      tags: ['dmz'],
    });
    expect(a).toMatchObject({ tenant: 'acme', source: 'manual', owner: null, users: [], criticality: 4 });
    await expect(f.triage.assets.create(analyst, 'acme', { name: 'web01' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      f.triage.assets.create(analyst, 'acme', { name: 'x', criticality: 6 }),
    ).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
    const changed = await f.triage.assets.update(analyst, a.id, { owner: 'Web team', criticality: 5 });
    expect(changed).toMatchObject({ owner: 'Web team', criticality: 5, hostnames: ['web01'] });
    expect(
      (await f.triage.assets.lookup(analyst, 'acme', { ips: ['10.0.1.5'] })).map((x) => x.criticality),
    ).toEqual([5]);
    await f.triage.assets.remove(analyst, a.id);
    expect(await f.triage.assets.lookup(analyst, 'acme', { host: 'web01' })).toEqual([]);
    expect((await f.auditEntries('asset.')).map((e) => [e.action, e.outcome])).toEqual([
      ['asset.create', 'success'],
      ['asset.update', 'success'],
      ['asset.remove', 'success'],
    ]);
  });

  it('imports a CSV, reporting bad rows by line, and re-imports changing only the columns given', async () => {
    const withProblems = `${inventory}\nbroken,,not-an-ip,,,3,\nalso-broken,,,,,9,`;
    const dry = await f.triage.assets.importCsv(analyst, 'acme', withProblems, { dryRun: true });
    expect(dry).toMatchObject({ created: 3, updated: 0, dryRun: true });
    expect(dry.problems.map((p) => p.line)).toEqual([5, 6]);
    expect((await f.triage.assets.list(analyst, { limit: 10 })).assets).toEqual([]);

    const report = await f.triage.assets.importCsv(analyst, 'acme', withProblems);
    expect(report).toMatchObject({ created: 3, updated: 0, dryRun: false });
    expect(report.problems).toEqual([
      { line: 5, message: '"not-an-ip" is not an IP address or CIDR range' },
      { line: 6, message: 'Criticality must be a whole number from 1 to 5, not 9' },
    ]);
    const again = await f.triage.assets.importCsv(analyst, 'acme', 'name,criticality\nlab,2\nnew,\n');
    expect(again).toMatchObject({ created: 1, updated: 1, problems: [] });
    const lab = (await f.triage.assets.list(analyst, { limit: 10, search: 'lab' })).assets[0]!;
    expect(lab).toMatchObject({
      criticality: 2,
      owner: 'Dev team',
      addresses: ['192.168.50.0/24'],
      source: 'import',
    });
    expect(
      (await f.triage.assets.list(analyst, { limit: 10, tag: 'vip' })).assets.map((x) => x.name),
    ).toEqual(['ceo']);
    const audited = await f.auditEntries('asset.import');
    expect(audited.map((e) => e.details)).toEqual([
      { created: 3, updated: 0, problems: 2, problemLines: [5, 6] },
      { created: 1, updated: 1, problems: 0 },
    ]);
  });

  it('looks assets up by host name, address inside a range, and user name', async () => {
    await f.triage.assets.importCsv(analyst, 'acme', inventory);
    const names = async (q: Parameters<typeof f.triage.assets.lookup>[2]) =>
      (await f.triage.assets.lookup(analyst, 'acme', q)).map((a) => a.name);
    expect(await names({ host: 'DC01.corp.example' })).toEqual(['dc01']);
    expect(await names({ ips: ['192.168.50.77'] })).toEqual(['lab']);
    expect(await names({ user: 'hanako@corp.example' })).toEqual(['ceo']);
    expect(await names({ host: 'ws99', ips: ['8.8.8.8'] })).toEqual([]);
  });

  it("raises an alert's severity with the asset's criticality and shows the assets with the alert", async () => {
    await f.triage.assets.importCsv(analyst, 'acme', inventory);
    await f.record([
      finding({ fields: { 'host.name': 'DC01', 'source.ip': '10.0.0.10' }, level: 'high' }),
      finding({ fields: { 'source.ip': '192.168.50.9' }, level: 'high', time: T0 + 1 }),
      finding({ fields: { 'host.name': 'ws44' }, level: 'high', time: T0 + 2 }),
    ]);
    const alerts = (await f.triage.alerts.list(analyst, { limit: 10 })).alerts;
    expect(
      alerts.map((a) => [a.entity['host.name'] ?? a.entity['source.ip'], a.criticality, a.severity]),
    ).toEqual([
      ['ws44', 3, { score: 70, level: 'high' }],
      ['192.168.50.9', 1, { score: 50, level: 'medium' }],
      ['dc01', 5, { score: 90, level: 'critical' }],
    ]);
    const detail = await f.triage.alerts.get(analyst, alerts[2]!.id);
    expect(detail.assets.map((a) => a.name)).toEqual(['dc01']);
    expect(detail.alert.assetIds).toEqual([detail.assets[0]!.id]);
  });

  it('learns hosts from events and when known hosts and users were last seen', async () => {
    await f.triage.assets.importCsv(analyst, 'acme', inventory);
    await f.record([
      finding({ fields: { 'host.name': 'dc01.corp.example' }, time: T0 + MINUTE }),
      finding({ fields: { 'host.name': 'WS77', 'user.name': 'CORP\\hanako' }, time: T0 + 2 * MINUTE }),
      finding({ fields: { 'host.name': 'ws77' }, time: T0 + 3 * MINUTE }),
    ]);
    const all = (await f.triage.assets.list(analyst, { limit: 10 })).assets;
    expect(all.map((a) => [a.name, a.source, a.lastSeen, a.criticality])).toEqual([
      ['ceo', 'import', T0 + 2 * MINUTE, 4],
      ['dc01', 'import', T0 + MINUTE, 5],
      ['lab', 'import', null, 1],
      ['ws77', 'learned', T0 + 3 * MINUTE, null],
    ]);
    // A learned host is an asset like others: it can be rated, and is found again by name.
    const ws77 = all[3]!;
    await f.triage.assets.update(analyst, ws77.id, { criticality: 4 });
    expect((await f.triage.assets.lookup(analyst, 'acme', { host: 'WS77' }))[0]).toMatchObject({
      criticality: 4,
      source: 'manual',
    });
    expect(await f.auditEntries('asset.create')).toEqual([]);
  });
});

describe('AssetService: tenants and roles', () => {
  it("keeps one tenant's inventory from another tenant's users", async () => {
    const globex = await f.user('hiro', 'soc_analyst', ['globex']);
    const theirs = await f.triage.assets.create(globex, 'globex', {
      name: 'gx-dc',
      hostnames: ['dc01'],
      criticality: 5,
    });
    await expect(f.triage.assets.importCsv(analyst, 'globex', inventory)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.triage.assets.list(analyst, { limit: 10, tenants: ['globex'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await f.triage.assets.list(analyst, { limit: 10 })).assets).toEqual([]);
    await expect(f.triage.assets.get(analyst, theirs.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(f.triage.assets.update(analyst, theirs.id, { criticality: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(f.triage.assets.lookup(analyst, 'globex', { host: 'dc01' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Globex's dc01 does not rate acme's dc01.
    await f.record([finding({ fields: { 'host.name': 'dc01' } })]);
    const [alert] = (await f.triage.alerts.list(analyst, { limit: 10 })).alerts;
    expect(alert).toMatchObject({ criticality: 3, assetIds: [] });
  });

  it('lets a viewer look assets up but not change them', async () => {
    const viewer = await f.user('vera', 'viewer', ['acme']);
    await expect(f.triage.assets.create(viewer, 'acme', { name: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Not permitted: the viewer role does not have assets:manage',
    });
    expect(await f.triage.assets.lookup(viewer, 'acme', { host: 'x' })).toEqual([]);
  });
});
