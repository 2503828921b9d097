// Status moves: which side an actor writes as, which moves that side may make, and what a move changes in the
// inquiry's SLA columns (the waiting-for-customer pause, resolution and closing times).
import type { Actor } from '../../access/actor.js';
import { can } from '../../access/permissions.js';
import { permit } from '../../access/service-support.js';
import { YaguraError } from '../../core/errors.js';
import type { TenantId } from '../../core/ids.js';
import { permitFound, type TriageDeps } from '../../triage/service-support.js';
import { STATUS_MOVES, type InquiryStatus, type Side } from './inquiry-model.js';
import { inquiryContext, loadInquiry, type InquiryRow } from './inquiry-rows.js';
import { resumedDue } from './sla.js';

/** The SOC side for holders of inquiries:answer, else the customer's for holders of inquiries:submit. */
async function sideOf(
  deps: TriageDeps,
  actor: Actor,
  tenant: TenantId,
  id: string,
  action: string,
): Promise<Side> {
  if (can(actor, 'inquiries:answer', tenant)) return 'soc';
  await permit(deps.audit, actor, 'inquiries:submit', {
    action,
    tenant,
    target: { type: 'inquiry', id },
  });
  return 'customer';
}

/** The inquiry a message or status change is for (once inquiries:read is granted in its tenant), and the side writing. */
export async function permitWriter(
  deps: TriageDeps,
  actor: Actor,
  id: string,
  action: string,
): Promise<{ row: InquiryRow; side: Side }> {
  const row = await loadInquiry(deps.db, id);
  const tenant = await permitFound(deps, actor, 'inquiries:read', row, inquiryContext(action, id));
  return { row: row!, side: await sideOf(deps, actor, tenant, id, action) };
}

export function checkMove(side: Side, from: InquiryStatus, to: InquiryStatus, number: number): void {
  if (from === to) return;
  const allowed = STATUS_MOVES[side][from];
  if (!allowed.includes(to)) {
    throw new YaguraError(
      'CONFLICT',
      `Inquiry #${number} cannot move from ${from} to ${to} (${side === 'soc' ? 'SOC' : 'customer'}); allowed: ${allowed.join(', ') || 'none'}`,
    );
  }
}

/** The columns a move to `to` changes: the SLA pause, resolution and closing times. */
export function statusChange(row: InquiryRow, to: InquiryStatus, now: number): Partial<InquiryRow> {
  const from = row.status as InquiryStatus;
  if (from === to) return {};
  const change: Partial<InquiryRow> = { status: to };
  if (from === 'waiting_customer' && row.waiting_since !== null) {
    change.resolution_due_at = resumedDue(row.resolution_due_at, row.waiting_since, now);
    change.waiting_since = null;
  }
  if (to === 'waiting_customer') change.waiting_since = now;
  if (to === 'resolved') change.resolved_at = now;
  if (to === 'closed') {
    change.closed_at = now;
    change.resolved_at = row.resolved_at ?? now;
  }
  if (to === 'new' || to === 'answered' || to === 'waiting_customer') change.resolved_at = null;
  return change;
}
