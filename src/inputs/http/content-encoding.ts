// Decompresses request bodies sent with Content-Encoding gzip or deflate (Fluent Bit, Vector and the OTel collector compress).
import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';

export type ContentEncoding = 'identity' | 'gzip' | 'deflate';

/** The encoding named by the header; undefined for one we cannot decode. */
export function contentEncodingOf(header: string | undefined): ContentEncoding | undefined {
  const value = (header ?? '').trim().toLowerCase();
  if (value === '' || value === 'identity') return 'identity';
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'deflate') return 'deflate';
  return undefined;
}

/**
 * Pipes `source` through the decompressor. The result reports `receivedEncodedLength` (compressed bytes read), which
 * Fastify compares with Content-Length while it applies its body limit to the decompressed bytes: a gzip bomb stops
 * at the limit instead of filling memory.
 */
export function decompress(
  encoding: Exclude<ContentEncoding, 'identity'>,
  source: Readable,
): Readable & { receivedEncodedLength: number } {
  const out = (encoding === 'gzip' ? createGunzip() : createInflate()) as unknown as Readable & {
    receivedEncodedLength: number;
  };
  out.receivedEncodedLength = 0;
  source.on('data', (chunk: Buffer) => {
    out.receivedEncodedLength += chunk.length;
  });
  source.on('error', (err) => out.destroy(err));
  source.pipe(out as unknown as NodeJS.WritableStream);
  return out;
}
