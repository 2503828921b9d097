// Delivers one notification through one channel with bounded retries and exponential backoff, keeping a record of
// every attempt. It never throws: the outcome is in the record.
import type { Channel, Notification } from './channel.js';

export interface RetryPolicy {
  /** Attempts in all, first included (default 4). */
  attempts?: number;
  /** Wait before the second attempt (default 2 s); each later wait is `factor` times the previous one. */
  initialDelayMs?: number;
  factor?: number;
  /** Cap of one wait (default 60 s). */
  maxDelayMs?: number;
  /** Adds up to this share of random spread to each wait so many senders do not retry in step (default 0.2). */
  jitter?: number;
}

export interface DeliveryAttempt {
  attempt: number;
  /** Epoch ms when the attempt started. */
  at: number;
  durationMs: number;
  ok: boolean;
  error?: string;
}

export interface Delivery {
  kind: Channel['kind'];
  target: string;
  status: 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  lastError: string | null;
  /** Epoch ms when the last attempt ended. */
  finishedAt: number;
}

export interface DeliverOptions extends RetryPolicy {
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const MAX_ATTEMPTS = 10;

/** The wait before attempt `n + 1` (n >= 1), before jitter. */
export function backoffDelay(n: number, policy: RetryPolicy = {}): number {
  const initial = policy.initialDelayMs ?? 2000;
  const factor = policy.factor ?? 2;
  return Math.min(initial * factor ** (n - 1), policy.maxDelayMs ?? 60_000);
}

export async function deliver(
  channel: Channel,
  message: Notification,
  options: DeliverOptions = {},
): Promise<Delivery> {
  const attempts = Math.min(Math.max(1, Math.floor(options.attempts ?? 4)), MAX_ATTEMPTS);
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const jitter = options.jitter ?? 0.2;
  const log: DeliveryAttempt[] = [];
  for (let n = 1; n <= attempts; n++) {
    const at = clock();
    try {
      await channel.send(message);
      log.push({ attempt: n, at, durationMs: clock() - at, ok: true });
      return record(channel, 'delivered', log, null, clock());
    } catch (error) {
      const text = errorText(error);
      log.push({ attempt: n, at, durationMs: clock() - at, ok: false, error: text });
      if (n === attempts) return record(channel, 'failed', log, text, clock());
      const base = backoffDelay(n, options);
      await sleep(Math.round(base * (1 + jitter * random())));
    }
  }
  // Unreachable: the loop returns on its last attempt.
  return record(channel, 'failed', log, 'no attempt made', clock());
}

function record(
  channel: Channel,
  status: Delivery['status'],
  attempts: DeliveryAttempt[],
  lastError: string | null,
  finishedAt: number,
): Delivery {
  return { kind: channel.kind, target: channel.target, status, attempts, lastError, finishedAt };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}
