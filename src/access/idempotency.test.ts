import { describe, expect, it } from 'vitest';
import { IdempotencyStore } from './idempotency.js';

const response = { statusCode: 201, contentType: 'application/json', body: '{"id":1}' };

describe('IdempotencyStore', () => {
  it('replays the stored response for the same actor, key and request', () => {
    const store = new IdempotencyStore();
    const first = store.claim('u1', 'k', 'POST /x {}');
    expect(first.kind).toBe('new');
    if (first.kind === 'new') first.complete(response);
    expect(store.claim('u1', 'k', 'POST /x {}')).toEqual({ kind: 'replay', response });
    expect(store.claim('u2', 'k', 'POST /x {}').kind).toBe('new');
  });

  it('refuses the key for a different request and while the first is in progress', () => {
    const store = new IdempotencyStore();
    store.claim('u1', 'k', 'a');
    expect(() => store.claim('u1', 'k', 'a')).toThrow(/in progress/);
    expect(() => store.claim('u1', 'k', 'b')).toThrow(/different request/);
  });

  it('forgets a key after its time to live and frees an abandoned one', () => {
    const clock = { now: 0 };
    const store = new IdempotencyStore({ ttlMs: 1000, clock: () => clock.now });
    const first = store.claim('u1', 'k', 'a');
    if (first.kind === 'new') first.complete(response);
    clock.now = 1000;
    expect(store.claim('u1', 'k', 'b').kind).toBe('new');
    const other = store.claim('u1', 'j', 'a');
    if (other.kind === 'new') other.abandon();
    expect(store.claim('u1', 'j', 'a').kind).toBe('new');
  });

  it('refuses a key that is empty or not visible ASCII', () => {
    expect(() => new IdempotencyStore().claim('u1', '', 'a')).toThrow(/Idempotency-Key/);
    expect(() => new IdempotencyStore().claim('u1', 'ключ', 'a')).toThrow(/Idempotency-Key/);
  });
});
