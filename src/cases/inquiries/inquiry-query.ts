// The inquiry list: filters (status, type, priority, assignee, words, overdue), newest first, keyset pages, within a tenant scope
// already granted.
import { sql } from 'kysely';
import type { StateDb } from '../../state/database.js';
import type { TenantScope } from '../../store/tenant-scope.js';
import { decodeCursor, encodeCursor } from '../../triage/service-support.js';
import { containsPattern } from '../contacts/input.js';
import {
  toInquiry,
  type Inquiry,
  type InquiryPriority,
  type InquiryStatus,
  type InquiryType,
} from './inquiry-model.js';

export interface InquiryFilter {
  tenants?: readonly string[];
  status?: readonly InquiryStatus[];
  type?: readonly InquiryType[];
  priority?: readonly InquiryPriority[];
  /** Only inquiries past a first-response or resolution due time. */
  overdue?: boolean;
  /** A user id, or `none`. */
  assignee?: string;
  /** Words in the subject or the body. */
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface InquiryPage {
  inquiries: Inquiry[];
  next?: string;
}

export async function listInquiries(
  db: StateDb,
  scope: TenantScope,
  filter: InquiryFilter,
  limit: number,
  now: number,
): Promise<InquiryPage> {
  let query = db
    .selectFrom('inquiries')
    .selectAll()
    .where('tenant', 'in', [...scope]);
  if (filter.status && filter.status.length > 0) query = query.where('status', 'in', [...filter.status]);
  if (filter.type && filter.type.length > 0) query = query.where('type', 'in', [...filter.type]);
  if (filter.priority && filter.priority.length > 0)
    query = query.where('priority', 'in', [...filter.priority]);
  if (filter.assignee !== undefined) {
    query =
      filter.assignee === 'none'
        ? query.where('assignee', 'is', null)
        : query.where('assignee', '=', filter.assignee);
  }
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query = query.where(
      sql<boolean>`(subject like ${pattern} escape '\\' or body like ${pattern} escape '\\')`,
    );
  }
  if (filter.overdue === true) {
    // The same rule as slaState(): a paused inquiry is overdue only if it was overdue when the pause began.
    query = query.where(
      sql<boolean>`((first_response_at is null and first_response_due_at < ${now})
        or (status in ('new', 'answered') and resolution_due_at < ${now})
        or (status = 'waiting_customer' and resolution_due_at < waiting_since))`,
    );
  }
  if (filter.cursor) {
    const [created, id] = decodeCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', created), eb.and([eb('created_at', '=', created), eb('id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    inquiries: page.map((r) => toInquiry(r, now)),
    ...(rows.length > limit && last ? { next: encodeCursor(last.created_at, last.id) } : {}),
  };
}
