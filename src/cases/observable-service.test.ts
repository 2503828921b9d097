import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { HOUR, T0, testEvent } from '../triage/test-support.js';
import type { TenantId } from '../core/ids.js';
import type { StixObject } from './observables/stix.js';
import { casesFixture, type CasesFixture } from './test-support.js';

let f: CasesFixture;
let analyst: Actor;
let incidentId: string;
beforeEach(async () => {
  f = await casesFixture();
  analyst = await f.user('aiko', 'soc_analyst', ['acme']);
  incidentId = (
    await f.cases.incidents.create(analyst, { tenant: 'acme', title: 'C2 beacon', category: 'malware' })
  ).incident.id;
});
afterEach(() => f.close());

describe('IncidentObservableService: adding', () => {
  it('adds pasted text, defanged forms included, without duplicates', async () => {
    const pasted =
      'C2 at hxxp://evil[.]example[.]com/x and 203.0.113[.]9, again 203.0.113.9; mail from bad@evil.example.com';
    const first = await f.cases.observables.extract(analyst, incidentId, pasted);
    const values = first.observables.map((o) => `${o.type}:${o.value}`).sort();
    expect(values).toContain('url:http://evil.example.com/x');
    expect(values).toContain('ip:203.0.113.9');
    expect(values).toContain('email:bad@evil.example.com');
    expect(values.filter((v) => v === 'ip:203.0.113.9')).toHaveLength(1);
    expect(first.known).toBe(0);
    const again = await f.cases.observables.add(analyst, incidentId, { type: 'ip', value: ' 203.0.113.9 ' });
    expect([again.added, again.known]).toEqual([0, 1]);
    expect(again.observables[0]!.source).toBe('text');
    await expect(
      f.cases.observables.add(analyst, incidentId, { type: 'ip', value: '999.1.1.1' }),
    ).rejects.toMatchObject({ code: 'OBSERVABLE_INVALID' });
  });

  it('removes an observable and says so on the timeline', async () => {
    const { observables } = await f.cases.observables.add(analyst, incidentId, {
      type: 'domain',
      value: 'evil.example',
    });
    await f.cases.observables.remove(analyst, incidentId, observables[0]!.id);
    expect(await f.cases.observables.list(analyst, incidentId)).toEqual([]);
    const kinds = (await f.cases.timeline.list(analyst, incidentId, { kinds: ['observable'] })).map(
      (e) => e.summary,
    );
    expect(kinds).toEqual([
      'Observable added: domain evil.example',
      'Observable removed: domain evil.example',
    ]);
    await expect(f.cases.observables.remove(analyst, incidentId, observables[0]!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('IncidentObservableService: sighting search', () => {
  it("finds the other hosts in the tenant's stored events, and nothing of another tenant", async () => {
    const c2 = '203.0.113.9';
    await f.store.append([
      testEvent({ 'host.name': 'ws01', 'destination.ip': c2 }, { time: T0 - 30 * 24 * HOUR }),
      testEvent({ 'host.name': 'ws02', 'destination.ip': c2 }, { time: T0 - 2 * HOUR }),
      testEvent({ 'host.name': 'ws02', 'destination.ip': c2 }, { time: T0 - HOUR }),
      testEvent({ 'host.name': 'srv9', 'source.ip': c2 }, { time: T0 }),
      testEvent({ 'host.name': 'ws03', 'destination.ip': '198.51.100.1' }, { time: T0 }),
      testEvent({ 'host.name': 'g1', 'destination.ip': c2 }, { time: T0, tenant: 'globex' as TenantId }),
    ]);
    const { observables } = await f.cases.observables.add(analyst, incidentId, { type: 'ip', value: c2 });
    const found = await f.cases.observables.sightings(analyst, incidentId, observables[0]!.id);
    expect(found.sighting).toMatchObject({
      count: 4,
      firstSeen: T0 - 30 * 24 * HOUR,
      lastSeen: T0,
      searchedAt: T0,
    });
    expect(found.sighting!.hosts[0]).toEqual({ name: 'ws02', count: 2 });
    expect(found.sighting!.hosts.map((h) => h.name).sort()).toEqual(['srv9', 'ws01', 'ws02']);
    const [stored] = await f.cases.observables.list(analyst, incidentId);
    expect(stored!.sighting?.count).toBe(4);
    const entry = (await f.cases.timeline.list(analyst, incidentId, { kinds: ['observable'] })).at(-1)!;
    expect(entry.summary).toMatch(/^Sighting search for ip 203\.0\.113\.9: 4 events on 3 host\(s\)/);
    const csirt = await f.user('cathy', 'csirt', ['acme']);
    await expect(f.cases.observables.sightings(csirt, incidentId, observables[0]!.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('IncidentObservableService: export', () => {
  beforeEach(async () => {
    await f.cases.observables.extract(
      analyst,
      incidentId,
      'http://evil.example.com/a 203.0.113.9 44d88612fea8a8f36de82e1278abb02f',
    );
    await f.cases.observables.add(analyst, incidentId, {
      type: 'user',
      value: '=cmd|calc',
      note: 'odd, "quoted"',
    });
  });

  it('writes a STIX 2.1 bundle with one indicator per observable that has a pattern', async () => {
    const { filename, bundle } = await f.cases.observables.stix(analyst, incidentId);
    expect(filename).toBe('INC-2025-0001-observables.stix.json');
    expect(bundle.type).toBe('bundle');
    const patterns = bundle.objects.filter((o) => o.type === 'indicator').map((o) => o['pattern']);
    expect(patterns).toContain("[ipv4-addr:value = '203.0.113.9']");
    expect(patterns).toContain("[file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']");
    const again = await f.cases.observables.stix(analyst, incidentId);
    expect(again.bundle.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
  });

  it("marks the STIX export with the incident's TLP 2.0 label", async () => {
    const amber = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
    const red = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
    const markingsOf = (objects: readonly StixObject[]): { defined: string[]; referenced: unknown[] } => ({
      defined: objects.filter((o) => o.type === 'marking-definition').map((o) => o.id),
      referenced: objects.filter((o) => o.type === 'indicator').map((o) => o['object_marking_refs']),
    });
    const { bundle } = await f.cases.observables.stix(analyst, incidentId);
    const before = markingsOf(bundle.objects);
    expect(before.defined).toEqual([amber]);
    expect(before.referenced.length).toBeGreaterThan(0);
    expect(before.referenced.every((r) => JSON.stringify(r) === JSON.stringify([amber]))).toBe(true);
    await f.cases.incidents.update(analyst, incidentId, { tlp: 'red' });
    const after = markingsOf((await f.cases.observables.stix(analyst, incidentId)).bundle.objects);
    expect(after.defined).toEqual([red]);
    expect(after.referenced).toEqual(before.referenced.map(() => [red]));
  });

  it('writes CSV that Excel opens safely, defanged on request', async () => {
    const { text } = await f.cases.observables.csv(analyst, incidentId, true);
    const lines = text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('type,value,source,first_seen,last_seen,note,sightings,sighting_hosts');
    expect(lines.find((l) => l.startsWith('url,'))).toMatch(
      /^url,hxxp:\/\/evil\[\.\]example\[\.\]com\/a,text,/,
    );
    expect(lines.find((l) => l.startsWith('user,'))).toMatch(
      /^user,'=cmd\|calc,manual,.*,"odd, ""quoted""",,$/,
    );
  });
});
