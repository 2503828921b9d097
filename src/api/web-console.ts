// Serves the built web console (Vite's web/dist): hashed assets cached for a year, every page route the SPA's index.html.
import { createReadStream, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { YaguraError, errorCatalogue } from '../core/errors.js';
import { packageRoot } from './version.js';

export interface WebConsoleOptions {
  /** The folder of the build; undefined when no default could be found (answered like a missing build). */
  dir: string | undefined;
}

/** `<package root>/web/dist`, where `npm run build:web` writes the console. */
export function defaultConsoleDir(): string | undefined {
  const root = packageRoot();
  return root === undefined ? undefined : join(root, 'web', 'dist');
}

export const CONSOLE_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths that belong to the API (and so answer a JSON 404), never to the console. */
function isApiPath(path: string): boolean {
  return ['/api', '/services', '/metrics'].some((p) => path === p || path.startsWith(`${p}/`));
}

function notFound(request: FastifyRequest, path: string): YaguraError {
  return new YaguraError('NOT_FOUND', `No route ${request.method} ${path}`);
}

/**
 * The file a URL path names inside `root`, or undefined when it would leave it. Dot segments (`..`, `.env`) and
 * backslashes are refused outright; what is left is resolved and must still start with the root.
 */
export function fileInside(root: string, urlPath: string): string | undefined {
  const segments = urlPath.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0'))) return undefined;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : undefined;
}

/** A regular file, really inside `root` once links are followed; undefined otherwise. */
function regularFile(root: string, file: string): Stats | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) return undefined;
  try {
    const real = realpathSync(file);
    return real.startsWith(realpathSync(root) + sep) ? stats : undefined;
  } catch {
    return undefined;
  }
}

function notBuiltPage(dir: string | undefined): string {
  const spec = errorCatalogue.CONSOLE_NOT_BUILT;
  const where = dir === undefined ? 'its folder' : escapeHtml(dir);
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Yagura: the console is not built</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}code{background:#eee;padding:0 .25rem}</style>
<h1>The web console is not built</h1>
<p>There is no <code>index.html</code> in ${where}. Build it with <code>npm run build:web</code> and reload this page,
or point <code>server.console.dir</code> at a built console. The HTTP API under <code>/api/</code> works meanwhile.</p>
<p><small>${spec.status} CONSOLE_NOT_BUILT</small></p>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export const webConsole: FastifyPluginAsync<WebConsoleOptions> = async (app, options) => {
  const root = options.dir === undefined ? undefined : resolve(options.dir);

  // Every console answer, errors included, carries the browser protections.
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(CONSOLE_SECURITY_HEADERS);
  });

  const sendFile = (reply: FastifyReply, file: string, stats: Stats, cacheControl: string) =>
    reply
      .code(200)
      .header('content-type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
      .header('content-length', stats.size)
      .header('cache-control', cacheControl)
      .send(createReadStream(file));

  const sendIndex = (reply: FastifyReply) => {
    const index = root === undefined ? undefined : join(root, 'index.html');
    const stats = root !== undefined && index !== undefined ? regularFile(root, index) : undefined;
    if (index === undefined || stats === undefined) {
      return reply
        .code(errorCatalogue.CONSOLE_NOT_BUILT.status)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(notBuiltPage(root));
    }
    return sendFile(reply, index, stats, 'no-cache');
  };

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isApiPath(path)) throw notFound(request, path);
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw notFound(request, path);
    }
    const last = decoded.slice(decoded.lastIndexOf('/') + 1);
    // A page of the single-page app (/incidents/42) rather than a file: the app routes it in the browser.
    if (extname(last) === '') return sendIndex(reply);
    const file = root === undefined ? undefined : fileInside(root, decoded);
    const stats = root !== undefined && file !== undefined ? regularFile(root, file) : undefined;
    if (file === undefined || stats === undefined) throw notFound(request, path);
    // Vite names what it puts in assets/ by content hash, so those never change; anything else may.
    return sendFile(reply, file, stats, decoded.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
  };

  // Public: the console's files are the same for everyone and hold no tenant data. Not part of the API document.
  const route: RouteShorthandOptions = { config: { public: true }, schema: { hide: true } };
  app.get('/', route, serve);
  app.get('/*', route, serve);
};
