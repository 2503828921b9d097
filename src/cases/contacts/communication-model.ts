// Communications as the services hand them out: directions, channels, request statuses and the input schemas.
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { CommunicationsTable } from './tables.js';

export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const COMMUNICATION_CHANNELS = ['email', 'phone', 'meeting', 'chat', 'portal', 'letter'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

/** A request waiting on the other side: open (waiting), answered (they replied), closed (nothing more expected). */
export const REQUEST_STATUSES = ['open', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const ATTACHMENTS_MAX = 50;

const attachments = z
  .array(z.string().trim().min(1).max(200))
  .max(ATTACHMENTS_MAX)
  .describe('Evidence ids of the evidence locker (files sent or received).');

export const communicationInputSchema = z
  .object({
    direction: z.enum(DIRECTIONS).describe('outgoing (we sent or said it) or incoming (they did).'),
    channel: z.enum(COMMUNICATION_CHANNELS).describe(COMMUNICATION_CHANNELS.join(', ') + '.'),
    contactId: z
      .string()
      .max(200)
      .optional()
      .describe("A contact of the incident's tenant or an installation-wide one."),
    counterpart: z
      .string()
      .trim()
      .max(300)
      .optional()
      .describe('Who the other side was, in words, when there is no contact (required then).'),
    subject: z.string().trim().min(1).max(300),
    summary: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .describe('What was said or asked, in a line or two (the timeline shows it).'),
    body: z.string().max(100_000).optional().describe('The full text, e.g. the mail as sent.'),
    occurredAt: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('When it was sent, said or received (epoch ms); default now.'),
    attachments: attachments.optional(),
    request: z
      .object({
        status: z.enum(REQUEST_STATUSES).optional().describe('Default open.'),
        dueAt: z
          .number()
          .int()
          .nonnegative()
          .nullable()
          .optional()
          .describe('When an answer is expected (epoch ms).'),
      })
      .strict()
      .optional()
      .describe(
        'Marks the communication as a request that waits on the other side (a log request to a vendor).',
      ),
  })
  .strict()
  .meta({ id: 'NewCommunication', description: 'A communication to log in an incident.' });
export type CommunicationInput = z.input<typeof communicationInputSchema>;

export const communicationChangeSchema = z
  .object({
    subject: z.string().trim().min(1).max(300).optional(),
    summary: z.string().trim().min(1).max(2000).optional(),
    body: z.string().max(100_000).nullable().optional(),
    attachments: attachments.optional(),
    requestStatus: z
      .enum(REQUEST_STATUSES)
      .nullable()
      .optional()
      .describe('open, answered or closed; null: not a request (any more).'),
    dueAt: z.number().int().nonnegative().nullable().optional(),
    note: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .describe('Why, for the timeline entry (e.g. "logs received").'),
  })
  .strict()
  .meta({
    id: 'CommunicationChange',
    description: 'Changes to a logged communication, most often its request status.',
  });
export type CommunicationChange = z.input<typeof communicationChangeSchema>;

export interface Communication {
  id: string;
  tenant: string;
  incidentId: string;
  direction: Direction;
  channel: CommunicationChannel;
  contactId: string | null;
  counterpart: string;
  subject: string;
  summary: string;
  body: string | null;
  /** When it was sent, said or received. */
  occurredAt: number;
  /** When it was logged. */
  recordedAt: number;
  recordedBy: { id: string; name: string };
  attachments: string[];
  request: { status: RequestStatus; dueAt: number | null; overdue: boolean } | null;
  updatedAt: number;
}

export function toCommunication(row: Selectable<CommunicationsTable>, now: number): Communication {
  const status = row.request_status as RequestStatus | null;
  return {
    id: row.id,
    tenant: row.tenant,
    incidentId: row.incident_id,
    direction: row.direction as Direction,
    channel: row.channel as CommunicationChannel,
    contactId: row.contact_id,
    counterpart: row.counterpart,
    subject: row.subject,
    summary: row.summary,
    body: row.body,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
    attachments: JSON.parse(row.attachments) as string[],
    request:
      status === null
        ? null
        : {
            status,
            dueAt: row.due_at,
            overdue: status === 'open' && row.due_at !== null && row.due_at < now,
          },
    updatedAt: row.updated_at,
  };
}
