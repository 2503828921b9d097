// The Splunk HTTP Event Collector endpoints (/services/collector/...), answering as Splunk does.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RawMessage } from '../../core/raw-message.js';
import { contentEncodingOf } from '../../inputs/http/content-encoding.js';
import {
  decodeHecEvents,
  decodeHecRaw,
  HecError,
  hecAnswers,
  type HecAnswer,
  type HecDefaults,
} from '../../inputs/http/hec-body.js';
import type { MessageContext } from '../../inputs/http/ingest-body.js';
import { TokenTable, tokenFromAuthorization, type TokenGrant } from '../../inputs/http/tokens.js';
import type { RouteDeps } from '../deps.js';
import { toYaguraError } from '../errors.js';
import { acceptRawBodies, bodyBytes } from '../raw-body.js';
import { markRoutesPublic } from '../auth/public.js';

export const INPUT = 'hec';

const hecResponseSchema = z
  .object({
    text: z.string(),
    code: z
      .number()
      .int()
      .describe('Splunk HEC status code: 0 success, 2/3/4 token, 5 no data, 6 invalid format, 9 busy.'),
    'invalid-event-number': z
      .number()
      .int()
      .optional()
      .describe('0-based index of the event that failed the request.'),
  })
  .meta({ id: 'HecAnswer', description: 'A Splunk HEC answer.' });

const metadataQuery = z
  .object({
    channel: z.string().optional().describe('Splunk channel id (also read from X-Splunk-Request-Channel).'),
    host: z.string().optional().describe('Default host for the events (`host.name`).'),
    source: z.string().optional().describe('Default source (`hec.source`).'),
    sourcetype: z.string().optional().describe('Default sourcetype (`hec.sourcetype`).'),
    index: z.string().optional().describe('Default index (`hec.index`).'),
  })
  .loose();

const responses = {
  200: hecResponseSchema,
  400: hecResponseSchema,
  401: hecResponseSchema,
  403: hecResponseSchema,
  413: hecResponseSchema,
  415: hecResponseSchema,
  503: hecResponseSchema,
};

const EVENT_PATHS = ['/services/collector', '/services/collector/event', '/services/collector/event/1.0'];
const RAW_PATHS = ['/services/collector/raw', '/services/collector/raw/1.0'];
const HEALTH_PATHS = ['/services/collector/health', '/services/collector/health/1.0'];

function send(reply: FastifyReply, answer: HecAnswer, extra?: Record<string, number>): FastifyReply {
  if (answer.status === 503) reply.header('retry-after', '1');
  return reply.code(answer.status).send({ text: answer.text, code: answer.code, ...extra });
}

/** The HEC answer for an error thrown while reading or decoding the request. */
function answerFor(err: unknown): { answer: HecAnswer; invalidEventNumber?: number } {
  if (err instanceof HecError) {
    return err.invalidEventNumber === undefined
      ? { answer: err.answer }
      : { answer: err.answer, invalidEventNumber: err.invalidEventNumber };
  }
  const error = toYaguraError(err);
  switch (error.code) {
    case 'BODY_TOO_LARGE':
      return { answer: hecAnswers.tooLarge };
    case 'UNSUPPORTED_MEDIA_TYPE':
      return { answer: hecAnswers.unsupportedEncoding };
    case 'INTERNAL':
      return { answer: hecAnswers.internal };
    default:
      return { answer: hecAnswers.invalidDataFormat };
  }
}

