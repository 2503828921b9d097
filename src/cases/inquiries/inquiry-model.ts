// Inquiries (問合せ) as the services hand them out: types, statuses, who may move them where, input schemas.
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { INCIDENT_CATEGORIES } from '../playbooks/playbook.js';
import { INQUIRY_PRIORITIES, slaState, type InquiryPriority, type SlaState } from './sla.js';
import type { InquiriesTable, InquiryMessagesTable } from './tables.js';

export { INQUIRY_PRIORITIES, type InquiryPriority } from './sla.js';

export const INQUIRY_TYPES = ['question', 'request', 'report'] as const;
export type InquiryType = (typeof INQUIRY_TYPES)[number];

/**
 * new: waiting on the SOC (submitted, or the customer replied); answered: the SOC replied; waiting_customer: the
 * SOC needs something from the customer (the resolution clock pauses); resolved: done, the customer may still
 * reply (which reopens it); closed: final.
 */
export const INQUIRY_STATUSES = ['new', 'answered', 'waiting_customer', 'resolved', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export type Side = 'customer' | 'soc';

/** Where each side may move an inquiry with POST /status (messages move it too: see the service). */
export const STATUS_MOVES: Record<Side, Record<InquiryStatus, readonly InquiryStatus[]>> = {
  soc: {
    new: ['answered', 'waiting_customer', 'resolved', 'closed'],
    answered: ['new', 'waiting_customer', 'resolved', 'closed'],
    waiting_customer: ['new', 'answered', 'resolved', 'closed'],
    resolved: ['new', 'closed'],
    closed: [],
  },
  customer: {
    new: ['resolved', 'closed'],
    answered: ['new', 'resolved', 'closed'],
    waiting_customer: ['new', 'resolved', 'closed'],
    resolved: ['new', 'closed'],
    closed: [],
  },
};

export const inquiryInputSchema = z
  .object({
    type: z
      .enum(INQUIRY_TYPES)
      .describe('question, request (ask the SOC to do something) or report (tell it).'),
    subject: z.string().trim().min(1).max(300),
    body: z.string().trim().min(1).max(50_000),
    priority: z.enum(INQUIRY_PRIORITIES).optional().describe('urgent, high, normal or low: sets the SLA.'),
  })
  .strict()
  .meta({ id: 'NewInquiry', description: 'A new inquiry to the SOC.' });
export type InquiryInput = z.input<typeof inquiryInputSchema>;

export const messageInputSchema = z
  .object({
    body: z.string().trim().min(1).max(50_000),
    status: z
      .enum(INQUIRY_STATUSES)
      .optional()
      .describe(
        "The status to move to with the message; by default a SOC answer is 'answered' and a customer reply 'new'.",
      ),
  })
  .strict()
  .meta({ id: 'InquiryMessageInput', description: 'A message in the thread of an inquiry.' });
export type MessageInput = z.input<typeof messageInputSchema>;

export const convertInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .describe("The incident's title; the inquiry's subject by default."),
    description: z.string().trim().max(50_000).optional().describe("By default the inquiry's body."),
    category: z.enum(INCIDENT_CATEGORIES).optional(),
  })
  .strict()
  .meta({ id: 'InquiryConvertInput', description: 'The incident to open for an inquiry.' });
export type ConvertInput = z.input<typeof convertInputSchema>;

export interface InquiryMessage {
  id: string;
  side: Side;
  author: { id: string; name: string };
  body: string;
  at: number;
  statusAfter: InquiryStatus | null;
}

export interface Inquiry {
  id: string;
  tenant: string;
  /** Per tenant: "問合せ #12". */
  number: number;
  type: InquiryType;
  subject: string;
  body: string;
  priority: InquiryPriority;
  status: InquiryStatus;
  submittedBy: { id: string; name: string };
  assignee: string | null;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
  incidentId: string | null;
  sla: SlaState;
}

export function toInquiry(row: Selectable<InquiriesTable>, now: number): Inquiry {
  return {
    id: row.id,
    tenant: row.tenant,
    number: row.number,
    type: row.type as InquiryType,
    subject: row.subject,
    body: row.body,
    priority: row.priority as InquiryPriority,
    status: row.status as InquiryStatus,
    submittedBy: { id: row.submitted_by, name: row.submitted_by_name },
    assignee: row.assignee,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    incidentId: row.incident_id,
    sla: slaState(
      {
        status: row.status,
        firstResponseAt: row.first_response_at,
        firstResponseDueAt: row.first_response_due_at,
        resolutionDueAt: row.resolution_due_at,
        waitingSince: row.waiting_since,
        resolvedAt: row.resolved_at,
      },
      now,
    ),
  };
}

export function toMessage(row: Selectable<InquiryMessagesTable>): InquiryMessage {
  return {
    id: row.id,
    side: row.side as Side,
    author: { id: row.author_id, name: row.author_name },
    body: row.body,
    at: row.at,
    statusAfter: row.status_after as InquiryStatus | null,
  };
}
