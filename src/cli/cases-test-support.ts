// Test fixtures for the incident commands: the triage CLI fixture (temporary data folder, tenants acme and globex,
// the command line run in-process) plus a way to open incidents and upload evidence through the real services.
import { join } from 'node:path';
import { openAccess } from '../access/open.js';
import { loadCasePlaybooks, openCases, type Cases } from '../cases/cases.js';
import { EvidenceFiles } from '../cases/evidence/evidence-files.js';
import { EvidenceService } from '../cases/evidence-service.js';
import type { TenantId } from '../core/ids.js';
import { triageCliFixture, type TriageCliFixture } from './triage-test-support.js';

export interface CasesCliFixture extends TriageCliFixture {
  /** The evidence folder of the data folder. */
  evidenceFiles: EvidenceFiles;
  /** Opens the incident services (with the starter playbooks) on the data folder. */
  seedCases<T>(fill: (s: { cases: Cases; evidence: EvidenceService }) => Promise<T>): Promise<T>;
}

export async function casesCliFixture(): Promise<CasesCliFixture> {
  const f = await triageCliFixture();
  const dataDir = join(f.dir, 'data');
  const evidenceFiles = new EvidenceFiles(join(dataDir, 'evidence'));
  return {
    ...f,
    evidenceFiles,
    async seedCases(fill) {
      const access = await openAccess(dataDir);
      try {
        const deps = {
          db: access.db,
          audit: access.audit,
          knownTenants: () => ['acme', 'globex'] as TenantId[],
        };
        const cases = openCases(deps, { playbooks: loadCasePlaybooks().playbooks });
        const evidence = new EvidenceService(
          { ...deps, dataDir },
          evidenceFiles,
          cases.incidents,
          cases.incidents,
        );
        return await fill({ cases, evidence });
      } finally {
        await access.close();
      }
    },
  };
}
