// GET /api/ingest/overview: events over time by input and by tenant, parse errors, queue depth, storage, retention.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Tags } from '../../core/event.js';
import type { QueryNode } from '../../search/ast.js';
import type { AggregateResult, SearchScope } from '../../store/event-store.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { errorResponseSchema } from '../errors.js';
import { readScope } from '../scope.js';
import { fillHistogram, histogramInterval, resolveRange } from '../time-range.js';
import { fromText, tenantList, tenantsText, toText } from './events.js';

/** The inputs one overview lists at most; an installation has a handful. */
const MAX_INPUTS = 100;
/** The series key of events that came without an input name. */
export const NO_INPUT = '(none)';

const PARSE_ERROR: QueryNode = { kind: 'term', field: 'tags', value: Tags.parseError, quoted: true };
const ALL: QueryNode = { kind: 'all' };

const overviewQuerystring = z
  .object({
    from: fromText,
    to: toText,
    tenants: tenantsText,
  })
  .strict();

const series = z.object({
  key: z.string(),
  total: z.number().int(),
  parseErrors: z.number().int().describe('Events tagged parse_error.'),
  counts: z.array(z.number().int()).describe('Events per bucket, aligned with bucketStarts.'),
});

const overviewResponse = z
  .object({
    from: z.number().describe('Start of the range, epoch ms (inclusive).'),
    to: z.number().describe('End of the range, epoch ms (exclusive).'),
    intervalMs: z.number().int().describe('Bucket width (about 60 buckets over the range).'),
    bucketStarts: z.array(z.number()).describe('Start of each bucket, epoch ms, gap-free over the range.'),
    total: z.number().int().describe('Events received in the range.'),
    parseErrors: z.number().int().describe('Of those, events tagged parse_error.'),
    byInput: z.array(series).describe(`By input name, most events first; "${NO_INPUT}" when it has none.`),
    byTenant: z.array(series).describe('Every tenant in scope, most events first (zeros included).'),
    queue: z.object({
      depth: z.number().int(),
      capacity: z.number().int(),
      full: z.boolean(),
      samples: z
        .array(z.object({ at: z.number(), depth: z.number().int() }))
        .describe('Recent queue depth in the range, oldest first (at most 500 points, peaks kept).'),
    }),
    storage: z
      .object({
        bytes: z.number(),
        events: z.number().int(),
        freeBytes: z.number().optional(),
        minFreeBytes: z.number(),
        maxBytes: z.number().optional().describe('store.retention.maxTotalBytes, when set.'),
        maxAgeDays: z.number().int().optional().describe('store.retention.maxAgeDays.'),
        partitions: z.array(
          z.object({
            name: z.string(),
            from: z.number(),
            to: z.number(),
            bytes: z.number(),
            events: z.number().int(),
          }),
        ),
      })
      .optional()
      .describe('The whole installation: only for callers who read every tenant.'),
    retention: z
      .array(z.object({ tenant: z.string(), retentionDays: z.number().int().nullable() }))
      .describe("Each tenant in scope and its own retention in days (null: the installation's)."),
  })
  .meta({
    id: 'IngestOverview',
    description: 'What is arriving, how much fails to parse, and where it is kept.',
  });

type SeriesOut = z.infer<typeof series>;

function bySeries(result: AggregateResult, bucketStarts: readonly number[], intervalMs: number): SeriesOut[] {
  const first = bucketStarts[0] ?? 0;
  return (result.series ?? []).map((s) => {
    const counts = new Array<number>(bucketStarts.length).fill(0);
    for (const b of s.buckets) {
      const i = Math.round((b.key - first) / intervalMs);
      if (i >= 0 && i < counts.length) counts[i]! += b.count;
    }
    return { key: s.key === null ? NO_INPUT : String(s.key), total: s.count, parseErrors: s.flagged, counts };
  });
}

const mostFirst = (a: SeriesOut, b: SeriesOut) => b.total - a.total || a.key.localeCompare(b.key);

export const ingestOverviewRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/api/ingest/overview',
    {
      schema: {
        summary: 'What is arriving: events by input and tenant over time, parse errors, queue and storage',
        tags: ['ingest'],
        querystring: overviewQuerystring,
        response: {
          200: overviewResponse,
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
          500: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const actor = actorOf(request);
      const tenants = await readScope(request, deps, 'events:read', 'ingest.overview', tenantList(q.tenants));
      const range = resolveRange(q.from, q.to, deps.now());
      const intervalMs = histogramInterval('auto', range);
      const scope: SearchScope & { query: QueryNode } = { tenants, ...range, query: ALL };
      const split = (field: string, size: number) =>
        deps.store.aggregate(scope, { kind: 'histogram-split', intervalMs, field, size, flag: PARSE_ERROR });
      const [inputs, perTenant, stats, retention] = await Promise.all([
        split('input', MAX_INPUTS),
        split('tenant', tenants.length),
        actor.tenants === 'all' ? deps.store.stats() : undefined,
        deps.access.tenants.retentionOf(tenants),
      ]);
      const bucketStarts = fillHistogram([], range, intervalMs).map((b) => b.key as number);

      const byTenant = bySeries(perTenant, bucketStarts, intervalMs);
      for (const tenant of tenants) {
        if (!byTenant.some((s) => s.key === tenant)) {
          byTenant.push({
            key: tenant,
            total: 0,
            parseErrors: 0,
            counts: new Array<number>(bucketStarts.length).fill(0),
          });
        }
      }

      const queue = deps.queueStats?.() ?? { depth: 0, capacity: 0 };
      const limits = deps.retention;
      return {
        ...range,
        intervalMs,
        bucketStarts,
        total: inputs.total,
        parseErrors: inputs.flagged ?? 0,
        byInput: bySeries(inputs, bucketStarts, intervalMs).sort(mostFirst),
        byTenant: byTenant.sort(mostFirst),
        queue: {
          depth: queue.depth,
          capacity: queue.capacity,
          full: deps.sink.full,
          samples: deps.queueHistory?.samples(range) ?? [],
        },
        ...(stats
          ? {
              storage: {
                bytes: stats.bytes,
                events: stats.events,
                ...(stats.freeBytes !== undefined ? { freeBytes: stats.freeBytes } : {}),
                minFreeBytes: deps.minFreeBytes,
                ...(limits && limits.maxTotalBytes > 0 ? { maxBytes: limits.maxTotalBytes } : {}),
                ...(limits ? { maxAgeDays: limits.maxAgeDays } : {}),
                partitions: stats.partitions,
              },
            }
          : {}),
        retention,
      };
    },
  );
};
