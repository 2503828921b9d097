// Tenants: GET/POST /api/tenants, GET/PATCH /api/tenants/:id, POST /api/tenants/:id/disable and /enable.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LANGUAGES, type Tenant } from '../../access/tenant-service.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { managementErrors, idParams } from '../errors.js';
import { pageQuery, pageSchema, paginate } from '../pagination.js';

export const tenantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    language: z.enum(LANGUAGES),
    retentionDays: z
      .number()
      .int()
      .nullable()
      .describe('Days events are kept; null: the installation default.'),
    sources: z.array(z.string()).describe('Addresses or CIDR ranges whose syslog messages belong to it.'),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Tenant', description: 'A tenant and its settings.' });

const settings = {
  timeZone: z.string().min(1).max(100).optional().describe('IANA time zone, e.g. Asia/Tokyo.'),
  language: z.enum(LANGUAGES).optional(),
  retentionDays: z.number().int().min(1).max(36500).nullable().optional(),
  sources: z.array(z.string().min(1).max(100)).max(1000).optional(),
};

const createBody = z
  .object({
    name: z.string().min(1).max(200),
    id: z
      .string()
      .min(1)
      .max(63)
      .optional()
      .describe('Defaults to the name in lowercase with "-" for others.'),
    ...settings,
  })
  .strict();

const patchBody = z
  .object({ name: z.string().min(1).max(200).optional(), ...settings })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');

const listQuery = z
  .object({
    status: z.enum(['active', 'disabled', 'all']).default('all').describe('Filter by state (default all).'),
    ...pageQuery,
  })
  .strict();

const errors = managementErrors;
const tags = ['tenants'];

function settingsOf(body: z.infer<typeof createBody> | z.infer<typeof patchBody>) {
  return {
    ...(body.timeZone !== undefined ? { timeZone: body.timeZone } : {}),
    ...(body.language !== undefined ? { language: body.language } : {}),
    ...(body.retentionDays !== undefined ? { retentionDays: body.retentionDays } : {}),
    ...(body.sources !== undefined ? { sources: body.sources } : {}),
  };
}

export const tenantRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { access } = deps;
  const changed = async (tenant: Tenant): Promise<Tenant> => {
    await deps.onTenantsChanged();
    return tenant;
  };

  app.get(
    '/api/tenants',
    {
      schema: {
        summary: 'List the tenants open to the caller',
        tags,
        querystring: listQuery,
        response: { 200: pageSchema(tenantSchema), ...errors },
      },
    },
    async (request) => {
      const { status, limit, cursor } = request.query;
      const all = await deps.access.tenants.list(actorOf(request));
      const wanted = all.filter((t) => status === 'all' || (status === 'active') === (t.disabledAt === null));
      return paginate(wanted, limit, cursor);
    },
  );

  app.post(
    '/api/tenants',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Create a tenant',
        tags,
        body: createBody,
        response: { 201: tenantSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { name, id } = request.body;
      const tenant = await access.tenants.create(actorOf(request), {
        name,
        ...(id !== undefined ? { id } : {}),
        ...settingsOf(request.body),
      });
      return reply.code(201).send(await changed(tenant));
    },
  );

  app.get(
    '/api/tenants/:id',
    {
      schema: { summary: 'One tenant', tags, params: idParams, response: { 200: tenantSchema, ...errors } },
    },
    async (request) => access.tenants.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/tenants/:id',
    {
      schema: {
        summary: 'Rename a tenant or change its settings',
        description: '`sources` replaces the whole list.',
        tags,
        params: idParams,
        body: patchBody,
        response: { 200: tenantSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const s = settingsOf(request.body);
      let tenant: Tenant | undefined;
      if (request.body.name !== undefined) tenant = await access.tenants.rename(actor, id, request.body.name);
      if (Object.keys(s).length > 0) tenant = await access.tenants.updateSettings(actor, id, s);
      return changed(tenant ?? (await access.tenants.get(actor, id)));
    },
  );

  for (const verb of ['disable', 'enable'] as const) {
    app.post(
      `/api/tenants/:id/${verb}`,
      {
        schema: {
          summary:
            verb === 'disable' ? 'Disable a tenant (its users can no longer act in it)' : 'Enable a tenant',
          tags,
          params: idParams,
          response: { 200: tenantSchema, ...errors },
        },
      },
      async (request) => changed(await access.tenants[verb](actorOf(request), request.params.id)),
    );
  }
};
