// The full configuration schema: the core keys plus each input component's own schema.
import { z } from 'zod';
import { httpInputConfigSchema } from '../inputs/http/config.js';
import { syslogConfigSchema } from '../inputs/syslog/config.js';
import { loadConfig, type LoadOptions } from './load.js';
import { buildConfigSchema } from './schema.js';

export const configSchema = buildConfigSchema(
  z
    .object({
      syslog: syslogConfigSchema
        .prefault({})
        .describe('Syslog over UDP, TCP and TLS (see docs/inputs-syslog.md).'),
      http: httpInputConfigSchema
        .prefault({})
        .describe('HTTP ingest: POST /api/ingest and the Splunk HEC endpoints (see docs/inputs-http.md).'),
    })
    .strict()
    .prefault({})
    .describe('Where events come from.'),
);

export type YaguraConfig = z.infer<typeof configSchema>;

export function loadYaguraConfig(options: LoadOptions = {}): { config: YaguraConfig; source?: string } {
  return loadConfig(configSchema, options);
}

export { envShorthands } from './load.js';
