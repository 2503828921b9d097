// Makes the routes of one plugin receive their body as bytes (any content type), decompressed when gzip or deflate.
import type { FastifyInstance } from 'fastify';
import { contentEncodingOf, decompress } from '../inputs/http/content-encoding.js';

/** Call inside an encapsulated plugin: the parsers it replaces stay as they are for the rest of the app. */
export function acceptRawBodies(scope: FastifyInstance, bodyLimit: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) =>
    done(null, body),
  );
  scope.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = contentEncodingOf(request.headers['content-encoding']);
    // Unsupported encodings were refused in onRequest, before the body was read.
    return encoding === 'gzip' || encoding === 'deflate' ? decompress(encoding, payload) : payload;
  });
}

/** The request body as bytes (empty when there was none). */
export function bodyBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
