// Test fixtures for the incident services: the triage fixture (real state database, audit log, alert stage), the
// starter playbooks, and a real SQLite event store in a temporary folder for sighting searches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TenantId } from '../core/ids.js';
import { SqliteEventStore } from '../store/embedded/sqlite-event-store.js';
import { triageFixture, type TriageFixture } from '../triage/test-support.js';
import { loadCasePlaybooks, openCases, type Cases } from './cases.js';

export interface CasesFixture extends TriageFixture {
  cases: Cases;
  store: SqliteEventStore;
}

/** Tenants acme (language ja) and globex (en). */
export async function casesFixture(): Promise<CasesFixture> {
  const f = await triageFixture();
  await f.access.tenants.updateSettings(f.cli, 'acme', { language: 'ja' });
  const dir = mkdtempSync(join(tmpdir(), 'yagura-cases-'));
  const store = new SqliteEventStore({ dataDir: dir, minFreeBytes: 0 });
  const deps = {
    db: f.access.db,
    audit: f.audit,
    knownTenants: () => ['acme', 'globex'] as TenantId[],
    clock: () => f.clock.now,
  };
  const cases = openCases(deps, { playbooks: loadCasePlaybooks().playbooks, alerts: f.triage.alerts, store });
  return {
    ...f,
    cases,
    store,
    async close() {
      await store.close();
      await f.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
