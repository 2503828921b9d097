// POSTs a JSON body for the webhook and chat channels: a bounded wait, and any answer but 2xx is a failure.

export interface PostOptions {
  headers?: Record<string, string>;
  /** Longest wait for the answer (default 10 s). */
  timeoutMs?: number;
}

export async function postJson(url: string, body: string, options: PostOptions = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new Error(`POST failed: ${describe(error)}`, { cause: error });
  }
  // The body is read (and dropped) so the connection can be reused; a few characters go into the error.
  const answer = await response.text().catch(() => '');
  if (!response.ok) {
    const excerpt = answer.trim().slice(0, 200);
    throw new Error(`HTTP ${response.status}${excerpt ? `: ${excerpt}` : ''}`);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch hides the socket error (ECONNREFUSED, ENOTFOUND) in its cause.
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) return `${error.message} (${cause.message})`;
  return error.message;
}
