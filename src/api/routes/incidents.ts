// Incidents: GET/POST /api/incidents, POST /api/incidents/from-alerts, GET/PATCH /api/incidents/:id, phase, close,
// reopen, assignment, alerts, links; GET /api/playbooks. Tasks, timeline and observables have files of their own.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../access/permissions.js';
import type { Cases } from '../../cases/cases.js';
import { INCIDENT_SOURCES, INCIDENT_STATUSES } from '../../cases/incident-model.js';
import { LANGUAGES, RESPONSE_PHASES, RESPONSE_ROLES } from '../../cases/playbooks/playbook.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { managementErrors } from '../errors.js';
import { incidentObservableRoutes } from './incident-observables.js';
import {
  categoryEnum,
  detailSchema,
  incidentParams,
  incidentSchema,
  localizedSchema,
  phaseEnum,
  priorityEnum,
  relationEnum,
  severityEnum,
  timeInput,
  timeValue,
  tlpEnum,
} from './incident-schemas.js';
import { incidentTaskRoutes } from './incident-tasks.js';
import { incidentTimelineRoutes } from './incident-timeline.js';
import { asList, defined, tenantsQuery } from './triage-support.js';

export type CaseRouteDeps = RouteDeps & { cases: Cases };

const tags = ['incidents'];
const reason = z.string().max(2000).describe('Why: kept on the timeline and in the audit log (required).');
const idList = z.array(z.string().min(1).max(200));

const fieldsBody = {
  description: z.string().max(20_000).optional(),
  severity: severityEnum.optional().describe('Default medium (from alerts: the most severe alert).'),
  priority: priorityEnum
    .optional()
    .describe('Default from the severity: critical P1, high P2, medium P3, else P4.'),
  tlp: tlpEnum.optional().describe('Default amber.'),
  dueAt: timeInput.nullable().optional(),
  affectedAssets: idList.max(500).optional().describe("Asset ids of the tenant's inventory."),
  affectedUsers: z.array(z.string().min(1).max(256)).max(500).optional(),
};

const createBody = z
  .object({
    tenant: z.string().min(1).max(200),
    title: z.string().min(1).max(300),
    category: categoryEnum,
    source: z
      .enum(
        INCIDENT_SOURCES.filter((s) => s !== 'alerts') as ['customer_report', 'inquiry', 'email', 'manual'],
      )
      .optional()
      .describe('How it came in (default manual); incidents from alerts use /api/incidents/from-alerts.'),
    sourceRef: z.string().max(200).optional().describe('What the source refers to, such as an inquiry id.'),
    assignees: idList.max(50).optional().describe('User ids or names.'),
    withPlaybook: z.boolean().optional().describe("Create the category's playbook tasks (default true)."),
    ...fieldsBody,
  })
  .strict();

const fromAlertsBody = z
  .object({
    alertIds: idList.min(1).max(100).describe('Alerts of one tenant.'),
    title: z.string().min(1).max(300).optional().describe("Default: the most severe alert's rule title."),
    category: categoryEnum.optional().describe('Default other.'),
    assignees: idList.max(50).optional(),
    withPlaybook: z.boolean().optional(),
    ...fieldsBody,
  })
  .strict();

const patchBody = z
  .object({ title: z.string().min(1).max(300).optional(), category: categoryEnum.optional(), ...fieldsBody })
  .strict();

