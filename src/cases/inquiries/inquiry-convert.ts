// Conversion of an inquiry to an incident: the incident, the inquiry's link to it, a SOC message in the thread and
// an 'inquiry' entry in the incident's timeline, written in one transaction.
import type { z } from 'zod';
import type { Actor } from '../../access/actor.js';
import { YaguraError } from '../../core/errors.js';
import type { TenantId } from '../../core/ids.js';
import type { TriageDeps } from '../../triage/service-support.js';
import { timelineLine, type IncidentCreator, type TimelineWriter } from '../case-support.js';
import type { convertInputSchema, InquiryStatus } from './inquiry-model.js';
import { auditInquiry, type InquiryRow } from './inquiry-rows.js';
import { statusChange } from './inquiry-status.js';
import { writeMessage } from './inquiry-thread.js';

/** What the conversion writes in the thread, so the customer sees where the inquiry went. */
const CONVERTED_MESSAGE =
  '本件はインシデントとして対応を開始しました。進捗はインシデントにてご確認いただけます。\n' +
  'This inquiry is now handled as an incident; follow its progress there.';

/** An inquiry already linked to an incident, or closed, is not converted. */
export function checkConvertible(row: InquiryRow): void {
  if (row.incident_id !== null) {
    throw new YaguraError(
      'CONFLICT',
      `Inquiry #${row.number} is already linked to incident ${row.incident_id}`,
      {
        incidentId: row.incident_id,
      },
    );
  }
  if (row.status === 'closed') throw new YaguraError('CONFLICT', `Inquiry #${row.number} is closed`);
}

/** Opens the incident for the inquiry and links them; returns the incident's id. A new inquiry counts as answered. */
export async function convertInquiry(
  deps: TriageDeps,
  services: { timeline: TimelineWriter; incidents: IncidentCreator },
  actor: Actor,
  row: InquiryRow,
  tenant: TenantId,
  fields: z.output<typeof convertInputSchema>,
  now: number,
): Promise<string> {
  const from = row.status as InquiryStatus;
  const to: InquiryStatus = from === 'new' ? 'answered' : from;
  let incidentId = '';
  await deps.db.transaction().execute(async (trx) => {
    ({ id: incidentId } = await services.incidents.createFromInquiry(actor, trx, {
      tenant,
      title: fields.title ?? row.subject,
      description: fields.description ?? row.body,
      ...(fields.category ? { category: fields.category } : {}),
      inquiryId: row.id,
    }));
    await trx
      .updateTable('inquiries')
      .set({
        ...statusChange(row, to, now),
        incident_id: incidentId,
        first_response_at: row.first_response_at ?? now,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await writeMessage(trx, actor, row, 'soc', CONVERTED_MESSAGE, to !== from ? to : null, now);
    await services.timeline.append(trx, {
      incidentId,
      tenant,
      kind: 'inquiry',
      summary: timelineLine(
        `Opened from inquiry #${row.number} (${row.type}, ${row.priority}): ${row.subject}`,
      ),
      eventTime: row.created_at,
      actor: { id: actor.id, name: actor.name },
      ref: { type: 'inquiry', id: row.id },
      details: { number: row.number, submittedBy: row.submitted_by_name },
    });
    await auditInquiry(deps, trx, actor, 'inquiry.convert', row, { incident: incidentId });
  });
  return incidentId;
}
