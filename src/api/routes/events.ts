// Event search and aggregation: /api/events/search (POST and GET) and /api/events/aggregate.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YaguraError, isYaguraError } from '../../core/errors.js';
import type { QueryNode } from '../../search/ast.js';
import { canonicalField, isValidFieldName } from '../../search/fields.js';
import { parseQuery } from '../../search/parser.js';
import type { Aggregation, SearchRequest } from '../../store/event-store.js';
import type { RouteDeps } from '../deps.js';
import { errorResponseSchema } from '../errors.js';
import { readScope } from '../scope.js';
import { fillHistogram, histogramInterval, resolveRange } from '../time-range.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const eventSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    time: z.number().describe('Epoch ms when it happened.'),
    receivedAt: z.number().describe('Epoch ms when Yagura received it.'),
    input: z.string().optional(),
    logsource: z.object({
      product: z.string().optional(),
      category: z.string().optional(),
      service: z.string().optional(),
    }),
    fields: z
      .record(z.string(), z.union([scalar, z.array(scalar)]))
      .describe('Flat, dotted ECS field names.'),
    raw: z.string().optional(),
    tags: z.array(z.string()).optional(),
  })
  .meta({ id: 'Event', description: 'A normalized event.' });

export const queryText = z
  .string()
  .max(100_000)
  .default('')
  .describe('Search query (empty or * for all events).');
export const fromText = z
  .string()
  .default('now-24h')
  .describe('Start (inclusive): ISO 8601, epoch, or now-15m style. Default now-24h.');
export const toText = z.string().default('now').describe('End (exclusive), same forms as from. Default now.');
const limit = z.number().int().min(1).max(10_000);
export const tenantsText = z
  .string()
  .optional()
  .describe('Comma-separated tenants (default: every tenant the caller may read).');

export const order = z
  .enum(['desc', 'asc'])
  .default('desc')
  .describe('Newest first (desc, default) or oldest first.');
const tenants = z
  .array(z.string().min(1))
  .min(1)
  .optional()
  .describe('Tenants to search (default: every tenant the caller may read).');

const searchBody = z
  .object({
    query: queryText,
    from: fromText,
    to: toText,
    tenants,
    limit: limit.default(100).describe('Page size, 1..10000 (default 100).'),
    cursor: z.string().optional().describe('The `next` of the previous page.'),
    order,
  })
  .strict();

const searchQuerystring = z
  .object({
    query: queryText,
    from: fromText,
    to: toText,
    tenants: tenantsText,
    limit: z.coerce.number().pipe(limit).default(100).describe('Page size, 1..10000 (default 100).'),
    cursor: z.string().optional(),
    order,
  })
  .strict();

const searchResponse = z.object({
  events: z.array(eventSchema),
  next: z.string().optional().describe('Cursor for the next page; absent on the last page.'),
  tookMs: z.number(),
});

const aggregateBody = z
  .object({
    query: queryText,
    from: fromText,
    to: toText,
    tenants,
    by: z
      .union([
        z
          .object({
            terms: z
              .object({
                field: z.string().min(1).describe('Field to count values of.'),
                size: z
                  .number()
                  .int()
                  .min(1)
                  .max(1000)
                  .default(10)
                  .describe('Most frequent values returned (default 10).'),
              })
              .strict(),
          })
          .strict(),
        z
          .object({
            histogram: z
              .object({
                interval: z
                  .union([z.string(), z.number().int().positive()])
                  .default('auto')
                  .describe('Bucket width: ms, or "30s", "5m", "1h", "1d", or "auto" (about 60 buckets).'),
              })
              .strict(),
          })
          .strict(),
      ])
      .describe('Count by the values of a field (terms) or by time (histogram).'),
  })
  .strict();

const aggregateResponse = z.object({
  buckets: z.array(
    z.object({
      key: z
        .union([z.string(), z.number(), z.boolean(), z.null()])
        .describe('Field value, or bucket start in epoch ms.'),
      count: z.number().int(),
    }),
  ),
  total: z.number().int().describe('Events matched in all.'),
  intervalMs: z.number().int().optional().describe('Histogram bucket width used.'),
  tookMs: z.number(),
});

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  500: errorResponseSchema,
};

// Search pages come from the store already in the Event shape; checking 10000 of them against the schema again
// would cost three times the JSON encoding itself, so the schema only documents them.
const plainJson = () => (data: unknown) => JSON.stringify(data);

/** `a, b` -> ['a', 'b']; undefined when no tenant is named (every tenant open to the caller). */
export function tenantList(text: string | undefined): string[] | undefined {
  const names = text
    ?.split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return names && names.length > 0 ? names : undefined;
}

export function parseSearchQuery(text: string): QueryNode {
  try {
    return parseQuery(text);
  } catch (e) {
    if (isYaguraError(e)) {
      throw new YaguraError(e.code, e.message, {
        ...e.details,
        location: { ...e.details?.location, key: 'query' },
      });
    }
    throw e;
  }
}

export const eventRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const scopeOf = async (
    request: FastifyRequest,
    action: string,
    q: { from: string; to: string; tenants?: string[] | undefined },
  ) => ({
    tenants: await readScope(request, deps, 'events:read', action, q.tenants),
    ...resolveRange(q.from, q.to, deps.now()),
  });

  const search = async (request: FastifyRequest, q: z.output<typeof searchBody>) => {
    const scope = await scopeOf(request, 'events.search', q);
    const req: SearchRequest = { ...scope, query: parseSearchQuery(q.query), limit: q.limit, order: q.order };
    if (q.cursor !== undefined) req.cursor = q.cursor;
    return deps.store.search(req);
  };

  app.post(
    '/api/events/search',
    {
      schema: {
        summary: 'Search events',
        tags: ['events'],
        body: searchBody,
        response: { 200: searchResponse, ...errors },
      },
      serializerCompiler: plainJson,
    },
    async (request) => search(request, request.body),
  );

  app.get(
    '/api/events/search',
    {
      schema: {
        summary: 'Search events (query string)',
        tags: ['events'],
        querystring: searchQuerystring,
        response: { 200: searchResponse, ...errors },
      },
      serializerCompiler: plainJson,
    },
    async (request) => {
      const { tenants: list, ...rest } = request.query;
      const names = tenantList(list);
      return search(request, names ? { ...rest, tenants: names } : rest);
    },
  );

  app.post(
    '/api/events/aggregate',
    {
      schema: {
        summary: 'Count events by field value or by time',
        tags: ['events'],
        body: aggregateBody,
        response: { 200: aggregateResponse, ...errors },
      },
    },
    async (request) => {
      const q = request.body;
      const scope = await scopeOf(request, 'events.aggregate', q);
      const query = parseSearchQuery(q.query);
      if ('terms' in q.by) {
        const field = canonicalField(q.by.terms.field);
        if (!isValidFieldName(field)) {
          throw new YaguraError(
            'REQUEST_INVALID',
            `by.terms.field: "${q.by.terms.field}" is not a valid field name`,
            {
              location: { key: 'by.terms.field' },
            },
          );
        }
        const by: Aggregation = { kind: 'terms', field, size: q.by.terms.size };
        return deps.store.aggregate({ ...scope, query }, by);
      }
      const intervalMs = histogramInterval(q.by.histogram.interval, scope);
      const result = await deps.store.aggregate({ ...scope, query }, { kind: 'histogram', intervalMs });
      return { ...result, buckets: fillHistogram(result.buckets, scope, intervalMs), intervalMs };
    },
  );
};
