import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { tenantId } from '../core/ids.js';
import { openStateDb, stateDbPath, type StateDb } from '../state/database.js';
import { AuditLog } from './audit-log.js';
import { canonicalJson, entryHash, GENESIS_HASH } from './chain.js';

const admin: Actor = {
  kind: 'user',
  id: 'u_admin',
  name: 'alice',
  role: 'admin',
  tenants: 'all',
  address: '192.0.2.7',
};
const csirtA: Actor = { kind: 'user', id: 'u_a', name: 'bob', role: 'csirt', tenants: [tenantId('acme')] };
const A = tenantId('acme');
const B = tenantId('beta');

let dir: string;
let dbs: StateDb[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yagura-audit-'));
  dbs = [];
});

afterEach(async () => {
  for (const db of dbs) await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function open(dataDir = dir): Promise<StateDb> {
  const db = await openStateDb({ dataDir });
  dbs.push(db);
  return db;
}

async function fill(log: AuditLog, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await log.record({
      actor: i % 2 ? admin : csirtA,
      action: i % 3 ? 'user.create' : 'auth.login',
      outcome: i % 5 ? 'success' : 'denied',
      ...(i % 4 ? { tenant: i % 2 ? A : B } : {}),
      target: { type: 'user', id: `u_${i}` },
      details: { n: i, z: 'last', a: { y: 1, b: [2, 1] } },
    });
  }
}

/** A second connection to the same file, as an attacker with file access would use. */
function tamper(statements: string): void {
  const raw = new Database(stateDbPath(dir));
  try {
    raw.exec(statements);
  } finally {
    raw.close();
  }
}

describe('recording', () => {
  it('links each entry to the previous one, starting from the genesis hash', async () => {
    const log = new AuditLog(await open(':memory:'));
    const first = await log.record({ actor: admin, action: 'tenant.create', outcome: 'success', tenant: A });
    const second = await log.record({ actor: csirtA, action: 'auth.login', outcome: 'denied' });
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await log.head()).toEqual({ seq: 2, hash: second.hash });
  });

  it('stores who, when, what, from where and for which tenant, with details as canonical JSON', async () => {
    const db = await open(':memory:');
    const log = new AuditLog(db, { now: () => 1_700_000_000_000 });
    const entry = await log.record({
      actor: admin,
      action: 'user.role.change',
      outcome: 'success',
      tenant: A,
      target: { type: 'user', id: 'u_9' },
      details: { to: 'soc_analyst', from: 'viewer', nested: { z: 1, a: 2 } },
    });
    expect(entry).toMatchObject({
      at: 1_700_000_000_000,
      actor: { kind: 'user', id: 'u_admin', name: 'alice', role: 'admin', address: '192.0.2.7' },
      tenant: 'acme',
      action: 'user.role.change',
      target: { type: 'user', id: 'u_9' },
      details: { to: 'soc_analyst', from: 'viewer', nested: { z: 1, a: 2 } },
    });
    const row = await db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(row.details).toBe('{"from":"viewer","nested":{"a":2,"z":1},"to":"soc_analyst"}');
    expect(entryHash(row)).toBe(row.hash);
  });

  it('names the API token an entry was made with', async () => {
    const log = new AuditLog(await open(':memory:'));
    const token: Actor = { ...csirtA, kind: 'token', tokenId: 't_123' };
    const entry = await log.record({ actor: token, action: 'alert.ack', outcome: 'success', tenant: A });
    const [read] = (await log.query({ tenants: [A], limit: 1 })).entries;
    expect(read?.actor).toEqual({ kind: 'token', id: 'u_a', name: 'bob', role: 'csirt', tokenId: 't_123' });
    expect(read?.hash).toBe(entry.hash);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('hashes the same facts the same way whatever the key order of details', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: undefined, b: null }] })).toBe(
      '{"a":[{"b":null,"d":1}],"b":1}',
    );
  });

  it('refuses an action that is not a dotted word', async () => {
    const log = new AuditLog(await open(':memory:'));
    await expect(
      log.record({ actor: admin, action: 'drop table; --', outcome: 'success' }),
    ).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
  });

  it('keeps one chain when many record() calls run at once', async () => {
    const log = new AuditLog(await open());
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        log.record({ actor: admin, action: 'x.y', outcome: 'success', details: { i } }),
      ),
    );
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(await log.verify()).toMatchObject({ ok: true, entries: 100 });
  });

  it('keeps one chain when two logs on the same file append in turn', async () => {
    const one = new AuditLog(await open());
    const two = new AuditLog(await open());
    for (let i = 0; i < 20; i++) {
      await (i % 2 ? one : two).record({ actor: admin, action: 'x.y', outcome: 'success', details: { i } });
    }
    expect(await one.verify()).toMatchObject({ ok: true, entries: 20 });
    expect(await two.head()).toEqual(await one.head());
  });

  it('appends inside a caller transaction and rolls back with it', async () => {
    const db = await open(':memory:');
    const log = new AuditLog(db);
    await log.record({ actor: admin, action: 'a.kept', outcome: 'success' });
    await expect(
      db.transaction().execute(async (trx) => {
        await log.record({ actor: admin, action: 'a.undone', outcome: 'success' }, { within: trx });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await db.transaction().execute(async (trx) => {
      await log.record({ actor: admin, action: 'a.committed', outcome: 'success' }, { within: trx });
    });
    const page = await log.query({ tenants: 'all', limit: 10 });
    expect(page.entries.map((e) => [e.seq, e.action])).toEqual([
      [2, 'a.committed'],
      [1, 'a.kept'],
    ]);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 2 });
  });
});

