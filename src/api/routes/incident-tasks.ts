// Incident tasks: GET/POST /api/incidents/:id/tasks, PATCH /api/incidents/:id/tasks/:taskId, and the caller's own
// tasks across incidents (GET /api/incident-tasks/mine).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RESPONSE_ROLES } from '../../cases/playbooks/playbook.js';
import { actorOf } from '../auth/authenticate.js';
import { managementErrors } from '../errors.js';
import {
  incidentParams,
  phaseEnum,
  taskSchema,
  taskStatusEnum,
  timeInput,
  timeValue,
} from './incident-schemas.js';
import type { CaseRouteDeps } from './incidents.js';
import { asList, defined, tenantsQuery } from './triage-support.js';

const tags = ['incidents'];

const createBody = z
  .object({
    phase: phaseEnum,
    title: z.string().min(1).max(300),
    description: z.string().max(10_000).optional(),
    role: z.enum(RESPONSE_ROLES).optional(),
    owner: z.string().min(1).max(200).optional().describe('A user id or name who works in the tenant.'),
    dueAt: timeInput.optional(),
    checklist: z.array(z.string().min(1).max(500)).max(100).optional().describe('Steps, in order.'),
  })
  .strict();

const patchBody = z
  .object({
    owner: z
      .string()
      .min(1)
      .max(200)
      .nullable()
      .optional()
      .describe('A user id or name; null removes the owner.'),
    dueAt: timeInput.nullable().optional(),
    status: taskStatusEnum.optional(),
    notes: z.string().max(20_000).nullable().optional(),
    checklist: z
      .array(z.object({ index: z.number().int().min(0), done: z.boolean() }).strict())
      .max(100)
      .optional()
      .describe('Marks by position in the checklist (0 is the first step).'),
  })
  .strict()
  .describe(
    "A task's owner with incidents:comment (the customer's CSIRT) may change status, notes and checklist.",
  );

export const incidentTaskRoutes: FastifyPluginAsyncZod<CaseRouteDeps> = async (app, deps) => {
  const tasks = () => deps.cases.tasks;

  app.get(
    '/api/incidents/:id/tasks',
    {
      schema: {
        summary: "An incident's tasks in order",
        tags,
        params: incidentParams,
        querystring: z
          .object({
            status: z.union([taskStatusEnum, z.array(taskStatusEnum)]).optional(),
            owner: z.string().max(200).optional().describe('A user id, or `me`.'),
          })
          .strict(),
        response: { 200: z.object({ tasks: z.array(taskSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { status, owner } = request.query;
      return {
        tasks: await tasks().list(
          actor,
          request.params.id,
          defined({ status: asList(status), owner: owner === 'me' ? actor.id : owner }),
        ),
      };
    },
  );

  app.post(
    '/api/incidents/:id/tasks',
    {
      schema: {
        summary: 'Add a task by hand',
        tags,
        params: incidentParams,
        body: createBody,
        response: { 201: taskSchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const task = await tasks().create(
        actorOf(request),
        request.params.id,
        defined({
          ...b,
          dueAt: b.dueAt === undefined ? undefined : timeValue(b.dueAt, deps.now(), 'dueAt'),
        }),
      );
      return reply.code(201).send(task);
    },
  );

  app.patch(
    '/api/incidents/:id/tasks/:taskId',
    {
      schema: {
        summary: 'Change a task: owner, due date, status, notes, checklist marks',
        tags,
        params: incidentParams.extend({ taskId: z.string().min(1).max(200) }),
        body: patchBody,
        response: { 200: taskSchema, ...managementErrors },
      },
    },
    async (request) => {
      const b = request.body;
      return tasks().update(
        actorOf(request),
        request.params.id,
        request.params.taskId,
        defined({
          ...b,
          dueAt:
            b.dueAt === undefined || b.dueAt === null ? b.dueAt : timeValue(b.dueAt, deps.now(), 'dueAt'),
        }),
      );
    },
  );

  app.get(
    '/api/incident-tasks/mine',
    {
      schema: {
        summary: "The caller's open tasks across incidents, soonest due first",
        tags,
        querystring: z
          .object({
            tenant: tenantsQuery,
            status: z
              .union([taskStatusEnum, z.array(taskStatusEnum)])
              .optional()
              .describe('Default todo and in_progress.'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          })
          .strict(),
        response: { 200: z.object({ tasks: z.array(taskSchema) }), ...managementErrors },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        tasks: await tasks().assignedToMe(
          actorOf(request),
          defined({ tenants: asList(q.tenant), status: asList(q.status), limit: q.limit }),
        ),
      };
    },
  );
};
