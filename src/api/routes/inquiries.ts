// Inquiries (問合せ): GET/POST /api/inquiries, GET /api/inquiries/:id, POST /:id/messages, /:id/status, /:id/assign,
// /:id/convert, and the tenants' SLA targets (GET/PUT /api/inquiry-sla/:tenant).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  convertInputSchema,
  INQUIRY_PRIORITIES,
  INQUIRY_STATUSES,
  INQUIRY_TYPES,
  inquiryInputSchema,
  messageInputSchema,
} from '../../cases/inquiries/inquiry-model.js';
import { slaChangeSchema } from '../../cases/inquiries/sla.js';
import { actorOf } from '../auth/authenticate.js';
import { idParams, managementErrors } from '../errors.js';
import type { ContactRouteDeps } from './contacts.js';
import { asList, defined, tenantsQuery } from './triage-support.js';

const inquirySchema = z.record(z.string(), z.unknown()).meta({
  id: 'Inquiry',
  description:
    'An inquiry: id, tenant, number, type, subject, body, priority, status, submittedBy, assignee, incidentId, createdAt, sla { firstResponseDueAt, firstResponseAt, firstResponseOverdue, resolutionDueAt, resolutionOverdue, paused, ... }.',
});
const detailSchema = z
  .object({
    inquiry: inquirySchema,
    messages: z
      .array(z.record(z.string(), z.unknown()))
      .describe('The thread, oldest first: side (customer or soc), author, body, at, statusAfter.'),
  })
  .meta({ id: 'InquiryDetail', description: 'An inquiry with its message thread.' });
const slaSchema = z
  .object({
    targets: z.record(
      z.string(),
      z.object({ firstResponseMinutes: z.number(), resolutionMinutes: z.number() }),
    ),
    defaults: z.array(z.string()).describe('The priorities still on the default targets.'),
  })
  .meta({ id: 'InquirySla', description: "A tenant's SLA targets per priority." });

const statusEnum = z.enum(INQUIRY_STATUSES);
const typeEnum = z.enum(INQUIRY_TYPES);
const priorityEnum = z.enum(INQUIRY_PRIORITIES);
const tags = ['inquiries'];

