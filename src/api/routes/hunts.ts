// Retro-hunts: POST /api/hunts starts one over stored events, GET /api/hunts(/:id) shows progress,
// GET /api/hunts/:id/findings reads the results, DELETE /api/hunts/:id stops it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LEVELS } from '../../detect/sigma/rule.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDetection, RouteDeps } from '../deps.js';
import { idParams, managementErrors } from '../errors.js';
import { resolveRange } from '../time-range.js';

const jobSchema = z
  .object({
    id: z.string(),
    createdBy: z.string(),
    createdAt: z.number(),
    tenants: z.array(z.string()),
    from: z.number(),
    to: z.number(),
    rules: z.array(z.object({ id: z.string(), title: z.string() })),
    correlations: z.number(),
    progress: z.object({
      state: z.enum(['running', 'done', 'aborted']),
      fraction: z.number().describe('Share of the time range done, 0 to 1.'),
      through: z.number().describe('Epoch ms up to which every event has been examined.'),
      eventsExamined: z.number(),
      findings: z.number(),
    }),
    finishedAt: z.number().optional(),
    error: z.string().optional(),
    kept: z.number().describe('Findings kept for reading back (the first 10,000).'),
  })
  .meta({ id: 'Hunt', description: 'A retro-hunt: Sigma rules run over the stored events of a time range.' });

const huntFindingSchema = z.object({
  kind: z.enum(['sigma', 'correlation', 'intel']),
  rule: z.object({
    id: z.string(),
    title: z.string(),
    level: z.enum(LEVELS),
    author: z.string().optional(),
    tags: z.array(z.string()),
  }),
  tenant: z.string(),
  time: z.number(),
  matched: z.record(z.string(), z.unknown()),
  events: z
    .array(z.record(z.string(), z.unknown()))
    .describe('The matched events (a correlation: a sample).'),
  correlation: z.record(z.string(), z.unknown()).optional(),
});

const startBody = z
  .object({
    rules: z
      .array(z.string().max(200))
      .max(5000)
      .optional()
      .describe('Ids or names of loaded rules or correlations.'),
    ruleText: z.string().max(1_000_000).optional().describe('Sigma YAML: rules and correlations to run.'),
    tenants: z.array(z.string()).optional(),
    from: z.string().max(100).describe('ISO 8601, epoch ms, or relative such as now-7d.'),
    to: z.string().max(100).default('now'),
  })
  .strict();

const tags = ['detection'];

export const huntRoutes: FastifyPluginAsyncZod<RouteDeps & { detection: ApiDetection }> = async (
  app,
  deps,
) => {
  const hunts = () => deps.detection.hunts;

  app.post(
    '/api/hunts',
    {
      schema: {
        summary: 'Start a retro-hunt (runs in the background; follow it with GET /api/hunts/:id)',
        tags,
        body: startBody,
        response: { 202: jobSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const job = await hunts().start(actorOf(request), {
        ...(b.rules ? { rules: b.rules } : {}),
        ...(b.ruleText !== undefined ? { ruleText: b.ruleText } : {}),
        ...(b.tenants ? { tenants: b.tenants } : {}),
        ...resolveRange(b.from, b.to, deps.now()),
      });
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/api/hunts',
    {
      schema: {
        summary: 'Recent retro-hunts',
        tags,
        response: { 200: z.object({ hunts: z.array(jobSchema) }), ...managementErrors },
      },
    },
    async (request) => ({ hunts: hunts().list(actorOf(request)) }),
  );

  app.get(
    '/api/hunts/:id',
    {
      schema: {
        summary: "A retro-hunt's progress",
        tags,
        params: idParams,
        response: { 200: jobSchema, ...managementErrors },
      },
    },
    async (request) => hunts().get(actorOf(request), request.params.id),
  );

  app.get(
    '/api/hunts/:id/findings',
    {
      schema: {
        summary: "A retro-hunt's findings, in event time order",
        tags,
        params: idParams,
        querystring: z
          .object({
            offset: z.coerce.number().int().min(0).default(0),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          })
          .strict(),
        response: {
          200: z.object({ findings: z.array(huntFindingSchema), total: z.number() }),
          ...managementErrors,
        },
      },
    },
    async (request) => {
      const { findings, total } = hunts().findings(
        actorOf(request),
        request.params.id,
        request.query.offset,
        request.query.limit,
      );
      return {
        total,
        findings: findings.map((f) => ({
          kind: f.kind,
          rule: f.rule,
          tenant: f.tenant,
          time: f.time,
          matched: f.matched,
          events: f.events as unknown as Record<string, unknown>[],
          ...(f.correlation ? { correlation: { ...f.correlation } } : {}),
        })),
      };
    },
  );

  app.delete(
    '/api/hunts/:id',
    {
      schema: {
        summary: 'Stop a retro-hunt',
        tags,
        params: idParams,
        response: { 200: jobSchema, ...managementErrors },
      },
    },
    async (request) => hunts().cancel(actorOf(request), request.params.id),
  );
};
