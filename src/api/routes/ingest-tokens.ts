// Per-tenant ingest and HEC tokens: GET/POST /api/tenants/:id/ingest-tokens, DELETE /api/ingest-tokens/:id.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INGEST_TOKEN_KINDS } from '../../access/ingest-token-service.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { managementErrors, idParams } from '../errors.js';
import { pageQuery, pageSchema, paginate } from '../pagination.js';

export const ingestTokenSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    kind: z
      .enum(INGEST_TOKEN_KINDS)
      .describe('ingest: `Authorization: Bearer` on POST /api/ingest; hec: `Authorization: Splunk` on HEC.'),
    name: z.string(),
    prefix: z.string().describe("The secret's first characters, to recognise it."),
    createdBy: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable().describe('To the minute: written at most once a minute.'),
  })
  .meta({ id: 'IngestToken', description: 'A tenant ingest or HEC token (never its secret).' });

const createBody = z
  .object({
    kind: z.enum(INGEST_TOKEN_KINDS),
    name: z
      .string()
      .min(1)
      .max(200)
      .describe('Which sender uses it; HEC events keep it in `hec.token_name`.'),
  })
  .strict();

const createResponse = z.object({
  token: ingestTokenSchema,
  secret: z
    .string()
    .describe(
      'ingest: `ygi_...`, sent as `Authorization: Bearer <secret>`; hec: a UUID, sent as `Authorization: Splunk <secret>`. Shown only in this response.',
    ),
});

const listQuery = z
  .object({
    status: z.enum(['active', 'revoked', 'all']).default('all'),
    kind: z.enum(INGEST_TOKEN_KINDS).optional(),
    ...pageQuery,
  })
  .strict();

const errors = managementErrors;
const tags = ['ingest-tokens'];

export const ingestTokenRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/api/tenants/:id/ingest-tokens',
    {
      schema: {
        summary: "List a tenant's ingest and HEC tokens",
        tags,
        params: idParams,
        querystring: listQuery,
        response: { 200: pageSchema(ingestTokenSchema), ...errors },
      },
    },
    async (request) => {
      const { status, kind, limit, cursor } = request.query;
      const all = await deps.access.ingestTokens.list(actorOf(request), { tenant: request.params.id });
      const wanted = all.filter(
        (t) =>
          (status === 'all' || (status === 'active') === (t.revokedAt === null)) &&
          (kind === undefined || t.kind === kind),
      );
      return paginate(wanted, limit, cursor);
    },
  );

  app.post(
    '/api/tenants/:id/ingest-tokens',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Create an ingest or HEC token for a tenant',
        description: 'Events sent with the token land in this tenant. The secret is shown only once.',
        tags,
        params: idParams,
        body: createBody,
        response: { 201: createResponse, ...errors },
      },
    },
    async (request, reply) => {
      const created = await deps.access.ingestTokens.create(actorOf(request), {
        tenant: request.params.id,
        kind: request.body.kind,
        name: request.body.name,
      });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/ingest-tokens/:id',
    {
      schema: {
        summary: 'Revoke an ingest or HEC token',
        description: 'Senders using it are refused within seconds.',
        tags,
        params: idParams,
        response: { 200: ingestTokenSchema, ...errors },
      },
    },
    async (request) => deps.access.ingestTokens.revoke(actorOf(request), request.params.id),
  );
};
