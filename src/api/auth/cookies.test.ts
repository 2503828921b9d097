import { describe, expect, it } from 'vitest';
import { readCookie, sessionCookie } from './cookies.js';
import { SlidingWindowLimiter } from './rate-limit.js';

describe('the session cookie', () => {
  it('is read from a Cookie header among others, quoted or not', () => {
    expect(readCookie('a=1; yagura_session=abc; b=2', 'yagura_session')).toBe('abc');
    expect(readCookie('yagura_session="q%20v"', 'yagura_session')).toBe('q v');
    expect(readCookie('other=1', 'yagura_session')).toBeUndefined();
    expect(readCookie(undefined, 'yagura_session')).toBeUndefined();
  });

  it('is httpOnly, SameSite=Strict, whole-site, and Secure only over TLS', () => {
    expect(sessionCookie('v', 60, false)).toBe(
      'yagura_session=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=60',
    );
    expect(sessionCookie('v', 60, true)).toMatch(/; Secure$/);
  });
});

describe('SlidingWindowLimiter', () => {
  it('allows the limit per window and says when the oldest attempt leaves it', () => {
    const limiter = new SlidingWindowLimiter(2, 60_000);
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 10_000)).toBe(0);
    expect(limiter.take('a', 20_000)).toBe(40);
    expect(limiter.take('b', 20_000)).toBe(0);
    expect(limiter.take('a', 60_001)).toBe(0);
  });
});
