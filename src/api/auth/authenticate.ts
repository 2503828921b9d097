// Who is calling: every route not marked public needs `Authorization: Bearer ygr_...` or the session cookie, and
// a cookie-signed state change also needs the session's X-CSRF-Token. Sets request.actor for the handlers.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymousActor, type Actor } from '../../access/actor.js';
import { csrfTokenMatches } from '../../access/session-service.js';
import { YaguraError } from '../../core/errors.js';
import type { RouteDeps } from '../deps.js';
import { SESSION_COOKIE, readCookie } from './cookies.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Routes answered without user credentials: health, the OpenAPI document, sign-in, metrics (loopback
     * only by default) and the ingest endpoints, which check their own ingest tokens.
     */
    public?: boolean;
  }
  interface FastifyRequest {
    actor?: Actor;
    /** Present when the request was signed in by session cookie. */
    session?: { secret: string; csrfToken: string; expiresAt: number };
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/** The caller of an authenticated route (the hook has run); UNAUTHENTICATED otherwise. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new YaguraError('UNAUTHENTICATED', 'Sign in or send an API token');
  return request.actor;
}

export function isSecure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

function bearerOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function installAuthentication(app: FastifyInstance, deps: RouteDeps): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request) => {
    // Unknown routes fall through to the 404 handler: a route name reveals nothing of any tenant.
    if (request.routeOptions.url === undefined) return;
    if (request.routeOptions.config.public) return;
    const { access } = deps;
    const address = request.ip;
    const bearer = bearerOf(request.headers.authorization);
    if (bearer !== undefined) {
      request.actor = await access.tokens.resolve(bearer, address);
      return;
    }
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (cookie !== undefined && cookie !== '') {
      const session = await access.sessions.resolve(cookie, address);
      request.actor = session.actor;
      request.session = { secret: cookie, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
      if (STATE_CHANGING.has(request.method)) {
        const presented = request.headers[CSRF_HEADER];
        if (!csrfTokenMatches(typeof presented === 'string' ? presented : undefined, session.csrfToken)) {
          await access.audit.record({
            actor: session.actor,
            action: 'auth.csrf',
            outcome: 'denied',
            details: { method: request.method, route: request.routeOptions.url },
          });
          throw new YaguraError(
            'CSRF_INVALID',
            `A ${request.method} signed in by session cookie needs the X-CSRF-Token header from sign-in`,
          );
        }
      }
      return;
    }
    await access.audit.record({
      actor: anonymousActor(address),
      action: 'auth.denied',
      outcome: 'failure',
      details: {
        reason: request.headers.authorization ? 'unsupported authorization scheme' : 'no credentials',
        method: request.method,
        route: request.routeOptions.url,
      },
    });
    throw new YaguraError(
      'UNAUTHENTICATED',
      'This route needs credentials: an `Authorization: Bearer ygr_...` token or a session from POST /api/auth/login',
    );
  });
}