export const inquiryRoutes: FastifyPluginAsyncZod<ContactRouteDeps> = async (app, deps) => {
  const service = () => deps.contacts.inquiries;

  app.get(
    '/api/inquiries',
    {
      schema: {
        summary: "The tenants' inquiries, newest first",
        tags,
        querystring: z
          .object({
            tenant: tenantsQuery,
            status: z
              .union([statusEnum, z.array(statusEnum)])
              .optional()
              .describe('Statuses (repeat for several).'),
            type: z
              .union([typeEnum, z.array(typeEnum)])
              .optional()
              .describe('Types: question, request or report (repeat for several).'),
            priority: z
              .union([priorityEnum, z.array(priorityEnum)])
              .optional()
              .describe('Priorities: urgent, high, normal or low (repeat for several).'),
            overdue: z
              .enum(['true'])
              .optional()
              .describe('Only inquiries past a first-response or resolution due time.'),
            assignee: z.string().max(200).optional().describe('A user id, or `none`.'),
            q: z.string().max(200).optional().describe('Words in the subject or the body.'),
            limit: z.coerce.number().int().min(1).max(500).optional(),
            cursor: z.string().max(200).optional(),
          })
          .strict(),
        response: {
          200: z.object({ inquiries: z.array(inquirySchema), next: z.string().optional() }),
          ...managementErrors,
        },
      },
    },
    async (request) => {
      const { tenant, status, type, priority, overdue, assignee, q, limit, cursor } = request.query;
      const page = await service().list(
        actorOf(request),
        defined({
          tenants: asList(tenant),
          status: asList(status),
          type: asList(type),
          priority: asList(priority),
          overdue: overdue ? true : undefined,
          assignee,
          q,
          limit,
          cursor,
        }),
      );
      return page as unknown as { inquiries: Record<string, unknown>[]; next?: string };
    },
  );

  app.post(
    '/api/inquiries',
    {
      schema: {
        summary: 'Submit an inquiry to the SOC (customer CSIRT)',
        tags,
        body: z.object({ tenant: z.string().max(200), inquiry: inquiryInputSchema }).strict(),
        response: { 201: inquirySchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const created = await service().submit(actorOf(request), request.body.tenant, request.body.inquiry);
      return reply.code(201).send(created as unknown as Record<string, unknown>);
    },
  );

  app.get(
    '/api/inquiries/:id',
    {
      schema: {
        summary: 'An inquiry and its thread',
        tags,
        params: idParams,
        response: { 200: detailSchema, ...managementErrors },
      },
    },
    async (request) =>
      (await service().get(actorOf(request), request.params.id)) as unknown as z.infer<typeof detailSchema>,
  );

  app.post(
    '/api/inquiries/:id/messages',
    {
      schema: {
        summary:
          'Write in the thread: an answer from the SOC or a reply from the customer (moves the status)',
        tags,
        params: idParams,
        body: messageInputSchema,
        response: { 201: detailSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const detail = await service().addMessage(actorOf(request), request.params.id, request.body);
      return reply.code(201).send(detail as unknown as z.infer<typeof detailSchema>);
    },
  );

  app.post(
    '/api/inquiries/:id/status',
    {
      schema: {
        summary: 'Move an inquiry to another status (resolve, close, reopen)',
        tags,
        params: idParams,
        body: z
          .object({
            status: statusEnum,
            reason: z.string().max(2000).optional().describe('Kept as a message in the thread.'),
          })
          .strict(),
        response: { 200: inquirySchema, ...managementErrors },
      },
    },
    async (request) =>
      (await service().setStatus(
        actorOf(request),
        request.params.id,
        request.body.status,
        request.body.reason,
      )) as unknown as Record<string, unknown>,
  );

  app.post(
    '/api/inquiries/:id/assign',
    {
      schema: {
        summary: 'Assign an inquiry to a SOC user (null: nobody)',
        tags,
        params: idParams,
        body: z.object({ assignee: z.string().max(200).nullable() }).strict(),
        response: { 200: inquirySchema, ...managementErrors },
      },
    },
    async (request) =>
      (await service().assign(
        actorOf(request),
        request.params.id,
        request.body.assignee,
      )) as unknown as Record<string, unknown>,
  );

  app.post(
    '/api/inquiries/:id/convert',
    {
      schema: {
        summary: 'Open an incident for an inquiry and link them',
        tags,
        params: idParams,
        body: convertInputSchema,
        response: {
          201: z.object({ inquiry: inquirySchema, incidentId: z.string() }),
          ...managementErrors,
        },
      },
    },
    async (request, reply) => {
      const result = await service().convertToIncident(actorOf(request), request.params.id, request.body);
      return reply
        .code(201)
        .send(result as unknown as { inquiry: Record<string, unknown>; incidentId: string });
    },
  );

  app.get(
    '/api/inquiry-sla/:tenant',
    {
      schema: {
        summary: "A tenant's inquiry SLA targets",
        tags,
        params: z.object({ tenant: z.string().min(1).max(200) }),
        response: { 200: slaSchema, ...managementErrors },
      },
    },
    async (request) => service().slaTargets(actorOf(request), request.params.tenant),
  );

  app.put(
    '/api/inquiry-sla/:tenant',
    {
      schema: {
        summary: "Set a tenant's inquiry SLA targets (admins); new inquiries use them",
        tags,
        params: z.object({ tenant: z.string().min(1).max(200) }),
        body: slaChangeSchema,
        response: { 200: slaSchema, ...managementErrors },
      },
    },
    async (request) => service().setSlaTargets(actorOf(request), request.params.tenant, request.body),
  );
};
