// Allow-list (suppression) rules: list, create, change, remove; "suppress alerts like this" from an alert (draft and
// create), the impact preview, the review list and the findings a rule suppressed.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/authenticate.js';
import { idParams, managementErrors } from '../errors.js';
import { entitySchema } from './alerts.js';
import { asList, defined, fieldValuesSchema, tenantsQuery, type TriageRouteDeps } from './triage-support.js';

export const allowlistRuleSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    ruleId: z
      .string()
      .nullable()
      .describe(
        'The detection rule id it applies to (it survives rule updates); null: every rule of the tenant.',
      ),
    conditions: z
      .string()
      .describe(
        "Search-language conditions over the finding's events and finding.* fields; empty: every finding.",
      ),
    justification: z.string(),
    owner: z.string(),
    expiresAt: z.number().nullable(),
    sourceAlertId: z
      .string()
      .nullable()
      .describe('The alert it was made from ("suppress alerts like this").'),
    hits: z.number(),
    lastHitAt: z.number().nullable(),
    createdBy: z.string(),
    createdAt: z.number(),
    updatedBy: z.string(),
    updatedAt: z.number(),
    deletedAt: z
      .number()
      .nullable()
      .describe('Set when removed: the rule no longer applies but stays listed.'),
  })
  .meta({ id: 'AllowlistRule', description: 'A suppression rule. Times are epoch ms.' });

const conditions = z.string().max(10_000);
const justification = z.string().max(2000).describe('Why these findings are benign (required).');
const owner = z.string().max(200).describe('Who answers for the rule and reviews it (required).');
const expiresAt = z.number().int().nullable().describe('Epoch ms; null or absent: no expiry.');
const ruleId = z
  .string()
  .max(200)
  .nullable()
  .describe('A detection rule id; null for every rule of the tenant.');

const createBody = z
  .object({
    tenant: z.string().min(1).max(200),
    ruleId,
    conditions,
    justification,
    owner,
    expiresAt: expiresAt.optional(),
  })
  .strict()
  .meta({ id: 'AllowlistCreate', description: 'A new allow-list rule.' });

const updateBody = z
  .object({
    conditions: conditions.optional(),
    justification: justification.optional(),
    owner: owner.optional(),
    expiresAt: expiresAt.optional(),
  })
  .strict();

const fromAlertBody = z
  .object({
    justification,
    owner,
    expiresAt: expiresAt.optional(),
    conditions: conditions.optional().describe("Replaces the conditions built from the alert's entity."),
  })
  .strict();

const draftSchema = z
  .object({
    tenant: z.string(),
    ruleId: z.string(),
    ruleTitle: z.string(),
    entity: entitySchema,
    conditions: z.string().describe("Conditions from the alert's entity, to edit before saving."),
  })
  .meta({ id: 'AllowlistDraft', description: 'What "suppress alerts like this" pre-fills from an alert.' });

const previewBody = z
  .object({
    tenant: z.string().min(1).max(200),
    ruleId,
    conditions,
    days: z.number().int().min(1).max(90).default(30).describe('How far back to look (1-90 days).'),
  })
  .strict();

const subjectSample = z.object({
  findingId: z.string(),
  ruleId: z.string(),
  time: z.number(),
  subject: fieldValuesSchema.describe(
    'The fields kept with the finding, which the conditions were evaluated on.',
  ),
});

const previewSchema = z
  .object({
    tenant: z.string(),
    ruleId: z.string().nullable(),
    conditions: z.string(),
    days: z.number(),
    from: z.number(),
    to: z.number(),
    findings: z
      .number()
      .describe('Findings of the rule (or the tenant, for a tenant-wide rule) in the period.'),
    wouldHide: z.number().describe('Of those, how many the rule would have hidden.'),
    alreadySuppressed: z.number().describe('Of those, how many another allow-list rule hides already.'),
    alertsAvoided: z.number().describe('Alerts all of whose findings in the period it would have hidden.'),
    samples: z.array(subjectSample),
    approximate: z
      .boolean()
      .describe('True when the conditions use full-text words or fields not kept with findings.'),
    notKept: z.array(z.string()).describe('Those fields.'),
    complete: z
      .boolean()
      .describe('False when the period held too many findings and only the newest were read.'),
  })
  .meta({
    id: 'AllowlistImpact',
    description: 'What an allow-list rule would have hidden over the last days.',
  });

const reviewSchema = z
  .object({
    expiring: z.array(allowlistRuleSchema),
    expired: z.array(allowlistRuleSchema),
    neverHit: z.array(allowlistRuleSchema),
    hitTooMuch: z.array(
      z.object({
        rule: allowlistRuleSchema,
        hitsPerDay: z.number(),
        share: z.number().nullable().describe("Share of its detection rule's findings it hid."),
        reasons: z.array(z.string()),
      }),
    ),
  })
  .meta({
    id: 'AllowlistReview',
    description: 'Rules to look at again: expiring, never hit, or hitting too much.',
  });