const listQuery = z
  .object({
    tenant: tenantsQuery,
    status: z.union([z.enum(INCIDENT_STATUSES), z.array(z.enum(INCIDENT_STATUSES))]).optional(),
    phase: z.union([phaseEnum, z.array(phaseEnum)]).optional(),
    category: z.union([categoryEnum, z.array(categoryEnum)]).optional(),
    severity: severityEnum.optional().describe('This severity and above.'),
    assignee: z.string().max(200).optional().describe('A user id, `me`, or `none` for unassigned incidents.'),
    text: z
      .string()
      .max(200)
      .optional()
      .describe('Words of the title or description, or a reference INC-2026-0007.'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional().describe('The `next` of the previous page.'),
  })
  .strict();

const playbookSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    categories: z.array(categoryEnum),
    title: localizedSchema,
    description: localizedSchema,
    origin: z.enum(['starter', 'user']),
    tasks: z.array(
      z.object({
        id: z.string(),
        phase: z.enum(RESPONSE_PHASES),
        role: z.enum(RESPONSE_ROLES),
        title: localizedSchema,
        description: localizedSchema.optional(),
        due: z.string().optional().describe('Counted from the creation of the incident: 30m, 4h, 3d, 2w.'),
        checklist: z.array(localizedSchema),
        templates: z.array(z.object({ id: z.string(), title: localizedSchema, body: localizedSchema })),
        when: z.object({ minSeverity: severityEnum }).optional(),
      }),
    ),
  })
  .meta({
    id: 'Playbook',
    description: 'An incident playbook: tasks per response phase (docs/playbooks.md).',
  });

function fieldsOf(
  body: Partial<z.output<typeof patchBody>>,
  now: number,
): Parameters<Cases['incidents']['update']>[2] {
  return defined({
    title: body.title,
    description: body.description,
    category: body.category,
    severity: body.severity,
    priority: body.priority,
    tlp: body.tlp,
    dueAt:
      body.dueAt === undefined ? undefined : body.dueAt === null ? null : timeValue(body.dueAt, now, 'dueAt'),
    affectedAssets: body.affectedAssets,
    affectedUsers: body.affectedUsers,
  });
}

