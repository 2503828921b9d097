// Users: GET/POST /api/users, GET/PATCH /api/users/:id, POST /api/users/:id/{disable,enable,unlock,password}.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../access/actor.js';
import { PASSWORD_MAX_LENGTH } from '../../access/passwords.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { managementErrors, idParams } from '../errors.js';
import { pageQuery, pageSchema, paginate } from '../pagination.js';

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    tenants: z.array(z.string()).describe('Assigned tenants; empty for admins, who act in every tenant.'),
    failedLogins: z.number().int(),
    lockedUntil: z.string().nullable(),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    passwordChangedAt: z.string(),
  })
  .meta({ id: 'User', description: 'A local user account (never its password hash).' });

const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

const createBody = z
  .object({
    username: z.string().min(1).max(64),
    displayName: z.string().max(200).optional(),
    role: z.enum(ROLES),
    tenants: z.array(z.string().min(1).max(63)).max(1000).optional(),
    password,
  })
  .strict();

const patchBody = z
  .object({
    role: z
      .enum(ROLES)
      .optional()
      .describe('With a role, `tenants` is the new assignment (empty when absent).'),
    tenants: z.array(z.string().min(1).max(63)).max(1000).optional(),
  })
  .strict()
  .refine((b) => b.role !== undefined || b.tenants !== undefined, 'give role, tenants or both');

const passwordBody = z
  .object({
    password,
    currentPassword: password.optional().describe('Required when users change their own password.'),
  })
  .strict();

const listQuery = z
  .object({
    role: z.enum(ROLES).optional(),
    tenant: z.string().max(63).optional().describe('Only users assigned to this tenant.'),
    status: z.enum(['active', 'disabled', 'all']).default('all'),
    ...pageQuery,
  })
  .strict();

const errors = managementErrors;
const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/api/users',
    {
      schema: {
        summary: 'List users (admins)',
        tags,
        querystring: listQuery,
        response: { 200: pageSchema(userSchema), ...errors },
      },
    },
    async (request) => {
      const { role, tenant, status, limit, cursor } = request.query;
      const all = await deps.access.users.list(actorOf(request));
      const wanted = all.filter(
        (u) =>
          (role === undefined || u.role === role) &&
          (tenant === undefined || (u.tenants as string[]).includes(tenant)) &&
          (status === 'all' || (status === 'active') === (u.disabledAt === null)),
      );
      return paginate(wanted, limit, cursor);
    },
  );

  app.post(
    '/api/users',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Create a user (admins)',
        tags,
        body: createBody,
        response: { 201: userSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { displayName, tenants, ...rest } = request.body;
      const user = await deps.access.users.create(actorOf(request), {
        ...rest,
        ...(displayName !== undefined ? { displayName } : {}),
        ...(tenants !== undefined ? { tenants } : {}),
      });
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        summary: "One user (one's own account, or any for admins)",
        tags,
        params: idParams,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => deps.access.users.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        summary: "Change a user's role and tenants (admins)",
        tags,
        params: idParams,
        body: patchBody,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { role, tenants } = request.body;
      return role !== undefined
        ? deps.access.users.setRole(actor, request.params.id, role, tenants ?? [])
        : deps.access.users.setTenants(actor, request.params.id, tenants ?? []);
    },
  );

  for (const verb of ['disable', 'enable', 'unlock'] as const) {
    app.post(
      `/api/users/:id/${verb}`,
      {
        schema: {
          summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a user (admins)`,
          tags,
          params: idParams,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => {
        const user = await deps.access.users[verb](actorOf(request), request.params.id);
        if (verb === 'disable') await deps.access.sessions.endAllFor(user.id);
        return user;
      },
    );
  }

  app.post(
    '/api/users/:id/password',
    {
      schema: {
        summary: "Set a password (one's own with the current one, or any for admins)",
        tags,
        params: idParams,
        body: passwordBody,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => {
      const user = await deps.access.users.setPassword(
        actorOf(request),
        request.params.id,
        request.body.password,
        request.body.currentPassword,
      );
      // A new password signs the user out everywhere else; the session that changed it stays.
      await deps.access.sessions.endAllFor(user.id, request.session?.secret);
      return user;
    },
  );
};
