// Issue 8's flow on a running `yagura serve`: alerts -> an incident with its playbook's tasks -> a sighting search that
// finds the other hosts in the stored events -> evidence uploaded and its custody verified, then one byte of the
// stored file altered and the verification naming it -> a vendor log request logged -> a Japanese flash report as
// PDF whose text (pdftotext) holds the expected Japanese.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendTcp, startServer, waitFor, type ServerProcess } from './server-process.js';

const RULE = '7c1d0000-0000-4000-8000-0000000000c1';
const ATTACKER = '203.0.113.66';

const rules = `title: SSH password guessing against the web servers
id: ${RULE}
status: test
author: Yagura e2e
logsource:
  product: linux
  service: sshd
detection:
  selection:
    message|contains: 'Failed password for invalid user'
  condition: selection
level: high
`;

/** An RFC 5424 sshd line stamped now, from `host`. */
const sshd = (host: string, message: string) =>
  `<38>1 ${new Date().toISOString()} ${host} sshd 4242 - - ${message}`;

interface Json {
  [key: string]: unknown;
}

describe('incident handling in a running yagura serve', () => {
  let server: ServerProcess;
  let dir: string;

  const call = async <T = Json>(
    method: string,
    path: string,
    body?: unknown,
    raw?: Buffer,
  ): Promise<{ status: number; body: T; bytes: Buffer; headers: Headers }> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...server.auth,
        ...(raw ? { 'content-type': 'application/octet-stream' } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(raw ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    const parsed =
      type.includes('json') && bytes.length > 0 ? (JSON.parse(bytes.toString('utf8')) as T) : ({} as T);
    return { status: response.status, body: parsed, bytes, headers: response.headers };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yagura-incidents-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'ssh.yml'), rules);
    server = await startServer(`
tenants:
  - id: acme
    name: Acme 株式会社
    timeZone: Asia/Tokyo
    sources: [127.0.0.1]
detection:
  ruleSets:
    - id: custom
      paths: [${join(dir, 'rules')}]
cases:
  reports:
    organization: Yagura SOC センター
`);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs from alerts to a verified evidence locker, a vendor request and a Japanese flash report', async () => {
    // The attacker guesses passwords on web01 and web02 (alerts), and later logs in to db01 and files01 with a key.
    await sendTcp(server.tcpPort, [
      ...[1, 2, 3].map((n) =>
        sshd('web01', `Failed password for invalid user admin from ${ATTACKER} port ${40000 + n} ssh2`),
      ),
      sshd('web02', `Failed password for invalid user oracle from ${ATTACKER} port 41001 ssh2`),
      sshd('db01', `Accepted publickey for deploy from ${ATTACKER} port 42001 ssh2`),
      sshd('files01', `Accepted publickey for deploy from ${ATTACKER} port 42002 ssh2`),
      sshd('web03', 'Accepted publickey for deploy from 192.0.2.10 port 42003 ssh2'),
    ]);
    const alerts = await waitFor(async () => {
      const r = await call<{ alerts: { id: string; findings: number }[] }>('GET', `/api/alerts?rule=${RULE}`);
      const total = r.body.alerts.reduce((n, a) => n + a.findings, 0);
      return r.body.alerts.length === 2 && total === 4 ? r.body.alerts : undefined;
    }, 'two alerts with four findings');

    // One incident from both alerts, with the unauthorized-access playbook's tasks.
    const opened = await call<{
      incident: { id: string; ref: string; category: string; playbook: { id: string } | null };
      tasks: { title: { ja: string } }[];
      observables: { id: string; type: string; value: string }[];
      alertIds: string[];
    }>('POST', '/api/incidents/from-alerts', {
      alertIds: alerts.map((a) => a.id),
      title: 'Web サーバーへの SSH パスワード推測攻撃',
      category: 'unauthorized_access',
    });
    expect(opened.status).toBe(201);
    const { incident } = opened.body;
    expect(incident.category).toBe('unauthorized_access');
    expect(incident.playbook?.id).toBe('unauthorized_access');
    expect(opened.body.tasks.length).toBeGreaterThanOrEqual(8);
    expect(opened.body.alertIds.sort()).toEqual(alerts.map((a) => a.id).sort());
    const attacker = opened.body.observables.filter((o) => o.value === ATTACKER);
    expect(attacker).toHaveLength(1); // both alerts name it; it is kept once

    // Where else did the attacker's address appear? Every host that logged it, none that did not.
    const sighted = await call<{ sighting: { count: number; hosts: { name: string; count: number }[] } }>(
      'POST',
      `/api/incidents/${incident.id}/observables/${attacker[0]!.id}/sightings`,
    );
    expect(sighted.status).toBe(200);
    expect(sighted.body.sighting.count).toBe(6);
    expect(sighted.body.sighting.hosts.map((h) => h.name).sort()).toEqual([
      'db01',
      'files01',
      'web01',
      'web02',
    ]);

    // Evidence: uploaded, hashed on arrival, custody verified.
    const image = Buffer.alloc(512 * 1024);
    for (let i = 0; i < image.length; i++) image[i] = (i * 31 + 7) % 251;
    const sha256 = createHash('sha256').update(image).digest('hex');
    const uploaded = await call<{ id: string; sha256: string; size: number }>(
      'POST',
      `/api/incidents/${incident.id}/evidence?name=${encodeURIComponent('web01-auth.log')}&reason=${encodeURIComponent('web01 の認証ログを保全')}&source=${encodeURIComponent('web01, collected by aoi')}`,
      undefined,
      image,
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ sha256, size: image.length });
    const fine = await call<{ ok: boolean }>('POST', `/api/evidence/${uploaded.body.id}/verify`, {});
    expect(fine.body.ok).toBe(true);
    const custody = await call<{ entries: { action: string }[]; verification: { ok: boolean } }>(
      'GET',
      `/api/evidence/${uploaded.body.id}/custody`,
    );
    expect(custody.body.verification.ok).toBe(true);
    expect(custody.body.entries.map((e) => e.action)).toEqual(['uploaded', 'verified']);

    // One byte of the stored file changes: the verification names the file and both hashes.
    const stored = join(server.dataDir, 'evidence', 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect(existsSync(stored)).toBe(true);
    chmodSync(stored, 0o640);
    const bytes = readFileSync(stored);
    bytes[1000] = bytes[1000]! ^ 0xff;
    writeFileSync(stored, bytes);
    const altered = await call<{
      ok: boolean;
      problems: { kind: string; message: string }[];
      summary: string;
    }>('POST', `/api/evidence/${uploaded.body.id}/verify`, {});
    expect(altered.body.ok).toBe(false);
    const problem = altered.body.problems.find((p) => p.kind === 'file_altered');
    expect(problem?.message).toContain(`sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
    expect(problem?.message).toContain(createHash('sha256').update(bytes).digest('hex'));
    const refused = await call('GET', `/api/evidence/${uploaded.body.id}/download?reason=check`);
    expect(refused.status).toBe(409);

    // A vendor log request, drafted from the template and logged as an open request.
    const vendor = await call<{ id: string }>('POST', '/api/contacts', {
      tenant: 'acme',
      contact: {
        kind: 'vendor',
        organization: '株式会社サンプルホスティング',
        name: 'サポート窓口',
        channels: [{ kind: 'email', value: 'support@hosting.example.jp', preferred: true }],
        language: 'ja',
      },
    });
    expect(vendor.status).toBe(201);
    const draft = await call<{ subject: string; body: string }>(
      'POST',
      '/api/communication-templates/vendor-log-request/render',
      {
        incidentId: incident.id,
        contactId: vendor.body.id,
        language: 'ja',
        values: {
          'period.from': '2026-11-28 00:00',
          'period.to': '2026-11-29 12:00',
          'requested.items': ['FW ログ'],
        },
      },
    );
    expect(draft.status).toBe(200);
    expect(draft.body.subject).toContain(incident.ref);
    const logged = await call<{ request: { status: string } }>(
      'POST',
      `/api/incidents/${incident.id}/communications`,
      {
        direction: 'outgoing',
        channel: 'email',
        contactId: vendor.body.id,
        subject: draft.body.subject,
        summary: 'FW ログの提供を依頼',
        body: draft.body.body,
        request: { dueAt: Date.now() + 2 * 86_400_000 },
      },
    );
    expect(logged.status).toBe(201);
    expect(logged.body.request.status).toBe('open');
    const timeline = await call<{ entries: { kind: string }[] }>(
      'GET',
      `/api/incidents/${incident.id}/timeline`,
    );
    const kinds = new Set(timeline.body.entries.map((e) => e.kind));
    for (const kind of ['created', 'alert', 'evidence', 'communication']) expect(kinds).toContain(kind);

    // The flash report, in Japanese, as PDF: its text says what the incident is.
    const report = await call('POST', `/api/incidents/${incident.id}/reports?format=pdf`, {
      kind: 'flash',
      language: 'ja',
      recipient: 'Acme 株式会社 情報システム部 御中',
      sections: {
        summary: '外部アドレスから Web サーバー 2 台に SSH のパスワード推測が行われました。',
        impact: 'db01 と files01 に同じアドレスからのログインが確認されています。',
      },
    });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('application/pdf');
    expect(report.headers.get('x-report-sequence')).toBe('1');
    const pdf = join(dir, 'flash.pdf');
    writeFileSync(pdf, report.bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('速報');
    expect(text).toContain(incident.ref);
    expect(text).toContain('SSH パスワード推測攻撃');
    expect(text).toContain('db01 と files01 に同じアドレスからのログインが確認されています。');
    expect(text).toContain('Yagura SOC センター');
  }, 120_000);
});
