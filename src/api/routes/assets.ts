// The asset inventory: GET/POST /api/assets, GET/PATCH/DELETE /api/assets/:id, POST /api/assets/import (CSV),
// GET /api/assets/lookup.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YaguraError } from '../../core/errors.js';
import { ASSET_SOURCES } from '../../triage/asset-index.js';
import { actorOf } from '../auth/authenticate.js';
import { idParams, managementErrors } from '../errors.js';
import { asList, defined, tenantsQuery, type TriageRouteDeps } from './triage-support.js';

export const assetSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    name: z.string().describe('Unique within the tenant.'),
    hostnames: z.array(z.string()),
    addresses: z.array(z.string()).describe('IP addresses and CIDR ranges.'),
    users: z.array(z.string()),
    owner: z.string().nullable(),
    criticality: z.number().nullable().describe('1 (lab box) to 5 (crown jewel); null when not rated.'),
    tags: z.array(z.string()),
    source: z.enum(ASSET_SOURCES).describe('manual, import (CSV), or learned from events.'),
    lastSeen: z.number().nullable().describe('Epoch ms an event last showed it.'),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .meta({
    id: 'Asset',
    description: 'An asset of the inventory: hosts, addresses and users one owner answers for.',
  });

const values = (what: string) => z.array(z.string().max(255)).max(50).describe(what);

const assetFields = {
  hostnames: values('Host names; `ws01` also matches `ws01.corp.example`.').optional(),
  addresses: values('IP addresses or CIDR ranges.').optional(),
  users: values('User names, matched without a DOMAIN\\ prefix or @domain suffix.').optional(),
  owner: z.string().max(200).nullable().optional(),
  criticality: z.number().int().min(1).max(5).nullable().optional().describe('1-5, or null for not rated.'),
  tags: values('Free tags.').optional(),
};

const createBody = z
  .object({ tenant: z.string().min(1).max(200), name: z.string().min(1).max(200), ...assetFields })
  .strict()
  .meta({ id: 'AssetCreate', description: 'A new asset.' });

const updateBody = z
  .object({ name: z.string().min(1).max(200).optional(), ...assetFields })
  .strict()
  .meta({ id: 'AssetUpdate', description: 'The values to change; others are kept.' });

const importBody = z
  .object({
    tenant: z.string().min(1).max(200),
    content: z
      .string()
      .min(1)
      .describe(
        'The CSV text: a header (`name` required; hostnames, addresses, users, owner, criticality, tags) and one asset a row, lists separated by `;`.',
      ),
    dryRun: z.boolean().default(false).describe('Only report what the import would do.'),
  })
  .strict();

const importReport = z
  .object({
    created: z.number(),
    updated: z.number(),
    problems: z
      .array(z.object({ line: z.number().describe('1-based line the row starts on.'), message: z.string() }))
      .describe('Rows that were skipped, and why.'),
    dryRun: z.boolean(),
  })
  .meta({ id: 'AssetImportReport', description: 'What a CSV import did (or, dry, would do).' });

const listQuery = z
  .object({
    tenant: tenantsQuery,
    search: z.string().max(200).optional().describe('Text in the name, a host name, an address or a user.'),
    tag: z.string().max(255).optional(),
    source: z.enum(ASSET_SOURCES).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(200).optional().describe('The `next` of the previous page.'),
  })
  .strict();

const lookupQuery = z
  .object({
    tenant: z.string().min(1).max(200),
    host: z.string().max(255).optional(),
    user: z.string().max(255).optional(),
    ip: z
      .union([z.string().max(64), z.array(z.string().max(64)).max(16)])
      .optional()
      .describe('Addresses (repeat the parameter for several).'),
  })
  .strict();

const tags = ['assets'];

export const assetRoutes: FastifyPluginAsyncZod<TriageRouteDeps> = async (app, deps) => {
  // Read per request, not at registration: the OpenAPI generator registers these routes without a service.
  const assets = () => deps.triage.assets;

  app.get(
    '/api/assets',
    {
      schema: {
        summary: 'The asset inventory, by name',
        tags,
        querystring: listQuery,
        response: {
          200: z.object({ assets: z.array(assetSchema), next: z.string().optional() }),
          ...managementErrors,
        },
      },
    },
    async (request) => {
      const { tenant, ...q } = request.query;
      return assets().list(actorOf(request), defined({ ...q, tenants: asList(tenant) }));
    },
  );

  app.get(
    '/api/assets/lookup',
    {
      schema: {
        summary: 'The assets behind a host name, an address or a user name, as an alert shows them',
        tags,
        querystring: lookupQuery,
        response: { 200: z.object({ assets: z.array(assetSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const { tenant, host, user, ip } = request.query;
      if (host === undefined && user === undefined && ip === undefined) {
        throw new YaguraError('REQUEST_INVALID', 'Name a host, a user or an ip to look up', {
          location: { key: 'query' },
        });
      }
      const found = await assets().lookup(actorOf(request), tenant, defined({ host, user, ips: asList(ip) }));
      return { assets: found };
    },
  );

  app.get(
    '/api/assets/:id',
    {
      schema: {
        summary: 'One asset',
        tags,
        params: idParams,
        response: { 200: assetSchema, ...managementErrors },
      },
    },
    async (request) => assets().get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/assets',
    {
      schema: {
        summary: 'Add an asset (audited)',
        tags,
        body: createBody,
        response: { 201: assetSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const { tenant, ...input } = request.body;
      const made = await assets().create(actorOf(request), tenant, defined(input));
      return reply.code(201).send(made);
    },
  );

  app.patch(
    '/api/assets/:id',
    {
      schema: {
        summary: 'Change an asset (audited)',
        tags,
        params: idParams,
        body: updateBody,
        response: { 200: assetSchema, ...managementErrors },
      },
    },
    async (request) => assets().update(actorOf(request), request.params.id, defined(request.body)),
  );

  app.delete(
    '/api/assets/:id',
    {
      schema: {
        summary: 'Remove an asset (audited)',
        tags,
        params: idParams,
        response: { 204: z.null(), ...managementErrors },
      },
    },
    async (request, reply) => {
      await assets().remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/assets/import',
    {
      schema: {
        summary: 'Import assets from CSV: new names are added, existing ones get the columns the file has',
        description:
          'Bad rows are reported with their line and skipped; a bad header refuses the whole file.',
        tags,
        body: importBody,
        response: { 200: importReport, ...managementErrors },
      },
    },
    async (request) => {
      const { tenant, content, dryRun } = request.body;
      return assets().importCsv(actorOf(request), tenant, content, { dryRun });
    },
  );
};
