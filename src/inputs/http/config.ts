// The configuration of the HTTP ingest endpoints: ingest tokens for /api/ingest and Splunk HEC tokens.
import { z } from 'zod';

const TENANT = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export const ingestTokenSchema = z
  .object({
    token: z
      .string()
      .min(16)
      .describe('The secret the client sends (at least 16 characters); keep it out of version control.'),
    tenant: z.string().regex(TENANT, 'not a tenant id').describe('Tenant whose events this token delivers.'),
    name: z
      .string()
      .min(1)
      .optional()
      .describe('A name for the sender, shown in logs and kept in `hec.token_name`.'),
  })
  .strict();

export type IngestToken = z.infer<typeof ingestTokenSchema>;

export const httpInputConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe('Accept events on POST /api/ingest.'),
    defaultTenant: z
      .string()
      .regex(TENANT, 'not a tenant id')
      .optional()
      .describe(
        'Tenant for /api/ingest while no ingest token exists, here or in the state database (defaults to the first tenant).',
      ),
    tokens: z
      .array(ingestTokenSchema)
      .default([])
      .describe(
        'Bearer tokens for POST /api/ingest, each mapped to a tenant; tenants can also have tokens in the state database (`yagura tenant token add`). While no ingest token exists in either place, requests need no token and go to the default tenant.',
      ),
    hec: z
      .object({
        enabled: z
          .boolean()
          .default(true)
          .describe('Serve the Splunk HTTP Event Collector endpoints under /services/collector.'),
        tokens: z
          .array(ingestTokenSchema)
          .default([])
          .describe(
            'HEC tokens (`Authorization: Splunk <token>`), each mapped to a tenant; tenants can also have hec tokens in the state database. With none in either place, every HEC request is refused.',
          ),
      })
      .strict()
      .prefault({})
      .describe(
        'Splunk HEC compatibility, for Fluent Bit, Vector, the OpenTelemetry collector and Splunk forwarders.',
      ),
  })
  .strict();

export type HttpInputConfig = z.infer<typeof httpInputConfigSchema>;
