// Builds the Fastify app: the HTTP API, the HTTP ingest endpoints, health, metrics, the OpenAPI document and the console.
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { YaguraError } from '../core/errors.js';
import { httpInputConfigSchema } from '../inputs/http/config.js';
import { IdempotencyStore } from '../access/idempotency.js';
import { authSchema } from '../config/schema.js';
import { installAuthentication } from './auth/authenticate.js';
import { installIdempotency } from './auth/idempotency-hook.js';
import { SlidingWindowLimiter } from './auth/rate-limit.js';
import type { AppDeps, RouteDeps } from './deps.js';
import { errorBody, installErrorHandling } from './errors.js';
import { swaggerOptions } from './openapi.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { detectionRoutes } from './routes/detection.js';
import { eventRoutes } from './routes/events.js';
import { alertRoutes } from './routes/alerts.js';
import { allowlistRoutes } from './routes/allowlist.js';
import { assetRoutes } from './routes/assets.js';
import { triageMetricsRoutes } from './routes/triage-metrics.js';
import { escalationRoutes } from './routes/escalation.js';
import { incidentRoutes } from './routes/incidents.js';
import { evidenceRoutes } from './routes/evidence.js';
import { incidentReportRoutes } from './routes/incident-reports.js';
import { contactRoutes } from './routes/contacts.js';
import { communicationRoutes } from './routes/communications.js';
import { inquiryRoutes } from './routes/inquiries.js';
import { huntRoutes } from './routes/hunts.js';
import { eventExportRoutes } from './routes/events-export.js';
import { hecRoutes } from './routes/hec.js';
import { healthRoutes } from './routes/health.js';
import { ingestRoutes } from './routes/ingest.js';
import { ingestOverviewRoutes } from './routes/ingest-overview.js';
import { ingestTokenRoutes } from './routes/ingest-tokens.js';
import { tenantRoutes } from './routes/tenants.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { packageVersion } from './version.js';
import { defaultConsoleDir, webConsole } from './web-console.js';

export const DEFAULT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export function buildApp(deps: AppDeps): FastifyInstance {
  if (deps.tenants.length === 0)
    throw new YaguraError('CONFIG_INVALID', 'At least one tenant must be configured');
  const now = deps.now ?? Date.now;
  const auth = authSchema.parse(deps.config.auth ?? {});
  const windowMs = auth.loginWindowSeconds * 1000;
  const initialTenants = [...deps.tenants];
  const routeDeps: RouteDeps = {
    store: deps.store,
    sink: deps.sink,
    metrics: deps.metrics,
    tenants: deps.tenants,
    knownTenants: deps.knownTenants ?? (() => initialTenants),
    onTenantsChanged: async () => {
      await deps.onTenantsChanged?.();
    },
    // Replaced by the resolved services while the app boots (below), before any request is answered.
    access: undefined as unknown as RouteDeps['access'],
    auth,
    idempotency: new IdempotencyStore({ clock: now }),
    loginLimits: {
      byAddress: new SlidingWindowLimiter(auth.loginAttemptsPerAddress, windowMs),
      byUser: new SlidingWindowLimiter(auth.loginAttemptsPerUser, windowMs),
    },
    now,
    version: deps.config.version ?? packageVersion(),
    bodyLimitBytes: deps.config.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    minFreeBytes: deps.config.minFreeBytes ?? 0,
    http: deps.config.http ?? httpInputConfigSchema.parse({}),
    startedAt: now(),
  };
  if (deps.detection) routeDeps.detection = deps.detection;
  if (deps.triage) routeDeps.triage = deps.triage;
  if (deps.escalation) routeDeps.escalation = deps.escalation;
  if (deps.cases) routeDeps.cases = deps.cases;
  if (deps.evidence) routeDeps.evidence = deps.evidence;
  if (deps.contacts) routeDeps.contacts = deps.contacts;
  if (deps.reports) routeDeps.reports = deps.reports;
  if (deps.queueStats) routeDeps.queueStats = deps.queueStats;
  if (deps.queueHistory) routeDeps.queueHistory = deps.queueHistory;
  if (deps.config.retention) routeDeps.retention = deps.config.retention;

  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: routeDeps.bodyLimitBytes,
    // request.ip is the socket peer; honouring X-Forwarded-For behind a proxy is a later, explicit option.
    trustProxy: false,
    return503OnClosing: true,
    // A URL that cannot be decoded is answered in the API's error format, like every other bad request.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply)
        .code(400)
        .type('application/json; charset=utf-8')
        .send(errorBody(new YaguraError('REQUEST_INVALID', error.message)));
    },
    // One log line per request is noise at ingest rates; it is there at debug level.
    logController: new LogController({
      disableRequestLogging: !deps.logger || !['debug', 'trace'].includes(deps.logger.level),
    }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  app.register(async () => {
    routeDeps.access = await deps.access;
  });
  installAuthentication(app, routeDeps);
  installIdempotency(app, routeDeps);

  app.register(fastifySwagger, swaggerOptions(routeDeps.version));
  // Registered in a plugin so it comes after the swagger plugin and is part of the document it serves.
  app.register(async (scope) => {
    scope.get(
      '/api/openapi.json',
      {
        config: { public: true },
        schema: { summary: 'This OpenAPI document', tags: ['operations'], security: [] },
      },
      async () => app.swagger(),
    );
  });

  app.register(healthRoutes, routeDeps);
  app.register(authRoutes, routeDeps);
  app.register(eventRoutes, routeDeps);
  app.register(eventExportRoutes, routeDeps);
  app.register(ingestOverviewRoutes, routeDeps);
  app.register(tenantRoutes, routeDeps);
  app.register(userRoutes, routeDeps);
  app.register(tokenRoutes, routeDeps);
  app.register(ingestTokenRoutes, routeDeps);
  app.register(auditRoutes, routeDeps);
  if (routeDeps.detection) {
    app.register(detectionRoutes, { ...routeDeps, detection: routeDeps.detection });
    app.register(huntRoutes, { ...routeDeps, detection: routeDeps.detection });
  }
  if (routeDeps.triage) {
    const withTriage = { ...routeDeps, triage: routeDeps.triage };
    app.register(alertRoutes, withTriage);
    app.register(allowlistRoutes, withTriage);
    app.register(assetRoutes, withTriage);
    app.register(triageMetricsRoutes, withTriage);
    if (routeDeps.escalation)
      app.register(escalationRoutes, { ...routeDeps, escalation: routeDeps.escalation });
  }
  if (routeDeps.cases) app.register(incidentRoutes, { ...routeDeps, cases: routeDeps.cases });
  if (routeDeps.evidence) app.register(evidenceRoutes, { ...routeDeps, evidence: routeDeps.evidence });
  if (routeDeps.reports) app.register(incidentReportRoutes, { ...routeDeps, reports: routeDeps.reports });
  if (routeDeps.contacts) {
    const withContacts = { ...routeDeps, contacts: routeDeps.contacts };
    app.register(contactRoutes, withContacts);
    app.register(communicationRoutes, withContacts);
    app.register(inquiryRoutes, withContacts);
  }
  if (routeDeps.http.enabled) app.register(ingestRoutes, routeDeps);
  if (routeDeps.http.hec.enabled) app.register(hecRoutes, routeDeps);
  // After the API, whose routes win over the console's catch-all; API paths it does not know stay JSON 404s.
  const consoleConfig = deps.config.console;
  if (consoleConfig?.enabled) app.register(webConsole, { dir: consoleConfig.dir ?? defaultConsoleDir() });
  return app;
}
