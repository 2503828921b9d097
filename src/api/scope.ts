// Which tenants a request may read: the one seam where authentication will plug in.
import type { FastifyRequest } from 'fastify';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';

/**
 * The tenants a request reads. Today every caller may read every configured tenant; a request naming tenants is
 * narrowed to them, and naming one that is not configured is TENANT_UNKNOWN. When authentication arrives, the
 * caller's grants replace `configured` here, and nowhere else.
 */
export function resolveScope(
  _request: FastifyRequest,
  requested: readonly string[] | undefined,
  configured: readonly TenantId[],
): TenantId[] {
  if (!requested || requested.length === 0) return [...configured];
  const out: TenantId[] = [];
  for (const name of requested) {
    const tenant = configured.find((t) => t === name);
    if (!tenant) {
      throw new YaguraError('TENANT_UNKNOWN', `Tenant "${name}" is not configured`, {
        location: { key: 'tenants' },
      });
    }
    if (!out.includes(tenant)) out.push(tenant);
  }
  return out;
}
