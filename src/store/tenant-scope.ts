// The tenants a store query may read, as a type that only the permission check or an explicit system scope mints.
import type { TenantId } from '../core/ids.js';

declare const scopeBrand: unique symbol;

/**
 * A non-empty list of tenants a query reads. Plain arrays do not type-check as one: a scope comes from
 * `tenantScope()` (what an actor may read) or `systemScope()` (the installation itself, for jobs and the CLI).
 */
export type TenantScope = readonly [TenantId, ...TenantId[]] & { readonly [scopeBrand]: 'TenantScope' };

function mint(tenants: readonly TenantId[], who: string): TenantScope {
  if (tenants.length === 0) throw new TypeError(`${who}: a tenant scope needs at least one tenant`);
  return Object.freeze([...new Set(tenants)]) as unknown as TenantScope;
}

/**
 * A scope for work the installation does on its own behalf (retention jobs, the local command line, which
 * already owns the data folder). Name the tenants explicitly; never pass a caller's request through here.
 */
export function systemScope(tenants: readonly TenantId[]): TenantScope {
  return mint(tenants, 'systemScope');
}

/** For `tenantScope()` in src/access/permissions.ts only: the list there is already narrowed to the actor. */
export function grantedScope(tenants: readonly TenantId[]): TenantScope {
  return mint(tenants, 'tenantScope');
}

/** Each tenant of a scope as a scope of its own (a store reading tenant by tenant narrows, never widens). */
export function splitScope(scope: TenantScope): TenantScope[] {
  return scope.map((t) => mint([t], 'splitScope'));
}
