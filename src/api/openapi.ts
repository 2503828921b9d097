// The OpenAPI document: generated from the routes' zod schemas, served at /api/openapi.json and written to docs/openapi.json.
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { writeFile } from 'node:fs/promises';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { tenantId } from '../core/ids.js';
import type { IngestSink } from '../core/raw-message.js';
import type { EventStore } from '../store/event-store.js';
import type { ApiAccess, ApiDetection } from './deps.js';
import { createMetrics } from '../telemetry/metrics.js';
import type { EscalationService } from '../triage/escalation-service.js';
import type { Cases } from '../cases/cases.js';
import type { EvidenceService } from '../cases/evidence-service.js';
import type { IncidentReportService } from '../cases/incident-report-service.js';
import type { ContactServices } from '../cases/contacts/index.js';
import type { Triage } from '../triage/triage-stage.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An OpenAPI requestBody for routes whose body is not JSON, so it is documented but not validated. */
    openapiRequestBody?: unknown;
  }
}

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;

/** The zod transform, plus request bodies that are not JSON (ingest, HEC) documented through `config.openapiRequestBody`. */
const transform: Transform = (input) => {
  const out = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const body = input.route.config?.openapiRequestBody;
  return body ? { ...out, schema: { ...out.schema, body } } : out;
};

export function swaggerOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Yagura API',
        description:
          'The HTTP API of Yagura, an open-source SOC engine. Errors are `{ "error": { "code", "message", "details" } }` (see docs/errors.md); Splunk HEC endpoints answer in Splunk\'s format.',
        version,
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      components: {
        securitySchemes: {
          bearerToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal API token, `ygr_...` (yagura token create, or POST /api/tokens).',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'yagura_session',
            description:
              'The session cookie from POST /api/auth/login; state changes also need the X-CSRF-Token header.',
          },
        },
      },
      // Every route needs one of these unless it says otherwise (health, metrics, sign-in, ingest, HEC).
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
      tags: [
        { name: 'auth', description: 'Sign in and out; who the caller is.' },
        { name: 'events', description: 'Search, aggregate and export stored events.' },
        { name: 'tenants', description: 'Tenants and their settings.' },
        { name: 'users', description: 'User accounts, roles and tenant assignments.' },
        { name: 'tokens', description: 'Personal API tokens.' },
        { name: 'ingest-tokens', description: "Tenants' ingest and HEC tokens, for senders of events." },
        { name: 'audit', description: 'The hash-chained audit log.' },
        {
          name: 'alerts',
          description: 'Alerts grouped from findings: the queue, status changes, assignment, comments.',
        },
        {
          name: 'allowlist',
          description: 'Allow-list (suppression) rules, their impact preview and review.',
        },
        { name: 'assets', description: 'The asset inventory per tenant, and its CSV import.' },
        { name: 'triage', description: 'Noise metrics: events, findings, suppressed, alerts, escalations.' },
        {
          name: 'incidents',
          description:
            'Incidents (cases): tasks from playbooks, timeline, observables with sighting searches and STIX/CSV export.',
        },
        {
          name: 'evidence',
          description:
            "Incidents' evidence locker: uploads hashed on arrival, chain-of-custody ledgers, legal hold.",
        },
        { name: 'contacts', description: 'The contacts directory: per tenant and installation-wide.' },
        {
          name: 'communications',
          description: "Incidents' communications log, open requests, and drafts from templates.",
        },
        {
          name: 'inquiries',
          description: 'Inquiries (問合せ) from customer CSIRTs: threads, SLA, conversion.',
        },
        { name: 'ingest', description: 'Send events over HTTP, and see what is arriving.' },
        { name: 'hec', description: 'Splunk HTTP Event Collector compatible endpoints.' },
        { name: 'operations', description: 'Health, metrics and this document.' },
      ],
    },
    transform,
    transformObject: jsonSchemaTransformObject,
  };
}

function unused(): never {
  throw new Error('not used while generating the OpenAPI document');
}

/** The OpenAPI document as JSON text (stable key order, two-space indent, final newline). */
export async function renderOpenApi(version?: string): Promise<string> {
  // Imported here so building the app does not depend on this module's callers.
  const { buildApp } = await import('./app.js');
  const store: EventStore = {
    append: unused,
    search: unused,
    count: unused,
    aggregate: unused,
    purgeTenant: unused,
    prune: unused,
    stats: unused,
    close: async () => {},
  };
  const sink: IngestSink = {
    push: () => true,
    full: false,
    closing: false,
    onDrain: () => () => {},
    dropped: () => {},
  };
  // Awaiting it looks up `then`; anything else is a route being called, which never happens here.
  const access = new Proxy({}, { get: (_t, key) => (key === 'then' ? undefined : unused()) }) as ApiAccess;
  const detection = new Proxy({}, { get: () => unused() }) as ApiDetection;
  const triage = new Proxy({}, { get: () => unused() }) as Triage;
  const escalation = new Proxy({}, { get: () => unused() }) as EscalationService;
  const cases = new Proxy({}, { get: () => unused() }) as Cases;
  const evidence = new Proxy({}, { get: () => unused() }) as EvidenceService;
  const contacts = new Proxy({}, { get: () => unused() }) as ContactServices;
  const reports = new Proxy({}, { get: () => unused() }) as IncidentReportService;
  const app = buildApp({
    access,
    detection,
    triage,
    escalation,
    cases,
    evidence,
    contacts,
    reports,
    store,
    sink,
    metrics: createMetrics(),
    tenants: [tenantId('default')],
    config: version === undefined ? {} : { version },
  });
  await app.ready();
  const text = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  return text;
}

/** Writes the OpenAPI document to `path` (docs/openapi.json in the repository). */
export async function writeOpenApi(path: string, version?: string): Promise<void> {
  await writeFile(path, await renderOpenApi(version));
}
