// Maps the tokens HTTP senders present to the tenant their events belong to.
import { tenantId, type TenantId } from '../../core/ids.js';
import { YaguraError } from '../../core/errors.js';
import type { IngestToken } from './config.js';

export interface TokenGrant {
  tenant: TenantId;
  name?: string;
}

export class TokenTable {
  private readonly grants = new Map<string, TokenGrant>();

  /** Checks every token's tenant against the configured ones, so a typo fails at start, not on the first request. */
  constructor(tokens: readonly IngestToken[], tenants: readonly TenantId[], configKey: string) {
    tokens.forEach((t, i) => {
      if (!tenants.includes(t.tenant as TenantId)) {
        throw new YaguraError(
          'CONFIG_INVALID',
          `${configKey}[${i}] names tenant "${t.tenant}", which is not configured`,
          {
            location: { key: `${configKey}.${i}.tenant` },
          },
        );
      }
      if (this.grants.has(t.token)) {
        throw new YaguraError('CONFIG_INVALID', `${configKey}[${i}] repeats a token already configured`, {
          location: { key: `${configKey}.${i}.token` },
        });
      }
      this.grants.set(
        t.token,
        t.name === undefined ? { tenant: tenantId(t.tenant) } : { tenant: tenantId(t.tenant), name: t.name },
      );
    });
  }

  get size(): number {
    return this.grants.size;
  }

  lookup(token: string): TokenGrant | undefined {
    return this.grants.get(token);
  }
}

/** The token from an `Authorization: <scheme> <token>` header, if it uses that scheme (case-insensitive). */
export function tokenFromAuthorization(header: string | undefined, scheme: string): string | undefined {
  if (!header) return undefined;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space).toLowerCase() !== scheme.toLowerCase()) return undefined;
  const token = header.slice(space + 1).trim();
  return token === '' ? undefined : token;
}
