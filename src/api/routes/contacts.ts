// The contacts directory: GET/POST /api/contacts, GET/PATCH/DELETE /api/contacts/:id.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CONTACT_KINDS,
  contactChangeSchema,
  contactInputSchema,
} from '../../cases/contacts/contact-model.js';
import type { ContactServices } from '../../cases/contacts/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { idParams, managementErrors } from '../errors.js';
import { asList, defined, tenantsQuery } from './triage-support.js';

export type ContactRouteDeps = RouteDeps & { contacts: ContactServices };

export const contactSchema = z.record(z.string(), z.unknown()).meta({
  id: 'Contact',
  description:
    'A contact: id, tenant (null: installation-wide), kind, organization, name, title, channels, hours, escalationNotes, language, createdAt, updatedAt.',
});

const tags = ['contacts'];

export const contactRoutes: FastifyPluginAsyncZod<ContactRouteDeps> = async (app, deps) => {
  const service = () => deps.contacts.contacts;

  app.get(
    '/api/contacts',
    {
      schema: {
        summary: "The tenants' contacts and the installation-wide ones",
        tags,
        querystring: z
          .object({
            tenant: tenantsQuery,
            kind: z.enum(CONTACT_KINDS).optional(),
            q: z
              .string()
              .max(200)
              .optional()
              .describe('Words in the organization, name, title or escalation notes.'),
            shared: z
              .enum(['true', 'false'])
              .optional()
              .describe('Include installation-wide contacts (default true).'),
          })
          .strict(),
        response: { 200: z.object({ contacts: z.array(contactSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const { tenant, kind, q, shared } = request.query;
      const list = await service().list(
        actorOf(request),
        defined({
          tenants: asList(tenant),
          kind,
          q,
          shared: shared === undefined ? undefined : shared === 'true',
        }),
      );
      return { contacts: list as unknown as Record<string, unknown>[] };
    },
  );

  app.post(
    '/api/contacts',
    {
      schema: {
        summary: 'Add a contact to a tenant (or, with tenant null, to the whole installation)',
        tags,
        body: z
          .object({
            tenant: z.string().max(200).nullable().describe('null: installation-wide (needs every tenant).'),
            contact: contactInputSchema,
          })
          .strict(),
        response: { 201: contactSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const created = await service().create(actorOf(request), request.body.tenant, request.body.contact);
      return reply.code(201).send(created as unknown as Record<string, unknown>);
    },
  );

  app.get(
    '/api/contacts/:id',
    {
      schema: {
        summary: 'A contact',
        tags,
        params: idParams,
        response: { 200: contactSchema, ...managementErrors },
      },
    },
    async (request) =>
      (await service().get(actorOf(request), request.params.id)) as unknown as Record<string, unknown>,
  );

  app.patch(
    '/api/contacts/:id',
    {
      schema: {
        summary: 'Change a contact (audited)',
        tags,
        params: idParams,
        body: contactChangeSchema,
        response: { 200: contactSchema, ...managementErrors },
      },
    },
    async (request) =>
      (await service().update(actorOf(request), request.params.id, request.body)) as unknown as Record<
        string,
        unknown
      >,
  );

  app.delete(
    '/api/contacts/:id',
    {
      schema: {
        summary: 'Remove a contact (communications logged with it keep its name)',
        tags,
        params: idParams,
        response: { 204: z.null(), ...managementErrors },
      },
    },
    async (request, reply) => {
      await service().delete(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
