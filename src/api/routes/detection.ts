// Detection: GET /api/detection/status, POST /api/detection/reload, GET /api/findings (and /stream, live as
// server-sent events), GET/PUT /api/tenants/:id/rule-sets.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantId } from '../../core/ids.js';
import { LEVELS } from '../../detect/sigma/rule.js';
import type { StoredFinding } from '../../detection/findings-service.js';
import { actorOf } from '../auth/authenticate.js';
import { asList } from '../scope.js';
import { timeOf } from './triage-support.js';
import type { ApiDetection, RouteDeps } from '../deps.js';
import { errorResponseSchema, idParams, managementErrors } from '../errors.js';
import { YaguraError } from '../../core/errors.js';

const problemSchema = z.object({
  path: z.string().optional(),
  line: z.number().optional(),
  code: z.string(),
  message: z.string(),
  rule: z.string().optional(),
});

const statusSchema = z
  .object({
    enabled: z.boolean(),
    workers: z.number().describe('Worker threads running the rules (0: the main thread).'),
    loadedAt: z.number().describe('Epoch ms of the last (re)load.'),
    loadSeconds: z.number(),
    ruleSets: z.array(
      z.object({
        id: z.string(),
        rules: z.number(),
        problems: z.number(),
        correlations: z.number(),
        filters: z.number(),
        enabledByDefault: z.boolean(),
      }),
    ),
    indicators: z.number(),
    intelSets: z.number(),
    problems: z
      .array(problemSchema)
      .describe('Rules, correlations and filters that could not be used, and why.'),
    intelProblems: z.array(
      z.object({ path: z.string(), problems: z.number(), message: z.string().optional() }),
    ),
  })
  .meta({
    id: 'DetectionStatus',
    description: 'What detection runs: rule sets, indicators, and what was refused.',
  });

const findingSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    kind: z.enum(['sigma', 'correlation', 'intel']),
    rule: z.object({
      id: z.string(),
      title: z.string(),
      level: z.enum(LEVELS),
      author: z
        .string()
        .optional()
        .describe('Credited with every match, as the Detection Rule License asks.'),
      tags: z.array(z.string()),
    }),
    time: z.number().describe('Epoch ms of the matched event.'),
    createdAt: z.number(),
    eventIds: z
      .array(z.string())
      .describe('The matched events (a correlation: a sample), in the event store.'),
    matched: z
      .record(z.string(), z.unknown())
      .describe('The event fields the rule read, by their Event names.'),
    intel: z
      .object({ indicator: z.string(), type: z.string(), set: z.string(), source: z.string().optional() })
      .optional(),
    correlation: z
      .object({
        type: z.string(),
        group: z.record(z.string(), z.string()).describe('The group-by values of the group that fired.'),
        value: z.number().describe('The figure the condition held on (count, distinct values, sum, ...).'),
        firstSeen: z.number(),
        lastSeen: z.number(),
        rules: z.array(z.string()),
        count: z.number().optional(),
      })
      .optional(),
  })
  .meta({ id: 'Finding', description: 'One rule, indicator or correlation match.' });

const time = z.string().max(100);
const listQuery = z
  .object({
    tenant: z.union([z.string(), z.array(z.string())]).optional(),
    from: time.optional().describe('Start (inclusive): ISO 8601, epoch ms, or relative such as now-24h.'),
    to: time.optional(),
    kind: z.enum(['sigma', 'correlation', 'intel']).optional(),
    level: z.enum(LEVELS).optional(),
    rule: z.string().max(200).optional().describe('A rule id (UUID), or intel:<set>.'),
    id: z
      .union([z.string().max(200), z.array(z.string().max(200)).max(1000)])
      .optional()
      .describe('Finding ids (repeat the parameter for several), e.g. the ones an alert links.'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(200).optional(),
  })
  .strict();

const ruleSetSchema = z.object({
  ruleSet: z.string(),
  enabled: z.boolean(),
  own: z.boolean().describe("Whether the tenant has its own setting; otherwise the set's default applies."),
});

const intelSetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    source: z.string(),
    importedAt: z.number(),
    indicators: z.number(),
  })
  .meta({ id: 'IntelSet', description: 'An indicator set in use.' });

const intelBody = z
  .object({
    content: z.string().min(1).describe('The file as text: CSV, a STIX 2.1 bundle or a MISP event (JSON).'),
    format: z.enum(['csv', 'stix', 'misp']).optional().describe('Told from the content when absent.'),
    name: z.string().max(200).optional(),
    ttlDays: z.number().positive().optional(),
    level: z.enum(LEVELS).optional(),
  })
  .strict();

const tags = ['detection'];

