// Escalation: per-tenant policies (GET/POST /api/escalation-policies, GET/PATCH/DELETE /api/escalation-policies/:id)
// and escalating an alert to the customer (POST /api/alerts/:id/escalate, GET /api/alerts/:id/escalations).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policyChangeSchema, policyInputSchema } from '../../triage/escalation-policy.js';
import type { EscalationService } from '../../triage/escalation-service.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { idParams, managementErrors } from '../errors.js';
import { asList, tenantsQuery } from './triage-support.js';

const policySchema = z.record(z.string(), z.unknown()).meta({
  id: 'EscalationPolicy',
  description: 'A policy: severity and category -> contacts, channels, language.',
});
const escalationSchema = z.record(z.string(), z.unknown()).meta({
  id: 'Escalation',
  description: 'One escalation of an alert, with the delivery log of each channel.',
});

const tags = ['alerts'];

export const escalationRoutes: FastifyPluginAsyncZod<RouteDeps & { escalation: EscalationService }> = async (
  app,
  deps,
) => {
  const service = () => deps.escalation;

  app.get(
    '/api/escalation-policies',
    {
      schema: {
        summary: "The tenants' escalation policies (webhook secrets never shown)",
        tags,
        querystring: z.object({ tenant: tenantsQuery }).strict(),
        response: { 200: z.object({ policies: z.array(policySchema) }), ...managementErrors },
      },
    },
    async (request) => ({
      policies: (await service().listPolicies(
        actorOf(request),
        asList(request.query.tenant),
      )) as unknown as Record<string, unknown>[],
    }),
  );

  app.post(
    '/api/escalation-policies',
    {
      schema: {
        summary: 'Create an escalation policy for a tenant (audited)',
        tags,
        body: z.object({ tenant: z.string().max(200), policy: policyInputSchema }).strict(),
        response: { 201: policySchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const created = await service().createPolicy(
        actorOf(request),
        request.body.tenant,
        request.body.policy,
      );
      return reply.code(201).send(created as unknown as Record<string, unknown>);
    },
  );

  app.get(
    '/api/escalation-policies/:id',
    {
      schema: {
        summary: 'An escalation policy',
        tags,
        params: idParams,
        response: { 200: policySchema, ...managementErrors },
      },
    },
    async (request) =>
      (await service().getPolicy(actorOf(request), request.params.id)) as unknown as Record<string, unknown>,
  );

  app.patch(
    '/api/escalation-policies/:id',
    {
      schema: {
        summary: 'Change an escalation policy (a webhook left without its secret keeps the stored one)',
        tags,
        params: idParams,
        body: policyChangeSchema,
        response: { 200: policySchema, ...managementErrors },
      },
    },
    async (request) =>
      (await service().updatePolicy(actorOf(request), request.params.id, request.body)) as unknown as Record<
        string,
        unknown
      >,
  );

  app.delete(
    '/api/escalation-policies/:id',
    {
      schema: {
        summary: 'Delete an escalation policy',
        tags,
        params: idParams,
        response: { 204: z.null(), ...managementErrors },
      },
    },
    async (request, reply) => {
      await service().deletePolicy(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/alerts/:id/escalate',
    {
      schema: {
        summary:
          "Escalate an alert to the customer: mark it a true positive and send the policy's messages (retried; see the delivery log)",
        tags,
        params: idParams,
        body: z
          .object({
            assessment: z
              .string()
              .min(1)
              .max(10_000)
              .describe("The analyst's assessment, quoted in the message."),
            recommendedActions: z.array(z.string().max(500)).max(20).optional(),
            policyId: z.string().optional().describe('By default the first matching policy of the tenant.'),
          })
          .strict(),
        response: {
          200: z.object({ escalation: escalationSchema, alert: z.record(z.string(), z.unknown()) }),
          ...managementErrors,
        },
      },
    },
    async (request) => {
      const result = await service().escalate(actorOf(request), request.params.id, request.body);
      return result as unknown as { escalation: Record<string, unknown>; alert: Record<string, unknown> };
    },
  );

  app.get(
    '/api/alerts/:id/escalations',
    {
      schema: {
        summary: "An alert's escalations and their delivery logs",
        tags,
        params: idParams,
        response: { 200: z.object({ escalations: z.array(escalationSchema) }), ...managementErrors },
      },
    },
    async (request) => ({
      escalations: (await service().listEscalations(
        actorOf(request),
        request.params.id,
      )) as unknown as Record<string, unknown>[],
    }),
  );
};
