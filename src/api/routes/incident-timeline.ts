// An incident's timeline: GET/POST /api/incidents/:id/timeline, comments, and GET /api/incidents/:id/timeline.csv.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/authenticate.js';
import { managementErrors } from '../errors.js';
import {
  download,
  sendCsv,
  incidentParams,
  timeInput,
  timeValue,
  timelineEntrySchema,
  timelineKindEnum,
} from './incident-schemas.js';
import type { CaseRouteDeps } from './incidents.js';
import { asList, defined, timeOf, timeText } from './triage-support.js';

const tags = ['incidents'];

const filterQuery = z
  .object({
    kind: z
      .union([timelineKindEnum, z.array(timelineKindEnum)])
      .optional()
      .describe('Kinds (repeat for several).'),
    from: timeText.optional().describe("From (inclusive), on the entry's event time where it has one."),
    to: timeText.optional().describe('Before (exclusive).'),
  })
  .strict();

export const incidentTimelineRoutes: FastifyPluginAsyncZod<CaseRouteDeps> = async (app, deps) => {
  const timeline = () => deps.cases.timeline;
  const filterOf = (q: z.output<typeof filterQuery>) => {
    const now = deps.now();
    return defined({ kinds: asList(q.kind), from: timeOf(q.from, now, 'from'), to: timeOf(q.to, now, 'to') });
  };

  app.get(
    '/api/incidents/:id/timeline',
    {
      schema: {
        summary: "An incident's timeline in time order (event time where known)",
        tags,
        params: incidentParams,
        querystring: filterQuery,
        response: { 200: z.object({ entries: z.array(timelineEntrySchema) }), ...managementErrors },
      },
    },
    async (request) => ({
      entries: await timeline().list(actorOf(request), request.params.id, filterOf(request.query)),
    }),
  );

  app.post(
    '/api/incidents/:id/timeline',
    {
      schema: {
        summary: 'Add a manual timeline entry: what happened when, recorded now',
        tags,
        params: incidentParams,
        body: z
          .object({
            summary: z.string().min(1).max(2000),
            eventTime: timeInput.optional().describe('When it happened; the entry is recorded now.'),
            details: z.record(z.string(), z.unknown()).optional(),
          })
          .strict(),
        response: { 201: timelineEntrySchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const entry = await timeline().add(
        actorOf(request),
        request.params.id,
        defined({
          summary: b.summary,
          eventTime: b.eventTime === undefined ? undefined : timeValue(b.eventTime, deps.now(), 'eventTime'),
          details: b.details,
        }),
      );
      return reply.code(201).send(entry);
    },
  );

  app.post(
    '/api/incidents/:id/comments',
    {
      schema: {
        summary: 'Comment on an incident (a timeline entry of kind comment)',
        description: "The customer's CSIRT may comment too (incidents:comment).",
        tags,
        params: incidentParams,
        body: z.object({ text: z.string().min(1).max(10_000) }).strict(),
        response: { 201: timelineEntrySchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const entry = await timeline().comment(actorOf(request), request.params.id, request.body.text);
      return reply.code(201).send(entry);
    },
  );

  app.get(
    '/api/incidents/:id/timeline.csv',
    {
      exposeHeadRoute: false,
      schema: {
        summary: "Download an incident's timeline as CSV",
        description:
          "UTF-8 with a byte order mark, RFC 4180 quoting, times in ISO 8601 UTC, text a spreadsheet would run as a formula prefixed with '.",
        tags,
        params: incidentParams,
        querystring: filterQuery,
        response: { 200: download('text/csv', 'The timeline as CSV.'), ...managementErrors },
      },
    },
    async (request, reply) => {
      const { filename, text } = await timeline().csv(
        actorOf(request),
        request.params.id,
        filterOf(request.query),
      );
      return sendCsv(reply, filename, text);
    },
  );
};
