// One error format for every API route: `{ error: { code, message, details? } }` with the catalogue's status.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YaguraError, isYaguraError } from '../core/errors.js';

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('A code from the error catalogue (docs/errors.md).'),
      message: z.string().describe('A sentence saying what went wrong.'),
      details: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('Where the problem is (`location`) and anything else that helps fix it.'),
    }),
  })
  .meta({ id: 'Error', description: 'An error.' });

export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** The error answers every access-management route can give (bad input, no credentials, denied, missing, conflict). */
export const managementErrors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** `:id` path parameters of the management routes. */
export const idParams = z.object({ id: z.string().min(1).max(200) });

interface ValidationIssue {
  instancePath: string;
  message?: string;
}

const PART_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

function validationError(context: string | undefined, issues: readonly ValidationIssue[]): YaguraError {
  const part = PART_NAMES[context ?? ''] ?? context ?? 'request';
  const named = issues.map((i) => {
    const path = i.instancePath.replace(/^\//, '').replace(/\//g, '.');
    return { path: path === '' ? part : `${part}.${path}`, message: i.message ?? 'is invalid' };
  });
  const first = named[0] ?? { path: part, message: 'is invalid' };
  return new YaguraError('REQUEST_INVALID', `${first.path}: ${first.message}`, {
    location: { key: first.path },
    issues: named,
  });
}

/** Maps anything a route or Fastify throws to a catalogue error; what is not a known client error becomes INTERNAL. */
export function toYaguraError(err: unknown): YaguraError {
  if (isYaguraError(err)) return err;
  const e = err as Partial<FastifyError> & { validationContext?: string; code?: string };
  if (hasZodFastifySchemaValidationErrors(err)) {
    return validationError(e.validationContext, err.validation);
  }
  if (Array.isArray(e.validation))
    return validationError(e.validationContext, e.validation as ValidationIssue[]);
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new YaguraError('BODY_TOO_LARGE', 'The request body is larger than the configured limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new YaguraError('UNSUPPORTED_MEDIA_TYPE', e.message ?? 'Unsupported media type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new YaguraError('BODY_INVALID_JSON', 'The body is empty but the content type says JSON');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new YaguraError('BODY_INVALID_JSON', `The body is not valid JSON: ${e.message ?? ''}`.trim());
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new YaguraError('REQUEST_INVALID', 'The body length does not match Content-Length');
  }
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return new YaguraError(
      'BODY_INVALID_ENCODING',
      `The body cannot be decompressed: ${e.message ?? e.code}`,
    );
  }
  if (err instanceof SyntaxError && e.statusCode === 400) {
    return new YaguraError('BODY_INVALID_JSON', `The body is not valid JSON: ${err.message}`);
  }
  if (e.statusCode === 404) return new YaguraError('NOT_FOUND', e.message ?? 'Not found');
  if (e.statusCode === 413)
    return new YaguraError('BODY_TOO_LARGE', e.message ?? 'The request body is too large');
  if (e.statusCode === 415)
    return new YaguraError('UNSUPPORTED_MEDIA_TYPE', e.message ?? 'Unsupported media type');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new YaguraError('REQUEST_INVALID', e.message ?? 'Bad request');
  }
  return new YaguraError(
    'INTERNAL',
    'An unexpected error occurred; the server log has the details',
    undefined,
    {
      cause: err,
    },
  );
}

/**
 * A permission denial names the permission but not the tenant asked for: an API caller learns nothing of
 * tenants outside their own from a refusal (the audit log keeps the full entry).
 */
export function withoutForeignTenant(error: YaguraError): YaguraError {
  if (
    error.code !== 'FORBIDDEN' ||
    !error.details ||
    !('tenant' in error.details || 'tenants' in error.details)
  ) {
    return error;
  }
  const { tenant: _tenant, tenants: _tenants, ...rest } = error.details;
  const permission = typeof rest.permission === 'string' ? rest.permission : undefined;
  return new YaguraError(
    'FORBIDDEN',
    permission
      ? `Not permitted: ${permission} is not granted in the requested tenant`
      : 'Not permitted: the request names a tenant that is not open to you',
    rest,
  );
}

export function errorBody(error: YaguraError): ErrorResponse {
  return { error: error.toJSON() };
}

/** Installs the error and not-found handlers on the app (and so on every plugin that does not set its own). */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const error = toYaguraError(err);
    if (error.code === 'INTERNAL') request.log.error({ err }, 'A request failed with an unexpected error.');
    if (error.status === 413 || error.code === 'BODY_INVALID_ENCODING') reply.header('connection', 'close');
    if (error.status === 503) reply.header('retry-after', '1');
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number')
      reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
    return reply
      .code(error.status)
      .type('application/json; charset=utf-8')
      .send(errorBody(withoutForeignTenant(error)));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new YaguraError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
    return reply.code(404).send(errorBody(error));
  });
}
