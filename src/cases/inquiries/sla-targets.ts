// A tenant's stored SLA targets: read over the defaults, and saved (with the audit record) in one transaction.
import type { Actor } from '../../access/actor.js';
import type { StateDb } from '../../state/database.js';
import type { TenantId } from '../../core/ids.js';
import type { TriageDeps } from '../../triage/service-support.js';
import {
  DEFAULT_SLA,
  INQUIRY_PRIORITIES,
  type InquiryPriority,
  type SlaChange,
  type SlaTargets,
} from './sla.js';

/** The targets per priority, and which priorities still use the defaults. */
export interface TenantSlaTargets {
  targets: SlaTargets;
  defaults: InquiryPriority[];
}

function storedTargets(db: StateDb, tenant: string) {
  return db.selectFrom('inquiry_sla').selectAll().where('tenant', '=', tenant).execute();
}

export async function targetsOf(db: StateDb, tenant: string): Promise<SlaTargets> {
  const targets: SlaTargets = { ...DEFAULT_SLA };
  for (const r of await storedTargets(db, tenant)) {
    if ((INQUIRY_PRIORITIES as readonly string[]).includes(r.priority)) {
      targets[r.priority as InquiryPriority] = {
        firstResponseMinutes: r.first_response_minutes,
        resolutionMinutes: r.resolution_minutes,
      };
    }
  }
  return targets;
}

export async function targetsWithDefaults(db: StateDb, tenant: string): Promise<TenantSlaTargets> {
  const set = new Set((await storedTargets(db, tenant)).map((r) => r.priority));
  return { targets: await targetsOf(db, tenant), defaults: INQUIRY_PRIORITIES.filter((p) => !set.has(p)) };
}

/** Writes the changed priorities' targets and audits the change (`before` is what the tenant had). */
export async function saveSlaTargets(
  deps: TriageDeps,
  actor: Actor,
  tenant: TenantId,
  change: SlaChange,
  before: SlaTargets,
  now: number,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    for (const priority of INQUIRY_PRIORITIES) {
      const target = change[priority];
      if (!target) continue;
      const values = {
        first_response_minutes: target.firstResponseMinutes,
        resolution_minutes: target.resolutionMinutes,
        updated_by: actor.id,
        updated_at: now,
      };
      await trx
        .insertInto('inquiry_sla')
        .values({ tenant, priority, ...values })
        .onConflict((oc) => oc.columns(['tenant', 'priority']).doUpdateSet(values))
        .execute();
    }
    await deps.audit.record(
      {
        actor,
        action: 'inquiry.sla.update',
        outcome: 'success',
        tenant,
        target: { type: 'tenant', id: tenant },
        details: { before, after: { ...before, ...change } },
      },
      { within: trx },
    );
  });
}
