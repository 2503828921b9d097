// The thread writes: a message in an inquiry's thread, and its note in the linked incident's timeline.
import type { Actor } from '../../access/actor.js';
import type { StateDb } from '../../state/database.js';
import { newRecordId } from '../../triage/service-support.js';
import { timelineLine, type TimelineWriter } from '../case-support.js';
import type { InquiryStatus, Side } from './inquiry-model.js';
import type { InquiryRow } from './inquiry-rows.js';

/** Writes one message inside `trx`; `statusAfter` is the status the message moved the inquiry to, if any. */
export async function writeMessage(
  trx: StateDb,
  actor: Actor,
  row: InquiryRow,
  side: Side,
  body: string,
  statusAfter: InquiryStatus | null,
  at: number,
): Promise<void> {
  await trx
    .insertInto('inquiry_messages')
    .values({
      id: newRecordId(),
      inquiry_id: row.id,
      tenant: row.tenant,
      side,
      author_id: actor.id,
      author_name: actor.name,
      body,
      at,
      status_after: statusAfter,
    })
    .execute();
}

/** Once an inquiry is linked to an incident, its thread shows in the incident's timeline. */
export async function noteInTimeline(
  timeline: TimelineWriter,
  trx: StateDb,
  actor: Actor,
  row: InquiryRow,
  summary: string,
): Promise<void> {
  if (row.incident_id === null) return;
  await timeline.append(trx, {
    incidentId: row.incident_id,
    tenant: row.tenant,
    kind: 'inquiry',
    summary: timelineLine(summary),
    actor: { id: actor.id, name: actor.name },
    ref: { type: 'inquiry', id: row.id },
  });
}
