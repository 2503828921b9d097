// Detection on a running `yagura serve`: Sigma rules, a correlation and a threat-intel list over syslog events,
// findings stored and streamed, a rule set switched off for a tenant, rules reloaded from disk without a restart.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sendTcp,
  sshdLine,
  startServer,
  waitFor,
  waitForHits,
  type ServerProcess,
} from './server-process.js';

const FAILED_RULE = '0b0c6a0e-1111-4c1a-9a7e-000000000001';
const BRUTE_RULE = '0b0c6a0e-1111-4c1a-9a7e-000000000002';
const ACCEPTED_RULE = '0b0c6a0e-1111-4c1a-9a7e-000000000003';

const rules = `title: SSH failed password for root
id: ${FAILED_RULE}
status: test
author: Yagura e2e
logsource:
  product: linux
  service: sshd
detection:
  keywords:
    - 'Failed password for root'
  condition: keywords
level: medium
tags:
  - attack.credential-access
  - attack.t1110.001
---
title: SSH brute force against root
id: ${BRUTE_RULE}
author: Yagura e2e
correlation:
  type: event_count
  rules:
    - ${FAILED_RULE}
  group-by:
    - source.ip
  timespan: 10m
  condition:
    gte: 3
level: high
generate: true
`;

const acceptedRule = `title: SSH public key login
id: ${ACCEPTED_RULE}
status: test
author: Yagura e2e
logsource:
  product: linux
  service: sshd
detection:
  selection:
    message|contains: 'Accepted publickey'
  condition: selection
level: low
`;

interface Finding {
  id: string;
  tenant: string;
  kind: string;
  rule: { id: string; title: string; level: string; author?: string; tags: string[] };
  eventIds: string[];
  matched: Record<string, unknown>;
  intel?: { indicator: string; set: string };
  correlation?: { type: string; group: Record<string, string>; value: number };
}

const sshd = (message: string): string => sshdLine('bastion01', message);

