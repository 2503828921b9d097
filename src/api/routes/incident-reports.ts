// Incident reports: GET /api/incidents/:id/reports (the ones generated so far), POST /api/incidents/:id/reports
// (render as HTML or PDF and record it on the timeline), POST /api/incidents/:id/reports/preview (HTML, not recorded).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IncidentReportService, ReportRequest } from '../../cases/incident-report-service.js';
import { SECTION_KEYS } from '../../cases/incident-report-service.js';
import { REPORT_KINDS, REPORT_LANGUAGES } from '../../report/incident-report-data.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { managementErrors } from '../errors.js';
import { download, incidentParams } from './incident-schemas.js';

const tags = ['incidents'];
const kindEnum = z
  .enum(REPORT_KINDS)
  .describe('flash: 速報 while the incident is handled; final: 最終報告書.');
const languageEnum = z.enum(REPORT_LANGUAGES);

const sectionsSchema = z
  .object(
    Object.fromEntries(SECTION_KEYS.map((k) => [k, z.string().max(20_000).optional()])) as Record<
      (typeof SECTION_KEYS)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict()
  .describe(
    "The analyst's text: summary, impact, actionsTaken, nextSteps (flash); cause, impact, response, recommendations (final).",
  );

const requestSchema = z
  .object({
    kind: kindEnum,
    language: languageEnum,
    sections: sectionsSchema.default({}),
    recipient: z.string().max(300).optional().describe('Who the report is addressed to (宛先).'),
    format: z
      .enum(['html', 'pdf'])
      .optional()
      .describe('pdf or html (generating only; the query parameter `format` works too, the body wins).'),
  })
  .strict();

const reportRecordSchema = z
  .object({
    id: z.string().describe('The timeline entry that records it.'),
    kind: kindEnum,
    language: languageEnum,
    sequence: z.number().describe('第N報: the number of this report among those of its kind.'),
    generatedAt: z.number(),
    generatedBy: z.object({ id: z.string(), name: z.string() }),
    sections: sectionsSchema,
    recipient: z.string().nullable(),
  })
  .meta({ id: 'IncidentReportRecord', description: 'A report generated earlier, as the timeline keeps it.' });

function requestOf(body: z.infer<typeof requestSchema>): ReportRequest {
  return {
    kind: body.kind,
    language: body.language,
    sections: Object.fromEntries(Object.entries(body.sections).filter(([, v]) => v !== undefined)),
    ...(body.recipient !== undefined ? { recipient: body.recipient } : {}),
  };
}

export const incidentReportRoutes: FastifyPluginAsyncZod<
  RouteDeps & { reports: IncidentReportService }
> = async (app, deps) => {
  const reports = () => deps.reports;

  app.get(
    '/api/incidents/:id/reports',
    {
      schema: {
        summary: "An incident's reports generated so far, newest first",
        tags,
        params: incidentParams,
        response: { 200: z.object({ reports: z.array(reportRecordSchema) }), ...managementErrors },
      },
    },
    async (request) => ({ reports: await reports().history(actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/incidents/:id/reports/preview',
    {
      schema: {
        summary: 'The report as HTML, to look at before generating it (not recorded)',
        tags,
        params: incidentParams,
        body: requestSchema,
        response: { 200: download('text/html', 'The report as one HTML document.'), ...managementErrors },
      },
    },
    async (request, reply) => {
      const html = await reports().preview(actorOf(request), request.params.id, requestOf(request.body));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(Buffer.from(html, 'utf8') as unknown as string);
    },
  );

  app.post(
    '/api/incidents/:id/reports',
    {
      schema: {
        summary:
          'Generate a flash or final report as HTML or PDF (PDF needs Chromium and a Japanese font); recorded on the timeline',
        tags,
        params: incidentParams,
        querystring: z.object({ format: z.enum(['html', 'pdf']).default('pdf') }).strict(),
        body: requestSchema,
        response: {
          200: {
            description: 'The report; X-Report-Sequence gives its number (第N報).',
            content: {
              'application/pdf': { schema: z.string() },
              'text/html': { schema: z.string() },
            },
          },
          ...managementErrors,
        },
      },
    },
    async (request, reply) => {
      const format = request.body.format ?? request.query.format;
      const { body, sequence, filename } = await reports().generate(
        actorOf(request),
        request.params.id,
        requestOf(request.body),
        format,
      );
      return reply
        .header('content-type', format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('x-report-sequence', String(sequence))
        .header('cache-control', 'no-store')
        .send((typeof body === 'string' ? Buffer.from(body, 'utf8') : body) as unknown as string);
    },
  );
};
