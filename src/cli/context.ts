// What every command needs first: the validated configuration from --config, the file and the environment.
import type { Command } from 'commander';
import { loadYaguraConfig, type YaguraConfig } from '../config/index.js';
import type { TenantId } from '../core/ids.js';
import { YaguraError } from '../core/errors.js';

export function configFor(command: Command): YaguraConfig {
  const path = command.optsWithGlobals<{ config?: string }>().config;
  return loadYaguraConfig(path ? { path } : {}).config;
}

/** Tenants named with --tenant, checked against the configuration; all configured ones when none is named. */
export function tenantsFor(config: YaguraConfig, named: string[] | undefined): TenantId[] {
  const known = config.tenants.map((t) => t.id);
  if (!named || named.length === 0) return known as TenantId[];
  for (const t of named) {
    if (!known.includes(t)) {
      throw new YaguraError('TENANT_UNKNOWN', `Tenant "${t}" is not configured (known: ${known.join(', ')})`);
    }
  }
  return named as TenantId[];
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
