// Personal API tokens: GET/POST /api/tokens and DELETE /api/tokens/:id (revoke). The secret is shown once.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YaguraError } from '../../core/errors.js';
import { parseTimeExpression } from '../../search/time-expression.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { managementErrors } from '../errors.js';
import { pageQuery, pageSchema, paginate } from '../pagination.js';

export const tokenSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string().describe("The token's first characters, to recognise it."),
    scopes: z.array(z.string()).nullable().describe("null: everything the owner's role allows."),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ApiToken', description: 'An API token (never its secret).' });

const createBody = z
  .object({
    name: z.string().max(200).optional(),
    userId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Whose token (default the caller's; others: admins)."),
    expiresAt: z
      .string()
      .max(100)
      .optional()
      .describe('When it stops working: ISO 8601 or now+30d style. Default: never.'),
    scopes: z
      .array(z.string().max(100))
      .max(50)
      .optional()
      .describe('Permissions it may use (default: all of the role).'),
  })
  .strict();

const createResponse = z.object({
  token: tokenSchema,
  secret: z.string().describe('Send as `Authorization: Bearer <secret>`. Shown only in this response.'),
});

const listQuery = z
  .object({
    user: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Whose tokens (default the caller's; others: admins)."),
    status: z.enum(['active', 'revoked', 'all']).default('all'),
    ...pageQuery,
  })
  .strict();

const errors = managementErrors;
const tags = ['tokens'];

export const tokenRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/api/tokens',
    {
      schema: {
        summary: 'List API tokens',
        tags,
        querystring: listQuery,
        response: { 200: pageSchema(tokenSchema), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { user, status, limit, cursor } = request.query;
      const all = await deps.access.tokens.list(actor, user ?? actor.id);
      const wanted = all.filter((t) => status === 'all' || (status === 'active') === (t.revokedAt === null));
      return paginate(wanted, limit, cursor);
    },
  );

  app.post(
    '/api/tokens',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Create an API token',
        tags,
        body: createBody,
        response: { 201: createResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { name, userId, expiresAt, scopes } = request.body;
      let expires: Date | undefined;
      if (expiresAt !== undefined) {
        try {
          expires = new Date(parseTimeExpression(expiresAt, deps.now()));
        } catch {
          throw new YaguraError('REQUEST_INVALID', `expiresAt: "${expiresAt.slice(0, 100)}" is not a time`, {
            location: { key: 'body.expiresAt' },
          });
        }
      }
      const created = await deps.access.tokens.create(actor, {
        userId: userId ?? actor.id,
        ...(name !== undefined ? { name } : {}),
        ...(expires !== undefined ? { expiresAt: expires } : {}),
        ...(scopes !== undefined ? { scopes } : {}),
      });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      schema: {
        summary: 'Revoke an API token',
        tags,
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: tokenSchema, ...errors },
      },
    },
    async (request) => deps.access.tokens.revoke(actorOf(request), request.params.id),
  );
};
