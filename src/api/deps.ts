// What the API app is built from: the services its routes call and the configuration they read.
import type { FastifyBaseLogger } from 'fastify';
import type { TenantId } from '../core/ids.js';
import type { IngestSink } from '../core/raw-message.js';
import type { HttpInputConfig } from '../inputs/http/config.js';
import type { EventStore } from '../store/event-store.js';
import type { QueueStats, YaguraMetrics } from '../telemetry/metrics.js';

export interface AppConfig {
  /** Reported by /api/health and in the OpenAPI document; defaults to package.json's. */
  version?: string;
  /** Largest request body in bytes (ingest bodies: after decompression too); default 10 MiB. */
  bodyLimitBytes?: number;
  /** Free disk space the store keeps in reserve; below it /api/health reports the store as not ok. */
  minFreeBytes?: number;
  /** The HTTP ingest input (`inputs.http`); defaults apply when absent. */
  http?: HttpInputConfig;
}

export interface AppDeps {
  store: EventStore;
  sink: IngestSink;
  metrics: YaguraMetrics;
  config: AppConfig;
  /** Configured tenants, in order; the first is the default ingest tenant unless `http.defaultTenant` says otherwise. */
  tenants: readonly TenantId[];
  /** Clock for time expressions and receipt times (tests pin it). */
  now?: () => number;
  /** Queue depth and capacity for /api/health. */
  queueStats?: () => QueueStats;
  /** A pino logger for request logs; none by default. */
  logger?: FastifyBaseLogger;
}

/** The deps after defaults, as routes receive them. */
export interface RouteDeps extends Required<Omit<AppDeps, 'queueStats' | 'logger' | 'config'>> {
  queueStats?: () => QueueStats;
  version: string;
  bodyLimitBytes: number;
  minFreeBytes: number;
  http: HttpInputConfig;
  startedAt: number;
}
