// The HTTP ingest input declared as a component: its kind, description and config schema.
// Its routes (/api/ingest, /services/collector/*) are mounted by the API app (src/api/app.ts).
import { httpInputConfigSchema } from './config.js';

export const httpInput = {
  kind: 'http',
  description:
    'Receives events over HTTP: NDJSON, JSON and plain text on /api/ingest, and the Splunk HEC protocol.',
  configSchema: httpInputConfigSchema,
} as const;

export { httpInputConfigSchema, type HttpInputConfig, type IngestToken } from './config.js';
export { TokenTable } from './tokens.js';
export { decodeIngestBody, type IngestBodyResult } from './ingest-body.js';
export { decodeHecEvents, decodeHecRaw, HecError, hecAnswers } from './hec-body.js';
