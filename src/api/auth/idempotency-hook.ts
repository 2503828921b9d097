// `Idempotency-Key` on creates: a retry of the same request by the same caller gets the first response again.
import type { FastifyInstance } from 'fastify';
import type { IdempotencyClaim } from '../../access/idempotency.js';
import type { RouteDeps } from '../deps.js';
import { actorOf } from './authenticate.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A create that honours the Idempotency-Key header. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: Extract<IdempotencyClaim, { kind: 'new' }>;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export function installIdempotency(app: FastifyInstance, deps: RouteDeps): void {
  app.decorateRequest('idempotency', undefined);
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (typeof key !== 'string') return;
    const actor = actorOf(request);
    const fingerprint = JSON.stringify([request.method, request.url, request.body ?? null]);
    const claim = deps.idempotency.claim(`${actor.kind}:${actor.id}`, key, fingerprint);
    if (claim.kind === 'replay') {
      const { response } = claim;
      reply.code(response.statusCode).header('idempotent-replayed', 'true');
      if (response.contentType) reply.type(response.contentType);
      return reply.serializer((p: unknown) => p as string).send(response.body);
    }
    request.idempotency = claim;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      const type = reply.getHeader('content-type');
      claim.complete({
        statusCode: reply.statusCode,
        contentType: typeof type === 'string' ? type : undefined,
        body: payload,
      });
    } else {
      claim.abandon();
    }
    return payload;
  });
}
