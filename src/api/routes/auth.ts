// Signing in and out: POST /api/auth/login (sets the session cookie), POST /api/auth/logout, GET /api/auth/me and
// PUT /api/auth/me/preferences.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonymousActor, ROLES, type Actor } from '../../access/actor.js';
import { heldPermissions } from '../../access/permissions.js';
import { LANGUAGES } from '../../access/tenant-service.js';
import { YaguraError } from '../../core/errors.js';
import { actorOf, isSecure } from '../auth/authenticate.js';
import { clearedSessionCookie, sessionCookie } from '../auth/cookies.js';
import type { RouteDeps } from '../deps.js';
import { errorResponseSchema } from '../errors.js';

const signedInUser = z
  .object({
    id: z.string(),
    username: z.string(),
    role: z.enum(ROLES),
    tenants: z
      .union([z.literal('all'), z.array(z.string())])
      .describe('"all" for admins, otherwise the tenants the user acts in.'),
  })
  .meta({ id: 'SignedInUser', description: 'Who a request acts as.' });

const loginBody = z
  .object({
    username: z.string().min(1).max(128),
    password: z.string().min(1).max(1024),
  })
  .strict();

const loginResponse = z.object({
  user: signedInUser,
  csrfToken: z
    .string()
    .describe('Send it as X-CSRF-Token on every POST, PATCH, PUT and DELETE of this session.'),
  expiresAt: z.number().describe('Epoch ms when the session ends if it stays unused.'),
});

const meResponse = z.object({
  user: signedInUser,
  via: z.enum(['session', 'token']),
  csrfToken: z.string().optional().describe("The session's CSRF token (session callers only)."),
  scopes: z.array(z.string()).optional().describe("The token's scopes, when it has any."),
  permissions: z
    .array(z.string())
    .describe("Permissions the caller holds (docs/roles.md): the role's, narrowed to a token's scopes."),
  language: z
    .enum(LANGUAGES)
    .nullable()
    .describe('The console language the user chose; null until they choose one.'),
});

const preferencesBody = z.object({ language: z.enum(LANGUAGES).describe('Console language.') }).strict();

const preferencesResponse = z.object({ language: z.enum(LANGUAGES) });

function userOf(actor: Actor): z.infer<typeof signedInUser> {
  return {
    id: actor.id,
    username: actor.name,
    role: actor.role,
    tenants: actor.tenants === 'all' ? 'all' : [...actor.tenants],
  };
}

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 429: errorResponseSchema };

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        summary: 'Sign in with a user name and password',
        description:
          'Sets the httpOnly `yagura_session` cookie and returns the CSRF token the session needs on state changes. Attempts are rate limited per address and per user name (429 with Retry-After); repeated wrong passwords lock the account.',
        tags: ['auth'],
        security: [],
        body: loginBody,
        response: { 200: loginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const address = request.ip;
      const now = deps.now();
      const wait = Math.max(
        deps.loginLimits.byAddress.take(address, now),
        deps.loginLimits.byUser.take(username.toLowerCase(), now),
      );
      if (wait > 0) {
        await deps.access.audit.record({
          actor: anonymousActor(address),
          action: 'auth.login',
          outcome: 'denied',
          details: { username: username.slice(0, 128), reason: 'rate limited' },
        });
        throw new YaguraError('RATE_LIMITED', `Too many sign-in attempts; try again in ${wait} s`, {
          retryAfterSeconds: wait,
        });
      }
      const actor = await deps.access.users.authenticate(username, password, address);
      const session = await deps.access.sessions.start(actor);
      reply.header(
        'set-cookie',
        sessionCookie(session.secret, deps.auth.sessionMaxHours * 3600, isSecure(request)),
      );
      return { user: userOf(actor), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        summary: 'Sign out (end this session)',
        description:
          'Ends the session of the cookie and clears it. With a bearer token there is nothing to end.',
        tags: ['auth'],
        response: {
          204: z.null().describe('Signed out.'),
          401: errorResponseSchema,
          403: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.session) {
        await deps.access.sessions.end(request.session.secret, actor);
        reply.header('set-cookie', clearedSessionCookie(isSecure(request)));
      }
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        summary: 'Who this request acts as',
        tags: ['auth'],
        response: { 200: meResponse, 401: errorResponseSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { language } = await deps.access.users.preferences(actor);
      return {
        user: userOf(actor),
        via: request.session ? ('session' as const) : ('token' as const),
        ...(request.session ? { csrfToken: request.session.csrfToken } : {}),
        ...(actor.scopes ? { scopes: [...actor.scopes] } : {}),
        permissions: heldPermissions(actor),
        language,
      };
    },
  );

  app.put(
    '/api/auth/me/preferences',
    {
      schema: {
        summary: "Change the caller's own console preferences",
        description: 'Any signed-in user (or their token) may, for their own account; the change is audited.',
        tags: ['auth'],
        body: preferencesBody,
        response: {
          200: preferencesResponse,
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const saved = await deps.access.users.setPreferences(actorOf(request), request.body);
      return { language: saved.language ?? request.body.language };
    },
  );
};
