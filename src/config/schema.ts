// The configuration schema, composed from each component's own schema; every key is described for the generated reference.
import { z } from 'zod';
import { detectionSchema } from '../detection/config.js';
import { notifySchema } from '../notify/config.js';
import { casesSchema } from '../cases/config.js';

const tenantSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'use 1-63 lowercase letters, digits, "_" or "-"')
      .describe('Stable tenant id, used in the API, in stored events and in file names.'),
    name: z.string().min(1).optional().describe('Display name (defaults to the id).'),
    timeZone: z
      .string()
      .default('UTC')
      .refine(isTimeZone, 'not an IANA time zone (e.g. "Asia/Tokyo")')
      .describe('IANA time zone for timestamps that carry no zone (RFC 3164 syslog) and for display.'),
    sources: z
      .array(z.string())
      .default([])
      .describe(
        'Source address ranges (CIDR or single addresses) whose syslog messages belong to this tenant.',
      ),
  })
  .strict();

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const serverSchema = z
  .object({
    host: z.string().default('127.0.0.1').describe('Address the HTTP API and console listen on.'),
    port: z.number().int().min(0).max(65535).default(8080).describe('HTTP port (0 picks a free one).'),
    bodyLimitBytes: z
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024)
      .describe('Largest accepted request body; larger ones get 413.'),
    console: z
      .object({
        enabled: z
          .boolean()
          .default(true)
          .describe('Serve the web console at / on the HTTP port (the API stays under /api/ either way).'),
        dir: z
          .string()
          .min(1)
          .optional()
          .describe(
            'Folder of the built console (`npm run build:web`); default web/dist inside the Yagura package.',
          ),
      })
      .strict()
      .prefault({})
      .describe('The browser console.'),
  })
  .strict();

export const authSchema = z
  .object({
    sessionIdleMinutes: z
      .number()
      .int()
      .min(1)
      .default(480)
      .describe('A browser session unused this many minutes ends (default 8 hours).'),
    sessionMaxHours: z
      .number()
      .int()
      .min(1)
      .default(24)
      .describe('A browser session ends this many hours after sign-in, however busy.'),
    loginWindowSeconds: z
      .number()
      .int()
      .min(1)
      .default(60)
      .describe('The sliding window the sign-in rate limits count over.'),
    loginAttemptsPerAddress: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('Sign-in attempts one source address may make per window; more get 429.'),
    loginAttemptsPerUser: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('Sign-in attempts for one user name per window, from anywhere; more get 429.'),
    maxFailedLogins: z
      .number()
      .int()
      .min(1)
      .default(5)
      .describe('Wrong passwords in a row that lock an account.'),
    lockoutMinutes: z.number().int().min(1).default(15).describe('How long a locked account stays locked.'),
    metricsFromAnyAddress: z
      .boolean()
      .default(false)
      .describe(
        'Serve GET /metrics (no sign-in, no tenant data) to any address; by default only to loopback callers.',
      ),
  })
  .strict();

export type AuthConfig = z.infer<typeof authSchema>;

const queueSchema = z
  .object({
    capacity: z
      .number()
      .int()
      .min(100)
      .default(200_000)
      .describe(
        'Messages held between inputs and the store; above it TCP reads pause, HTTP answers 503, UDP drops.',
      ),
    batchSize: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(5_000)
      .describe('Messages normalized and written per store transaction.'),
    flushIntervalMs: z
      .number()
      .int()
      .min(1)
      .default(50)
      .describe('Longest wait before a partial batch is written.'),
    drainTimeoutSeconds: z
      .number()
      .int()
      .min(1)
      .default(60)
      .describe(
        'On shutdown, how long to keep retrying writes the store refuses (disk full) before giving up.',
      ),
  })
  .strict();

const retentionSchema = z
  .object({
    maxAgeDays: z
      .number()
      .int()
      .min(1)
      .default(30)
      .describe('Days of events kept; older day files are deleted.'),
    maxTotalBytes: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe(
        'Largest total size of the event files in bytes; the oldest days go first. 0 means no limit.',
      ),
    minFreeBytes: z
      .number()
      .int()
      .min(0)
      .default(1024 * 1024 * 1024)
      .describe(
        'Free disk space kept in reserve: below it old days are pruned, then ingest is refused, before the disk fills.',
      ),
    checkIntervalSeconds: z.number().int().min(1).default(60).describe('How often retention is enforced.'),
  })
  .strict();

const storeSchema = z
  .object({
    retention: retentionSchema.prefault({}),
  })
  .strict();

const logSchema = z
  .object({
    level: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('Server log level.'),
  })
  .strict();

export function buildConfigSchema<I extends z.ZodTypeAny>(inputs: I) {
  return z
    .object({
      dataDir: z.string().min(1).default('./data').describe('Folder for the embedded store and state.'),
      server: serverSchema.prefault({}),
      auth: authSchema.prefault({}),
      tenants: z
        .array(tenantSchema)
        .min(1)
        .default([{ id: 'default', timeZone: 'UTC', sources: [] }])
        .superRefine((tenants, ctx) => {
          const seen = new Set<string>();
          tenants.forEach((t, i) => {
            if (seen.has(t.id))
              ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate tenant id "${t.id}"` });
            seen.add(t.id);
          });
        })
        .describe('Tenants served by this installation; the default has one, "default".'),
      inputs: inputs,
      queue: queueSchema.prefault({}),
      store: storeSchema.prefault({}),
      detection: detectionSchema.prefault({}),
      notify: notifySchema.prefault({}),
      cases: casesSchema.prefault({}),
      log: logSchema.prefault({}),
    })
    .strict();
}

export type TenantConfig = z.infer<typeof tenantSchema>;
