// Opens the incident services (incidents, tasks, timeline, observables, evidence) on the data folder's state database
// for one CLI command, and finds an incident by id or by its reference (INC-2026-0001).
import { join } from 'node:path';
import type { Command } from 'commander';
import { openAccess } from '../access/open.js';
import { cliActor } from '../access/actor.js';
import { openCases, type Cases } from '../cases/cases.js';
import { EvidenceFiles } from '../cases/evidence/evidence-files.js';
import { EvidenceService } from '../cases/evidence-service.js';
import type { IncidentDetail } from '../cases/incident-service.js';
import { incidentRef } from '../cases/incident-model.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import { configFor } from './context.js';

export interface CaseServices {
  cases: Cases;
  evidence: EvidenceService;
  /** The tenants of the state database. */
  tenants: readonly string[];
}

/** Refuses a --tenant the state database does not have (the services would only say it is not open to the caller). */
export function checkTenants(services: CaseServices, named: readonly string[] | undefined): void {
  for (const t of named ?? []) {
    if (!services.tenants.includes(t)) {
      throw new YaguraError(
        'TENANT_UNKNOWN',
        `Tenant "${t}" does not exist (known: ${services.tenants.join(', ') || 'none'})`,
      );
    }
  }
}

/**
 * Runs `use` with the incident services; the tenants they know are those of the state database, as for the server.
 * Playbooks are not loaded: these commands read incidents and check evidence, they open none.
 */
export async function withCases<T>(
  command: Command,
  use: (services: CaseServices) => Promise<T>,
): Promise<T> {
  const dataDir = configFor(command).dataDir;
  const access = await openAccess(dataDir);
  try {
    const known = (await access.tenants.list(cliActor())).map((t) => t.id as TenantId);
    const deps = { db: access.db, audit: access.audit, knownTenants: () => known };
    const cases = openCases(deps);
    const evidence = new EvidenceService(
      { ...deps, dataDir },
      new EvidenceFiles(join(dataDir, 'evidence')),
      cases.incidents,
      cases.incidents,
    );
    return await use({ cases, evidence, tenants: known });
  } finally {
    await access.close();
  }
}

const REF = /^INC-(\d{4})-(\d{1,9})$/i;
const PAGE = 500;

/**
 * The incident named by its id or its reference. References are counted per tenant, so the same one may exist in
 * several tenants: then `tenant` must say which, else the lookup is refused with the tenants listed.
 */
export async function findIncident(
  services: CaseServices,
  idOrRef: string,
  tenant: string | undefined,
): Promise<IncidentDetail> {
  checkTenants(services, tenant === undefined ? [] : [tenant]);
  const cases = services.cases;
  const actor = cliActor();
  const ref = REF.exec(idOrRef.trim());
  if (!ref) {
    const detail = await cases.incidents.get(actor, idOrRef);
    if (tenant !== undefined && detail.incident.tenant !== tenant) {
      throw new YaguraError(
        'NOT_FOUND',
        `Incident ${idOrRef} belongs to tenant ${detail.incident.tenant}, not ${tenant}`,
      );
    }
    return detail;
  }
  const wanted = incidentRef(Number(ref[1]), Number(ref[2]));
  // The list's text filter also matches titles and descriptions that mention the reference: kept only exact ones.
  const matches: { id: string; tenant: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await cases.incidents.list(actor, {
      text: wanted,
      ...(tenant !== undefined ? { tenants: [tenant] } : {}),
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    });
    for (const i of page.incidents) if (i.ref === wanted) matches.push({ id: i.id, tenant: i.tenant });
    cursor = page.next;
  } while (cursor);
  if (matches.length === 0) {
    throw new YaguraError(
      'NOT_FOUND',
      `No incident ${wanted}${tenant !== undefined ? ` in tenant ${tenant}` : ''}`,
    );
  }
  if (matches.length > 1) {
    const tenants = matches.map((m) => m.tenant).sort();
    throw new YaguraError(
      'REQUEST_INVALID',
      `${wanted} exists in ${matches.length} tenants (${tenants.join(', ')}); name one with --tenant`,
    );
  }
  return cases.incidents.get(actor, matches[0]!.id);
}
