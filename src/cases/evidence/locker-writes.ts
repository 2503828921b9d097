// The evidence locker's writes: a new item with its first custody entry, and each later custody entry, each in one
// transaction with its timeline entry and audit entry.
import type { Updateable } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { TenantId } from '../../core/ids.js';
import type { StateDb } from '../../state/database.js';
import { nowOf, type TriageDeps } from '../../triage/service-support.js';
import type { TimelineWriter } from '../case-support.js';
import type { CustodyAction, CustodyEntry, CustodyEntryInput } from './custody-ledger.js';
import { appendCustody, type EvidenceRow } from './evidence-rows.js';
import type { EvidenceTable } from './tables.js';

/** A file just stored in the locker, checked, to be recorded as an item of an incident. */
export interface NewEvidence {
  id: string;
  incidentId: string;
  tenant: TenantId;
  name: string;
  description?: string;
  contentType: string;
  /** Where it came from (host, who collected it, how). */
  origin?: string;
  stored: { size: number; sha256: string };
  from: string;
  reason: string;
  at: number;
}

/** Records an uploaded item, its first custody entry ('uploaded', with the hash on arrival), timeline and audit. */
export async function insertEvidence(
  deps: TriageDeps,
  timeline: TimelineWriter,
  actor: Actor,
  item: NewEvidence,
): Promise<void> {
  const { id, incidentId, tenant, name, stored, origin, from, reason } = item;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('evidence')
      .values({
        id,
        incident_id: incidentId,
        tenant,
        name,
        description: item.description ?? null,
        content_type: item.contentType,
        size: stored.size,
        sha256: stored.sha256,
        received_at: item.at,
        received_by_id: actor.id,
        received_by_name: actor.name,
        source: origin ?? null,
        legal_hold: 0,
        hold_reason: null,
        hold_by_id: null,
        hold_by_name: null,
        hold_at: null,
        disposed_at: null,
        disposed_by_id: null,
        disposed_by_name: null,
        disposal_reason: null,
        custody_seq: 0,
        custody_hash: '',
      })
      .execute();
    await appendCustody(trx, {
      evidenceId: id,
      at: item.at,
      actor: { id: actor.id, name: actor.name },
      action: 'uploaded',
      from,
      reason,
      hashAfter: stored.sha256,
      ...(origin !== undefined && { note: `Source: ${origin}` }),
    });
    await timeline.append(trx, {
      incidentId,
      tenant,
      kind: 'evidence',
      summary: `Evidence "${name}" added (${stored.size} bytes, SHA-256 ${stored.sha256})`,
      actor: { id: actor.id, name: actor.name },
      ref: { type: 'evidence', id },
      details: { action: 'uploaded', sha256: stored.sha256, size: stored.size },
    });
    await deps.audit.record(
      {
        actor,
        action: 'evidence.upload',
        outcome: 'success',
        tenant,
        target: { type: 'evidence', id },
        details: { incidentId, name, size: stored.size, sha256: stored.sha256, from, reason },
      },
      { within: trx },
    );
  });
}

/** A custody entry to record, with how the audit log names it and, optionally, its timeline line. */
export type CustodyRecord = Omit<CustodyEntryInput, 'evidenceId' | 'at' | 'actor'> & {
  action: CustodyAction;
  audit: { action: string; outcome: 'success' | 'failure' };
  timeline?: string;
  /** Columns of the item changed in the same transaction (legal hold, disposal). */
  set?: Updateable<EvidenceTable>;
};

/** Appends a custody entry, with its audit entry, an optional timeline entry and change, in one transaction. */
export async function recordCustody(
  deps: TriageDeps,
  timeline: TimelineWriter,
  actor: Actor,
  tenant: TenantId,
  row: EvidenceRow,
  entry: CustodyRecord,
): Promise<CustodyEntry> {
  const { audit, timeline: summary, set, ...input } = entry;
  const at = nowOf(deps);
  return deps.db.transaction().execute(async (trx: StateDb) => {
    if (set) await trx.updateTable('evidence').set(set).where('id', '=', row.id).execute();
    const appended = await appendCustody(trx, {
      ...input,
      evidenceId: row.id,
      at,
      actor: { id: actor.id, name: actor.name },
    });
    if (summary !== undefined) {
      await timeline.append(trx, {
        incidentId: row.incident_id,
        tenant,
        kind: 'evidence',
        summary,
        actor: { id: actor.id, name: actor.name },
        ref: { type: 'evidence', id: row.id },
        details: { action: input.action, seq: appended.seq, reason: input.reason },
      });
    }
    await deps.audit.record(
      {
        actor,
        action: audit.action,
        outcome: audit.outcome,
        tenant,
        target: { type: 'evidence', id: row.id },
        details: {
          incidentId: row.incident_id,
          custodyAction: input.action,
          seq: appended.seq,
          from: input.from,
          reason: input.reason,
          ...(input.hashAfter !== undefined && { sha256: input.hashAfter }),
        },
      },
      { within: trx },
    );
    return appended;
  });
}
