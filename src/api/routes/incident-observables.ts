// An incident's observables: GET/POST /api/incidents/:id/observables, text extraction, removal, sighting searches,
// and the STIX 2.1 and CSV exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PASTE_MAX_CHARS } from '../../cases/observable-service.js';
import { OBSERVABLE_TYPES } from '../../cases/observables/observable.js';
import { actorOf } from '../auth/authenticate.js';
import { managementErrors } from '../errors.js';
import { download, incidentParams, observableSchema, sendCsv } from './incident-schemas.js';
import type { CaseRouteDeps } from './incidents.js';

const tags = ['incidents'];

const addResult = z
  .object({
    observables: z.array(observableSchema).describe('The observables named, as stored now.'),
    added: z.number(),
    known: z.number().describe('How many the incident already had.'),
  })
  .meta({ id: 'ObservablesAdded', description: 'What adding observables did.' });

const observableParams = incidentParams.extend({ obsId: z.string().min(1).max(200) });

export const incidentObservableRoutes: FastifyPluginAsyncZod<CaseRouteDeps> = async (app, deps) => {
  const observables = () => deps.cases.observables;

  app.get(
    '/api/incidents/:id/observables',
    {
      schema: {
        summary: "An incident's observables",
        tags,
        params: incidentParams,
        response: { 200: z.object({ observables: z.array(observableSchema) }), ...managementErrors },
      },
    },
    async (request) => ({ observables: await observables().list(actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/incidents/:id/observables',
    {
      schema: {
        summary: 'Add one observable of a type (defanged IPs, domains, URLs and e-mails accepted)',
        description: 'A value that is not one of its type is 400 OBSERVABLE_INVALID, saying why.',
        tags,
        params: incidentParams,
        body: z
          .object({
            type: z.enum(OBSERVABLE_TYPES),
            value: z.string().min(1).max(8192),
            note: z.string().max(2000).optional(),
          })
          .strict(),
        response: { 200: addResult, ...managementErrors },
      },
    },
    async (request) => {
      const { type, value, note } = request.body;
      return observables().add(actorOf(request), request.params.id, {
        type,
        value,
        ...(note !== undefined ? { note } : {}),
      });
    },
  );

  app.post(
    '/api/incidents/:id/observables/extract',
    {
      schema: {
        summary: 'Add every observable found in pasted text (an e-mail, a report, log lines)',
        tags,
        params: incidentParams,
        body: z.object({ text: z.string().min(1).max(PASTE_MAX_CHARS) }).strict(),
        response: { 200: addResult, ...managementErrors },
      },
    },
    async (request) => observables().extract(actorOf(request), request.params.id, request.body.text),
  );

  app.delete(
    '/api/incidents/:id/observables/:obsId',
    {
      schema: {
        summary: 'Remove an observable',
        tags,
        params: observableParams,
        response: { 204: z.null().describe('Removed.'), ...managementErrors },
      },
    },
    async (request, reply) => {
      await observables().remove(actorOf(request), request.params.id, request.params.obsId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/incidents/:id/observables/:obsId/sightings',
    {
      schema: {
        summary: "Search all stored events of the incident's tenant for the observable",
        description:
          "Counts the events, lists the distinct hosts (host.name) and the first and last time, over the store's whole retention; the result is kept on the observable.",
        tags,
        params: observableParams,
        response: { 200: observableSchema, ...managementErrors },
      },
    },
    async (request) => observables().sightings(actorOf(request), request.params.id, request.params.obsId),
  );

  app.get(
    '/api/incidents/:id/observables.stix.json',
    {
      schema: {
        summary: "Download an incident's observables as a STIX 2.1 bundle of indicators",
        tags,
        params: incidentParams,
        querystring: z
          .object({
            createdBy: z.string().min(1).max(200).optional().describe('The organisation sharing it.'),
          })
          .strict(),
        response: {
          200: z
            .object({
              type: z.literal('bundle'),
              id: z.string(),
              objects: z.array(z.record(z.string(), z.unknown())),
            })
            .describe('A STIX 2.1 bundle.'),
          ...managementErrors,
        },
      },
    },
    async (request, reply) => {
      const { filename, bundle } = await observables().stix(
        actorOf(request),
        request.params.id,
        request.query.createdBy,
      );
      return reply.header('content-disposition', `attachment; filename="${filename}"`).send(bundle);
    },
  );

  app.get(
    '/api/incidents/:id/observables.csv',
    {
      exposeHeadRoute: false,
      schema: {
        summary: "Download an incident's observables as CSV",
        tags,
        params: incidentParams,
        querystring: z
          .object({
            defang: z
              .enum(['true', 'false'])
              .default('false')
              .describe('Write hxxp and [.] forms, so a spreadsheet does not make live links.'),
          })
          .strict(),
        response: { 200: download('text/csv', 'The observables as CSV.'), ...managementErrors },
      },
    },
    async (request, reply) => {
      const { filename, text } = await observables().csv(
        actorOf(request),
        request.params.id,
        request.query.defang === 'true',
      );
      return sendCsv(reply, filename, text);
    },
  );
};
