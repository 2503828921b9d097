// Noise metrics per tenant and period: GET /api/triage/metrics.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/authenticate.js';
import { managementErrors } from '../errors.js';
import { asList, defined, tenantsQuery, timeOf, timeText, type TriageRouteDeps } from './triage-support.js';

const ruleNoiseSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  findings: z.number(),
  suppressed: z.number(),
  alerts: z.number(),
  falsePositives: z.number(),
  truePositives: z.number(),
  fpRate: z
    .number()
    .nullable()
    .describe('False / (false + true) positives decided in the period; null if none.'),
});

const tenantNoiseSchema = z
  .object({
    tenant: z.string(),
    from: z.number(),
    to: z.number(),
    events: z.number().nullable().describe('Stored events; null when no event counter is configured.'),
    findings: z.number(),
    suppressed: z.number(),
    alerts: z.number().describe('Alerts whose first finding is in the period.'),
    escalated: z.number().describe('Alerts escalated (true positive) in the period.'),
    falsePositives: z.number(),
    truePositives: z.number(),
    fpRate: z.number().nullable(),
    medianAcknowledgeMs: z.number().nullable(),
    medianEscalateMs: z.number().nullable(),
    topRules: z
      .array(ruleNoiseSchema)
      .describe('Rules by findings (suppressed included), the noisiest first.'),
  })
  .meta({
    id: 'TenantNoise',
    description: "A tenant's noise: events -> findings -> suppressed -> alerts -> escalated.",
  });

const query = z
  .object({
    tenant: tenantsQuery,
    from: timeText
      .default('now-7d')
      .describe('Start (inclusive): ISO 8601, epoch ms or relative (default now-7d).'),
    to: timeText.default('now').describe('End (exclusive; default now).'),
    top: z.coerce.number().int().min(1).max(100).default(10).describe('How many rules topRules lists.'),
  })
  .strict();

export const triageMetricsRoutes: FastifyPluginAsyncZod<TriageRouteDeps> = async (app, deps) => {
  app.get(
    '/api/triage/metrics',
    {
      schema: {
        summary: 'Noise metrics per tenant for a period: findings, suppressed, alerts, escalations, FP rates',
        tags: ['triage'],
        querystring: query,
        response: { 200: z.object({ tenants: z.array(tenantNoiseSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const now = deps.now();
      const tenants = await deps.triage.metrics.noise(
        actorOf(request),
        defined({
          tenants: asList(q.tenant),
          from: timeOf(q.from, now, 'from')!,
          to: timeOf(q.to, now, 'to')!,
          top: q.top,
        }),
      );
      return { tenants };
    },
  );
};
