// Composition root of the embedded shape: config -> store -> queue + pipeline -> inputs -> HTTP API.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import type { Actor } from './access/actor.js';
import { openAccess, type AccessServices } from './access/open.js';
import { SessionService } from './access/session-service.js';
import { buildApp } from './api/app.js';
import { MemoryQueue } from './bus/memory-queue.js';
import type { YaguraConfig } from './config/index.js';
import { Tags, type Event } from './core/event.js';
import { isYaguraError, YaguraError } from './core/errors.js';
import type { TenantId } from './core/ids.js';
import type { RawMessage } from './core/raw-message.js';
import { DetectionService } from './detection/detection-service.js';
import { FindingsService } from './detection/findings-service.js';
import { HuntService } from './detection/hunt-service.js';
import { eventCounter } from './triage/metrics-service.js';
import { EscalationService } from './triage/escalation-service.js';
import { openTriage } from './triage/triage-stage.js';
import { loadCasePlaybooks, openCases } from './cases/cases.js';
import { openContactServices } from './cases/contacts/open.js';
import { EvidenceFiles } from './cases/evidence/evidence-files.js';
import { EvidenceService } from './cases/evidence-service.js';
import { IncidentReportService } from './cases/incident-report-service.js';
import { problemText } from './cases/playbooks/load.js';
import { syslogInput, type SyslogInput } from './inputs/syslog/index.js';
import { normalize } from './normalize/normalize.js';
import { IngestPipeline } from './pipeline/ingest-pipeline.js';
import { SqliteEventStore } from './store/embedded/sqlite-event-store.js';
import { RetentionEnforcer } from './store/embedded/retention.js';
import { createMetrics, type YaguraMetrics } from './telemetry/metrics.js';
import { QueueDepthHistory } from './telemetry/queue-depth-history.js';
import { sourceTenantResolver } from './tenancy.js';

export interface RunningYagura {
  app: FastifyInstance;
  syslog: SyslogInput;
  store: SqliteEventStore;
  queue: MemoryQueue;
  metrics: YaguraMetrics;
  /** The bound HTTP address, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Stops inputs, writes everything queued, closes the store. Safe to call twice. */
  stop(): Promise<void>;
}

/** The server acting on its own behalf (provisioning tenants from the config file), as the audit log names it. */
export const systemActor: Actor = {
  kind: 'system',
  id: 'yagura',
  name: 'system',
  role: 'admin',
  tenants: 'all',
};

/** What the running server derives from the tenants in the state database; rebuilt when they change. */
interface TenantDirectory {
  ids: TenantId[];
  timeZones: Map<string, string>;
  resolve: (address: string | undefined, listenerTenant: TenantId) => TenantId;
}

/** Creates the config file's tenants that the state database does not have yet (config pre-provisions). */
async function provisionTenants(access: AccessServices, config: YaguraConfig, logger: Logger): Promise<void> {
  const existing = new Set((await access.tenants.list(systemActor)).map((t) => t.id as string));
  for (const t of config.tenants) {
    if (existing.has(t.id)) continue;
    await access.tenants.create(systemActor, {
      id: t.id,
      name: t.name ?? t.id,
      timeZone: t.timeZone,
      sources: t.sources,
    });
    logger.info({ tenant: t.id }, 'Created a tenant from the configuration file.');
  }
}

async function loadTenantDirectory(access: AccessServices): Promise<TenantDirectory> {
  const tenants = await access.tenants.list(systemActor);
  return {
    ids: tenants.map((t) => t.id),
    timeZones: new Map(tenants.map((t) => [t.id as string, t.timeZone])),
    resolve: sourceTenantResolver(
      tenants
        .filter((t) => t.disabledAt === null)
        .map((t) => ({ id: t.id, name: t.name, timeZone: t.timeZone, sources: t.sources })),
    ),
  };
}

export function createLogger(config: YaguraConfig): Logger {
  return pino({ level: config.log.level, base: { service: 'yagura' } });
}

