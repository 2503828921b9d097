// Assigns a tenant to a syslog message from the sender's address, using each tenant's configured source ranges.
import type { TenantId } from './core/ids.js';
import type { TenantConfig } from './config/schema.js';
import { ipInCidr, parseCidr, type Cidr } from './search/cidr.js';
import { YaguraError } from './core/errors.js';

export function sourceTenantResolver(
  tenants: readonly TenantConfig[],
): (address: string | undefined, listenerTenant: TenantId) => TenantId {
  const ranges: { cidr: Cidr; tenant: TenantId }[] = [];
  tenants.forEach((t, i) =>
    t.sources.forEach((source, j) => {
      const text = source.includes('/') ? source : source.includes(':') ? `${source}/128` : `${source}/32`;
      const cidr = parseCidr(text);
      if (!cidr) {
        throw new YaguraError(
          'CONFIG_INVALID',
          `tenants.${i}.sources.${j}: "${source}" is not an address or CIDR range`,
          {
            location: { key: `tenants.${i}.sources.${j}` },
          },
        );
      }
      ranges.push({ cidr, tenant: t.id as TenantId });
    }),
  );
  // Most specific range first, so 10.1.0.0/16 for one customer wins over 10.0.0.0/8 for another.
  ranges.sort((a, b) => b.cidr.prefix - a.cidr.prefix);
  if (ranges.length === 0) return (_address, listenerTenant) => listenerTenant;
  const cache = new Map<string, TenantId | null>();
  return (address, listenerTenant) => {
    if (!address) return listenerTenant;
    let hit = cache.get(address);
    if (hit === undefined) {
      hit = ranges.find((r) => ipInCidr(address, r.cidr))?.tenant ?? null;
      if (cache.size > 100_000) cache.clear();
      cache.set(address, hit);
    }
    return hit ?? listenerTenant;
  };
}
