// Idempotency keys for creates: the first response to (actor, key) is kept for a while and replayed to a retry;
// the same key with a different request is a conflict. Held in memory: a restart forgets them (documented).
import { createHash } from 'node:crypto';
import { YaguraError } from '../core/errors.js';

export interface StoredResponse {
  statusCode: number;
  contentType: string | undefined;
  body: string;
}

interface Entry {
  fingerprint: string;
  at: number;
  response?: StoredResponse;
}

export interface IdempotencyOptions {
  /** How long a key is remembered (default 24 hours). */
  ttlMs?: number;
  /** Most keys held; the oldest go first beyond it (default 10000). */
  maxEntries?: number;
  clock?: () => number;
}

export type IdempotencyClaim =
  | { kind: 'new'; complete(response: StoredResponse): void; abandon(): void }
  | { kind: 'replay'; response: StoredResponse };

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => number;

  constructor(options: IdempotencyOptions = {}) {
    this.ttlMs = options.ttlMs ?? 24 * 3_600_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * Claims `key` for `actorId` and a request described by `request` (method, path, body). A new key returns
   * `complete` to store the response; a key seen before with the same request returns the stored response; a
   * different request, or one still in progress, is CONFLICT.
   */
  claim(actorId: string, key: string, request: string): IdempotencyClaim {
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new YaguraError('REQUEST_INVALID', 'Idempotency-Key must be 1-200 visible ASCII characters', {
        location: { key: 'Idempotency-Key' },
      });
    }
    const now = this.clock();
    this.expire(now);
    const id = `${actorId}\u0000${key}`;
    const fingerprint = createHash('sha256').update(request).digest('hex');
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw new YaguraError(
          'CONFLICT',
          'This Idempotency-Key was already used with a different request; use a new key',
        );
      }
      if (!existing.response) {
        throw new YaguraError('CONFLICT', 'A request with this Idempotency-Key is still in progress');
      }
      return { kind: 'replay', response: existing.response };
    }
    const entry: Entry = { fingerprint, at: now };
    this.entries.set(id, entry);
    return {
      kind: 'new',
      complete: (response) => {
        entry.response = response;
      },
      abandon: () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
    };
  }

  private expire(now: number): void {
    // Map order is insertion order, so the oldest entries come first.
    for (const [id, entry] of this.entries) {
      if (entry.at + this.ttlMs > now && this.entries.size < this.maxEntries) break;
      this.entries.delete(id);
    }
  }
}