describe('append-only', () => {
  it('refuses UPDATE and DELETE of entries through SQL', async () => {
    const db = await open();
    const log = new AuditLog(db);
    await fill(log, 3);
    await expect(sql`update audit_log set outcome = 'success' where seq = 2`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 3`.execute(db)).rejects.toThrow(/append-only/);
    expect(() => tamper('delete from audit_log')).toThrow(/append-only/);
    expect(() => tamper('update audit_head set seq = 0')).toThrow(/forward/);
    expect(() => tamper('delete from audit_head')).toThrow(/cannot be deleted/);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 3 });
  });
});

describe('verify', () => {
  it('finds a chain of many entries intact, reading it a page at a time', async () => {
    const log = new AuditLog(await open());
    await fill(log, 250);
    const result = await log.verify({ pageSize: 40 });
    expect(result).toEqual({ ok: true, entries: 250, head: await log.head() });
  });

  it('finds an empty log intact', async () => {
    const log = new AuditLog(await open(':memory:'));
    expect(await log.verify()).toEqual({ ok: true, entries: 0, head: { seq: 0, hash: GENESIS_HASH } });
  });

  it('reports an edited row at its seq as a hash mismatch', async () => {
    const log = new AuditLog(await open());
    await fill(log, 120);
    tamper(`drop trigger audit_log_no_update; update audit_log set details = '{"n":0}' where seq = 37`);
    expect(await log.verify({ pageSize: 25 })).toMatchObject({
      ok: false,
      entries: 36,
      firstBadSeq: 37,
      reason: 'hash mismatch',
    });
  });

  it('reports an edited actor or tenant just as an edited detail', async () => {
    const log = new AuditLog(await open());
    await fill(log, 10);
    tamper(`drop trigger audit_log_no_update; update audit_log set tenant = 'beta' where seq = 9`);
    expect(await log.verify()).toMatchObject({ ok: false, firstBadSeq: 9, reason: 'hash mismatch' });
  });

  it('reports an edited row whose hash was recomputed as a broken link at the next seq', async () => {
    const db = await open();
    const log = new AuditLog(db);
    await fill(log, 50);
    const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', 20).executeTakeFirstOrThrow();
    const forged = { ...row, outcome: 'success', details: '{}' };
    const hash = entryHash(forged);
    tamper(
      `drop trigger audit_log_no_update; update audit_log set outcome = 'success', details = '{}', hash = '${hash}' where seq = 20`,
    );
    expect(await log.verify()).toMatchObject({
      ok: false,
      entries: 20,
      firstBadSeq: 21,
      reason: 'broken link',
    });
  });

  it('reports a deleted row as a sequence gap where it was', async () => {
    const log = new AuditLog(await open());
    await fill(log, 60);
    tamper('drop trigger audit_log_no_delete; delete from audit_log where seq = 42');
    const result = await log.verify({ pageSize: 10 });
    expect(result).toMatchObject({ ok: false, entries: 41, firstBadSeq: 42, reason: 'sequence gap' });
    expect(result.ok ? '' : result.message).toContain('Entry 42 is missing');
  });

  it('reports a deleted first row as a gap at seq 1', async () => {
    const log = new AuditLog(await open());
    await fill(log, 5);
    tamper('drop trigger audit_log_no_delete; delete from audit_log where seq = 1');
    expect(await log.verify()).toMatchObject({
      ok: false,
      entries: 0,
      firstBadSeq: 1,
      reason: 'sequence gap',
    });
  });

  it('reports removed newest entries against the head row', async () => {
    const log = new AuditLog(await open());
    await fill(log, 30);
    tamper('drop trigger audit_log_no_delete; delete from audit_log where seq >= 29');
    expect(await log.verify()).toMatchObject({
      ok: false,
      entries: 28,
      firstBadSeq: 29,
      reason: 'head mismatch',
    });
  });

  it('needs an exported anchor to notice truncation when the head row was moved back too', async () => {
    const log = new AuditLog(await open());
    await fill(log, 30);
    const anchor = await log.head();
    const row28 = await log.query({
      tenants: 'all',
      limit: 1,
      cursor: Buffer.from('s:29').toString('base64url'),
    });
    tamper(
      `drop trigger audit_log_no_delete; drop trigger audit_head_forward_only; delete from audit_log where seq >= 29;` +
        `update audit_head set seq = 28, hash = '${row28.entries[0]?.hash}'`,
    );
    expect(await log.verify()).toMatchObject({ ok: true, entries: 28 });
    expect(await log.verify({ anchor })).toMatchObject({
      ok: false,
      firstBadSeq: 29,
      reason: 'anchor mismatch',
    });
    expect(await log.verify({ anchor: { seq: 28, hash: 'f'.repeat(64) } })).toMatchObject({
      ok: false,
      firstBadSeq: 28,
      reason: 'anchor mismatch',
    });
  });
});

describe('query', () => {
  async function seeded(): Promise<AuditLog> {
    const log = new AuditLog(await open(':memory:'), {
      now: (() => {
        let t = 1000;
        return () => (t += 1000);
      })(),
    });
    await log.record({ actor: admin, action: 'tenant.create', outcome: 'success', tenant: A }); // 1, at 2000
    await log.record({ actor: admin, action: 'tenant.create', outcome: 'success', tenant: B }); // 2
    await log.record({ actor: admin, action: 'settings.change', outcome: 'success' }); // 3, installation-wide
    await log.record({ actor: csirtA, action: 'auth.login', outcome: 'success', tenant: A }); // 4
    await log.record({ actor: csirtA, action: 'auth.denied', outcome: 'denied', tenant: B }); // 5
    await log.record({ actor: admin, action: 'user.create', outcome: 'success', tenant: B }); // 6
    await log.record({ actor: csirtA, action: 'auth.loginx', outcome: 'failure', tenant: A }); // 7, at 8000
    return log;
  }
  const seqs = (page: { entries: { seq: number }[] }) => page.entries.map((e) => e.seq);

  it('returns only the scoped tenants entries, never another tenant or installation-wide ones', async () => {
    const log = await seeded();
    expect(seqs(await log.query({ tenants: [A], limit: 100 }))).toEqual([7, 4, 1]);
    expect(seqs(await log.query({ tenants: [A], tenant: B, limit: 100 }))).toEqual([]);
    expect(seqs(await log.query({ tenants: [], limit: 100 }))).toEqual([]);
    expect(seqs(await log.query({ tenants: [A, B], limit: 100 }))).toEqual([7, 6, 5, 4, 2, 1]);
    expect(seqs(await log.query({ tenants: 'all', limit: 100 }))).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(seqs(await log.query({ tenants: 'all', tenant: B, limit: 100 }))).toEqual([6, 5, 2]);
  });

  it('filters by actor, action prefix, outcome and time range', async () => {
    const log = await seeded();
    expect(seqs(await log.query({ tenants: 'all', actorId: 'u_a', limit: 100 }))).toEqual([7, 5, 4]);
    expect(seqs(await log.query({ tenants: 'all', action: 'auth.login', limit: 100 }))).toEqual([7, 4]);
    expect(seqs(await log.query({ tenants: 'all', action: 'tenant.', limit: 100 }))).toEqual([2, 1]);
    expect(seqs(await log.query({ tenants: 'all', action: 'AUTH', limit: 100 }))).toEqual([]);
    expect(seqs(await log.query({ tenants: 'all', action: 'auth%', limit: 100 }))).toEqual([]);
    expect(seqs(await log.query({ tenants: 'all', outcome: 'denied', limit: 100 }))).toEqual([5]);
    expect(seqs(await log.query({ tenants: 'all', from: 3000, to: 6000, limit: 100 }))).toEqual([4, 3, 2]);
  });

  it('pages newest first with a cursor until no older entries remain', async () => {
    const log = await seeded();
    const pages: number[][] = [];
    let cursor: string | undefined;
    do {
      const page = await log.query({ tenants: [A, B], limit: 4, ...(cursor ? { cursor } : {}) });
      pages.push(seqs(page));
      cursor = page.next;
    } while (cursor);
    expect(pages).toEqual([
      [7, 6, 5, 4],
      [2, 1],
    ]);
    const exact = await log.query({ tenants: 'all', limit: 7 });
    expect(exact.next).toBeUndefined();
  });

  it('rejects a forged cursor and an out-of-range limit', async () => {
    const log = await seeded();
    await expect(log.query({ tenants: 'all', limit: 5, cursor: 'nope' })).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
    await expect(log.query({ tenants: 'all', limit: 0 })).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    await expect(log.query({ tenants: 'all', limit: 1001 })).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
  });
});
