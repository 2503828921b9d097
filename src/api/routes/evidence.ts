// The evidence locker of incidents: upload (raw streamed body), list, get, download (hash-checked), verify,
// custody ledger, legal hold and disposal.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EvidenceService } from '../../cases/evidence-service.js';
import { YaguraError } from '../../core/errors.js';
import { actorOf } from '../auth/authenticate.js';
import type { RouteDeps } from '../deps.js';
import { errorResponseSchema, idParams, managementErrors } from '../errors.js';
import {
  custodyEntryBody,
  custodyEntrySchema,
  custodySchema,
  evidenceCheckSchema,
  evidenceSchema,
  handlingBody,
  handlingQuery,
  uploadBodyDoc,
  uploadQuery,
  verifyBody,
} from './evidence-schemas.js';
import { defined } from './triage-support.js';

export const SHA256_HEADER = 'x-evidence-sha256';

const tags = ['evidence'];

export const evidenceRoutes: FastifyPluginAsyncZod<RouteDeps & { evidence: EvidenceService }> = async (
  app,
  deps,
) => {
  const service = () => deps.evidence;

  // The upload sits in a scope of its own, whose only body parser hands the request stream over unread.
  await app.register(async (scope) => {
    acceptStreamedBodies(scope);
    // A declared length over the limit is refused before any byte is read (streamed bodies are still counted).
    scope.addHook('onRequest', async (request) => {
      const declared = Number(request.headers['content-length']);
      const limit = service().uploadLimit;
      if (declared > limit) {
        throw new YaguraError(
          'EVIDENCE_TOO_LARGE',
          `The evidence upload is larger than the limit of ${limit} bytes; nothing was stored.`,
          { maxBytes: limit },
        );
      }
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/incidents/:id/evidence',
      {
        schema: {
          summary:
            'Add evidence to an incident: the raw request body is the file (streamed, hashed on arrival)',
          description:
            'Send the file as the body (any Content-Type, kept on the item) and the rest as query parameters. The SHA-256 is computed while the body is streamed to disk; the first custody entry ("uploaded") records it with who, when, from where and why. Needs incidents:manage.',
          tags,
          params: idParams,
          querystring: uploadQuery,
          response: {
            201: evidenceSchema,
            ...managementErrors,
            413: errorResponseSchema,
            415: errorResponseSchema,
          },
        },
        config: { openapiRequestBody: uploadBodyDoc },
      },
      async (request, reply) => {
        const { name, reason, description, source, from } = request.query;
        const body = request.body instanceof Readable ? request.body : Readable.from([]);
        const type = request.headers['content-type'];
        const created = await service().upload(
          actorOf(request),
          request.params.id,
          body,
          defined({ name, reason, description, source, from, contentType: type }),
        );
        return reply.code(201).send(created);
      },
    );
  });

  app.get(
    '/api/incidents/:id/evidence',
    {
      schema: {
        summary: "An incident's evidence items, oldest first (disposed ones too)",
        tags,
        params: idParams,
        response: { 200: z.object({ evidence: z.array(evidenceSchema) }), ...managementErrors },
      },
    },
    async (request) => ({ evidence: await service().list(actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/evidence/:id',
    {
      schema: {
        summary: 'An evidence item',
        tags,
        params: idParams,
        response: { 200: evidenceSchema, ...managementErrors },
      },
    },
    async (request) => service().get(actorOf(request), request.params.id),
  );

  app.get(
    '/api/evidence/:id/download',
    {
      schema: {
        summary: 'Download the file, after re-checking its SHA-256 (recorded in the custody ledger)',
        description:
          'Answers the stored bytes as application/octet-stream with Content-Disposition: attachment (the original name, RFC 6266 filename*), X-Evidence-SHA256 and X-Evidence-Content-Type. If the stored file no longer has the SHA-256 recorded on arrival, answers 409 EVIDENCE_ALTERED naming the file and both hashes, and records "verification_failed".',
        tags,
        params: idParams,
        querystring: handlingQuery,
        response: {
          200: z.any().describe('The file.'),
          ...managementErrors,
        },
      },
    },
    async (request, reply) => {
      const { evidence, stream } = await service().download(
        actorOf(request),
        request.params.id,
        defined(request.query),
      );
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-length', String(evidence.size))
        .header('content-disposition', contentDisposition(evidence.name))
        .header('x-content-type-options', 'nosniff')
        .header(SHA256_HEADER, evidence.sha256)
        .header('x-evidence-content-type', headerSafe(evidence.contentType))
        .send(stream);
    },
  );

  app.post(
    '/api/evidence/:id/verify',
    {
      schema: {
        summary: 'Check an evidence item end to end: stored bytes, arrival hash, custody chain (recorded)',
        tags,
        params: idParams,
        body: verifyBody.nullish(),
        response: { 200: evidenceCheckSchema, ...managementErrors },
      },
    },
    async (request) => service().verify(actorOf(request), request.params.id, defined({ ...request.body })),
  );

  app.get(
    '/api/evidence/:id/custody',
    {
      schema: {
        summary: 'The custody ledger of an evidence item, with the chain checked',
        tags,
        params: idParams,
        response: { 200: custodySchema, ...managementErrors },
      },
    },
    async (request) => service().custody(actorOf(request), request.params.id),
  );

  app.post(
    '/api/evidence/:id/custody',
    {
      schema: {
        summary: 'Record handling that happened outside Yagura (collected, transferred, analysed, accessed)',
        tags,
        params: idParams,
        body: custodyEntryBody,
        response: { 201: custodyEntrySchema, ...managementErrors },
      },
    },
    async (request, reply) => {
      const entry = await service().addCustodyEntry(
        actorOf(request),
        request.params.id,
        defined(request.body),
      );
      return reply.code(201).send(entry);
    },
  );

  app.post(
    '/api/evidence/:id/hold',
    {
      schema: {
        summary: 'Place an evidence item under legal hold (it cannot be disposed of until released)',
        tags,
        params: idParams,
        body: handlingBody,
        response: { 200: evidenceSchema, ...managementErrors },
      },
    },
    async (request) => service().placeHold(actorOf(request), request.params.id, defined(request.body)),
  );

  app.post(
    '/api/evidence/:id/release',
    {
      schema: {
        summary: "Release an evidence item's legal hold",
        tags,
        params: idParams,
        body: handlingBody,
        response: { 200: evidenceSchema, ...managementErrors },
      },
    },
    async (request) => service().releaseHold(actorOf(request), request.params.id, defined(request.body)),
  );

  app.delete(
    '/api/evidence/:id',
    {
      schema: {
        summary:
          'Dispose of an evidence item (refused under legal hold); the record and ledger stay, the file goes once unreferenced',
        tags,
        params: idParams,
        querystring: handlingQuery,
        response: {
          200: z.object({
            evidence: evidenceSchema,
            fileRemoved: z
              .boolean()
              .describe('False when another item still refers to the same bytes (they are kept for it).'),
          }),
          ...managementErrors,
        },
      },
    },
    async (request) => service().dispose(actorOf(request), request.params.id, defined(request.query)),
  );
};

/** Makes the routes of `scope` receive the request body as the unread stream, whatever its content type. */
function acceptStreamedBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  // Checked before the body is read: a compressed body would be stored (and hashed) compressed.
  scope.addHook('onRequest', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      throw new YaguraError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Evidence is uploaded as is: send it without Content-Encoding (compress it into an archive instead)',
      );
    }
  });
}

/** `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266, RFC 8187). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '');
}