const reviewQuery = z
  .object({
    tenant: tenantsQuery,
    expiringWithinDays: z.coerce.number().int().min(1).max(365).optional(),
    neverHitAfterDays: z.coerce.number().int().min(1).max(365).optional(),
    periodDays: z.coerce.number().int().min(1).max(90).optional(),
    maxHitsPerDay: z.coerce.number().int().min(1).optional(),
    maxShare: z.coerce.number().min(0).max(1).optional(),
  })
  .strict();

const listQuery = z
  .object({
    tenant: tenantsQuery,
    rule: z.string().max(200).optional().describe('Only the rules of this detection rule id.'),
    includeRemoved: z
      .enum(['true', 'false'])
      .default('false')
      .describe('Also list removed rules (with their hits).'),
  })
  .strict();

const tags = ['allowlist'];

export const allowlistRoutes: FastifyPluginAsyncZod<TriageRouteDeps> = async (app, deps) => {
  // Read per request, not at registration: the OpenAPI generator registers these routes without a service.
  const allowlist = () => deps.triage.allowlist;

  app.get(
    '/api/allowlist',
    {
      schema: {
        summary: 'Allow-list rules, by tenant and creation',
        tags,
        querystring: listQuery,
        response: { 200: z.object({ rules: z.array(allowlistRuleSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const rules = await allowlist().list(
        actorOf(request),
        defined({ tenants: asList(q.tenant), ruleId: q.rule, includeRemoved: q.includeRemoved === 'true' }),
      );
      return { rules };
    },
  );

  app.get(
    '/api/allowlist/review',
    {
      schema: {
        summary: 'Rules to review: expiring or expired, never hit, or hitting too much',
        tags,
        querystring: reviewQuery,
        response: { 200: reviewSchema, ...managementErrors },
      },
    },
    async (request) => {
      const { tenant, ...options } = request.query;
      return allowlist().review(actorOf(request), defined({ ...options, tenants: asList(tenant) }));
    },
  );

  app.post(
    '/api/allowlist/preview',
    {
      schema: {
        summary: 'How many findings of the last days a rule would have hidden, before saving it',
        tags,
        body: previewBody,
        response: { 200: previewSchema, ...managementErrors },
      },
    },
    async (request) => allowlist().previewImpact(actorOf(request), request.body),
  );

  app.get(
    '/api/allowlist/:id',
    {
      schema: {
        summary: 'One allow-list rule',
        tags,
        params: idParams,
        response: { 200: allowlistRuleSchema, ...managementErrors },
      },
    },
    async (request) => allowlist().get(actorOf(request), request.params.id),
  );

  app.get(
    '/api/allowlist/:id/suppressed',
    {
      schema: {
        summary: 'The findings a rule suppressed, newest first (they are kept)',
        tags,
        params: idParams,
        querystring: z
          .object({
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            cursor: z.string().max(200).optional(),
          })
          .strict(),
        response: {
          200: z.object({ findings: z.array(subjectSample), next: z.string().optional() }),
          ...managementErrors,
        },
      },
    },
    async (request) => allowlist().suppressed(actorOf(request), request.params.id, defined(request.query)),
  );

  app.post(
    '/api/allowlist',
    {
      schema: {
        summary: 'Create an allow-list rule (audited)',
        tags,
        body: createBody,
        response: { 201: allowlistRuleSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const rule = await allowlist().create(actorOf(request), defined(request.body));
      return reply.code(201).send(rule);
    },
  );

  app.patch(
    '/api/allowlist/:id',
    {
      schema: {
        summary: 'Change an allow-list rule (audited with the values before and after)',
        tags,
        params: idParams,
        body: updateBody,
        response: { 200: allowlistRuleSchema, ...managementErrors },
      },
    },
    async (request) => allowlist().update(actorOf(request), request.params.id, defined(request.body)),
  );

  app.delete(
    '/api/allowlist/:id',
    {
      schema: {
        summary: 'Remove an allow-list rule: it stops applying, stays listed with its hits (audited)',
        tags,
        params: idParams,
        body: z.object({ reason: z.string().max(2000).describe('Why it is removed (required).') }).strict(),
        response: { 200: allowlistRuleSchema, ...managementErrors },
      },
    },
    async (request) => allowlist().remove(actorOf(request), request.params.id, request.body.reason),
  );

  app.get(
    '/api/alerts/:id/allowlist-draft',
    {
      schema: {
        summary: 'Suppress alerts like this: the rule an alert suggests (tenant, rule id, conditions)',
        tags,
        params: idParams,
        response: { 200: draftSchema, ...managementErrors },
      },
    },
    async (request) => allowlist().draftFromAlert(actorOf(request), request.params.id),
  );

  app.post(
    '/api/alerts/:id/allowlist',
    {
      schema: {
        summary:
          "Suppress alerts like this: create an allow-list rule from an alert's tenant, rule and entity",
        tags,
        params: idParams,
        body: fromAlertBody,
        response: { 201: allowlistRuleSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const rule = await allowlist().createFromAlert(
        actorOf(request),
        request.params.id,
        defined(request.body),
      );
      return reply.code(201).send(rule);
    },
  );
};
