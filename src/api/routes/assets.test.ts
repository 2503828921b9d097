import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finding, T0 } from '../../triage/test-support.js';
import { triageApi, type TriageApi } from './triage-test-support.js';

let api: TriageApi;
let analyst: { authorization: string };
beforeEach(async () => {
  api = await triageApi();
  analyst = await api.user('aiko', 'soc_analyst', ['acme']);
});
afterEach(() => api.close());

const send = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers = analyst,
) =>
  api.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const CSV = [
  'name,hostnames,addresses,owner,criticality,tags',
  'dc01,dc01;dc01.corp.example,10.0.0.10,Infra,5,prod;ad',
  'office,,10.1.0.0/16,IT,2,',
  'broken,,not-an-address,IT,3,',
  'lab,lab01,,QA,9,',
].join('\n');

interface AssetJson {
  id: string;
  name: string;
  criticality: number | null;
  source: string;
  tags: string[];
}

describe('the asset inventory over HTTP', () => {
  it('imports a CSV, reporting each bad line and keeping the good rows; a dry run changes nothing', async () => {
    const dry = await send('POST', '/api/assets/import', { tenant: 'acme', content: CSV, dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ created: 2, updated: 0, dryRun: true });
    expect(dry.json().problems.map((p: { line: number }) => p.line)).toEqual([4, 5]);
    expect(dry.json().problems[0].message).toMatch(/not-an-address/);
    expect((await send('GET', '/api/assets')).json().assets).toEqual([]);

    const done = await send('POST', '/api/assets/import', { tenant: 'acme', content: CSV });
    expect(done.json()).toMatchObject({ created: 2, updated: 0, dryRun: false });
    const listed = (await send('GET', '/api/assets')).json().assets as AssetJson[];
    expect(listed.map((a) => [a.name, a.criticality, a.source])).toEqual([
      ['dc01', 5, 'import'],
      ['office', 2, 'import'],
    ]);

    // A second file with fewer columns changes only those.
    const again = await send('POST', '/api/assets/import', {
      tenant: 'acme',
      content: 'name,criticality\ndc01,4\n',
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 1, problems: [] });
    const dc = (await send('GET', '/api/assets?search=dc01')).json().assets[0] as AssetJson;
    expect(dc).toMatchObject({ criticality: 4, tags: ['prod', 'ad'] });

    const noName = await send('POST', '/api/assets/import', {
      tenant: 'acme',
      content: 'host,owner\nws1,IT\n',
    });
    expect([noName.statusCode, noName.json().error.message]).toEqual([400, expect.stringMatching(/name/)]);
  });

  it('adds, changes, looks up and removes an asset', async () => {
    const made = await send('POST', '/api/assets', {
      tenant: 'acme',
      name: 'fileserver',
      hostnames: ['fs01.corp.example'],
      addresses: ['10.0.5.0/24'],
      users: ['CORP\\svc_backup'],
      criticality: 4,
    });
    expect(made.statusCode).toBe(201);
    const id = made.json().id as string;
    const twice = await send('POST', '/api/assets', { tenant: 'acme', name: 'fileserver' });
    expect(twice.statusCode).toBe(409);
    const bad = await send('POST', '/api/assets', { tenant: 'acme', name: 'x', criticality: 6 });
    expect([bad.statusCode, bad.json().error.message]).toEqual([400, expect.stringMatching(/criticality/)]);

    const byHost = await send('GET', '/api/assets/lookup?tenant=acme&host=FS01');
    expect(byHost.json().assets.map((a: AssetJson) => a.id)).toEqual([id]);
    const byIp = await send('GET', '/api/assets/lookup?tenant=acme&ip=10.0.5.77');
    expect(byIp.json().assets.map((a: AssetJson) => a.id)).toEqual([id]);
    const byUser = await send('GET', '/api/assets/lookup?tenant=acme&user=svc_backup@corp.example');
    expect(byUser.json().assets.map((a: AssetJson) => a.id)).toEqual([id]);
    expect((await send('GET', '/api/assets/lookup?tenant=acme')).statusCode).toBe(400);

    const changed = await send('PATCH', `/api/assets/${id}`, { owner: 'Infra', tags: ['prod'] });
    expect(changed.json()).toMatchObject({ owner: 'Infra', tags: ['prod'], criticality: 4 });
    expect((await send('DELETE', `/api/assets/${id}`)).statusCode).toBe(204);
    expect((await send('GET', '/api/assets')).json().assets).toEqual([]);
  });

  it('learns hosts from findings and shows the assets behind an alert with it', async () => {
    await send('POST', '/api/assets', { tenant: 'acme', name: 'ws01', hostnames: ['ws01'], criticality: 5 });
    await api.record([
      finding({ fields: { 'host.name': 'WS01' }, time: T0 }),
      finding({ fields: { 'host.name': 'ws77' }, time: T0 }),
    ]);
    const learned = (await send('GET', '/api/assets?source=learned')).json().assets as AssetJson[];
    expect(learned.map((a) => a.name)).toEqual(['ws77']);
    const alert = (await send('GET', '/api/alerts?entity=ws01')).json().alerts[0] as {
      id: string;
      criticality: number;
    };
    expect(alert.criticality).toBe(5);
    const detail = (await send('GET', `/api/alerts/${alert.id}`)).json();
    expect(detail.assets.map((a: AssetJson) => a.name)).toEqual(['ws01']);
  });

  it("keeps each tenant's inventory to its users", async () => {
    const theirs = await send(
      'POST',
      '/api/assets',
      { tenant: 'globex', name: 'gx-db1' },
      await api.user('gx', 'soc_analyst', ['globex']),
    );
    expect(theirs.statusCode).toBe(201);
    expect((await send('GET', '/api/assets')).json().assets).toEqual([]);
    expect((await send('GET', `/api/assets/${theirs.json().id as string}`)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/assets/${theirs.json().id as string}`)).statusCode).toBe(403);
    expect((await send('POST', '/api/assets/import', { tenant: 'globex', content: CSV })).statusCode).toBe(
      403,
    );
    expect((await send('GET', '/api/assets/lookup?tenant=globex&host=gx-db1')).statusCode).toBe(403);
    const viewer = await api.user('viewer', 'viewer', ['acme']);
    expect((await send('POST', '/api/assets', { tenant: 'acme', name: 'v' }, viewer)).statusCode).toBe(403);
    expect((await api.app.inject({ method: 'GET', url: '/api/assets' })).statusCode).toBe(401);
  });
});
