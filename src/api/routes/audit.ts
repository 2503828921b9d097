// GET /api/audit: the audit log, newest first, filtered and paged. Admins read all of it; the roles with
// audit:read-own-tenant read the entries of their own tenants only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../access/permissions.js';
import { permit } from '../../access/service-support.js';
import { AUDIT_OUTCOMES, type AuditQuery } from '../../audit/types.js';
import { YaguraError } from '../../core/errors.js';
import { isTenantId, type TenantId } from '../../core/ids.js';
import { parseTimeExpression } from '../../search/time-expression.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { errorResponseSchema } from '../errors.js';

const entrySchema = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    at: z.number().describe('Epoch ms.'),
    actor: z.object({
      kind: z.string(),
      id: z.string(),
      name: z.string(),
      role: z.string(),
      tokenId: z.string().optional(),
      address: z.string().optional(),
    }),
    tenant: z.string().optional(),
    action: z.string(),
    outcome: z.enum(AUDIT_OUTCOMES as unknown as ['success', 'denied', 'failure']),
    target: z.object({ type: z.string(), id: z.string() }).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry', description: 'One entry of the hash-chained audit log.' });

const time = z.string().max(100);
const listQuery = z
  .object({
    tenant: z.string().max(63).optional(),
    action: z.string().max(100).optional().describe('Action or its prefix ("user." matches user.create).'),
    actor: z.string().max(200).optional().describe('Actor id (user id).'),
    outcome: z.enum(['success', 'denied', 'failure']).optional(),
    from: time.optional().describe('Start (inclusive): ISO 8601, epoch ms or now-24h style.'),
    to: time.optional().describe('End (exclusive).'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(200).optional(),
  })
  .strict();

function timeOf(text: string, key: string, now: number): number {
  try {
    return parseTimeExpression(text, now);
  } catch {
    throw new YaguraError('TIME_INVALID', `${key}: "${text.slice(0, 100)}" is not a time`, {
      location: { key },
    });
  }
}

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/api/audit',
    {
      schema: {
        summary: 'Page through the audit log',
        tags: ['audit'],
        querystring: listQuery,
        response: {
          200: z.object({ entries: z.array(entrySchema), next: z.string().optional() }),
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const { audit } = deps.access;
      let tenants: AuditQuery['tenants'] = 'all';
      if (!can(actor, 'audit:read')) {
        await permit(audit, actor, 'audit:read-own-tenant', { action: 'audit.read' });
        tenants = actor.tenants === 'all' ? 'all' : actor.tenants;
        if (
          q.tenant !== undefined &&
          tenants !== 'all' &&
          !(tenants as readonly string[]).includes(q.tenant)
        ) {
          await audit.record({
            actor,
            action: 'audit.read',
            outcome: 'denied',
            details: { requested: q.tenant.slice(0, 63), reason: 'tenant outside the caller scope' },
          });
          throw new YaguraError(
            'FORBIDDEN',
            'Not permitted: the request names a tenant that is not open to you',
            {
              location: { key: 'tenant' },
            },
          );
        }
      }
      if (q.tenant !== undefined && !isTenantId(q.tenant)) return { entries: [] };
      const now = deps.now();
      const query: AuditQuery = {
        tenants,
        limit: q.limit,
        ...(q.tenant !== undefined ? { tenant: q.tenant as TenantId } : {}),
        ...(q.action !== undefined ? { action: q.action } : {}),
        ...(q.actor !== undefined ? { actorId: q.actor } : {}),
        ...(q.outcome !== undefined ? { outcome: q.outcome } : {}),
        ...(q.from !== undefined ? { from: timeOf(q.from, 'from', now) } : {}),
        ...(q.to !== undefined ? { to: timeOf(q.to, 'to', now) } : {}),
        ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
      };
      return audit.query(query);
    },
  );
};
