// What the tabs need beyond the typed client: calls to routes not yet in the schema, saving a downloaded blob,
// and an upload over XMLHttpRequest (for its progress events) that still goes through the client's middleware.
import type { YaguraClient } from '../../../api/client.js';

export interface LooseResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface LooseInit {
  params?: { path?: Record<string, string>; query?: Record<string, string> };
  body?: unknown;
  parseAs?: 'json' | 'text' | 'blob';
  signal?: AbortSignal;
}

type LooseCall = (path: string, init?: LooseInit) => Promise<LooseResult>;

/**
 * The client without path typing, for routes the generated schema does not list yet (the reports). Calls still go
 * through the client's middleware: the CSRF token and the session-expiry check.
 */
export function looseClient(client: YaguraClient): { GET: LooseCall; POST: LooseCall } {
  return client as unknown as { GET: LooseCall; POST: LooseCall };
}

/** Saves a blob under a file name through a temporary object URL. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function responseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * A fetch for one request that sends `body` with XMLHttpRequest, reporting upload progress. The client builds the
 * request (address, headers, CSRF token) and hands it here; the file goes as it is, never read into memory.
 */
export function uploadWithProgress(
  body: Blob,
  onProgress: (loaded: number, total: number) => void,
): (request: Request) => Promise<Response> {
  return (request) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      xhr.withCredentials = true;
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded, e.total);
      };
      xhr.onload = () =>
        resolve(
          new Response(xhr.status === 204 ? null : xhr.responseText, {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: responseHeaders(xhr.getAllResponseHeaders()),
          }),
        );
      xhr.onerror = () => reject(new TypeError('The upload failed: the server could not be reached.'));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
      request.signal.addEventListener('abort', () => xhr.abort());
      xhr.send(body);
    });
}
