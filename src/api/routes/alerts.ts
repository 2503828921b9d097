// The alert queue: GET /api/alerts, GET /api/alerts/:id, status changes (one or many, each with a reason),
// assignment and comments.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LEVELS } from '../../detect/sigma/rule.js';
import { BULK_MAX } from '../../triage/alert-service.js';
import { minScoreOf } from '../../triage/severity.js';
import { ALERT_STATUSES } from '../../triage/status.js';
import { actorOf } from '../auth/authenticate.js';
import { idParams, managementErrors } from '../errors.js';
import { assetSchema } from './assets.js';
import {
  actorRefSchema,
  asList,
  defined,
  tenantsQuery,
  timeOf,
  timeText,
  type TriageRouteDeps,
} from './triage-support.js';

const statusEnum = z.enum(ALERT_STATUSES);

export const entitySchema = z
  .object({
    'host.name': z.string().optional(),
    'user.name': z.string().optional(),
    'source.ip': z.string().optional(),
    'destination.ip': z.string().optional(),
  })
  .meta({
    id: 'AlertEntity',
    description: 'What the alert is about; destination.ip only when there is no source address.',
  });

export const alertSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    rule: z.object({ id: z.string(), title: z.string(), level: z.enum(LEVELS) }),
    kind: z.string().describe('sigma, correlation or intel.'),
    entity: entitySchema,
    status: statusEnum,
    resolution: z
      .enum(['false_positive', 'true_positive'])
      .nullable()
      .describe('What the analysts decided, kept when the alert is closed.'),
    severity: z.object({
      score: z.number().describe('0-100, see docs/triage.md.'),
      level: z.enum(LEVELS),
    }),
    criticality: z.number().describe('1-5 from the asset inventory (3: no rated asset known).'),
    assetIds: z.array(z.string()),
    intelHits: z.number(),
    findings: z.number(),
    events: z.number(),
    firstSeen: z.number(),
    lastSeen: z.number(),
    windowEnd: z
      .number()
      .describe('New findings of the entity join this alert until this time, while it is open.'),
    sampleEventIds: z.array(z.string()),
    assignee: z.string().nullable().describe('A user id.'),
    createdAt: z.number(),
    updatedAt: z.number(),
    acknowledgedAt: z.number().nullable(),
    escalatedAt: z.number().nullable(),
    resolvedAt: z.number().nullable(),
    closedAt: z.number().nullable(),
  })
  .meta({ id: 'Alert', description: 'Findings of one rule and entity within a window. Times are epoch ms.' });

const historyEntrySchema = z
  .object({
    id: z.string(),
    at: z.number(),
    actor: actorRefSchema,
    kind: z.enum(['status', 'assign', 'comment']),
    from: statusEnum.optional(),
    to: statusEnum.optional(),
    assignee: z.string().nullable().optional(),
    text: z.string().optional().describe('The reason of a status change or an assignment, or the comment.'),
  })
  .meta({ id: 'AlertHistoryEntry', description: 'A status change, an assignment or a comment.' });

const targetsSchema = z.object({ acknowledgeMs: z.number(), escalateMs: z.number() });

const detailSchema = z
  .object({
    alert: alertSchema,
    history: z.array(historyEntrySchema),
    findingIds: z.array(z.string()).describe('The linked findings, oldest first (at most 100).'),
    assets: z.array(assetSchema).describe("The inventory's assets behind the entity, as they are now."),
    timing: z.object({
      acknowledgeMs: z.number().nullable(),
      escalateMs: z.number().nullable(),
      targets: targetsSchema.describe("The tenant's response targets."),
      acknowledgeOverdue: z.boolean(),
      escalateOverdue: z.boolean(),
    }),
  })
  .meta({
    id: 'AlertDetail',
    description: 'An alert with its history, findings, assets and response times.',
  });

const reason = z.string().max(2000).describe('Why: kept in the history and the audit log (required).');

const listQuery = z
  .object({
    tenant: tenantsQuery,
    status: z
      .union([statusEnum, z.array(statusEnum)])
      .optional()
      .describe('Statuses (repeat the parameter for several).'),
    severity: z.enum(LEVELS).optional().describe('This severity level and above.'),
    minScore: z.coerce.number().int().min(0).max(100).optional().describe('Lowest severity score.'),
    rule: z.string().max(200).optional().describe('A detection rule id.'),
    assignee: z.string().max(200).optional().describe('A user id, or `none` for unassigned alerts.'),
    entity: z.string().max(255).optional().describe('A host, user or address the alert is about.'),
    from: timeText
      .optional()
      .describe('Last seen from (inclusive): ISO 8601, epoch ms or relative (now-24h).'),
    to: timeText.optional().describe('Last seen before (exclusive).'),
    sort: z.enum(['last_seen', 'severity']).default('last_seen'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(200).optional().describe('The `next` of the previous page.'),
  })
  .strict();

const transitionBody = z.object({ to: statusEnum, reason }).strict();

const bulkBody = z
  .object({ ids: z.array(z.string().max(200)).min(1).max(BULK_MAX), to: statusEnum, reason })
  .strict();

const bulkResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  status: statusEnum.optional().describe('The new status, when it moved.'),
  code: z.string().optional().describe('Why it did not move: an error code.'),
  message: z.string().optional(),
});

