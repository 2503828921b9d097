// GET /api/health (is this node fit to take traffic) and GET /metrics (Prometheus text).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YaguraError } from '../../core/errors.js';
import { CONTENT_TYPE } from '../../telemetry/registry.js';
import type { RouteDeps } from '../deps.js';
import { markRoutesPublic } from '../auth/public.js';

const STORE_CHECK_TIMEOUT_MS = 2_000;

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

const healthResponse = z.object({
  status: z
    .enum(['ok', 'degraded', 'stopping'])
    .describe('ok; degraded when the store fails or the queue is full; stopping while draining.'),
  version: z.string(),
  uptimeSeconds: z.number(),
  queue: z.object({
    depth: z.number().int().optional(),
    capacity: z.number().int().optional(),
    full: z.boolean(),
    closing: z.boolean(),
  }),
  store: z.object({
    ok: z.boolean(),
    events: z.number().optional(),
    bytes: z.number().optional(),
    freeBytes: z.number().optional().describe('Free space on the disk of the data folder.'),
    diskLow: z
      .boolean()
      .optional()
      .describe('Free space is below the reserve: new events are refused until retention frees room.'),
    error: z.string().optional(),
  }),
});

type StoreHealth = z.infer<typeof healthResponse>['store'];

export const healthRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  // Public: ingest and HEC check their own tokens; health and metrics carry no tenant data.
  markRoutesPublic(app);
  const checkStore = async (): Promise<StoreHealth> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${STORE_CHECK_TIMEOUT_MS} ms`)),
        STORE_CHECK_TIMEOUT_MS,
      );
    });
    try {
      const stats = await Promise.race([deps.store.stats(), timeout]);
      const diskLow = stats.freeBytes !== undefined && stats.freeBytes < deps.minFreeBytes;
      return {
        ok: !diskLow,
        events: stats.events,
        bytes: stats.bytes,
        ...(stats.freeBytes !== undefined ? { freeBytes: stats.freeBytes, diskLow } : {}),
      };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    } finally {
      clearTimeout(timer);
    }
  };

  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Health of this node',
        description:
          'Answers 200 when ok, 503 when degraded or stopping, so a load balancer can act on the status alone.',
        tags: ['operations'],
        response: { 200: healthResponse, 503: healthResponse },
      },
    },
    async (_request, reply) => {
      const store = await checkStore();
      const { sink } = deps;
      const stats = deps.queueStats?.();
      const status = sink.closing ? 'stopping' : !store.ok || sink.full ? 'degraded' : 'ok';
      return reply.code(status === 'ok' ? 200 : 503).send({
        status,
        version: deps.version,
        uptimeSeconds: Math.round((deps.now() - deps.startedAt) / 1000),
        queue: { ...(stats ?? {}), full: sink.full, closing: sink.closing },
        store,
      });
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics',
        tags: ['operations'],
        response: {
          200: {
            description: 'Prometheus text format 0.0.4.',
            content: { 'text/plain': { schema: z.string() } },
          },
        },
      },
    },
    async (request, reply) => {
      // Metrics hold counts per input, never tenant data; still, by default only the host itself may read them.
      if (!deps.auth.metricsFromAnyAddress && !isLoopback(request.ip)) {
        throw new YaguraError(
          'FORBIDDEN',
          'Metrics are served to loopback callers only (auth.metricsFromAnyAddress)',
        );
      }
      const text = await deps.metrics.render();
      // The text goes out as it is, not through the JSON serializer of the response schema.
      return reply
        .type(CONTENT_TYPE)
        .serializer((payload: unknown) => payload as string)
        .send(text);
    },
  );
};
