// The communications log of an incident (GET/POST /api/incidents/:id/communications, PATCH
// /api/incidents/:id/communications/:communicationId, GET /api/communications/requests) and drafts from templates (/api/communication-templates).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  communicationChangeSchema,
  communicationInputSchema,
  REQUEST_STATUSES,
} from '../../cases/contacts/communication-model.js';
import { renderRequestSchema } from '../../cases/contacts/template-service.js';
import { YaguraError } from '../../core/errors.js';
import { actorOf } from '../auth/authenticate.js';
import { idParams, managementErrors } from '../errors.js';
import type { ContactRouteDeps } from './contacts.js';
import { asList, defined, tenantsQuery } from './triage-support.js';

const communicationSchema = z.record(z.string(), z.unknown()).meta({
  id: 'Communication',
  description:
    'A logged communication: direction, channel, contactId, counterpart, subject, summary, body, occurredAt, recordedAt, recordedBy, attachments (evidence ids), request ({ status, dueAt, overdue } or null).',
});
const templateSchema = z.record(z.string(), z.unknown()).meta({
  id: 'CommunicationTemplate',
  description:
    'A template: id, source (library or playbook), kind, audience, title/subject/body in ja and en, placeholders.',
});
const draftSchema = z
  .object({
    templateId: z.string(),
    language: z.enum(['ja', 'en']),
    subject: z.string(),
    body: z.string(),
    missing: z
      .array(z.string())
      .describe('Known placeholders without a value, left in the text as {{name}}.'),
    unknown: z.array(z.string()).describe('Placeholders the renderer does not know, left as written.'),
    fillIns: z.array(z.string()).describe("Fill-in marks of a playbook's template (【氏名】, [Name])."),
    contactId: z.string().nullable(),
  })
  .meta({
    id: 'CommunicationDraft',
    description: 'A rendered draft, to edit before sending and logging it.',
  });

const tags = ['communications'];

export const communicationRoutes: FastifyPluginAsyncZod<ContactRouteDeps> = async (app, deps) => {
  const comms = () => deps.contacts.communications;
  const templates = () => deps.contacts.templates;

  app.get(
    '/api/incidents/:id/communications',
    {
      schema: {
        summary: "An incident's communications, in the order they happened",
        tags,
        params: idParams,
        querystring: z
          .object({
            requestStatus: z.enum(REQUEST_STATUSES).optional().describe('Only requests in this status.'),
            overdue: z.enum(['true']).optional().describe('Only open requests past their due time.'),
          })
          .strict(),
        response: { 200: z.object({ communications: z.array(communicationSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const list = await comms().list(
        actorOf(request),
        request.params.id,
        defined({
          requestStatus: request.query.requestStatus,
          overdue: request.query.overdue ? true : undefined,
        }),
      );
      return { communications: list as unknown as Record<string, unknown>[] };
    },
  );

  app.post(
    '/api/incidents/:id/communications',
    {
      schema: {
        summary: 'Log a communication in an incident (writes a timeline entry)',
        tags,
        params: idParams,
        body: communicationInputSchema,
        response: { 201: communicationSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const created = await comms().record(actorOf(request), request.params.id, request.body);
      return reply.code(201).send(created as unknown as Record<string, unknown>);
    },
  );

  app.patch(
    '/api/incidents/:id/communications/:communicationId',
    {
      schema: {
        summary: "Change a logged communication, e.g. a request's status (writes a timeline entry)",
        tags,
        params: z.object({ id: z.string().min(1).max(200), communicationId: z.string().min(1).max(200) }),
        body: communicationChangeSchema,
        response: { 200: communicationSchema, ...managementErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, communicationId } = request.params;
      const found = await comms().get(actor, communicationId);
      if (found.incidentId !== id) {
        throw new YaguraError(
          'NOT_FOUND',
          `No communication "${communicationId.slice(0, 80)}" in this incident`,
        );
      }
      return (await comms().update(actor, communicationId, request.body)) as unknown as Record<
        string,
        unknown
      >;
    },
  );

  app.get(
    '/api/communications/requests',
    {
      schema: {
        summary: "Open requests of the tenants' incidents (waiting on a vendor, an ISP...), due first",
        tags,
        querystring: z.object({ tenant: tenantsQuery, overdue: z.enum(['true']).optional() }).strict(),
        response: { 200: z.object({ communications: z.array(communicationSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const list = await comms().openRequests(
        actorOf(request),
        asList(request.query.tenant),
        defined({ overdue: request.query.overdue ? true : undefined }),
      );
      return { communications: list as unknown as Record<string, unknown>[] };
    },
  );

  app.get(
    '/api/communication-templates',
    {
      schema: {
        summary: "Communication templates: the library's and the playbooks'",
        tags,
        response: { 200: z.object({ templates: z.array(templateSchema) }), ...managementErrors },
      },
    },
    async (request) => ({
      templates: (await templates().list(actorOf(request))) as unknown as Record<string, unknown>[],
    }),
  );

  app.post(
    '/api/communication-templates/:id/render',
    {
      schema: {
        summary:
          "Draft a communication from a template with the incident's facts, a contact and given values",
        tags,
        params: idParams,
        body: renderRequestSchema,
        response: { 200: draftSchema, ...managementErrors },
      },
    },
    async (request) => templates().render(actorOf(request), request.params.id, request.body),
  );
};