export const incidentRoutes: FastifyPluginAsyncZod<CaseRouteDeps> = async (app, deps) => {
  // Read per request, not at registration: the OpenAPI generator registers these routes without a service.
  const incidents = () => deps.cases.incidents;

  app.get(
    '/api/incidents',
    {
      schema: {
        summary: 'Incidents, newest first, with filters',
        tags,
        querystring: listQuery,
        response: {
          200: z.object({ incidents: z.array(incidentSchema), next: z.string().optional() }),
          ...managementErrors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const actor = actorOf(request);
      return incidents().list(
        actor,
        defined({
          tenants: asList(q.tenant),
          status: asList(q.status),
          phase: asList(q.phase),
          category: asList(q.category),
          severity: q.severity,
          assignee: q.assignee === 'none' ? null : q.assignee === 'me' ? actor.id : q.assignee,
          text: q.text,
          limit: q.limit,
          cursor: q.cursor,
        }),
      );
    },
  );

  app.post(
    '/api/incidents',
    {
      schema: {
        summary: "Open an incident by hand or from a report, with its category's playbook tasks",
        tags,
        body: createBody,
        response: { 201: detailSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const detail = await incidents().create(
        actorOf(request),
        defined({
          ...fieldsOf(b, deps.now()),
          tenant: b.tenant,
          title: b.title,
          category: b.category,
          source: b.source,
          sourceRef: b.sourceRef,
          assignees: b.assignees,
          withPlaybook: b.withPlaybook,
        }),
      );
      return reply.code(201).send(detail);
    },
  );

  app.post(
    '/api/incidents/from-alerts',
    {
      schema: {
        summary: 'Open one incident from alerts of one tenant, merging their observables, assets and users',
        description:
          "The alerts' entities (host, user, addresses) and their findings' matched values become observables, each once; each alert is a timeline entry at its first sight.",
        tags,
        body: fromAlertsBody,
        response: { 201: detailSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const detail = await incidents().createFromAlerts(
        actorOf(request),
        b.alertIds,
        defined({
          ...fieldsOf(b, deps.now()),
          category: b.category,
          assignees: b.assignees,
          withPlaybook: b.withPlaybook,
        }),
      );
      return reply.code(201).send(detail);
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      schema: {
        summary: 'One incident with its tasks, alerts, observables, links and counts',
        tags,
        params: incidentParams,
        response: { 200: detailSchema, ...managementErrors },
      },
    },
    async (request) => incidents().get(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/incidents/:id',
    {
      schema: {
        summary: "Change an incident's fields",
        description: 'Each change is listed on the timeline. A new category does not add its playbook tasks.',
        tags,
        params: incidentParams,
        body: patchBody,
        response: { 200: incidentSchema, ...managementErrors },
      },
    },
    async (request) =>
      incidents().update(actorOf(request), request.params.id, fieldsOf(request.body, deps.now())),
  );

  app.post(
    '/api/incidents/:id/phase',
    {
      schema: {
        summary: 'Move an incident to another response phase',
        tags,
        params: incidentParams,
        body: z.object({ phase: phaseEnum, note: z.string().max(2000).optional() }).strict(),
        response: { 200: incidentSchema, ...managementErrors },
      },
    },
    async (request) =>
      incidents().setPhase(actorOf(request), request.params.id, request.body.phase, request.body.note),
  );

  app.post(
    '/api/incidents/:id/close',
    {
      schema: {
        summary: 'Close an incident, with a reason',
        tags,
        params: incidentParams,
        body: z.object({ reason }).strict(),
        response: { 200: incidentSchema, ...managementErrors },
      },
    },
    async (request) => incidents().close(actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/incidents/:id/reopen',
    {
      schema: {
        summary: 'Reopen a closed incident, with a reason',
        tags,
        params: incidentParams,
        body: z.object({ reason }).strict(),
        response: { 200: incidentSchema, ...managementErrors },
      },
    },
    async (request) => incidents().reopen(actorOf(request), request.params.id, request.body.reason),
  );

  app.put(
    '/api/incidents/:id/assignees',
    {
      schema: {
        summary: 'Set who handles an incident (users who work in its tenant); [] unassigns all',
        tags,
        params: incidentParams,
        body: z.object({ assignees: idList.max(50).describe('User ids or names.') }).strict(),
        response: { 200: incidentSchema, ...managementErrors },
      },
    },
    async (request) => incidents().assign(actorOf(request), request.params.id, request.body.assignees),
  );

  app.post(
    '/api/incidents/:id/alerts',
    {
      schema: {
        summary: 'Link more alerts of the same tenant; nothing already known is added twice',
        tags,
        params: incidentParams,
        body: z.object({ alertIds: idList.min(1).max(100) }).strict(),
        response: { 200: detailSchema, ...managementErrors },
      },
    },
    async (request) => incidents().addAlerts(actorOf(request), request.params.id, request.body.alertIds),
  );

  app.post(
    '/api/incidents/:id/links',
    {
      schema: {
        summary: 'Link another incident of the same tenant',
        tags,
        params: incidentParams,
        body: z.object({ incidentId: z.string().min(1).max(200), relation: relationEnum }).strict(),
        response: { 200: detailSchema, ...managementErrors },
      },
    },
    async (request) =>
      incidents().link(actorOf(request), request.params.id, request.body.incidentId, request.body.relation),
  );

  app.delete(
    '/api/incidents/:id/links/:otherId',
    {
      schema: {
        summary: 'Remove the link between two incidents',
        tags,
        params: incidentParams.extend({ otherId: z.string().min(1).max(200) }),
        response: { 200: detailSchema, ...managementErrors },
      },
    },
    async (request) => incidents().unlink(actorOf(request), request.params.id, request.params.otherId),
  );

  app.get(
    '/api/playbooks',
    {
      schema: {
        summary: 'The incident playbooks in force (starter ones and your own)',
        tags,
        response: {
          200: z.object({ playbooks: z.array(playbookSchema), languages: z.array(z.enum(LANGUAGES)) }),
          ...managementErrors,
        },
      },
    },
    async (request) => {
      authorize(actorOf(request), 'incidents:read');
      const playbooks = deps.cases.playbooks().map(({ source: _source, ...p }) => p);
      return { playbooks, languages: [...LANGUAGES] };
    },
  );

  app.register(incidentTaskRoutes, deps);
  app.register(incidentTimelineRoutes, deps);
  app.register(incidentObservableRoutes, deps);
};
