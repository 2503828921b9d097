// GET /api/events/export: the events of a search as a CSV or JSON Lines download, streamed page by page.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Event } from '../../core/event.js';
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  csvHeader,
  csvLine,
  exportFileName,
  jsonlLine,
  parseColumns,
} from '../../search/export-format.js';
import type { SearchPage, SearchRequest } from '../../store/event-store.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { errorResponseSchema } from '../errors.js';
import { readScope } from '../scope.js';
import { resolveRange } from '../time-range.js';
import { fromText, order, parseSearchQuery, queryText, tenantList, tenantsText, toText } from './events.js';

export const MAX_EXPORT_EVENTS = 1_000_000;
/** Events read from the store per step: large enough to keep the store busy, small enough to hold in memory. */
export const EXPORT_PAGE_SIZE = 5_000;

const exportQuerystring = z
  .object({
    query: queryText,
    from: fromText,
    to: toText,
    tenants: tenantsText,
    format: z.enum(EXPORT_FORMATS).default('csv').describe('csv (default) or jsonl (one Event per line).'),
    columns: z
      .string()
      .max(10_000)
      .optional()
      .describe(
        'CSV only: comma-separated fields, e.g. @timestamp,tenant,source.ip,tags,raw. Default @timestamp,tenant,input,message.',
      ),
    limit: z.coerce
      .number()
      .pipe(z.number().int().min(1).max(MAX_EXPORT_EVENTS))
      .default(100_000)
      .describe(`Most events written, 1..${MAX_EXPORT_EVENTS} (default 100000).`),
    order,
  })
  .strict();

export const eventExportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/api/events/export',
    {
      // A HEAD would run the whole export only to throw the body away.
      exposeHeadRoute: false,
      schema: {
        summary: 'Export events as CSV or JSON Lines',
        description:
          'Streams every event the search selects (up to `limit`) as a download. CSV is UTF-8 with a byte order mark, quoted per RFC 4180, arrays joined with "|", times in ISO 8601 UTC, and text a spreadsheet would run as a formula prefixed with \'. Bad input is answered with the usual error before any byte is sent; the export is recorded in the audit log when it ends.',
        tags: ['events'],
        querystring: exportQuerystring,
        response: {
          200: {
            description: 'The events, as a file download.',
            content: {
              'text/csv': { schema: z.string() },
              'application/x-ndjson': { schema: z.string() },
            },
          },
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
          500: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const actor = actorOf(request);
      const tenants = await readScope(request, deps, 'events:read', 'events.export', tenantList(q.tenants));
      const range = resolveRange(q.from, q.to, deps.now());
      const query = parseSearchQuery(q.query);
      const columns = parseColumns(q.columns);
      const base: SearchRequest = { tenants, ...range, query, order: q.order, limit: EXPORT_PAGE_SIZE };
      const pageSize = (written: number) => Math.min(EXPORT_PAGE_SIZE, q.limit - written);
      // The first page is read before answering, so a query the store refuses still gets a JSON error.
      const first = await deps.store.search({ ...base, limit: pageSize(0) });
      const line = q.format === 'csv' ? (e: Event) => csvLine(e, columns) : (e: Event) => jsonlLine(e);

      const record = async (written: number, outcome: 'success' | 'failure', more: boolean) => {
        try {
          await deps.access.audit.record({
            actor,
            action: 'events.export',
            outcome,
            ...(tenants.length === 1 ? { tenant: tenants[0] } : {}),
            details: {
              query: q.query,
              from: range.from,
              to: range.to,
              tenants: [...tenants],
              format: q.format,
              ...(q.format === 'csv' ? { columns: columns.map((c) => c.name) } : {}),
              events: written,
              ...(more ? { truncatedAtLimit: q.limit } : {}),
              ...(outcome === 'failure' ? { reason: 'the download ended early' } : {}),
            },
          });
        } catch (err) {
          request.log.error({ err }, 'The audit entry of an event export could not be written.');
        }
      };

      async function* body(): AsyncGenerator<string> {
        let written = 0;
        let finished = false;
        let page: SearchPage = first;
        try {
          if (q.format === 'csv') yield csvHeader(columns);
          for (;;) {
            if (page.events.length > 0) {
              const chunk = page.events.map(line).join('');
              written += page.events.length;
              yield chunk;
            }
            if (!page.next || written >= q.limit) break;
            page = await deps.store.search({ ...base, limit: pageSize(written), cursor: page.next });
          }
          finished = true;
        } finally {
          await record(written, finished ? 'success' : 'failure', finished && page.next !== undefined);
        }
      }

      // Fastify pipes a Readable to the socket as it is read; the schema documents the text it carries.
      const stream = Readable.from(body(), { objectMode: false }) as unknown as string;
      return reply
        .header('content-type', EXPORT_CONTENT_TYPES[q.format])
        .header('content-disposition', `attachment; filename="${exportFileName(q.format, deps.now())}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
};