export const hecRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  // Public to user authentication: these routes check their own ingest tokens.
  markRoutesPublic(app);
  const { sink } = deps;
  const tokens = new TokenTable(deps.http.hec.tokens, deps.tenants, 'inputs.http.hec.tokens');
  const grantOf = new WeakMap<FastifyRequest, TokenGrant>();

  app.setErrorHandler((err, request, reply) => {
    const { answer, invalidEventNumber } = answerFor(err);
    if (answer === hecAnswers.internal)
      request.log.error({ err }, 'A HEC request failed with an unexpected error.');
    if (answer.status === 413) reply.header('connection', 'close');
    return send(
      reply,
      answer,
      invalidEventNumber === undefined ? undefined : { 'invalid-event-number': invalidEventNumber },
    );
  });

  for (const path of HEALTH_PATHS) {
    app.get(
      path,
      {
        schema: {
          summary: 'HEC health',
          tags: ['hec'],
          response: { 200: hecResponseSchema, 503: hecResponseSchema },
        },
      },
      async (_request, reply) =>
        sink.full || sink.closing ? send(reply, hecAnswers.serverBusy) : send(reply, hecAnswers.healthy),
    );
  }

  // The body routes live in their own scope: their catch-all byte parser and checks do not reach the health route.
  await app.register(async (scope) => {
    acceptRawBodies(scope, deps.bodyLimitBytes);

    // As Splunk does: token first, then the server's state, all before the body is read.
    scope.addHook('onRequest', async (request, reply) => {
      const header = request.headers.authorization;
      if (!header) return send(reply, hecAnswers.tokenRequired);
      const token = tokenFromAuthorization(header, 'Splunk');
      if (token === undefined) return send(reply, hecAnswers.invalidAuthorization);
      const grant = tokens.lookup(token) ?? (await deps.access.ingestTokens.lookup('hec', token));
      if (!grant) return send(reply, hecAnswers.invalidToken);
      if (!contentEncodingOf(request.headers['content-encoding']))
        return send(reply, hecAnswers.unsupportedEncoding);
      if (sink.full || sink.closing) return send(reply, hecAnswers.serverBusy);
      grantOf.set(request, grant);
    });

    const handle =
      (decode: (body: Buffer, ctx: MessageContext, defaults: HecDefaults) => RawMessage[]) =>
      async (
        request: FastifyRequest<{ Querystring: z.infer<typeof metadataQuery> }>,
        reply: FastifyReply,
      ) => {
        const grant = grantOf.get(request);
        if (!grant) return send(reply, hecAnswers.invalidToken);
        const q = request.query;
        const channelHeader = request.headers['x-splunk-request-channel'];
        const defaults: HecDefaults = {};
        const channel = q.channel ?? (typeof channelHeader === 'string' ? channelHeader : undefined);
        if (channel) defaults.channel = channel;
        if (q.host) defaults.host = q.host;
        if (q.source) defaults.source = q.source;
        if (q.sourcetype) defaults.sourcetype = q.sourcetype;
        if (q.index) defaults.index = q.index;
        if (grant.name) defaults.tokenName = grant.name;
        const messages = decode(
          bodyBytes(request.body),
          { tenant: grant.tenant, input: INPUT, receivedAt: deps.now(), sourceAddress: request.ip },
          defaults,
        );
        if (sink.closing) return send(reply, hecAnswers.serverBusy);
        sink.push(messages);
        return send(reply, hecAnswers.success);
      };

    const eventDoc = {
      summary: 'Send HEC events',
      description:
        'Splunk HEC event endpoint: JSON envelopes `{time?, host?, source?, sourcetype?, index?, event, fields?}` one after another (newlines optional). `Authorization: Splunk <token>`: a token of `inputs.http.hec.tokens` or a hec token created with POST /api/tenants/{id}/ingest-tokens. All or nothing: a bad envelope fails the request with its `invalid-event-number`.',
      tags: ['hec'],
      querystring: metadataQuery,
      response: responses,
    };
    const rawDoc = {
      summary: 'Send raw HEC lines',
      description:
        'Splunk HEC raw endpoint: each body line is one event; `channel`, `host`, `source`, `sourcetype` and `index` come from the query string.',
      tags: ['hec'],
      querystring: metadataQuery,
      response: responses,
    };
    const textBody = { required: true, content: { 'application/json': { schema: { type: 'string' } } } };
    const rawBody = { required: true, content: { 'text/plain': { schema: { type: 'string' } } } };
    for (const path of EVENT_PATHS) {
      scope.post(
        path,
        { schema: eventDoc, config: { openapiRequestBody: textBody } },
        handle(decodeHecEvents),
      );
    }
    for (const path of RAW_PATHS) {
      scope.post(path, { schema: rawDoc, config: { openapiRequestBody: rawBody } }, handle(decodeHecRaw));
    }
  });
};
