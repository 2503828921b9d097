import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor, type Role } from '../../access/actor.js';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import { EvidenceService } from '../../cases/evidence-service.js';
import { EvidenceFiles } from '../../cases/evidence/evidence-files.js';
import { alterStoredByte, FakeIncidents, FakeTimeline } from '../../cases/evidence/test-support.js';
import { TENANTS, testAccess, testApp, type TestAccess } from '../test-support.js';
import { contentDisposition } from './evidence.js';

const MAX_BYTES = 4 * 1024 * 1024;

let t: TestAccess;
let app: ReturnType<typeof testApp>['app'];
let dir: string;
let files: EvidenceFiles;
let timeline: FakeTimeline;
let analyst: { authorization: string };

async function user(username: string, role: Role, tenants: string[]): Promise<{ authorization: string }> {
  const cli = cliActor();
  const u = await t.access.users.create(cli, { username, role, tenants, password: GOOD_PASSWORD });
  const { secret } = await t.access.tokens.create(cli, { userId: u.id, name: 'test' });
  return { authorization: `Bearer ${secret}` };
}

beforeEach(async () => {
  t = await testAccess();
  dir = await mkdtemp(join(tmpdir(), 'yagura-evidence-api-'));
  files = new EvidenceFiles(join(dir, 'evidence'));
  timeline = new FakeTimeline();
  const evidence = new EvidenceService(
    { db: t.db, audit: t.access.audit, knownTenants: () => TENANTS, clock: () => t.clock.now, dataDir: dir },
    files,
    timeline,
    new FakeIncidents(),
    { maxBytes: MAX_BYTES },
  );
  app = testApp({ access: t.access, evidence, now: () => t.clock.now }).app;
  analyst = await user('aoi', 'soc_analyst', ['acme']);
});
afterEach(async () => {
  await app.close();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** POSTs the chunks with chunked transfer encoding, as a client streaming a file of unknown length does. */
function postChunked(
  port: number,
  path: string,
  chunks: Buffer[],
): Promise<{ statusCode: number | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { ...analyst, 'content-type': 'application/octet-stream' },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ statusCode: res.statusCode, body }));
      },
    );
    req.on('error', reject);
    const rest = [...chunks];
    const pump = (): void => {
      for (let next = rest.shift(); next; next = rest.shift()) {
        if (!req.write(next)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

/** The upload folder's leftovers (none when it was never created). */
async function incoming(): Promise<string[]> {
  return readdir(join(dir, 'evidence', 'incoming')).catch(() => []);
}

function upload(
  body: Buffer,
  headers = analyst,
  query = 'name=memory%20dump%20%E3%83%A1%E3%83%A2%E3%83%AA.bin',
) {
  return app.inject({
    method: 'POST',
    url: `/api/incidents/inc-acme-1/evidence?${query}&reason=Memory%20of%20WS01&source=WS01%2C%20winpmem`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

describe('the evidence routes', () => {
  it('upload a 3 MB file streamed, hashed on arrival, and download the same bytes with the hash header', async () => {
    const body = randomBytes(3 * 1024 * 1024);
    const created = await upload(body);
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      incidentId: 'inc-acme-1',
      name: 'memory dump メモリ.bin',
      size: body.length,
      sha256: sha(body),
      source: 'WS01, winpmem',
      contentType: 'application/octet-stream',
    });

    const custody = await app.inject({ url: `/api/evidence/${item.id}/custody`, headers: analyst });
    expect(custody.statusCode).toBe(200);
    expect(custody.json().verification.ok).toBe(true);
    expect(custody.json().entries).toEqual([
      expect.objectContaining({ seq: 1, action: 'uploaded', hashAfter: sha(body), reason: 'Memory of WS01' }),
    ]);

    const download = await app.inject({
      url: `/api/evidence/${item.id}/download?reason=Volatility%20analysis`,
      headers: analyst,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(body)).toBe(true);
    expect(download.headers['x-evidence-sha256']).toBe(sha(body));
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toBe(contentDisposition('memory dump メモリ.bin'));
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''memory%20dump%20%E3%83%A1%E3%83%A2%E3%83%AA.bin",
    );

    const listed = await app.inject({ url: '/api/incidents/inc-acme-1/evidence', headers: analyst });
    expect(listed.json().evidence).toHaveLength(1);
    expect(timeline.entries).toEqual([expect.objectContaining({ kind: 'evidence', inTransaction: true })]);
  });

  it('refuses a download of an altered file with 409, naming the file and both hashes, and records it', async () => {
    const body = Buffer.from('MZ\x90\x00 suspicious dropper');
    const item = (await upload(body)).json();
    await alterStoredByte(files.pathOf(item.sha256));

    const verify = await app.inject({
      method: 'POST',
      url: `/api/evidence/${item.id}/verify`,
      headers: analyst,
    });
    expect(verify.statusCode, verify.body).toBe(200);
    const check = verify.json();
    expect(check.ok).toBe(false);
    expect(check.summary).toContain(files.relativePathOf(item.sha256));
    expect(check.summary).toContain(item.sha256);
    expect(check.summary).toContain(check.stored.actual);

    const download = await app.inject({
      url: `/api/evidence/${item.id}/download?reason=analysis`,
      headers: analyst,
    });
    expect(download.statusCode).toBe(409);
    const error = download.json().error;
    expect(error.code).toBe('EVIDENCE_ALTERED');
    expect(error.message).toContain(files.relativePathOf(item.sha256));
    expect(error.message).toContain(item.sha256);
    expect(error.message).toContain(check.stored.actual);

    const custody = (await app.inject({ url: `/api/evidence/${item.id}/custody`, headers: analyst })).json();
    expect(custody.entries.map((e: { action: string }) => e.action)).toEqual([
      'uploaded',
      'verification_failed',
      'verification_failed',
    ]);
  });

  it('names the tampered ledger entry', async () => {
    const item = (await upload(Buffer.from('evidence'))).json();
    const add = await app.inject({
      method: 'POST',
      url: `/api/evidence/${item.id}/custody`,
      headers: analyst,
      payload: { action: 'transferred', reason: 'To the contractor', from: 'evidence safe, room 3' },
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ seq: 2, action: 'transferred', from: 'evidence safe, room 3' });
    await t.db.updateTable('custody_entries').set({ origin: 'home office' }).where('seq', '=', 2).execute();
    const custody = (await app.inject({ url: `/api/evidence/${item.id}/custody`, headers: analyst })).json();
    expect(custody.verification.ok).toBe(false);
    expect(custody.verification.problems).toEqual([
      { seq: 2, kind: 'hash_mismatch', message: expect.stringContaining('Ledger entry 2 was altered') },
    ]);
  });

  it('answers 413 to an upload whose declared length is over the limit, before reading it', async () => {
    const big = Buffer.alloc(MAX_BYTES + 1, 0x61);
    const response = await upload(big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('EVIDENCE_TOO_LARGE');
    expect(await incoming()).toEqual([]);
    expect(await files.has(sha(big))).toBe(false);
  });

  it('answers 413 to a streamed upload that passes the limit midway, and leaves no partial file', async () => {
    const chunk = Buffer.alloc(512 * 1024, 0x62);
    const chunks = Array.from({ length: 9 }, () => chunk);
    // Over a socket: the refusal must reach a client still sending, with no Content-Length declared.
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const response = await postChunked(
      port,
      '/api/incidents/inc-acme-1/evidence?name=big.bin&reason=r',
      chunks,
    );
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body).error.code).toBe('EVIDENCE_TOO_LARGE');
    expect(await incoming()).toEqual([]);
    expect(await files.has(sha(Buffer.concat(chunks)))).toBe(false);
    const listed = await app.inject({ url: '/api/incidents/inc-acme-1/evidence', headers: analyst });
    expect(listed.json().evidence).toEqual([]);
  });

  it('needs a name and a reason, and refuses a compressed body', async () => {
    const noReason = await app.inject({
      method: 'POST',
      url: '/api/incidents/inc-acme-1/evidence?name=a.bin',
      headers: { ...analyst, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('x'),
    });
    expect(noReason.statusCode).toBe(400);
    const gzip = await app.inject({
      method: 'POST',
      url: '/api/incidents/inc-acme-1/evidence?name=a.bin&reason=r',
      headers: { ...analyst, 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
      payload: Buffer.from('x'),
    });
    expect(gzip.statusCode).toBe(415);
  });

  it('blocks disposal under legal hold with 409, and disposes after release', async () => {
    const item = (await upload(Buffer.from('hold me'))).json();
    const hold = await app.inject({
      method: 'POST',
      url: `/api/evidence/${item.id}/hold`,
      headers: analyst,
      payload: { reason: 'Litigation hold' },
    });
    expect(hold.statusCode).toBe(200);
    expect(hold.json().legalHold).toMatchObject({ reason: 'Litigation hold' });
    const refused = await app.inject({
      method: 'DELETE',
      url: `/api/evidence/${item.id}?reason=closed`,
      headers: analyst,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('EVIDENCE_LEGAL_HOLD');
    expect(await files.has(item.sha256)).toBe(true);
    const release = await app.inject({
      method: 'POST',
      url: `/api/evidence/${item.id}/release`,
      headers: analyst,
      payload: { reason: 'Hold lifted by legal' },
    });
    expect(release.json().legalHold).toBeNull();
    const disposed = await app.inject({
      method: 'DELETE',
      url: `/api/evidence/${item.id}?reason=closed`,
      headers: analyst,
    });
    expect(disposed.statusCode).toBe(200);
    expect(disposed.json()).toMatchObject({
      fileRemoved: true,
      evidence: { disposed: { reason: 'closed' } },
    });
  });

  it("keeps another tenant's users out (403) and lets readers read but not upload", async () => {
    const item = (await upload(Buffer.from('acme only'))).json();
    const other = await user('gin', 'soc_analyst', ['globex']);
    for (const url of [
      `/api/evidence/${item.id}`,
      `/api/evidence/${item.id}/custody`,
      `/api/evidence/${item.id}/download?reason=x`,
      '/api/incidents/inc-acme-1/evidence',
    ]) {
      expect((await app.inject({ url, headers: other })).statusCode).toBe(403);
    }
    expect((await upload(Buffer.from('x'), other)).statusCode).toBe(403);
    const admin = await user('root2', 'admin', []);
    expect(
      (await app.inject({ url: '/api/evidence/000000000000000000000000', headers: admin })).statusCode,
    ).toBe(404);

    const viewer = await user('mei', 'viewer', ['acme']);
    expect((await app.inject({ url: `/api/evidence/${item.id}`, headers: viewer })).statusCode).toBe(200);
    expect((await upload(Buffer.from('x'), viewer)).statusCode).toBe(403);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266)', () => {
    expect(contentDisposition('report "final" 100%.pdf')).toBe(
      `attachment; filename="report _final_ 100_.pdf"; filename*=UTF-8''report%20%22final%22%20100%25.pdf`,
    );
  });
});