describe('detection in a running yagura serve', () => {
  let server: ServerProcess;
  let dir: string;
  const json = { 'content-type': 'application/json' };

  async function findings(query = ''): Promise<Finding[]> {
    const response = await fetch(`${server.url}/api/findings?from=now-1d&limit=1000${query}`, {
      headers: server.auth,
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { findings: Finding[] }).findings;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yagura-detect-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'ssh.yml'), rules);
    writeFileSync(join(dir, 'blocklist.csv'), 'type,value,description\nipv4,203.0.113.66,known scanner\n');
    server = await startServer(`
tenants:
  - id: default
detection:
  ruleSets:
    - id: custom
      paths: [${join(dir, 'rules')}]
  intel:
    - path: ${join(dir, 'blocklist.csv')}
      id: blocklist
`);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports what it loaded', async () => {
    const response = await fetch(`${server.url}/api/detection/status`, { headers: server.auth });
    const status = (await response.json()) as {
      ruleSets: { id: string; rules: number; correlations: number }[];
      indicators: number;
      problems: unknown[];
    };
    expect(status.ruleSets).toEqual([expect.objectContaining({ id: 'custom', rules: 1, correlations: 1 })]);
    expect(status.indicators).toBe(1);
    expect(status.problems).toEqual([]);
  });

  it('turns matching events into stored, streamed findings: rule matches, indicator hits and a correlation', async () => {
    const stream = await fetch(`${server.url}/api/findings/stream`, { headers: server.auth });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    await sendTcp(server.tcpPort, [
      sshd('Failed password for root from 203.0.113.66 port 52144 ssh2'),
      sshd('Failed password for root from 203.0.113.66 port 52145 ssh2'),
      sshd('Failed password for root from 203.0.113.66 port 52146 ssh2'),
      sshd('Failed password for invalid user oracle from 198.51.100.7 port 40000 ssh2'),
    ]);
    const all = await waitFor(async () => {
      const list = await findings();
      return list.some((f) => f.kind === 'correlation') ? list : undefined;
    }, 'the correlation finding');
    const rule = all.filter((f) => f.kind === 'sigma');
    expect(rule).toHaveLength(3);
    expect(rule[0]!.rule).toEqual({
      id: FAILED_RULE,
      title: 'SSH failed password for root',
      level: 'medium',
      author: 'Yagura e2e',
      tags: ['attack.credential-access', 'attack.t1110.001'],
    });
    const intel = all.filter((f) => f.kind === 'intel');
    expect(intel).toHaveLength(3);
    expect(intel[0]).toMatchObject({
      rule: { id: 'intel:blocklist' },
      intel: { indicator: '203.0.113.66', set: 'blocklist' },
      matched: { 'source.ip': '203.0.113.66' },
    });
    const correlation = all.filter((f) => f.kind === 'correlation');
    expect(correlation).toHaveLength(1);
    expect(correlation[0]).toMatchObject({
      rule: { id: BRUTE_RULE, level: 'high' },
      correlation: { type: 'event_count', group: { 'source.ip': '203.0.113.66' }, value: 3 },
    });
    // The findings name events the store holds.
    const stored = await waitForHits(server.url, '"Failed password for root"', 3);
    expect(stored.events).toHaveLength(3);
    expect(rule.map((f) => f.eventIds[0]).sort()).toEqual(stored.events.map((e) => e.id).sort());

    let text = '';
    while (!text.includes('event: finding')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain(FAILED_RULE);
  }, 60_000);

  it('groups the findings of one rule and one source into one alert, not one per event', async () => {
    const alerts = await waitFor(async () => {
      const response = await fetch(`${server.url}/api/alerts?rule=${FAILED_RULE}`, { headers: server.auth });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        alerts: { findings: number; entity: Record<string, string> }[];
      };
      return body.alerts.length > 0 && body.alerts[0]!.findings >= 3 ? body.alerts : undefined;
    }, 'the grouped alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.findings).toBe(3);
    expect(alerts[0]!.entity).toMatchObject({ 'source.ip': '203.0.113.66' });
  }, 30_000);

  it('stops a rule set for a tenant at once, and keeps matching indicators', async () => {
    const off = await fetch(`${server.url}/api/tenants/default/rule-sets/custom`, {
      method: 'PUT',
      headers: { ...json, ...server.auth },
      body: JSON.stringify({ enabled: false }),
    });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { ruleSets: unknown[] }).ruleSets).toEqual([
      { ruleSet: 'custom', enabled: false, own: true },
    ]);
    const before = (await findings('&kind=sigma')).length;
    await sendTcp(server.tcpPort, [sshd('Failed password for root from 203.0.113.66 port 52999 ssh2')]);
    await waitFor(
      async () => ((await findings('&kind=intel')).length === 4 ? true : undefined),
      'the 4th intel hit',
    );
    expect(await findings('&kind=sigma')).toHaveLength(before);
    const audit = await fetch(`${server.url}/api/audit?action=detection.rule_set`, { headers: server.auth });
    expect(((await audit.json()) as { entries: unknown[] }).entries).toHaveLength(1);
    const unknown = await fetch(`${server.url}/api/tenants/default/rule-sets/nope`, {
      method: 'PUT',
      headers: { ...json, ...server.auth },
      body: JSON.stringify({ enabled: true }),
    });
    expect(unknown.status).toBe(404);
  }, 60_000);

  it('picks up rule files written to the folder without a restart, and reports broken ones with their line', async () => {
    await fetch(`${server.url}/api/tenants/default/rule-sets/custom`, {
      method: 'PUT',
      headers: { ...json, ...server.auth },
      body: JSON.stringify({ enabled: true }),
    });
    writeFileSync(join(dir, 'rules', 'accepted.yml'), acceptedRule);
    writeFileSync(
      join(dir, 'rules', 'broken.yml'),
      'title: broken\nlogsource:\n  product: linux\ndetection:\n  sel:\n    x|nosuchmodifier: 1\n  condition: sel\n',
    );
    const status = await waitFor(async () => {
      const response = await fetch(`${server.url}/api/detection/status`, { headers: server.auth });
      const s = (await response.json()) as {
        ruleSets: { rules: number }[];
        problems: { path?: string; line?: number; code: string }[];
      };
      return s.ruleSets[0]?.rules === 2 ? s : undefined;
    }, 'the reload');
    expect(status.problems).toEqual([
      expect.objectContaining({
        code: 'RULE_UNKNOWN_MODIFIER',
        line: 6,
        path: expect.stringMatching(/broken\.yml$/),
      }),
    ]);
    await sendTcp(server.tcpPort, [sshd('Accepted publickey for deploy from 10.0.0.5 port 52150 ssh2')]);
    const accepted = await waitFor(
      async () => (await findings(`&rule=${ACCEPTED_RULE}`)).at(0),
      'a finding of the new rule',
    );
    expect(accepted.matched['message']).toContain('Accepted publickey for deploy');
  }, 60_000);

  it('hunts stored events with a correlation and with rule text sent in the request', async () => {
    const start = async (body: object) => {
      const response = await fetch(`${server.url}/api/hunts`, {
        method: 'POST',
        headers: { ...json, ...server.auth },
        body: JSON.stringify({ from: 'now-1h', to: 'now+1m', ...body }),
      });
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };
      const job = await waitFor(async () => {
        const r = await fetch(`${server.url}/api/hunts/${id}`, { headers: server.auth });
        const j = (await r.json()) as { progress: { state: string; fraction: number; findings: number } };
        return j.progress.state === 'running' ? undefined : j;
      }, 'the hunt');
      const results = await fetch(`${server.url}/api/hunts/${id}/findings?limit=100`, {
        headers: server.auth,
      });
      return { job, ...((await results.json()) as { findings: Finding[]; total: number }) };
    };
    // The correlation by id brings the rule it counts: four stored failed logins for root from one address.
    const brute = await start({ rules: [BRUTE_RULE] });
    expect(brute.job.progress).toMatchObject({ state: 'done', fraction: 1 });
    expect(brute.findings.filter((f) => f.kind === 'sigma')).toHaveLength(4);
    expect(brute.findings.filter((f) => f.kind === 'correlation')).toEqual([
      expect.objectContaining({
        correlation: expect.objectContaining({ group: { 'source.ip': '203.0.113.66' } }),
      }),
    ]);
    const text = `title: invalid user
logsource:
  product: linux
  service: sshd
detection:
  selection:
    message|contains: 'invalid user oracle'
  condition: selection
`;
    const adHoc = await start({ ruleText: text });
    expect(adHoc.total).toBe(1);
    expect(adHoc.findings[0]!.rule.title).toBe('invalid user');
    const bad = await fetch(`${server.url}/api/hunts`, {
      method: 'POST',
      headers: { ...json, ...server.auth },
      body: JSON.stringify({ from: 'now-1h', rules: ['no-such-rule'] }),
    });
    expect(bad.status).toBe(404);
  }, 60_000);

  it('imports an indicator set through the API, matches it at once, and removes it', async () => {
    const put = (id: string, body: object) =>
      fetch(`${server.url}/api/detection/intel/${id}`, {
        method: 'PUT',
        headers: { ...json, ...server.auth },
        body: JSON.stringify(body),
      });
    const imported = await put('scanners', {
      content: 'type,value\nipv4,198.51.100.7\nipv4,999.1.1.1\n',
      name: 'Scanners seen by the SOC',
    });
    expect(imported.status).toBe(200);
    const result = (await imported.json()) as { set: { indicators: number }; problems: { line?: number }[] };
    expect(result.set.indicators).toBe(1);
    expect(result.problems).toEqual([expect.objectContaining({ line: 3 })]);
    await sendTcp(server.tcpPort, [
      sshd('Failed password for invalid user test from 198.51.100.7 port 40001 ssh2'),
    ]);
    const hit = await waitFor(
      async () => (await findings('&rule=intel:scanners')).at(0),
      'the imported set’s hit',
    );
    expect(hit.intel).toMatchObject({ indicator: '198.51.100.7', set: 'scanners' });
    const sets = await fetch(`${server.url}/api/detection/intel`, { headers: server.auth });
    expect(((await sets.json()) as { sets: { id: string }[] }).sets.map((s) => s.id).sort()).toEqual([
      'blocklist',
      'scanners',
    ]);
    expect((await put('broken', { content: '{"not": "stix or misp"}' })).status).toBe(400);
    expect((await put('blocklist', { content: 'ipv4,192.0.2.1' })).status).toBe(409);
    const removed = await fetch(`${server.url}/api/detection/intel/scanners`, {
      method: 'DELETE',
      headers: server.auth,
    });
    expect(removed.status).toBe(204);
    const after = await fetch(`${server.url}/api/detection/intel`, { headers: server.auth });
    expect(((await after.json()) as { sets: unknown[] }).sets).toHaveLength(1);
  }, 60_000);

  it('refuses bad requests with a reason', async () => {
    const bad = await fetch(`${server.url}/api/findings?level=severe`, { headers: server.auth });
    expect(bad.status).toBe(400);
    const anonymous = await fetch(`${server.url}/api/findings`);
    expect(anonymous.status).toBe(401);
  });
});
