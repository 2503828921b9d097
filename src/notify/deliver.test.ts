// Delivery with retries against real receivers: attempts, backoff waits and the record of each attempt.
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, deliver } from './deliver.js';
import { escalationMessage } from './templates.js';
import { startHttpReceiver, unusedPort, type HttpReceiver } from './test-receivers.js';
import { WebhookChannel } from './webhook.js';

const SECRET = 'shared-secret-0123456789';
const MESSAGE = escalationMessage(
  {
    escalationId: 'e',
    alertId: 'a',
    rule: { id: 'r', title: 'Rule', level: 'high' },
    severity: { score: 70, level: 'high' },
    tenant: { id: 't', name: 'T', timeZone: 'UTC' },
    entity: {},
    firstSeen: 0,
    lastSeen: 0,
    findings: 1,
    events: 1,
    assessment: 'real',
    recommendedActions: [],
    analyst: 'x',
    responseTargetMinutes: null,
  },
  'en',
);

let receiver: HttpReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('deliver', () => {
  it('retries a receiver that fails twice and records three attempts', async () => {
    receiver = await startHttpReceiver((n) => (n <= 2 ? 500 : 200));
    const waits: number[] = [];
    const record = await deliver(new WebhookChannel({ url: receiver.url, secret: SECRET }), MESSAGE, {
      attempts: 5,
      initialDelayMs: 100,
      factor: 3,
      jitter: 0,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(record.status).toBe('delivered');
    expect(record.attempts.map((a) => a.ok)).toEqual([false, false, true]);
    expect(record.attempts[0]?.error).toMatch(/HTTP 500/);
    expect(record.lastError).toBeNull();
    expect(waits).toEqual([100, 300]);
    expect(receiver.requests).toHaveLength(3);
  });

  it('gives up after the bounded attempts with the last error, without throwing', async () => {
    const port = await unusedPort();
    const channel = new WebhookChannel({ url: `http://127.0.0.1:${port}/hook`, secret: SECRET });
    const record = await deliver(channel, MESSAGE, { attempts: 3, initialDelayMs: 1 });
    expect(record.status).toBe('failed');
    expect(record.attempts).toHaveLength(3);
    expect(record.lastError).toMatch(/ECONNREFUSED/);
  });

  it('grows the wait exponentially up to its cap', () => {
    const policy = { initialDelayMs: 1000, factor: 2, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
