// What the API app is built from: the services its routes call and the configuration they read.
import type { FastifyBaseLogger } from 'fastify';
import type { IngestTokenService } from '../access/ingest-token-service.js';
import type { SessionService } from '../access/session-service.js';
import type { TenantService } from '../access/tenant-service.js';
import type { TokenService } from '../access/token-service.js';
import type { UserService } from '../access/user-service.js';
import type { IdempotencyStore } from '../access/idempotency.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { AuthConfig } from '../config/schema.js';
import type { DetectionService } from '../detection/detection-service.js';
import type { FindingsService } from '../detection/findings-service.js';
import type { HuntService } from '../detection/hunt-service.js';
import type { TenantId } from '../core/ids.js';
import type { EscalationService } from '../triage/escalation-service.js';
import type { Cases } from '../cases/cases.js';
import type { EvidenceService } from '../cases/evidence-service.js';
import type { ContactServices } from '../cases/contacts/index.js';
import type { IncidentReportService } from '../cases/incident-report-service.js';
import type { Triage } from '../triage/triage-stage.js';
import type { IngestSink } from '../core/raw-message.js';
import type { HttpInputConfig } from '../inputs/http/config.js';
import type { EventStore } from '../store/event-store.js';
import type { QueueStats, YaguraMetrics } from '../telemetry/metrics.js';
import type { DepthSample } from '../telemetry/queue-depth-history.js';
import type { SlidingWindowLimiter } from './auth/rate-limit.js';

export interface AppConfig {
  /** Reported by /api/health and in the OpenAPI document; defaults to package.json's. */
  version?: string;
  /** Largest request body in bytes (ingest bodies: after decompression too); default 10 MiB. */
  bodyLimitBytes?: number;
  /** Free disk space the store keeps in reserve; below it /api/health reports the store as not ok. */
  minFreeBytes?: number;
  /** The HTTP ingest input (`inputs.http`); defaults apply when absent. */
  http?: HttpInputConfig;
  /** Sign-in limits and session lifetimes (`auth`); defaults apply when absent. */
  auth?: Partial<AuthConfig>;
  /** The store's retention (`store.retention`), reported by the ingest overview to admins. */
  retention?: { maxAgeDays: number; maxTotalBytes: number };
  /** The web console (`server.console`); not served when absent. */
  console?: { enabled: boolean; dir?: string | undefined };
}

/** The queue's recent depth, for the ingest overview. */
export interface QueueHistory {
  samples(range: { from?: number; to?: number }): DepthSample[];
}

/** The access services the routes call; each checks permissions itself. */
export interface ApiAccess {
  audit: AuditLog;
  tenants: TenantService;
  users: UserService;
  tokens: TokenService;
  ingestTokens: IngestTokenService;
  sessions: SessionService;
}

/** Detection as the routes see it; absent in apps built without it (some tests). */
export interface ApiDetection {
  service: DetectionService;
  findings: FindingsService;
  hunts: HuntService;
}

export interface AppDeps {
  store: EventStore;
  detection?: ApiDetection;
  /** The triage services (alerts, allow-list, assets, noise metrics); absent in apps built without them. */
  triage?: Triage;
  escalation?: EscalationService;
  /** Incidents, their tasks, timeline, observables and playbooks; absent in apps built without them. */
  cases?: Cases;
  /** The evidence locker of incidents; absent in apps built without it. */
  evidence?: EvidenceService;
  /** Contacts, communications, templates and inquiries; absent in apps built without them. */
  contacts?: ContactServices;
  /** Flash and final incident reports; absent in apps built without them. */
  reports?: IncidentReportService;
  sink: IngestSink;
  metrics: YaguraMetrics;
  config: AppConfig;
  /** The access services over the state database (or a promise of them, awaited while the app boots). */
  access: ApiAccess | Promise<ApiAccess>;
  /**
   * Tenants that exist when the app is built, in order; the first is the default ingest tenant unless
   * `http.defaultTenant` says otherwise, and ingest tokens are checked against them.
   */
  tenants: readonly TenantId[];
  /** Tenants that exist now (the state database's); defaults to `tenants`. */
  knownTenants?: () => readonly TenantId[];
  /** Called after a tenant is created or changed through the API, so the caller can reload what it derives. */
  onTenantsChanged?: () => Promise<void> | void;
  /** Clock for time expressions and receipt times (tests pin it). */
  now?: () => number;
  /** Queue depth and capacity for /api/health. */
  queueStats?: () => QueueStats;
  /** Recent queue depth for the ingest overview. */
  queueHistory?: QueueHistory;
  /** A pino logger for request logs; none by default. */
  logger?: FastifyBaseLogger;
}

/** The deps after defaults, as routes receive them. */
export interface RouteDeps {
  store: EventStore;
  sink: IngestSink;
  metrics: YaguraMetrics;
  tenants: readonly TenantId[];
  knownTenants: () => readonly TenantId[];
  onTenantsChanged: () => Promise<void>;
  now: () => number;
  queueStats?: () => QueueStats;
  queueHistory?: QueueHistory;
  retention?: { maxAgeDays: number; maxTotalBytes: number };
  /** Set while the app boots, before any route answers. */
  access: ApiAccess;
  auth: AuthConfig;
  idempotency: IdempotencyStore;
  loginLimits: { byAddress: SlidingWindowLimiter; byUser: SlidingWindowLimiter };
  version: string;
  bodyLimitBytes: number;
  minFreeBytes: number;
  http: HttpInputConfig;
  startedAt: number;
  detection?: ApiDetection;
  triage?: Triage;
  escalation?: EscalationService;
  cases?: Cases;
  evidence?: EvidenceService;
  contacts?: ContactServices;
  reports?: IncidentReportService;
}