const tags = ['alerts'];

export const alertRoutes: FastifyPluginAsyncZod<TriageRouteDeps> = async (app, deps) => {
  // Read per request, not at registration: the OpenAPI generator registers these routes without a service.
  const alerts = () => deps.triage.alerts;

  app.get(
    '/api/alerts',
    {
      schema: {
        summary: 'The alert queue: newest activity (or highest severity) first',
        tags,
        querystring: listQuery,
        response: {
          200: z.object({ alerts: z.array(alertSchema), next: z.string().optional() }),
          ...managementErrors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const now = deps.now();
      const scores = [q.minScore, q.severity === undefined ? undefined : minScoreOf(q.severity)];
      const least = scores.filter((s): s is number => s !== undefined);
      return alerts().list(
        actorOf(request),
        defined({
          tenants: asList(q.tenant),
          status: asList(q.status),
          minSeverity: least.length > 0 ? Math.max(...least) : undefined,
          ruleId: q.rule,
          assignee: q.assignee === 'none' ? null : q.assignee,
          entity: q.entity,
          from: timeOf(q.from, now, 'from'),
          to: timeOf(q.to, now, 'to'),
          sort: q.sort,
          limit: q.limit,
          cursor: q.cursor,
        }),
      );
    },
  );

  app.get(
    '/api/alerts/assignees',
    {
      schema: {
        summary: "Users who may be assigned the alerts of the caller's tenants (or of the tenants named)",
        tags,
        querystring: z.object({ tenant: tenantsQuery }).strict(),
        response: {
          200: z.object({
            assignees: z.array(
              z.object({
                id: z.string(),
                username: z.string(),
                displayName: z.string(),
                tenants: z.array(z.string()).describe('The tenants asked about that this user may triage.'),
              }),
            ),
          }),
          ...managementErrors,
        },
      },
    },
    async (request) => ({
      assignees: await alerts().assignees(actorOf(request), asList(request.query.tenant)),
    }),
  );

  app.get(
    '/api/alerts/:id',
    {
      schema: {
        summary: 'One alert with its history, linked findings, assets and response times',
        tags,
        params: idParams,
        response: { 200: detailSchema, ...managementErrors },
      },
    },
    async (request) => alerts().get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/alerts/:id/transition',
    {
      schema: {
        summary: 'Change the status of an alert, with a reason',
        description:
          'A move the status machine does not allow is 409 ALERT_TRANSITION_INVALID, listing the allowed ones (docs/triage.md).',
        tags,
        params: idParams,
        body: transitionBody,
        response: { 200: alertSchema, ...managementErrors },
      },
    },
    async (request) =>
      alerts().transition(actorOf(request), request.params.id, request.body.to, request.body.reason),
  );

  app.post(
    '/api/alerts/transition',
    {
      schema: {
        summary: 'Change the status of many alerts with one reason',
        description: 'The alerts that can move do; each that cannot is reported with its error code.',
        tags,
        body: bulkBody,
        response: { 200: z.object({ results: z.array(bulkResultSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const { ids, to, reason: why } = request.body;
      return { results: await alerts().bulkTransition(actorOf(request), ids, to, why) };
    },
  );

  app.put(
    '/api/alerts/:id/assignee',
    {
      schema: {
        summary: 'Assign an alert to a user who may triage its tenant, or unassign it (null)',
        tags,
        params: idParams,
        body: z
          .object({
            assignee: z.string().max(200).nullable().describe('A user id or username; null unassigns.'),
            note: z.string().max(2000).optional(),
          })
          .strict(),
        response: { 200: alertSchema, ...managementErrors },
      },
    },
    async (request) => {
      const { assignee, note } = request.body;
      return alerts().assign(actorOf(request), request.params.id, assignee, note);
    },
  );

  app.post(
    '/api/alerts/:id/comments',
    {
      schema: {
        summary: "Add a comment to an alert's history",
        tags,
        params: idParams,
        body: z.object({ text: z.string().max(2000) }).strict(),
        response: { 201: historyEntrySchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const entry = await alerts().comment(actorOf(request), request.params.id, request.body.text);
      return reply.code(201).send(entry);
    },
  );
};