export const detectionRoutes: FastifyPluginAsyncZod<RouteDeps & { detection: ApiDetection }> = async (
  app,
  deps,
) => {
  // Read per request, not at registration: the OpenAPI generator registers these routes without a service.
  const service = () => deps.detection.service;
  const findings = () => deps.detection.findings;

  app.get(
    '/api/detection/status',
    {
      schema: {
        summary: 'What detection runs: rule sets, correlations, indicators, and the rules it refused',
        tags,
        response: { 200: statusSchema, ...managementErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.role !== 'admin' && actor.role !== 'soc_analyst') {
        throw new YaguraError(
          'FORBIDDEN',
          'Not permitted: detection status is for SOC analysts and admins',
          {},
        );
      }
      return service().status();
    },
  );

  app.post(
    '/api/detection/reload',
    {
      schema: {
        summary: 'Load the rule sets and indicator files again, without a restart',
        tags,
        response: { 200: statusSchema, ...managementErrors },
      },
    },
    async (request) => service().reload(actorOf(request)),
  );

  app.get(
    '/api/detection/intel',
    {
      schema: {
        summary: 'The indicator sets in use (configured and imported)',
        tags,
        response: { 200: z.object({ sets: z.array(intelSetSchema) }), ...managementErrors },
      },
    },
    async (request) => ({ sets: service().intelSets(actorOf(request)) }),
  );

  app.put(
    '/api/detection/intel/:id',
    {
      schema: {
        summary: 'Import or replace an indicator set (CSV, STIX 2.1, MISP); detection reloads with it',
        tags,
        params: idParams,
        body: intelBody,
        response: {
          200: z.object({
            set: intelSetSchema,
            problems: z
              .array(
                z.object({
                  file: z.string().optional(),
                  line: z.number().optional(),
                  index: z.number().optional(),
                  entry: z.string().optional(),
                  reason: z.string(),
                }),
              )
              .describe('Entries that could not be used, with their line or index.'),
            skipped: z.number().describe('Entries left out on purpose (revoked, not to_ids, ...).'),
          }),
          ...managementErrors,
        },
      },
    },
    async (request) => {
      const { content, ...settings } = request.body;
      return service().importIntel(actorOf(request), { id: request.params.id, ...settings }, content);
    },
  );

  app.delete(
    '/api/detection/intel/:id',
    {
      schema: {
        summary: 'Remove an imported indicator set',
        tags,
        params: idParams,
        response: { 204: z.null(), ...managementErrors },
      },
    },
    async (request, reply) => {
      await service().removeIntel(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/findings',
    {
      schema: {
        summary: 'Findings, newest first',
        tags,
        querystring: listQuery,
        response: {
          200: z.object({ findings: z.array(findingSchema), next: z.string().optional() }),
          ...managementErrors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const now = deps.now();
      const from = timeOf(q.from, now, 'from');
      const to = timeOf(q.to, now, 'to');
      const tenants = asList(q.tenant);
      return findings().list(actorOf(request), {
        ...(tenants ? { tenants } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.level ? { level: q.level } : {}),
        ...(q.rule ? { ruleId: q.rule } : {}),
        ...(q.id !== undefined ? { ids: asList(q.id) } : {}),
        limit: q.limit,
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
    },
  );

  app.get(
    '/api/findings/stream',
    {
      schema: {
        summary: 'New findings as they are recorded (text/event-stream: one `finding` event each)',
        tags,
        querystring: z.object({ tenant: z.union([z.string(), z.array(z.string())]).optional() }).strict(),
        response: { 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const send = (batch: readonly StoredFinding[]): void => {
        for (const f of batch) reply.raw.write(`event: finding\ndata: ${JSON.stringify(f)}\n\n`);
      };
      // Permission is checked before the stream opens, so a refusal is an ordinary JSON error.
      const stop = findings().follow(actorOf(request), asList(request.query.tenant), send);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      reply.raw.write(': following findings\n\n');
      const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 15_000);
      request.raw.on('close', () => {
        clearInterval(keepAlive);
        stop();
      });
    },
  );

  app.get(
    '/api/tenants/:id/rule-sets',
    {
      schema: {
        summary: 'The rule sets a tenant runs',
        tags,
        params: idParams,
        response: { 200: z.object({ ruleSets: z.array(ruleSetSchema) }), ...managementErrors },
      },
    },
    async (request) => ({
      ruleSets: service().tenantRuleSets(actorOf(request), tenantId(request.params.id)),
    }),
  );

  app.put(
    '/api/tenants/:id/rule-sets/:ruleSet',
    {
      schema: {
        summary: 'Enable or disable a rule set for one tenant (audited; takes effect with the next batch)',
        tags,
        params: z.object({ id: z.string(), ruleSet: z.string().max(64) }),
        body: z.object({ enabled: z.boolean() }).strict(),
        response: { 200: z.object({ ruleSets: z.array(ruleSetSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const tenant = tenantId(request.params.id);
      if (!deps.knownTenants().includes(tenant)) {
        throw new YaguraError('NOT_FOUND', `No tenant "${request.params.id}"`, { tenant: request.params.id });
      }
      const ruleSets = await service().setTenantRuleSet(
        actorOf(request),
        tenant,
        request.params.ruleSet,
        request.body.enabled,
      );
      return { ruleSets };
    },
  );
};
