// Marks every route of a plugin public (answered without user credentials), for plugins whose routes
// authenticate callers their own way (ingest and HEC tokens) or carry no tenant data (health).
import type { FastifyInstance } from 'fastify';

export function markRoutesPublic(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
    // In the OpenAPI document: no user credentials needed (ingest and HEC describe their own tokens).
    route.schema = { ...(route.schema ?? {}), security: [] };
  });
}
