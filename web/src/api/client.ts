// The typed Yagura API client: openapi-fetch over the generated schema, shared by the console and the tests.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type Schemas = components['schemas'];
export type YaguraEvent = Schemas['Event'];
export type Tenant = Schemas['Tenant'];
export type SignedInUser = Schemas['SignedInUser'];
export type YaguraClient = Client<paths>;

/** An error answer of the API, with the catalogue code and where the problem is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Character offset of a query syntax error, when the server located one. */
  get offset(): number | undefined {
    const location = this.details.location as { offset?: unknown } | undefined;
    return typeof location?.offset === 'number' ? location.offset : undefined;
  }
}

export interface ApiOptions {
  /** Server address; empty for the page's own origin. */
  baseUrl?: string;
  /** Extra headers on every request, e.g. a bearer token in tests. */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** Called when a call other than sign-in fails with 401: the session has ended. */
  onUnauthorized?: () => void;
}

export interface Api {
  client: YaguraClient;
  /** The session's CSRF token, sent on every state change once known. */
  setCsrfToken(token: string | undefined): void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createApi(options: ApiOptions = {}): Api {
  let csrf: string | undefined;
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    headers: options.headers ?? {},
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use({
    onRequest({ request }) {
      if (csrf && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', csrf);
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/')) {
        options.onUnauthorized?.();
      }
      return response;
    },
  });
  return {
    client,
    setCsrfToken(token) {
      csrf = token;
    },
  };
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an ApiError built from the error body (or the bare status when there is none). */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const body = (error ?? {}) as {
    error?: { code?: string; message?: string; details?: Record<string, unknown> };
  };
  throw new ApiError(
    response.status,
    body.error?.code ?? `HTTP_${response.status}`,
    body.error?.message ?? response.statusText ?? `HTTP ${response.status}`,
    body.error?.details ?? {},
  );
}
