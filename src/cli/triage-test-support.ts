// Test fixtures for the triage commands: a temporary data folder with two tenants, a way to fill it through the real
// services, and the command line run in-process through main() (its error reporting and exit code included).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { cliActor } from '../access/actor.js';
import { openAccess } from '../access/open.js';
import type { TenantId } from '../core/ids.js';
import { FindingsService } from '../detection/findings-service.js';
import { openTriage, type Triage } from '../triage/triage-stage.js';
import { main } from './main.js';

export interface CliRun {
  out: string;
  err: string;
  code: number | undefined;
}

export interface TriageCliFixture {
  dir: string;
  /** Runs `yagura --config <temp> ...args` in-process. */
  run(...args: string[]): Promise<CliRun>;
  /** Opens the triage services on the data folder (findings recorded through `record` become alerts). */
  seed(
    fill: (t: { triage: Triage; record: FindingsService['record'] }) => Promise<void>,
    clock?: () => number,
  ): Promise<void>;
  close(): void;
}

export async function triageCliFixture(): Promise<TriageCliFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'yagura-cli-triage-'));
  const dataDir = join(dir, 'data');
  const config = join(dir, 'yagura.yaml');
  writeFileSync(config, `dataDir: ${JSON.stringify(dataDir)}\n`);
  const access = await openAccess(dataDir);
  try {
    await access.tenants.create(cliActor(), { name: 'Acme', id: 'acme' });
    await access.tenants.create(cliActor(), { name: 'Globex', id: 'globex' });
  } finally {
    await access.close();
  }
  return {
    dir,
    async run(...args) {
      let out = '';
      let err = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
      try {
        await main(['node', 'yagura', '--config', config, ...args]);
      } finally {
        vi.restoreAllMocks();
      }
      const code = typeof process.exitCode === 'number' ? process.exitCode : undefined;
      process.exitCode = undefined;
      return { out, err, code };
    },
    async seed(fill, clock) {
      const opened = await openAccess(dataDir);
      try {
        const known = (): TenantId[] => ['acme', 'globex'] as TenantId[];
        const triage = await openTriage(
          { db: opened.db, audit: opened.audit, knownTenants: known, ...(clock ? { clock } : {}) },
          { flushEveryMs: 60_000 },
        );
        const findings = new FindingsService(opened.db, known, clock);
        triage.stage.attach(findings);
        await fill({
          triage,
          record: async (list) => {
            const stored = await findings.record(list);
            await triage.stage.flush();
            return stored;
          },
        });
        await triage.stage.close();
      } finally {
        await opened.close();
      }
    },
    close() {
      process.exitCode = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
