// POST /api/ingest: events as NDJSON, JSON or plain text lines, pushed to the ingest queue.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IngestTokenService } from '../../access/ingest-token-service.js';
import { isParserName, parserNames } from '../../parsers/detect.js';
import { YaguraError } from '../../core/errors.js';
import { tenantId, type TenantId } from '../../core/ids.js';
import { contentEncodingOf } from '../../inputs/http/content-encoding.js';
import { decodeIngestBody, ingestFormatOf, INGEST_MEDIA_TYPES } from '../../inputs/http/ingest-body.js';
import { TokenTable, tokenFromAuthorization } from '../../inputs/http/tokens.js';
import type { RouteDeps } from '../deps.js';
import { errorResponseSchema } from '../errors.js';
import { acceptRawBodies, bodyBytes } from '../raw-body.js';
import { markRoutesPublic } from '../auth/public.js';

const ingestQuery = z
  .object({
    parser: z
      .string()
      .min(1)
      .optional()
      .describe('Pin a format or device parser (e.g. "fortigate") instead of detecting each message.'),
  })
  .strict();

export const INPUT = 'http';

const ingestResponseSchema = z.object({
  accepted: z
    .number()
    .int()
    .describe('Messages queued, including the invalid lines (stored raw, tagged parse_error).'),
  invalidLines: z
    .array(z.number().int())
    .describe('NDJSON: 1-based numbers of lines that are not a JSON object.'),
  invalidItems: z
    .array(z.number().int())
    .describe('JSON array: 1-based positions of elements that are neither an object nor a string.'),
});

const requestBodyDoc = {
  description: 'The events. Content-Encoding gzip or deflate is accepted.',
  required: true,
  content: {
    'application/x-ndjson': { schema: { type: 'string', description: 'One JSON object per line.' } },
    'application/json': {
      schema: {
        oneOf: [
          { type: 'object', additionalProperties: true },
          {
            type: 'array',
            items: { oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }] },
          },
        ],
      },
    },
    'text/plain': { schema: { type: 'string', description: 'One raw log line per line.' } },
  },
};

/**
 * The tenant an ingest request writes to, from its bearer token: the configuration file's tokens first, then the
 * tenants' tokens in the state database. While no ingest token exists in either, the default tenant.
 */
async function ingestTenant(
  request: FastifyRequest,
  tokens: TokenTable,
  stored: IngestTokenService,
  defaultTenant: TenantId,
): Promise<TenantId> {
  const token = tokenFromAuthorization(request.headers.authorization, 'Bearer');
  const grant =
    token === undefined ? undefined : (tokens.lookup(token) ?? (await stored.lookup('ingest', token)));
  if (grant) return grant.tenant;
  if (tokens.size === 0 && !(await stored.anyOfKind('ingest'))) return defaultTenant;
  throw new YaguraError(
    'INGEST_TOKEN_INVALID',
    token === undefined
      ? 'An ingest token is required: send "Authorization: Bearer <token>"'
      : 'The ingest token is not valid',
  );
}

export const ingestRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  // Public to user authentication: these routes check their own ingest tokens.
  markRoutesPublic(app);
  const { sink, http } = deps;
  const tokens = new TokenTable(http.tokens, deps.tenants, 'inputs.http.tokens');
  const defaultTenant = tenantId(http.defaultTenant ?? deps.tenants[0] ?? 'default');
  if (!deps.tenants.includes(defaultTenant)) {
    throw new YaguraError(
      'CONFIG_INVALID',
      `inputs.http.defaultTenant names tenant "${defaultTenant}", which is not configured`,
      {
        location: { key: 'inputs.http.defaultTenant' },
      },
    );
  }
  const tenantOf = new WeakMap<FastifyRequest, TenantId>();

  acceptRawBodies(app, deps.bodyLimitBytes);

  // Everything that can refuse the request is checked before the body is read.
  app.addHook('onRequest', async (request) => {
    tenantOf.set(request, await ingestTenant(request, tokens, deps.access.ingestTokens, defaultTenant));
    if (!ingestFormatOf(request.headers['content-type'])) {
      throw new YaguraError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type must be one of ${[...INGEST_MEDIA_TYPES.ndjson, ...INGEST_MEDIA_TYPES.json, ...INGEST_MEDIA_TYPES.text].join(', ')}`,
      );
    }
    if (!contentEncodingOf(request.headers['content-encoding'])) {
      throw new YaguraError('UNSUPPORTED_MEDIA_TYPE', 'Content-Encoding must be gzip, deflate or identity');
    }
    if (sink.closing)
      throw new YaguraError('SHUTTING_DOWN', 'The server is shutting down; retry on another node or later');
    if (sink.full)
      throw new YaguraError('QUEUE_FULL', 'The ingest queue is full; retry after the time in Retry-After');
  });

  app.post(
    '/api/ingest',
    {
      schema: {
        summary: 'Send events',
        description:
          'Queues events for normalization and storage. NDJSON lines that are not JSON objects are still stored, raw and tagged parse_error, and listed in `invalidLines`. `Authorization: Bearer <token>` selects the tenant: a token of `inputs.http.tokens` or one created with POST /api/tenants/{id}/ingest-tokens. While no ingest token exists in either place, no token is asked for and events go to the default tenant.',
        tags: ['ingest'],
        querystring: ingestQuery,
        response: {
          202: ingestResponseSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          413: errorResponseSchema,
          415: errorResponseSchema,
          503: errorResponseSchema,
        },
      },
      config: { openapiRequestBody: requestBodyDoc },
    },
    async (request, reply) => {
      const { parser } = request.query;
      if (parser !== undefined && !isParserName(parser)) {
        throw new YaguraError(
          'REQUEST_INVALID',
          `parser: "${parser}" is not a parser (known: ${parserNames().join(', ')})`,
          { location: { key: 'parser' } },
        );
      }
      const format = ingestFormatOf(request.headers['content-type']);
      const tenant = tenantOf.get(request);
      if (!format || !tenant)
        throw new YaguraError('INTERNAL', 'The ingest request was not checked before its body');
      const result = decodeIngestBody(format, bodyBytes(request.body), {
        tenant,
        input: INPUT,
        receivedAt: deps.now(),
        sourceAddress: request.ip,
        ...(parser !== undefined ? { parser } : {}),
      });
      if (result.messages.length > 0) {
        if (sink.closing) throw new YaguraError('SHUTTING_DOWN', 'The server is shutting down; retry later');
        sink.push(result.messages);
      }
      return reply.code(202).send({
        accepted: result.messages.length,
        invalidLines: result.invalidLines,
        invalidItems: result.invalidItems,
      });
    },
  );
};
