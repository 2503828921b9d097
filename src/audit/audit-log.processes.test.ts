// Two processes appending to one state database at once (the server and the CLI): runs the built code in
// child processes, so it needs `npm run build` first (scripts/test.sh builds before testing).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStateDb } from '../state/database.js';
import { AuditLog } from './audit-log.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const built = join(root, 'dist/src/audit/index.js');

// Each child opens the database, says "ready", waits for "go" on stdin, then appends its entries.
const child = `
const [, dataDir, who, count] = process.argv;
const { openStateDb } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/src/state/database.js')).href)});
const { AuditLog } = await import(${JSON.stringify(pathToFileURL(built).href)});
const db = await openStateDb({ dataDir });
const log = new AuditLog(db);
process.stdout.write('ready\\n');
await new Promise((go) => process.stdin.once('data', go));
const actor = { kind: 'cli', id: who, name: 'cli:' + who, role: 'admin', tenants: 'all' };
for (let i = 0; i < Number(count); i++) await log.record({ actor, action: 'test.append', outcome: 'success', details: { i } });
await db.destroy();
process.stdin.destroy();
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yagura-audit-procs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(who: string, count: number) {
  const proc = spawn(process.execPath, ['--input-type=module', '-e', child, '--', dir, who, String(count)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<void>((ok) => proc.stdout.once('data', () => ok()));
  const done = new Promise<number | null>((ok) => proc.on('exit', ok)).then((code) => {
    if (code !== 0) throw new Error(`child ${who} exited ${code}: ${stderr}`);
  });
  return { proc, ready, done };
}

describe.skipIf(!existsSync(built))('two processes appending to one audit log', () => {
  it('interleave their entries on one unbroken chain', async () => {
    // Migrate once up front, as the server does before the CLI runs.
    const db = await openStateDb({ dataDir: dir });
    try {
      const children = [start('one', 300), start('two', 300)];
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.proc.stdin.write('go\n');
      await Promise.all(children.map((c) => c.done));

      const log = new AuditLog(db);
      expect(await log.verify()).toMatchObject({ ok: true, entries: 600 });
      const byActor = await db
        .selectFrom('audit_log')
        .select([
          'actor_id',
          (eb) => eb.fn.countAll<number>().as('n'),
          (eb) => eb.fn.min('seq').as('first'),
          (eb) => eb.fn.max('seq').as('last'),
        ])
        .groupBy('actor_id')
        .orderBy('actor_id')
        .execute();
      expect(byActor.map((r) => [r.actor_id, r.n])).toEqual([
        ['one', 300],
        ['two', 300],
      ]);
      // The runs overlapped rather than one finishing before the other started.
      const [a, b] = byActor;
      expect(Number(a?.first) < Number(b?.last) && Number(b?.first) < Number(a?.last)).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
