// What the triage routes share: the deps they get, query helpers (tenant lists, time expressions) and common schemas.
import { z } from 'zod';
import { timeParam } from '../time-range.js';
import type { Triage } from '../../triage/triage-stage.js';
import type { RouteDeps } from '../deps.js';

export type TriageRouteDeps = RouteDeps & { triage: Triage };

/** `?tenant=a&tenant=b` (or one): the tenants a list covers; all of the caller's when absent. */
export const tenantsQuery = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(100)])
  .optional()
  .describe("Tenant ids (repeat the parameter for several); all the caller's tenants when absent.");

export const timeText = z.string().max(100);

export { asList } from '../scope.js';

/** A time expression (ISO 8601, epoch ms, now-24h, ...) as epoch ms, undefined when absent; a bad one names `key`. */
export function timeOf(text: string | undefined, now: number, key: string): number | undefined {
  return text === undefined ? undefined : timeParam(text, now, key);
}

/** Leaves out the keys whose value is undefined (the services' options are exact optional properties). */
export function defined<T extends Record<string, unknown>>(
  value: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

export const actorRefSchema = z.object({ kind: z.string(), id: z.string(), name: z.string() });

/** Field values of an event or a finding's kept subject. */
export const fieldValuesSchema = z.record(z.string(), z.unknown());
