// One inquiry as stored: loading its row, its detail with the message thread, the permission context and the
// audit record of a change to it.
import type { Selectable } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { StateDb } from '../../state/database.js';
import { isRecordId, nowOf, type TriageDeps } from '../../triage/service-support.js';
import { auditCaseChange } from '../case-support.js';
import { toInquiry, toMessage, type Inquiry, type InquiryMessage } from './inquiry-model.js';
import type { InquiriesTable } from './tables.js';

export type InquiryRow = Selectable<InquiriesTable>;

export interface InquiryDetail {
  inquiry: Inquiry;
  messages: InquiryMessage[];
}

export async function loadInquiry(db: StateDb, id: string): Promise<InquiryRow | undefined> {
  if (!isRecordId(id)) return undefined;
  return db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The inquiry with its thread, oldest message first. */
export async function loadInquiryDetail(deps: TriageDeps, row: InquiryRow): Promise<InquiryDetail> {
  const messages = await deps.db
    .selectFrom('inquiry_messages')
    .selectAll()
    .where('inquiry_id', '=', row.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return { inquiry: toInquiry(row, nowOf(deps)), messages: messages.map(toMessage) };
}

/** What permitFound records and reports when an inquiry is missing or its tenant is not granted. */
export function inquiryContext(action: string, id: string) {
  return { action, target: { type: 'inquiry', id: id.slice(0, 80) }, what: 'inquiry' };
}

export async function auditInquiry(
  deps: TriageDeps,
  trx: StateDb,
  actor: Actor,
  action: string,
  row: InquiryRow,
  details: Record<string, unknown>,
): Promise<void> {
  await auditCaseChange(
    deps,
    trx,
    actor,
    action,
    { type: 'inquiry', id: row.id, tenant: row.tenant },
    details,
  );
}