export async function startYagura(
  config: YaguraConfig,
  logger: Logger = createLogger(config),
): Promise<RunningYagura> {
  const access = await openAccess(config.dataDir, {
    maxFailedLogins: config.auth.maxFailedLogins,
    lockoutMs: config.auth.lockoutMinutes * 60_000,
  });
  let directory: TenantDirectory;
  try {
    await provisionTenants(access, config, logger);
    directory = await loadTenantDirectory(access);
  } catch (error) {
    await access.close();
    throw error;
  }
  // Tenants changed through the API take effect here at once: search scope, time zones, syslog source ranges.
  const reloadTenants = async (): Promise<void> => {
    directory = await loadTenantDirectory(access);
    // A disabled tenant's ingest tokens stop at once in this process (elsewhere within seconds).
    await access.ingestTokens.refresh();
  };
  const sessions = new SessionService(
    { db: access.db, audit: access.audit },
    { idleMs: config.auth.sessionIdleMinutes * 60_000, absoluteMs: config.auth.sessionMaxHours * 3_600_000 },
  );
  const tenants = directory.ids;
  const metrics = createMetrics();
  let detection: DetectionService;
  try {
    detection = await DetectionService.open(config.detection, {
      db: access.db,
      audit: access.audit,
      logger,
      intelDir: join(config.dataDir, 'intel'),
    });
  } catch (error) {
    await access.close();
    throw error;
  }
  const findings = new FindingsService(access.db, () => directory.ids);
  // Detection runs on each batch once it is stored, so every finding names events the store holds.
  const detecting = new Set<Promise<void>>();
  const detect = (events: Event[]): void => {
    const done = detection
      .process(events)
      .then(async (found) => {
        await findings.record(found);
      })
      .catch((error: unknown) => {
        logger.error(
          { err: error, events: events.length },
          'Detection or the recording of its findings failed.',
        );
      })
      .finally(() => detecting.delete(done));
    detecting.add(done);
  };
  const store = new SqliteEventStore({
    dataDir: config.dataDir,
    minFreeBytes: config.store.retention.minFreeBytes,
  });
  // The alert stage: every stored batch of findings goes through the allow-list and grouping into alerts.
  const triage = await openTriage(
    { db: access.db, audit: access.audit, knownTenants: () => directory.ids },
    {
      countEvents: eventCounter(store),
      onError: (error) => logger.error({ err: error }, 'Triage writes failed; retrying.'),
    },
  );
  for (const p of triage.problems) {
    logger.warn({ allowlistRule: p.id, problem: p.message }, 'An allow-list rule is skipped.');
  }
  triage.stage.attach(findings);
  // Incidents: the starter playbooks plus the user's folders; a broken playbook stops the start, naming file and line.
  let playbooks: ReturnType<typeof loadCasePlaybooks>;
  try {
    playbooks = loadCasePlaybooks(config.cases.playbooks);
  } catch (error) {
    await triage.stage.close();
    await detection.close();
    await store.close();
    await access.close();
    throw error;
  }
  for (const w of playbooks.warnings)
    logger.warn({ problem: problemText(w) }, 'A playbook problem was found.');
  const cases = openCases(
    { db: access.db, audit: access.audit, knownTenants: () => directory.ids },
    { playbooks: playbooks.playbooks, alerts: triage.alerts, store },
  );
  const caseDeps = { db: access.db, audit: access.audit, knownTenants: () => directory.ids };
  const evidence = new EvidenceService(
    { ...caseDeps, dataDir: config.dataDir },
    new EvidenceFiles(join(config.dataDir, 'evidence')),
    cases.incidents,
    cases.incidents,
    { maxBytes: config.cases.evidence.maxBytes },
  );
  const contacts = openContactServices(caseDeps, {
    incidents: cases.incidents,
    playbooks: playbooks.playbooks,
    ...(config.cases.communicationTemplates ? { templatesDir: config.cases.communicationTemplates } : {}),
  });
  const reportSettings = config.cases.reports;
  const reports = new IncidentReportService(
    caseDeps,
    { cases, evidence, communications: contacts.communications },
    {
      organization: reportSettings.organization,
      ...(reportSettings.templates ? { templateDir: reportSettings.templates } : {}),
      ...(reportSettings.chromium ? { chromiumPath: reportSettings.chromium } : {}),
    },
  );
  const smtp = config.notify.smtp;
  const escalation = new EscalationService(
    { db: access.db, audit: access.audit, knownTenants: () => directory.ids },
    triage.alerts,
    {
      ...(smtp
        ? {
            smtp: {
              host: smtp.host,
              port: smtp.port,
              security: smtp.security,
              from: smtp.from,
              ...(smtp.user !== undefined ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
            },
          }
        : {}),
      ...(config.notify.consoleUrl ? { consoleUrl: config.notify.consoleUrl } : {}),
      onRetryError: (error) => logger.error({ err: error }, 'Escalation retries failed; trying again.'),
    },
  );
  const hunts = new HuntService({
    store,
    loaded: () => detection.loaded(),
    knownTenants: () => directory.ids,
    audit: access.audit,
  });
  const retention = new RetentionEnforcer(store, config.store.retention, logger, async () => {
    const own = new Map<TenantId, number>();
    for (const t of await access.tenants.list(systemActor)) {
      if (t.retentionDays !== null) own.set(t.id as TenantId, t.retentionDays);
    }
    return own;
  });

  const queue = new MemoryQueue({
    capacity: config.queue.capacity,
    onPushed: (messages) =>
      countByInput(messages, (input, count) => metrics.eventsReceived({ input, count })),
    onDropped: (input, count, reason) => metrics.eventsDropped({ input, count, reason }),
  });
  metrics.watchQueue(() => ({ depth: queue.depth, capacity: queue.capacity }));
  const queueHistory = new QueueDepthHistory({ read: () => queue.depth });
  metrics.watchStoreBytes(() => retention.lastKnownBytes());

  const pipeline = new IngestPipeline({
    queue,
    store,
    batchSize: config.queue.batchSize,
    flushIntervalMs: config.queue.flushIntervalMs,
    normalize: (raw: RawMessage) =>
      normalize(raw, {
        receivedAt: raw.receivedAt,
        timeZone: directory.timeZones.get(raw.tenant) ?? 'UTC',
      }),
    onStored: (events, seconds) => {
      metrics.storeAppend(seconds);
      const byInput = new Map<string, { stored: number; parseErrors: number }>();
      for (const e of events) {
        const key = e.input ?? 'unknown';
        let c = byInput.get(key);
        if (!c) byInput.set(key, (c = { stored: 0, parseErrors: 0 }));
        c.stored++;
        if (e.tags?.includes(Tags.parseError)) c.parseErrors++;
      }
      for (const [input, c] of byInput) {
        metrics.eventsStored({ input, count: c.stored });
        if (c.parseErrors) metrics.parseErrors({ input, count: c.parseErrors });
      }
      detect(events);
    },
    onStoreError: (error, attempt, events) => {
      const reason = isYaguraError(error) ? error.code : 'STORE_FAILED';
      countByInput(events, (input, count) => metrics.eventsFailed({ input, count, reason }));
      if (attempt === 0 || attempt % 10 === 0)
        logger.error({ err: error, attempt }, 'The event store refused a batch; retrying.');
    },
  });
  pipeline.start();

  const syslog = syslogInput.create(config.inputs.syslog, {
    sink: queue,
    resolveTenant: (address, listenerTenant) => directory.resolve(address, listenerTenant),
    logger,
  });
  const app = buildApp({
    store,
    sink: queue,
    metrics,
    tenants,
    knownTenants: () => directory.ids,
    onTenantsChanged: reloadTenants,
    access: { ...access, sessions },
    detection: { service: detection, findings, hunts },
    triage,
    escalation,
    cases,
    evidence,
    contacts,
    reports,
    config: {
      bodyLimitBytes: config.server.bodyLimitBytes,
      minFreeBytes: config.store.retention.minFreeBytes,
      http: config.inputs.http,
      auth: config.auth,
      retention: config.store.retention,
      console: config.server.console,
    },
    queueStats: () => ({ depth: queue.depth, capacity: queue.capacity }),
    queueHistory,
    logger,
  });

  try {
    await syslog.start();
    await app.listen({ host: config.server.host, port: config.server.port });
  } catch (error) {
    await syslog.close().catch(() => undefined);
    await app.close().catch(() => undefined);
    queue.close();
    await pipeline.drain();
    await detection.close();
    await store.close();
    await access.close();
    throw error;
  }
  retention.start();
  queueHistory.start();
  // Escalation deliveries still pending (from before a restart too) are retried in the background.
  escalation.start();
  const address = app.server.address();
  const url =
    typeof address === 'object' && address
      ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      : String(address);
  logger.info({ url, syslog: syslog.addresses(), dataDir: config.dataDir, tenants }, 'Yagura is listening.');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      logger.info({ queued: queue.depth }, 'Stopping: closing inputs, then writing what is queued.');
      queue.close();
      retention.stop();
      queueHistory.stop();
      await syslog.close();
      hunts.cancelAll();
      await app.close();
      await escalation.close();
      const { lost } = await pipeline.drain(config.queue.drainTimeoutSeconds * 1000);
      // Batches already stored finish detection, and their findings are recorded and triaged, before closing.
      await Promise.all(detecting);
      await detection.close();
      await triage.stage.close();
      await store.close();
      await access.close();
      if (lost > 0) {
        logger.error(
          { lost },
          'Stopped without writing every event: the store kept refusing them until the drain timeout.',
        );
        throw new YaguraError(
          'STORE_FAILED',
          `${lost} received events could not be written before the drain timeout`,
        );
      }
      logger.info('Stopped; everything received was written.');
    })());

  return { app, syslog, store, queue, metrics, url, stop };
}

function countByInput(
  messages: readonly { input?: string }[],
  emit: (input: string, count: number) => void,
): void {
  let input = messages[0] ? (messages[0].input ?? 'unknown') : undefined;
  let count = 0;
  for (const m of messages) {
    if ((m.input ?? 'unknown') !== input) {
      if (input !== undefined) emit(input, count);
      input = m.input ?? 'unknown';
      count = 0;
    }
    count++;
  }
  if (input !== undefined && count > 0) emit(input, count);
}
