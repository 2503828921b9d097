// The signed webhook channel: POSTs the notification's JSON with an HMAC-SHA256 signature over timestamp and body.
//
// Verifying on the receiving side (any language):
//   1. Read the header `X-Yagura-Signature: t=<unix seconds>,v1=<hex>` and the raw request body (bytes as sent,
//      before any JSON parsing).
//   2. Compute HMAC-SHA256 with the shared secret over `<t>.<raw body>` and hex-encode it.
//   3. Compare it with v1 in constant time, and refuse a t more than 5 minutes from your clock (replays).
// verifyWebhookSignature() below does exactly this and is what the tests use.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { displayUrl, type Channel, type Notification } from './channel.js';
import { postJson } from './http-post.js';

export const SIGNATURE_HEADER = 'X-Yagura-Signature';
export const DEFAULT_TOLERANCE_S = 300;

export interface WebhookOptions {
  url: string;
  /** The shared secret (at least 16 characters). */
  secret: string;
  timeoutMs?: number;
  /** Seconds since the epoch; injectable for tests. */
  now?: () => number;
}

/** The header value for `body` signed at `timestamp` (unix seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** True when `header` signs `body` with `secret` and its time is within `toleranceS` of `nowS`. */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  options: { nowS?: number; toleranceS?: number } = {},
): boolean {
  if (!header) return false;
  const parts = new Map<string, string>();
  for (const piece of header.split(',')) {
    const at = piece.indexOf('=');
    if (at > 0) parts.set(piece.slice(0, at).trim(), piece.slice(at + 1).trim());
  }
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return false;
  const now = options.nowS ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceS ?? DEFAULT_TOLERANCE_S)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

export class WebhookChannel implements Channel {
  readonly kind = 'webhook';
  readonly target: string;

  constructor(private readonly options: WebhookOptions) {
    if (options.secret.length < 16) throw new Error('A webhook secret needs at least 16 characters');
    this.target = displayUrl(options.url);
  }

  async send(message: Notification): Promise<void> {
    const body = JSON.stringify(message.data);
    const t = Math.floor(this.options.now?.() ?? Date.now() / 1000);
    await postJson(this.options.url, body, {
      headers: { [SIGNATURE_HEADER]: signWebhook(this.options.secret, body, t) },
      ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}),
    });
  }
}
